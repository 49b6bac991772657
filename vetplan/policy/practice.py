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
    within the next five years (the date by which new practice is needed).

    The rolling sum changes direction only where the window's end or start meets an episode's
    start or end (and around 29 February); between those days it is linear, so it is read at
    those days and, where it crosses under the rule between two of them, found by bisection.
    """
    rows = list(episodes)
    last = as_of + dt.timedelta(days=PRACTICE_WINDOW_YEARS * 366 - 1)

    def short(day: dt.date) -> bool:
        return practice_days(rows, day) < PRACTICE_REQUIRED_DAYS

    if short(as_of):
        return as_of
    marks = {last}
    for start, end, _ in rows:
        for edge in (start, end + dt.timedelta(days=1)):
            for day in (edge - dt.timedelta(days=1), edge):  # the window's end meets the edge
                marks.add(day)
            after = years_after(edge, PRACTICE_WINDOW_YEARS)  # the window's start meets the edge
            marks.update(after + dt.timedelta(days=d) for d in (-2, -1, 0, 1))
    for year in range(as_of.year, last.year + 1):
        marks.update((dt.date(year, 2, 28), dt.date(year, 3, 1)))
    previous = as_of
    for mark in sorted(m for m in marks if as_of < m <= last):
        if short(mark):
            low, high = previous, mark  # not short at low, short at high
            while (high - low).days > 1:
                middle = low + (high - low) / 2
                low, high = (low, middle) if short(middle) else (middle, high)
            return high
        previous = mark
    return None


def years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)
