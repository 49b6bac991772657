"""The per-subject element totals the indicator values are evaluated from (the `SubjectTotal` table).

One row per subject and year, three kinds of subject:

- OWN: a unit's own values (one value per element at most);
- UNIT: a unit's subtree (`path__startswith`), the unit included;
- REGION: every unit whose region lies in the region's subtree.

Two columns per data element an indicator uses: `e<id>` the total (NULL when no value makes it
up) and `n<id>` how many values do (kept on UNIT and REGION rows; an OWN row
holds one value at most, so its count is whether `e<id>` is NULL, and its `n<id>` stays NULL).
The element columns are not Django fields: the migration adds them for the elements it finds,
and `ensure_columns` adds the others, so the table never needs a migration when the catalogue
grows.

A unit without units under it has no UNIT row: its OWN row is its subtree's.

The totals change in three ways, each a few statements whatever the size of the province:
`apply_changes` here (after saved or deleted values, the difference between a unit's values now
and its OWN row, new − old and the count's change, is added to the unit's rows, its ancestors'
and its regions' in one UPDATE), and `rebuild` and `resum` in vetplan.indicators.rebuild.

Only integers (ids, depths) are ever interpolated into the SQL; values are parameters.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import connection

from vetplan.indicators.models import DataElement, DataValue, SubjectTotal
from vetplan.orgs.models import Organization, Region

OWN, UNIT, REGION = SubjectTotal.Kind.OWN.value, SubjectTotal.Kind.UNIT.value, SubjectTotal.Kind.REGION.value
SEGMENT = 9  # one "%08d/" step of Organization.path
# A total that an update brings within this fraction of the figures it came from is a total that
# cancelled out (values entered, then taken back): it is 0, not the rounding left of the floats.
CANCELLED = 1e-12

_COLUMN = re.compile(r"^e(\d+)$")


def table() -> str:
    return connection.ops.quote_name(SubjectTotal._meta.db_table)


def total(pk: int) -> str:
    return f"e{int(pk):d}"


def count(pk: int) -> str:
    return f"n{int(pk):d}"


# ---------------------------------------------------------------- the element columns


def element_columns() -> set[int]:
    """The ids of the elements that have their columns (one cheap catalogue query)."""
    name = SubjectTotal._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                [name],
            )
        else:
            cursor.execute("SELECT name FROM pragma_table_info(%s)", [name])
        names = [row[0] for row in cursor.fetchall()]
    return {int(m.group(1)) for n in names if (m := _COLUMN.match(n))}


# PostgreSQL allows 1,600 attributes a table, and a dropped column keeps its place until the table
# is made anew; SQLite allows 2,000. Element ids only grow (a catalogue reloaded, a test database
# flushed and filled again), so the columns of elements that are gone are given back by making the
# table anew before the columns would come near either limit.
COLUMN_BUDGET = 1200


def ensure_columns(pks: Iterable[int]) -> set[int]:
    """Add the columns of elements that have none; the ids added (their totals are not filled).

    When the new columns would take the table past COLUMN_BUDGET and some columns belong to
    elements that no longer exist, the table is made anew, empty, with the wanted columns only:
    every id in `pks` is then returned, and the callers rebuild the totals as for a new element."""
    wanted = set(pks)
    have = element_columns()
    missing = sorted(wanted - have) if wanted else []
    if missing and _attributes() + 2 * len(missing) > COLUMN_BUDGET and _stale(have):
        _make_table_anew()
        missing = sorted(wanted)
    if missing:
        real = "double precision" if connection.vendor == "postgresql" else "REAL"
        with connection.cursor() as cursor:
            for pk in missing:
                cursor.execute(f"ALTER TABLE {table()} ADD COLUMN {total(pk)} {real} NULL")
                cursor.execute(f"ALTER TABLE {table()} ADD COLUMN {count(pk)} integer NULL")
    return set(missing)


def _stale(columns: set[int]) -> bool:
    """Whether some of these element columns belong to elements that no longer exist."""
    return bool(columns - set(DataElement.objects.filter(pk__in=columns).values_list("pk", flat=True)))


def _attributes() -> int:
    """The table's columns as its database counts them against its limit (dropped ones included)."""
    name = SubjectTotal._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT count(*) FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0", [name])
        else:
            cursor.execute("SELECT count(*) FROM pragma_table_info(%s)", [name])
        return int(cursor.fetchone()[0])


def _make_table_anew() -> None:
    """The table dropped and created again from its model: its fields only, no element columns, no rows.

    Raw statements from the schema editor's CREATE TABLE, so that it also runs inside a
    transaction on SQLite (whose schema editor refuses to, for the sake of foreign keys this
    table does not have)."""
    editor = connection.SchemaEditorClass(connection)
    create, params = editor.table_sql(SubjectTotal)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {table()}")
        cursor.execute(create, params or None)


# ---------------------------------------------------------------- reading


Key = tuple[int, int, int]  # (kind, subject id, year)
MAX_YEAR = 32767  # PositiveSmallIntegerField


def read(
    subjects: dict[int, Iterable[int]],
    *,
    years: Iterable[int] | None = None,
    elements: Sequence[int] = (),
    present: set[int] | None = None,
    counts: dict[Key, dict[int, int]] | None = None,
) -> dict[Key, dict[int, float | None]]:
    """{(kind, subject, year): {element id: total}} of the subjects' rows ({kind: ids}), one query;
    `present`, when given, receives the ids of the elements that have their columns, and `counts`
    the elements' counts (0 on OWN rows, which keep none).

    Every column is read (the rows are few) so that an element without a column, never summed,
    reads as no data (None) without asking the catalogue which columns there are."""
    by_kind = {kind: sorted(set(ids)) for kind, ids in subjects.items()}
    if not any(by_kind.values()):
        return {}
    where, params = subjects_where(by_kind)
    where = f"({where})"
    if years is not None:
        # A year the column cannot hold matches nothing (as an ORM lookup out of range would).
        year_list = sorted({y for y in years if 0 <= y <= MAX_YEAR})
        if not year_list:
            return {}
        where += f" AND year IN ({', '.join(['%s'] * len(year_list))})"
        params += year_list
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table()} WHERE {where}", params)  # noqa: S608
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    at = {name: i for i, name in enumerate(names)}
    if present is not None:
        present.update(int(m.group(1)) for name in names if (m := _COLUMN.match(name)))
    kind_at, subject_at, year_at = at["kind"], at["subject_id"], at["year"]
    wanted = [(pk, at.get(total(pk))) for pk in elements]
    counted = [(pk, at.get(count(pk))) for pk in elements]
    out: dict[Key, dict[int, float | None]] = {}
    for row in rows:
        key = (row[kind_at], row[subject_at], row[year_at])
        out[key] = {pk: (None if i is None else row[i]) for pk, i in wanted}
        if counts is not None:
            counts[key] = {pk: (0 if i is None else row[i] or 0) for pk, i in counted}
    return out


def subjects_where(by_kind: dict[int, Sequence[int]]) -> tuple[str, list[Any]]:
    parts, params = [], []
    for kind, ids in by_kind.items():
        if ids:
            parts.append(f"(kind = {kind:d} AND subject_id IN ({', '.join(['%s'] * len(ids))}))")
            params += list(ids)
    return " OR ".join(parts) or "1 = 0", params


def columns(elements: Sequence[int]) -> str:
    return ", ".join(f"{total(pk)}, {count(pk)}" for pk in elements)


# ---------------------------------------------------------------- saved or deleted values


@dataclass
class Applied:
    """What a change touched: the units whose subtree totals and the regions whose totals moved."""

    units: set[int] = field(default_factory=set)
    regions: set[int] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    subject_years: int = 0
    after: dict[Key, dict[int, float | None]] = field(default_factory=dict)
    columns_added: bool = False  # an element had no columns: nothing applied, rebuild


def apply_changes(
    changes: Iterable[tuple[Organization, int, int]], elements: set[int], shown: Iterable[int] = ()
) -> Applied:
    """Bring the totals up to the data values after these (unit, year, element id) changed.

    `elements` are the ids to keep totals for (those the indicators use); other changes are ignored.
    The difference between the unit's values now and its OWN row is set on the OWN row (so it stays
    exact) and added to the UNIT rows of the unit and its ancestors and to the REGION rows of its
    region and the regions above: one query for the regions above and the units with units under
    them, one read of the rows, one of the values, one INSERT of the rows a first value needs, one
    UPDATE, whatever the number of indicators, units and regions involved. `Applied.after` holds the
    touched rows as readers now see them, for the elements in `shown` and the changed ones.
    """
    units: dict[int, Organization] = {}
    changed: dict[tuple[int, int], set[int]] = defaultdict(set)  # (unit, year) → element ids
    for org, year, element_id in changes:
        if element_id in elements:
            units[org.pk] = org
            changed[(org.pk, year)].add(element_id)
    applied = Applied()
    if not changed:
        return applied
    used = sorted({pk for pks in changed.values() for pk in pks})
    listed = sorted(set(used) | set(shown))
    years = {year for _, year in changed}
    ancestors = {pk: [int(p) for p in org.path.strip("/").split("/") if p] or [pk] for pk, org in units.items()}
    region_chain, all_regions, parents = _surroundings({org.region_id for org in units.values()}, set(units))
    unit_ids = {a for chain in ancestors.values() for a in chain}
    present: set[int] = set()
    counts: dict[Key, dict[int, int]] = {}
    subjects = {OWN: unit_ids, UNIT: unit_ids, REGION: all_regions}
    stored = read(subjects, years=years, elements=listed, present=present, counts=counts)
    if set(used) - present:
        ensure_columns(used)  # empty: the caller rebuilds them (and everything) once
        applied.units, applied.regions, applied.years = unit_ids, all_regions, years
        applied.columns_added = True
        return applied
    now = _current_values(changed)
    # Per row: the OWN rows get absolute values, the others a sum of differences.
    absolute: dict[Key, dict[int, float | None]] = {}
    delta: dict[Key, dict[int, list[float]]] = defaultdict(lambda: defaultdict(lambda: [0.0, 0]))
    for (unit, year), pks in changed.items():
        own = stored.get((OWN, unit, year), {})
        values = {pk: own.get(pk) for pk in used}
        differences = {}
        for pk in pks:
            old, new = own.get(pk), now.get((unit, year, pk))
            if old == new:
                continue
            values[pk] = new
            differences[pk] = ((new or 0.0) - (old or 0.0), (new is not None) - (old is not None))
        if not differences:
            continue
        absolute[(OWN, unit, year)] = values
        # The units above it have UNIT rows; the unit itself only when units hang under it (else its
        # OWN row is its subtree's) or when it kept one from then.
        keys = [
            (UNIT, a, year) for a in ancestors[unit] if a != unit or unit in parents or (UNIT, unit, year) in stored
        ]
        keys += [(REGION, r, year) for r in region_chain[units[unit].region_id]]
        for key in keys:
            for pk, (dv, dn) in differences.items():
                delta[key][pk][0] += dv
                delta[key][pk][1] += dn
        applied.units.update(ancestors[unit])
        applied.regions.update(region_chain[units[unit].region_id])
        applied.years.add(year)
    if not absolute:
        return applied
    missing = [key for key in [*absolute, *delta] if key not in stored]
    # A UNIT row a unit did not need until now (its first unit under it, or its subtree's first value
    # that year) starts from its OWN row: its own values, counted once each.
    copied = [key for key in missing if key[0] == UNIT and (OWN, key[1], key[2]) in stored]
    if copied:
        present_columns = sorted(present)
        pairs = " OR ".join(["(subject_id = %s AND year = %s)"] * len(copied))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table()} (kind, subject_id, year, {columns(present_columns)}) "  # noqa: S608
                f"SELECT {UNIT:d}, subject_id, year, "
                + ", ".join(f"{total(pk)}, CASE WHEN {total(pk)} IS NULL THEN 0 ELSE 1 END" for pk in present_columns)
                + f" FROM {table()} WHERE kind = {OWN:d} AND ({pairs})",
                [value for _, subject, year in copied for value in (subject, year)],
            )
        for key in copied:
            own = stored[(OWN, key[1], key[2])]
            stored[key] = dict(own)
            counts[key] = {pk: 0 if value is None else 1 for pk, value in own.items()}
        missing = [key for key in missing if key not in set(copied)]
    if missing:
        per_statement = MAX_PARAMETERS // 3
        with connection.cursor() as cursor:
            for start in range(0, len(missing), per_statement):
                chunk = missing[start : start + per_statement]
                cursor.execute(
                    f"INSERT INTO {table()} (kind, subject_id, year) VALUES {', '.join(['(%s, %s, %s)'] * len(chunk))}",  # noqa: S608
                    [value for key in chunk for value in key],
                )
    _update(used, absolute, delta)
    applied.subject_years = len(absolute) + len(delta)
    applied.after = _after(listed, stored, counts, absolute, delta)
    return applied


def _after(
    elements: Sequence[int],
    stored: dict[Key, dict[int, float | None]],
    counts: dict[Key, dict[int, int]],
    absolute: dict[Key, dict[int, float | None]],
    delta: dict[Key, dict[int, list[float]]],
) -> dict[Key, dict[int, float | None]]:
    """The touched rows as the UPDATE left them (the same rule, in Python): what readers now see."""
    after: dict[Key, dict[int, float | None]] = {}
    for key, values in absolute.items():
        if (UNIT, key[1], key[2]) not in delta:  # a unit without units under it shows its OWN row
            after[key] = {pk: stored.get(key, {}).get(pk) for pk in elements} | values
    for key, differences in delta.items():
        row = dict(stored.get(key, dict.fromkeys(elements)))
        for pk, (dv, dn) in differences.items():
            n = counts.get(key, {}).get(pk, 0) + dn
            old = row.get(pk) or 0.0
            summed = old + dv
            row[pk] = None if n <= 0 else (0.0 if abs(summed) <= CANCELLED * (abs(old) + abs(dv)) else summed)
        after[key] = row
    return after


def _current_values(changed: dict[tuple[int, int], set[int]]) -> dict[tuple[int, int, int], float]:
    """The values stored now for the changed (unit, year, element) triples (one query)."""
    rows = DataValue.objects.filter(
        organization_id__in={unit for unit, _ in changed},
        year__in={year for _, year in changed},
        element_id__in={pk for pks in changed.values() for pk in pks},
    ).values_list("organization_id", "year", "element_id", "value")
    return {(u, y, e): v for u, y, e, v in rows if e in changed.get((u, y), ())}


def _surroundings(region_ids: set[int], unit_ids: set[int]) -> tuple[dict[int, list[int]], set[int], set[int]]:
    """Each region's own id and its ancestors' ids, and which of the units have units under them:
    one query (the region table is small; the units are the few saved)."""
    reg = connection.ops.quote_name(Region._meta.db_table)
    org = connection.ops.quote_name(Organization._meta.db_table)
    regions, units = sorted(region_ids), sorted(unit_ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 0, r.id, a.id FROM {reg} r JOIN {reg} a ON substr(r.path, 1, length(a.path)) = a.path "  # noqa: S608
            f"WHERE r.id IN ({', '.join(['%s'] * len(regions)) or 'NULL'}) "
            f"UNION ALL SELECT DISTINCT 1, o.parent_id, 0 FROM {org} o "
            f"WHERE o.parent_id IN ({', '.join(['%s'] * len(units)) or 'NULL'})",
            [*regions, *units],
        )
        rows = cursor.fetchall()
    chains: dict[int, list[int]] = defaultdict(list)
    for what, region, ancestor in rows:
        if what == 0:
            chains[region].append(ancestor)
    parents = {unit for what, unit, _ in rows if what == 1}
    return chains, {a for what, _, a in rows if what == 0}, parents


# SQLite allows 32,766 parameters a statement: a large batch is updated a few thousand rows at a time.
MAX_PARAMETERS = 30000


def _update(
    elements: Sequence[int], absolute: dict[Key, dict[int, float | None]], delta: dict[Key, dict[int, list[float]]]
) -> None:
    """UPDATE … FROM a VALUES list: an OWN row takes its values, any other row adds the differences.

    A count falling to 0 leaves NULL (the last value was deleted); a total that cancelled out to
    within CANCELLED of its parts is 0. One statement unless the batch is very large."""
    rows: list[list[Any]] = []
    for key, values in absolute.items():
        row = list(key)
        for pk in elements:
            value = values.get(pk)
            row += [value, 0.0, 0 if value is None else 1]
        rows.append(row)
    for key, differences in delta.items():
        row = list(key)
        for pk in elements:
            dv, dn = differences.get(pk, (0.0, 0))
            row += [None, dv, int(dn)]
        rows.append(row)
    t = table()
    cast = ", ".join(
        ["CAST(%s AS integer)"] * 3
        + ["CAST(%s AS double precision), CAST(%s AS double precision), CAST(%s AS integer)"] * len(elements)
    )
    names = ", ".join(["kind", "subject_id", "year", *(f"a{pk:d}, d{pk:d}, c{pk:d}" for pk in elements)])
    sets = []
    for pk in elements:
        e, n = f"{t}.{total(pk)}", f"{t}.{count(pk)}"
        summed = f"(COALESCE({e}, 0) + d.d{pk:d})"
        counted = f"(COALESCE({n}, 0) + d.c{pk:d})"
        sets.append(
            f"{total(pk)} = CASE WHEN d.kind = {OWN:d} THEN d.a{pk:d} WHEN {counted} <= 0 THEN NULL "
            f"WHEN abs{summed} <= {CANCELLED!r} * (abs(COALESCE({e}, 0)) + abs(d.d{pk:d})) THEN 0 ELSE {summed} END"
        )
        sets.append(f"{count(pk)} = CASE WHEN d.kind = {OWN:d} THEN NULL ELSE {counted} END")
    per_statement = max(1, MAX_PARAMETERS // len(rows[0]))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"WITH d ({names}) AS (VALUES {', '.join([f'({cast})'] * len(chunk))}) "  # noqa: S608
                f"UPDATE {t} SET {', '.join(sets)} FROM d "
                f"WHERE {t}.kind = d.kind AND {t}.subject_id = d.subject_id AND {t}.year = d.year",
                [value for row in chunk for value in row],
            )
