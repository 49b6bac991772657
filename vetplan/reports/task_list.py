"""任务清单: a plan's task list in the annex-table layout (序号 / 工作任务 / 牵头单位 / 责任单位 / 时间进度 / 进展)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Prefetch

from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, Task
from vetplan.plans.queries import with_overdue_flag
from vetplan.reports.content import Paragraph, ReportDocument, Table

COLUMNS = ["序号", "工作任务", "牵头单位", "责任单位", "时间进度", "进展"]
WIDTHS = [0.6, 6.0, 1.6, 2.6, 1.4, 1.0]


def task_progress_label(task: Task, today: dt.date) -> str:
    """The 进展 column: the task's state as the task pages show it (逾期 wins over 进行中/未开始)."""
    overdue = getattr(task, "overdue_now", None)
    if task.status != Task.Status.DONE and (task.is_overdue(today) if overdue is None else overdue):
        return "逾期"
    return str(task.get_status_display())


def task_list_report(plan: Plan, today: dt.date) -> ReportDocument:
    units = Organization.objects.only("pk", "name", "short_name")
    tasks = with_overdue_flag(
        plan.tasks.prefetch_related(Prefetch("lead_units", units), Prefetch("responsible_units", units)), today
    )
    rows = [
        [
            task.seq,
            task.text,
            "、".join(unit.name for unit in task.lead_units.all()),
            "、".join(unit.name for unit in task.responsible_units.all()),
            task.timeline or (f"{task.deadline:%Y年%m月%d日}前" if task.deadline else ""),
            task_progress_label(task, today),
        ]
        for task in tasks
    ]
    return ReportDocument(
        title=f"{plan.title}任务清单",
        issuer=plan.issuer,
        date=today,
        blocks=[
            Paragraph(f"截至{today.year}年{today.month}月{today.day}日，本规划共{len(rows)}项任务。"),
            Table(title="", columns=COLUMNS, rows=rows, widths=WIDTHS),
        ],
    )
