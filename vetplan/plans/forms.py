"""Forms: declarative validation of what users type; the services do the saving."""

from __future__ import annotations

from typing import Any

from django import forms

from vetplan.core.versioning import versioned
from vetplan.orgs.models import Organization
from vetplan.orgs.pickers import use_picker
from vetplan.plans.models import Plan, Target, Task


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "issuer", "doc_number", "issued_on", "period_start", "period_end"]
        widgets = {"issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, self.instance)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "截止年份不能早于起始年份。")
        return data


class TargetForm(forms.ModelForm):
    """A target's goal, the indicator that measures it, on which unit, and who reports it by hand."""

    class Meta:
        model = Target
        fields = [
            "indicator_text", "comparator", "value", "value_max", "unit", "deadline_year", "kind", "baseline",
            "indicator", "scope_organization", "reporting_unit", "sentence",
        ]  # fmt: skip
        widgets = {
            "sentence": forms.Textarea(attrs={"rows": 3}),
            "indicator": forms.Select(attrs={"class": "searchable", "data-search": "输入指标名称筛选"}),
        }
        help_texts = {
            "indicator": "关联后由各单位填报的数据自动计算进展；目标值按指标单位保存（如“3.6万人”自动记为 36000 人）。"
            "单位或层次不符的指标不能关联。",
            "scope_organization": "目标针对某一所学校或单位时选择，按该单位的数据计量；留空按本规划区域计量。",
            "reporting_unit": "未关联指标的目标由该单位填报完成情况（手工填报）。",
        }

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, self.instance)
        units = Organization.objects.filter(region__path__startswith=plan.region.path).order_by("type", "name")
        for name in ("scope_organization", "reporting_unit"):
            self.fields[name].queryset = units  # type: ignore[attr-defined]
            use_picker(self.fields[name], region=plan.region_id)
        indicator = self.fields["indicator"]
        indicator.empty_label = "不关联（手工填报）"  # type: ignore[attr-defined]
        indicator.label_from_instance = lambda i: (
            f"{i.name}（{i.unit or '无单位'}{'，' + i.get_level_display() if i.level else ''}）"
        )  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        comparator, low, high = data.get("comparator"), data.get("value"), data.get("value_max")
        if comparator == Target.Comparator.BETWEEN:
            if high is None:
                self.add_error("value_max", "区间目标需要填写上限。")
            elif low is not None and high < low:
                self.add_error("value_max", "上限不能小于目标值。")
        return data


class TaskForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = [
            "seq", "text", "section", "lead_units", "responsible_units",
            "timeline", "deadline", "recurrence", "status",
        ]  # fmt: skip
        widgets = {
            "text": forms.Textarea(attrs={"rows": 4}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"deadline": "留空时按“时间进度”自动识别；持续实施的任务每年报告一次。"}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, self.instance)
        self.plan = plan
        # 已完成 comes only from an accepted closing report (申请办结), never from this form.
        status = self.fields["status"]
        if self.instance.pk and self.instance.status == Task.Status.DONE:
            status.disabled = True
            status.help_text = "任务已经审核办结；如需重新打开，请在任务页由督导室操作。"
        else:
            status.choices = [c for c in Task.Status.choices if c[0] != Task.Status.DONE]  # type: ignore[attr-defined]
        units = Organization.objects.filter(region__path__startswith=plan.region.path).order_by("type", "name")
        for name in ("lead_units", "responsible_units"):
            self.fields[name].queryset = units  # type: ignore[attr-defined]
            use_picker(self.fields[name], region=plan.region_id)

    def clean_seq(self) -> str:
        seq: str = self.cleaned_data["seq"].strip()
        clash = Task.objects.filter(plan=self.plan, seq=seq).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(f"本规划中已有序号为 {seq} 的任务。")
        return seq

    def service_kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["lead_units"] = list(data["lead_units"])
        data["responsible_units"] = list(data["responsible_units"])
        return data


class TaskStatusForm(forms.Form):
    """A unit's quick progress status. 已完成 is not offered: it takes a closing report (申请办结)
    accepted by the 督导室 (supervision.services.reports)."""

    status = forms.ChoiceField(
        label="状态",
        choices=[(value, label) for value, label in Task.Status.choices if value != Task.Status.DONE],
        help_text="任务全部完成后，由牵头单位“申请办结”，经督导室审核通过后为已完成。",
    )
