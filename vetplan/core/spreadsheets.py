"""What a generated spreadsheet cell holds: numbers as numbers, dates as dates, text never a formula.

Every .xlsx vetplan writes goes through `append_row` (or `spreadsheet_cell` for one value):

- int, float and Decimal are stored as numbers, so officials can SUM them; date and datetime as
  Excel dates (a zone-aware datetime in local time, since Excel has no time zones);
- text that a spreadsheet would run (`=HYPERLINK(...)`, `+1+1`, `-2+3`, `@SUM(...)`, or a leading tab
  or carriage return) gets a leading single quote, the OWASP rule against CSV/formula injection,
  and characters the xlsx format cannot hold (control characters) are dropped;
- with `read_figures=True` (report tables, whose generators hand over display text such as "85.3",
  "+2.1" or "2025-06-30") a plain figure or date written as text becomes a number or a date with a
  number format that shows it exactly as written; anything else stays text, neutralised as above.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

# What a spreadsheet application treats as the start of a formula (OWASP: CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISER = "'"

GENERAL = "General"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
# Excel keeps 15 significant digits: a longer digit string (an ID number) stays text.
MAX_DIGITS = 15

_FIGURE = re.compile(r"(?P<sign>[+-]?)(?P<whole>0|[1-9]\d*)(?:\.(?P<fraction>\d+))?(?P<percent>%?)")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")

CellValue = str | int | float | dt.date | dt.datetime | None


def safe_text(text: str) -> str:
    """Text as a spreadsheet shows it and never runs it."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return NEUTRALISER + text if text.startswith(FORMULA_TRIGGERS) else text


def spreadsheet_cell(value: Any, *, read_figures: bool = False) -> tuple[CellValue, str]:
    """The value a cell holds for `value`, and its number format."""
    if value is None:
        return None, GENERAL
    if isinstance(value, bool):
        return ("是" if value else "否"), GENERAL
    if isinstance(value, int):
        return value, GENERAL
    if isinstance(value, float | Decimal):
        number = float(value)
        return (number, GENERAL) if number == number and abs(number) != float("inf") else (None, GENERAL)
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return value, DATETIME_FORMAT
    if isinstance(value, dt.date):
        return value, DATE_FORMAT
    text = str(value)
    if read_figures:
        typed = _figure(text) or _date(text)
        if typed is not None:
            return typed
    return safe_text(text), GENERAL


def append_row(sheet: Any, values: list[Any], *, read_figures: bool = False) -> list[Cell]:
    """Append one row of values to a worksheet (normal or write-only) by the rule above; the cells, to style."""
    cells = []
    for value in values:
        stored, number_format = spreadsheet_cell(value, read_figures=read_figures)
        cell = Cell(sheet, row=1, column=1, value=stored)
        if number_format != GENERAL:
            cell.number_format = number_format
        cells.append(cell)
    sheet.append(cells)
    return cells


def _figure(text: str) -> tuple[CellValue, str] | None:
    match = _FIGURE.fullmatch(text.strip())
    if match is None or len(match["whole"] + (match["fraction"] or "")) > MAX_DIGITS:
        return None
    try:
        number = Decimal(text.strip().rstrip("%"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only decimals
        return None
    decimals = len(match["fraction"] or "")
    shown = "0" + ("." + "0" * decimals if decimals else "")
    if match["percent"]:
        number /= 100
        shown += "%"
    elif not decimals:
        shown = GENERAL
    if match["sign"] == "+":  # a change written "+2.1": keep the plus sign on show
        base = shown if shown != GENERAL else "0"
        shown = f"+{base};-{base};{base}"
    value: int | float = int(number) if number == number.to_integral_value() and not match["percent"] else float(number)
    return value, shown


def _date(text: str) -> tuple[CellValue, str] | None:
    text = text.strip()
    iso = _ISO_DATE.fullmatch(text)
    chinese = _CHINESE_DATE.fullmatch(text) if iso is None else None
    match = iso or chinese
    if match is None:
        return None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    if iso is not None:
        return day, DATE_FORMAT
    month = "mm" if len(match[2]) == 2 else "m"
    day_code = "dd" if len(match[3]) == 2 else "d"
    return day, f'yyyy"年"{month}"月"{day_code}"日"'
