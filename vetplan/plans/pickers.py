"""The plan filter of the list pages: a <select> of the user's plans when they are few (a county's
handful), a search box when they are many (a province's hundreds), never hundreds of <option>s.

The search box is the unit picker's (vetplan.orgs.pickers.UnitPicker, static/js/unitpicker.js)
with plans for units: the same markup, and `search_plans` answers it with at most PICKER_LIMIT of
the user's plans matching what was typed, saying how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.db.models import Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from vetplan.core.params import parse_int
from vetplan.orgs.pickers import PICKER_LIMIT, UnitPicker
from vetplan.plans.access import visible_plans
from vetplan.plans.models import Plan

SELECT_LIMIT = 30  # plans offered as a <select>; more are searched


@dataclass
class PlanSearch:
    plans: list[Plan]
    total: int

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.plans))


def search_plans(user: Any, text: str, *, limit: int = PICKER_LIMIT) -> PlanSearch:
    """At most `limit` of the plans the user sees whose title or region matches `text`, and the count
    of all matches (two queries)."""
    plans = visible_plans(user)
    text = text.strip()[:50]
    if text:
        plans = plans.filter(Q(title__icontains=text) | Q(region__name__icontains=text))
    return PlanSearch(list(plans.order_by("region__path", "-issued_on", "-pk")[:limit]), plans.count())


class PlanPicker(UnitPicker):
    """One plan by search, among `allowed` (the plans the user sees)."""

    placeholder = "输入规划名称或地区名称搜索"
    search_label = "搜索规划"

    def __init__(self, *, allowed: QuerySet[Plan], attrs: dict[str, Any] | None = None) -> None:
        super().__init__(multiple=False, attrs=attrs)
        self.allowed = allowed

    def search_url(self, name: str) -> str:
        return f"{reverse('plans:plan_search')}?{urlencode({'name': name})}"

    def chosen(self, values: list[str]) -> list[tuple[str, str]]:
        pks = [pk for v in values if (pk := parse_int(v)) is not None]
        titles = dict(self.allowed.filter(pk__in=pks).values_list("pk", "title")) if pks else {}
        return [(str(pk), titles[pk]) for pk in pks if pk in titles]


def plan_widget(plans: QuerySet[Plan]) -> forms.Widget:
    """A form's plan field: Django's <select> up to SELECT_LIMIT plans, else the search box (one query)."""
    if len(plans.order_by()[: SELECT_LIMIT + 1].values_list("pk", flat=True)) <= SELECT_LIMIT:
        return forms.Select()
    return PlanPicker(allowed=plans)


def plan_filter(user: Any, value: Any, *, name: str = "plan", optional: bool = False) -> SafeString:
    """The filter bar's plan field: a <select> (全部规划 and each plan) up to SELECT_LIMIT plans, else
    the search box; with `optional`, nothing when the user has one plan at most and none is chosen.
    One query for a <select>; two for a search box with a plan chosen."""
    plans = visible_plans(user).select_related(None).only("pk", "title").order_by("-issued_on", "-pk")
    few = list(plans[: SELECT_LIMIT + 1])
    if optional and len(few) <= 1 and not value:
        return SafeString("")
    if len(few) <= SELECT_LIMIT:
        context = {"name": name, "plans": few, "value": str(value or "")}
        return SafeString(render_to_string("plans/plan_select.html", context))
    return PlanPicker(allowed=plans, attrs={"id": f"id_{name}"}).render(name, value)
