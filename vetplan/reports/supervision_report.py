"""督导报告: a supervision round's overview, each unit's result and the findings acted upon.

The results are the assessments `score_round` wrote, read and formatted as the round results
page shows them (supervision/round_detail.html), so the report and the page agree. Only the
round's supervisors may download it (reports/rules.py, views.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from django.db.models import Q, QuerySet
from django.template.defaultfilters import floatformat

from vetplan.orgs.models import Organization, Region
from vetplan.reports.content import Heading, Paragraph, ReportDocument, Table
from vetplan.supervision.models import Assessment, Consequence, InspectionRound, Interview, RectificationOrder
from vetplan.supervision.scoring import GRADE_LABELS
from vetplan.supervision.services.rounds import round_results

DASH = "—"
RESULT_COLUMNS = ["排名", "单位", "应完成/按时", "按时完成", "目标达成", "报告质量", "督办", "总分", "等次", "督导意见"]
RESULT_WIDTHS = [0.8, 3.0, 1.4, 1.2, 1.2, 1.2, 0.8, 1.0, 1.0, 3.4]
ORDER_COLUMNS = ["序号", "整改单位", "发现的问题", "整改要求", "整改期限", "状态"]
ORDER_WIDTHS = [0.6, 2.0, 4.0, 3.4, 1.4, 1.4]
CONSEQUENCE_COLUMNS = ["单位", "结果运用", "说明", "落实情况"]
CONSEQUENCE_WIDTHS = [2.4, 1.6, 4.4, 4.4]
INTERVIEW_COLUMNS = ["约谈日期", "约谈单位", "被约谈人", "约谈事由", "议定事项"]
INTERVIEW_WIDTHS = [1.4, 2.0, 2.0, 3.4, 3.4]


def round_report(round_: InspectionRound, today: dt.date) -> ReportDocument:
    assessments = round_results(round_)
    orders = list(round_orders(round_).select_related("organization"))
    interviews = list(round_interviews(round_).select_related("organization"))
    return ReportDocument(
        title=_report_title(round_.title),
        issuer=supervision_office(round_.region),
        date=today,
        blocks=[
            Heading("一、督导概况"),
            *_overview(round_, assessments),
            Heading("二、评估结果"),
            *_results(round_, assessments),
            Heading("三、结果运用"),
            *_consequences(round_),
            Heading("四、发现的问题及整改情况"),
            *_orders(orders, today),
            Heading("五、约谈情况"),
            *_interviews(interviews),
        ],
    )


def round_orders(round_: InspectionRound) -> QuerySet[RectificationOrder]:
    """Orders issued in the round, and the round units' other orders of the round's region and year."""
    in_scope = Q(round__isnull=True, region=round_.region, organization__in=round_.units.all())
    return RectificationOrder.objects.filter(Q(round=round_) | (in_scope & Q(issued_at__year=round_.year)))


def round_interviews(round_: InspectionRound) -> QuerySet[Interview]:
    return Interview.objects.filter(
        region=round_.region, organization__in=round_.units.all(), held_on__year=round_.year
    ).order_by("held_on", "pk")


def supervision_office(region: Region) -> str:
    """The issuer: the region's 督导室 (the office that runs rounds and publishes bulletins)."""
    office = Organization.objects.filter(region=region, type=Organization.Type.SUPERVISION).order_by("pk").first()
    return office.name if office else ""


def result_row(assessment: Assessment) -> list[str]:
    """One unit's line, each figure written as the round results page writes it."""
    return [
        or_dash(assessment.rank),
        assessment.organization.display_name,
        f"{assessment.tasks_due}/{assessment.tasks_on_time}",
        or_dash(assessment.on_time_score),
        or_dash(assessment.attainment_score),
        or_dash(assessment.quality_score),
        str(assessment.silence_count),
        or_dash(assessment.total),
        assessment.get_grade_display() or DASH,
        assessment.comment or DASH,
    ]


def _overview(round_: InspectionRound, assessments: list[Assessment]) -> list[Paragraph]:
    names = "、".join(a.organization.display_name for a in sorted(assessments, key=lambda a: a.organization.name))
    return [
        Paragraph(
            f"{round_.year}年度{round_.get_kind_display()}“{round_.title}”共督导{len(assessments)}个单位："
            f"{names or '无'}。本轮状态：{round_.get_status_display()}。"
        ),
        Paragraph(
            f"评分标准：按时完成权重{floatformat(round_.weight_on_time)}、目标达成权重"
            f"{floatformat(round_.weight_attainment)}、报告质量权重{floatformat(round_.weight_quality)}"
            f"{_own_criteria(round_)}（加权平均，缺项的权重由其余各项分摊），"
            f"每项督办扣{floatformat(round_.silence_penalty)}分；优秀 ≥ 90，良好 ≥ 75，合格 ≥ 60，其余不合格。"
            "目标达成按单位牵头目标的监测状态计分：已达成、正常推进100分，存在风险50分，严重滞后0分，无数据不计；"
            "本轮没有到期任务、也没有可计分目标的单位不参评（列出，不排名）。"
        ),
    ]


def _own_criteria(round_: InspectionRound) -> str:
    criteria = list(round_.criteria.all())
    if not criteria:
        return ""
    parts = "、".join(f"{c.name}权重{floatformat(c.weight)}（满分{floatformat(c.max_score)}）" for c in criteria)
    return f"，本轮另设{parts}"


def _consequences(round_: InspectionRound) -> list[Paragraph | Table]:
    rows = [
        [
            c.assessment.organization.display_name,
            c.get_kind_display(),
            c.note or DASH,
            str(c.carrier) if c.carrier is not None else "待落实",
        ]
        for c in Consequence.objects.filter(assessment__round=round_)
        .select_related("assessment__organization", "bulletin", "interview__organization", "order__organization")
        .order_by("assessment__organization__name", "pk")
    ]
    if not rows:
        return [Paragraph("本轮评估结果尚未记录结果运用。")]
    return [
        Paragraph(f"本轮评估结果运用{len(rows)}项。"),
        Table(title="结果运用", columns=CONSEQUENCE_COLUMNS, rows=rows, widths=CONSEQUENCE_WIDTHS),
    ]


def _results(round_: InspectionRound, assessments: list[Assessment]) -> list[Paragraph | Table]:
    scored = [a for a in assessments if a.total is not None]
    if round_.status != InspectionRound.Status.SCORED or not scored:
        summary = "本轮尚未计算评分结果。"
    else:
        grades = Counter(a.grade for a in scored)
        counts = "、".join(f"{label}{grades[grade]}个" for grade, label in GRADE_LABELS.items())
        mean = sum((a.total for a in scored if a.total is not None), Decimal(0)) / len(scored)
        best = [a.organization.display_name for a in scored if a.rank == 1]
        summary = f"{len(scored)}个单位中，{counts}；平均得分{floatformat(mean, 1)}分，{'、'.join(best)}排名第一。"
    rows = [result_row(a) for a in assessments]
    return [Paragraph(summary), Table(title="督导评估结果", columns=RESULT_COLUMNS, rows=rows, widths=RESULT_WIDTHS)]


def _orders(orders: list[RectificationOrder], today: dt.date) -> list[Paragraph | Table]:
    if not orders:
        return [Paragraph("本轮督导未下达整改通知。")]
    states = Counter(order.get_status_display() for order in orders)
    overdue = sum(1 for order in orders if order.is_overdue(today))
    summary = f"共下达整改通知{len(orders)}份，其中" + "、".join(f"{s}{n}份" for s, n in states.items())
    summary += f"；逾期未整改{overdue}份。" if overdue else "。"
    rows = [
        [
            str(number),
            order.organization.display_name,
            order.finding,
            order.requirement or DASH,
            f"{order.deadline:%Y-%m-%d}",
            order.get_status_display() + ("（逾期）" if order.is_overdue(today) else ""),
        ]
        for number, order in enumerate(orders, start=1)
    ]
    return [Paragraph(summary), Table(title="整改通知", columns=ORDER_COLUMNS, rows=rows, widths=ORDER_WIDTHS)]


def _interviews(interviews: list[Interview]) -> list[Paragraph | Table]:
    if not interviews:
        return [Paragraph("本年度未对督导对象开展约谈。")]
    rows = [
        [f"{i.held_on:%Y-%m-%d}", i.organization.display_name, i.interviewee, i.reason, i.agreed] for i in interviews
    ]
    return [
        Paragraph(f"本年度共约谈{len(interviews)}次。"),
        Table(title="约谈记录", columns=INTERVIEW_COLUMNS, rows=rows, widths=INTERVIEW_WIDTHS),
    ]


def _report_title(title: str) -> str:
    if title.endswith("报告"):
        return title
    return f"{title}报告" if title.endswith("督导") else f"{title}督导报告"


def or_dash(value: object) -> str:
    return DASH if value is None else str(value)
