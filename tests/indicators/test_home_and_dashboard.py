"""The home panel and the dashboard show targets by status from the computed figures."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.conftest import County
from tests.factories import OrganizationFactory, TargetFactory
from tests.indicators.helpers import save
from vetplan.indicators.services import link_targets_to_indicators, record_target_report
from vetplan.orgs.models import Organization


def test_the_home_page_counts_targets_in_each_status(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    client = client_as(county.users["supervisor"])
    page = client.get(reverse("home")).content.decode()
    assert 'data-testid="targets-no_data">1<' in page
    save(county.users["supervisor"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=75)
    page = client.get(reverse("home")).content.decode()
    assert 'data-testid="targets-achieved">1<' in page and 'data-testid="targets-no_data">0<' in page


def test_the_public_home_page_shows_the_counts_too(county: County, client_as: Any) -> None:
    page = client_as(None).get(reverse("home")).content.decode()
    assert "目标进展" in page and 'data-testid="targets-no_data">' in page


def test_the_dashboard_lists_targets_with_status_and_units(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    save(county.users["supervisor"], county.school, 2024, teachers_specialised=100, teachers_dual_qualified=60)
    save(county.users["supervisor"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=66)
    response = client_as(county.users["supervisor"]).get(reverse("indicators:dashboard"))
    page = response.content.decode()
    assert f'data-testid="status-{county.target.pk}">正常推进<' in page
    assert "vendor/echarts.min.js" in page
    assert "县职教中心" in page and ">66<" in page


def test_the_dashboard_drills_down_into_a_unit(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    save(county.users["supervisor"], county.hr, 2025, teachers_specialised=10, teachers_dual_qualified=5)
    client = client_as(county.users["supervisor"])
    page = client.get(reverse("indicators:dashboard"), {"org": county.government.pk}).content.decode()
    assert "县人社局" in page and ">50<" in page
    assert (
        client_as(county.users["outsider"]).get(reverse("indicators:dashboard"), {"org": county.hr.pk}).status_code
        == 404
    )


def test_the_target_page_charts_the_series_goal_and_projection(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    for year, dual in ((2023, 55), (2024, 60), (2025, 65)):
        save(county.users["supervisor"], county.school, year, teachers_specialised=100, teachers_dual_qualified=dual)
    response = client_as(county.users["school_reporter"]).get(
        reverse("indicators:target_detail", kwargs={"target_pk": county.target.pk})
    )
    data = response.context["chart_json"]
    assert data["series"] == [[2023, 55], [2024, 60], [2025, 65]]
    assert data["projection"][-1] == [2027, 75] and data["goal"] == 70 and data["status"] == "on_track"


def test_a_target_without_an_indicator_is_tracked_by_reports(county: County, client_as: Any) -> None:
    target = TargetFactory(
        plan=county.plan, indicator_text="新增专业", comparator="between", value=2, value_max=3, unit="个"
    )
    client = client_as(county.users["department_reporter"])
    url = reverse("indicators:target_report", kwargs={"target_pk": target.pk})
    assert client.post(url, {"year": "2025", "value": "2"}).status_code == 302
    target.refresh_from_db()
    assert target.status_row.status == "achieved"
    assert client_as(county.users["school_reporter"]).post(url, {"year": "2025", "value": "1"}).status_code == 403
    record_target_report(target, by=None, year=2025, value=1)
    target.refresh_from_db()
    assert target.status_row.status == "off_track" or target.status_row.status == "at_risk"


def test_the_dashboard_runs_a_bounded_number_of_queries(
    county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(30):
        TargetFactory(plan=county.plan, indicator_text="中职毕业生就业率" if n % 2 else "职普比")
        OrganizationFactory(name=f"测试县学校{n}", type=Organization.Type.SCHOOL, region=county.region)
    link_targets_to_indicators(county.plan.targets.all())
    save(county.users["supervisor"], county.school, 2025, graduates_secondary=100, graduates_secondary_employed=96)
    client = client_as(county.users["supervisor"])
    for url in (
        reverse("indicators:dashboard"),
        reverse("indicators:target_detail", kwargs={"target_pk": county.target.pk}),
        reverse("indicators:data_entry"),
        reverse("indicators:data_form", kwargs={"org_pk": county.school.pk, "year": 2025}),
    ):  # the home page's panel too, within the home page's own bound (tests/workbench/test_home_queries.py)
        with django_assert_max_num_queries(21):  # the drill-down's units come a page at a time (a COUNT)
            assert client.get(url).status_code == 200
