"""A year is provisional (暂定) until every school has reported or the 督导室 closes it.

测试县 has three schools. In 2026 only one reports: the county figure, the target status and the
quality-report draft for 2026 say 1/3 and judge on 2025. When the other two report, or when the
督导室 closes 2026, the year is final.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import save
from vetplan.indicators.completeness import Finality, missing_units
from vetplan.indicators.models import DataReminder, Indicator, TargetStatus
from vetplan.indicators.services import close_year, link_targets_to_indicators, remind_missing, reopen_year
from vetplan.orgs.models import Organization
from vetplan.reports import services as reports
from vetplan.reports.quality_report import build_quality_report

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen() -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def schools(county: County) -> list[Organization]:
    second = OrganizationFactory(name="测试县第二职业高级中学", type=Organization.Type.SCHOOL, region=county.region)
    third = OrganizationFactory(name="测试县技工学校", type=Organization.Type.SCHOOL, region=county.region)
    admin = county.users["county_admin"]
    for school in (county.school, second, third):
        save(admin, school, 2025, teachers_specialised=100, teachers_dual_qualified=60)
    link_targets_to_indicators([county.target])  # 双师型 ≥ 70% by 2027
    return [county.school, second, third]


def status(county: County) -> TargetStatus:
    return TargetStatus.objects.get(target=county.target)


def test_one_school_of_three_makes_the_year_provisional_everywhere(
    county: County, schools: list[Organization], client_as: Any
) -> None:
    admin = county.users["county_admin"]
    save(admin, schools[0], 2026, teachers_specialised=100, teachers_dual_qualified=95)  # 95% alone

    coverage = Finality().coverage(county.region, "school", 2026)
    assert (coverage.reported, coverage.owed, coverage.final) == (1, 3, False)
    assert coverage.label == "学校 1/3 已填报"
    row = status(county)
    assert (row.latest_year, row.latest_value) == (2025, pytest.approx(60))  # judged on the final 2025
    assert row.status != TargetStatus.Status.ACHIEVED  # 95% is one school's figure, not the county's
    assert (row.pending_year, row.pending_coverage) == (2026, "学校 1/3 已填报")
    page = client_as(county.users["supervisor"]).get("/data/").content.decode()
    assert "2026暂定" in page and "学校 1/3 已填报" in page

    draft = reports.create_quality_reports(county.region, year=2026, by=county.users["supervisor"], schools=[])[0]
    text = " ".join(getattr(block, "text", "") for block in build_quality_report(draft, dt.date(2026, 11, 1)).blocks)
    assert "2026年数据为暂定数据（学校 1/3 已填报）" in text
    with pytest.raises(reports.ProvisionalYear, match="学校 1/3 已填报"):
        reports.publish_quality_report(draft, by=county.users["supervisor"])
    assert [u.name for u in missing_units(county.region, "school", 2026)] == [
        "测试县第二职业高级中学",
        "测试县技工学校",
    ]

    for school in schools[1:]:
        save(admin, school, 2026, teachers_specialised=100, teachers_dual_qualified=65)
    row = status(county)
    assert (row.latest_year, row.pending_year) == (2026, None)
    assert row.latest_value == pytest.approx(100 * 225 / 300)
    assert row.status == TargetStatus.Status.ACHIEVED
    text = " ".join(getattr(block, "text", "") for block in build_quality_report(draft, dt.date(2026, 11, 1)).blocks)
    assert "暂定" not in text
    published = reports.publish_quality_report(draft, by=county.users["supervisor"])
    assert published.is_published and published.published_provisional == ""


def test_closing_the_year_makes_it_final_and_reopening_provisional_again(
    county: County, schools: list[Organization]
) -> None:
    supervisor = county.users["supervisor"]
    save(county.users["county_admin"], schools[0], 2026, teachers_specialised=100, teachers_dual_qualified=95)
    closing = close_year(county.region, 2026, by=supervisor, note="两校停办，不再等待")
    assert (closing.changed_by, closing.closed) == (supervisor, True)
    assert (status(county).latest_year, status(county).pending_year) == (2026, None)
    assert status(county).status == TargetStatus.Status.ACHIEVED  # as it stands: the year is final now

    reopen_year(county.region, 2026, by=supervisor)
    assert (status(county).latest_year, status(county).pending_year) == (2025, 2026)
    assert [h.closed for h in closing.history.order_by("history_id")] == [True, False]


def test_the_supervisor_reminds_the_units_still_missing(
    county: County, schools: list[Organization], client_as: Any
) -> None:
    client = client_as(county.users["supervisor"])
    save(county.users["county_admin"], schools[0], 2026, teachers_specialised=100, teachers_dual_qualified=95)
    page = client.get(f"/data/completeness/?region={county.region.pk}&year=2026").content.decode()
    assert "学校 1/3 已填报" in page and "测试县技工学校" in page
    response = client.post(
        "/data/completeness/remind/", {"region": county.region.pk, "dataset": "school", "year": 2026}
    )
    assert response.status_code == 302
    assert set(DataReminder.objects.values_list("organization__name", flat=True)) == {
        "测试县第二职业高级中学",
        "测试县技工学校",
    }
    reporter_page = client_as(county.users["county_admin"]).get(f"/data/entry/{schools[2].pk}/2026/").content
    assert "督导室催报" in reporter_page.decode()
    with pytest.raises(Exception, match="没有未填报的单位"):
        remind_missing(county.region, "school", 2026, by=county.users["supervisor"], units=[schools[0]])
    refused = client_as(county.users["school_reporter"]).post(
        "/data/completeness/remind/", {"region": county.region.pk, "dataset": "school", "year": 2026}
    )
    assert refused.status_code == 403


def test_a_unit_scoped_target_is_final_when_its_school_has_reported(
    county: County, schools: list[Organization]
) -> None:
    target = county.target
    target.scope_organization = schools[0]
    target.indicator = Indicator.objects.get(code="dual_qualified_share")
    target.save()
    save(county.users["county_admin"], schools[0], 2026, teachers_specialised=100, teachers_dual_qualified=95)
    assert (status(county).latest_year, status(county).status) == (2026, TargetStatus.Status.ACHIEVED)
