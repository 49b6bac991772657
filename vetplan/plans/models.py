"""A plan (实施方案/行动计划), its quantitative targets and its task list."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vetplan.orgs.models import Organization, Region


class PlanQuerySet(models.QuerySet["Plan"]):
    def active(self) -> PlanQuerySet:
        """Plans in force: not archived (归档). Archived plans keep their history and can be restored."""
        return self.filter(archived_at__isnull=True)


class TargetQuerySet(models.QuerySet["Target"]):
    def active(self) -> TargetQuerySet:
        return self.filter(plan__archived_at__isnull=True)


class TaskQuerySet(models.QuerySet["Task"]):
    def active(self) -> TaskQuerySet:
        """Tasks of plans in force: an archived plan's tasks owe nothing and count nowhere."""
        return self.filter(plan__archived_at__isnull=True)


class Plan(models.Model):
    title = models.CharField("标题", max_length=255)
    issuer = models.CharField("发文机关", max_length=128, blank=True)
    doc_number = models.CharField("文号", max_length=64, blank=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    region = models.ForeignKey(Region, models.PROTECT, related_name="plans", verbose_name="实施区域")
    period_start = models.PositiveSmallIntegerField("起始年份", null=True, blank=True)
    period_end = models.PositiveSmallIntegerField("截止年份", null=True, blank=True)
    source_name = models.CharField("来源文件", max_length=255, blank=True)
    source_text = models.TextField("原文", blank=True)
    # sha256 of the source text without whitespace: the same document imported twice is found by it.
    source_digest = models.CharField("原文摘要", max_length=64, blank=True, db_index=True, editable=False)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="创建人"
    )
    archived_at = models.DateTimeField("归档时间", null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="归档人"
    )
    history = HistoricalRecords(excluded_fields=["source_text"])

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = "规划"
        verbose_name_plural = "规划"
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["region", "archived_at"], name="plans_plan_region_archived_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def period_label(self) -> str:
        if self.period_start and self.period_end:
            return f"{self.period_start}—{self.period_end}年"
        if self.period_end:
            return f"至{self.period_end}年"
        return ""


class Target(models.Model):
    class Comparator(models.TextChoices):
        AT_LEAST = ">=", "不低于"
        AT_MOST = "<=", "不高于"
        EQUAL = "=", "等于"
        ABOUT = "~", "左右"
        BETWEEN = "between", "区间"

    class Kind(models.TextChoices):
        TARGET = "target", "目标"
        NORM = "norm", "标准"

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="targets", verbose_name="规划")
    seq = models.PositiveIntegerField("序号", default=0)
    indicator_text = models.CharField("指标", max_length=255)
    comparator = models.CharField("比较", max_length=8, choices=Comparator.choices, default=Comparator.AT_LEAST)
    value = models.DecimalField("目标值", max_digits=18, decimal_places=4)
    value_max = models.DecimalField("目标上限", max_digits=18, decimal_places=4, null=True, blank=True)
    unit = models.CharField("单位", max_length=16, blank=True)
    deadline_year = models.PositiveSmallIntegerField("目标年份", null=True, blank=True)
    kind = models.CharField("类型", max_length=8, choices=Kind.choices, default=Kind.TARGET)
    baseline = models.DecimalField("基线值", max_digits=18, decimal_places=4, null=True, blank=True)
    scope_organization = models.ForeignKey(
        Organization, models.PROTECT, null=True, blank=True, related_name="scoped_targets", verbose_name="适用单位"
    )
    sentence = models.TextField("原文语句", blank=True)
    # The catalogue indicator whose figures track this target (None: reported as TargetReport).
    indicator = models.ForeignKey(
        "indicators.Indicator", models.SET_NULL, null=True, blank=True, related_name="targets", verbose_name="关联指标"
    )
    # Who reports a target without an indicator (手工填报): the lead of the task it belongs to.
    reporting_unit = models.ForeignKey(
        Organization, models.SET_NULL, null=True, blank=True, related_name="reported_targets", verbose_name="填报单位"
    )
    history = HistoricalRecords()

    objects = TargetQuerySet.as_manager()

    class Meta:
        verbose_name = "目标"
        verbose_name_plural = "目标"
        ordering = ["plan", "seq", "pk"]
        indexes = [models.Index(fields=["deadline_year"], name="plans_target_deadline_idx")]

    def __str__(self) -> str:
        return self.indicator_text

    @property
    def goal_label(self) -> str:
        """The goal as officials write it: `≥ 70%`, `10—20%`, `约 1:1`."""
        value = _plain(self.value)
        if self.comparator == self.Comparator.BETWEEN and self.value_max is not None:
            return f"{value}—{_plain(self.value_max)}{self.unit}"
        symbol = {">=": "≥ ", "<=": "≤ ", "=": "", "~": "约 "}.get(self.comparator, "")
        if self.unit == ":1":
            return f"{symbol}{value}:1"
        return f"{symbol}{value}{self.unit}"


class Task(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "未开始"
        IN_PROGRESS = "in_progress", "进行中"
        DONE = "done", "已完成"

    class Recurrence(models.TextChoices):
        ONCE = "once", "一次性"
        YEARLY = "yearly", "持续实施（每年报告）"

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="tasks", verbose_name="规划")
    seq = models.CharField("序号", max_length=32)
    text = models.TextField("工作任务")
    section = models.CharField("所属部分", max_length=255, blank=True)
    lead_units = models.ManyToManyField(Organization, blank=True, related_name="led_tasks", verbose_name="牵头单位")
    responsible_units = models.ManyToManyField(
        Organization, blank=True, related_name="shared_tasks", verbose_name="责任单位"
    )
    timeline = models.CharField("时间进度", max_length=128, blank=True)
    deadline = models.DateField("完成时限", null=True, blank=True)
    recurrence = models.CharField("周期", max_length=8, choices=Recurrence.choices, default=Recurrence.ONCE)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    targets = models.ManyToManyField(Target, blank=True, related_name="tasks", verbose_name="关联目标")
    history = HistoricalRecords(m2m_fields=[lead_units, responsible_units])

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = "任务"
        verbose_name_plural = "任务"
        ordering = ["plan", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "seq"], name="plans_task_unique_seq_in_plan")]
        indexes = [
            models.Index(fields=["status", "deadline"], name="plans_task_status_deadline_idx"),
            models.Index(fields=["recurrence", "status"], name="plans_task_recurrence_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.seq}. {self.text[:40]}"

    def next_due(self, today: dt.date) -> dt.date | None:
        """When the next report or completion is due: the deadline, or year end for 持续实施."""
        if self.status == self.Status.DONE:
            return None
        if self.recurrence == self.Recurrence.YEARLY:
            return dt.date(today.year, 12, 31)
        return self.deadline

    def is_overdue(self, today: dt.date) -> bool:
        due = self.next_due(today)
        return due is not None and due < today


def text_digest(text: str) -> str:
    """The digest two copies of one document share, whatever their line breaks and spacing."""
    return hashlib.sha256(re.sub(r"\s+", "", text or "").encode("utf-8")).hexdigest()


def _plain(number: object) -> str:
    text = format(number, "f") if number is not None else ""
    return text.rstrip("0").rstrip(".") if "." in text else text


class PlanImportDraft(models.Model):
    """An uploaded plan document, extracted and waiting for review (upload → review → confirm).

    The extracted document (the extraction spec's JSON shape, as edited in the review) lives
    in the database, not in a process, so any server worker can continue the review.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        CONFIRMED = "confirmed", "已导入"
        DISCARDED = "discarded", "已放弃"

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="实施区域")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name="上传人"
    )
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    source_name = models.CharField("文件名", max_length=255)
    source_text = models.TextField("原文")
    document = models.JSONField("提取结果", default=dict)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    plan = models.ForeignKey(Plan, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="导入的规划")

    class Meta:
        verbose_name = "规划导入草稿"
        verbose_name_plural = "规划导入草稿"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.source_name
