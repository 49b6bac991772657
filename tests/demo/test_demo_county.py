"""The demo county: loaded from its own plan document, once."""

from __future__ import annotations

from typing import Any

from vetplan.demo import county as demo
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Membership
from vetplan.plans.models import Plan, Task


def test_it_loads_the_sample_plan_with_every_unit_linked(db: Any) -> None:
    plan = load_demo_county().plan
    assert plan.doc_number == "示政发〔2024〕3号"
    assert plan.targets.filter(indicator_text__contains="双师型", value=70).exists()
    assert plan.tasks.count() == 12
    for task in plan.tasks.prefetch_related("lead_units", "responsible_units"):
        assert task.lead_units.exists(), f"task {task.seq} has no lead unit"
        assert task.responsible_units.exists(), f"task {task.seq} has no responsible unit"
    assert Task.objects.get(plan=plan, seq="3").recurrence == Task.Recurrence.YEARLY


def test_it_creates_one_user_per_role(db: Any) -> None:
    load_demo_county()
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {role for *_, role, _ in demo.USERS}


def test_loading_twice_changes_nothing(db: Any) -> None:
    first = load_demo_county()
    second = load_demo_county()
    assert second.created is False and second.plan == first.plan
    assert Plan.objects.count() == 1


def test_the_demo_year_has_supervision_in_every_state(db: Any) -> None:
    from vetplan.supervision.models import Bulletin, ProgressReport, RectificationOrder, SupervisionItem

    load_demo_county()
    statuses = set(ProgressReport.objects.values_list("status", flat=True))
    assert {"accepted", "submitted", "returned"} <= statuses
    assert SupervisionItem.objects.exists()  # silence escalated, as `vetplan remind` does
    assert RectificationOrder.objects.exists()
    assert Bulletin.objects.filter(published_at__isnull=False).exists()
