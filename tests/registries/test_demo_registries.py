"""The demo county's registries: valid records of the size a county has, figures that follow from them, pages to show."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from vetplan.demo.loader import load_demo_county
from vetplan.indicators.models import DataValue
from vetplan.registries.identity import credit_code_error, id_number_error
from vetplan.registries.kinds import REGISTRIES
from vetplan.registries.models import (
    CatalogueMajor,
    Enterprise,
    EnterpriseYear,
    Internship,
    PracticeEpisode,
    Recognition,
    Student,
    Teacher,
    TrainingCourse,
)


def test_the_demo_county_keeps_valid_records_and_its_figures_follow_them(db: Any) -> None:
    CatalogueMajor.objects.all().delete()  # as a flushed test database has it (the browser tests')
    region = load_demo_county().region
    teachers, students = Teacher.objects.all(), Student.objects.all()
    assert 200 <= teachers.count() <= 500 and 2000 <= students.count() <= 6000
    numbers = [*teachers.values_list("id_number", flat=True), *students.values_list("id_number", flat=True)]
    assert len(set(numbers)) == len(numbers) and not [n for n in numbers if id_number_error(n)]
    assert not [c for c in Enterprise.objects.values_list("credit_code", flat=True) if credit_code_error(c)]
    # The mix the mechanisms need: 双师型, practice short of six months, aid flags, 涉农 majors, internships.
    assert teachers.exclude(dual_level="").count() > 100 and PracticeEpisode.objects.count() > 200
    assert students.filter(poverty="lifted").exists() and students.filter(poverty="monitored").exists()
    assert students.filter(family_difficulty=True).exists()
    assert students.filter(school_major__major__category="农林牧渔大类").exists()
    assert {s for (s,) in students.values_list("status").distinct()} == {
        "enrolled",
        "graduated",
        "transferred",
        "withdrawn",
    }
    assert Internship.objects.filter(enterprise__isnull=False).exists() and Recognition.objects.count() == 2
    assert EnterpriseYear.objects.filter(above_scale=True).exists() and TrainingCourse.objects.count() > 20
    # A school's figures are counts of its records, this year's written from the registry.
    school = teachers.first().school  # type: ignore[union-attr]
    year = DataValue.objects.filter(source="registry", organization=school).latest("year").year
    figures = dict(
        DataValue.objects.filter(organization=school, year=year, source="registry").values_list(
            "element__code", "value"
        )
    )
    specialised = teachers.filter(school=school, employment="full_time", role__in=["specialised", "practical"])
    assert figures["teachers_specialised"] == specialised.count()
    assert figures["teachers_dual_qualified"] == specialised.exclude(dual_level="").count()
    assert 0 < figures["teachers_practice_compliant"] < specialised.count()  # some are short of six months
    assert figures["enrolment_vocational"] == students.filter(school=school, status="enrolled").count()
    assert region.code == "990102"


def test_every_registry_page_and_the_policy_pages_show_the_demo_records(db: Any) -> None:
    load_demo_county()
    client = Client()
    client.force_login(get_user_model().objects.get(username="duban"))
    for code in REGISTRIES:
        listing = client.get(f"/registries/{code}/").content.decode()
        first = re.search(rf'href="/registries/{code}/(\d+)/"', listing)
        assert first is not None, f"{code}: no records listed"
        assert client.get(f"/registries/{code}/{first.group(1)}/").status_code == 200
    assert "示范县顺达物流有限公司：应设 6 个，提供 3 个" in client.get("/policy/internships/").content.decode()
    gaps = client.get("/policy/teachers/").content.decode().split('id="practice-gaps"')[1]
    assert gaps.count("已不足") > 20  # 专业课教师 already short of six months in five years, listed by name
    aid = client.get("/policy/aid/").content.decode()
    assert aid.count("秋季学期") == 3  # a roster for each school
