"""Student aid on the Django side: the roster follows the student records and the rates in force that year,
a change of next year's rate leaves this year's amounts, the check finds who is missing, and the roster is
personal data (its own school only, every view logged)."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import County
from tests.indicators.helpers import figure
from tests.registries.helpers import catalogue
from vetplan.indicators.models import DataValue
from vetplan.mechanisms import aid, parameters
from vetplan.mechanisms.models import AidAward, AidRoster
from vetplan.registries.models import PersonalDataAccess, SchoolMajor, Student

pytestmark = pytest.mark.django_db


def _students(county: County) -> dict[str, Student]:
    majors = catalogue()
    farming = SchoolMajor.objects.create(school=county.school, major=majors["610101"], opened_year=2020)
    machines = SchoolMajor.objects.create(school=county.school, major=majors["660301"], opened_year=2020)
    rows = [
        # number, name, entered, major, difficulty, poverty
        ("S1", "一年级农学", 2026, farming, False, ""),
        ("S2", "一年级机电困难", 2026, machines, True, ""),
        ("S3", "一年级机电", 2026, machines, False, ""),
        ("S4", "二年级脱贫户", 2025, machines, False, "lifted"),
        ("S5", "三年级困难", 2024, machines, True, ""),
    ]
    return {
        number: Student.objects.create(
            school=county.school, school_major=major, student_number=number, name=name, gender="M",
            grade=2026 - entered + 1, enrolment_year=entered, family_difficulty=difficulty, poverty=poverty,
        )
        for number, name, entered, major, difficulty, poverty in rows
    }  # fmt: skip


def _awards(sheet: AidRoster) -> set[tuple[str, str, Decimal]]:
    return {(a.student.student_number, a.kind, a.amount) for a in sheet.awards.select_related("student")}


def test_the_roster_follows_the_rules_and_writes_the_schools_totals(county: County) -> None:
    _students(county)
    sheet = aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=county.users["school_reporter"])
    grants = {(n, k, a) for n, k, a in _awards(sheet) if k == "grant"}
    assert grants == {("S1", "grant", Decimal(1000)), ("S2", "grant", Decimal(1000))}  # 2,000 元/年 ÷ 2
    assert ("S4", "yulu", Decimal(1500)) in _awards(sheet)
    assert {n for n, k, _ in _awards(sheet) if k == "fee"} == {"S1", "S2", "S3", "S4", "S5"}
    assert ("S5", "grant") not in {(n, k) for n, k, _ in _awards(sheet)}  # 三年级: no 助学金
    assert sheet.parameter_version == "aid.national_grant@2019,aid.yulu@2015"
    amount = DataValue.objects.get(organization=county.school, year=2026, element__code="aid_national_amount")
    assert (amount.value, amount.source) == (2000, "policy")
    total = figure("aid_national_total", 2026, region=county.region)
    assert total.value == 2000


def test_next_years_rate_leaves_this_years_amounts(county: County) -> None:
    _students(county)
    before = _awards(aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=None))
    parameters.set_parameter(
        "aid.national_grant", 2027, 2300, "某省2027年起国家助学金标准", by=county.users["county_admin"]
    )
    again = aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=None)  # remade after the change
    assert _awards(again) == before
    spring = aid.generate(county.school, 2027, AidRoster.Term.SPRING, by=None)
    assert ("S1", "grant", Decimal(1150)) in _awards(spring)
    assert AidAward.objects.filter(roster=again, kind="grant").first().parameter_version == "aid.national_grant@2019"


def test_the_check_lists_students_who_look_eligible_but_are_not_on_the_roster(county: County) -> None:
    students = _students(county)
    sheet = aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=None)
    assert aid.not_on_roster(sheet) == []
    students["S3"].family_difficulty = True  # assessed as 困难 after the roster was made
    students["S3"].save()
    taken_off = sheet.awards.get(student=students["S1"], kind="grant")
    aid.remove(taken_off, "未提交申请", by=None)
    missing = {(m.student_number, m.kind, m.reason) for m in aid.not_on_roster(sheet)}
    assert missing == {
        ("S3", "国家助学金", "名册生成后新符合条件（或名册生成时未在册）"),
        ("S1", "国家助学金", "已移出：未提交申请"),
    }
    # Remade, the new student is on it and the one taken off stays off.
    sheet = aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=None)
    assert {(m.student_number, m.kind) for m in aid.not_on_roster(sheet)} == {("S1", "国家助学金")}
    assert (
        DataValue.objects.get(organization=county.school, year=2026, element__code="aid_national_students").value == 2
    )


def test_the_roster_is_its_schools_own_and_every_view_is_logged(county: County, client_as: Any) -> None:
    _students(county)
    school = client_as(county.users["school_reporter"])
    response = school.post(reverse("mechanisms:aid_generate"), {"year": "2026", "term": "2"})
    sheet = AidRoster.objects.get(school=county.school, year=2026, term=2)
    assert response["Location"] == reverse("mechanisms:aid_roster", args=[sheet.pk])
    page = school.get(response["Location"])
    assert page.status_code == 200 and "二年级脱贫户" in page.content.decode()
    export = school.get(reverse("mechanisms:aid_export", args=[sheet.pk]))
    book = load_workbook(io.BytesIO(export.content))
    rows = [[c.value for c in r] for r in book.worksheets[0].iter_rows(min_row=3)]
    assert len(rows) == sheet.awards.count() and rows[0][:2] == ["S1", "一年级农学"]
    logged = PersonalDataAccess.objects.filter(registry="aid", object_id=sheet.pk).order_by("pk")
    assert list(logged.values_list("purpose", "user__username")) == [("detail", "zhijiao1"), ("export", "zhijiao1")]
    for persona in ("supervisor", "department_reporter"):
        client = client_as(county.users[persona])
        assert client.get(reverse("mechanisms:aid_roster", args=[sheet.pk])).status_code in (403, 404)
        overview = client.get(reverse("mechanisms:aid")).content.decode()
        assert "县职教中心" in overview and "二年级脱贫户" not in overview


def test_a_removal_needs_a_reason(county: County, client_as: Any) -> None:
    _students(county)
    sheet = aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=None)
    award = sheet.awards.first()
    client = client_as(county.users["school_reporter"])
    client.post(reverse("mechanisms:aid_award", args=[award.pk]), {"action": "remove", "reason": "  "})
    award.refresh_from_db()
    assert award.removed_reason == ""
    client.post(reverse("mechanisms:aid_award", args=[award.pk]), {"action": "remove", "reason": "已转学"})
    award.refresh_from_db()
    assert award.removed_reason == "已转学"


def test_a_large_roster_is_shown_a_page_at_a_time_with_its_totals_over_all(county: County, client_as: Any) -> None:
    majors = catalogue()
    machines = SchoolMajor.objects.create(school=county.school, major=majors["660301"], opened_year=2020)
    Student.objects.bulk_create(
        Student(
            school=county.school, school_major=machines, student_number=f"S{n:03}", name=f"学生{n}", gender="F",
            grade=1, enrolment_year=2026,
        )
        for n in range(120)
    )  # fmt: skip
    sheet = aid.generate(county.school, 2026, AidRoster.Term.AUTUMN, by=None)
    assert sheet.awards.count() == 120  # 免学费 for each
    school = client_as(county.users["school_reporter"])
    first = school.get(reverse("mechanisms:aid_roster", args=[sheet.pk])).content.decode()
    assert first.count("<tr><td>S") == 50 and "第 1 / 3 页，共 120 条" in first
    assert "120 人" in first  # the 免学费 card counts the whole roster
    last = school.get(reverse("mechanisms:aid_roster", args=[sheet.pk]) + "?page=3").content.decode()
    assert last.count("<tr><td>S") == 20 and "S119" in last and "S000" not in last
    logged = PersonalDataAccess.objects.filter(registry="aid", object_id=sheet.pk).order_by("pk")
    assert list(logged.values_list("records", flat=True)) == [50, 20]
