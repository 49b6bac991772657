"""我的待办: what a user has to do now, gathered from every domain (the home page and the header badge).

A unit's reporter (department, school, enterprise) has to do, for its unit and the units below it:

- 应报进展报告: reports overdue or due within 30 days (supervision.obligations), except those
  already escalated to a 督办 item, which are listed there;
- 退回待重新提交: returned reports, by their resubmission date (重新提交期限);
- 督办与催办: open 督办 items, with the count and the latest text of their 催办 notices;
- 整改通知: rectification orders to carry out (待整改, 退回重改), by their deadline;
- 数据填报: its own data set for last year, and for any year the 督导室 sent a 催报 about, until it
  is reported or the year is closed (indicators.completeness);
- 产教融合抵免待核实 (发改 and 税务 only): the enterprises' yearly figures in its region waiting for
  the check it makes (the investment, or the surcharges payable).

The 督导室 (and the admin) has to review reports, decide closing requests (申请办结), verify
rectifications, review drafts (plan imports, bulletins, quality reports) and see to the recent
years whose data are still provisional (not every unit has reported and the year is not closed).

Every section costs one or two queries, whatever the number of rows; a section lists its first
`SHOWN` rows and counts all of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils.text import Truncator

from vetplan.core.access import Scope, scope_of
from vetplan.indicators.access import dataset_of
from vetplan.indicators.completeness import region_progress, unit_missing_years
from vetplan.indicators.models import DataReminder, Dataset
from vetplan.indicators.validation import allowed_years
from vetplan.mechanisms import credit
from vetplan.mechanisms.models import CreditYear
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.roles import Role
from vetplan.plans.access import own_task_q, visible_tasks
from vetplan.plans.imports import visible_import_drafts
from vetplan.plans.models import PlanImportDraft, Task
from vetplan.reports.access import visible_quality_reports
from vetplan.reports.models import QualityReport
from vetplan.supervision.access import visible_bulletins, visible_items, visible_orders, visible_reports
from vetplan.supervision.models import Bulletin, ProgressReport, RectificationOrder, SupervisionItem, UrgeNotice
from vetplan.supervision.obligations import unit_reminders

SHOWN = 10  # rows listed per section; the count covers them all
DATA_YEARS_CHECKED = 2  # the 督导室 sees the last two full years whose data are still provisional
UNIT_ROLES = (Role.DEPARTMENT, Role.SCHOOL, Role.ENTERPRISE)


@dataclass(frozen=True)
class TodoRow:
    text: str
    url: str
    note: str = ""
    unit: str = ""
    due: dt.date | None = None
    state: str = ""
    css: str = "badge-idle"


@dataclass(frozen=True)
class TodoSection:
    key: str
    title: str
    count: int
    rows: list[TodoRow]
    more_url: str = ""


@dataclass(frozen=True)
class Todos:
    sections: list[TodoSection] = field(default_factory=list)
    for_unit: str = ""  # the unit whose work this is (reporters), for the heading

    @property
    def total(self) -> int:
        return sum(section.count for section in self.sections)


def todos_for(user: Any, today: dt.date) -> Todos:
    scope = scope_of(user)
    if scope.supervises:
        return Todos([s for s in _supervisor_sections(user, scope, today) if s.count])
    if scope.role in UNIT_ROLES and scope.organization_id is not None:
        unit = Organization.objects.select_related("region").get(pk=scope.organization_id)
        return Todos([s for s in _unit_sections(user, unit, today) if s.count], for_unit=unit.display_name)
    return Todos()


def _short(text: str, length: int = 36) -> str:
    return Truncator(text).chars(length)


def _first(rows: QuerySet[Any]) -> tuple[list[Any], int]:
    """The first SHOWN rows and the count of all: one query unless there are more than SHOWN."""
    listed = list(rows[:SHOWN])
    return listed, len(listed) if len(listed) < SHOWN else rows.count()


def _due_state(due: dt.date, today: dt.date) -> tuple[str, str]:
    if due < today:
        return f"逾期{(today - due).days}天", "badge-overdue"
    days = (due - today).days
    return ("今天到期" if days == 0 else f"{days}天后到期"), "badge-at-risk"


# A unit's reporter ----------------------------------------------------------------------


def _unit_sections(user: Any, unit: Organization, today: dt.date) -> list[TodoSection]:
    # A unit's open 督办 items are few (one per task and year at most): all of them, in one query.
    items = list(
        visible_items(user)
        .filter(organization__path__startswith=unit.path, status=SupervisionItem.Status.OPEN)
        .select_related("task", "organization")
        .prefetch_related(Prefetch("notices", queryset=UrgeNotice.objects.order_by("-sent_at", "-pk")))
        .order_by("-days_overdue", "pk")
    )
    return [
        _owed_reports(user, unit, today, escalated={(i.task_id, i.organization_id, i.period) for i in items}),
        _returned_reports(user, unit, today),
        _items_section(items, unit, today),
        _orders_section(user, unit, today),
        _data_section(unit, today),
        _credit_checks_section(user, unit),
    ]


def _owed_reports(user: Any, unit: Organization, today: dt.date, escalated: set[tuple[int, int, int]]) -> TodoSection:
    """Reports overdue or due soon, except those already escalated to a 督办 item (listed there)."""
    tasks = visible_tasks(user).filter(own_task_q(scope_of(user)))
    overdue, soon = unit_reminders(unit, tasks, today)
    owed = [
        o for o in [*overdue, *soon] if o.returned is None and (o.task.pk, o.organization.pk, o.period) not in escalated
    ]
    rows = []
    for o in owed[:SHOWN]:
        state, css = _due_state(o.due, today)
        rows.append(
            TodoRow(
                text=f"{o.task.seq}. {_short(o.task.text)}",
                url=reverse("supervision:report_create", kwargs={"task_pk": o.task.pk}),
                note=f"{o.period}年度进展报告",
                unit=o.organization.display_name if o.organization.pk != unit.pk else "",
                due=o.due,
                state=state,
                css=css,
            )
        )
    more = reverse("supervision:unit_reminders", kwargs={"org_pk": unit.pk})
    return TodoSection("reports_owed", "应报进展报告", len(owed), rows, more)


def _returned_reports(user: Any, unit: Organization, today: dt.date) -> TodoSection:
    reports, count = _first(
        visible_reports(user)
        .filter(organization__path__startswith=unit.path, status=ProgressReport.Status.RETURNED)
        .exclude(task__status=Task.Status.DONE)
        .select_related("task", "organization")
        .order_by("resubmit_by", "pk")
    )
    rows = []
    for report in reports:
        state, css = _due_state(report.resubmit_by, today) if report.resubmit_by else ("已退回", "badge-at-risk")
        rows.append(
            TodoRow(
                text=f"{report.task.seq}. {_short(report.task.text)}",
                url=reverse("supervision:report_revise", kwargs={"report_pk": report.pk}),
                note=f"{report.period}年{report.kind_label}被退回：{_short(report.review_comment, 60)}",
                unit=report.organization.display_name if report.organization_id != unit.pk else "",
                due=report.resubmit_by,
                state=state,
                css=css,
            )
        )
    more = f"{reverse('supervision:report_list')}?status=returned"
    return TodoSection("reports_returned", "退回待重新提交", count, rows, more)


def _items_section(items: list[SupervisionItem], unit: Organization, today: dt.date) -> TodoSection:
    rows = []
    for item in items[:SHOWN]:
        notices = list(item.notices.all())
        urged = f"；已催办{len(notices)}次，最近：{_short(notices[0].message, 60)}" if notices else ""
        rows.append(
            TodoRow(
                text=f"{item.task.seq}. {_short(item.task.text)}",
                url=reverse("plans:task_detail", kwargs={"task_pk": item.task_id}),
                note=f"{item.period}年度进展报告未报{urged}",
                unit=item.organization.display_name if item.organization_id != unit.pk else "",
                due=item.due_date,
                state=f"督办：逾期{max((today - item.due_date).days, 0)}天",
                css="badge-overdue",
            )
        )
    more = reverse("supervision:unit_reminders", kwargs={"org_pk": unit.pk})
    return TodoSection("items", "督办与催办", len(items), rows, more)


def _orders_section(user: Any, unit: Organization, today: dt.date) -> TodoSection:
    orders, count = _first(
        visible_orders(user)
        .filter(
            organization__path__startswith=unit.path,
            status__in=(RectificationOrder.Status.ISSUED, RectificationOrder.Status.RETURNED),
        )
        .select_related("organization")
        .order_by("deadline", "pk")
    )
    rows = []
    for order in orders:
        if order.is_overdue(today):
            state, css = f"逾期{(today - order.deadline).days}天", "badge-overdue"
        elif order.status == RectificationOrder.Status.RETURNED:
            state, css = "退回重改", "badge-at-risk"
        else:
            state, css = "待整改", "badge-idle"
        note = f"核验意见：{_short(order.verification, 60)}" if order.verification else "请报送整改情况和佐证材料"
        rows.append(
            TodoRow(
                text=_short(order.finding, 48),
                url=reverse("supervision:order_detail", kwargs={"order_pk": order.pk}),
                note=note,
                unit=order.organization.display_name if order.organization_id != unit.pk else "",
                due=order.deadline,
                state=state,
                css=css,
            )
        )
    return TodoSection("orders", "整改通知", count, rows, reverse("supervision:order_list"))


def _data_section(unit: Organization, today: dt.date) -> TodoSection:
    dataset = dataset_of(unit)
    # The latest 催报 of each recent year (they come oldest first).
    reminded = DataReminder.objects.filter(organization=unit, dataset=dataset, year__gte=today.year - 5)
    reminders: dict[int, DataReminder] = {r.year: r for r in reminded.order_by("sent_at", "pk")}
    missing = unit_missing_years(unit, dataset, {today.year - 1, *reminders})
    label = Dataset(dataset).label
    rows = []
    for year in missing:
        last = reminders.get(year)
        rows.append(
            TodoRow(
                text=f"{year}年{label}",
                url=reverse("indicators:data_form", kwargs={"org_pk": unit.pk, "year": year}),
                note=f"督导室已催报：{last.message}" if last else "请填报上一年度数据",
                state="已催报" if last else "待填报",
                css="badge-at-risk" if last else "badge-idle",
            )
        )
    return TodoSection("data", "数据填报", len(rows), rows, reverse("indicators:data_entry"))


def _credit_checks_section(user: Any, unit: Organization) -> TodoSection:
    checks = credit.checks_of(user)
    if not checks:
        return TodoSection("credit_checks", "产教融合抵免待核实", 0, [])
    waiting = Q()
    for what in checks:
        waiting |= Q(**{f"{what}_checked_at__isnull": True})
    rows, count = _first(
        CreditYear.objects.filter(waiting, enterprise__region__path__startswith=unit.region.path)
        .select_related("enterprise")
        .order_by("year", "enterprise__name")
    )
    return TodoSection(
        "credit_checks",
        "产教融合抵免待核实",
        count,
        [
            TodoRow(
                text=f"{row.enterprise.name} {row.year}年",
                url=reverse("mechanisms:credit_statement", kwargs={"pk": row.enterprise_id}),
                note="、".join(credit.CHECK_LABELS[what] for what in sorted(checks) if _waits(row, what)),
                state="待核实",
                css="badge-at-risk",
            )
            for row in rows
        ],
        reverse("mechanisms:credit"),
    )


def _waits(row: CreditYear, what: str) -> bool:
    return getattr(row, f"{what}_checked_at") is None


# The 督导室 ------------------------------------------------------------------------------


def _supervisor_sections(user: Any, scope: Scope, today: dt.date) -> list[TodoSection]:
    return [
        *_review_sections(user),
        _verification_section(user, today),
        _drafts_section(user),
        _data_years_section(scope, today),
    ]


def _review_sections(user: Any) -> list[TodoSection]:
    waiting = visible_reports(user).filter(status=ProgressReport.Status.SUBMITTED)
    counts = waiting.aggregate(
        closing_requests=Count("pk", filter=Q(closing=True)), progress_reports=Count("pk", filter=Q(closing=False))
    )
    sections = []
    for closing, key, title in ((False, "review", "待审核的进展报告"), (True, "closing", "办结申请")):
        count = counts["closing_requests" if closing else "progress_reports"]
        reports = (
            list(
                waiting.filter(closing=closing)
                .select_related("task", "organization")
                .order_by("submitted_at", "pk")[:SHOWN]
            )
            if count
            else []
        )
        rows = [
            TodoRow(
                text=f"{report.task.seq}. {_short(report.task.text)}",
                url=reverse("supervision:report_detail", kwargs={"report_pk": report.pk}),
                note=f"{report.period}年{report.kind_label}，{report.submitted_at:%Y-%m-%d}提交",
                unit=report.organization.display_name,
                state="待审核",
                css="badge-progress",
            )
            for report in reports
        ]
        sections.append(TodoSection(key, title, count, rows, f"{reverse('supervision:report_list')}?status=submitted"))
    return sections


def _verification_section(user: Any, today: dt.date) -> TodoSection:
    orders, count = _first(
        visible_orders(user)
        .filter(status=RectificationOrder.Status.SUBMITTED)
        .select_related("organization")
        .order_by("deadline", "pk")
    )
    rows = [
        TodoRow(
            text=_short(order.finding, 48),
            url=reverse("supervision:order_detail", kwargs={"order_pk": order.pk}),
            note=f"整改情况：{_short(order.follow_up, 60)}",
            unit=order.organization.display_name,
            due=order.deadline,
            state="待核验",
            css="badge-progress",
        )
        for order in orders
    ]
    return TodoSection("verify", "待核验的整改", count, rows, reverse("supervision:order_list"))


def _drafts_section(user: Any) -> TodoSection:
    imports, import_count = _first(
        visible_import_drafts(user).filter(status=PlanImportDraft.Status.PENDING).order_by("created_at", "pk")
    )
    bulletins, bulletin_count = _first(
        visible_bulletins(user).filter(status=Bulletin.Status.DRAFT).order_by("created_at", "pk")
    )
    reports, report_count = _first(
        visible_quality_reports(user)
        .filter(status=QualityReport.Status.DRAFT)
        .select_related("region", "organization")
        .order_by("-year", "pk")
    )
    rows = [
        *(
            TodoRow(
                text=draft.source_name,
                url=reverse("plans:import_review", kwargs={"draft_pk": draft.pk}),
                note=f"规划导入草稿，{draft.created_at:%Y-%m-%d}上传",
                state="待审核",
                css="badge-progress",
            )
            for draft in imports
        ),
        *(
            TodoRow(
                text=bulletin.title,
                url=reverse("supervision:bulletin_detail", kwargs={"bulletin_pk": bulletin.pk}),
                note=f"{bulletin.get_kind_display()}草稿",
                state="草稿",
                css="badge-idle",
            )
            for bulletin in bulletins
        ),
        *(
            TodoRow(
                text=report.title,
                url=reverse("reports:quality_detail", kwargs={"report_pk": report.pk}),
                note="年度质量报告草稿",
                state="草稿",
                css="badge-idle",
            )
            for report in reports
        ),
    ]
    return TodoSection("drafts", "待审定的草稿", import_count + bulletin_count + report_count, rows)


def _data_years_section(scope: Scope, today: dt.date) -> TodoSection:
    region = Region.objects.filter(pk=scope.region_id).first() if scope.region_id else None
    if region is None:
        return TodoSection("data_years", "数据未齐的年度", 0, [])
    low, _ = allowed_years(region, today)
    years = range(max(low, today.year - DATA_YEARS_CHECKED), today.year)
    progress = reverse("indicators:completeness")
    rows = [
        TodoRow(
            text=f"{row.year}年数据尚未齐全",
            url=f"{progress}?region={region.pk}&year={row.year}",
            note="，".join(c.label for c in row.coverages if not c.final) + "；可催报或截止该年数据",
            unit=region.name,
            state="暂定",
            css="badge-at-risk",
        )
        for row in sorted(region_progress(region, years), key=lambda r: r.year)
        if not row.final
    ]
    return TodoSection("data_years", "数据未齐的年度", len(rows), rows, progress)
