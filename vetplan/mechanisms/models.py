"""政策机制: the plans' mechanisms run on the registries, with the results stored and their parameters.

The rules are pure (`vetplan.policy`); this app loads their inputs, calls them and stores each
result with the parameter version it used (ARCHITECTURE.md), so a figure computed for 2025
stays as computed when the 2026 rates change:

- `ParameterVersion`: a county's value for a named parameter from a year on (over the shipped
  defaults in `vetplan.policy.params`), edited by the administrator;
- `SchoolCategory` and `ConditionsResult`: 办学条件达标 per school and year;
- `CreditYear` (entered by the enterprise, checked by 发改 and 税务) and `CreditLine`: the
  产教融合 credit against 教育费附加 and 地方教育附加;
- `FundDistribution` and `FundAllocation`: a county VET fund shared over schools;
- `AidRoster` and `AidAward`: 免学费, 国家助学金 and 雨露计划 per student and term.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vetplan.orgs.models import Organization, Region
from vetplan.policy.conditions import KIND_LABELS, SECONDARY
from vetplan.registries.models import Enterprise, Student

Money = {"max_digits": 16, "decimal_places": 2}


class ParameterVersion(models.Model):
    """The value a parameter takes from `since` on; a year uses the latest version not after it."""

    name = models.CharField("参数", max_length=64)
    since = models.PositiveSmallIntegerField("起始年份")
    value = models.FloatField("数值")
    label = models.CharField("名称", max_length=100)
    source = models.CharField("依据", max_length=200)
    note = models.CharField("说明", max_length=200, blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="修改人"
    )
    changed_at = models.DateTimeField("修改时间", auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "政策参数"
        verbose_name_plural = "政策参数"
        ordering = ["name", "since"]
        constraints = [models.UniqueConstraint(fields=["name", "since"], name="mechanisms_parameter_unique_since")]

    def __str__(self) -> str:
        return f"{self.label} {self.since}年起 {self.value:g}"


class SchoolCategory(models.Model):
    """Which standard a school is held to (一般类中职, 技工学校, 高职 ...)."""

    school = models.OneToOneField(Organization, models.CASCADE, related_name="conditions_category", verbose_name="学校")
    kind = models.CharField("办学条件标准", max_length=32, choices=list(KIND_LABELS.items()), default=SECONDARY)
    tuition_fee = models.DecimalField("核定学费（元/生/年）", max_digits=10, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "学校办学条件标准"
        verbose_name_plural = "学校办学条件标准"

    def __str__(self) -> str:
        return f"{self.school} · {self.get_kind_display()}"


class ConditionsResult(models.Model):
    """A school's 办学条件 assessment for a year, as computed (checks with their explanations)."""

    school = models.ForeignKey(Organization, models.CASCADE, related_name="conditions_results", verbose_name="学校")
    year = models.PositiveSmallIntegerField("年份")
    kind = models.CharField("标准", max_length=32, choices=list(KIND_LABELS.items()))
    compliant = models.BooleanField("全部达标", null=True)  # None: a figure is missing
    failed = models.PositiveSmallIntegerField("未达标项数", default=0)
    missing = models.PositiveSmallIntegerField("未填报项数", default=0)
    card = models.CharField("黄牌/红牌", max_length=8, blank=True)
    checks = models.JSONField("各项指标", default=list)
    parameter_version = models.CharField("参数版本", max_length=1000)
    computed_at = models.DateTimeField("计算时间", auto_now=True)

    class Meta:
        verbose_name = "办学条件达标结果"
        verbose_name_plural = "办学条件达标结果"
        ordering = ["school__name"]
        constraints = [models.UniqueConstraint(fields=["school", "year"], name="mechanisms_conditions_unique_year")]
        indexes = [models.Index(fields=["year", "compliant"], name="mechanisms_conditions_year_idx")]

    def __str__(self) -> str:
        return f"{self.school} {self.year}年办学条件"


class CreditYear(models.Model):
    """An enterprise's eligible 产教融合 investment and its surcharges payable for a year.

    Entered by the enterprise; the investment is checked by the 发展改革 department and the
    surcharges by 税务. A year enters the credit statement once both are checked.
    """

    enterprise = models.ForeignKey(Enterprise, models.CASCADE, related_name="credit_years", verbose_name="企业")
    year = models.PositiveSmallIntegerField("年份")
    investment = models.DecimalField("符合规定的兴办职业教育投资额（元）", **Money)
    payable = models.DecimalField("当年应缴教育费附加和地方教育附加（元）", **Money)
    withdrawn = models.BooleanField("投资撤回或股权转让", default=False)
    note = models.CharField("说明", max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="填报人"
    )
    entered_at = models.DateTimeField("填报时间", auto_now_add=True)
    investment_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="投资额核实人"
    )
    investment_checked_at = models.DateTimeField("投资额核实时间", null=True, blank=True)
    payable_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="附加核实人"
    )
    payable_checked_at = models.DateTimeField("附加核实时间", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "产教融合投资与附加"
        verbose_name_plural = "产教融合投资与附加"
        ordering = ["enterprise", "year"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "year"], name="mechanisms_credit_year_unique")]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}年"

    @property
    def checked(self) -> bool:
        return self.investment_checked_at is not None and self.payable_checked_at is not None


class CreditLine(models.Model):
    """A year of an enterprise's credit statement, as computed with the rate then in force."""

    enterprise = models.ForeignKey(Enterprise, models.CASCADE, related_name="credit_lines", verbose_name="企业")
    year = models.PositiveSmallIntegerField("年份")
    investment = models.DecimalField("投资额（元）", **Money)
    payable = models.DecimalField("应缴附加（元）", **Money)
    rate = models.FloatField("抵免比例（%）")
    earned = models.DecimalField("当年新增可抵免额（元）", **Money)
    carried_in = models.DecimalField("上年结转（元）", **Money)
    available = models.DecimalField("可抵免额（元）", **Money)
    used = models.DecimalField("当年抵免额（元）", **Money)
    carried_out = models.DecimalField("结转下年（元）", **Money)
    clawback = models.DecimalField("应补缴（元）", **Money)
    parameter_version = models.CharField("参数版本", max_length=200)
    explanation = models.JSONField("计算说明", default=dict)
    computed_at = models.DateTimeField("计算时间", auto_now=True)

    class Meta:
        verbose_name = "产教融合抵免台账"
        verbose_name_plural = "产教融合抵免台账"
        ordering = ["enterprise", "year"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "year"], name="mechanisms_credit_line_unique")]

    def __str__(self) -> str:
        return f"{self.enterprise} {self.year}年抵免"


class FundDistribution(models.Model):
    """A county VET fund (e.g. 职业教育专项资金) shared over its schools by a formula."""

    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name="区域")
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("资金名称", max_length=100)
    fund = models.DecimalField("资金总额（元）", **Money)
    basis = models.CharField("分配依据（文号）", max_length=200, blank=True)
    # 专业大类 → weight; school id (str) → quality score.
    category_weights = models.JSONField("专业大类系数", default=dict, blank=True)
    quality_scores = models.JSONField("质量系数", default=dict, blank=True)
    computed_at = models.DateTimeField("计算时间", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="创建人"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "职业教育资金分配"
        verbose_name_plural = "职业教育资金分配"
        ordering = ["-year", "title"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "title"], name="mechanisms_distribution_unique_title")
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.title}"


class FundAllocation(models.Model):
    distribution = models.ForeignKey(
        FundDistribution, models.CASCADE, related_name="allocations", verbose_name="资金分配"
    )
    school = models.ForeignKey(Organization, models.CASCADE, related_name="+", verbose_name="学校")
    students = models.PositiveIntegerField("在校生数")
    weight = models.FloatField("学校权重")
    amount = models.DecimalField("分配金额（元）", **Money)
    explanation = models.JSONField("计算说明", default=dict)

    class Meta:
        verbose_name = "资金分配明细"
        verbose_name_plural = "资金分配明细"
        ordering = ["distribution", "school__name"]
        constraints = [
            models.UniqueConstraint(fields=["distribution", "school"], name="mechanisms_allocation_unique_school")
        ]

    def __str__(self) -> str:
        return f"{self.distribution} · {self.school}"


class AidRoster(models.Model):
    """A school's payment roster for a term: who gets 免学费, 国家助学金 and 雨露计划, and how much."""

    class Term(models.IntegerChoices):
        SPRING = 1, "春季学期"
        AUTUMN = 2, "秋季学期"

    school = models.ForeignKey(Organization, models.CASCADE, related_name="aid_rosters", verbose_name="学校")
    year = models.PositiveSmallIntegerField("年份")
    term = models.PositiveSmallIntegerField("学期", choices=Term.choices)
    parameter_version = models.CharField("参数版本", max_length=200, blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="生成人"
    )
    generated_at = models.DateTimeField("生成时间", auto_now=True)

    class Meta:
        verbose_name = "资助发放名册"
        verbose_name_plural = "资助发放名册"
        ordering = ["-year", "-term", "school__name"]
        constraints = [models.UniqueConstraint(fields=["school", "year", "term"], name="mechanisms_roster_unique_term")]

    def __str__(self) -> str:
        return f"{self.school} {self.year}年{self.get_term_display()}"


class AidAward(models.Model):
    class Kind(models.TextChoices):
        FEE = "fee", "免学费"
        GRANT = "grant", "国家助学金"
        YULU = "yulu", "雨露计划"

    roster = models.ForeignKey(AidRoster, models.CASCADE, related_name="awards", verbose_name="名册")
    student = models.ForeignKey(Student, models.CASCADE, related_name="aid_awards", verbose_name="学生")
    kind = models.CharField("资助项目", max_length=8, choices=Kind.choices)
    amount = models.DecimalField("本学期金额（元）", max_digits=10, decimal_places=2)
    parameter_version = models.CharField("参数版本", max_length=100, blank=True)
    explanation = models.JSONField("计算说明", default=dict)
    # A student the rules make eligible but the school takes off the roster (未申请, 已在他校享受 ...).
    removed_reason = models.CharField("移出名册原因", max_length=100, blank=True)

    class Meta:
        verbose_name = "资助发放记录"
        verbose_name_plural = "资助发放记录"
        ordering = ["roster", "student__student_number", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["roster", "student", "kind"], name="mechanisms_award_unique_kind")
        ]
        indexes = [models.Index(fields=["student", "kind"], name="mechanisms_award_student_idx")]

    def __str__(self) -> str:
        return f"{self.roster} · {self.student} · {self.get_kind_display()}"
