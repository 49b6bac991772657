"""Deadlines: the year by which a provision must hold (到2025年, 2022年起, “十四五”期间 → 2025)."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIVE_YEAR_PLANS = {"十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}
_YEAR = r"((?:19|20)\d{2})\s*年"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?:到|至|截至|截止到?|截止至)\s*{_YEAR}"),
    re.compile(rf"(?:自|从|由)\s*{_YEAR}"),
    re.compile(rf"{_YEAR}\s*(?:\d{{1,2}}\s*月\s*)?(?:年底|年末|底|末|前|以前|之前|起|开始|内|秋季|春季)"),
    re.compile(r"[“\"]?(十[三四五六]五)[”\"]?\s*(?:期间|末|时期|内)"),
)


@dataclass
class YearMention:
    position: int
    year: int


def _year_of(match: re.Match[str]) -> int:
    token = match.group(1)
    return FIVE_YEAR_PLANS[token] if token in FIVE_YEAR_PLANS else int(token)


def find_deadlines(text: str) -> list[YearMention]:
    mentions = [
        YearMention(match.start(), _year_of(match)) for pattern in _PATTERNS for match in pattern.finditer(text)
    ]
    return sorted(mentions, key=lambda mention: mention.position)


def deadline_near(text: str, position: int) -> int | None:
    """The last deadline before `position` in the sentence, else the first one after it."""
    mentions = find_deadlines(text)
    before = [mention for mention in mentions if mention.position <= position]
    if before:
        return before[-1].year
    return mentions[0].year if mentions else None


def first_deadline(text: str) -> int | None:
    mentions = find_deadlines(text)
    return mentions[0].year if mentions else None
