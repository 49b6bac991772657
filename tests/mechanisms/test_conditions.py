"""办学条件达标 on the Django side: results follow the school's figures, the county share is an indicator a
target links to, a school's standard can be set, missing figures never pass, parameters are per year."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import figure
from tests.mechanisms.helpers import COMPLIANT, put
from vetplan.indicators.models import TargetStatus
from vetplan.indicators.services import link_targets_to_indicators
from vetplan.mechanisms import conditions, parameters
from vetplan.mechanisms.models import ConditionsResult
from vetplan.orgs.models import Organization
from vetplan.plans.models import Target
from vetplan.plans.services import create_target

pytestmark = pytest.mark.django_db


def _second_school(county: County) -> Organization:
    return OrganizationFactory(name="测试县第一职业高级中学", type=Organization.Type.SCHOOL, region=county.region)


def test_a_school_saving_its_figures_gets_a_result_with_each_indicator_and_shortfall(county: County) -> None:
    put(county.school, 2025, **{**COMPLIANT, "building_area": 20800})  # 20.8 m²/生 but under 24,000 m²
    result = ConditionsResult.objects.get(school=county.school, year=2025)
    assert result.kind == "secondary" and result.compliant is False and result.failed == 1
    failed = [c for c in result.checks if c["met"] is False]
    assert [(c["label"], c["shortfall"]) for c in failed] == [("校舍建筑面积", "还差 3,200 m²")]
    per_student = next(c for c in result.checks if c["key"] == "building_per_student")
    assert per_student["met"] is True and per_student["explanation"]["arithmetic"] == "20,800 m² ÷ 1,000 人 = 20.8 m²"
    assert result.parameter_version.startswith("secondary.books_per_student@2010")

    put(county.school, 2025, building_area=24000)  # only the changed figure is sent; the result follows
    assert ConditionsResult.objects.get(school=county.school, year=2025).compliant is True


def test_a_missing_figure_is_not_compliant_and_stays_in_the_denominator(county: County) -> None:
    other = _second_school(county)
    put(county.school, 2025, **COMPLIANT)
    put(other, 2025, **{k: v for k, v in COMPLIANT.items() if k != "library_books"})
    result = ConditionsResult.objects.get(school=other, year=2025)
    assert result.compliant is None and result.missing == 1
    share = figure("conditions_compliance_share", 2025, region=county.region)
    assert (share.numerator, share.denominator, share.value) == (1, 2, 50)


def test_the_target_all_schools_compliant_links_to_the_share_and_shows_its_status(county: County) -> None:
    target = create_target(
        county.plan, by=county.users["supervisor"], seq=9, indicator_text="中等职业学校办学条件全部达标",
        comparator=">=", value=100, unit="%", deadline_year=2025, kind=Target.Kind.TARGET,
        sentence="2025年底前全县中等职业学校办学条件全部达标。",
    )  # fmt: skip
    assert link_targets_to_indicators([target]) == 1  # as the import and the demo link them
    target.refresh_from_db()
    assert target.indicator.code == "conditions_compliance_share"
    other = _second_school(county)
    put(county.school, 2025, **COMPLIANT)
    put(other, 2025, **{**COMPLIANT, "teachers_full_time": 40})  # 生师比 25 > 20, and under 60 teachers
    status = TargetStatus.objects.get(target=target)
    assert status.latest_value == 50 and status.status != TargetStatus.Status.ACHIEVED
    put(other, 2025, teachers_full_time=60)
    status = TargetStatus.objects.get(target=target)
    assert status.latest_value == 100 and status.status == TargetStatus.Status.ACHIEVED


def test_a_higher_vocational_college_is_judged_on_its_own_table_and_not_counted_in_the_share(county: County) -> None:
    college = OrganizationFactory(name="测试县职业技术学院", type=Organization.Type.SCHOOL, region=county.region)
    put(college, 2025, enrolment_higher=9000, teachers_full_time=400, teachers_postgraduate=40,
        teaching_admin_area=150000, equipment_value=4000, library_books=600000)  # fmt: skip
    result = ConditionsResult.objects.get(school=college, year=2025)
    assert result.kind == "higher.engineering"
    # 生师比 22.5 > 18 and 研究生 10% < 15%: two basic indicators → 红牌.
    assert result.failed == 2 and result.card == "红牌"
    put(county.school, 2025, **COMPLIANT)
    share = figure("conditions_compliance_share", 2025, region=county.region)
    assert (share.numerator, share.denominator) == (1, 1)


def test_setting_the_standard_reassesses_the_school(county: County, client_as: Any) -> None:
    put(county.school, 2025, **{**COMPLIANT, "campus_land": 20000})
    assert ConditionsResult.objects.get(school=county.school, year=2025).compliant is False
    parameters.set_parameter(
        "secondary_arts.land", 2022, 15000, "某省艺术类中职办学条件标准", by=county.users["county_admin"]
    )
    parameters.set_parameter(
        "secondary_arts.land_per_student", 2022, 15, "某省艺术类中职办学条件标准", by=county.users["county_admin"]
    )
    client = client_as(county.users["supervisor"])
    url = reverse("mechanisms:conditions_kind", args=[county.school.pk])
    page = client.get(url)
    version = page.context["form"].initial["version"]
    response = client.post(url, {"kind": "secondary_arts", "tuition_fee": "", "version": version})
    assert response.status_code == 302
    result = ConditionsResult.objects.get(school=county.school, year=2025)
    assert result.kind == "secondary_arts" and result.compliant is True


def test_next_years_threshold_leaves_this_years_result(county: County) -> None:
    put(county.school, 2025, **COMPLIANT)
    parameters.set_parameter("secondary.books_per_student", 2026, 40, "某省新标准", by=None)
    put(county.school, 2026, **COMPLIANT)
    put(county.school, 2025, enrolment_vocational=1000)  # unchanged value: nothing recomputed
    conditions.refresh([county.school.pk], [2025, 2026])
    assert ConditionsResult.objects.get(school=county.school, year=2025).compliant is True
    later = ConditionsResult.objects.get(school=county.school, year=2026)
    assert later.compliant is False and "secondary.books_per_student@2026" in later.parameter_version


def test_the_page_lists_each_school_and_the_share_and_the_export_matches(county: County, client_as: Any) -> None:
    other = _second_school(county)
    put(county.school, 2025, **COMPLIANT)
    put(other, 2025, **{**COMPLIANT, "equipment_value": 250})
    client = client_as(county.users["supervisor"])
    page = client.get(reverse("mechanisms:conditions"), {"year": 2025})
    html = page.content.decode()
    assert page.context["share"] == {"schools": 2, "reported": 2, "compliant": 1, "incomplete": 0, "value": 50.0}
    assert "全部达标" in html and "1 项未达标" in html and "还差 500,000 元" in html and "为什么是这个数" in html
    export = client.get(reverse("mechanisms:conditions_export"), {"year": 2025})
    book = load_workbook(io.BytesIO(export.content))
    rows = [[c.value for c in r] for r in book.worksheets[0].iter_rows(min_row=3)]
    assert [
        "测试县第一职业高级中学",
        "一般类中职",
        "仪器设备总值",
        "2,500,000",
        "≥ 3,000,000 元",
        "不达标",
        "还差 500,000 元",
    ] in rows


def test_a_school_reporter_sees_only_its_own_school(county: County, client_as: Any) -> None:
    other = _second_school(county)
    put(county.school, 2025, **COMPLIANT)
    put(other, 2025, **COMPLIANT)
    page = client_as(county.users["school_reporter"]).get(reverse("mechanisms:conditions"), {"year": 2025})
    assert [school.pk for school, _, _ in page.context["rows"]] == [county.school.pk]


def test_computed_figures_are_never_entered_and_not_on_the_form(county: County, client_as: Any) -> None:
    from vetplan.indicators.services import DataError

    with pytest.raises(DataError, match="由系统计算，不能填报"):
        put(county.school, 2025, conditions_compliant=1)
    form = (
        client_as(county.users["school_reporter"])
        .get(reverse("indicators:data_form", args=[county.school.pk, 2025]))
        .content.decode()
    )
    assert 'name="campus_land"' in form and 'name="conditions_compliant"' not in form
