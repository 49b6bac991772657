"""The target status function: value against goal, trend and straight-line projection (pure)."""

from __future__ import annotations

from vetplan.indicators.status import Goal, meets, target_status

AT_LEAST_70_BY_2027 = Goal(">=", 70, deadline_year=2027)


def test_no_figures_means_no_data() -> None:
    assert target_status(AT_LEAST_70_BY_2027, [], 2025).status == "no_data"


def test_a_met_goal_is_achieved() -> None:
    assert target_status(AT_LEAST_70_BY_2027, [(2023, 60), (2024, 71)], 2025).status == "achieved"


def test_a_trend_that_reaches_the_goal_by_the_deadline_is_on_track() -> None:
    result = target_status(AT_LEAST_70_BY_2027, [(2022, 55), (2023, 58), (2024, 61), (2025, 64)], 2025)
    assert result.status == "on_track"
    assert round(result.projected_value or 0, 6) == 70


def test_a_trend_that_covers_half_the_gap_is_at_risk() -> None:
    # from 50, need 20 more; the line reaches 62 by 2027 (60 % of the gap)
    assert target_status(AT_LEAST_70_BY_2027, [(2023, 50), (2024, 53), (2025, 56)], 2025).status == "at_risk"


def test_a_flat_or_falling_trend_is_off_track() -> None:
    assert target_status(AT_LEAST_70_BY_2027, [(2023, 50), (2024, 50), (2025, 49)], 2025).status == "off_track"


def test_a_missed_deadline_is_off_track() -> None:
    assert target_status(AT_LEAST_70_BY_2027, [(2026, 60), (2027, 69)], 2028).status == "off_track"


def test_one_figure_and_a_baseline_draw_a_trend() -> None:
    goal = Goal(">=", 70, deadline_year=2027, baseline=50)
    assert target_status(goal, [(2025, 64)], 2025).status == "on_track"  # +14 a year
    assert target_status(Goal(">=", 70, deadline_year=2027), [(2025, 64)], 2025).status == "at_risk"


def test_lower_is_better_goals_and_ranges() -> None:
    at_most = Goal("<=", 10, deadline_year=2027)
    assert target_status(at_most, [(2024, 14), (2025, 12)], 2025).status == "on_track"
    assert meets(Goal("between", 2, 3), 2.5) and not meets(Goal("between", 2, 3), 3.5)
    assert meets(Goal("~", 1), 0.95) and not meets(Goal("~", 1), 0.85)
    assert meets(Goal("=", 30), 30) and not meets(Goal("=", 30), 31)
