"""Read-side figures shared by pages and, later, reports (so numbers agree everywhere)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db.models import BooleanField, Case, Count, Q, QuerySet, Value, When

from vetplan.plans.models import Task

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class DeadlineSummary:
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int
    due_soon: int


def due_filters(today: dt.date) -> tuple[Q, Q]:
    """(overdue, due within 30 days) as filters on open tasks.

    A one-off task is overdue past its deadline. A 持续实施 task reports every year by
    31 December, so it is due soon in the last 30 days of the year, and overdue while
    last year's report (supervision's ProgressReport) is missing.
    """
    horizon = today + dt.timedelta(days=DUE_SOON_DAYS)
    open_ = ~Q(status=Task.Status.DONE)
    once = Q(recurrence=Task.Recurrence.ONCE)
    overdue = open_ & once & Q(deadline__lt=today)
    overdue |= open_ & yearly_report_missing(today.year - 1, today)
    due_soon = open_ & once & Q(deadline__gte=today, deadline__lte=horizon)
    if dt.date(today.year, 12, 31) <= horizon:
        due_soon |= open_ & Q(recurrence=Task.Recurrence.YEARLY)
    return overdue, due_soon


def yearly_report_missing(year: int, today: dt.date | None = None) -> Q:
    """持续实施 tasks of a plan running in `year` with no report for `year` submitted or accepted.

    A report returned for revision is not missing while its resubmission date (`resubmit_by`) has
    not passed: it reads 已退回，待重新提交, not 未报.
    """
    # Looked up by name: plans does not import the supervision app that builds on it.
    reports = apps.get_model("supervision", "ProgressReport")
    is_in = Q(status__in=["submitted", "accepted"])
    if today is not None:
        is_in |= Q(status="returned", resubmit_by__gte=today)
    reported = reports.objects.filter(is_in, period=year).values("task_id")
    running = (Q(plan__period_start__isnull=True) | Q(plan__period_start__lte=year)) & (
        Q(plan__period_end__isnull=True) | Q(plan__period_end__gte=year)
    )
    return Q(recurrence=Task.Recurrence.YEARLY) & running & ~Q(pk__in=reported)


def deadline_summary(tasks: QuerySet[Task], today: dt.date) -> DeadlineSummary:
    overdue, due_soon = due_filters(today)
    figures = tasks.order_by().aggregate(
        total=Count("pk", distinct=True),
        done=Count("pk", filter=Q(status=Task.Status.DONE), distinct=True),
        in_progress=Count("pk", filter=Q(status=Task.Status.IN_PROGRESS), distinct=True),
        not_started=Count("pk", filter=Q(status=Task.Status.NOT_STARTED), distinct=True),
        overdue=Count("pk", filter=overdue, distinct=True),
        due_soon=Count("pk", filter=due_soon, distinct=True),
    )
    return DeadlineSummary(**figures)


def filter_by_due(tasks: QuerySet[Task], due: str, today: dt.date) -> QuerySet[Task]:
    overdue, due_soon = due_filters(today)
    if due == "overdue":
        return tasks.filter(overdue)
    if due == "soon":
        return tasks.filter(due_soon)
    return tasks


def with_overdue_flag(tasks: QuerySet[Task], today: dt.date) -> QuerySet[Task]:
    """Annotate `overdue_now`, by the same rule the counts use, so badges and figures agree."""
    overdue, _ = due_filters(today)
    return tasks.annotate(
        overdue_now=Case(When(overdue, then=Value(True)), default=Value(False), output_field=BooleanField())
    )
