"""Forms: one unit's data for one year (a field per element of its data set), uploads and reports."""

from __future__ import annotations

from typing import Any

from django import forms

from vetplan.indicators.models import DataElement, Dataset
from vetplan.supervision.evidence import ALLOWED_LABEL, MAX_EVIDENCE_BYTES


class DataForm(forms.Form):
    """One unit's year, a field per element. Each field carries the value it was opened with (a hidden
    initial), so only the fields the user changed are saved and a value someone else changed
    meanwhile is a conflict, not an overwrite."""

    def __init__(
        self,
        *args: Any,
        elements: list[DataElement],
        initial_values: dict[int, float],
        computed: frozenset[int] = frozenset(),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.elements = elements
        self.computed = computed  # element ids whose value comes from a registry's records: read-only
        for element in elements:
            self.fields[element.code] = forms.DecimalField(
                label=f"{element.name}（{element.unit}）" if element.unit else element.name,
                required=False,
                min_value=0,
                max_digits=18,
                decimal_places=0 if element.integer else 4,
                initial=_plain(initial_values.get(element.pk)),
                show_hidden_initial=True,
                disabled=element.pk in computed,
                help_text="由名册记录计算，请在名册中修改" if element.pk in computed else "",
            )

    def changes(self) -> list[tuple[DataElement, Any, float | None]]:
        """(element, new value, value when opened) of each field the user changed and did not clear."""
        changed = set(self.changed_data)
        out = []
        for element in self.elements:
            if element.code not in changed:
                continue
            field = self.fields[element.code]
            bound = self[element.code]
            try:
                opened = field.to_python(self._widget_data_value(field.hidden_widget(), bound.html_initial_name))
            except forms.ValidationError:
                opened = None
            out.append((element, self.cleaned_data.get(element.code), None if opened is None else float(opened)))
        return out


class ClosingForm(forms.Form):
    """数据截止 or 重新开放 a region's year."""

    action = forms.ChoiceField(choices=[("close", "数据截止"), ("reopen", "重新开放")])
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    note = forms.CharField(label="说明", max_length=200, required=False)


class ReminderForm(forms.Form):
    """催报: every unit missing a data set for a year, or one of them."""

    dataset = forms.ChoiceField(label="数据集", choices=Dataset.choices)
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    unit = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)


class UploadForm(forms.Form):
    file = forms.FileField(label="已填写的模板（.xlsx）")


class TemplateForm(forms.Form):
    dataset = forms.ChoiceField(label="数据集", choices=Dataset.choices)
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)


class TargetReportForm(forms.Form):
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    value = forms.DecimalField(label="完成值", max_digits=18, decimal_places=4)
    evidence = forms.FileField(
        label="佐证材料",
        required=False,
        help_text=f"允许 {ALLOWED_LABEL}，不超过 {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB。",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}),
    )


def _plain(value: float | None) -> Any:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
