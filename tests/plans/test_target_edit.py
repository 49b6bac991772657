"""Editing a target: the indicator it is measured by, on which unit, converted into its unit; status follows."""

from __future__ import annotations

from typing import Any

from tests.conftest import County
from tests.indicators.helpers import save
from vetplan.indicators.models import Indicator, TargetStatus
from vetplan.plans.models import Target


def post(client: Any, target: Target, **changes: Any) -> Any:
    data = {
        "indicator_text": target.indicator_text,
        "comparator": target.comparator,
        "value": str(target.value),
        "unit": target.unit,
        "deadline_year": target.deadline_year or "",
        "kind": target.kind,
        **changes,
    }
    return client.post(f"/targets/{target.pk}/edit/", data)


def test_linking_a_target_recomputes_its_status_at_once(county: County, client_as: Any) -> None:
    save(county.users["county_admin"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=80)
    target = county.target  # 双师型 ≥ 70%, not linked by the factory
    client = client_as(county.users["supervisor"])
    indicator = Indicator.objects.get(code="dual_qualified_share")
    response = post(client, target, indicator=indicator.pk)
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.indicator == indicator
    assert TargetStatus.objects.get(target=target).status == TargetStatus.Status.ACHIEVED  # 80% ≥ 70%
    post(client, target, indicator=indicator.pk, value="90")
    assert TargetStatus.objects.get(target=target).status != TargetStatus.Status.ACHIEVED


def test_the_value_is_converted_into_the_indicators_unit(county: County, client_as: Any) -> None:
    target = Target.objects.create(
        plan=county.plan, seq=9, indicator_text="中等职业教育在校生规模", comparator=">=", value=3.6, unit="万人"
    )
    response = post(
        client_as(county.users["supervisor"]), target, indicator=Indicator.objects.get(code="enrolment_size").pk
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.value, target.unit) == (36000, "人")


def test_an_indicator_the_target_does_not_fit_is_refused_with_the_reason(county: County, client_as: Any) -> None:
    target = Target.objects.create(
        plan=county.plan, seq=9, indicator_text="高等职业院校毕业生就业率", comparator=">=", value=90, unit="%"
    )
    client = client_as(county.users["supervisor"])
    response = post(client, target, indicator=Indicator.objects.get(code="employment_rate_secondary").pk)
    assert response.status_code == 200 and "层次不一致" in response.content.decode()
    response = post(client, target, indicator=Indicator.objects.get(code="enrolment_size").pk)
    assert response.status_code == 200 and "单位不一致" in response.content.decode()
    target.refresh_from_db()
    assert target.indicator is None


def test_a_target_on_a_named_school_is_measured_on_its_figure(county: County, client_as: Any) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=10, teachers_dual_qualified=9)
    target = county.target
    post(
        client_as(county.users["supervisor"]),
        target,
        indicator=Indicator.objects.get(code="dual_qualified_share").pk,
        scope_organization=county.school.pk,
        value="95",
    )
    status = TargetStatus.objects.get(target=target)
    assert status.latest_value == 90 and status.status != TargetStatus.Status.ACHIEVED
