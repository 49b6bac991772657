"""年度质量报告: one per region (地区年报) or school (学校年报) and year; a draft until published.

A draft is built afresh from the indicators each time it is shown, so it follows the data; on
publication its content is stored (`content`), so the published report stays as it was issued
whatever is entered later. Changes go through services.py and keep their history.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from vetplan.orgs.models import Organization, Region


class QualityReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"
        WITHDRAWN = "withdrawn", "已撤回"

    region = models.ForeignKey(Region, models.PROTECT, related_name="quality_reports", verbose_name="区域")
    # The school of a school report; empty for the region's report (地区年报).
    organization = models.ForeignKey(
        Organization, models.PROTECT, null=True, blank=True, related_name="quality_reports", verbose_name="学校"
    )
    year = models.PositiveSmallIntegerField("年度")
    # Text the editors write per chapter (chapter key → text), set among the generated figures.
    narratives = models.JSONField("各章补充文字", default=dict, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.DRAFT)
    content = models.JSONField("发布内容", null=True, blank=True, editable=False)  # content.to_json()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="创建人"
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="发布人"
    )
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    # The year's coverage when it was published although provisional (学校 1/3 已填报), else empty.
    published_provisional = models.CharField("发布时数据暂定情况", max_length=200, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="撤回人"
    )
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdraw_reason = models.TextField("撤回原因", blank=True)
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        verbose_name = "年度质量报告"
        verbose_name_plural = "年度质量报告"
        # The year's regional report first (on both databases), then its schools in tree order.
        ordering = ["-year", models.F("organization__path").asc(nulls_first=True), "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year"], condition=Q(organization__isnull=True), name="reports_quality_one_per_region"
            ),
            models.UniqueConstraint(
                fields=["organization", "year"],
                condition=Q(organization__isnull=False),
                name="reports_quality_one_per_school",
            ),
        ]
        indexes = [models.Index(fields=["status", "year"], name="reports_quality_status_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def subject_name(self) -> str:
        return self.organization.name if self.organization_id else self.region.name  # type: ignore[union-attr]

    @property
    def title(self) -> str:
        if self.organization_id:
            return f"{self.subject_name}质量年度报告（{self.year}年度）"
        return f"{self.subject_name}职业教育质量年度报告（{self.year}年度）"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    @property
    def was_published(self) -> bool:
        """Published, now or before its withdrawal: its stored copy is what was issued."""
        return self.status in (self.Status.PUBLISHED, self.Status.WITHDRAWN)
