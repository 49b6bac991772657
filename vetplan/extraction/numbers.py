"""Numbers as plans write them: Arabic digits, Chinese numerals (两, 十, 百, 千, 万) and ranges."""

from __future__ import annotations

import re

import cn2an

Number = int | float

CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿"
NUMBER_PATTERN = rf"(?:\d+(?:\.\d+)?|[{CHINESE_DIGITS}]+)"
RANGE_DASHES = "—–\\-－~～至到"
_RANGE = re.compile(rf"^\s*({NUMBER_PATTERN})\s*[{RANGE_DASHES}]+\s*({NUMBER_PATTERN})\s*(.*)$")
_MIXED = re.compile(r"^(\d+(?:\.\d+)?)\s*([万亿])$")
_SIMPLE_CHINESE = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_SIMPLE_CHINESE.update({"六": 6, "七": 7, "八": 8, "九": 9, "十": 10})


def tidy(number: float) -> Number:
    """Return an int when the number is whole, so 2.0 prints as 2."""
    rounded = round(number, 6)
    return int(rounded) if rounded.is_integer() else rounded


def parse_number(text: str) -> Number | None:
    """Convert '2', '1.5', '两', '十二', '1.5万', '三千' to a number; None when it is not one."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        return tidy(float(text))
    except ValueError:
        pass
    if text in _SIMPLE_CHINESE:
        return _SIMPLE_CHINESE[text]
    mixed = _MIXED.match(text)
    if mixed:
        scale = 10_000 if mixed.group(2) == "万" else 100_000_000
        return tidy(float(mixed.group(1)) * scale)
    if not all(char in CHINESE_DIGITS for char in text):
        return None
    try:
        return tidy(float(cn2an.cn2an(text.replace("〇", "零"), "smart")))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def parse_range(text: str) -> tuple[Number, Number, str] | None:
    """Parse '1—2个', '10—20%', '2-3所' into (low, high, rest); None when it is not a range."""
    match = _RANGE.match(text)
    if not match:
        return None
    low, high = parse_number(match.group(1)), parse_number(match.group(2))
    if low is None or high is None or low > high:
        return None
    return low, high, match.group(3)


def is_chinese_numeral(text: str) -> bool:
    return bool(text) and all(char in CHINESE_DIGITS for char in text)
