"""A generated .xlsx cell as a spreadsheet application shows it, to compare with the pages and the docx.

Covers the number formats vetplan.core.spreadsheets writes: General, 0.0…, +0.0;-0.0;0.0, 0.0%, dates.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def shown(cell: Any) -> str:
    value, number_format = cell.value, cell.number_format
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        if "年" in number_format:
            pattern = number_format.replace('"', "").replace("yyyy", "%Y").replace("mm", "%m").replace("dd", "%d")
            return value.strftime(pattern.replace("m月", "%-m月").replace("月d", "月%-d"))
        return value.strftime("%Y-%m-%d %H:%M" if "hh" in number_format else "%Y-%m-%d")
    if isinstance(value, int | float):
        sections = number_format.split(";")
        section = sections[0]
        if len(sections) > 1 and value < 0:
            section, value = sections[1], -value
        if section == "General":
            return str(value)
        sign = section[0] if section[0] in "+-" else ""
        section = section.lstrip("+-")
        if section.endswith("%"):
            value, section = value * 100, section[:-1]
        decimals = len(section.partition(".")[2])
        return f"{sign}{value:.{decimals}f}" + ("%" if number_format.endswith("%") else "")
    return str(value)


def shown_rows(sheet: Any, min_row: int = 1) -> list[list[str]]:
    return [[shown(cell) for cell in row] for row in sheet.iter_rows(min_row=min_row)]
