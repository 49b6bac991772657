"""Which progress reports are owed, when, and which are missing (reminders and 督办).

Who owes a report: the lead units of a task (牵头单位负责报告); a task without a lead unit
is reported by its responsible units. For which period and by when:

- a one-off task: for the year of its deadline, by the deadline;
- a 持续实施 task: every year of its plan's period, by 31 December of that year.

A report is "in" when it is submitted or accepted. A returned report is owed again, by its
resubmission date (重新提交期限, never before the original due date): until then it reads
已退回，待重新提交, not missing, and only silence past that date is overdue. Done tasks owe
nothing more.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from django.db.models import Q, QuerySet

from vetplan.orgs.models import Organization
from vetplan.plans.models import Task
from vetplan.plans.queries import DUE_SOON_DAYS
from vetplan.supervision.models import ProgressReport

IN_STATUSES = (ProgressReport.Status.SUBMITTED, ProgressReport.Status.ACCEPTED)


@dataclass(frozen=True)
class Obligation:
    task: Task
    organization: Organization
    period: int
    due: dt.date
    returned: ProgressReport | None = None  # the returned report to resubmit, when there is one

    @property
    def state(self) -> str:
        return "已退回，待重新提交" if self.returned is not None else "未报"

    def days_overdue(self, today: dt.date) -> int:
        return max((today - self.due).days, 0)

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days


def reporting_units(task: Task) -> list[Organization]:
    """Uses prefetched units when present."""
    leads = list(task.lead_units.all())
    return leads or list(task.responsible_units.all())


def due_periods(task: Task, today: dt.date, horizon: dt.date) -> Iterator[tuple[int, dt.date]]:
    """(period, due date) of every report of the task due on or before `horizon`, last year included."""
    if task.status == Task.Status.DONE:
        return
    if task.recurrence == Task.Recurrence.YEARLY:
        first = task.plan.period_start or today.year - 1
        last = task.plan.period_end or horizon.year
        # Only the last year is chased: older silence has already been escalated.
        for year in range(max(first, today.year - 1), min(last, horizon.year) + 1):
            due = dt.date(year, 12, 31)
            if due <= horizon:
                yield year, due
    elif task.deadline is not None and task.deadline <= horizon:
        yield task.deadline.year, task.deadline


def open_obligations(tasks: QuerySet[Task], today: dt.date, horizon: dt.date) -> list[Obligation]:
    """Reports due by `horizon` that are not in (missing, or returned and not yet resubmitted), over
    `tasks`, earliest first. Three queries."""
    candidates = (
        tasks.exclude(status=Task.Status.DONE)
        .filter(
            Q(recurrence=Task.Recurrence.YEARLY)
            | Q(recurrence=Task.Recurrence.ONCE, deadline__isnull=False, deadline__lte=horizon)
        )
        .select_related("plan")
        .prefetch_related("lead_units", "responsible_units")
        .distinct()
    )
    wanted: list[Obligation] = []
    for task in candidates:
        for period, due in due_periods(task, today, horizon):
            wanted.extend(Obligation(task, unit, period, due) for unit in reporting_units(task))
    if not wanted:
        return []
    reports = {
        (r.task_id, r.organization_id, r.period): r
        for r in ProgressReport.objects.filter(task_id__in={o.task.pk for o in wanted}).only(
            "pk", "task_id", "organization_id", "period", "status", "resubmit_by", "review_comment"
        )
    }
    owed = []
    for obligation in wanted:
        report = reports.get((obligation.task.pk, obligation.organization.pk, obligation.period))
        if report is None:
            owed.append(obligation)
        elif report.status == ProgressReport.Status.RETURNED:
            due = max(obligation.due, report.resubmit_by or obligation.due)
            if due <= horizon:
                owed.append(replace(obligation, due=due, returned=report))
    return sorted(owed, key=lambda o: (o.due, o.task.pk, o.organization.pk))


def overdue_obligations(tasks: QuerySet[Task], today: dt.date) -> list[Obligation]:
    return open_obligations(tasks, today, today - dt.timedelta(days=1))


def unit_reminders(
    unit: Organization, tasks: QuerySet[Task], today: dt.date
) -> tuple[list[Obligation], list[Obligation]]:
    """(overdue, due within 30 days) reports the unit (or a unit below it) owes."""
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    owed = [o for o in open_obligations(tasks, today, horizon) if o.organization.path.startswith(unit.path)]
    return [o for o in owed if o.due < today], [o for o in owed if o.due >= today]


def group_by_unit(obligations: Iterable[Obligation]) -> dict[Organization, list[Obligation]]:
    grouped: dict[Organization, list[Obligation]] = {}
    for obligation in obligations:
        grouped.setdefault(obligation.organization, []).append(obligation)
    return grouped
