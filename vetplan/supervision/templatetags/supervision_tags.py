"""Template helpers for the supervision pages (and the task page's 申请办结 panel)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

from vetplan.supervision.access import closing_units_for
from vetplan.supervision.models import ProgressReport
from vetplan.supervision.panels import task_records

register = template.Library()


@register.filter
def order_overdue(order: Any, today: dt.date) -> bool:
    return bool(today and order.is_overdue(today))


@register.simple_tag
def closing_state(task: Any, user: Any) -> dict[str, Any]:
    """The task's latest closing report (申请办结) and whether the user may file one. Two queries."""
    latest = (
        ProgressReport.objects.filter(task=task, closing=True)
        .select_related("organization")
        .order_by("-submitted_at", "-pk")
        .first()
    )
    return {"latest": latest, "may_close": task.status != "done" and bool(closing_units_for(user, task))}


@register.inclusion_tag("supervision/_task_records.html", takes_context=True)
def task_supervision(context: template.Context, task: Any) -> dict[str, Any]:
    """The task page's reports, 督办 items, rectification orders and evidence (panels.task_records)."""
    return {**task_records(context["request"].user, task), "task": task, "today": context.get("today")}


@register.filter
def criterion_field(form: Any, criterion: Any) -> Any:
    """The score table row's field for one of the round's own criteria."""
    return form.criterion_field(criterion)


@register.filter
def index(items: Any, position: int) -> Any:
    return items[position]
