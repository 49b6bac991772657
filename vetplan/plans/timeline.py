"""When a task falls due: its 时间进度 column, else the dates in its wording, else every year. Pure, no Django.

Plans write dates three ways, and only one of them is a deadline:

- deadlines: `2025年底前`, `2024年6月底前`, `到2024年`, `2022年达到国家办学标准`,
  `2018年秋季学期开学前完成`, `2026年上半年`, `2023—2025年` (the end of the range);
- start dates: `2017年起实施`, `自2019年1月1日起`, `自2018年春季学期开始实施`,
  `2022年起每年`: the task runs from then on, so it reports every year, never "due" on them;
- recurring wording: `持续实施`, `长期坚持`, `持续推进`, `每年`, `常态化`: yearly.

`task_schedule(timeline, text)` reads the column first and the task's wording second; a task
with neither a deadline nor recurring wording reports yearly, since every plan orders a
yearly supervision of its tasks (`Schedule.source == "default"` says so on the review page).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_YEAR = r"((?:19|20)\d{2})\s*年"
_RECURRING = re.compile(r"持续|长期|常态|每年|逐年|年度|长效|每学年|每季度|定期")
_START = re.compile(
    rf"(?:自|从|由)\s*{_YEAR}[^，,。；;起开]{{0,14}}?(?:起|开始|以来)?"
    rf"|{_YEAR}\s*(?:\d{{1,2}}\s*月\s*(?:\d{{1,2}}\s*日)?)?\s*(?:(?:春季|秋季)(?:学期)?)?\s*(?:起|开始|以来)"
)
# A year that is a deadline wherever it appears in a task's wording: preceded by 到/至/截至,
# or followed by 底/末/前/上半年 or by a verb of completion.
_TEXT_DEADLINE = re.compile(
    rf"(?:到|至|截至|截止到?|截止至|力争|争取|确保|于)\s*{_YEAR}"
    rf"|{_YEAR}\s*(?:\d{{1,2}}\s*月\s*(?:\d{{1,2}}\s*日)?\s*)?(?:年底|年末|底|末|前|以前|之前|上半年|年中|内"
    rf"|(?:春季|秋季)学期开学前|(?:全面|基本|率先)?(?:达到|完成|建成|实现|落实))"
)
_MONTH_DAY = re.compile(r"\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
_RANGE_END = re.compile(rf"(?:19|20)\d{{2}}\s*年?\s*[—\-–~至到]\s*{_YEAR}")


@dataclass(frozen=True)
class Timeline:
    deadline: dt.date | None
    yearly: bool
    start_year: int | None = None  # a start date (`2017年起`): runs and reports yearly from then
    source: str = ""  # where it was read: "timeline" (the column), "text" (the wording), "default"

    @property
    def found(self) -> bool:
        return self.deadline is not None or self.yearly


NOTHING = Timeline(None, False)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date_after_year(text: str, year: int, end: int) -> dt.date:
    """The date a deadline mention means: its month and day when given, else the season or year end."""
    tail = text[end : end + 14]
    month_day = _MONTH_DAY.match(tail)
    if month_day and 1 <= int(month_day.group(1)) <= 12:
        month = int(month_day.group(1))
        day = int(month_day.group(2) or 0)
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, day if 1 <= day <= last else last)
    if re.match(r"\s*(?:上半年|年中)", tail):
        return dt.date(year, 6, 30)
    if re.match(r"\s*秋季学期开学前", tail):
        return dt.date(year, 8, 31)
    if re.match(r"\s*春季学期开学前", tail):
        return _month_end(year, 2)
    return dt.date(year, 12, 31)


def _starts(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) of every start-date mention."""
    spans = []
    for match in _START.finditer(text):
        year = next(group for group in match.groups() if group)
        spans.append((match.start(), match.end(), int(year)))
    return spans


def _inside(position: int, spans: list[tuple[int, int, int]]) -> bool:
    return any(start <= position < end for start, end, _ in spans)


def parse_timeline(text: str | None) -> Timeline:
    """The 时间进度 / 完成时限 column: `2025年底前` → 2025-12-31; `2024年6月` → 2024-06-30;
    `2023—2025年` → 2025-12-31; `2018年秋季学期开学前完成` → 2018-08-31; `持续实施` or a start
    date (`2017年起实施`) → yearly; anything else → nothing. Where several deadlines appear
    (`2023年启动，2025年完成`) the last one is the deadline.
    """
    if not text:
        return NOTHING
    starts = _starts(text)
    deadlines = [
        _date_after_year(text, int(match.group(1)), match.end())
        for match in re.finditer(_YEAR.replace(r"\s*年", r"\s*年?"), text)
        if not _inside(match.start(), starts)
    ]
    for match in _RANGE_END.finditer(text):
        deadlines.append(dt.date(int(match.group(1)), 12, 31))
    if deadlines and not (starts and _RECURRING.search(text)):
        return Timeline(max(deadlines), False, source="timeline")
    if starts or _RECURRING.search(text):
        return Timeline(
            None, True, start_year=min(year for _, _, year in starts) if starts else None, source="timeline"
        )
    return NOTHING


def dates_in_text(text: str | None) -> Timeline:
    """A task's wording: the latest deadline it names (`到2024年`, `2022年6月底前`), else yearly when it
    names a start date or recurring work (`自2018年起`, `长期坚持`, `每年`), else nothing."""
    if not text:
        return NOTHING
    starts = _starts(text)
    deadlines = []
    for match in _TEXT_DEADLINE.finditer(text):
        group = 1 if match.group(1) else 2
        if not _inside(match.start(group), starts):
            after = re.match(r"\s*年", text[match.end(group) :])
            end = match.end(group) + (after.end() if after else 0)
            deadlines.append(_date_after_year(text, int(match.group(group)), end))
    if deadlines:
        return Timeline(max(deadlines), False, source="text")
    if starts or _RECURRING.search(text):
        start = min(year for _, _, year in starts) if starts else None
        return Timeline(None, True, start_year=start, source="text")
    return NOTHING


def task_schedule(timeline: str | None, text: str | None) -> Timeline:
    """When a task is due: the column, else its wording, else yearly (the plans' yearly supervision)."""
    for parsed in (parse_timeline(timeline), dates_in_text(text)):
        if parsed.found:
            return parsed
    return Timeline(None, True, source="default")
