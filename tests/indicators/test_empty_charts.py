"""A chart with nothing to draw says 暂无数据 instead of showing an empty axis or a grey block."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.conftest import County
from tests.factories import PlanFactory, TargetFactory
from tests.indicators.helpers import save
from vetplan.indicators.services import link_targets_to_indicators


def test_a_target_without_figures_says_there_are_no_data(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    client = client_as(county.users["supervisor"])
    url = reverse("indicators:target_detail", kwargs={"target_pk": county.target.pk})
    page = client.get(url).content.decode()
    assert 'data-testid="chart-empty">暂无数据<' in page and 'id="target-chart"' not in page
    save(county.users["supervisor"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=70)
    page = client.get(url).content.decode()
    assert 'id="target-chart"' in page and "chart-empty" not in page


def test_a_dashboard_without_targets_says_there_are_no_data(county: County, client_as: Any) -> None:
    empty = PlanFactory(title="尚无量化目标的行动计划", region=county.region)
    page = client_as(county.users["supervisor"]).get(reverse("indicators:dashboard"), {"plan": empty.pk})
    assert 'data-testid="chart-empty">暂无数据<' in page.content.decode()
    full = client_as(county.users["supervisor"]).get(reverse("indicators:dashboard")).content.decode()
    assert 'id="status-chart"' in full and "chart-empty" not in full


def test_the_home_panel_says_there_are_no_data_without_targets(county: County, client_as: Any) -> None:
    county.target.plan.targets.all().delete()
    page = client_as(county.users["school_reporter"]).get(reverse("home")).content.decode()
    assert 'data-testid="chart-empty">暂无数据<' in page
    TargetFactory(plan=county.plan)
    assert "chart-empty" not in client_as(county.users["school_reporter"]).get(reverse("home")).content.decode()


def test_charts_size_themselves_without_style_attributes(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    save(county.users["supervisor"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=70)
    client = client_as(county.users["supervisor"])
    for url in (
        reverse("indicators:dashboard"),
        reverse("indicators:target_detail", kwargs={"target_pk": county.target.pk}),
    ):
        assert "style=" not in client.get(url).content.decode()
