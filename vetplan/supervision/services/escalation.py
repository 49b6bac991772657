"""Reminders and escalation: silence past a due date becomes a 督办 item; 催办 notices."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from vetplan.plans.models import Task
from vetplan.supervision.models import ProgressReport, SupervisionItem, UrgeNotice
from vetplan.supervision.obligations import IN_STATUSES, overdue_obligations
from vetplan.supervision.services._common import SupervisionError, save
from vetplan.supervision.signals import item_urged

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class EscalationResult:
    created: int
    updated: int
    resolved: int


@transaction.atomic
def escalate_missing_reports(today: dt.date, *, tasks: QuerySet[Task] | None = None) -> EscalationResult:
    """Raise or refresh a 督办 item for every report missing past its due date; idempotent.

    One item per (task, unit, period) (a unique constraint); running again refreshes the
    days overdue and reopens an item whose report went missing again (returned and not
    resubmitted by its resubmission date). Items whose report has come in, or whose task is
    done, are resolved.
    """
    tasks = Task.objects.active() if tasks is None else tasks
    overdue = overdue_obligations(tasks, today)
    existing = {
        (i.task_id, i.organization_id, i.period): i
        for i in SupervisionItem.objects.filter(task__in=tasks).select_related("task").select_for_update()
    }
    created = updated = 0
    still_missing = set()
    for obligation in overdue:
        key = (obligation.task.pk, obligation.organization.pk, obligation.period)
        still_missing.add(key)
        days = obligation.days_overdue(today)
        item = existing.get(key)
        if item is None:
            item, was_created = SupervisionItem.objects.get_or_create(
                task=obligation.task,
                organization=obligation.organization,
                period=obligation.period,
                defaults={"due_date": obligation.due, "days_overdue": days},
            )
            created += was_created
            if was_created:
                continue
        if item.days_overdue != days or item.status != SupervisionItem.Status.OPEN or item.due_date != obligation.due:
            # A returned report missing past its resubmission date is due by that date.
            save(
                item,
                None,
                days_overdue=days,
                due_date=obligation.due,
                status=SupervisionItem.Status.OPEN,
                resolved_at=None,
            )
            updated += 1
    resolved = 0
    leftover = [item for key, item in existing.items() if key not in still_missing]
    received = _received({item.task_id for item in leftover})
    for item in leftover:
        if item.status != SupervisionItem.Status.OPEN:
            continue
        if _settled(item, received):
            save(item, None, status=SupervisionItem.Status.RESOLVED, resolved_at=timezone.now())
            resolved += 1
        elif item.days_overdue != (days := max((today - item.due_date).days, 0)):
            # An older period no longer chased (持续实施): still missing, still counting.
            save(item, None, days_overdue=days)
            updated += 1
    return EscalationResult(created, updated, resolved)


def _received(task_ids: set[int]) -> set[tuple[int, int, int]]:
    reports = ProgressReport.objects.filter(task_id__in=task_ids, status__in=IN_STATUSES)
    return set(reports.values_list("task_id", "organization_id", "period"))


def _settled(item: SupervisionItem, received: set[tuple[int, int, int]]) -> bool:
    """The report came in, the task is done, or the task's deadline has moved (nothing owed then)."""
    task = item.task
    if (item.task_id, item.organization_id, item.period) in received or task.status == Task.Status.DONE:
        return True
    return task.recurrence == Task.Recurrence.ONCE and task.deadline != item.due_date


@transaction.atomic
def urge_supervision_item(item: SupervisionItem, *, by: Any, message: str = "") -> UrgeNotice:
    """催办: one click sends the unit a notice (on its reminder page) and counts it."""
    item = SupervisionItem.objects.select_for_update().select_related("task", "organization").get(pk=item.pk)
    if item.status != SupervisionItem.Status.OPEN:
        raise SupervisionError("该督办事项已办结，无需催办。")
    text = message.strip() or (
        f"请{item.organization.display_name}尽快报送任务{item.task.seq}的{item.period}年进展报告"
        f"（应于{item.due_date:%Y-%m-%d}前报送，已逾期{item.days_overdue}天）。"
    )
    notice = save(
        UrgeNotice(item=item, message=text, sent_by=by if getattr(by, "is_authenticated", False) else None), by
    )
    save(item, by, urge_count=item.urge_count + 1, last_urged_at=timezone.now())
    # The notice shows on the unit's reminder page; the workbench notifies the unit's users (and mails them).
    item_urged.send(sender=UrgeNotice, notice=notice, by=by)
    transaction.on_commit(lambda: logger.info("催办 %s：%s", item.organization.name, text))
    return notice  # type: ignore[no-any-return]
