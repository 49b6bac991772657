"""What supervision adds to other pages: the home page panel (rectification orders past their
deadline stand out) and the task page's records (its reports, 督办 items, orders and evidence)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from vetplan.core.access import scope_of
from vetplan.plans.models import Task
from vetplan.supervision.access import visible_items, visible_orders, visible_reports
from vetplan.supervision.models import EvidenceFile, RectificationOrder, SupervisionItem

OPEN_FOR_UNIT = (RectificationOrder.Status.ISSUED, RectificationOrder.Status.RETURNED)


def home_panel(request: HttpRequest, today: dt.date) -> dict[str, Any] | None:
    if scope_of(request.user).is_anonymous:
        return None
    overdue_orders = list(
        visible_orders(request.user)
        .filter(status__in=OPEN_FOR_UNIT, deadline__lt=today)
        .select_related("organization")
        .order_by("deadline")[:10]
    )
    open_items = visible_items(request.user).filter(status=SupervisionItem.Status.OPEN).count()
    if not overdue_orders and not open_items:
        return None
    return {
        "template": "supervision/home_panel.html",
        "overdue_orders": overdue_orders,
        "open_items": open_items,
        "today": today,
    }


def task_records(user: Any, task: Task) -> dict[str, Any]:
    """The task's progress reports (with their review), its 督办 items, the rectification orders of
    its units, and the evidence files of both, as far as the user may see them. Five queries."""
    reports = list(
        visible_reports(user)
        .filter(task=task)
        .select_related("organization", "reviewed_by")
        .prefetch_related("evidence")
        .order_by("-period", "-submitted_at", "-pk")
    )
    items = list(
        visible_items(user)
        .filter(task=task)
        .select_related("organization")
        .order_by("status", "-days_overdue", "pk")  # 督办中 before 已办结
    )
    unit_ids = {unit.pk for unit in [*task.lead_units.all(), *task.responsible_units.all()]}
    orders = list(
        visible_orders(user)
        .filter(organization_id__in=unit_ids)
        .select_related("organization")
        .prefetch_related("evidence")
        .order_by("deadline", "pk")
    )
    evidence: list[tuple[EvidenceFile, str, Any]] = [
        (file, f"{report.organization.display_name} {report.period}年{report.kind_label}", report)
        for report in reports
        for file in report.evidence.all()
    ]
    evidence += [
        (file, f"{order.organization.display_name} 整改情况", order)
        for order in orders
        for file in order.evidence.all()
    ]
    return {"reports": reports, "items": items, "orders": orders, "evidence": evidence}
