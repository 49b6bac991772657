"""The 6-months-in-5-years rule for teachers' enterprise practice (教师〔2016〕3号). Pure, no Django.

专业课教师 (实习指导教师 included) practise in enterprises at least six months in every five
years. Practice is kept as dated episodes; the rule sums the days inside the rolling window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

PRACTICE_WINDOW_YEARS = 5
PRACTICE_REQUIRED_DAYS = 180  # 6 个月, counted as 180 days

Episode = tuple[dt.date, dt.date, int]  # start, end, days of practice


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def practice_days(episodes: Iterable[tuple[dt.date, dt.date, int]], as_of: dt.date) -> int:
    """Days of enterprise practice within the five years ending `as_of` (an episode straddling the
    window's start counts its days inside the window, in proportion)."""
    window_start = years_before(as_of, PRACTICE_WINDOW_YEARS) + dt.timedelta(days=1)
    total = 0.0
    for start, end, days in episodes:
        if end < window_start or start > as_of:
            continue
        span = (end - start).days + 1
        inside = (min(end, as_of) - max(start, window_start)).days + 1
        total += days * inside / span if span > 0 else 0
    return round(total)


def compliance_date(episodes: Iterable[tuple[dt.date, dt.date, int]], as_of: dt.date) -> dt.date | None:
    """The first day from `as_of` on when the teacher's rolling sum falls under the rule, if it does
    within the next five years (the date by which new practice is needed)."""
    rows = list(episodes)
    for offset in range(PRACTICE_WINDOW_YEARS * 366):
        day = as_of + dt.timedelta(days=offset)
        if practice_days(rows, day) < PRACTICE_REQUIRED_DAYS:
            return day
    return None
