"""Scoring the units of a supervision round (督导评估). Pure Python, no Django.

Who is scored (参评): a unit with something to answer for in the round year, that is a task
due (a one-off task due that year, or a 持续实施 task's yearly report) or a target it leads
with a measured status. A unit with nothing due is 不参评: listed with its facts, but given
no total, no grade and no rank (a unit that owed nothing is not "best").

The criteria, each scored 0–100:

- 按时完成 (on time): the share of the unit's tasks due in the round year that were done on
  time (a one-off task done without ever being escalated to 督办; a 持续实施 task whose
  yearly report came in without escalation). Nothing due: left out (not 100).
- 目标达成 (attainment): the measured status of the targets the unit leads (those it reports
  as 填报单位, and those linked to tasks it leads), TARGET_POINTS each: 已达成 and 正常推进
  100, 存在风险 50, 严重滞后 0, averaged. 无数据 is not counted (the figures do not say how
  the target stands; silence is already penalised by 督办). No measured target: left out.
  (`UnitFacts.attainment` is the 0–1 share, so another rule can be plugged in.)
- 报告质量 (quality): the score the supervisor gives to the unit's reports, 0–100.
- A round's own criteria (自定义评分项, e.g. 校企合作情况): the points the supervisor enters,
  0 to the criterion's maximum, scaled to 0–100.

A criterion left out (nothing to measure, or not scored for this unit) leaves its weight to
the others: the total is the weighted mean of the criteria present (weights are relative),
less `silence_penalty` points per 督办 item raised against the unit in the year, never
below 0. Grades by thresholds: 优秀 ≥ 90, 良好 ≥ 75, 合格 ≥ 60, else 不合格. Rank 1 is the
best; equal totals share a rank (1, 2, 2, 4); 不参评 units come last, unranked.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

EXCELLENT, GOOD, PASS, FAIL = "excellent", "good", "pass", "fail"
NOT_ASSESSED = "not_assessed"
GRADE_LABELS = {EXCELLENT: "优秀", GOOD: "良好", PASS: "合格", FAIL: "不合格"}
NOT_ASSESSED_LABEL = "不参评"
HUNDRED = Decimal(100)

ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "achieved", "on_track", "at_risk", "off_track", "no_data"
TARGET_POINTS = {ACHIEVED: Decimal(100), ON_TRACK: Decimal(100), AT_RISK: Decimal(50), OFF_TRACK: Decimal(0)}
STATUS_LABELS = {
    ACHIEVED: "已达成",
    ON_TRACK: "正常推进",
    AT_RISK: "存在风险",
    OFF_TRACK: "严重滞后",
    NO_DATA: "无数据",
}


def target_points_rule() -> str:
    """TARGET_POINTS as the results page states it."""
    points = "、".join(f"{STATUS_LABELS[s]}{p:g}分" for s, p in TARGET_POINTS.items())
    return f"{points}，{STATUS_LABELS[NO_DATA]}的目标不计分"


@dataclass(frozen=True)
class TargetTally:
    """How many of the targets a unit leads stand at each measured status."""

    counts: Mapping[str, int] = field(default_factory=dict)

    @property
    def measured(self) -> int:
        return sum(self.counts.get(status, 0) for status in TARGET_POINTS)

    def attainment(self) -> Decimal | None:
        """The share 0–1 the statuses earn by TARGET_POINTS; None when no target is measured."""
        if not self.measured:
            return None
        points = sum((TARGET_POINTS[s] * self.counts.get(s, 0) for s in TARGET_POINTS), Decimal(0))
        return points / (HUNDRED * self.measured)

    def basis(self) -> str:
        """目标达成依据 as the results page writes it."""
        total = self.measured + self.counts.get(NO_DATA, 0)
        if not total:
            return "未牵头目标"
        parts = "、".join(f"{STATUS_LABELS[s]}{self.counts.get(s, 0)}" for s in TARGET_POINTS)
        text = f"牵头目标{total}项：{parts}"
        if self.counts.get(NO_DATA):
            text += f"；无数据{self.counts[NO_DATA]}项不计分"
        return text


@dataclass(frozen=True)
class CustomCriterion:
    """A round's own criterion (自定义评分项): its relative weight and the points it is scored out of."""

    key: Hashable
    name: str
    weight: Decimal
    max_score: Decimal

    def __post_init__(self) -> None:
        if Decimal(self.weight) < 0:
            raise ValueError(f"“{self.name}”的权重不能为负数。")
        if Decimal(self.max_score) <= 0:
            raise ValueError(f"“{self.name}”的满分须大于零。")


@dataclass(frozen=True)
class UnitFacts:
    unit: Hashable  # an organisation id, or anything that names the unit
    name: str
    tasks_due: int
    tasks_on_time: int
    attainment: Decimal | None  # 0–1; None: no measured target
    quality: Decimal | None  # 0–100; None: not scored yet
    silence_count: int = 0
    custom: Mapping[Hashable, Decimal | None] = field(default_factory=dict)  # criterion key → points entered

    @property
    def has_something_due(self) -> bool:
        return self.tasks_due > 0 or self.attainment is not None


@dataclass(frozen=True)
class Weights:
    on_time: Decimal = Decimal(40)
    attainment: Decimal = Decimal(40)
    quality: Decimal = Decimal(20)
    silence_penalty: Decimal = Decimal(2)  # points off per 督办 item
    excellent: Decimal = Decimal(90)
    good: Decimal = Decimal(75)
    passing: Decimal = Decimal(60)
    custom: Sequence[CustomCriterion] = ()

    def __post_init__(self) -> None:
        parts = (self.on_time, self.attainment, self.quality, self.silence_penalty)
        if any(Decimal(w) < 0 for w in parts):
            raise ValueError("权重和扣分不能为负数。")
        total = Decimal(self.on_time) + Decimal(self.attainment) + Decimal(self.quality)
        if total + sum((Decimal(c.weight) for c in self.custom), Decimal(0)) <= 0:
            raise ValueError("至少一项评分标准的权重须大于零。")
        if not Decimal(self.excellent) >= Decimal(self.good) >= Decimal(self.passing):
            raise ValueError("等次分数线须满足 优秀 ≥ 良好 ≥ 合格。")


@dataclass(frozen=True)
class UnitScore:
    unit: Hashable
    name: str
    on_time: Decimal | None
    attainment: Decimal | None
    quality: Decimal | None
    penalty: Decimal
    total: Decimal | None  # None: 不参评
    grade: str  # NOT_ASSESSED for 不参评
    rank: int | None  # None: 不参评
    custom: Mapping[Hashable, Decimal | None] = field(default_factory=dict)  # criterion key → score 0–100

    @property
    def assessed(self) -> bool:
        return self.grade != NOT_ASSESSED

    @property
    def grade_label(self) -> str:
        return GRADE_LABELS.get(self.grade, NOT_ASSESSED_LABEL)


def score_units(facts: Sequence[UnitFacts], weights: Weights) -> list[UnitScore]:
    """Score, grade and rank every unit; best first (ties by name, then sharing a rank), 不参评 last."""
    assessed = sorted((_score(f, weights) for f in facts if f.has_something_due), key=lambda s: (-_total(s), s.name))
    scores: list[UnitScore] = []
    previous_total: Decimal | None = None
    rank = 0
    for position, score in enumerate(assessed, start=1):
        if score.total != previous_total:
            rank, previous_total = position, score.total
        scores.append(_replace_rank(score, rank, grade_for(_total(score), weights)))
    for fact in sorted((f for f in facts if not f.has_something_due), key=lambda f: f.name):
        scores.append(_not_assessed(fact, weights))
    return scores


def grade_for(total: Decimal, weights: Weights) -> str:
    if total >= Decimal(weights.excellent):
        return EXCELLENT
    if total >= Decimal(weights.good):
        return GOOD
    if total >= Decimal(weights.passing):
        return PASS
    return FAIL


def _total(score: UnitScore) -> Decimal:
    return score.total if score.total is not None else Decimal(0)


def _replace_rank(score: UnitScore, rank: int, grade: str) -> UnitScore:
    return UnitScore(
        unit=score.unit,
        name=score.name,
        on_time=score.on_time,
        attainment=score.attainment,
        quality=score.quality,
        penalty=score.penalty,
        total=score.total,
        grade=grade,
        rank=rank,
        custom=score.custom,
    )


def _check(fact: UnitFacts) -> None:
    if fact.tasks_on_time > fact.tasks_due or fact.tasks_due < 0:
        raise ValueError(f"{fact.name}：按时完成数不能超过应完成任务数。")


def _criteria(
    fact: UnitFacts, weights: Weights
) -> tuple[Decimal | None, Decimal | None, Decimal | None, dict[Hashable, Decimal | None]]:
    _check(fact)
    on_time = None if fact.tasks_due == 0 else HUNDRED * fact.tasks_on_time / fact.tasks_due
    attainment = None if fact.attainment is None else _clamp(Decimal(fact.attainment) * HUNDRED)
    quality = None if fact.quality is None else _clamp(Decimal(fact.quality))
    custom: dict[Hashable, Decimal | None] = {}
    for criterion in weights.custom:
        points = fact.custom.get(criterion.key)
        if points is not None and not Decimal(0) <= Decimal(points) <= Decimal(criterion.max_score):
            raise ValueError(f"{fact.name}：“{criterion.name}”得分应在 0—{criterion.max_score} 之间。")
        custom[criterion.key] = None if points is None else HUNDRED * Decimal(points) / Decimal(criterion.max_score)
    return on_time, attainment, quality, custom


def _score(fact: UnitFacts, weights: Weights) -> UnitScore:
    on_time, attainment, quality, custom = _criteria(fact, weights)
    parts = [(on_time, Decimal(weights.on_time)), (attainment, Decimal(weights.attainment))]
    parts.append((quality, Decimal(weights.quality)))
    parts += [(custom[c.key], Decimal(c.weight)) for c in weights.custom]
    present = [(score, weight) for score, weight in parts if score is not None and weight > 0]
    weight_sum = sum((w for _, w in present), Decimal(0))
    mean = sum((s * w for s, w in present), Decimal(0)) / weight_sum if weight_sum else Decimal(0)
    penalty = Decimal(weights.silence_penalty) * fact.silence_count
    return UnitScore(
        unit=fact.unit,
        name=fact.name,
        on_time=_opt_round(on_time),
        attainment=_opt_round(attainment),
        quality=_opt_round(quality),
        penalty=_round(penalty),
        total=_round(max(mean - penalty, Decimal(0))),
        grade="",
        rank=None,
        custom={key: _opt_round(value) for key, value in custom.items()},
    )


def _not_assessed(fact: UnitFacts, weights: Weights) -> UnitScore:
    """Listed with what there is to show, but no total, grade or rank."""
    _, _, quality, custom = _criteria(fact, weights)
    return UnitScore(
        unit=fact.unit,
        name=fact.name,
        on_time=None,
        attainment=None,
        quality=_opt_round(quality),
        penalty=Decimal(0),
        total=None,
        grade=NOT_ASSESSED,
        rank=None,
        custom={key: _opt_round(value) for key, value in custom.items()},
    )


def _clamp(value: Decimal) -> Decimal:
    return min(max(value, Decimal(0)), HUNDRED)


def _round(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _opt_round(value: Decimal | None) -> Decimal | None:
    return None if value is None else _round(value)
