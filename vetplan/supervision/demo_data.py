"""The demo county's supervision year: reports in every state, 督办 items, a scored round with a
criterion of its own, an order, an interview and a bulletin on the round, and the consequences of
its results linked to them.

Built through the same services the pages use, so the demo shows what a county would see.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, Task
from vetplan.supervision.models import Bulletin, Consequence
from vetplan.supervision.services.actions import (
    draft_bulletin,
    issue_rectification_order,
    publish_bulletin,
    record_interview,
)
from vetplan.supervision.services.consequences import record_consequence
from vetplan.supervision.services.escalation import escalate_missing_reports
from vetplan.supervision.services.reports import (
    accept_progress_report,
    return_progress_report,
    submit_progress_report,
)
from vetplan.supervision.services.rounds import add_round_criterion, create_round, record_assessment, score_round


def load_demo_supervision(plan: Plan, users: dict[str, Any], today: dt.date) -> None:
    supervisor = users["duban"]
    tasks = {task.seq: task for task in plan.tasks.prefetch_related("lead_units")}
    last_year = today.year - 1

    def report(seq: str, by: Any, status: str, percent: int, narrative: str) -> Any:
        task = tasks[seq]
        return submit_progress_report(
            task, by=by, organization=task.lead_units.first(), period=last_year,
            task_status=status, percent=percent, narrative=narrative,
        )  # fmt: skip

    # 持续实施 tasks report on last year: two accepted, one waiting for review, one returned.
    accept_progress_report(
        report("3", supervisor, Task.Status.IN_PROGRESS, 60, "全县专业课教师累计到企业实践 86 人次，建立 12 个教师企业实践基地。"),
        by=supervisor, comment="材料齐全，予以通过。",
    )  # fmt: skip
    accept_progress_report(
        report("8", supervisor, Task.Status.IN_PROGRESS, 100, "全年教育费附加用于职业教育 31.5%，达到规划要求。"),
        by=supervisor, comment="数据与财政决算一致。",
    )  # fmt: skip
    report(
        "10", users["renshe"], Task.Status.IN_PROGRESS, 75, "全年完成职业技能培训 3126 人次，其中农村劳动力 1840 人次。"
    )
    returned = report("5", supervisor, Task.Status.IN_PROGRESS, 40, "已开展产教融合型企业申报动员。")
    return_progress_report(returned, by=supervisor, comment="请补充已认定企业名单和抵免金额，并附税务部门证明材料。")

    # What stays silent becomes a 督办 item, as the daily `vetplan remind` would make it.
    escalate_missing_reports(today, tasks=plan.tasks.all())

    region = plan.region
    # Last year's regular round over the units that lead tasks: report quality scored, then the round.
    units = Organization.objects.filter(led_tasks__plan=plan).distinct()
    round_ = create_round(
        region, by=supervisor, year=last_year, title=f"{last_year}年度职业教育重点任务定期督导", units=units
    )
    # The plan scores 校企合作情况 in its own way: a criterion of the round, points entered per unit.
    cooperation = add_round_criterion(
        round_, by=supervisor, name="校企合作情况", weight=Decimal(10), max_score=Decimal(10)
    )
    quality = {"县教体局": (Decimal(92), "材料翔实，佐证充分。", Decimal(9)), "县财政局": (Decimal(88), "经费数据与决算一致。", None),
               "县委编办": (Decimal(55), "任务逾期，报告未附佐证。", None)}  # fmt: skip
    assessments = {a.organization.short_name: a for a in round_.assessments.select_related("organization")}
    for name, assessment in assessments.items():
        score, comment, points = quality.get(name, (None, "", None))
        if score is not None:
            record_assessment(
                assessment, by=supervisor, quality_score=score, comment=comment,
                points={cooperation: points} if points is not None else None,
            )  # fmt: skip
    score_round(round_, by=supervisor)

    bureau = Organization.objects.get(region=region, short_name="县委编办")
    order = issue_rectification_order(
        region, by=supervisor, organization=bureau, round=round_,
        finding="职业学校兼职教师编制核定未按期完成（任务4，应于2025年6月底前完成）。",
        requirement="核定兼职教师编制并报县督导室备案。", deadline=today - dt.timedelta(days=10),
    )  # fmt: skip
    interview = record_interview(
        region, by=supervisor, organization=bureau, held_on=today - dt.timedelta(days=40),
        interviewee="县委编办主要负责人", interviewer="县政府教育督导室主任",
        reason="任务4逾期未完成", agreed="一个月内完成兼职教师编制核定。",
    )  # fmt: skip
    praise = draft_bulletin(
        region, by=supervisor, kind=Bulletin.Kind.PRAISE,
        title=f"关于{last_year}年度职业教育重点任务落实情况的通报",
        body="县教体局、县财政局按期完成职业学校办学条件达标和经费保障任务，予以通报表扬；"
        "县委编办兼职教师编制核定任务逾期，已约谈并下达限期整改通知。",
        organizations=Organization.objects.filter(region=region, short_name__in=["县教体局", "县财政局"]),
    )  # fmt: skip
    publish_bulletin(praise, by=supervisor)

    # What the results led to (结果运用), each linked to the record that carries it out.
    if "县委编办" in assessments:
        bureau_result = assessments["县委编办"]
        record_consequence(bureau_result, by=supervisor, kind=Consequence.Kind.INTERVIEW, carried_by=interview)
        record_consequence(bureau_result, by=supervisor, kind=Consequence.Kind.RECTIFICATION, carried_by=order)
    for name in ("县教体局", "县财政局"):
        if name in assessments:
            record_consequence(assessments[name], by=supervisor, kind=Consequence.Kind.COMMENDATION, carried_by=praise)
    if "县教体局" in assessments:
        record_consequence(
            assessments["县教体局"], by=supervisor, kind=Consequence.Kind.ANNUAL_REVIEW, note="年度考核加分。"
        )
