"""Indicator values for every unit and region, rolled up as ratios of sums, and target statuses.

The values are never stored: they are evaluated on read (vetplan.indicators.values) from the
per-subject element totals (vetplan.indicators.totals), which this module keeps up to date:

- `recompute_all()` rebuilds every total set-based from the data values (a handful of SQL
  statements whatever the data size), then every target status;
- `recompute_for(changes)` brings the totals up to saved or deleted (unit, year, element)
  values by adding the difference to the few rows they touch (the unit, the units above it,
  its regions) in one UPDATE, then refreshes the statuses of the targets that follow them;
- `recompute_moved(...)` sums again the subtrees a unit left and joined.

A unit's value covers its whole subtree (`path__startswith`); a region's value covers
every unit whose region lies in its subtree. Either way the value is
factor × Σ numerator / Σ denominator, never an average of the units' ratios.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from vetplan.indicators import rebuild, totals
from vetplan.indicators.completeness import Finality
from vetplan.indicators.models import DataElement, TargetReport, TargetStatus
from vetplan.indicators.status import Goal, target_status
from vetplan.indicators.values import Compiled, compiled_indicators, indicator_values, used_elements
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Target

__all__ = ["Compiled", "compiled_indicators"]  # kept importable from here

SEGMENT = totals.SEGMENT


@dataclass
class RecomputeResult:
    indicator_values: int = 0  # figures refreshed (evaluated on read from the totals touched)
    target_statuses: int = 0
    subject_totals: int = 0  # rows of element totals written


# ---------------------------------------------------------------- full recomputation


@transaction.atomic
def recompute_all(progress: rebuild.Progress | None = None) -> RecomputeResult:
    """Every total from the data values, then every target status (clears any drift of the saves).

    `progress(step, done, of)` follows it: the totals' statements, then the statuses."""
    report = progress or (lambda step, done, of: None)
    steps = 0

    def totals_progress(step: str, done: int, of: int) -> None:
        nonlocal steps
        steps = of + 1
        if done < of:
            report(step, done, steps)

    result = RecomputeResult()
    result.subject_totals = rebuild.rebuild(sorted(used_elements(compiled_indicators())), totals_progress)
    steps = steps or 1
    report("目标状态", steps - 1, steps)
    result.target_statuses = recompute_target_statuses(Target.objects.all())
    report("完成", steps, steps)
    return result


# ---------------------------------------------------------------- saved or deleted values


def serialise_saves(organization_ids: Iterable[int]) -> None:
    """Make saves that share a top-level region wait for each other (call it first, in the saving
    transaction).

    A save adds its differences to totals rows (an UPDATE, safe on its own) but also inserts the
    rows a first value needs and checks the rules between elements against what is stored: two
    saves in one county at the same moment would both insert the county's row. Locking the top
    region's row (SELECT … FOR UPDATE, in pk order, so no deadlock) queues them: the second then
    reads what the first committed. A save takes milliseconds, so the queue is short. SQLite
    already runs one write transaction at a time, and ignores FOR UPDATE.
    """
    paths = Region.objects.filter(organizations__pk__in=set(organization_ids)).values_list("path", flat=True)
    _lock_tops(paths)


def _lock_tops(paths: Iterable[str]) -> None:
    tops = {path.split("/", 1)[0] + "/" for path in paths}
    list(Region.objects.select_for_update().filter(path__in=tops).order_by("pk").values_list("pk", flat=True))


FULL_RECOMPUTE_AFTER = 2000


def needs_full_recompute(unit_years: int) -> bool:
    """Whether saving values of this many (unit, year) pairs recomputes everything, set-based."""
    return unit_years > FULL_RECOMPUTE_AFTER


def recompute_for(changes: Iterable[tuple[Organization, int, int]]) -> RecomputeResult:
    """Refresh what saved or deleted values touch; `changes` are (unit, year, element id) triples.

    Called inside the saving service's transaction, after the values were written, so the
    figures and the values agree. A change touching more than FULL_RECOMPUTE_AFTER (unit, year)
    pairs (a large Excel upload) rebuilds everything set-based instead.
    """
    changes = list(changes)
    if needs_full_recompute(len({(org.pk, year) for org, year, _ in changes})):
        return recompute_all()
    elements = {element_id for _, _, element_id in changes}
    codes = dict(DataElement.objects.values_list("code", "pk"))
    code_of = {pk: code for code, pk in codes.items()}
    changed_codes = {code_of[pk] for pk in elements if pk in code_of}
    compiled = compiled_indicators()
    indicators = [i for i in compiled if i.elements & changed_codes]
    result = RecomputeResult()
    if not indicators:
        return result
    shown = used_elements(indicators, codes)
    kept = used_elements(compiled, codes)
    applied = totals.apply_changes(changes, kept, shown)
    if applied.columns_added:  # an element new to the totals: everything once, set-based
        rebuild.rebuild(sorted(kept))
    result.subject_totals = applied.subject_years
    # The figures now served from the rows touched (as many as the old materialised rows rewritten).
    for sums in applied.after.values():
        by_code = {code_of[pk]: value for pk, value in sums.items()}
        result.indicator_values += sum(1 for ind in indicators if ind.evaluate(by_code)[:2] != (None, None))
    result.target_statuses = _refresh_statuses(applied.units, applied.regions, [i.pk for i in indicators])
    return result


def recompute_moved(units: set[int], regions: set[int]) -> RecomputeResult:
    """A unit moved to another parent or region: the subtrees it left and joined (these units'
    and regions' totals) summed again, then the statuses of their targets."""
    result = RecomputeResult()
    # Queued with the saves of the regions involved: a save's difference never lands between the
    # re-sum's delete and insert.
    _lock_tops(Region.objects.filter(Q(pk__in=regions) | Q(organizations__pk__in=units)).values_list("path", flat=True))
    rebuild.resum(units, regions, sorted(used_elements(compiled_indicators())))
    result.target_statuses = _refresh_statuses(units, regions, None)
    return result


def _refresh_statuses(units: set[int], regions: set[int], indicator_ids: list[int] | None) -> int:
    if not units and not regions:
        return 0
    targets = Target.objects.filter(
        Q(scope_organization_id__in=units) | Q(scope_organization__isnull=True, plan__region_id__in=regions)
    )
    targets = (
        targets.exclude(indicator=None) if indicator_ids is None else targets.filter(indicator_id__in=indicator_ids)
    )
    return recompute_target_statuses(targets)


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
                by_org[(t.indicator_id, t.scope_organization_id)].append(t)  # type: ignore[index]
            else:
                by_region[(t.indicator_id, t.plan.region_id)].append(t)  # type: ignore[index]
        points: dict[int, list[tuple[int, float]]] = defaultdict(list)
        figures = indicator_values(
            organizations={o for _, o in by_org},
            regions={r for _, r in by_region},
            indicators=[compiled[i] for i in {i for i, _ in by_org} | {i for i, _ in by_region} if i in compiled],
        )
        for iv in figures:  # by year
            if iv.value is None:
                continue
            if iv.organization_id is not None:
                matched = by_org.get((iv.indicator_id, iv.organization_id), [])
            else:
                matched = by_region.get((iv.indicator_id, iv.region_id), [])  # type: ignore[arg-type]
            for t in matched:
                points[t.pk].append((iv.year, iv.value))
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
