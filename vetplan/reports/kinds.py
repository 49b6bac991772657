"""The kinds of report: each is one generator over one subject (a plan, a round, a bulletin).

`vetplan report KIND --SUBJECT N` and the benchmarks read this table; the download views check
access to the subject themselves (reports/views.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from vetplan.plans.models import Plan
from vetplan.reports.bulletin import bulletin_report
from vetplan.reports.content import ReportDocument
from vetplan.reports.supervision_report import round_report
from vetplan.reports.task_list import task_list_report
from vetplan.supervision.models import Bulletin, InspectionRound


@dataclass(frozen=True)
class ReportKind:
    label: str
    subject: str  # the command option naming the subject's number: --plan, --round, --bulletin
    subject_label: str
    model: type[models.Model]
    generate: Callable[[Any, dt.date], ReportDocument]


KINDS = {
    "task-list": ReportKind("任务清单（附件表格式）", "plan", "规划", Plan, task_list_report),
    "round": ReportKind("督导报告", "round", "督导轮次", InspectionRound, round_report),
    "bulletin": ReportKind("督导通报", "bulletin", "通报", Bulletin, bulletin_report),
}
