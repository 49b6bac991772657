"""What is reported (DataElement, DataValue), what is computed (Indicator, from the SubjectTotal rows)
and how each target stands (TargetStatus; TargetReport for targets without an indicator)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vetplan.orgs.models import Organization, Region


class Dataset(models.TextChoices):
    """The data sets units report, one Excel template each, chosen by the unit's type."""

    SCHOOL = "school", "学校数据"
    DEPARTMENT = "department", "部门数据"
    ENTERPRISE = "enterprise", "企业数据"


class DataElement(models.Model):
    code = models.CharField("代码", max_length=64, unique=True)
    name = models.CharField("名称", max_length=128)
    unit = models.CharField("单位", max_length=16, blank=True)
    dataset = models.CharField("数据集", max_length=16, choices=Dataset.choices, default=Dataset.SCHOOL)
    integer = models.BooleanField("整数", default=True)
    max_value = models.FloatField("上限", null=True, blank=True)
    # Worked out by vetplan from other figures (办学条件达标学校数, 免学费金额 ...): never on a form or template.
    computed = models.BooleanField("系统计算", default=False)
    seq = models.PositiveIntegerField("序号", default=0)

    class Meta:
        verbose_name = "数据项"
        verbose_name_plural = "数据项"
        ordering = ["seq", "pk"]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", "越高越好"
        LOWER = "lower", "越低越好"

    class Level(models.TextChoices):
        ANY = "", "不分层次"
        SECONDARY = "secondary", "中职"
        HIGHER = "higher", "高职（专科、本科）"
        ALL = "all", "各级职业院校"

    code = models.CharField("代码", max_length=64, unique=True)
    name = models.CharField("名称", max_length=128)
    synonyms = models.JSONField("同义词", default=list, blank=True)
    numerator = models.CharField("分子表达式", max_length=255)
    denominator = models.CharField("分母表达式", max_length=255, blank=True)
    factor = models.FloatField("系数", default=1)
    unit = models.CharField("单位", max_length=16, blank=True)
    # 中职 (secondary), 高职 (higher) or both (all): a target of another level is never measured by it.
    level = models.CharField("层次", max_length=16, choices=Level.choices, blank=True, default="")
    # Term sets for linking targets: "双师型+比例" matches a text containing both terms.
    terms = models.JSONField("匹配词组", default=list, blank=True)
    direction = models.CharField("方向", max_length=8, choices=Direction.choices, default=Direction.HIGHER)
    seq = models.PositiveIntegerField("序号", default=0)

    class Meta:
        verbose_name = "指标"
        verbose_name_plural = "指标"
        ordering = ["seq", "pk"]

    def __str__(self) -> str:
        return self.name


class DataValue(models.Model):
    element = models.ForeignKey(DataElement, models.PROTECT, related_name="values", verbose_name="数据项")
    organization = models.ForeignKey(Organization, models.CASCADE, related_name="data_values", verbose_name="单位")
    year = models.PositiveSmallIntegerField("年份")
    value = models.FloatField("数值")
    source = models.CharField("来源", max_length=16, default="form")  # form | excel | api | demo | synthetic
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="填报人"
    )
    entered_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        verbose_name = "数据值"
        verbose_name_plural = "数据值"
        constraints = [
            models.UniqueConstraint(fields=["element", "organization", "year"], name="indicators_datavalue_unique")
        ]
        indexes = [
            models.Index(fields=["organization", "year"], name="indicators_dv_org_year_idx"),
            models.Index(fields=["year", "element"], name="indicators_dv_year_element_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}·{self.element_id}·{self.year}={self.value}"


class ReportedYear(models.Model):
    """A unit reported a data set for a year: at least one value it entered itself (not a computed
    element, nor a figure the system writes from records). Kept by the services that write data
    values (vetplan.indicators.reported), so that 填报进度 and the finality of a province's figures
    count rows here instead of a province's values; `vetplan recompute` rebuilds it."""

    # The unique constraint's index starts with the unit: no index of its own.
    organization = models.ForeignKey(
        Organization, models.CASCADE, related_name="+", db_index=False, verbose_name="单位"
    )
    dataset = models.CharField("数据集", max_length=16, choices=Dataset.choices)
    year = models.PositiveSmallIntegerField("年份")

    class Meta:
        verbose_name = "已填报年度"
        verbose_name_plural = "已填报年度"
        constraints = [
            models.UniqueConstraint(fields=["organization", "dataset", "year"], name="indicators_reported_unique")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}·{self.dataset}·{self.year}"


class SubjectTotal(models.Model):
    """Element totals of one subject and year: a unit's own values, a unit's subtree or a region's subtree.

    The indicator values are never stored: they are evaluated on read from these totals
    (vetplan.indicators.values), so a save only adds what changed to a few rows. Besides these
    fields the table has two columns per data element an indicator uses, added by the engine
    (vetplan.indicators.totals): `e<element id>`, the total (NULL when no unit reported it), and
    `n<element id>`, how many values make it up (so a deleted last value leaves NULL, not 0; NULL on
    a unit's OWN row, which holds one value at most).
    """

    class Kind(models.IntegerChoices):
        OWN = 0, "单位自身"
        UNIT = 1, "单位及下属单位"
        REGION = 2, "区域"

    # One row per subject and year: that is the key (no id column and no second index to maintain).
    pk = models.CompositePrimaryKey("kind", "subject_id", "year")
    kind = models.PositiveSmallIntegerField(choices=Kind.choices)
    subject_id = models.IntegerField()  # the unit's or the region's id, by kind
    year = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "数据汇总"
        verbose_name_plural = "数据汇总"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}{self.subject_id}·{self.year}"


class TargetStatus(models.Model):
    """A target's materialised status (see status.py), recomputed whenever its figures change."""

    class Status(models.TextChoices):
        ACHIEVED = "achieved", "已达成"
        ON_TRACK = "on_track", "正常推进"
        AT_RISK = "at_risk", "存在风险"
        OFF_TRACK = "off_track", "严重滞后"
        NO_DATA = "no_data", "无数据"

    target = models.OneToOneField("plans.Target", models.CASCADE, related_name="status_row")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.NO_DATA)
    # The last final year (every unit owing the data reported, or the year closed) and its figure.
    latest_year = models.PositiveSmallIntegerField(null=True)
    latest_value = models.FloatField(null=True)
    projected_value = models.FloatField(null=True)
    # A newer year still provisional (暂定): shown beside, never used for the status.
    pending_year = models.PositiveSmallIntegerField(null=True)
    pending_value = models.FloatField(null=True)
    pending_coverage = models.CharField(max_length=64, blank=True)  # 学校 1/3 已填报
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "目标状态"
        verbose_name_plural = "目标状态"
        indexes = [models.Index(fields=["status"], name="indicators_ts_status_idx")]

    def __str__(self) -> str:
        return f"{self.target_id}: {self.get_status_display()}"

    @property
    def css(self) -> str:
        return STATUS_CSS[self.status]


STATUS_CSS = {
    "achieved": "badge-achieved",
    "on_track": "badge-on-track",
    "at_risk": "badge-at-risk",
    "off_track": "badge-off-track",
    "no_data": "badge-no-data",
}


class TargetReport(models.Model):
    """The reported value of a target that has no catalogue indicator (建成2个实训基地)."""

    target = models.ForeignKey("plans.Target", models.CASCADE, related_name="reports", verbose_name="目标")
    year = models.PositiveSmallIntegerField("年份")
    value = models.FloatField("完成值")
    evidence = models.FileField("佐证材料", upload_to="target_reports/%Y/", blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="填报人"
    )
    reported_at = models.DateTimeField("填报时间", auto_now=True)

    class Meta:
        verbose_name = "目标完成情况"
        verbose_name_plural = "目标完成情况"
        ordering = ["target", "year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="indicators_targetreport_unique")]

    def __str__(self) -> str:
        return f"{self.target_id} · {self.year}: {self.value}"


class DataYearClosing(models.Model):
    """数据截止: the 督导室 declares a region's year final although some units have not reported.

    One row per region and year; reopening keeps the row (closed = False) and the history keeps
    who closed and reopened it when. A closed year is final for the region and the regions below.
    """

    region = models.ForeignKey(Region, models.CASCADE, related_name="+", verbose_name="区域")
    year = models.PositiveSmallIntegerField("年份")
    closed = models.BooleanField("已截止", default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="操作人"
    )
    changed_at = models.DateTimeField("操作时间")
    note = models.CharField("说明", max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "数据截止"
        verbose_name_plural = "数据截止"
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="indicators_closing_unique")]

    def __str__(self) -> str:
        return f"{self.region} {self.year}年数据{'已截止' if self.closed else '已重新开放'}"


class DataReminder(models.Model):
    """催报: the 督导室 reminds a unit that a data set for a year is still missing."""

    organization = models.ForeignKey(Organization, models.CASCADE, related_name="data_reminders", verbose_name="单位")
    dataset = models.CharField("数据集", max_length=16, choices=Dataset.choices)
    year = models.PositiveSmallIntegerField("年份")
    message = models.CharField("催报内容", max_length=300)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="催报人"
    )
    sent_at = models.DateTimeField("催报时间", auto_now_add=True)

    class Meta:
        verbose_name = "催报记录"
        verbose_name_plural = "催报记录"
        ordering = ["-sent_at", "-pk"]
        indexes = [models.Index(fields=["organization", "year"], name="indicators_reminder_org_idx")]

    def __str__(self) -> str:
        return f"催报 {self.organization} {self.year}年{self.get_dataset_display()}"
