"""Forms of the plan import flow: the upload, and the review of an extracted draft.

The review posts every row of the draft: meta, one formset row per target and per task
(each with 删除), and a type for each new unit. Errors name the row and the field
(`目标第3行 目标值：不是数字`); the document is built only when every row is valid.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.forms import formset_factory

from vetplan.core.access import Scope
from vetplan.orgs.models import Organization, Region
from vetplan.plans.imports import UnitRow
from vetplan.plans.models import PlanImportDraft, Target

NUMBER_ERRORS = {"invalid": "不是数字", "required": "不能为空", "max_digits": "数字位数过多"}
REQUIRED = {"required": "不能为空"}


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="规划文件",
        help_text="支持 .txt、.docx、.pdf、.html；上传后先进入审核页，确认后才保存。",
        error_messages={"required": "请选择要导入的规划文件。", "empty": "上传的文件是空的。"},
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.filter(level=Region.Level.COUNTY).order_by("path"),
        label="实施区域",
        empty_label="请选择县（区）",
        error_messages={"required": "请选择规划的实施区域。"},
    )

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".txt,.docx,.pdf,.html,.htm"
        if not scope.sees_everything:
            del self.fields["region"]  # a supervisor imports for its own region


class UnitNamesField(forms.CharField):
    """Unit names one per line (a name may itself contain 、: 各县（市、区）政府)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value)
        return [name.strip() for name in re.split(r"[\r\n]+", text) if name.strip()]

    def validate(self, value: Any) -> None:
        for name in value:
            if len(name) > 128:
                raise forms.ValidationError(f"单位名称“{name[:20]}…”超过 128 个字")


class ImportMetaForm(forms.Form):
    title = forms.CharField(label="标题", max_length=255, error_messages=REQUIRED)
    issuer = forms.CharField(label="发文机关", max_length=128, required=False)
    doc_number = forms.CharField(label="文号", max_length=64, required=False)
    date = forms.DateField(
        label="成文日期",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "日期格式应为 YYYY-MM-DD"},
    )


class TargetRowForm(forms.Form):
    indicator = forms.CharField(label="指标", max_length=255, error_messages=REQUIRED)
    comparator = forms.ChoiceField(label="比较", choices=Target.Comparator.choices)
    value = forms.DecimalField(label="目标值", max_digits=18, decimal_places=4, error_messages=NUMBER_ERRORS)
    value_max = forms.DecimalField(
        label="上限", max_digits=18, decimal_places=4, required=False, error_messages=NUMBER_ERRORS
    )
    unit = forms.CharField(label="单位", max_length=16, required=False)
    deadline = forms.IntegerField(
        label="年份",
        min_value=1990,
        max_value=2100,
        required=False,
        error_messages={"invalid": "不是年份", "min_value": "应在 1990—2100 之间", "max_value": "应在 1990—2100 之间"},
    )
    kind = forms.ChoiceField(label="类型", choices=Target.Kind.choices)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("value"), data.get("value_max")
        if data.get("comparator") == Target.Comparator.BETWEEN:
            if high is None:
                self.add_error("value_max", "区间目标需要填写上限")
            elif low is not None and high < low:
                self.add_error("value_max", "上限不能小于目标值")
        return data


class TaskRowForm(forms.Form):
    seq = forms.CharField(label="序号", max_length=32, required=False)
    text = forms.CharField(label="工作任务", widget=forms.Textarea(attrs={"rows": 3}), error_messages=REQUIRED)
    lead_units = UnitNamesField(label="牵头单位", required=False)
    responsible_units = UnitNamesField(label="责任单位", required=False)
    timeline = forms.CharField(label="时间进度", max_length=128, required=False)


class UnitTypeForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput, max_length=128)
    type = forms.ChoiceField(label="类型", choices=Organization.Type.choices)


TargetFormSet = formset_factory(TargetRowForm, extra=0, can_delete=True)
TaskFormSet = formset_factory(TaskRowForm, extra=0, can_delete=True)
UnitTypeFormSet = formset_factory(UnitTypeForm, extra=0)


class ImportReviewForm:
    """The whole review page as one form: meta, targets, tasks and new-unit types."""

    def __init__(self, draft: PlanImportDraft, units: list[UnitRow], data: Any = None) -> None:
        self.draft = draft
        document = draft.document or {}
        self.source_targets: list[dict[str, Any]] = list(document.get("targets", []))
        self.source_tasks: list[dict[str, Any]] = list(document.get("tasks", []))
        self.source_meta: dict[str, Any] = dict(document.get("meta") or {})
        self.meta = ImportMetaForm(data, prefix="meta", initial=self.source_meta)
        self.targets = TargetFormSet(data, prefix="targets", initial=[_target_initial(t) for t in self.source_targets])
        self.tasks = TaskFormSet(data, prefix="tasks", initial=[_task_initial(t) for t in self.source_tasks])
        self.units = UnitTypeFormSet(
            data,
            prefix="units",
            initial=[{"name": u.name, "type": u.proposed_type} for u in units if u.is_new],
        )
        self.errors: list[str] = []

    def is_valid(self) -> bool:
        self.errors = []
        self._collect("基本信息", self.meta)
        self._rows("目标", self.targets, len(self.source_targets))
        self._rows("任务", self.tasks, len(self.source_tasks))
        self._rows("新单位", self.units, None)
        if not self.errors:
            self._check_task_seqs()
        return not self.errors

    def document(self) -> dict[str, Any]:
        """The edited document (spec shape): kept rows with their edits, in their original order."""
        meta = self.meta.cleaned_data
        targets = []
        for form, source in zip(self.targets.forms, self.source_targets, strict=True):
            if form in self.targets.deleted_forms:
                continue
            data = form.cleaned_data
            targets.append(
                {
                    **source,
                    "indicator": data["indicator"].strip(),
                    "comparator": data["comparator"],
                    "value": _number(data["value"]),
                    "value_max": _number(data["value_max"]),
                    "unit": data["unit"].strip(),
                    "deadline": data["deadline"],
                    "kind": data["kind"],
                }
            )
        tasks = []
        for form, source in zip(self.tasks.forms, self.source_tasks, strict=True):
            if form in self.tasks.deleted_forms:
                continue
            data = form.cleaned_data
            tasks.append(
                {
                    **source,
                    "seq": data["seq"].strip() or None,
                    "text": data["text"].replace("\r\n", "\n").strip(),  # browsers post CRLF
                    "lead_units": data["lead_units"],
                    "responsible_units": data["responsible_units"],
                    "timeline": data["timeline"].strip() or None,
                }
            )
        return {
            "meta": {
                **self.source_meta,
                "title": meta["title"].strip(),
                "issuer": meta["issuer"].strip() or None,
                "doc_number": meta["doc_number"].strip() or None,
                "date": meta["date"].isoformat() if meta["date"] else None,
            },
            "targets": targets,
            "tasks": tasks,
        }

    def unit_types(self) -> dict[str, str]:
        return {form.cleaned_data["name"]: form.cleaned_data["type"] for form in self.units.forms}

    def target_rows(self) -> list[tuple[forms.Form, dict[str, Any]]]:
        return list(zip(self.targets.forms, self.source_targets, strict=False))

    def task_rows(self) -> list[tuple[forms.Form, dict[str, Any]]]:
        return list(zip(self.tasks.forms, self.source_tasks, strict=False))

    def _collect(self, where: str, form: forms.Form) -> None:
        if form.is_valid():
            return
        for name, messages in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            for message in messages:
                self.errors.append(f"{where} {label}：{message}" if label else f"{where}：{message}")

    def _rows(self, what: str, formset: Any, expected: int | None) -> None:
        if not formset.is_valid() and formset.non_form_errors():
            self.errors += [f"{what}表：{message}" for message in formset.non_form_errors()]
        if not formset.management_form.is_valid():
            return
        if expected is not None and formset.total_form_count() != expected:
            self.errors.append(f"{what}表与草稿不一致（可能已在其他窗口修改过），请重新打开审核页。")
            return
        for index, form in enumerate(formset.forms, start=1):
            if formset.can_delete and getattr(form, "cleaned_data", {}).get("DELETE"):
                continue
            self._collect(f"{what}第{index}行", form)

    def _check_task_seqs(self) -> None:
        first_row: dict[str, int] = {}
        for index, form in enumerate(self.tasks.forms, start=1):
            if form in self.tasks.deleted_forms:
                continue
            seq = form.cleaned_data["seq"].strip()
            if not seq:
                continue
            if seq in first_row:
                self.errors.append(f"任务第{index}行 序号：{seq} 与第{first_row[seq]}行重复")
                form.add_error("seq", f"与第{first_row[seq]}行重复")
            else:
                first_row[seq] = index


def _target_initial(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "indicator": row.get("indicator") or "",
        "comparator": row.get("comparator") or ">=",
        "value": row.get("value"),
        "value_max": row.get("value_max"),
        "unit": row.get("unit") or "",
        "deadline": row.get("deadline"),
        "kind": row.get("kind") or "target",
    }


def _task_initial(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": row.get("seq") or "",
        "text": row.get("text") or "",
        "lead_units": "\n".join(row.get("lead_units") or []),
        "responsible_units": "\n".join(row.get("responsible_units") or []),
        "timeline": row.get("timeline") or "",
    }


def _number(value: Decimal | None) -> int | float | None:
    """A JSON number as the extraction spec writes it: 70, not 70.0000."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
