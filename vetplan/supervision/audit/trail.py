"""The audit trail (督导操作记录) of a user's region: who changed what, when, from what to what.

`trail_keys` is one UNION ALL query over every source's records, newest first, each row only
(source, key, time): the paginator counts and slices it in the database. `entries` then turns
one page of keys into entries with a fixed number of queries: per source on the page, one for
its records together with their predecessors (to diff against), one per many-to-many field, and
one per kind of object named (users, units, tasks, ...), whatever the number of entries.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, F, Model, OuterRef, Q, QuerySet, Subquery, Value
from django.utils import timezone

from vetplan.core.access import Scope
from vetplan.orgs.models import Organization
from vetplan.supervision.audit.names import DASH, Fields, Names, display, user_name
from vetplan.supervision.audit.sources import ACTIONS, BY_KEY, HISTORY_TYPE_OF, HISTORY_TYPES, SOURCES, Source

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class AuditFilters:
    source: str = ""  # a Source key (the category)
    action: str = ""  # an ACTIONS key
    system: bool = False  # only the changes made by commands and the demo
    users: tuple[int, ...] | None = None  # only the changes made by these users
    unit: int | None = None
    plan: int | None = None
    start: dt.date | None = None  # local dates, both included
    end: dt.date | None = None


@dataclass(frozen=True)
class Change:
    label: str
    old: str | None  # None: only the value now is known (a data save)
    new: str


@dataclass(frozen=True)
class AuditEntry:
    when: dt.datetime
    user: str
    category: str
    obj: str
    action: str
    changes: list[Change]


def trail_keys(scope: Scope, filters: AuditFilters) -> QuerySet[Any] | list[Any]:
    """(source key, record key, time) of every entry the user may see that the filters keep."""
    parts = [_keys(source, scope, filters) for source in SOURCES]
    kept = [part for part in parts if part is not None]
    if not kept:
        return []
    first, *rest = kept
    return first.union(*rest, all=True).order_by("-audit_at", "audit_source", "-audit_key")


def _applies(source: Source, f: AuditFilters) -> bool:
    """Whether the source's records can match the filters at all (a data save has no plan, ...)."""
    if f.source and f.source != source.key:
        return False
    if f.plan is not None and source.plan is None:
        return False
    if f.unit is not None and not (source.units or source.unit_sets):
        return False
    if f.action:
        return source.stamp.action == f.action if source.stamp else f.action in HISTORY_TYPE_OF
    return True


def _keys(source: Source, scope: Scope, f: AuditFilters) -> QuerySet[Any] | None:
    if not _applies(source, f):
        return None
    rows = source.rows()
    if f.action and not source.stamp:
        rows = rows.filter(history_type=HISTORY_TYPE_OF[f.action])
    if not scope.sees_everything:
        region = Q()
        for path in source.regions:
            region |= scope.region_q(path)
        rows = rows.filter(region)
    if f.system:
        rows = rows.filter(**{f"{source.user_field}__isnull": True})
    elif f.users is not None:
        rows = rows.filter(**{f"{source.user_field}_id__in": f.users})
    if f.unit is not None:
        rows = rows.filter(_unit_q(source, f.unit))
    if f.plan is not None and source.plan:
        rows = rows.filter(**{source.plan: f.plan})
    if f.start:
        rows = rows.filter(**{f"{source.when_field}__gte": _local_midnight(f.start)})
    if f.end:
        rows = rows.filter(**{f"{source.when_field}__lt": _local_midnight(f.end + ONE_DAY)})
    return (
        rows.order_by()
        .annotate(
            audit_source=Value(source.key, output_field=CharField()),
            audit_key=F(source.key_field),
            audit_at=F(source.when_field),
        )
        .values_list("audit_source", "audit_key", "audit_at")
    )


def _unit_q(source: Source, unit: int) -> Q:
    q = Q()
    for path in source.units:
        q |= Q(**{path: unit})
    for name in source.unit_sets:
        # The live object's units today (a history record keeps its units in a table of its own).
        q |= Q(id__in=source.model._default_manager.filter(**{name: unit}).values("pk"))
    return q


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def entries(keys: Iterable[tuple[str, int, Any]]) -> list[AuditEntry]:
    """The entries of one page of keys, in the keys' order."""
    keys = list(keys)
    by_source: dict[str, list[int]] = defaultdict(list)
    for source_key, key, _ in keys:
        by_source[source_key].append(key)
    names = Names()
    loaded: dict[str, _Loaded] = {}
    for source_key, ids in by_source.items():
        source = BY_KEY[source_key]
        loaded[source_key] = _load_stamped(source, ids) if source.stamp else _load_history(source, ids)
        for record in loaded[source_key].records.values():
            names.want_fields(source.model, record)
        for sets in loaded[source_key].sets.values():
            for units in sets.values():
                for pk in units:
                    names.want(Organization, pk)
    names.load()
    result = []
    for source_key, key, _ in keys:
        source, got = BY_KEY[source_key], loaded[source_key]
        record = got.records.get(key)
        if record is not None:
            result.append(_entry(source, record, got, names))
    return result


@dataclass
class _Loaded:
    records: dict[int, Any]  # the page's records and their predecessors, by key
    previous: dict[int, int | None]  # a page record's key → its predecessor's key
    sets: dict[int, dict[str, set[int]]]  # history key → many-to-many field → unit ids


def _load_stamped(source: Source, ids: list[int]) -> _Loaded:
    assert source.stamp is not None  # noqa: S101
    rows = source.model._default_manager.filter(pk__in=ids).select_related(source.stamp.user)
    return _Loaded({row.pk: row for row in rows}, {}, {})


def _load_history(source: Source, ids: list[int]) -> _Loaded:
    history = source.history_model._default_manager
    previous_key = Subquery(
        history.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    wanted = history.filter(history_id__in=ids)
    predecessors = wanted.order_by().annotate(previous_key=previous_key).values("previous_key")
    rows = (
        history.filter(Q(history_id__in=ids) | Q(history_id__in=predecessors))
        .select_related("history_user")
        .annotate(previous_key=previous_key)
    )
    records = {row.history_id: row for row in rows}
    previous = {key: records[key].previous_key for key in ids if key in records}
    return _Loaded(records, previous, _unit_sets(source, list(records)))


def _unit_sets(source: Source, history_ids: list[int]) -> dict[int, dict[str, set[int]]]:
    sets: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for name in source.unit_sets:
        through, target = _history_through(source, name)
        for history_id, unit in through._default_manager.filter(history_id__in=history_ids).values_list(
            "history_id", target
        ):
            sets[history_id][name].add(unit)
    return sets


def _history_through(source: Source, name: str) -> tuple[type[Model], str]:
    """The table django-simple-history keeps a many-to-many field's values in, per history record."""
    field = source.model._meta.get_field(name)
    for relation in source.history_model._meta.related_objects:
        through = relation.related_model
        if through._meta.object_name.endswith(f"_{name}"):  # type: ignore[union-attr]
            for fk in through._meta.concrete_fields:  # type: ignore[union-attr]
                if fk.related_model is field.related_model:
                    return through, fk.attname  # type: ignore[return-value]
    raise LookupError(f"no history table for {source.key}.{name}")


def _entry(source: Source, record: Any, got: _Loaded, names: Names) -> AuditEntry:
    fields = Fields(source.model, record, names)
    obj = source.label.format_map(fields) if isinstance(source.label, str) else source.label(fields)
    if source.stamp:
        user = getattr(record, source.stamp.user)
        return AuditEntry(
            when=getattr(record, source.stamp.when),
            user=user_name(user),
            category=source.verbose_name,
            obj=obj,
            action=ACTIONS[source.stamp.action],
            changes=[
                Change(str(source.model._meta.get_field(n).verbose_name), None, fields[n]) for n in source.stamp.shows
            ],
        )
    previous_key = got.previous.get(record.history_id)
    previous = got.records.get(previous_key) if previous_key else None
    return AuditEntry(
        when=record.history_date,
        user=user_name(record.history_user),
        category=source.verbose_name,
        obj=obj,
        action=ACTIONS[HISTORY_TYPES.get(record.history_type, "changed")],
        changes=_changes(source, record, previous, got, names) if previous is not None else [],
    )


def _changes(source: Source, record: Any, previous: Any, got: _Loaded, names: Names) -> list[Change]:
    history_fields = {f.name for f in source.history_model._meta.concrete_fields}
    changes = []
    for field in source.model._meta.concrete_fields:
        if field.primary_key or not field.editable or field.name not in history_fields:
            continue
        old, new = getattr(previous, field.attname), getattr(record, field.attname)
        if old != new:
            changes.append(Change(str(field.verbose_name), display(field, old, names), display(field, new, names)))
    for name in source.unit_sets:
        old_set = got.sets.get(previous.history_id, {}).get(name, set())
        new_set = got.sets.get(record.history_id, {}).get(name, set())
        if old_set != new_set:
            label = str(source.model._meta.get_field(name).verbose_name)
            changes.append(Change(label, _joined(old_set, names), _joined(new_set, names)))
    return changes


def _joined(units: set[int], names: Names) -> str:
    return "、".join(sorted(names.name(Organization, pk) for pk in units)) or DASH
