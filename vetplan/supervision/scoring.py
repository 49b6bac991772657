"""Scoring the units of a supervision round (督导评估). Pure Python, no Django.

The criteria, each scored 0–100:

- 按时完成 (on time): the share of the unit's tasks due in the round year that were done on
  time (a one-off task done without ever being escalated to 督办; a 持续实施 task whose
  yearly report came in without escalation). A unit with no task due scores 100.
- 目标达成 (attainment): the attainment of the targets the unit leads, as a share 0–1 from a
  pluggable function (by default, the share of the tasks it leads that are done). None
  (nothing to measure) leaves the criterion out and the other weights share its part.
- 报告质量 (quality): the score the supervisor gives to the unit's reports, 0–100. None
  (not yet scored) leaves the criterion out, as above.

The total is the weighted mean of the criteria present, less `silence_penalty` points per
督办 item raised against the unit in the year (repeated silence counts against it), never
below 0. Grades by thresholds: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, else 不合格. Rank 1 is the
best; equal totals share a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

EXCELLENT, GOOD, PASS, FAIL = "excellent", "good", "pass", "fail"
GRADE_LABELS = {EXCELLENT: "优秀", GOOD: "良好", PASS: "合格", FAIL: "不合格"}
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class UnitFacts:
    unit: Hashable  # an organisation id, or anything that names the unit
    name: str
    tasks_due: int
    tasks_on_time: int
    attainment: Decimal | None  # 0–1; None: no target to measure
    quality: Decimal | None  # 0–100; None: not scored yet
    silence_count: int = 0


@dataclass(frozen=True)
class Weights:
    on_time: Decimal = Decimal(40)
    attainment: Decimal = Decimal(40)
    quality: Decimal = Decimal(20)
    silence_penalty: Decimal = Decimal(2)  # points off per 督办 item
    excellent: Decimal = Decimal(90)
    good: Decimal = Decimal(75)
    passing: Decimal = Decimal(60)

    def __post_init__(self) -> None:
        parts = (self.on_time, self.attainment, self.quality, self.silence_penalty)
        if any(Decimal(w) < 0 for w in parts):
            raise ValueError("权重和扣分不能为负数。")
        if Decimal(self.on_time) + Decimal(self.attainment) + Decimal(self.quality) <= 0:
            raise ValueError("至少一项评分标准的权重须大于零。")
        if not Decimal(self.excellent) >= Decimal(self.good) >= Decimal(self.passing):
            raise ValueError("等次分数线须满足 优秀 ≥ 良好 ≥ 合格。")


@dataclass(frozen=True)
class UnitScore:
    unit: Hashable
    name: str
    on_time: Decimal
    attainment: Decimal | None
    quality: Decimal | None
    penalty: Decimal
    total: Decimal
    grade: str
    rank: int

    @property
    def grade_label(self) -> str:
        return GRADE_LABELS[self.grade]


def score_units(facts: Sequence[UnitFacts], weights: Weights) -> list[UnitScore]:
    """Score, grade and rank every unit; best first (ties by name, then sharing a rank)."""
    unranked = [_score(f, weights) for f in facts]
    unranked.sort(key=lambda s: (-s[0], s[1].name))
    scores: list[UnitScore] = []
    previous_total: Decimal | None = None
    rank = 0
    for position, (total, fact, on_time, attainment, quality, penalty) in enumerate(unranked, start=1):
        if total != previous_total:
            rank, previous_total = position, total
        scores.append(
            UnitScore(
                unit=fact.unit,
                name=fact.name,
                on_time=on_time,
                attainment=attainment,
                quality=quality,
                penalty=penalty,
                total=total,
                grade=grade_for(total, weights),
                rank=rank,
            )
        )
    return scores


def grade_for(total: Decimal, weights: Weights) -> str:
    if total >= Decimal(weights.excellent):
        return EXCELLENT
    if total >= Decimal(weights.good):
        return GOOD
    if total >= Decimal(weights.passing):
        return PASS
    return FAIL


def _score(
    fact: UnitFacts, weights: Weights
) -> tuple[Decimal, UnitFacts, Decimal, Decimal | None, Decimal | None, Decimal]:
    if fact.tasks_on_time > fact.tasks_due or fact.tasks_due < 0:
        raise ValueError(f"{fact.name}：按时完成数不能超过应完成任务数。")
    on_time = HUNDRED if fact.tasks_due == 0 else HUNDRED * fact.tasks_on_time / fact.tasks_due
    attainment = None if fact.attainment is None else _clamp(Decimal(fact.attainment) * HUNDRED)
    quality = None if fact.quality is None else _clamp(Decimal(fact.quality))
    parts = [(on_time, Decimal(weights.on_time)), (attainment, Decimal(weights.attainment))]
    parts.append((quality, Decimal(weights.quality)))
    present = [(score, weight) for score, weight in parts if score is not None and weight > 0]
    weight_sum = sum((w for _, w in present), Decimal(0))
    mean = sum((s * w for s, w in present), Decimal(0)) / weight_sum if weight_sum else Decimal(0)
    penalty = Decimal(weights.silence_penalty) * fact.silence_count
    total = _round(max(mean - penalty, Decimal(0)))
    return total, fact, _round(on_time), _opt_round(attainment), _opt_round(quality), _round(penalty)


def _clamp(value: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), HUNDRED)


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _opt_round(value: Decimal | None) -> Decimal | None:
    return None if value is None else _round(value)
