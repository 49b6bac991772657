"""Reading a task's 时间进度 column into a deadline or a yearly recurrence. Pure, no Django."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_RECURRING = re.compile(r"持续|长期|常态|每年|逐年|年度|长效")
_YEAR_MONTH = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月")
_YEAR = re.compile(r"(20\d{2})\s*年?")
_HALF = re.compile(r"(20\d{2})\s*年\s*(上半年|年中)")


@dataclass(frozen=True)
class Timeline:
    deadline: dt.date | None
    yearly: bool


def parse_timeline(text: str | None) -> Timeline:
    """`2025年底前` → 2025-12-31; `2024年6月` → 2024-06-30; `2023—2025年` → 2025-12-31;
    `持续实施` / `长期坚持` / `每年` → yearly with no fixed deadline; anything else → no deadline.

    Where several dates appear (`2023年启动，2025年完成`) the last one is the deadline.
    """
    if not text:
        return Timeline(None, False)
    candidates: list[dt.date] = []
    covered: set[int] = set()  # positions of years already read with their month
    for match in _YEAR_MONTH.finditer(text):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            candidates.append(dt.date(year, month, calendar.monthrange(year, month)[1]))
            covered.add(match.start(1))
    for match in _HALF.finditer(text):
        candidates.append(dt.date(int(match.group(1)), 6, 30))
        covered.add(match.start(1))
    for match in _YEAR.finditer(text):
        if match.start(1) not in covered:
            candidates.append(dt.date(int(match.group(1)), 12, 31))
    if _RECURRING.search(text) and not candidates:
        return Timeline(None, True)
    if _RECURRING.search(text) and re.search(r"起|以来|开始", text):
        return Timeline(None, True)
    return Timeline(max(candidates) if candidates else None, False)
