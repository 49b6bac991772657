"""Supervision rounds: create, add the round's own criteria, enter scores, score every unit.

The rules are scoring.py's; this module gathers the facts it needs from the database and
writes the results back to the assessments (the results page and the 督导报告 read them).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from vetplan.core.history import acting_user, record_by
from vetplan.core.versioning import StaleEdit, check_version, current_version
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Target, Task
from vetplan.supervision.models import (
    Assessment,
    CriterionScore,
    InspectionRound,
    ProgressReport,
    RoundCriterion,
    SupervisionItem,
)
from vetplan.supervision.scoring import (
    NO_DATA,
    CustomCriterion,
    TargetTally,
    UnitFacts,
    UnitScore,
    Weights,
    score_units,
)
from vetplan.supervision.services._common import SupervisionError, save

# attainment(unit, year) -> share 0–1 of the unit's targets attained, or None: replaces the
# default rule (the measured status of the targets the unit leads, scoring.TargetTally).
AttainmentFunction = Callable[[Organization, int], Decimal | None]
KEEP: Any = object()  # record_assessment: leave this field as it is
ENTERED = ("quality_score", "comment")  # what the 督导室 enters on an assessment (the rest is computed)


@transaction.atomic
def create_round(
    region: Region,
    *,
    by: Any,
    year: int,
    title: str,
    units: Iterable[Organization],
    kind: str = InspectionRound.Kind.REGULAR,
    weight_on_time: Decimal = Decimal(40),
    weight_attainment: Decimal = Decimal(40),
    weight_quality: Decimal = Decimal(20),
    silence_penalty: Decimal = Decimal(2),
) -> InspectionRound:
    units = list(units)
    if not units:
        raise SupervisionError("请选择督导对象。")
    weights_of(weight_on_time, weight_attainment, weight_quality, silence_penalty)  # fails on nonsense
    round_ = InspectionRound(
        region=region,
        year=year,
        title=title,
        kind=kind,
        weight_on_time=weight_on_time,
        weight_attainment=weight_attainment,
        weight_quality=weight_quality,
        silence_penalty=silence_penalty,
        created_by=acting_user(by),
    )
    round_.full_clean()
    save(round_, by)
    round_.units.set(units)
    for unit in units:
        save(Assessment(round=round_, organization=unit), by)
    return round_


@transaction.atomic
def add_round_criterion(
    round_: InspectionRound, *, by: Any, name: str, weight: Decimal, max_score: Decimal
) -> RoundCriterion:
    """A criterion of the round's own (校企合作情况, 毕业生留威就业率…), scored per unit by the 督导室."""
    name = name.strip()
    if not name:
        raise SupervisionError("请填写评分项名称。")
    try:
        CustomCriterion(name, name, Decimal(weight), Decimal(max_score))
    except ValueError as error:
        raise SupervisionError(str(error)) from None
    if round_.criteria.filter(name=name).exists():
        raise SupervisionError(f"本轮已有评分项“{name}”。")
    criterion = RoundCriterion(round=round_, name=name, weight=weight, max_score=max_score)
    criterion.full_clean()
    try:
        with transaction.atomic():
            return save(criterion, by)  # type: ignore[no-any-return]
    except IntegrityError:
        raise SupervisionError(f"本轮已有评分项“{name}”。") from None


@transaction.atomic
def remove_round_criterion(criterion: RoundCriterion, *, by: Any) -> None:
    """Remove a criterion and the points entered on it (the history keeps both)."""
    for score in criterion.scores.all():
        record_by(score, by)
        score.delete()
    record_by(criterion, by)
    criterion.delete()


@transaction.atomic
def record_assessment(
    assessment: Assessment,
    *,
    by: Any,
    quality_score: Decimal | None = KEEP,
    comment: str = KEEP,
    points: Mapping[RoundCriterion, Decimal | None] | None = None,
    version: Any = None,
    point_versions: Mapping[int, Any] | None = None,
) -> Assessment:
    """The supervisor's scores of one unit: report quality (0–100), comments and the points on
    the round's own criteria (0 to each one's 满分; None clears). Only what is given is written.

    `version` is the assessment as the form showed it, `point_versions` each criterion score's
    (by criterion id): a value changed meanwhile by someone else is refused (StaleEdit).
    """
    _check_entered(assessment, version)
    assessment = Assessment.objects.get(pk=assessment.pk)
    changes: dict[str, Any] = {}
    if quality_score is not KEEP:
        if quality_score is not None and not Decimal(0) <= Decimal(quality_score) <= Decimal(100):
            raise SupervisionError("报告质量得分应在 0—100 之间。")
        changes["quality_score"] = quality_score
    if comment is not KEEP:
        changes["comment"] = comment
    if any(getattr(assessment, name) != value for name, value in changes.items()):
        save(assessment, by, **changes)
    for criterion, value in (points or {}).items():
        _record_points(assessment, criterion, value, by, (point_versions or {}).get(criterion.pk))
    return assessment


@transaction.atomic
def enter_round_scores(
    round_: InspectionRound, *, by: Any, rows: Iterable[tuple[Assessment, Mapping[str, Any]]]
) -> list[UnitScore]:
    """The score table saved as a whole: each row's changes (record_assessment's arguments), then the
    round scored; a row changed meanwhile by someone else (StaleEdit) saves nothing at all."""
    for assessment, changes in rows:
        if assessment.round_id != round_.pk:
            raise SupervisionError("评分表中有不属于本轮督导的单位。")
        if changes:
            record_assessment(assessment, by=by, **changes)
    return score_round(round_, by=by)


def _check_entered(assessment: Assessment, version: Any) -> None:
    """check_version for what people enter (quality score, comment): the totals and ranks that
    scoring wrote since the form was opened are not someone else's edit."""
    if version in (None, ""):
        return
    list(Assessment.objects.select_for_update().filter(pk=assessment.pk).values_list("pk", flat=True))
    latest = current_version(assessment)
    try:
        opened = int(version)
    except (TypeError, ValueError):
        opened = -1
    if opened == latest:
        return
    seen = assessment.history.filter(history_id=opened).values(*ENTERED).first()  # type: ignore[attr-defined]
    if seen != Assessment.objects.filter(pk=assessment.pk).values(*ENTERED).first():
        raise StaleEdit(assessment, max(opened, 0), latest)


def _record_points(
    assessment: Assessment, criterion: RoundCriterion, value: Decimal | None, by: Any, version: Any
) -> None:
    if criterion.round_id != assessment.round_id:
        raise SupervisionError(f"评分项“{criterion.name}”不属于本轮督导。")
    if value is not None and not Decimal(0) <= Decimal(value) <= criterion.max_score:
        raise SupervisionError(f"“{criterion.name}”得分应在 0—{criterion.max_score:g} 之间。")
    row = CriterionScore.objects.select_for_update().filter(assessment=assessment, criterion=criterion).first()
    if row is not None:
        check_version(row, version)
    elif version not in (None, "", 0, "0"):
        raise SupervisionError(
            f"{assessment.organization.display_name}“{criterion.name}”的得分已被他人清除，请核对后重新填写。"
        )
    if value is None:
        if row is not None:
            record_by(row, by)
            row.delete()
    elif row is None:
        save(CriterionScore(assessment=assessment, criterion=criterion, points=value), by)
    elif row.points != value:
        save(row, by, points=value)


def weights_of(
    on_time: Any, attainment: Any, quality: Any, penalty: Any, custom: Iterable[CustomCriterion] = ()
) -> Weights:
    try:
        return Weights(Decimal(on_time), Decimal(attainment), Decimal(quality), Decimal(penalty), custom=tuple(custom))
    except ValueError as error:
        raise SupervisionError(str(error)) from None


def round_weights(round_: InspectionRound) -> Weights:
    custom = [CustomCriterion(c.pk, c.name, c.weight, c.max_score) for c in round_.criteria.all()]
    return weights_of(
        round_.weight_on_time, round_.weight_attainment, round_.weight_quality, round_.silence_penalty, custom
    )


def led_target_tallies(units: Iterable[Organization]) -> dict[int, TargetTally]:
    """Per unit, the measured status of the targets it leads: those it reports as 填报单位 and
    those linked to a task it leads (plans in force). Two queries."""
    unit_ids = [u.pk for u in units]
    targets = Target.objects.active()
    leads: dict[int, set[int]] = defaultdict(set)  # target → units of the round leading it
    status: dict[int, str] = {}
    reported = targets.filter(reporting_unit__in=unit_ids).values_list("pk", "reporting_unit_id", "status_row__status")
    linked = targets.filter(tasks__lead_units__in=unit_ids, tasks__plan__archived_at__isnull=True).values_list(
        "pk", "tasks__lead_units", "status_row__status"
    )
    for target_id, unit_id, target_status in [*reported, *linked]:
        leads[target_id].add(unit_id)
        status[target_id] = target_status or NO_DATA
    counts: dict[int, Counter[str]] = {unit_id: Counter() for unit_id in unit_ids}
    for target_id, leading in leads.items():
        for unit_id in leading:
            counts[unit_id][status[target_id]] += 1
    return {unit_id: TargetTally(dict(tally)) for unit_id, tally in counts.items()}


def led_tasks_done_share(unit: Organization, year: int) -> Decimal | None:
    """An attainment rule to plug in where targets are not measured yet: the share of led tasks done."""
    led = Task.objects.active().filter(lead_units=unit)
    total = led.distinct().count()
    if not total:
        return None
    return Decimal(led.filter(status=Task.Status.DONE).distinct().count()) / Decimal(total)


def gather_facts(round_: InspectionRound, attainment: AttainmentFunction | None = None) -> list[UnitFacts]:
    """The figures scoring needs, per unit of the round (criteria in scoring.py's docstring)."""
    return [facts for facts, _ in _gather(round_, attainment)]


def _gather(round_: InspectionRound, attainment: AttainmentFunction | None) -> list[tuple[UnitFacts, str]]:
    year = round_.year
    year_end = dt.date(year, 12, 31)
    assessments = {a.organization_id: a for a in round_.assessments.prefetch_related("criterion_scores")}
    units = list(round_.units.all().order_by("name"))
    tallies = led_target_tallies(units) if attainment is None else {}
    results = []
    for unit in units:
        tasks = Task.objects.active().filter(Q(lead_units=unit) | Q(responsible_units=unit)).distinct()
        once_due = list(
            tasks.filter(recurrence=Task.Recurrence.ONCE, deadline__lte=year_end, deadline__year=year).values_list(
                "pk", "status"
            )
        )
        yearly = list(tasks.filter(recurrence=Task.Recurrence.YEARLY).values_list("pk", flat=True))
        escalated = set(
            SupervisionItem.objects.filter(organization=unit, task__in=tasks).values_list("task_id", "period")
        )
        reported = set(
            ProgressReport.objects.filter(
                organization=unit, period=year, task_id__in=yearly, status__in=["submitted", "accepted"]
            ).values_list("task_id", flat=True)
        )
        on_time = sum(1 for pk, status in once_due if status == Task.Status.DONE and (pk, year) not in escalated)
        on_time += sum(1 for pk in yearly if pk in reported and (pk, year) not in escalated)
        silence = SupervisionItem.objects.filter(organization=unit, period=year).count()
        assessment = assessments.get(unit.pk)
        tally = tallies.get(unit.pk, TargetTally())
        facts = UnitFacts(
            unit=unit.pk,
            name=unit.display_name,
            tasks_due=len(once_due) + len(yearly),
            tasks_on_time=on_time,
            attainment=tally.attainment() if attainment is None else attainment(unit, year),
            quality=assessment.quality_score if assessment else None,
            silence_count=silence,
            custom={s.criterion_id: s.points for s in assessment.criterion_scores.all()} if assessment else {},
        )
        results.append((facts, tally.basis() if attainment is None else "按指定规则计算"))
    return results


@transaction.atomic
def score_round(round_: InspectionRound, *, by: Any, attainment: AttainmentFunction | None = None) -> list[UnitScore]:
    """Score, grade and rank the units; the results are written to their assessments (only
    those whose results changed, so a score table opened meanwhile stays current elsewhere)."""
    gathered = {facts.unit: (facts, basis) for facts, basis in _gather(round_, attainment)}
    try:
        scores = score_units([facts for facts, _ in gathered.values()], round_weights(round_))
    except ValueError as error:
        raise SupervisionError(str(error)) from None
    assessments = {a.organization_id: a for a in round_.assessments.all()}
    for score in scores:
        fact, basis = gathered[score.unit]
        assessment = assessments.get(score.unit) or Assessment(round=round_, organization_id=score.unit)
        results = {
            "tasks_due": fact.tasks_due,
            "tasks_on_time": fact.tasks_on_time,
            "silence_count": fact.silence_count,
            "on_time_score": score.on_time,
            "attainment_score": score.attainment,
            "attainment_basis": basis[:255],
            "total": score.total,
            "grade": score.grade,
            "rank": score.rank,
        }
        if assessment.pk is None or any(getattr(assessment, k) != v for k, v in results.items()):
            save(assessment, by, **results)
    if round_.status != InspectionRound.Status.SCORED:
        save(round_, by, status=InspectionRound.Status.SCORED)
    return scores


def round_results(round_: InspectionRound) -> list[Assessment]:
    """A round's assessments in ranking order, 不参评 last: what the results page and the 督导报告 both show."""
    return list(
        round_.assessments.select_related("organization").order_by(F("rank").asc(nulls_last=True), "organization__name")
    )
