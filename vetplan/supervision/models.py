"""Supervision of the plans (督导): progress reports and their review, 督办 items, supervision
rounds with their assessments, and the actions taken on findings (通报, 约谈, 限期整改, 联席会议).

Every model here is edited by people and keeps its history; changes go through services.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan, Task

USER = settings.AUTH_USER_MODEL


class ProgressReport(models.Model):
    """A unit's report on one task for one period (a year): submitted → accepted | returned → submitted.

    A closing report (申请办结) is the lead unit's request to close the task: it says the task is
    done, with evidence; the task is 已完成 only when the 督导室 accepts it (services/reports.py).
    A returned report is owed again by `resubmit_by` (已退回，待重新提交), not missing.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "待审核"
        RETURNED = "returned", "已退回"
        ACCEPTED = "accepted", "已通过"

    task = models.ForeignKey(Task, models.CASCADE, related_name="progress_reports", verbose_name="任务")
    organization = models.ForeignKey(
        Organization, models.PROTECT, related_name="progress_reports", verbose_name="报告单位"
    )
    period = models.PositiveSmallIntegerField("报告年度")
    task_status = models.CharField("任务进展", max_length=16, choices=Task.Status.choices)
    percent = models.PositiveSmallIntegerField(
        "完成进度（%）", validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    narrative = models.TextField("进展情况")
    closing = models.BooleanField("申请办结", default=False)
    status = models.CharField("审核状态", max_length=16, choices=Status.choices, default=Status.SUBMITTED)
    review_comment = models.TextField("审核意见", blank=True)
    resubmit_by = models.DateField("重新提交期限", null=True, blank=True)
    submitted_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="报告人"
    )
    submitted_at = models.DateTimeField("提交时间")
    reviewed_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="审核人"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "organization", "period"], name="supervision_report_unique_per_period"
            ),
            # A closing report, and only a closing report, says the task is done.
            models.CheckConstraint(
                condition=models.Q(closing=True, task_status="done")
                | (models.Q(closing=False) & ~models.Q(task_status="done")),
                name="supervision_report_closing_says_done",
            ),
        ]
        indexes = [models.Index(fields=["status"], name="supervision_report_status_idx")]

    def __str__(self) -> str:
        return f"{self.organization} · 任务{self.task.seq} · {self.period}年"

    @property
    def kind_label(self) -> str:
        return "办结申请" if self.closing else "进展报告"


class RectificationOrder(models.Model):
    """限期整改: a finding a unit must put right by a deadline; issued → submitted → closed | returned."""

    class Status(models.TextChoices):
        ISSUED = "issued", "待整改"
        SUBMITTED = "submitted", "待核验"
        RETURNED = "returned", "退回重改"
        CLOSED = "closed", "已核验销号"

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="区域")
    organization = models.ForeignKey(
        Organization, models.PROTECT, related_name="rectification_orders", verbose_name="整改单位"
    )
    finding = models.TextField("发现的问题")
    requirement = models.TextField("整改要求", blank=True)
    deadline = models.DateField("整改期限")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.ISSUED)
    follow_up = models.TextField("整改情况", blank=True)
    verification = models.TextField("核验意见", blank=True)
    issued_by = models.ForeignKey(USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="下达人")
    issued_at = models.DateTimeField("下达时间", auto_now_add=True)
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)
    round = models.ForeignKey(
        "InspectionRound", models.SET_NULL, null=True, blank=True, related_name="orders", verbose_name="督导轮次"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "整改通知"
        verbose_name_plural = "整改通知"
        ordering = ["deadline", "pk"]
        indexes = [models.Index(fields=["status", "deadline"], name="supervision_order_due_idx")]

    def __str__(self) -> str:
        return f"{self.organization} · {self.finding[:30]}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    def is_overdue(self, today: dt.date) -> bool:
        return self.status in (self.Status.ISSUED, self.Status.RETURNED) and self.deadline < today


class EvidenceFile(models.Model):
    """A file backing a progress report or a rectification follow-up; served only via a checked view."""

    report = models.ForeignKey(
        ProgressReport, models.CASCADE, null=True, blank=True, related_name="evidence", verbose_name="进展报告"
    )
    order = models.ForeignKey(
        RectificationOrder, models.CASCADE, null=True, blank=True, related_name="evidence", verbose_name="整改通知"
    )
    # Stored under a random name of ours (services), never the uploader's: no path tricks, no clashes.
    file = models.FileField("文件", upload_to="evidence/%Y/%m/", max_length=255)
    original_name = models.CharField("文件名", max_length=255)
    content_type = models.CharField("类型", max_length=100)
    size = models.PositiveIntegerField("大小（字节）")
    uploaded_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="上传人"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(report__isnull=False) | models.Q(order__isnull=False),
                name="supervision_evidence_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class SupervisionItem(models.Model):
    """督办: a report missing past its due date, raised automatically by `vetplan remind`."""

    class Status(models.TextChoices):
        OPEN = "open", "督办中"
        RESOLVED = "resolved", "已办结"

    task = models.ForeignKey(Task, models.CASCADE, related_name="supervision_items", verbose_name="任务")
    organization = models.ForeignKey(
        Organization, models.PROTECT, related_name="supervision_items", verbose_name="责任单位"
    )
    period = models.PositiveSmallIntegerField("报告年度")
    due_date = models.DateField("应报日期")
    days_overdue = models.PositiveIntegerField("逾期天数", default=0)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField("立项时间", auto_now_add=True)
    resolved_at = models.DateTimeField("办结时间", null=True, blank=True)
    urge_count = models.PositiveIntegerField("催办次数", default=0)
    last_urged_at = models.DateTimeField("最近催办", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "督办事项"
        verbose_name_plural = "督办事项"
        ordering = ["-days_overdue", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "organization", "period"], name="supervision_item_unique")
        ]

    def __str__(self) -> str:
        return f"督办：{self.organization} · 任务{self.task.seq} · {self.period}年"


class UrgeNotice(models.Model):
    """催办 notice sent to a unit about a 督办 item (shown on the unit's reminder page)."""

    item = models.ForeignKey(SupervisionItem, models.CASCADE, related_name="notices", verbose_name="督办事项")
    message = models.TextField("催办内容")
    sent_by = models.ForeignKey(USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="催办人")
    sent_at = models.DateTimeField("催办时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "催办通知"
        verbose_name_plural = "催办通知"
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return self.message[:40]


class InspectionRound(models.Model):
    """A supervision round (定期 yearly or 专项 special) over chosen units, with its scoring weights."""

    class Kind(models.TextChoices):
        REGULAR = "regular", "定期督导"
        SPECIAL = "special", "专项督导"

    class Status(models.TextChoices):
        OPEN = "open", "评分中"
        SCORED = "scored", "已出结果"

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="区域")
    year = models.PositiveSmallIntegerField("年度")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.REGULAR)
    title = models.CharField("名称", max_length=200)
    units = models.ManyToManyField(Organization, related_name="inspection_rounds", verbose_name="督导对象")
    weight_on_time = models.DecimalField("按时完成权重", max_digits=5, decimal_places=2, default=40)
    weight_attainment = models.DecimalField("目标达成权重", max_digits=5, decimal_places=2, default=40)
    weight_quality = models.DecimalField("报告质量权重", max_digits=5, decimal_places=2, default=20)
    silence_penalty = models.DecimalField("每项督办扣分", max_digits=5, decimal_places=2, default=2)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.OPEN)
    created_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="创建人"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = "督导轮次"
        verbose_name_plural = "督导轮次"
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title


class Assessment(models.Model):
    """One unit's result in a round: the facts, the criterion scores, total, grade and rank.

    A unit with nothing due in the round is 不参评 (grade NOT_ASSESSED): listed, no total or rank.
    """

    class Grade(models.TextChoices):
        EXCELLENT = "excellent", "优秀"
        GOOD = "good", "良好"
        PASS = "pass", "合格"
        FAIL = "fail", "不合格"
        NOT_ASSESSED = "not_assessed", "不参评"

    round = models.ForeignKey(InspectionRound, models.CASCADE, related_name="assessments", verbose_name="督导轮次")
    organization = models.ForeignKey(Organization, models.PROTECT, related_name="+", verbose_name="单位")
    quality_score = models.DecimalField(
        "报告质量得分",
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    comment = models.TextField("督导意见", blank=True)
    tasks_due = models.PositiveIntegerField("应完成任务数", default=0)
    tasks_on_time = models.PositiveIntegerField("按时完成数", default=0)
    silence_count = models.PositiveIntegerField("督办次数", default=0)
    on_time_score = models.DecimalField("按时完成得分", max_digits=5, decimal_places=1, null=True, blank=True)
    attainment_score = models.DecimalField("目标达成得分", max_digits=5, decimal_places=1, null=True, blank=True)
    attainment_basis = models.CharField("目标达成依据", max_length=255, blank=True)
    total = models.DecimalField("总分", max_digits=5, decimal_places=1, null=True, blank=True)
    grade = models.CharField("等次", max_length=16, choices=Grade.choices, blank=True)
    rank = models.PositiveIntegerField("排名", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "督导评分"
        verbose_name_plural = "督导评分"
        ordering = ["rank", "organization__name"]
        constraints = [models.UniqueConstraint(fields=["round", "organization"], name="supervision_assessment_unique")]

    def __str__(self) -> str:
        return f"{self.round} · {self.organization}"


class RoundCriterion(models.Model):
    """A round's own criterion (自定义评分项, e.g. 校企合作情况), scored per unit by the 督导室."""

    round = models.ForeignKey(InspectionRound, models.CASCADE, related_name="criteria", verbose_name="督导轮次")
    name = models.CharField("评分项", max_length=100)
    weight = models.DecimalField(
        "权重", max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    max_score = models.DecimalField(
        "满分", max_digits=5, decimal_places=1, validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(100)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "自定义评分项"
        verbose_name_plural = "自定义评分项"
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["round", "name"], name="supervision_criterion_unique_name")]

    def __str__(self) -> str:
        return self.name


class CriterionScore(models.Model):
    """The points a unit earns on a round's own criterion (0 to its 满分)."""

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="criterion_scores", verbose_name="督导评分")
    criterion = models.ForeignKey(RoundCriterion, models.CASCADE, related_name="scores", verbose_name="评分项")
    points = models.DecimalField("得分", max_digits=5, decimal_places=1, validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        verbose_name = "自定义评分项得分"
        verbose_name_plural = "自定义评分项得分"
        ordering = ["criterion_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="supervision_criterion_score_unique")
        ]

    def __str__(self) -> str:
        return f"{self.criterion} · {self.points}"


class Bulletin(models.Model):
    """通报: praise or criticism; draft → published (public) → withdrawn (撤回, with a reason).

    A withdrawn bulletin stays on the public list marked 已撤回, with when and why; its text is
    no longer offered as current and its downloads are refused (access.get_bulletin_for_user).
    """

    class Kind(models.TextChoices):
        PRAISE = "praise", "表扬通报"
        CRITICISM = "criticism", "批评通报"
        GENERAL = "general", "工作通报"

    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"
        WITHDRAWN = "withdrawn", "已撤回"

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="区域")
    kind = models.CharField("类型", max_length=16, choices=Kind.choices, default=Kind.GENERAL)
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文")
    organizations = models.ManyToManyField(Organization, blank=True, related_name="+", verbose_name="涉及单位")
    round = models.ForeignKey(
        InspectionRound, models.SET_NULL, null=True, blank=True, related_name="bulletins", verbose_name="督导轮次"
    )
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回原因", blank=True)
    created_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="起草人"
    )
    created_at = models.DateTimeField("起草时间", auto_now_add=True)
    history = HistoricalRecords(m2m_fields=[organizations])

    class Meta:
        verbose_name = "通报"
        verbose_name_plural = "通报"
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class Interview(models.Model):
    """约谈: who was interviewed, when, why and what was agreed."""

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="区域")
    organization = models.ForeignKey(Organization, models.PROTECT, related_name="interviews", verbose_name="约谈单位")
    held_on = models.DateField("约谈日期")
    interviewee = models.CharField("被约谈人", max_length=200)
    interviewer = models.CharField("约谈人", max_length=200)
    reason = models.TextField("约谈事由")
    agreed = models.TextField("约谈议定事项")
    recorded_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="记录人"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "约谈记录"
        verbose_name_plural = "约谈记录"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"约谈 {self.organization} {self.held_on}"


class Consequence(models.Model):
    """结果运用: what a unit's round result leads to, and the record that carries it out.

    表彰, 资金奖补 and 纳入年度考核 are carried out by a 通报 (bulletin), 约谈 by an interview
    record, 限期整改 by a rectification order; until linked the consequence is 待落实.
    """

    class Kind(models.TextChoices):
        COMMENDATION = "commendation", "表彰"
        FUNDING = "funding", "资金奖补"
        INTERVIEW = "interview", "约谈"
        RECTIFICATION = "rectification", "限期整改"
        ANNUAL_REVIEW = "annual_review", "纳入年度考核"

    # Which kind of record carries out each consequence (the field that links it).
    CARRIER = {
        Kind.COMMENDATION: "bulletin",
        Kind.FUNDING: "bulletin",
        Kind.ANNUAL_REVIEW: "bulletin",
        Kind.INTERVIEW: "interview",
        Kind.RECTIFICATION: "order",
    }

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="consequences", verbose_name="督导评分")
    kind = models.CharField("结果运用", max_length=16, choices=Kind.choices)
    note = models.TextField("说明", blank=True)
    bulletin = models.ForeignKey(
        Bulletin, models.SET_NULL, null=True, blank=True, related_name="consequences", verbose_name="通报"
    )
    interview = models.ForeignKey(
        Interview, models.SET_NULL, null=True, blank=True, related_name="consequences", verbose_name="约谈记录"
    )
    order = models.ForeignKey(
        RectificationOrder, models.SET_NULL, null=True, blank=True, related_name="consequences", verbose_name="整改通知"
    )
    created_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="记录人"
    )
    created_at = models.DateTimeField("记录时间", auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "结果运用"
        verbose_name_plural = "结果运用"
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(bulletin__isnull=True, interview__isnull=True)
                    | models.Q(bulletin__isnull=True, order__isnull=True)
                    | models.Q(interview__isnull=True, order__isnull=True)
                ),
                name="supervision_consequence_one_carrier",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.assessment.organization}"

    @property
    def carrier(self) -> Bulletin | Interview | RectificationOrder | None:
        return self.bulletin or self.interview or self.order


class Meeting(models.Model):
    """联席会议: a joint meeting of member units, its minutes and decisions."""

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="区域")
    title = models.CharField("会议名称", max_length=200)
    held_on = models.DateField("召开日期")
    members = models.ManyToManyField(Organization, related_name="meetings", verbose_name="成员单位")
    minutes = models.TextField("会议纪要", blank=True)
    created_by = models.ForeignKey(
        USER, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="记录人"
    )
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = "联席会议"
        verbose_name_plural = "联席会议"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title


class MeetingDecision(models.Model):
    """A decision of a meeting; turned into a task of a plan in one step."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="decisions", verbose_name="联席会议")
    text = models.TextField("议定事项")
    task = models.ForeignKey(
        Task, models.SET_NULL, null=True, blank=True, related_name="meeting_decisions", verbose_name="转化任务"
    )
    plan = models.ForeignKey(Plan, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="所属规划")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "会议议定事项"
        verbose_name_plural = "会议议定事项"
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.text[:40]
