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
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from vetplan.core.access import scope_of
from vetplan.core.pagination import paginate
from vetplan.core.params import query_int
from vetplan.indicators.access import get_org_for_data
from vetplan.indicators.models import Indicator
from vetplan.indicators.values import indicator_values
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
    indicator_list = list(indicators)
    regions = ([level.region] if level.region else []) + level.subregions
    if not indicator_list or not (level.units or regions):
        return {}
    figures = indicator_values(
        organizations=level.units,
        regions=regions,
        indicators=indicator_list,
        years=list(years) if years is not None else None,
    )
    return {
        ("org", f.organization_id, f.indicator_id, f.year)
        if f.organization_id is not None
        else ("region", f.region_id, f.indicator_id, f.year): f.value  # type: ignore[misc]
        for f in figures
    }


def latest_year(level: Level, indicators: QuerySet[Indicator] | list[Indicator]) -> int | None:
    """The newest year with a figure for the level's region (or its units when it has none)."""
    return _latest(level, level_values(level, indicators, None))


def year_and_values(
    level: Level, indicators: list[Indicator], year: int | None
) -> tuple[int | None, dict[Key, float | None]]:
    """The year asked for, or else the newest with a figure (as `latest_year`), and the level's
    figures in it: one read of the figures either way."""
    if year is not None:
        return year, level_values(level, indicators, [year])
    every = level_values(level, indicators, None)
    latest = _latest(level, every)
    return latest, {key: value for key, value in every.items() if key[3] == latest}


def _latest(level: Level, values: dict[Key, float | None]) -> int | None:
    if level.region is not None:
        wanted = {("region", level.region.pk)}
    elif level.subregions:
        wanted = {("region", r.pk) for r in level.subregions}
    else:
        wanted = {("org", u.pk) for u in level.units}
    return max((key[3] for key in values if key[:2] in wanted), default=None)


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
