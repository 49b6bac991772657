"""The register of who reported which data set for which year (the ReportedYear table).

A unit has reported a data set for a year when it holds at least one value of the set's elements
that it entered itself: not a computed element, nor a figure the system writes from records (a
registry's totals, a mechanism's results), which would make a year look reported while the unit
has typed nothing for it. 填报进度 and the finality of figures (vetplan.indicators.completeness)
count rows of the register instead of a province's values.

The services that write data values call `refresh` for the (unit, year) pairs they changed (two
statements whatever the size of the province); `rebuild` makes the whole register again from the
values (`vetplan recompute`, bulk loads).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import QuerySet

from vetplan.indicators.models import DataElement, DataValue, ReportedYear
from vetplan.indicators.sources import COMPUTED_SOURCES

# Units per statement: well under SQLite's 32,766 parameters with the years and sources added.
UNITS_PER_STATEMENT = 5000


def reported_values() -> QuerySet[DataValue]:
    """The values a unit reported itself (see the module docstring)."""
    return DataValue.objects.filter(element__computed=False).exclude(source__in=list(COMPUTED_SOURCES))


def refresh(pairs: Iterable[tuple[int, int]]) -> None:
    """Bring the register's rows of these (unit id, year) pairs up to the values stored now.

    The rows of every unit and year named are made again (a pair not asked for but in the same
    units and years is made again from the same values, which leaves it as it was)."""
    pairs = set(pairs)
    if not pairs:
        return
    units = sorted({unit for unit, _ in pairs})
    years = sorted({year for _, year in pairs})
    for start in range(0, len(units), UNITS_PER_STATEMENT):
        chunk = units[start : start + UNITS_PER_STATEMENT]
        ReportedYear.objects.filter(organization_id__in=chunk, year__in=years).delete()
        where = (
            f"v.organization_id IN ({', '.join(['%s'] * len(chunk))}) AND v.year IN ({', '.join(['%s'] * len(years))})"
        )
        _insert(where, [*chunk, *years])


def rebuild() -> int:
    """The whole register again from the values; how many rows it holds."""
    ReportedYear.objects.all().delete()
    _insert("1 = 1", [])
    return ReportedYear.objects.count()


def _insert(where: str, params: list[int]) -> None:
    """INSERT … SELECT DISTINCT of the (unit, data set, year) reported among the values `where` picks."""
    register = connection.ops.quote_name(ReportedYear._meta.db_table)
    values = connection.ops.quote_name(DataValue._meta.db_table)
    elements = connection.ops.quote_name(DataElement._meta.db_table)
    sources = sorted(COMPUTED_SOURCES)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {register} (organization_id, dataset, year) "  # noqa: S608 (the models' own tables)
            f"SELECT DISTINCT v.organization_id, e.dataset, v.year FROM {values} v "
            f"JOIN {elements} e ON e.id = v.element_id "
            f"WHERE {where} AND NOT e.computed AND v.source NOT IN ({', '.join(['%s'] * len(sources))})",
            [*params, *sources],
        )
