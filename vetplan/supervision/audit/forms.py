"""The audit trail's filter bar: category, action, user, unit, plan and a date range.

Choices are the user's region's own users, units and plans, so a value from the query string is
checked against them (an id out of range or from another county is simply not a choice). A
province has thousands of users and units: the user is searched by name (a text box), the unit
with the unit picker; neither is ever listed whole.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q, QuerySet

from vetplan.core.access import Scope
from vetplan.core.params import parse_int
from vetplan.orgs.models import Organization
from vetplan.orgs.pickers import UnitField
from vetplan.plans.models import Plan
from vetplan.plans.pickers import plan_widget
from vetplan.supervision.audit.sources import ACTIONS, GROUPS, SOURCES
from vetplan.supervision.audit.trail import AuditFilters

FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2099, 12, 31)
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SYSTEM_WORDS = ("系统", "system")


class AuditFilterForm(forms.Form):
    model = forms.ChoiceField(label="类别", required=False)
    action = forms.ChoiceField(label="操作", required=False, choices=[("", "全部操作"), *ACTIONS.items()])
    # A name or user name (part of it), or 系统; a link from elsewhere may give a user id.
    user = forms.CharField(
        label="操作人", required=False, max_length=150,
        widget=forms.TextInput(attrs={"placeholder": "操作人姓名或用户名，或“系统”", "aria-label": "操作人"}),
    )  # fmt: skip
    unit = UnitField(label="单位", required=False)  # a search box: a province has thousands of units
    plan = forms.ModelChoiceField(label="规划", required=False, queryset=None, empty_label="全部规划")  # type: ignore[arg-type]
    start = forms.DateField(
        label="起始日期", required=False, widget=DATE_INPUT,
        validators=[MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)],
    )  # fmt: skip
    end = forms.DateField(
        label="截止日期", required=False, widget=DATE_INPUT,
        validators=[MinValueValidator(FIRST_DAY), MaxValueValidator(LAST_DAY)],
    )  # fmt: skip

    def __init__(self, data: Any, *, scope: Scope) -> None:
        super().__init__(data)
        self.fields["model"].choices = [
            ("", "全部类别"),
            *[(group, [(s.key, s.verbose_name) for s in SOURCES if s.group == group]) for group in GROUPS],
        ]
        users = get_user_model().objects.order_by("username")
        units = Organization.objects.order_by("path")
        plans = Plan.objects.order_by("-issued_on", "-pk")
        if not scope.sees_everything:
            region = scope.region_path or "\x00"
            users = users.filter(membership__organization__region__path__startswith=region)
            units = units.filter(region__path__startswith=region)
            plans = plans.filter(region__path__startswith=region)
        self.users: QuerySet[Any] = users
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        self.fields["plan"].widget = plan_widget(plans)  # a province's hundreds of plans: searched

    def clean_user(self) -> str | tuple[int, ...]:
        """ "system", or the ids of the region's users the text names (a user name, or part of a name)."""
        text = self.cleaned_data.get("user", "").strip()
        if not text:
            return ""
        if text in SYSTEM_WORDS:
            return "system"
        named = Q(username__iexact=text) | Q(first_name__icontains=text) | Q(last_name__icontains=text)
        if (pk := parse_int(text)) is not None:
            named |= Q(pk=pk)
        found = tuple(self.users.filter(named).order_by("pk").values_list("pk", flat=True))
        if not found:
            raise forms.ValidationError(f"本区域没有名为“{text}”的操作人。")
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", "截止日期不能早于起始日期。")
        return data

    def filters(self) -> AuditFilters:
        """The valid filters (a field with an error filters nothing and shows its message)."""
        self.is_valid()
        data = self.cleaned_data
        return AuditFilters(
            source=data.get("model") or "",
            action=data.get("action") or "",
            system=data.get("user") == "system",
            users=user if isinstance(user := data.get("user"), tuple) else None,
            unit=data["unit"].pk if data.get("unit") else None,
            plan=data["plan"].pk if data.get("plan") else None,
            start=data.get("start"),
            end=data.get("end"),
        )

    def describe(self) -> str:
        """The filters in force, in words: 类别：进展报告；2026-05-01 至 2026-05-31."""
        data = getattr(self, "cleaned_data", {})
        parts = []
        for name in ("model", "action", "user", "unit", "plan"):
            value = data.get(name)
            if value and name == "unit":
                parts.append(f"{self.fields[name].label}：{value.name}")
            elif value and name == "plan":
                parts.append(f"{self.fields[name].label}：{value.title}")
            elif value and name == "user":
                who = "系统" if value == "system" else self.data.get("user", "").strip()
                parts.append(f"{self.fields[name].label}：{who}")
            elif value:
                label = dict(_flat(self.fields[name].choices)).get(value, value)  # type: ignore[attr-defined]
                parts.append(f"{self.fields[name].label}：{label}")
        start, end = data.get("start"), data.get("end")
        if start or end:
            parts.append(f"{start or '最早'} 至 {end or '今'}")
        return "；".join(parts) or "全部记录"


def _flat(choices: Any) -> list[tuple[str, str]]:
    flat: list[tuple[str, str]] = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat += list(label)
        else:
            flat.append((value, label))
    return flat
