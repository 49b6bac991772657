"""The full rebuild of the element totals (vetplan.indicators.totals) and the re-summing of a few.

- `rebuild()`: every row from the data values, set-based: the OWN rows pivoted from the data
  values (one scan), the UNIT rows of the units that have units under them (each one's own rows
  and those of its units, by path prefix), the REGION rows up a small ancestor table;
- `resum(units, regions)`: those UNIT and REGION rows summed again from the OWN rows (after a
  unit moved to another parent or region).

Only integers (ids) are ever interpolated into the SQL; values are parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.db import connection

from vetplan.indicators.models import DataValue
from vetplan.indicators.totals import OWN, REGION, UNIT, columns, count, ensure_columns, subjects_where, table, total
from vetplan.orgs.models import Organization, Region

Progress = Callable[[str, int, int], None]  # (step, done, of)


def rebuild(elements: Sequence[int], progress: Progress | None = None) -> int:
    """Every row again from the data values, for the given elements; how many rows there are.

    `progress(step, done, of)` is called before each statement, and with done == of at the end."""
    report = progress or (lambda step, done, of: None)
    elements = sorted(set(elements))
    ensure_columns(elements)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # TRUNCATE takes the table's lock before the data values are read, so a save running
            # meanwhile either committed already (and is read) or waits and applies its change after.
            cursor.execute(f"TRUNCATE TABLE {table()}")
        else:
            cursor.execute(f"DELETE FROM {table()}")  # noqa: S608
        if not elements:
            return 0
        with _rebuild_settings(cursor):
            reported = _with_values(elements)
            if not reported:
                report("完成", 1, 1)
                return 0
            statements = [("单位数据", _own_rows(reported), []), *_rollups(cursor, reported)]
            for done, (step, statement, params) in enumerate(statements):
                report(step, done, len(statements))
                cursor.execute(statement, params or None)
            report("完成", len(statements), len(statements))
            if connection.vendor == "postgresql":
                # Fresh statistics for the next saves' lookups, which filter on the key only (all
                # 100-odd columns: 0.29 s; the key's: a few ms).
                cursor.execute(f"ANALYZE {table()} (kind, subject_id, year)")
        cursor.execute(f"SELECT count(*) FROM {table()}")  # noqa: S608
        return int(cursor.fetchone()[0])


def _own_sums(elements: Sequence[int]) -> str:
    """Each element's total and count over OWN rows `l` (a unit has one value per element at most,
    so the count is that of the non-NULL totals: OWN rows keep no counts)."""
    return ", ".join(f"SUM(l.{total(pk)}), COUNT(l.{total(pk)})" for pk in elements)


def _with_values(elements: Sequence[int]) -> list[int]:
    """The elements that have at least one value (one index probe each): the pivot skips the others,
    whose columns stay NULL."""
    dv = connection.ops.quote_name(DataValue._meta.db_table)
    probes = " UNION ALL ".join(
        f"SELECT {pk:d} WHERE EXISTS (SELECT 1 FROM {dv} WHERE element_id = {pk:d})"  # noqa: S608
        for pk in elements
    )
    with connection.cursor() as cursor:
        cursor.execute(probes)
        return sorted(row[0] for row in cursor.fetchall())


def _own_rows(elements: Sequence[int]) -> str:
    """INSERT of the OWN rows: the data values pivoted, one row per (unit, year)."""
    dv = connection.ops.quote_name(DataValue._meta.db_table)
    listed = ", ".join(str(pk) for pk in elements)
    insert = f"INSERT INTO {table()} (kind, subject_id, year, {', '.join(total(pk) for pk in elements)}) "
    if connection.vendor == "postgresql":
        # Each (unit, year)'s values gathered into two arrays, then each element's value picked by its
        # position: one step per value instead of one FILTER test per value and element (a unit holds
        # one value per element at most, so the value at the element's position is the total).
        # 1.15 s → 0.50 s at 2,000 units x 10 years x 50 elements, measured, on one core.
        picked = ", ".join(f"v[array_position(e, {pk:d}::bigint)]" for pk in elements)
        return (
            f"{insert}SELECT {OWN:d}, o, y, {picked} FROM ("  # noqa: S608
            f"SELECT dv.organization_id AS o, dv.year AS y, array_agg(dv.element_id::bigint) AS e, array_agg(dv.value) AS v "
            f"FROM {dv} dv WHERE dv.element_id IN ({listed}) GROUP BY dv.organization_id, dv.year) s"
        )
    # SQLite would look the elements up in the element index and sort every value for the GROUP
    # BY; `+element_id` keeps it off that index, so it reads in (organization, year) index order and
    # groups as it goes (1.8 s → 0.9 s at 2,000 units, measured).
    pivot = ", ".join(f"SUM(dv.value) FILTER (WHERE dv.element_id = {pk:d})" for pk in elements)
    return (
        f"{insert}SELECT {OWN:d}, dv.organization_id, dv.year, {pivot} FROM {dv} dv "  # noqa: S608
        f"WHERE +dv.element_id IN ({listed}) GROUP BY dv.organization_id, dv.year"
    )


def _rollups(cursor: Any, elements: Sequence[int]) -> list[tuple[str, str, list[int]]]:
    """The UNIT rows of the units that have units under them, and the REGION rows, from the OWN rows."""
    statements = []
    parents = _with_children(None)
    if parents:
        statements.append(("单位汇总", _unit_rows(elements, len(parents)), parents))
    statements.append(("区域汇总", _region_rows(cursor, elements, None), []))
    return statements


def _with_children(among: set[int] | None) -> list[int]:
    """The units (all, or those `among`) that have units under them: only they have UNIT rows, a
    unit without any reads its OWN row (1,950 of 2,000 synthetic units: half the rows not written)."""
    rows = Organization.objects.filter(parent__isnull=False).order_by()
    if among is not None:
        rows = rows.filter(parent_id__in=among)
    return sorted(set(rows.values_list("parent_id", flat=True)))


def _unit_rows(elements: Sequence[int], parents: int) -> str:
    """INSERT of the UNIT rows of `parents` units (ids as parameters): each one's OWN rows and those
    of every unit under it. The unit table is small (10^3–10^4 rows): comparing path prefixes for
    each parent costs less than going through the OWN rows once per depth. CROSS JOIN keeps SQLite
    in this order (parents, their units, those units' OWN rows by the unique index) instead of
    reading every OWN row per parent; PostgreSQL plans it as an inner join."""
    org = connection.ops.quote_name(Organization._meta.db_table)
    return (
        f"INSERT INTO {table()} (kind, subject_id, year, {columns(elements)}) "  # noqa: S608
        f"SELECT {UNIT:d}, a.id, l.year, {_own_sums(elements)} FROM {org} a CROSS JOIN {org} o CROSS JOIN {table()} l "
        f"WHERE a.id IN ({', '.join(['%s'] * parents)}) AND substr(o.path, 1, length(a.path)) = a.path "
        f"AND l.kind = {OWN:d} AND l.subject_id = o.id GROUP BY a.id, l.year"
    )


def _region_rows(cursor: Any, elements: Sequence[int], only: set[int] | None) -> str:
    """INSERT of the REGION rows (all, or `only` those regions): summed per (region, year) first,
    then up the region tree (joining every OWN row to each of its ancestor regions groups 3× as
    many rows)."""
    org = connection.ops.quote_name(Organization._meta.db_table)
    cursor.execute("DROP TABLE IF EXISTS ind_region_anc")
    cursor.execute("CREATE TEMPORARY TABLE ind_region_anc (region_id integer, ancestor_id integer)")
    paths = dict(Region.objects.values_list("path", "pk"))
    closure = [
        (pk, paths[path[: i + 1]])
        for path, pk in paths.items()
        for i, ch in enumerate(path)
        if ch == "/" and path[: i + 1] in paths and (only is None or paths[path[: i + 1]] in only)
    ]
    cursor.executemany("INSERT INTO ind_region_anc (region_id, ancestor_id) VALUES (%s, %s)", closure)
    sums = ", ".join(f"SUM(l.{total(pk)}) AS {total(pk)}, COUNT(l.{total(pk)}) AS {count(pk)}" for pk in elements)
    outer = ", ".join(f"SUM(l.{total(pk)}), SUM(l.{count(pk)})" for pk in elements)
    return (
        f"INSERT INTO {table()} (kind, subject_id, year, {columns(elements)}) "  # noqa: S608
        f"SELECT {REGION:d}, ra.ancestor_id, l.year, {outer} FROM ("
        f"SELECT o.region_id AS region_id, l.year AS year, {sums} FROM {table()} l "
        f"JOIN {org} o ON o.id = l.subject_id WHERE l.kind = {OWN:d} GROUP BY o.region_id, l.year"
        ") l JOIN ind_region_anc ra ON ra.region_id = l.region_id GROUP BY ra.ancestor_id, l.year"
    )


@contextmanager
def _rebuild_settings(cursor: Any) -> Iterator[None]:
    """On PostgreSQL, for the rebuild's statements (set for the transaction, restored after for a
    caller's): work_mem 64MB, so that the hash aggregates stay in memory instead of spilling to
    disk, and no JIT compilation, which the wide aggregates pay for without gaining (the pivot's
    FILTER form took 1.15 s with JIT and 0.73 s without, measured)."""
    if connection.vendor != "postgresql":
        yield
        return
    cursor.execute(
        "SELECT current_setting('work_mem'), current_setting('jit'), "
        "set_config('work_mem', '64MB', true), set_config('jit', 'off', true)"
    )
    (work_mem, jit, _, _) = cursor.fetchone()
    yield
    cursor.execute("SELECT set_config('work_mem', %s, true), set_config('jit', %s, true)", [work_mem, jit])


# ---------------------------------------------------------------- re-summing named subjects


def resum(units: set[int], regions: set[int], elements: Sequence[int]) -> None:
    """The UNIT rows of `units` and the REGION rows of `regions` summed again from the OWN rows."""
    elements = sorted(set(elements))
    if not elements or not (units or regions):
        return
    if ensure_columns(elements):
        rebuild(elements)  # a new element has no OWN totals either
        return
    with connection.cursor() as cursor:
        subjects, params = subjects_where({UNIT: sorted(units), REGION: sorted(regions)})
        cursor.execute(f"DELETE FROM {table()} WHERE {subjects}", params)  # noqa: S608
        parents = _with_children(units)
        if parents:
            cursor.execute(_unit_rows(elements, len(parents)), parents)
        if regions:
            cursor.execute(_region_rows(cursor, elements, regions))
