"""Input checks for the 年度质量报告 pages; the services do the rest."""

from __future__ import annotations

from typing import Any

from django import forms

from vetplan.core.versioning import versioned
from vetplan.orgs.models import Organization
from vetplan.orgs.pickers import UnitsField
from vetplan.reports.quality_report import chapter_labels


class QualityReportCreateForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    regional = forms.BooleanField(label="地区年报（本区域）", required=False, initial=True)
    schools = UnitsField(
        label="学校年报",
        required=False,
        groups=True,
        types=[Organization.Type.SCHOOL],
        help_text="可选整个区域的全部学校；已有同年度报告的单位不会重复生成。",
    )

    def __init__(self, *args: Any, schools: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["schools"].queryset = schools  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("regional") and not data.get("schools"):
            raise forms.ValidationError("请至少选择地区年报或一所学校。")
        return data


class NarrativesForm(forms.Form):
    """One text per chapter, set among the generated figures (empty: the chapter shows figures only)."""

    def __init__(self, *args: Any, report: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, report)
        for key, heading in chapter_labels():
            self.fields[key] = forms.CharField(
                label=heading,
                required=False,
                max_length=20000,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text="“文化传承”“国际合作”两章只有填写了文字才会出现在报告中。"
                if key in ("culture", "international")
                else "",
            )


class PublishForm(forms.Form):
    """发布: the 督导室 confirms what becomes public, and a provisional year explicitly."""

    confirm_provisional = forms.BooleanField(label="确认在数据暂定的情况下发布", required=False)


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="撤回原因",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "请填写撤回原因，公众页面会显示。"},
    )
