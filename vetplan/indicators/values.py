"""Indicator values, read: the one way every page, report, export and the API gets them.

A value is evaluated when it is read, from the element totals of its subject and year
(vetplan.indicators.totals): factor × Σ numerator / Σ denominator over the unit's subtree
or the region's units, never an average of the units' ratios. Nothing outside this module
and the engine knows how the totals are stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Sum

from vetplan.indicators import totals
from vetplan.indicators.expressions import Expression, indicator_value, parse
from vetplan.indicators.models import DataElement, DataValue, Indicator
from vetplan.orgs.models import Organization, Region


@dataclass(frozen=True)
class Compiled:
    pk: int
    code: str
    numerator: Expression
    denominator: Expression
    factor: float

    @property
    def elements(self) -> frozenset[str]:
        return self.numerator.elements | self.denominator.elements

    def evaluate(self, totals: dict[str, float | None]) -> tuple[float | None, float | None, float | None]:
        num, den = self.numerator.evaluate(totals), self.denominator.evaluate(totals)
        return num, den, indicator_value(num, den, self.factor, self.denominator.tree is not None)


def compiled_indicators(indicators: Iterable[Indicator] | None = None) -> list[Compiled]:
    rows = Indicator.objects.all() if indicators is None else indicators
    return [Compiled(i.pk, i.code, parse(i.numerator), parse(i.denominator), i.factor) for i in rows]


def used_elements(indicators: Iterable[Compiled], codes: dict[str, int] | None = None) -> set[int]:
    """The ids of the data elements the indicators read."""
    codes = dict(DataElement.objects.values_list("code", "pk")) if codes is None else codes
    return {codes[c] for ind in indicators for c in ind.elements if c in codes}


@dataclass(frozen=True)
class IndicatorFigure:
    """One indicator for one unit's subtree (organization_id) or one region (region_id) and year."""

    indicator_id: int
    code: str
    organization_id: int | None
    region_id: int | None
    year: int
    numerator: float | None
    denominator: float | None
    value: float | None


Subjects = Iterable[int | Organization] | None


def indicator_values(
    *,
    organizations: Iterable[int | Organization] = (),
    regions: Iterable[int | Region] = (),
    indicators: Iterable[int | Indicator | Compiled] | None = None,
    codes: Iterable[str] | None = None,
    years: Iterable[int] | None = None,
) -> list[IndicatorFigure]:
    """The values of the indicators (all, or those given by id, object or code) for the units'
    subtrees and the regions, in the years given (all years by default).

    As the materialised rows were: a figure is there when its numerator or its denominator has
    data (a zero denominator gives a figure whose value is None); sorted by year, subject and
    the catalogue's order. Three queries whatever the number of subjects, years and indicators
    (the catalogue unless indicators are given as objects, the element ids, the totals).
    """
    org_ids = {o if isinstance(o, int) else o.pk for o in organizations}
    region_ids = {r if isinstance(r, int) else r.pk for r in regions}
    if not org_ids and not region_ids:
        return []
    compiled = _compiled(indicators, codes)
    if not compiled:
        return []
    needed = {c for ind in compiled for c in ind.elements}
    element_ids = dict(DataElement.objects.filter(code__in=needed).values_list("code", "pk"))
    code_of = {pk: code for code, pk in element_ids.items()}
    used = sorted(code_of)
    stored = totals.read(
        {totals.OWN: org_ids, totals.UNIT: org_ids, totals.REGION: region_ids}, years=years, elements=used
    )
    # A unit's subtree: its UNIT row, or its OWN row when no unit hangs under it (it has no UNIT row).
    subjects = {
        (year, 0 if kind == totals.REGION else 1, subject): sums
        for (kind, subject, year), sums in stored.items()
        if kind != totals.OWN or (totals.UNIT, subject, year) not in stored
    }
    figures = []
    for (year, is_unit, subject), sums in sorted(subjects.items(), key=lambda item: item[0]):
        by_code = {code_of[pk]: value for pk, value in sums.items()}
        for ind in compiled:
            num, den, value = ind.evaluate(by_code)
            if num is None and den is None:
                continue
            unit, region = (subject, None) if is_unit else (None, subject)
            figures.append(IndicatorFigure(ind.pk, ind.code, unit, region, year, num, den, value))
    return figures


def _compiled(indicators: Iterable[int | Indicator | Compiled] | None, codes: Iterable[str] | None) -> list[Compiled]:
    given = None if indicators is None else list(indicators)
    if given is not None and all(isinstance(i, Indicator | Compiled) for i in given):
        objects = [i for i in given if isinstance(i, Indicator)]
        compiled = [i for i in given if isinstance(i, Compiled)] + compiled_indicators(objects)
        wanted = None if codes is None else set(codes)
        return [c for c in compiled if wanted is None or c.code in wanted]
    rows = Indicator.objects.all()
    if given is not None:
        rows = rows.filter(pk__in={i if isinstance(i, int) else i.pk for i in given})
    if codes is not None:
        rows = rows.filter(code__in=set(codes))
    return compiled_indicators(rows)


def indicator_value_of(
    code: str, *, year: int, organization: int | Organization | None = None, region: int | Region | None = None
) -> IndicatorFigure | None:
    """One indicator's figure for one unit or region and year, or None."""
    found = indicator_values(
        organizations=[organization] if organization is not None else (),
        regions=[region] if region is not None else (),
        codes=[code],
        years=[year],
    )
    return found[0] if found else None


def count_indicator_values() -> int:
    """How many figures there are for every unit and region and year (what a full recomputation
    used to write as rows): counted in the database, one scan of the totals."""
    compiled = compiled_indicators()
    element_ids = dict(DataElement.objects.values_list("code", "pk"))
    present = totals.element_columns()

    def column(code: str) -> str:
        pk = element_ids.get(code)
        return totals.total(pk) if pk is not None and pk in present else "NULL"

    counts = [
        f"SUM(CASE WHEN {ind.numerator.to_sql(column)} IS NOT NULL OR {ind.denominator.to_sql(column)} IS NOT NULL "
        "THEN 1 ELSE 0 END)"
        for ind in compiled
    ]
    if not counts:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {' + '.join(counts)} FROM {totals.table()} t WHERE t.kind <> {totals.OWN:d} "  # noqa: S608
            f"OR NOT EXISTS (SELECT 1 FROM {totals.table()} u WHERE u.kind = {totals.UNIT:d} "
            "AND u.subject_id = t.subject_id AND u.year = t.year)"
        )
        row = cursor.fetchone()
    return int(row[0] or 0)


def element_totals(
    codes: Iterable[str],
    *,
    year: int,
    organization: int | Organization | None = None,
    region: int | Region | None = None,
) -> dict[str, float]:
    """{element code: total} over a unit's subtree or a region's units in a year, for the elements
    that have values (what an indicator's numerator and denominator are made of).

    Read from the totals for the elements the indicators use (those kept up to date on save);
    any other element is summed from the data values."""
    wanted = set(codes)
    kept = {c for ind in compiled_indicators() for c in ind.elements} & wanted
    element_ids = dict(DataElement.objects.filter(code__in=wanted).values_list("code", "pk"))
    out: dict[str, float] = {}
    org = organization.pk if isinstance(organization, Organization) else organization
    reg = region.pk if isinstance(region, Region) else region
    if kept:
        ids = [element_ids[c] for c in kept if c in element_ids]
        if org is not None:
            stored = totals.read({totals.OWN: [org], totals.UNIT: [org]}, years=[year], elements=ids)
            key = (totals.UNIT, org, year) if (totals.UNIT, org, year) in stored else (totals.OWN, org, year)
        else:
            stored = totals.read({totals.REGION: [reg] if reg is not None else []}, years=[year], elements=ids)
            key = (totals.REGION, reg or 0, year)
        code_of = {pk: code for code, pk in element_ids.items()}
        out.update({code_of[pk]: value for pk, value in stored.get(key, {}).items() if value is not None})
    rest = wanted - kept
    if rest:
        values = DataValue.objects.filter(year=year, element__code__in=rest)
        if org is not None:
            values = values.filter(organization__path__startswith=Organization.objects.get(pk=org).path)
        else:
            values = values.filter(organization__region__path__startswith=Region.objects.get(pk=reg).path)
        out.update(dict(values.values_list("element__code").annotate(total=Sum("value")).order_by()))
    return out
