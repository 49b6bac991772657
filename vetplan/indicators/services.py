"""Named state changes for data values, target reports and target links.

The form, the Excel upload, the API and the demo all save data through
`record_data_values`: one transaction that writes the values and refreshes the
indicator values and target statuses they touch, so every page shows fresh figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from vetplan.core.history import record_by
from vetplan.indicators.compute import (
    RecomputeResult,
    recompute_all,
    recompute_for,
    recompute_target_statuses,
    serialise_saves,
)
from vetplan.indicators.models import DataValue, Indicator, TargetReport
from vetplan.indicators.validation import DataBatch, Entry
from vetplan.plans.indicator_match import link_targets_to_catalogue
from vetplan.plans.models import Target


class DataError(ValueError):
    """A batch with errors: nothing was saved. `errors` name each place and reason."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("；".join(errors[:5]))
        self.errors = errors


@transaction.atomic
def record_data_values(batch: DataBatch, *, by: Any, source: str) -> RecomputeResult:
    """Save every value of a checked batch, or nothing when it has an error; then refresh the figures."""
    batch.check_rules()
    if not batch.ok:
        raise DataError(batch.errors)
    return save_entries(batch.entries, by=by, source=source)


def save_entries(entries: list[Entry], *, by: Any, source: str) -> RecomputeResult:
    user = by if getattr(by, "is_authenticated", False) else None
    if not entries:
        return RecomputeResult()
    serialise_saves(e.organization.pk for e in entries)
    existing = {
        (v.organization_id, v.year, v.element_id): v
        for v in DataValue.objects.filter(
            organization_id__in={e.organization.pk for e in entries},
            year__in={e.year for e in entries},
            element_id__in={e.element.pk for e in entries},
        )
    }
    now = timezone.now()
    created, updated, changes = [], [], []
    for entry in entries:
        row = existing.get((entry.organization.pk, entry.year, entry.element.pk))
        if row is None:
            created.append(
                DataValue(
                    element=entry.element,
                    organization=entry.organization,
                    year=entry.year,
                    value=entry.value,
                    source=source,
                    entered_by=user,
                    entered_at=now,
                )  # fmt: skip
            )
        elif row.value != entry.value:
            row.value, row.source, row.entered_by, row.entered_at = entry.value, source, user, now
            updated.append(row)
        else:
            continue
        changes.append((entry.organization, entry.year, entry.element.pk))
    DataValue.objects.bulk_create(created, batch_size=2000)
    DataValue.objects.bulk_update(updated, ["value", "source", "entered_by", "entered_at"], batch_size=2000)
    return recompute_for(changes)


@transaction.atomic
def record_target_report(target: Target, *, by: Any, year: int, value: float, evidence: Any = None) -> TargetReport:
    """The reported figure of a target without a catalogue indicator; refreshes its status."""
    report, _ = TargetReport.objects.get_or_create(target=target, year=year, defaults={"value": value})
    report.value = value
    report.reported_by = by if getattr(by, "is_authenticated", False) else None
    if evidence:
        report.evidence = evidence
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
    return recompute_all()
