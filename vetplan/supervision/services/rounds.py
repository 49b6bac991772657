"""Supervision rounds: create, enter report-quality scores, score every unit (see scoring.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Q

from vetplan.core.history import acting_user
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Task
from vetplan.supervision.models import Assessment, InspectionRound, ProgressReport, SupervisionItem
from vetplan.supervision.scoring import UnitFacts, UnitScore, Weights, score_units
from vetplan.supervision.services._common import SupervisionError, save

# attainment(unit, year) -> share 0–1 of the targets the unit leads that are attained, or None.
AttainmentFunction = Callable[[Organization, int], Decimal | None]


def led_tasks_done_share(unit: Organization, year: int) -> Decimal | None:
    """Default attainment until the indicator engine measures targets: share of led tasks done."""
    led = Task.objects.active().filter(lead_units=unit)
    figures = led.aggregate(total=_count(), done=_count(Q(status=Task.Status.DONE)))
    if not figures["total"]:
        return None
    return Decimal(figures["done"]) / Decimal(figures["total"])


def _count(condition: Q | None = None) -> Any:
    return Count("pk", filter=condition, distinct=True)


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
def record_assessment(
    assessment: Assessment, *, by: Any, quality_score: Decimal | None, comment: str = ""
) -> Assessment:
    """The supervisor's score of a unit's report quality (0–100) and comments."""
    if quality_score is not None and not Decimal(0) <= Decimal(quality_score) <= Decimal(100):
        raise SupervisionError("报告质量得分应在 0—100 之间。")
    return save(assessment, by, quality_score=quality_score, comment=comment)  # type: ignore[no-any-return]


def weights_of(on_time: Any, attainment: Any, quality: Any, penalty: Any) -> Weights:
    try:
        return Weights(Decimal(on_time), Decimal(attainment), Decimal(quality), Decimal(penalty))
    except ValueError as error:
        raise SupervisionError(str(error)) from None


def round_weights(round_: InspectionRound) -> Weights:
    return weights_of(round_.weight_on_time, round_.weight_attainment, round_.weight_quality, round_.silence_penalty)


def gather_facts(round_: InspectionRound, attainment: AttainmentFunction = led_tasks_done_share) -> list[UnitFacts]:
    """The figures scoring needs, per unit of the round (criteria in scoring.py's docstring)."""
    year = round_.year
    year_end = dt.date(year, 12, 31)
    assessments = {a.organization_id: a for a in round_.assessments.all()}
    facts = []
    for unit in round_.units.all().order_by("name"):
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
        facts.append(
            UnitFacts(
                unit=unit.pk,
                name=unit.display_name,
                tasks_due=len(once_due) + len(yearly),
                tasks_on_time=on_time,
                attainment=attainment(unit, year),
                quality=assessment.quality_score if assessment else None,
                silence_count=silence,
            )
        )
    return facts


@transaction.atomic
def score_round(
    round_: InspectionRound, *, by: Any, attainment: AttainmentFunction = led_tasks_done_share
) -> list[UnitScore]:
    """Score, grade and rank the units; the results are written to their assessments."""
    facts = {f.unit: f for f in gather_facts(round_, attainment)}
    scores = score_units(list(facts.values()), round_weights(round_))
    assessments = {a.organization_id: a for a in round_.assessments.all()}
    for score in scores:
        fact = facts[score.unit]
        assessment = assessments.get(score.unit) or Assessment(round=round_, organization_id=score.unit)
        save(
            assessment,
            by,
            tasks_due=fact.tasks_due,
            tasks_on_time=fact.tasks_on_time,
            silence_count=fact.silence_count,
            on_time_score=score.on_time,
            attainment_score=score.attainment,
            total=score.total,
            grade=score.grade,
            rank=score.rank,
        )
    save(round_, by, status=InspectionRound.Status.SCORED)
    return scores


def round_results(round_: InspectionRound) -> list[Assessment]:
    """A round's assessments in ranking order: what the results page and the 督导报告 both show."""
    return list(round_.assessments.select_related("organization").order_by("rank", "organization__name"))
