"""The 6-months-in-5-years rule: the date a teacher falls short, found fast and equal to a day-by-day search."""

from __future__ import annotations

import datetime as dt
import random

from vetplan.policy.practice import PRACTICE_REQUIRED_DAYS, compliance_date, practice_days


def _brute_force_compliance_date(episodes: list[tuple[dt.date, dt.date, int]], as_of: dt.date) -> dt.date | None:
    for offset in range(5 * 366):
        day = as_of + dt.timedelta(days=offset)
        if practice_days(episodes, day) < PRACTICE_REQUIRED_DAYS:
            return day
    return None


def test_the_date_a_teacher_falls_short_equals_a_day_by_day_search() -> None:
    """The breakpoint search gives the day-by-day answer on 400 random practice histories."""
    rng = random.Random(7)  # noqa: S311 (a reproducible sample, not a secret)
    for case in range(400):
        as_of = dt.date(2024, 2, 20) + dt.timedelta(days=rng.randint(0, 900))
        episodes = []
        for _ in range(rng.randint(0, 4)):
            start = as_of - dt.timedelta(days=rng.randint(-400, 2000))
            days = rng.randint(10, 200)
            episodes.append((start, start + dt.timedelta(days=rng.randint(days - 1, days + 60)), days))
        assert compliance_date(episodes, as_of) == _brute_force_compliance_date(episodes, as_of), (case, episodes)
