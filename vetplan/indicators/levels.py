"""A region's figures one level down at a time: the province's cities, a city's counties, a
county's units, a unit's own units; units a page at a time, never every unit at once and
never silently cut.

`level_for` says what a page shows (and checks the region or unit asked for against the
user's scope); `level_values` reads the figures of exactly those rows, indicators and years.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import Max, Q, QuerySet
from django.http import Http404, HttpRequest

from vetplan.core.access import scope_of
from vetplan.core.pagination import paginate
from vetplan.core.params import query_int
from vetplan.indicators.access import get_org_for_data
from vetplan.indicators.models import Indicator, IndicatorValue
from vetplan.orgs.access import visible_organizations
from vetplan.orgs.models import Organization, Region

UNITS_PER_PAGE = 50
SHOWN_TYPES = [Organization.Type.SCHOOL, Organization.Type.GOVERNMENT, Organization.Type.ENTERPRISE]
# Regions above a county list their subregions; a county (or township) lists its units.
REGIONS_WITH_SUBREGIONS = (Region.Level.PROVINCE, Region.Level.CITY)


@dataclass
class Level:
    """What one page of a drill-down shows: a region (its total row, its subregions and the units
    directly in it) or a unit (itself and the units under it)."""

    region: Region | None = None
    parent: Organization | None = None
    trail: list[Region] = field(default_factory=list)  # from the user's region down to `region`
    subregions: list[Region] = field(default_factory=list)
    page: Page | None = None

    @property
    def units(self) -> list[Organization]:
        return list(self.page.object_list) if self.page is not None else []


def level_for(request: HttpRequest) -> Level:
    """The level the request asks for (`?region=` or `?org=`), within the user's scope (else 404)."""
    user = request.user
    visible = visible_organizations(user).order_by("type", "path")
    org_pk = query_int(request, "org")
    if org_pk is not None:
        parent = get_org_for_data(user, org_pk)
        units = visible.filter(Q(parent=parent) | Q(pk=parent.pk))
        return Level(parent=parent, page=paginate(request, units, UNITS_PER_PAGE))
    scope = scope_of(user)
    if not scope.sees_region:
        units = visible.filter(pk=scope.organization_id) if scope.organization_id else visible.none()
        return Level(page=paginate(request, units, UNITS_PER_PAGE))
    region = _region(request, scope)
    if region is None:  # an administrator without a region: the top regions
        return Level(subregions=list(Region.objects.filter(parent=None).order_by("path")))
    top_level = Q(parent__isnull=True) | Q(parent__parent__isnull=True)
    level = Level(region=region, trail=_trail(region, scope.region_path))
    if region.level in REGIONS_WITH_SUBREGIONS:
        level.subregions = list(region.children.exclude(level=Region.Level.TOWNSHIP).order_by("path"))
        units = visible.filter(top_level, region=region, type__in=SHOWN_TYPES)
    else:
        units = visible.filter(top_level, region__path__startswith=region.path, type__in=SHOWN_TYPES)
    level.page = paginate(request, units, UNITS_PER_PAGE)
    return level


def _region(request: HttpRequest, scope: Any) -> Region | None:
    region_pk = query_int(request, "region")
    if region_pk is None:
        return Region.objects.filter(pk=scope.region_id).first() if scope.region_id else None
    region = Region.objects.filter(pk=region_pk).first()
    if region is None or not scope.in_region(region.path):
        raise Http404("没有找到该区域。")
    return region


def _trail(region: Region, top_path: str) -> list[Region]:
    if region.path == top_path or region.parent_id is None:
        return [region]
    codes = [c for c in region.path.split("/") if c]
    regions = Region.objects.filter(code__in=codes).order_by("path")
    return [r for r in regions if r.path.startswith(top_path)]


Key = tuple[str, int, int, int]  # ("org" | "region", subject pk, indicator pk, year)


def level_values(level: Level, indicators: Iterable[Indicator], years: Iterable[int] | None) -> dict[Key, float | None]:
    """The figures of the level's rows (its region, subregions and units on this page) for the
    indicators in the years given (all years when None): two queries, whatever the level."""
    indicator_ids = [i.pk for i in indicators]
    regions = ([level.region] if level.region else []) + level.subregions
    values: dict[Key, float | None] = {}
    year_list = list(years) if years is not None else None
    for kind, subjects in (("org", level.units), ("region", regions)):
        if not subjects or not indicator_ids:
            continue
        column = "organization_id" if kind == "org" else "region_id"
        rows = IndicatorValue.objects.filter(
            **{f"{column}__in": [s.pk for s in subjects]}, indicator_id__in=indicator_ids
        )
        if year_list is not None:
            rows = rows.filter(year__in=year_list)
        for subject, indicator, year, value in rows.values_list(column, "indicator_id", "year", "value"):
            values[(kind, subject, indicator, year)] = value
    return values


def latest_year(level: Level, indicators: QuerySet[Indicator] | list[Indicator]) -> int | None:
    """The newest year with a figure for the level's region (or its units when it has none)."""
    ids = [i.pk for i in indicators]
    if not ids:
        return None
    rows = IndicatorValue.objects.filter(indicator_id__in=ids)
    if level.region is not None:
        rows = rows.filter(region=level.region)
    elif level.subregions:
        rows = rows.filter(region__in=level.subregions)
    else:
        rows = rows.filter(organization__in=level.units)
    return rows.aggregate(y=Max("year"))["y"]  # type: ignore[no-any-return]


@dataclass
class Row:
    kind: str  # "total", "region" or "org"
    subject: Region | Organization
    values: list[float | None]


def table_rows(level: Level, columns: list[tuple[int, int]], values: dict[Key, float | None]) -> list[Row]:
    """Rows of the level: its total, its subregions, its units on this page; `columns` are
    (indicator pk, year) pairs."""
    rows = []
    if level.region is not None:
        rows.append(Row("total", level.region, [values.get(("region", level.region.pk, i, y)) for i, y in columns]))
    rows += [Row("region", r, [values.get(("region", r.pk, i, y)) for i, y in columns]) for r in level.subregions]
    rows += [Row("org", u, [values.get(("org", u.pk, i, y)) for i, y in columns]) for u in level.units]
    return rows
