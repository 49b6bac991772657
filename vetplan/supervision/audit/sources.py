"""What the audit trail gathers, and how each kind of record reaches a region, a unit and a plan.

Every model people edit keeps its history (django-simple-history): each history record is one
entry. Data values, target reports and 催报 keep no history, only who saved them last and when
(`entered_by`, `entered_at`): each row is one entry, its latest save (填报).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet

from vetplan.indicators.models import DataReminder, DataValue, DataYearClosing, TargetReport
from vetplan.plans.models import Plan, Target, Task
from vetplan.reports.models import QualityReport
from vetplan.supervision import models as m

Label = Callable[[Any], str]  # the record's fields as displayed (Fields) → the object's name


@dataclass(frozen=True)
class Stamp:
    """A model without history: the row's latest save is its entry."""

    when: str  # the time of the latest save
    user: str  # who saved it (a user foreign key)
    action: str  # an ACTIONS key
    shows: tuple[str, ...]  # the fields an entry lists (their values now)


@dataclass(frozen=True)
class Source:
    model: type[Model]
    group: str  # 规划 | 数据 | 督导 | 报告: how the category filter groups them
    label: str | Label  # str.format_map over the record's displayed fields ("{title}"), or a function
    regions: tuple[str, ...]  # paths from a record to a Region (any of them puts it in the region)
    units: tuple[str, ...] = ()  # paths from a record to an Organization
    unit_sets: tuple[str, ...] = ()  # many-to-many fields to Organization on the live object (its units today)
    plan: str | None = None  # path from a record to its plan
    stamp: Stamp | None = None

    @property
    def key(self) -> str:
        return str(self.model._meta.model_name)

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)

    @property
    def history_model(self) -> type[Model]:
        return self.model.history.model  # type: ignore[attr-defined,no-any-return]

    def rows(self) -> QuerySet[Any]:
        if self.stamp:
            return self.model._default_manager.all()
        return self.history_model._default_manager.all()

    @property
    def key_field(self) -> str:
        return "pk" if self.stamp else "history_id"

    @property
    def when_field(self) -> str:
        return self.stamp.when if self.stamp else "history_date"

    @property
    def user_field(self) -> str:
        return self.stamp.user if self.stamp else "history_user"


ACTIONS = {"created": "创建", "changed": "修改", "deleted": "删除", "entered": "填报"}
HISTORY_TYPES = {"+": "created", "~": "changed", "-": "deleted"}
HISTORY_TYPE_OF = {action: history_type for history_type, action in HISTORY_TYPES.items()}
GROUPS = ["规划", "数据", "督导", "报告"]


def _quality_report_title(f: Any) -> str:
    if f.raw("organization") is not None:
        return f"{f['organization']}质量年度报告（{f['year']}年度）"
    return f"{f['region']}职业教育质量年度报告（{f['year']}年度）"


SOURCES: list[Source] = [
    Source(Plan, "规划", "{title}", ("region",), plan="id"),
    Source(
        Target, "规划", "{indicator_text}", ("plan__region",), ("scope_organization", "reporting_unit"), plan="plan"
    ),
    Source(
        Task,
        "规划",
        "任务{seq}：{text:.30}",
        ("plan__region",),
        unit_sets=("lead_units", "responsible_units"),
        plan="plan",
    ),  # fmt: skip
    Source(
        DataValue,
        "数据",
        "{organization} · {element} · {year}年",
        ("organization__region",),
        ("organization",),
        stamp=Stamp("entered_at", "entered_by", "entered", ("value", "source")),
    ),  # fmt: skip
    Source(
        TargetReport,
        "数据",
        "{target} · {year}年",
        ("target__plan__region",),
        ("target__reporting_unit",),
        plan="target__plan",
        stamp=Stamp("reported_at", "reported_by", "entered", ("value", "evidence")),
    ),  # fmt: skip
    Source(DataYearClosing, "数据", "{region} {year}年数据", ("region",)),
    Source(
        DataReminder,
        "数据",
        "催报：{organization} {year}年{dataset}",
        ("organization__region",),
        ("organization",),
        stamp=Stamp("sent_at", "sent_by", "created", ("message",)),
    ),  # fmt: skip
    Source(
        m.ProgressReport,
        "督导",
        "{organization} · 任务{task:.24} · {period}年",
        ("task__plan__region",),
        ("organization",),
        plan="task__plan",
    ),  # fmt: skip
    Source(
        m.SupervisionItem,
        "督导",
        "督办：{organization} · 任务{task:.24} · {period}年",
        ("task__plan__region",),
        ("organization",),
        plan="task__plan",
    ),  # fmt: skip
    Source(
        m.UrgeNotice, "督导", "{item}", ("item__task__plan__region",), ("item__organization",), plan="item__task__plan"
    ),  # fmt: skip
    Source(
        m.EvidenceFile,
        "督导",
        "{original_name}",
        ("report__task__plan__region", "order__region"),
        ("report__organization", "order__organization"),
        plan="report__task__plan",
    ),  # fmt: skip
    Source(m.InspectionRound, "督导", "{title}", ("region",), unit_sets=("units",)),
    Source(m.Assessment, "督导", "{round} · {organization}", ("round__region",), ("organization",)),
    Source(m.RoundCriterion, "督导", "{round} · 评分项“{name}”", ("round__region",)),
    Source(
        m.CriterionScore,
        "督导",
        "{assessment} · {criterion}",
        ("assessment__round__region",),
        ("assessment__organization",),
    ),  # fmt: skip
    Source(
        m.Consequence, "督导", "{kind} · {assessment}", ("assessment__round__region",), ("assessment__organization",)
    ),
    Source(m.Bulletin, "督导", "{title}", ("region",), unit_sets=("organizations",)),
    Source(m.Interview, "督导", "约谈 {organization} {held_on}", ("region",), ("organization",)),
    Source(m.RectificationOrder, "督导", "{organization} · {finding:.30}", ("region",), ("organization",)),
    Source(m.Meeting, "督导", "{title}", ("region",), unit_sets=("members",)),
    Source(m.MeetingDecision, "督导", "{meeting} · {text:.30}", ("meeting__region",), plan="plan"),
    Source(QualityReport, "报告", _quality_report_title, ("region",), ("organization",)),  # 年度质量报告
]
BY_KEY = {source.key: source for source in SOURCES}

# How a related object of each kind is named (str() of it), and what that name reads.
NAME_JOINS: dict[type[Model], tuple[str, ...]] = {
    m.ProgressReport: ("organization", "task"),
    m.SupervisionItem: ("organization", "task"),
    m.RectificationOrder: ("organization",),
    m.Assessment: ("round", "organization"),
    m.CriterionScore: ("criterion",),
    m.Consequence: ("assessment__organization",),
    m.Interview: ("organization",),
    QualityReport: ("region", "organization"),
}
NAME_DEFER: dict[type[Model], tuple[str, ...]] = {Plan: ("source_text",)}  # a plan's whole text is not its name
