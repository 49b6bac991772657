"""The one rule for generated spreadsheet cells: numbers and dates typed, text never a formula."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook

from vetplan.core.spreadsheets import append_row, safe_text, spreadsheet_cell


def reopened(values: list[object], *, read_figures: bool = False) -> list[object]:
    """The row as a spreadsheet application reads it back."""
    book = Workbook()
    append_row(book.active, values, read_figures=read_figures)
    out = io.BytesIO()
    book.save(out)
    row = next(load_workbook(io.BytesIO(out.getvalue())).active.iter_rows())
    return list(row)


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("http://x.example","点击")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]
)
def test_it_prefixes_text_a_spreadsheet_would_run_with_a_quote(text: str) -> None:
    assert safe_text(text) == "'" + text
    (cell,) = reopened([text])
    assert cell.data_type == "s" and cell.value == "'" + text


def test_it_leaves_ordinary_text_alone() -> None:
    assert safe_text("县职教中心 = 示范校") == "县职教中心 = 示范校"
    assert safe_text("—") == "—"


def test_it_drops_characters_the_xlsx_format_cannot_hold() -> None:
    (cell,) = reopened(["任务\x0b一\x00"])
    assert cell.value == "任务一"


def test_numbers_are_stored_as_numbers() -> None:
    cells = reopened([12, Decimal("87.50"), 0.25])
    assert [c.value for c in cells] == [12, 87.5, 0.25]
    assert all(c.data_type == "n" for c in cells)


def test_dates_are_stored_as_dates_and_aware_times_in_local_time() -> None:
    aware = dt.datetime(2026, 3, 1, 2, 30, tzinfo=dt.UTC)
    day, moment = reopened([dt.date(2026, 6, 30), aware])
    assert day.is_date and day.value == dt.datetime(2026, 6, 30)
    assert moment.is_date and moment.value == aware.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None)


@pytest.mark.parametrize(
    ("text", "value", "number_format"),
    [
        ("12", 12, "General"),
        ("85.3", 85.3, "0.0"),
        ("87.50", 87.5, "0.00"),
        ("-2.1", -2.1, "0.0"),
        ("+2.1", 2.1, "+0.0;-0.0;0.0"),
        ("0", 0, "General"),
        ("85%", 0.85, "0%"),
    ],
)
def test_report_figures_written_as_text_become_numbers_shown_as_written(
    text: str, value: float, number_format: str
) -> None:
    assert spreadsheet_cell(text, read_figures=True) == (value, number_format)


@pytest.mark.parametrize("text", ["007", "110101199001011234", "1.2.3", "３", "³", "①", "12 人", "—"])
def test_codes_and_other_text_stay_text(text: str) -> None:
    stored, _ = spreadsheet_cell(text, read_figures=True)
    assert stored == text


def test_report_dates_written_as_text_become_dates() -> None:
    assert spreadsheet_cell("2026-10-09", read_figures=True) == (dt.date(2026, 10, 9), "yyyy-mm-dd")
    assert spreadsheet_cell("2025年06月30日", read_figures=True) == (dt.date(2025, 6, 30), 'yyyy"年"mm"月"dd"日"')
    assert spreadsheet_cell("2025-02-30", read_figures=True) == ("2025-02-30", "General")


def test_figures_are_read_only_when_asked() -> None:
    assert spreadsheet_cell("12") == ("12", "General")
    assert spreadsheet_cell("-2.1") == ("'-2.1", "General")
