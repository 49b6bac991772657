"""Forms of the mechanism pages: every edit form carries its version (core.versioning)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from vetplan.core.versioning import versioned
from vetplan.mechanisms.models import AidRoster, CreditYear, FundDistribution, SchoolCategory
from vetplan.policy.conditions import KIND_LABELS

YEAR = {"min_value": 2000, "max_value": 2100}
MONEY = {"min_value": Decimal(0), "max_value": Decimal("1e13"), "decimal_places": 2, "max_digits": 16}


class ParameterForm(forms.Form):
    since = forms.IntegerField(label="起始年份", **YEAR, help_text="自该年起适用，此前年度仍用原值。")
    value = forms.FloatField(label="数值", min_value=0, max_value=1e12)
    source = forms.CharField(label="依据（文号）", max_length=200)
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args: Any, row: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, row)


class SchoolKindForm(forms.ModelForm):
    kind = forms.ChoiceField(label="办学条件标准", choices=list(KIND_LABELS.items()))

    class Meta:
        model = SchoolCategory
        fields = ["kind", "tuition_fee"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tuition_fee"].help_text = "免学费按此标准补助；不填则用参数表中的默认标准。"
        self.fields["tuition_fee"].min_value = 0
        versioned(self, self.instance)


class CreditYearForm(forms.Form):
    year = forms.IntegerField(label="年份", **YEAR)
    investment = forms.DecimalField(label="符合规定的兴办职业教育投资额（元）", **MONEY)
    payable = forms.DecimalField(label="当年应缴教育费附加和地方教育附加（元）", **MONEY)
    withdrawn = forms.BooleanField(label="本年度投资撤回或股权转让", required=False)
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args: Any, row: CreditYear | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, row)


class CheckForm(forms.Form):
    what = forms.ChoiceField(choices=[("investment", "投资额"), ("payable", "应缴附加")])

    def __init__(self, *args: Any, row: CreditYear | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, row)


class DistributionForm(forms.ModelForm):
    class Meta:
        model = FundDistribution
        fields = ["year", "title", "fund", "basis"]

    def __init__(self, *args: Any, categories: list[str], schools: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].min_value, self.fields["year"].max_value = 2000, 2100
        self.fields["fund"].min_value = Decimal(0)
        weights = self.instance.category_weights or {}
        quality = self.instance.quality_scores or {}
        self.categories, self.schools = categories, schools
        for index, category in enumerate(categories):
            self.fields[f"weight_{index}"] = forms.FloatField(
                label=f"{category}系数", min_value=0, max_value=10, initial=weights.get(category, 1.0)
            )
        for school in schools:
            self.fields[f"quality_{school.pk}"] = forms.FloatField(
                label=f"{school.display_name}质量系数",
                min_value=0,
                max_value=10,
                initial=quality.get(str(school.pk), 1.0),
            )
        versioned(self, self.instance)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        same = FundDistribution.objects.filter(
            region_id=self.instance.region_id, year=data.get("year"), title=data.get("title")
        ).exclude(pk=self.instance.pk)
        if data.get("year") and data.get("title") and same.exists():
            self.add_error("title", f"{data['year']} 年已有名为“{data['title']}”的资金分配。")
        return data

    def weights(self) -> dict[str, float]:
        return {category: self.cleaned_data[f"weight_{i}"] for i, category in enumerate(self.categories)}

    def quality(self) -> dict[str, float]:
        return {str(school.pk): self.cleaned_data[f"quality_{school.pk}"] for school in self.schools}


class RosterForm(forms.Form):
    year = forms.IntegerField(label="年份", **YEAR)
    term = forms.TypedChoiceField(label="学期", choices=AidRoster.Term.choices, coerce=int)


class RemoveAwardForm(forms.Form):
    reason = forms.CharField(label="移出原因", max_length=100, required=False)
    action = forms.ChoiceField(choices=[("remove", "移出"), ("restore", "恢复")])
