"""Checking data values before anything is saved: the same rules for the form, Excel and the API.

A `DataBatch` collects raw cells with their location, checks each (unit known and
reportable, year, number, range, whole numbers, duplicates), then the rules between
elements (双师型教师数 ≤ 专业课教师数) over the incoming values laid over the stored ones.
Nothing is saved here; `services.record_data_values` saves a batch without errors.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.core.params import parse_int
from vetplan.indicators.access import reportable_organizations
from vetplan.indicators.catalogue import catalogue_data
from vetplan.indicators.models import DataElement, DataValue
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan

MIN_YEAR, MAX_YEAR = 2000, 2100


def allowed_years(region: Region, today: dt.date | None = None) -> tuple[int, int]:
    """The years data may be reported for in a region: from the earliest plan's baseline to this year.

    A plan's baseline (基期) is the `VETPLAN_BASELINE_YEARS` years (default 5) before its first year,
    so a trend can be drawn from where the plan starts; no year after the current reporting year
    (this calendar year) is accepted. Plans governing the region or a region above it count.
    """
    this_year = (today or timezone.localdate()).year
    above = [region.path[: i + 1] for i, ch in enumerate(region.path) if ch == "/"]
    starts = (
        Plan.objects.active()
        .filter(region__path__in=above)
        .aggregate(start=Min("period_start"), issued=Min("issued_on__year"))
    )
    first = min((y for y in (starts["start"], starts["issued"]) if y), default=this_year)
    return min(first, this_year) - settings.VETPLAN_BASELINE_YEARS, this_year


def element_rules() -> tuple[tuple[str, str, str], ...]:
    """(left code, operator, right code) rules between elements, shipped with the catalogue."""
    return tuple((r["left"], r["op"], r["right"]) for r in catalogue_data().get("rules", []))


class Location:
    """Where a value came from: `工作表“数据”第 5 行 D 列（双师型教师数）` or `values[3]`.

    A cell's text is built only when an error names it: an upload of 100,000 rows holds
    hundreds of thousands of locations, almost all of them never shown.
    """

    __slots__ = ("_text", "sheet", "row", "column", "label")

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self.sheet, self.row, self.column, self.label = "", 0, "", ""

    @classmethod
    def cell(cls, sheet: str, row: int, column: str, label: str = "") -> Location:
        where = cls.__new__(cls)
        where._text = None
        where.sheet, where.row, where.column, where.label = sheet, row, column, label
        return where

    @property
    def text(self) -> str:
        if self._text is None:
            suffix = f"（{self.label}）" if self.label else ""
            return f"工作表“{self.sheet}”第 {self.row} 行 {self.column} 列{suffix}"
        return self._text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Location) and self.text == other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Location({self.text!r})"


@dataclass(slots=True)
class Entry:
    organization: Organization
    year: int
    element: DataElement
    value: float
    where: Location


# An upload with a million mistakes lists the first hundred and counts the rest.
MAX_LISTED_ERRORS = 100


class DataBatch:
    def __init__(self, user: Any) -> None:
        self.user = user
        self.entries: list[Entry] = []
        self.errors: list[str] = []  # the first MAX_LISTED_ERRORS
        self.error_count = 0
        self.elements = {e.code: e for e in DataElement.objects.all()}
        # One Region object per region, not one per unit: a province's admin reports for thousands of units.
        self._orgs = list(reportable_organizations(user).select_related(None))
        regions = Region.objects.in_bulk({org.region_id for org in self._orgs})
        for org in self._orgs:
            org.region = regions[org.region_id]
        self._by_pk = {o.pk: o for o in self._orgs}
        self._by_name: dict[str, Organization] = {}
        for org in self._orgs:
            for name in (org.name, org.short_name, *(org.aliases or [])):
                if name:
                    self._by_name.setdefault(name.strip(), org)
        # (unit, year, element) packed in one int (year < 4096, element ids < 2**20): a large upload holds 300,000.
        self._seen: dict[int, Location] = {}
        self._ranges: dict[int, tuple[int, int]] = {}
        self._refusals: dict[tuple[str, Any], str] = {}
        region_id = scope_of(user).region_id
        self._home_region = Region.objects.filter(pk=region_id).first() if region_id else None

    def error(self, where: Location, reason: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(f"{where.text}：{reason}")

    def fail(self, message: str) -> None:
        """An error about the whole file or request, not one value."""
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(message)

    @property
    def error_total(self) -> int:
        return max(self.error_count, len(self.errors))

    def error_messages(self) -> list[str]:
        """The listed errors, then how many more there are."""
        unlisted = self.error_total - len(self.errors)
        return [*self.errors, f"另有 {unlisted} 处错误未列出"] if unlisted > 0 else list(self.errors)

    def organization(self, ref: Any, where: Location) -> Organization | None:
        org = None
        if isinstance(ref, Organization):
            org = self._by_pk.get(ref.pk)
        elif (pk := parse_int(ref)) is not None:
            org = self._by_pk.get(pk)
        elif isinstance(ref, str):
            org = self._by_name.get(ref.strip())
        if org is None:
            # Past the listed errors the reason is never shown: only counted, not looked up.
            self.error(where, self._refusal(ref) if len(self.errors) < MAX_LISTED_ERRORS else "")
        return org

    def _refusal(self, ref: Any) -> str:
        """Why a unit is refused, looked up once per name (a file may repeat it on every row)."""
        key = (type(ref).__name__, getattr(ref, "pk", ref))
        if key not in self._refusals:
            if ref in (None, ""):
                reason = "单位为空"
            elif Organization.objects.filter(pk=getattr(ref, "pk", -1)).exists() or (
                isinstance(ref, str) and Organization.objects.filter(name=ref.strip()).exists()
            ):
                reason = f"无权填报单位“{ref}”的数据"
            else:
                reason = f"未知单位“{ref}”"
            self._refusals[key] = reason
        return self._refusals[key]

    def year(self, raw: Any, where: Location, org: Organization | None = None) -> int | None:
        """A whole year within the reporting range of the unit's region (of the user's region without a unit)."""
        try:
            year = int(str(raw).strip()) if not isinstance(raw, float) or raw.is_integer() else None
        except (TypeError, ValueError):
            year = None
        region = org.region if org is not None else self._home_region
        low, high = self.year_range(region) if region is not None else (MIN_YEAR, MAX_YEAR)
        if year is None or not low <= year <= high:
            shown = raw if year is None else year
            self.error(where, f"年份 {shown} 不在可填报范围内：应为 {low}—{high} 年（自最早规划的基期至本报告年度）")
            return None
        return year

    def year_range(self, region: Region) -> tuple[int, int]:
        if region.pk not in self._ranges:
            self._ranges[region.pk] = allowed_years(region)
        return self._ranges[region.pk]

    def element(self, code: str, where: Location) -> DataElement | None:
        element = self.elements.get((code or "").strip())
        if element is None:
            self.error(where, f"未知数据项“{code}”")
        return element

    def add(
        self, org: Organization | None, year: int | None, element: DataElement | None, raw: Any, where: Location
    ) -> None:
        """Check one value; blank values are skipped (not reported), not errors."""
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return
        value = _number(raw)
        if value is None:
            self.error(where, f"“{raw}”不是数字")
            return
        if value < 0:
            self.error(where, f"数值 {_plain(value)} 不能为负数")
            return
        if element is None:
            return
        if element.max_value is not None and value > element.max_value:
            self.error(where, f"数值 {_plain(value)} 超出合理范围（不超过 {_plain(element.max_value)}）")
            return
        if element.integer and not value.is_integer():
            self.error(where, f"{element.name}应为整数，填写的是 {_plain(value)}")
            return
        if org is None or year is None:
            return
        key = (org.pk << 32) | (year << 20) | element.pk
        if key in self._seen:
            self.error(where, f"与{self._seen[key].text}重复（同一单位、年份、数据项）")
            return
        self._seen[key] = where
        self.entries.append(Entry(org, year, element, value, where))

    def check_rules(self) -> None:
        """Rules between elements, over incoming values laid over the stored ones.

        Called by the saving service inside its lock, so two saves at once cannot both pass a rule
        that their values together break (80 双师型 for 60 专业课). Unit-year by unit-year, a few
        thousand values at a time: a large upload's values are never all merged at once. A broken
        rule is named at the incoming value, unit by unit."""
        rules = [(left, right) for left, op, right in element_rules() if op == "<="]
        codes = {code for pair in rules for code in pair}
        incoming = sorted((e for e in self.entries if e.element.code in codes), key=_unit_year)
        code_of = {e.pk: e.code for e in self.elements.values() if e.code in codes}
        for chunk in _unit_year_chunks(incoming, RULES_CHUNK):
            stored: dict[tuple[int, int], dict[str, float]] = {}
            for org_id, year, element_id, value in DataValue.objects.filter(
                organization_id__in={e.organization.pk for e in chunk},
                year__in={e.year for e in chunk},
                element_id__in=code_of,
            ).values_list("organization_id", "year", "element_id", "value"):
                stored.setdefault((org_id, year), {})[code_of[element_id]] = value
            for key, group in groupby(chunk, key=_unit_year):
                values = dict(stored.get(key, {}))
                places: dict[str, Location] = {}
                for entry in group:
                    values[entry.element.code] = entry.value
                    places[entry.element.code] = entry.where
                for left, right in rules:
                    if left in values and right in values and values[left] > values[right]:
                        place = places.get(left) or places.get(right)
                        if place is not None:
                            self.error(
                                place,
                                f"{self.elements[left].name}（{_plain(values[left])}）不能大于"
                                f"{self.elements[right].name}（{_plain(values[right])}）",
                            )

    @property
    def ok(self) -> bool:
        return not self.errors


RULES_CHUNK = 5000


def _unit_year(entry: Entry) -> tuple[int, int]:
    return entry.organization.pk, entry.year


def _unit_year_chunks(entries: list[Entry], size: int) -> Iterator[list[Entry]]:
    """Slices of about `size` entries sorted by unit and year, never splitting a unit's year."""
    start = 0
    while start < len(entries):
        end = min(start + size, len(entries))
        while end < len(entries) and _unit_year(entries[end]) == _unit_year(entries[end - 1]):
            end += 1
        yield entries[start:end]
        start = end


def _number(raw: Any) -> float | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float):
        value = float(raw)
    else:
        try:
            value = float(str(raw).strip().replace(",", "").replace("，", ""))
        except ValueError:
            return None
    return value if math.isfinite(value) else None


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
