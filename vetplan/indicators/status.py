"""A target's status from its figures: one pure function, no Django.

`target_status(goal, series, as_of_year)`:

1. No figures → 无数据 (no_data).
2. The latest figure meets the goal → 已达成 (achieved). "Meets" follows the comparator:
   `>=` at least, `<=` at most, `between` inside [value, value_max], `=` within 1 % and
   `~` (左右, 大体相当) within 10 % of the value.
3. The deadline has passed (latest figure in or after the deadline year, or the
   current year beyond it) and the goal is not met → 严重滞后 (off_track).
4. Otherwise the figures are projected to the deadline along a straight line: the
   least-squares line through the series (with the baseline as a point in the year
   before the first figure when there is one figure only). With no trend to draw (one
   figure, no baseline) → 存在风险 (at_risk).
5. The projection meets the goal → 正常推进 (on_track). Else the share of the needed
   progress (from the first figure or baseline to the goal) that the projection covers:
   at least half → 存在风险 (at_risk); less, or moving away from the goal → 严重滞后.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA = "achieved", "on_track", "at_risk", "off_track", "no_data"
ABOUT_TOLERANCE = 0.10
EQUAL_TOLERANCE = 0.01
AT_RISK_SHARE = 0.5


@dataclass(frozen=True)
class Goal:
    comparator: str  # ">=", "<=", "=", "~", "between"
    value: float
    value_max: float | None = None
    deadline_year: int | None = None
    baseline: float | None = None


@dataclass(frozen=True)
class Assessment:
    status: str
    latest_year: int | None = None
    latest_value: float | None = None
    projected_value: float | None = None  # at the deadline year
    slope: float | None = None
    intercept: float | None = None  # projected(year) = intercept + slope * year


def meets(goal: Goal, value: float) -> bool:
    if goal.comparator == ">=":
        return value >= goal.value
    if goal.comparator == "<=":
        return value <= goal.value
    if goal.comparator == "between":
        upper = goal.value_max if goal.value_max is not None else goal.value
        return min(goal.value, upper) <= value <= max(goal.value, upper)
    tolerance = ABOUT_TOLERANCE if goal.comparator == "~" else EQUAL_TOLERANCE
    return abs(value - goal.value) <= abs(goal.value) * tolerance + 1e-9


def target_status(goal: Goal, series: Sequence[tuple[int, float]], as_of_year: int) -> Assessment:
    points = sorted((int(y), float(v)) for y, v in series if v is not None)
    if not points:
        return Assessment(NO_DATA)
    latest_year, latest = points[-1]
    line = _trend(points, goal.baseline)
    deadline = goal.deadline_year or max(latest_year, as_of_year)
    projected = line[0] + line[1] * deadline if line else None
    figures = Assessment(
        NO_DATA,
        latest_year=latest_year,
        latest_value=latest,
        projected_value=projected,
        intercept=line[0] if line else None,
        slope=line[1] if line else None,
    )
    if meets(goal, latest):
        return replace(figures, status=ACHIEVED)
    if latest_year >= deadline or as_of_year > deadline:
        return replace(figures, status=OFF_TRACK)
    if projected is None:
        return replace(figures, status=AT_RISK)
    if meets(goal, projected):
        return replace(figures, status=ON_TRACK)
    start = goal.baseline if goal.baseline is not None else points[0][1]
    aim = _nearest_bound(goal, latest)
    needed = aim - start
    covered = (projected - start) / needed if needed else 0.0
    return replace(figures, status=AT_RISK if covered >= AT_RISK_SHARE else OFF_TRACK)


def _nearest_bound(goal: Goal, value: float) -> float:
    if goal.comparator == "between" and goal.value_max is not None:
        low, high = sorted((goal.value, goal.value_max))
        return low if value < low else high
    return goal.value


def _trend(points: list[tuple[int, float]], baseline: float | None) -> tuple[float, float] | None:
    """(intercept, slope) of the least-squares line, or None when there is no trend to draw."""
    if len(points) == 1 and baseline is not None:
        points = [(points[0][0] - 1, baseline), *points]
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sxx
    return mean_y - slope * mean_x, slope
