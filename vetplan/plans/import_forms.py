"""Forms of the plan import flow: the upload, and the review of an extracted draft.

The review posts every row of the draft: meta, one formset row per target (with the
indicator it is measured by) and per task (with its deadline, recurrence and a checkbox for
batch actions), each with 删除, and a row per unit name with what to do with it. Errors
name the row and the field (`目标第3行 目标值：不是数字`); the document is built only when
every row is valid.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.forms import formset_factory

from vetplan.core.access import Scope
from vetplan.orgs.models import Organization, Region
from vetplan.plans.imports import BATCH_ACTIONS, ReviewRows
from vetplan.plans.models import PlanImportDraft, Target, Task
from vetplan.plans.units import ACTION_LABELS, CHOICES_KEY

NUMBER_ERRORS = {"invalid": "不是数字", "required": "不能为空", "max_digits": "数字位数过多"}
REQUIRED = {"required": "不能为空"}


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="规划文件",
        help_text="支持 .txt、.docx、.pdf、.html；上传后先进入审核页，确认后才保存。",
        error_messages={"required": "请选择要导入的规划文件。", "empty": "上传的文件是空的。"},
    )
    region = forms.ModelChoiceField(
        queryset=Region.objects.exclude(level=Region.Level.TOWNSHIP).order_by("path"),
        label="实施区域",
        empty_label="请选择规划实施的区域",
        help_text="规划中“县”“区”“市”开头的单位按此区域识别：县级规划中的“市教育局”是上级市的单位。",
        error_messages={"required": "请选择规划的实施区域。", "invalid_choice": "请在列表中选择实施区域。"},
    )

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".txt,.docx,.pdf,.html,.htm"
        region = self.fields["region"]
        if not scope.sees_everything:
            # A supervisor imports for its own region or a region below it (not a township).
            region.queryset = region.queryset.filter(path__startswith=scope.region_path)  # type: ignore[attr-defined]
            region.initial = scope.region_id
            region.required = False  # left empty: the supervisor's own region


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
    indicator_code = forms.ChoiceField(label="计量指标", required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("value"), data.get("value_max")
        if data.get("comparator") == Target.Comparator.BETWEEN:
            if high is None:
                self.add_error("value_max", "区间目标需要填写上限")
            elif low is not None and high < low:
                self.add_error("value_max", "上限不能小于目标值")
        return data


RECURRENCE_CHOICES = [("", "按时间进度识别"), *Task.Recurrence.choices]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": "日期格式应为 YYYY-MM-DD"}


class TaskRowForm(forms.Form):
    selected = forms.BooleanField(label="选择", required=False)
    seq = forms.CharField(label="序号", max_length=32, required=False)
    text = forms.CharField(label="工作任务", widget=forms.Textarea(attrs={"rows": 3}), error_messages=REQUIRED)
    lead_units = UnitNamesField(label="牵头单位", required=False)
    responsible_units = UnitNamesField(label="责任单位", required=False)
    timeline = forms.CharField(label="时间进度", max_length=128, required=False)
    deadline = forms.DateField(label="完成时限", required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    recurrence = forms.ChoiceField(label="周期", choices=Task.Recurrence.choices)


class UnitChoiceForm(forms.Form):
    name = forms.CharField(widget=forms.HiddenInput, max_length=128)
    action = forms.ChoiceField(label="处理", choices=[("", "按识别结果"), *ACTION_LABELS.items()], required=False)
    organization = forms.CharField(label="对应单位", max_length=128, required=False)
    type = forms.ChoiceField(label="类型", choices=Organization.Type.choices)

    def __init__(self, *args: Any, organizations: dict[str, Organization] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organizations = organizations or {}
        self.fields["organization"].widget.attrs.update({"list": "review-organizations", "placeholder": "输入名称查找"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") == "map":
            name = (data.get("organization") or "").strip()
            if not name:
                self.add_error("organization", "请选择要对应的单位")
            elif name not in self.organizations:
                self.add_error("organization", f"本区域没有名为“{name}”的单位")
        return data

    def choice(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        action = data.get("action")
        if action == "map":
            return {"action": "map", "organization": self.organizations[data["organization"].strip()].pk}
        if action == "create":
            return {"action": "create", "type": data["type"]}
        if action == "ignore":
            return {"action": "ignore"}
        return None


class BatchForm(forms.Form):
    """批量操作: what to set on the task rows ticked in the review."""

    action = forms.ChoiceField(label="批量操作", choices=[("", "选择操作"), *BATCH_ACTIONS.items()], required=False)
    lead = forms.CharField(label="牵头单位", max_length=128, required=False)
    deadline = forms.DateField(label="完成时限", required=False, widget=DATE_WIDGET, error_messages=DATE_ERRORS)
    recurrence = forms.ChoiceField(label="周期", choices=Task.Recurrence.choices, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].widget.attrs.update({"list": "review-unit-names", "placeholder": "单位名称"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if not action:
            self.add_error("action", "请选择批量操作")
        elif action == "lead" and not (data.get("lead") or "").strip():
            self.add_error("lead", "请填写牵头单位")
        elif action == "deadline" and not data.get("deadline"):
            self.add_error("deadline", "请填写完成时限")
        elif action == "recurrence" and not data.get("recurrence"):
            self.add_error("recurrence", "请选择周期")
        return data

    def value(self) -> Any:
        action = self.cleaned_data["action"]
        if action == "lead":
            return [self.cleaned_data["lead"].strip()]
        return self.cleaned_data[action]


TargetFormSet = formset_factory(TargetRowForm, extra=0, can_delete=True)
TaskFormSet = formset_factory(TaskRowForm, extra=0, can_delete=True)
UnitChoiceFormSet = formset_factory(UnitChoiceForm, extra=0)


class ImportReviewForm:
    """The whole review page as one form: meta, targets, tasks and the unit names."""

    def __init__(self, draft: PlanImportDraft, rows: ReviewRows, data: Any = None) -> None:
        self.draft = draft
        self.rows = rows
        document = draft.document or {}
        self.source_targets: list[dict[str, Any]] = list(document.get("targets", []))
        self.source_tasks: list[dict[str, Any]] = list(document.get("tasks", []))
        self.source_meta: dict[str, Any] = dict(document.get("meta") or {})
        self.source_choices: dict[str, Any] = dict(document.get(CHOICES_KEY) or {})
        self.meta = ImportMetaForm(data, prefix="meta", initial=self.source_meta)
        self.targets = TargetFormSet(
            data,
            prefix="targets",
            initial=[_target_initial(t.row, t.link.code) for t in rows.targets],
        )
        indicator_choices = [
            ("", "不关联（手工填报）"),
            *((i.code, f"{i.name}（{i.unit or '无单位'}）") for i in rows.indicators),
        ]
        for form in self.targets.forms:
            form.fields["indicator_code"].choices = indicator_choices  # type: ignore[attr-defined]
        self.tasks = TaskFormSet(data, prefix="tasks", initial=[_task_initial(t) for t in rows.tasks])
        self.organizations = {org.name: org for org in rows.organizations}
        self.units = UnitChoiceFormSet(
            data,
            prefix="units",
            initial=[_unit_initial(unit, self.source_choices.get(unit.name) or {}) for unit in rows.units],
            form_kwargs={"organizations": self.organizations},
        )
        self.batch = BatchForm(data, prefix="batch")
        self.errors: list[str] = []

    def is_valid(self) -> bool:
        self.errors = []
        self._collect("基本信息", self.meta)
        self._rows("目标", self.targets, len(self.source_targets))
        self._rows("任务", self.tasks, len(self.source_tasks))
        self._rows("单位", self.units, len(self.rows.units))
        if not self.errors:
            self._check_task_seqs()
        return not self.errors

    def batch_is_valid(self) -> bool:
        if self.batch.is_valid():
            if not self.selected_rows():
                self.errors.append("批量操作：请先勾选要修改的任务")
                return False
            return True
        for messages in self.batch.errors.values():
            self.errors += [f"批量操作：{message}" for message in messages]
        return False

    def selected_rows(self) -> list[int]:
        """The ticked task rows, as indexes into the edited document's task list."""
        kept = [form for form in self.tasks.forms if form not in self.tasks.deleted_forms]
        return [i for i, form in enumerate(kept) if form.cleaned_data.get("selected")]

    def document(self) -> dict[str, Any]:
        """The edited document: kept rows with their edits, in their original order, and the unit choices."""
        meta = self.meta.cleaned_data
        targets = []
        for form, source, review in zip(self.targets.forms, self.source_targets, self.rows.targets, strict=True):
            if form in self.targets.deleted_forms:
                continue
            data = form.cleaned_data
            row = {
                **source,
                "indicator": data["indicator"].strip(),
                "comparator": data["comparator"],
                "value": _number(data["value"]),
                "value_max": _number(data["value_max"]),
                "unit": data["unit"].strip(),
                "deadline": data["deadline"],
                "kind": data["kind"],
            }
            # A link the reviewer chose is kept; the proposal left as it was follows later edits.
            if data["indicator_code"] != review.proposed_code or "indicator_code" in source:
                row["indicator_code"] = data["indicator_code"]
            targets.append(row)
        tasks = []
        for form, source, review in zip(self.tasks.forms, self.source_tasks, self.rows.tasks, strict=True):
            if form in self.tasks.deleted_forms:
                continue
            data = form.cleaned_data
            row = {
                **source,
                "seq": data["seq"].strip() or None,
                "text": data["text"].replace("\r\n", "\n").strip(),  # browsers post CRLF
                "lead_units": data["lead_units"],
                "responsible_units": data["responsible_units"],
                "timeline": data["timeline"].strip() or None,
            }
            row.pop("deadline", None)
            row.pop("recurrence", None)
            derived = review.derived
            if data["deadline"] != derived.deadline or (data["recurrence"] == Task.Recurrence.YEARLY) != derived.yearly:
                row["deadline"] = data["deadline"].isoformat() if data["deadline"] else None
                row["recurrence"] = data["recurrence"]
            tasks.append(row)
        choices = dict(self.source_choices)
        for form in self.units.forms:
            choice = form.choice()
            if choice is None:
                choices.pop(form.cleaned_data["name"], None)
            else:
                choices[form.cleaned_data["name"]] = choice
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
            CHOICES_KEY: choices,
        }

    def target_rows(self) -> list[tuple[forms.Form, Any]]:
        return list(zip(self.targets.forms, self.rows.targets, strict=False))

    def task_rows(self) -> list[tuple[forms.Form, Any]]:
        return list(zip(self.tasks.forms, self.rows.tasks, strict=False))

    def unit_rows(self) -> list[tuple[forms.Form, Any]]:
        return list(zip(self.units.forms, self.rows.units, strict=False))

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


def _target_initial(row: dict[str, Any], code: str) -> dict[str, Any]:
    return {
        "indicator_code": code,
        "indicator": row.get("indicator") or "",
        "comparator": row.get("comparator") or ">=",
        "value": row.get("value"),
        "value_max": row.get("value_max"),
        "unit": row.get("unit") or "",
        "deadline": row.get("deadline"),
        "kind": row.get("kind") or "target",
    }


def _task_initial(review: Any) -> dict[str, Any]:
    row, schedule = review.row, review.schedule
    return {
        "seq": row.get("seq") or "",
        "text": row.get("text") or "",
        "lead_units": "\n".join(row.get("lead_units") or []),
        "responsible_units": "\n".join(row.get("responsible_units") or []),
        "timeline": row.get("timeline") or "",
        "deadline": schedule.deadline,
        "recurrence": Task.Recurrence.YEARLY if schedule.yearly else Task.Recurrence.ONCE,
    }


def _unit_initial(unit: Any, choice: dict[str, Any]) -> dict[str, Any]:
    mapped = unit.organization.name if unit.action == "map" and unit.organization else ""
    return {
        "name": unit.name,
        "action": choice.get("action", ""),
        "organization": mapped,
        "type": unit.new_type or choice.get("type") or Organization.Type.GOVERNMENT,
    }


def _number(value: Decimal | None) -> int | float | None:
    """A JSON number as the extraction spec writes it: 70, not 70.0000."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)
