"""Input checks for the round pages: the round, its score table, its own criteria and the
consequences of its results (结果运用); the services do the rest."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Max

from vetplan.core.versioning import VERSION_FIELD, VersionField, versioned
from vetplan.orgs.pickers import UnitsField
from vetplan.supervision.models import Consequence, InspectionRound


class RoundForm(forms.Form):
    title = forms.CharField(label="名称", max_length=200)
    year = forms.IntegerField(label="年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="类型", choices=InspectionRound.Kind.choices)
    units = UnitsField(label="督导对象", groups=True)
    weight_on_time = forms.DecimalField(label="按时完成权重", min_value=0, max_value=100, initial=40)
    weight_attainment = forms.DecimalField(label="目标达成权重", min_value=0, max_value=100, initial=40)
    weight_quality = forms.DecimalField(label="报告质量权重", min_value=0, max_value=100, initial=20)
    silence_penalty = forms.DecimalField(label="每项督办扣分", min_value=0, max_value=100, initial=2)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units  # type: ignore[attr-defined]


class AssessmentForm(forms.Form):
    """One row of the score entry table (prefix: the assessment's id).

    Each field carries the value the row was opened with (a hidden initial), so only what the
    user changed is written, and the versions of the assessment and of each criterion score, so
    a value someone else changed meanwhile is refused rather than overwritten.
    """

    quality_score = forms.DecimalField(
        label="报告质量得分", min_value=0, max_value=100, required=False, show_hidden_initial=True
    )
    comment = forms.CharField(label="督导意见", required=False, max_length=2000, show_hidden_initial=True)

    def __init__(self, *args: Any, criteria: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = VersionField()
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=criterion.name,
                min_value=0,
                max_value=criterion.max_score,
                decimal_places=1,
                required=False,
                show_hidden_initial=True,
            )
            self.fields[f"c{criterion.pk}_version"] = VersionField()

    def criterion_field(self, criterion: Any) -> Any:
        return self[f"c{criterion.pk}"]

    def service_kwargs(self) -> dict[str, Any]:
        """record_assessment's arguments for what the user changed in this row ({} when nothing)."""
        changed = set(self.changed_data)
        kwargs: dict[str, Any] = {
            name: self.cleaned_data[name] for name in ("quality_score", "comment") if name in changed
        }
        if kwargs:
            kwargs["version"] = self.cleaned_data[VERSION_FIELD]
        points = {c: self.cleaned_data[f"c{c.pk}"] for c in self.criteria if f"c{c.pk}" in changed}
        if points:
            kwargs["points"] = points
            kwargs["point_versions"] = {c.pk: self.cleaned_data[f"c{c.pk}_version"] for c in points}
        return kwargs

    def show_criterion_conflict(self, criterion_id: int, error: Any, label: str) -> None:
        """As core.versioning.show_conflict, for one criterion score of the row."""
        data = self.data.copy()  # type: ignore[attr-defined]
        data[self.add_prefix(f"c{criterion_id}_version")] = str(error.latest)
        self.data = data
        self.add_error(None, f"{label}：{error.message()}")


def latest_versions(model: Any, ids: Iterable[int]) -> dict[int, int]:
    """Each record's version (its newest history row), for a whole table in one query."""
    rows = model.history.filter(id__in=list(ids)).values("id").annotate(latest=Max("history_id"))
    return {row["id"]: row["latest"] for row in rows}


class CriterionForm(forms.Form):
    name = forms.CharField(label="评分项", max_length=100, help_text="如：校企合作情况、毕业生留威就业率。")
    weight = forms.DecimalField(
        label="权重", min_value=0, max_value=100, help_text="与按时完成等各项权重一起按比例计算。"
    )
    max_score = forms.DecimalField(label="满分", min_value=Decimal("0.1"), max_value=100, decimal_places=1, initial=10)


class CarrierField(forms.ChoiceField):
    """A 通报, interview or order, as "bulletin:5", "interview:3", "order:7"."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("label", "落实记录")
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def set_candidates(self, bulletins: Iterable[Any], interviews: Iterable[Any], orders: Iterable[Any]) -> None:
        self.records = {}
        groups: list[tuple[str, list[tuple[str, str]]]] = []
        for label, prefix, rows in (("通报", "bulletin", bulletins), ("约谈记录", "interview", interviews),
                                    ("整改通知", "order", orders)):  # fmt: skip
            options = []
            for row in rows:
                key = f"{prefix}:{row.pk}"
                self.records[key] = row
                options.append((key, _carrier_label(prefix, row)))
            if options:
                groups.append((label, options))
        self.choices = [("", "暂不关联（待落实）"), *groups]

    def clean(self, value: Any) -> Any:
        key = super().clean(value)
        return self.records.get(key) if key else None


def _carrier_label(prefix: str, row: Any) -> str:
    if prefix == "bulletin":
        return f"{row.title}（{row.get_status_display()}）"
    if prefix == "interview":
        return f"{row.held_on:%Y-%m-%d} 约谈{row.organization.display_name}"
    return f"{row.organization.display_name}：{row.finding[:30]}（期限 {row.deadline:%Y-%m-%d}）"


class ConsequenceForm(forms.Form):
    """结果运用 of one unit's result, linked to the record that carries it out if there is one already."""

    assessment = forms.ModelChoiceField(queryset=None, label="单位", empty_label=None)  # type: ignore[arg-type]
    kind = forms.ChoiceField(label="结果运用", choices=Consequence.Kind.choices)
    note = forms.CharField(
        label="说明", widget=forms.Textarea(attrs={"rows": 2}), required=False, help_text="如奖补金额、考核扣分。"
    )
    carried_by = CarrierField(help_text="表彰、资金奖补、纳入年度考核由通报落实，约谈由约谈记录落实，限期整改由整改通知落实；"
                              "也可先记录，再在结果页新建或关联。")  # fmt: skip

    def __init__(self, *args: Any, assessments: Any, candidates: tuple[Any, Any, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assessment"]
        field.queryset = assessments  # type: ignore[attr-defined]
        field.label_from_instance = lambda a: a.organization.display_name  # type: ignore[attr-defined]
        self.fields["carried_by"].set_candidates(*candidates)  # type: ignore[attr-defined]


class ConsequenceLinkForm(forms.Form):
    carried_by = CarrierField(required=True)

    def __init__(self, *args: Any, consequence: Any, candidates: tuple[Any, Any, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["carried_by"].set_candidates(*candidates)  # type: ignore[attr-defined]
        versioned(self, consequence)
