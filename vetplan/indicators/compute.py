"""Indicator values for every unit and region, rolled up as ratios of sums, and target statuses.

Two paths, one meaning:

- `recompute_all()` is set-based, a handful of SQL statements whatever the data size: the
  data values pivoted to one row per (unit, year) with a column per element, summed per
  ancestor unit (one GROUP BY per depth of the organisation tree, over path prefixes) and
  per ancestor region, then one INSERT … SELECT of every indicator's numerator,
  denominator and value (expressions rendered as SQL from the safe parser). On
  PostgreSQL the table's primary key and unit constraint are dropped for that bulk
  insert and built after, in one transaction. No per-row queries.
- `recompute_for(changes)` refreshes only what saved (unit, year, element) values touch:
  each unit and its ancestors, its region and the regions above, for the indicators that
  use those elements, then the statuses of the targets that follow them; region totals
  are summed per (region, year, element) in SQL and rolled up the (small) region tree in
  Python.

A unit's value covers its whole subtree (`path__startswith`); a region's value covers
every unit whose region lies in its subtree. Either way the value is
factor × Σ numerator / Σ denominator, never an average of the units' ratios.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Q, Sum
from django.utils import timezone

from vetplan.indicators.completeness import Finality
from vetplan.indicators.expressions import Expression, indicator_value, parse
from vetplan.indicators.models import DataElement, DataValue, Indicator, IndicatorValue, TargetReport, TargetStatus
from vetplan.indicators.status import Goal, target_status
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Target

SEGMENT = 9  # one "%08d/" step of Organization.path


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

    def evaluate(self, totals: dict[str, float]) -> tuple[float | None, float | None, float | None]:
        num, den = self.numerator.evaluate(totals), self.denominator.evaluate(totals)
        return num, den, indicator_value(num, den, self.factor, self.denominator.tree is not None)


def compiled_indicators(indicators: Iterable[Indicator] | None = None) -> list[Compiled]:
    rows = Indicator.objects.all() if indicators is None else indicators
    return [Compiled(i.pk, i.code, parse(i.numerator), parse(i.denominator), i.factor) for i in rows]


@dataclass
class RecomputeResult:
    indicator_values: int = 0
    target_statuses: int = 0


# ---------------------------------------------------------------- full recomputation


@transaction.atomic
def recompute_all() -> RecomputeResult:
    """Every indicator for every unit and region and year, then every target status: set-based SQL.

    1. `ind_leaf`: each unit's element totals per year, pivoted to one column per element
       (one scan of the data values).
    2. `ind_totals`: those rows summed per ancestor unit (one GROUP BY per depth of the
       unit tree, over path prefixes) and per ancestor region (summed per region first,
       then up a small region → ancestor table built from the region paths), stored in
       (kind, unit, year) order and numbered.
    3. One INSERT … SELECT evaluates every indicator over a single scan of `ind_totals`,
       writing the rows in the order of the unique index on (unit, year, indicator).
    """
    indicators = compiled_indicators()
    codes = dict(DataElement.objects.values_list("code", "pk"))
    # Emptied first: TRUNCATE takes the table's lock before the data values are read, so a save
    # running meanwhile either committed already (and is read) or waits and refreshes after.
    _clear_indicator_values()
    result = RecomputeResult()
    used = sorted({codes[c] for ind in indicators for c in ind.elements if c in codes})
    if used:
        with _more_work_mem(), connection.cursor() as cursor:
            statements = _full_statements(indicators, codes, used, cursor)
            for statement in statements.before:
                cursor.execute(statement)
            with _indexes_rebuilt_after_bulk_insert(cursor):
                cursor.execute(statements.insert)
                inserted = cursor.rowcount
                for statement in statements.after:
                    cursor.execute(statement)
            for table in TEMP_TABLES:
                cursor.execute(f"DROP TABLE IF EXISTS {table}")
            if connection.vendor == "postgresql":
                # Fresh statistics for the rewritten table, so the next save's lookups are planned well.
                cursor.execute(f"ANALYZE {IndicatorValue._meta.db_table}")
        result.indicator_values = inserted if inserted >= 0 else IndicatorValue.objects.count()
    result.target_statuses = recompute_target_statuses(Target.objects.all())
    return result


TEMP_TABLES = ("ind_leaf", "ind_totals", "ind_region_anc")


@contextmanager
def _more_work_mem() -> Iterator[None]:
    """On PostgreSQL, work_mem 64MB for the recomputation's statements (SET LOCAL, restored after
    for a caller's transaction): the roll-ups' hash aggregates stay in memory instead of spilling
    to disk (ind_totals 0.3 s → 0.15 s, measured)."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('work_mem'), set_config('work_mem', '64MB', true)")
        (previous, _) = cursor.fetchone()
    yield
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('work_mem', %s, true)", [previous])


# Kept through the bulk INSERT: partial over the region rows (3 % of them), it costs little to
# maintain, while building it after means another scan of the whole table (0.07 s more, measured).
MAINTAINED_CONSTRAINTS = ("indicators_iv_unique_region",)


@contextmanager
def _indexes_rebuilt_after_bulk_insert(cursor: Any) -> Iterator[None]:
    """On PostgreSQL, drop the materialised table's primary key and unit constraint for the bulk
    INSERT and build them after.

    Building an index once over 4·10^5 rows is several times faster than maintaining it row by
    row (the primary key: 0.5 s maintained, 0.15 s built; measured). The INSERT writes the rows in
    id order and in the order of the (organization, year, indicator) constraint, so both builds
    sort presorted input. DDL is transactional there, and TRUNCATE already holds the table's
    exclusive lock, so concurrent saves wait as before. SQLite's schema editor cannot run inside
    a transaction, and SQLite is under its bar without this.
    """
    if connection.vendor != "postgresql":
        yield
        return
    meta = IndicatorValue._meta
    table = connection.ops.quote_name(meta.db_table)
    primary = [
        name
        for name, info in connection.introspection.get_constraints(cursor, meta.db_table).items()
        if info["primary_key"]
    ]
    rebuilt = [c for c in meta.constraints if c.name not in MAINTAINED_CONSTRAINTS]
    with connection.schema_editor() as editor:
        for constraint in rebuilt:
            editor.remove_constraint(IndicatorValue, constraint)
        for index in meta.indexes:
            editor.remove_index(IndicatorValue, index)
    for name in primary:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    yield
    with connection.schema_editor() as editor:
        for constraint in rebuilt:
            editor.add_constraint(IndicatorValue, constraint)
        for index in meta.indexes:
            editor.add_index(IndicatorValue, index)
    pk = connection.ops.quote_name(meta.pk.column)
    for name in primary:
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {connection.ops.quote_name(name)} PRIMARY KEY ({pk})")


def _clear_indicator_values() -> None:
    """Empty the materialised table: TRUNCATE where the database has it (transactional in PostgreSQL,
    the id sequence too)."""
    table = IndicatorValue._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE TABLE {table} RESTART IDENTITY")
        else:
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608 (the model's own table name)


@dataclass
class FullStatements:
    before: list[str]  # build the temporary tables
    insert: str  # every indicator value
    after: list[str]  # bookkeeping once the rows are in


def _full_statements(indicators: list[Compiled], codes: dict[str, int], used: list[int], cursor: Any) -> FullStatements:
    """The SQL of a full recomputation. Only integers and parsed expressions are interpolated."""
    dv, org, iv = DataValue._meta.db_table, Organization._meta.db_table, IndicatorValue._meta.db_table
    for table in TEMP_TABLES:
        cursor.execute(f"DROP TABLE IF EXISTS {table}")
    cursor.execute("CREATE TEMPORARY TABLE ind_region_anc (region_id integer, ancestor_id integer)")
    paths = dict(Region.objects.values_list("path", "pk"))
    closure = [
        (pk, paths[path[: i + 1]])
        for path, pk in paths.items()
        for i, ch in enumerate(path)
        if ch == "/" and path[: i + 1] in paths
    ]
    cursor.executemany("INSERT INTO ind_region_anc (region_id, ancestor_id) VALUES (%s, %s)", closure)
    depths = {len(p) // SEGMENT for p in Organization.objects.exclude(path="").values_list("path", flat=True)}
    # FILTER (SQLite ≥ 3.30, PostgreSQL) rather than SUM(CASE …): PostgreSQL evaluates it faster.
    pivot = ", ".join(f"SUM(dv.value) FILTER (WHERE dv.element_id = {pk:d}) AS e{pk:d}" for pk in used)
    sums = ", ".join(f"SUM(l.e{pk:d}) AS e{pk:d}" for pk in used)
    rollups = [
        f"SELECT 0 AS kind, a.id AS unit_id, l.year AS year, {sums} FROM ind_leaf l "  # noqa: S608
        f"JOIN {org} o ON o.id = l.org_id JOIN {org} a ON a.path = substr(o.path, 1, {d * SEGMENT:d}) "
        f"WHERE length(o.path) >= {d * SEGMENT:d} GROUP BY a.id, l.year"
        for d in sorted(depths)
    ]
    # Regions: summed per (region, year) first (2·10^4 leaf rows → 6·10^2), then up the region
    # tree; joining every leaf row to each of its ancestor regions grouped 3× as many rows.
    rollups.append(
        f"SELECT 1 AS kind, ra.ancestor_id AS unit_id, l.year AS year, {sums} FROM ("  # noqa: S608
        f"SELECT o.region_id AS region_id, l.year AS year, {sums} FROM ind_leaf l "
        f"JOIN {org} o ON o.id = l.org_id GROUP BY o.region_id, l.year"
        ") l JOIN ind_region_anc ra ON ra.region_id = l.region_id GROUP BY ra.ancestor_id, l.year"
    )

    def column(code: str) -> str:
        return f"e{codes[code]:d}" if code in codes else "NULL"

    rows = []  # (indicator id, numerator SQL, denominator SQL, value SQL), by id: the unique index's order
    for ind in sorted(indicators, key=lambda i: i.pk):
        num = ind.numerator.to_sql(column)
        if ind.denominator.tree is None:
            den, value = "NULL", f"({ind.factor!r} * {num})"
        else:
            den = ind.denominator.to_sql(column)
            value = f"({ind.factor!r} * {num} / NULLIF({den}, 0))"
        rows.append((ind.pk, num, den, value))
    columns = "indicator_id, organization_id, region_id, year, numerator, denominator, value"
    subject = "CASE WHEN x.kind = 0 THEN x.unit_id END, CASE WHEN x.kind = 1 THEN x.unit_id END"
    after = []
    if connection.vendor == "postgresql":
        # One scan of ind_totals, each row unnested into one row per indicator (ProjectSet):
        # a UNION ALL of one scan per indicator costs the same, but writes the rows indicator
        # by indicator, which the unit constraint's build then has to sort (+0.1–0.2 s). The
        # ids are numbered here (row number × indicators + position) instead of drawing 4·10^5
        # values from the sequence (0.3 s, measured), and the sequence is then moved past them;
        # after TRUNCATE … RESTART IDENTITY that setval rolls back with the transaction.
        def unnest(name: str, items: Iterable[object], cast: str) -> str:
            return f"unnest(ARRAY[{', '.join(str(i) for i in items)}]::{cast}[]) AS {name}"

        width = len(rows)
        projected = ", ".join(
            [
                unnest("pos", range(width), "bigint"),
                unnest("indicator_id", (pk for pk, *_ in rows), "bigint"),
                unnest("num", (num for _, num, _, _ in rows), "float8"),
                unnest("den", (den for _, _, den, _ in rows), "float8"),
                unnest("val", (val for *_, val in rows), "float8"),
            ]
        )
        insert = (
            f"INSERT INTO {iv} (id, {columns}) "  # noqa: S608
            f"SELECT x.rn * {width:d} + x.pos, x.indicator_id, {subject}, x.year, x.num, x.den, x.val "
            f"FROM (SELECT t.rn, t.kind, t.unit_id, t.year, {projected} FROM ind_totals t) x "
            "WHERE x.num IS NOT NULL OR x.den IS NOT NULL"
        )
        after.append(
            f"SELECT setval(pg_get_serial_sequence('{iv}', 'id'), (SELECT (count(*) + 1) * {width:d} FROM ind_totals))"  # noqa: S608
        )
    else:
        # SQLite: ind_totals × the indicator ids (CROSS JOIN keeps ind_totals the outer loop), each
        # figure a CASE on the id, so rows arrive in the unique index's order (0.55 s instead of
        # 0.9 s for a UNION ALL per indicator, whose rows landed all over that index; measured).
        def case(sql: Iterable[tuple[int, str]]) -> str:
            return "CASE k.column1 " + " ".join(f"WHEN {pk:d} THEN {expr}" for pk, expr in sql) + " END"

        ids = ", ".join(f"({pk:d})" for pk, *_ in rows)
        insert = (
            f"INSERT INTO {iv} ({columns}) "  # noqa: S608
            f"SELECT x.indicator_id, {subject}, x.year, x.num, x.den, x.val FROM ("
            f"SELECT k.column1 AS indicator_id, t.kind AS kind, t.unit_id AS unit_id, t.year AS year, "
            f"{case((pk, num) for pk, num, _, _ in rows)} AS num, {case((pk, den) for pk, _, den, _ in rows)} AS den, "
            f"{case((pk, val) for pk, *_, val in rows)} AS val FROM ind_totals t CROSS JOIN (VALUES {ids}) k) x "
            "WHERE x.num IS NOT NULL OR x.den IS NOT NULL"
        )
    # SQLite would look the used elements up in the element index and sort 6·10^5 rows for the
    # GROUP BY; `+element_id` keeps it off that index, so it reads in (organization, year) index
    # order and groups as it goes (1.8 s → 0.9 s, measured). PostgreSQL scans the table either way.
    element = "+dv.element_id" if connection.vendor == "sqlite" else "dv.element_id"
    before = [
        f"CREATE TEMPORARY TABLE ind_leaf AS SELECT dv.organization_id AS org_id, dv.year AS year, {pivot} "  # noqa: S608
        f"FROM {dv} dv WHERE {element} IN ({', '.join(str(pk) for pk in used)}) "
        "GROUP BY dv.organization_id, dv.year",
        "CREATE TEMPORARY TABLE ind_totals AS SELECT row_number() OVER (ORDER BY kind, unit_id, year) AS rn, r.* "  # noqa: S608
        f"FROM ({' UNION ALL '.join(rollups)}) r ORDER BY kind, unit_id, year",
    ]
    return FullStatements(before, insert, after)


# ---------------------------------------------------------------- regions (both paths)


def _region_totals(values: object) -> dict[tuple[int, int], dict[str, float]]:
    """{(region id, year): {element code: total}} over every region above the units' regions."""
    regions = {r["pk"]: r["parent_id"] for r in Region.objects.values("pk", "parent_id")}
    codes = dict(DataElement.objects.values_list("pk", "code"))
    rows = (
        values.values("organization__region_id", "year", "element_id")  # type: ignore[attr-defined]
        .annotate(total=Sum("value"))
        .order_by()
    )
    totals: dict[tuple[int, int], dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        code = codes[row["element_id"]]
        region_id: int | None = row["organization__region_id"]
        while region_id is not None:
            totals[(region_id, row["year"])][code] += row["total"]
            region_id = regions.get(region_id)
    return totals


def _write_region_values(
    indicators: list[Compiled], totals: dict[tuple[int, int], dict[str, float]], only: set[int] | None
) -> int:
    rows = []
    for (region_id, year), sums in totals.items():
        if only is not None and region_id not in only:
            continue
        for ind in indicators:
            num, den, value = ind.evaluate(sums)
            if num is None and den is None:
                continue
            rows.append(
                IndicatorValue(
                    indicator_id=ind.pk, region_id=region_id, year=year, numerator=num, denominator=den, value=value
                )
            )
    IndicatorValue.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


# ---------------------------------------------------------------- one saved value


def serialise_saves(organization_ids: Iterable[int]) -> None:
    """Make saves that share a top-level region wait for each other (call it first, in the saving
    transaction).

    Every save rewrites its region's totals (delete, then insert), so two saves in one county at
    the same moment would both insert the county's rows and the second would fail the unique
    constraint; two first entries of the same value would both insert it. Locking the top region's
    row (SELECT … FOR UPDATE, in pk order, so no deadlock) queues them: the second then reads what
    the first committed. A save takes tens of milliseconds, so the queue is short. SQLite already
    runs one write transaction at a time, and ignores FOR UPDATE.
    """
    paths = Region.objects.filter(organizations__pk__in=set(organization_ids)).values_list("path", flat=True)
    tops = {path.split("/", 1)[0] + "/" for path in paths}
    list(Region.objects.select_for_update().filter(path__in=tops).order_by("pk").values_list("pk", flat=True))


FULL_RECOMPUTE_AFTER = 2000


def needs_full_recompute(unit_years: int) -> bool:
    """Whether saving values of this many (unit, year) pairs recomputes everything, set-based."""
    return unit_years > FULL_RECOMPUTE_AFTER


def recompute_for(changes: Iterable[tuple[Organization, int, int]]) -> RecomputeResult:
    """Refresh what saved values touch; `changes` are (unit, year, element id) triples.

    Called inside the saving service's transaction, so the figures and the values agree. A change
    touching more than FULL_RECOMPUTE_AFTER (unit, year) pairs (a large Excel upload) recomputes
    everything set-based instead: one query per unit and year would take far longer.
    """
    by_year: dict[int, set[str]] = defaultdict(set)  # year → unit paths changed
    elements: set[int] = set()
    units: dict[str, Organization] = {}
    for org, year, element_id in changes:
        by_year[year].add(org.path)
        units[org.path] = org
        elements.add(element_id)
    if needs_full_recompute(sum(len(paths) for paths in by_year.values())):
        return recompute_all()
    codes = set(DataElement.objects.filter(pk__in=elements).values_list("code", flat=True))
    indicators = [i for i in compiled_indicators() if i.elements & codes]
    result = RecomputeResult()
    if not indicators:
        return result
    ind_pks = [i.pk for i in indicators]
    code_of = dict(DataElement.objects.values_list("pk", "code"))
    needed = [pk for pk, code in code_of.items() if any(code in i.elements for i in indicators)]
    touched_orgs: set[int] = set()
    touched_regions: set[int] = set()
    for year, paths in by_year.items():
        prefixes = {p[:end] for p in paths for end in range(SEGMENT, len(p) + 1, SEGMENT)}
        ancestors = list(Organization.objects.filter(path__in=prefixes).only("pk", "path"))
        region_ids = _region_ancestors({units[p].region_id for p in paths})
        IndicatorValue.objects.filter(
            Q(organization__in=ancestors) | Q(region_id__in=region_ids), indicator_id__in=ind_pks, year=year
        ).delete()
        rows = []
        for ancestor in ancestors:
            sums = {
                code_of[r["element_id"]]: r["total"]
                for r in DataValue.objects.filter(
                    organization__path__startswith=ancestor.path, year=year, element_id__in=needed
                )
                .values("element_id")
                .annotate(total=Sum("value"))
                .order_by()
            }
            for ind in indicators:
                num, den, value = ind.evaluate(sums)
                if num is not None or den is not None:
                    rows.append(
                        IndicatorValue(
                            indicator_id=ind.pk,
                            organization=ancestor,
                            year=year,
                            numerator=num,
                            denominator=den,
                            value=value,
                        )
                    )
        IndicatorValue.objects.bulk_create(rows)
        result.indicator_values += len(rows)
        top = Region.objects.filter(pk__in=region_ids, parent__isnull=True).values_list("path", flat=True).first()
        scope = DataValue.objects.filter(year=year, element_id__in=needed)
        if top:
            scope = scope.filter(organization__region__path__startswith=top)
        result.indicator_values += _write_region_values(indicators, _region_totals(scope), region_ids)
        touched_orgs |= {a.pk for a in ancestors}
        touched_regions |= region_ids
    targets = Target.objects.filter(
        Q(scope_organization_id__in=touched_orgs)
        | Q(scope_organization__isnull=True, plan__region_id__in=touched_regions),
        indicator_id__in=ind_pks,
    )
    result.target_statuses = recompute_target_statuses(targets)
    return result


def _region_ancestors(region_ids: set[int]) -> set[int]:
    paths = Region.objects.filter(pk__in=region_ids).values_list("path", flat=True)
    prefixes = {p[: i + 1] for p in paths for i, ch in enumerate(p) if ch == "/"}
    return set(Region.objects.filter(path__in=prefixes).values_list("pk", flat=True))


# ---------------------------------------------------------------- target statuses


def goal_of(target: Target) -> Goal:
    return Goal(
        comparator=target.comparator,
        value=float(target.value),
        value_max=float(target.value_max) if target.value_max is not None else None,
        deadline_year=target.deadline_year,
        baseline=float(target.baseline) if target.baseline is not None else None,
    )


@dataclass
class TargetFigures:
    """A target's figures by year: the final ones (every unit owing the data reported, or the year
    closed) and the newest provisional one (暂定), which is shown but never judged."""

    final: list[tuple[int, float]] = field(default_factory=list)
    pending: tuple[int, float, str] | None = None  # (year, value, 学校 1/3 已填报)


def target_series(targets: list[Target]) -> dict[int, list[tuple[int, float]]]:
    """Each target's final figures by year (what its status and projection use)."""
    return {pk: figures.final for pk, figures in target_figures(targets).items()}


def target_figures(targets: list[Target], finality: Finality | None = None) -> dict[int, TargetFigures]:
    """Each target's figures: its indicator for its scope (unit or plan region), or its reports.

    Reported figures of a target without an indicator are its reporting unit's own: final."""
    result: dict[int, TargetFigures] = {t.pk: TargetFigures() for t in targets}
    linked = [t for t in targets if t.indicator_id]
    if linked:
        finality = finality or Finality()
        compiled = {c.pk: c for c in compiled_indicators()}
        by_org: dict[tuple[int, int], list[Target]] = defaultdict(list)
        by_region: dict[tuple[int, int], list[Target]] = defaultdict(list)
        for t in linked:
            if t.scope_organization_id:
                by_org[(t.indicator_id, t.scope_organization_id)].append(t)
            else:
                by_region[(t.indicator_id, t.plan.region_id)].append(t)
        q = Q(pk__in=[])
        if by_org:
            q |= Q(organization_id__in={o for _, o in by_org}, indicator_id__in={i for i, _ in by_org})
        if by_region:
            q |= Q(region_id__in={r for _, r in by_region}, indicator_id__in={i for i, _ in by_region})
        points: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for iv in IndicatorValue.objects.filter(q).exclude(value=None).order_by("year"):
            key = (iv.indicator_id, iv.organization_id or iv.region_id)
            for t in by_org.get(key, []) if iv.organization_id else by_region.get(key, []):
                points[t.pk].append((iv.year, iv.value))  # type: ignore[arg-type]
        for t in linked:
            indicator = compiled.get(t.indicator_id)  # type: ignore[arg-type]
            datasets = finality.datasets_of(indicator.elements if indicator else ())
            figures = result[t.pk]
            for year, value in points[t.pk]:
                if _final(t, datasets, year, finality):
                    figures.final.append((year, value))
                elif not figures.final or year > figures.final[-1][0]:
                    label = (
                        finality.pending_label(t.plan.region, datasets, year)
                        if not t.scope_organization_id
                        else f"{t.scope_organization.display_name}尚未填报齐全"  # type: ignore[union-attr]
                    )
                    figures.pending = (year, value, label)
            if figures.pending and figures.final and figures.pending[0] < figures.final[-1][0]:
                figures.pending = None
    unlinked = [t.pk for t in targets if not t.indicator_id]
    if unlinked:
        for report in TargetReport.objects.filter(target_id__in=unlinked).order_by("year"):
            result[report.target_id].final.append((report.year, report.value))
    return result


def _final(target: Target, datasets: set[str], year: int, finality: Finality) -> bool:
    if target.scope_organization_id:
        return finality.unit_final(target.scope_organization, datasets, year)  # type: ignore[arg-type]
    return finality.region_final(target.plan.region, datasets, year)


def recompute_target_statuses(targets: object) -> int:
    """Each target's status from its final figures; a newer provisional year is kept beside it."""
    rows = list(targets.select_related("plan__region", "scope_organization__region"))  # type: ignore[attr-defined]
    if not rows:
        return 0
    figures = target_figures(rows)
    year = timezone.localdate().year
    statuses = []
    for target in rows:
        found = figures[target.pk]
        assessment = target_status(goal_of(target), found.final, year)
        pending = found.pending
        statuses.append(
            TargetStatus(
                target=target,
                status=assessment.status,
                latest_year=assessment.latest_year,
                latest_value=assessment.latest_value,
                projected_value=assessment.projected_value,
                pending_year=pending[0] if pending else None,
                pending_value=pending[1] if pending else None,
                pending_coverage=pending[2][:64] if pending else "",
            )
        )
    TargetStatus.objects.filter(target__in=rows).delete()
    TargetStatus.objects.bulk_create(statuses, batch_size=2000)
    return len(statuses)
