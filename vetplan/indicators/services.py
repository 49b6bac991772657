"""Named state changes for data values, target reports and target links.

The form, the Excel upload, the API and the demo all save data through
`record_data_values`: one transaction that writes the values and refreshes the
indicator values and target statuses they touch, so every page shows fresh figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from vetplan.core.history import record_by
from vetplan.indicators import reported
from vetplan.indicators.completeness import missing_units
from vetplan.indicators.compute import (
    RecomputeResult,
    needs_full_recompute,
    recompute_all,
    recompute_for,
    recompute_target_statuses,
    serialise_saves,
)
from vetplan.indicators.models import (
    DataElement,
    DataReminder,
    Dataset,
    DataValue,
    DataYearClosing,
    Indicator,
    TargetReport,
)
from vetplan.indicators.signals import data_reminded, data_saved
from vetplan.indicators.sources import COMPUTED_SOURCES
from vetplan.indicators.validation import DataBatch, Entry
from vetplan.orgs.models import Organization, Region
from vetplan.plans.indicator_match import link_targets_to_catalogue
from vetplan.plans.models import Target
from vetplan.supervision.evidence import sniff, stored_name


class DataError(ValueError):
    """A batch with errors: nothing was saved. `errors` name each place and reason (the first 100,
    then how many more); `total` counts them all."""

    def __init__(self, errors: list[str], total: int | None = None) -> None:
        super().__init__("；".join(errors[:5]))
        self.errors = errors
        self.total = len(errors) if total is None else total


@transaction.atomic
def record_data_values(
    batch: DataBatch,
    *,
    by: Any,
    source: str,
    opened_with: dict[tuple[int, int, int], float | None] | None = None,
) -> RecomputeResult:
    """Save every value of a checked batch, or nothing when it has an error; then refresh the figures.

    The saves of a county queue on one lock first; the rules between elements and the values a
    form was opened with (`opened_with`: (unit, year, element) → value then) are checked inside
    it, so two people saving at once can neither break a rule together nor overwrite each other.
    """
    if not batch.ok:
        batch.check_rules()  # every error at once; nothing is saved anyway
        raise DataError(batch.error_messages(), batch.error_total)
    serialise_saves(e.organization.pk for e in batch.entries)
    _check_not_from_records(batch)
    if opened_with:
        _check_unchanged(batch, opened_with)
    batch.check_rules()
    if not batch.ok:
        raise DataError(batch.error_messages(), batch.error_total)
    return save_entries(batch.entries, by=by, source=source, serialised=True)


def _check_not_from_records(batch: DataBatch) -> None:
    """A value computed from records is changed in the records, never typed over; a computed element is never entered."""
    keys = {(e.organization.pk, e.year, e.element.pk): e for e in batch.entries}
    errors = [
        f"{entry.where.text}：{entry.element.name}由系统计算，不能填报"
        for entry in batch.entries
        if entry.element.computed
    ]
    computed = DataValue.objects.filter(
        organization_id__in={k[0] for k in keys},
        year__in={k[1] for k in keys},
        element_id__in={k[2] for k in keys},
        source__in=list(COMPUTED_SOURCES),
        element__computed=False,
    ).values_list("organization_id", "year", "element_id", "source")
    errors += [
        f"{keys[key].where.text}：{keys[key].element.name}{COMPUTED_SOURCES[source]}"
        for *key_parts, source in computed
        if (key := tuple(key_parts)) in keys
    ]
    if errors:
        raise DataError(errors)


class DataConflict(DataError):
    """A value changed by someone else since the form was opened; nothing was saved."""


def _check_unchanged(batch: DataBatch, opened_with: dict[tuple[int, int, int], float | None]) -> None:
    keys = [(e.organization.pk, e.year, e.element.pk) for e in batch.entries]
    stored = {
        (v.organization_id, v.year, v.element_id): v
        for v in DataValue.objects.filter(
            organization_id__in={k[0] for k in keys}, year__in={k[1] for k in keys}, element_id__in={k[2] for k in keys}
        ).select_related("entered_by", "element")
    }
    errors = []
    for entry, key in zip(batch.entries, keys, strict=True):
        row = stored.get(key)
        now = row.value if row else None
        if key in opened_with and now != opened_with[key]:
            who = (row.entered_by.get_full_name() or row.entered_by.username) if row and row.entered_by else "其他人"
            when = f"于 {timezone.localtime(row.entered_at):%Y-%m-%d %H:%M} " if row else ""
            errors.append(
                f"“{entry.element.name}”：您打开页面时为 {_plain(opened_with[key])}，{who}{when}已改为 {_plain(now)}；"
                f"您填写的 {_plain(entry.value)} 没有保存"
            )
    if errors:
        raise DataConflict([*errors, "其他数据项也没有保存：请核对后再次提交。"])


def _plain(value: float | None) -> str:
    if value is None:
        return "空"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# Entries are saved this many at a time: a 100,000-row upload never holds all its rows at once as
# stored rows, and each chunk is one lookup, one multi-row INSERT and one UPDATE statement batch.
SAVE_CHUNK = 5000


def save_entries(entries: list[Entry], *, by: Any, source: str, serialised: bool = False) -> RecomputeResult:
    """Save the entries and refresh what they touch; `serialised` when the caller already took the
    saves' lock for these units in this transaction (`serialise_saves`)."""
    user = by if getattr(by, "is_authenticated", False) else None
    if not entries:
        return RecomputeResult()
    if not serialised:
        serialise_saves({e.organization.pk for e in entries})
    stamp = connection.ops.adapt_datetimefield_value(timezone.now())
    # A large upload recomputes everything set-based: no need to keep what each of its values changed.
    full = needs_full_recompute(len({(e.organization.pk, e.year) for e in entries}))
    changes: list[tuple[Organization, int, int]] = []
    for start in range(0, len(entries), SAVE_CHUNK):
        chunk = entries[start : start + SAVE_CHUNK]
        changed = _save_chunk(chunk, user_id=user.pk if user else None, source=source, stamp=stamp)
        if changed:
            codes = {entry.element.pk: entry.element.code for entry in chunk}
            data_saved.send(
                sender=DataValue, changes=[(unit, year, codes[element]) for unit, year, element in changed], by=user
            )
        if not full:
            changes += changed
    return recompute_all() if full else recompute_for(changes)


def _save_chunk(
    entries: list[Entry], *, user_id: int | None, source: str, stamp: Any
) -> list[tuple[Organization, int, int]]:
    """New values inserted, changed ones updated, unchanged ones left; the (unit, year, element) changed.

    Plain parameterised statements, not model instances: building 300,000 DataValue objects and
    compiling them is most of an ORM bulk_create's time, and these rows have no signals or history.
    """
    existing = {
        (org_id, year, element_id): (pk, value)
        for pk, org_id, year, element_id, value in DataValue.objects.filter(
            organization_id__in={e.organization.pk for e in entries},
            year__in={e.year for e in entries},
            element_id__in={e.element.pk for e in entries},
        ).values_list("pk", "organization_id", "year", "element_id", "value")
    }
    created, updated, changes = [], [], []
    for entry in entries:
        key = (entry.organization.pk, entry.year, entry.element.pk)
        row = existing.get(key)
        if row is None:
            created.append((*key, entry.value, source, user_id, stamp))
        elif row[1] != entry.value:
            updated.append((entry.value, source, user_id, stamp, row[0]))
        else:
            continue
        changes.append((entry.organization, entry.year, entry.element.pk))
    table = connection.ops.quote_name(DataValue._meta.db_table)
    with connection.cursor() as cursor:
        if created:
            cursor.executemany(
                f"INSERT INTO {table} (organization_id, year, element_id, value, source, entered_by_id, entered_at) "  # noqa: S608 (the model's own table)
                "VALUES (%s, %s, %s, %s, %s, %s, %s)",
                created,
            )
        if updated:
            cursor.executemany(
                f"UPDATE {table} SET value = %s, source = %s, entered_by_id = %s, entered_at = %s WHERE id = %s",  # noqa: S608
                updated,
            )
    reported.refresh((org.pk, year) for org, year, _ in changes)
    return changes


@transaction.atomic
def record_target_report(target: Target, *, by: Any, year: int, value: float, evidence: Any = None) -> TargetReport:
    """The reported figure of a target without a catalogue indicator; refreshes its status.

    Its 佐证材料 is checked like any evidence (type by content, size: EvidenceError, nothing saved)
    and stored under a random name; it is served by the indicators:target_evidence view only.
    """
    kind = sniff(evidence, evidence.name or "文件", evidence.size or 0) if evidence else None
    report, _ = TargetReport.objects.get_or_create(target=target, year=year, defaults={"value": value})
    report.value = value
    report.reported_by = by if getattr(by, "is_authenticated", False) else None
    if kind is not None:
        report.evidence.save(stored_name(kind), evidence, save=False)
    report.save()
    recompute_target_statuses(Target.objects.filter(pk=target.pk))
    return report


@transaction.atomic
def link_targets_to_indicators(targets: Iterable[Target], *, by: Any = None, overwrite: bool = False) -> int:
    """Link each target to the catalogue indicator its text names (name or synonym, normalised).

    Targets already linked keep their link unless `overwrite`. Returns how many were linked;
    the statuses of all given targets are refreshed.
    """
    rows = list(targets)
    indicators = list(Indicator.objects.all())
    by_code = {i.code: i for i in indicators}
    linked = []
    for target, match in zip(rows, link_targets_to_catalogue(rows, indicators), strict=True):
        if match is None or (target.indicator_id and not overwrite):
            continue
        target.indicator = by_code[match.code]
        record_by(target, by)
        target.save(update_fields=["indicator"])
        linked.append(target)
    recompute_target_statuses(Target.objects.filter(pk__in=[t.pk for t in rows]))
    return len(linked)


@transaction.atomic
def load_data_values(values: list[DataValue]) -> RecomputeResult:
    """Bulk-load many new values (the demo, synthetic data) and recompute every figure once."""
    DataValue.objects.bulk_create(values, batch_size=5000)
    reported.refresh((value.organization_id, value.year) for value in values)
    return recompute_all()


# ---------------------------------------------------------------- 数据截止 and 催报


class CompletenessError(ValueError):
    """A closing or reminder that cannot be done now; the message says why."""


@transaction.atomic
def close_year(region: Region, year: int, *, by: Any, note: str = "") -> DataYearClosing:
    """数据截止: the region's figures for the year become final as they stand; target statuses follow."""
    return _set_closed(region, year, True, by=by, note=note)


@transaction.atomic
def reopen_year(region: Region, year: int, *, by: Any, note: str = "") -> DataYearClosing:
    """Undo a 数据截止: the year is provisional again until every unit has reported."""
    return _set_closed(region, year, False, by=by, note=note)


def _set_closed(region: Region, year: int, closed: bool, *, by: Any, note: str) -> DataYearClosing:
    row = DataYearClosing.objects.select_for_update().filter(region=region, year=year).first()
    if row is None and not closed:
        raise CompletenessError(f"{region.name}{year}年数据尚未截止，无需重新开放。")
    if row is not None and row.closed == closed:
        raise CompletenessError(f"{region.name}{year}年数据已经{'截止' if closed else '重新开放'}。")
    row = row or DataYearClosing(region=region, year=year)
    row.closed = closed
    row.changed_by = by if getattr(by, "is_authenticated", False) else None
    row.changed_at = timezone.now()
    row.note = note.strip()[:200]
    record_by(row, by)
    row.save()
    targets = Target.objects.filter(
        Q(plan__region__path__startswith=region.path) | Q(scope_organization__region__path__startswith=region.path)
    )
    recompute_target_statuses(targets)
    return row


@transaction.atomic
def remind_missing(
    region: Region, dataset: str, year: int, *, by: Any, units: Iterable[Organization] | None = None
) -> list[DataReminder]:
    """催报: a reminder to each unit still missing the data set for the year (default: all of them)."""
    missing = {unit.pk: unit for unit in missing_units(region, dataset, year)}
    chosen = list(missing.values()) if units is None else [unit for unit in units if unit.pk in missing]
    if not chosen:
        raise CompletenessError(f"{region.name}{year}年{Dataset(dataset).label}没有未填报的单位。")
    label = Dataset(dataset).label
    sender = by if getattr(by, "is_authenticated", False) else None
    reminders = DataReminder.objects.bulk_create(
        DataReminder(
            organization=unit,
            dataset=dataset,
            year=year,
            sent_by=sender,
            message=f"请尽快填报{year}年{label}：全部单位填报后，{region.name}的汇总数据才能作为正式数据使用。",
        )
        for unit in chosen
    )
    data_reminded.send(sender=DataReminder, reminders=reminders, by=by)
    return reminders


@transaction.atomic
def delete_data_values(values: Iterable[tuple[Organization, int, DataElement]], *, by: Any) -> RecomputeResult:
    """Take reported values back (entered for the wrong unit or year): the figures that counted them follow.

    A total that loses its last value becomes no data again (not 0); the mechanisms that read the
    values are told through `data_saved`, as for a save."""
    items = [(org, year, element) for org, year, element in values]
    if not items:
        return RecomputeResult()
    serialise_saves({org.pk for org, _, _ in items})
    wanted = {(org.pk, year, element.pk) for org, year, element in items}
    found = [
        (pk, key)
        for pk, *rest in DataValue.objects.filter(
            organization_id__in={k[0] for k in wanted},
            year__in={k[1] for k in wanted},
            element_id__in={k[2] for k in wanted},
        ).values_list("pk", "organization_id", "year", "element_id")
        if (key := tuple(rest)) in wanted
    ]
    DataValue.objects.filter(pk__in=[pk for pk, _ in found]).delete()
    gone = {key for _, key in found}
    changes = [(org, year, element.pk) for org, year, element in items if (org.pk, year, element.pk) in gone]
    reported.refresh((org.pk, year) for org, year, _ in changes)
    result = recompute_for(changes)
    if changes:
        user = by if getattr(by, "is_authenticated", False) else None
        codes = {element.pk: element.code for _, _, element in items}
        data_saved.send(
            sender=DataValue, changes=[(unit, year, codes[element]) for unit, year, element in changes], by=user
        )
    return result
