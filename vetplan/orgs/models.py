"""Regions (GB/T 2260) and organisations, each a materialised-path tree, and user membership."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vetplan.orgs.roles import Role


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", "省"
        CITY = "city", "市"
        COUNTY = "county", "县（区）"
        TOWNSHIP = "township", "乡镇（街道）"

    code = models.CharField("行政区划代码", max_length=12, unique=True)  # GB/T 2260
    name = models.CharField("名称", max_length=64)
    level = models.CharField("级别", max_length=16, choices=Level.choices)
    parent = models.ForeignKey("self", models.PROTECT, null=True, blank=True, related_name="children")
    # Codes from the root down, e.g. "410000/411500/411502/"; subtree = path__startswith.
    path = models.CharField(max_length=255, db_index=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "行政区域"
        verbose_name_plural = "行政区域"
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name

    def build_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else ""
        return f"{prefix}{self.code}/"


class Organization(models.Model):
    class Type(models.TextChoices):
        GOVERNMENT = "government", "政府部门"
        SCHOOL = "school", "学校"
        ENTERPRISE = "enterprise", "企业"
        TOWNSHIP = "township", "乡镇（街道）"
        ASSOCIATION = "association", "协会（行业组织）"
        SUPERVISION = "supervision", "督导机构"

    name = models.CharField("名称", max_length=128)
    short_name = models.CharField("简称", max_length=64, blank=True)
    type = models.CharField("类型", max_length=16, choices=Type.choices)
    region = models.ForeignKey(Region, models.PROTECT, related_name="organizations", verbose_name="所属区域")
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name="上级单位"
    )
    # Other names the plans use for this unit: 区教体局 = 区教育体育局, 人社局 ...
    aliases = models.JSONField("别名", default=list, blank=True)
    # Zero-padded ids from the root down, e.g. "00000001/00000007/"; subtree = path__startswith.
    path = models.CharField(max_length=255, db_index=True, editable=False, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "单位"
        verbose_name_plural = "单位"
        ordering = ["region__path", "type", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="orgs_organization_unique_name_in_region")
        ]

    def __str__(self) -> str:
        return self.name

    def build_path(self) -> str:
        prefix = self.parent.path if self.parent_id and self.parent else ""
        return f"{prefix}{self.pk:08d}/"

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class Membership(models.Model):
    """A user's organisation and role: what they see and what they may write."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, models.CASCADE, related_name="membership")
    organization = models.ForeignKey(Organization, models.PROTECT, related_name="members", verbose_name="单位")
    role = models.CharField("角色", max_length=32, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "用户角色"
        verbose_name_plural = "用户角色"

    def __str__(self) -> str:
        return f"{self.user} · {self.organization} · {self.get_role_display()}"
