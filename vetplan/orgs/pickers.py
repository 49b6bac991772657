"""Unit pickers: a search box that asks the server for a few matching units (htmx), instead of
thousands of <option>s or checkboxes at province scale.

The field keeps its queryset (what the user may choose, checked on submit); the widget only
renders the units already chosen and a search box; `search_units` answers the box with at
most `PICKER_LIMIT` units of the user's scope, and says how many more there are (never a
silent cut). Where a form needs many units, group choices ("合成1县全部学校") are offered;
their value `g:<region pk>:<type>` is expanded by the field within its queryset.
A county's few dozen units fit under the limit and are all listed when the box gets focus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from vetplan.core.access import scope_of
from vetplan.core.params import parse_int
from vetplan.orgs.access import visible_organizations
from vetplan.orgs.models import Organization, Region

PICKER_LIMIT = 50
GROUP_LIMIT = 5  # regions offered as groups per search
GROUP_PREFIX = "g:"
ALL_TYPES = "all"
NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]{0,63}$")
TYPE_LABELS = {
    Organization.Type.SCHOOL: "全部学校",
    Organization.Type.ENTERPRISE: "全部企业",
    Organization.Type.GOVERNMENT: "全部政府部门",
    Organization.Type.TOWNSHIP: "全部乡镇（街道）",
    Organization.Type.ASSOCIATION: "全部协会",
    Organization.Type.SUPERVISION: "全部督导机构",
    ALL_TYPES: "全部单位",
}


def group_value(region: Region | int, kind: str) -> str:
    return f"{GROUP_PREFIX}{region if isinstance(region, int) else region.pk}:{kind}"


def parse_group(value: str) -> tuple[int, str] | None:
    """(region pk, type) of a group value, or None when it is not a well-formed group."""
    parts = value[len(GROUP_PREFIX) :].split(":")
    region_pk = parse_int(parts[0]) if len(parts) == 2 else None
    if region_pk is None or parts[1] not in TYPE_LABELS:
        return None
    return region_pk, parts[1]


def group_q(region: Region, kind: str) -> Q:
    q = Q(region__path__startswith=region.path)
    return q if kind == ALL_TYPES else q & Q(type=kind)


@dataclass
class Group:
    region: Region
    kind: str
    count: int

    @property
    def value(self) -> str:
        return group_value(self.region, self.kind)

    @property
    def label(self) -> str:
        return f"{self.region.name}{TYPE_LABELS[self.kind]}"


@dataclass
class SearchResult:
    units: list[Organization]
    total: int
    groups: list[Group] = field(default_factory=list)

    @property
    def more(self) -> int:
        return max(0, self.total - len(self.units))


def _within(user: Any, region_pk: int | None) -> Region | None:
    """The region a picker is limited to, if the user may see it (else None: nothing is found)."""
    if region_pk is None:
        return None
    region = Region.objects.filter(pk=region_pk).first()
    if region is None or not scope_of(user).in_region(region.path):
        return None
    return region


def search_units(
    user: Any,
    text: str,
    *,
    region_pk: int | None = None,
    types: list[str] | None = None,
    groups: bool = False,
    limit: int = PICKER_LIMIT,
) -> SearchResult:
    """At most `limit` units of the user's scope matching `text` (name, short name or region name),
    within the region `region_pk` if given, and the count of all matches. Three or four queries."""
    units = visible_organizations(user)
    region = _within(user, region_pk)
    if region_pk is not None:
        if region is None:
            return SearchResult([], 0)
        units = units.filter(region__path__startswith=region.path)
    if types:
        units = units.filter(type__in=types)
    text = text.strip()[:50]
    if text:
        units = units.filter(Q(name__icontains=text) | Q(short_name__icontains=text) | Q(region__name__icontains=text))
    total = units.count()
    found = list(units.order_by("region__path", "type", "name")[:limit])
    result = SearchResult(found, total)
    if groups and scope_of(user).sees_region:
        result.groups = _groups(user, text, region, types)
    return result


def _groups(user: Any, text: str, within: Region | None, types: list[str] | None) -> list[Group]:
    """Whole regions as choices: the regions whose name matches (or the picker's own region when
    nothing is typed), counted by unit type in one query."""
    scope = scope_of(user)
    regions = Region.objects.exclude(level=Region.Level.TOWNSHIP)
    if within is not None:
        regions = regions.filter(path__startswith=within.path)
    elif not scope.sees_everything:
        regions = regions.filter(path__startswith=scope.region_path)
    if text:
        regions = regions.filter(name__icontains=text)
    elif within is not None:
        regions = regions.filter(pk=within.pk)
    elif scope.region_id is not None:
        regions = regions.filter(pk=scope.region_id)
    else:
        regions = regions.filter(parent=None)
    chosen = list(regions.order_by("path")[:GROUP_LIMIT])
    if not chosen:
        return []
    counts: dict[tuple[int, str], int] = {}
    for region in chosen:  # one query per region (at most GROUP_LIMIT): counts of its subtree by type
        units = Organization.objects.filter(region__path__startswith=region.path)
        if types:
            units = units.filter(type__in=types)
        for row in units.values("type").annotate(n=Count("pk")).order_by():
            counts[(region.pk, row["type"])] = row["n"]
    out = []
    for region in chosen:
        by_type = {kind: n for (pk, kind), n in counts.items() if pk == region.pk}
        for kind in (Organization.Type.SCHOOL, Organization.Type.ENTERPRISE, Organization.Type.GOVERNMENT):
            if by_type.get(kind) and (not types or kind in types):
                out.append(Group(region, kind, by_type[kind]))
        if len(by_type) > 1 and not types:
            out.append(Group(region, ALL_TYPES, sum(by_type.values())))
    return out


class UnitPicker(forms.Widget):
    """Chosen units as checked boxes, and a search box whose results (htmx) add to them.

    unitpicker.js moves a ticked result among the chosen ones (and keeps one for a single choice);
    without script the ticked results of the last search are submitted as they are.
    """

    template_name = "orgs/unit_picker.html"
    placeholder = "输入单位或地区名称搜索"
    search_label = "搜索单位"

    def __init__(
        self,
        *,
        multiple: bool = True,
        region: int | None = None,
        types: list[str] | None = None,
        groups: bool = False,
        attrs: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(attrs)
        self.multiple, self.region, self.types, self.groups = multiple, region, types, groups

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if self.multiple:
            return data.getlist(name) if hasattr(data, "getlist") else data.get(name)
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        values = [v for v in values if v not in (None, "")]
        return values[-1] if values else None

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # unticking every box submits nothing, which is a value (none)

    def format_value(self, value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if isinstance(value, QuerySet):
            return [str(pk) for pk in value.values_list("pk", flat=True)]
        values = value if isinstance(value, list | tuple | set) else [value]
        return [str(getattr(v, "pk", v)) for v in values if v not in (None, "")]

    def search_url(self, name: str) -> str:
        params: dict[str, str] = {"name": name, "multi": "1" if self.multiple else "0"}
        if self.region is not None:
            params["region"] = str(self.region)
        if self.types:
            params["types"] = ",".join(self.types)
        if self.groups:
            params["groups"] = "1"
        return f"{reverse('orgs:unit_search')}?{urlencode(params)}"

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            chosen=self.chosen(self.format_value(value)),
            multiple=self.multiple,
            url=self.search_url(name),
            placeholder=self.placeholder,
            search_label=self.search_label,
        )
        return context

    def chosen(self, values: list[str]) -> list[tuple[str, str]]:
        """(value, label) of the chosen values; a field's widget gets the field's choices: name only
        units the field offers."""
        return chosen_labels(values, getattr(getattr(self, "choices", None), "queryset", None))

    def id_for_label(self, id_: str) -> str:
        return id_

    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        """Rendered by the site's template engine (the form renderer only sees Django's own widgets)."""
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))  # noqa: S308 (a template, autoescaped)


def chosen_labels(values: list[str], allowed: QuerySet[Organization] | None = None) -> list[tuple[str, str]]:
    """(value, label) of chosen units (among `allowed`) and groups; two queries at most."""
    pks = [pk for v in values if (pk := parse_int(v)) is not None]
    groups = [(v, parsed) for v in values if v.startswith(GROUP_PREFIX) and (parsed := parse_group(v))]
    units = Organization.objects.all() if allowed is None else allowed
    names = dict(units.filter(pk__in=pks).values_list("pk", "name")) if pks else {}
    regions = Region.objects.in_bulk([g[1][0] for g in groups]) if groups else {}
    out = []
    for v in values:
        if (pk := parse_int(v)) is not None and pk in names:
            out.append((v, names[pk]))
    for v, (region_pk, kind) in groups:
        if region_pk in regions:
            out.append((v, f"{regions[region_pk].name}{TYPE_LABELS[kind]}"))
    return out


class UnitsField(forms.ModelMultipleChoiceField):
    """Several units by search, and with `groups=True` whole regions' schools, enterprises or units."""

    def __init__(self, *args: Any, groups: bool = False, types: list[str] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("widget", UnitPicker(multiple=True, groups=groups, types=types))
        kwargs.setdefault("queryset", None)
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)

    def clean(self, value: Any) -> Any:
        values = [str(v) for v in (value or []) if str(v) != ""]
        group_values = [v for v in values if v.startswith(GROUP_PREFIX)]
        if not group_values:
            return super().clean(values)
        pks = [v for v in values if not v.startswith(GROUP_PREFIX)]
        q = Q(pk__in=[o.pk for o in self._check_values(pks)]) if pks else Q(pk__in=[])
        parsed = [parse_group(v) for v in group_values]
        if any(p is None for p in parsed):
            raise ValidationError("选择的单位范围无效。", code="invalid_choice")
        regions = Region.objects.in_bulk([p[0] for p in parsed if p])
        for p in parsed:
            if p is None or p[0] not in regions:
                raise ValidationError("选择的单位范围无效。", code="invalid_choice")
            q |= group_q(regions[p[0]], p[1])
        chosen = self.queryset.filter(q)  # type: ignore[union-attr]
        if self.required and not chosen.exists():
            raise ValidationError(self.error_messages["required"], code="required")
        return chosen


class UnitField(forms.ModelChoiceField):
    """One unit by search."""

    def __init__(self, *args: Any, types: list[str] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("widget", UnitPicker(multiple=False, types=types))
        kwargs.setdefault("queryset", None)
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name)


def use_picker(form_field: forms.Field, *, region: int | None = None, groups: bool = False) -> None:
    """Give a model form's unit field (a select) the search picker, limited to `region`."""
    multiple = isinstance(form_field, forms.ModelMultipleChoiceField)
    form_field.widget = UnitPicker(multiple=multiple, region=region, groups=groups)


def picker_for(name: str, value: Any, *, multiple: bool = False, region: int | None = None) -> str:
    """A picker outside a form (a filter bar), rendered."""
    return UnitPicker(multiple=multiple, region=region, attrs={"id": f"id_{name}"}).render(name, value)
