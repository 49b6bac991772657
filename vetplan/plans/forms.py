"""Forms: declarative validation of what users type; the services do the saving."""

from __future__ import annotations

from typing import Any

from django import forms

from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, Target, Task


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "issuer", "doc_number", "issued_on", "period_start", "period_end"]
        widgets = {"issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and start > end:
            self.add_error("period_end", "截止年份不能早于起始年份。")
        return data


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = [
            "indicator_text", "comparator", "value", "value_max", "unit",
            "deadline_year", "kind", "baseline", "sentence",
        ]  # fmt: skip
        widgets = {"sentence": forms.Textarea(attrs={"rows": 3})}

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
            "lead_units": forms.SelectMultiple(attrs={"size": 8}),
            "responsible_units": forms.SelectMultiple(attrs={"size": 8}),
        }
        help_texts = {"deadline": "留空时按“时间进度”自动识别；持续实施的任务每年报告一次。"}

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        units = Organization.objects.filter(region__path__startswith=plan.region.path).order_by("type", "name")
        self.fields["lead_units"].queryset = units  # type: ignore[attr-defined]
        self.fields["responsible_units"].queryset = units  # type: ignore[attr-defined]

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
    status = forms.ChoiceField(label="状态", choices=Task.Status.choices)
