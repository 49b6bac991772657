"""The 任务清单 export: the annex-table layout, re-opened, agrees with the task pages."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document

from tests.conftest import County
from tests.reports.pdf_pages import pdf_pages
from tests.reports.xlsx_shown import shown_rows
from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.task_list import COLUMNS, task_list_report

TODAY = dt.date(2026, 11, 25)


def test_the_xlsx_has_the_annex_columns_and_every_task(county: County) -> None:
    content = FORMATTERS["xlsx"](task_list_report(county.plan, TODAY))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = shown_rows(sheet)
    assert rows[1] == COLUMNS
    by_seq = {row[0]: row for row in rows[2:]}
    assert set(by_seq) == {"1", "2"}
    assert by_seq["1"][2] == "测试县教育体育局"
    assert "测试县人力资源和社会保障局" in by_seq["1"][3]
    assert by_seq["2"][5] == "逾期"  # deadline 2025-06-30, not done: the task pages say 逾期 too
    assert by_seq["1"][5] == "未开始"


def test_the_docx_uses_the_official_fonts_and_holds_the_table(county: County) -> None:
    document = Document(io.BytesIO(FORMATTERS["docx"](task_list_report(county.plan, TODAY))))
    title = next(p for p in document.paragraphs if p.text.endswith("任务清单"))
    assert title.runs[0].font.name == "方正小标宋简体"
    table = document.tables[0]
    assert [cell.text for cell in table.rows[0].cells] == COLUMNS
    assert len(table.rows) == 1 + county.plan.tasks.count()
    assert document.styles["Normal"].font.name == "仿宋_GB2312"
    footer_xml = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml  # page numbers


def test_the_pdf_holds_every_task_on_numbered_landscape_pages(county: County) -> None:
    pages = pdf_pages(FORMATTERS["pdf"](task_list_report(county.plan, TODAY)))
    assert pages[0].startswith("测试县职业教育行动计划任务清单")
    assert "".join(COLUMNS) in pages[0] and "测试县教育体育局" in pages[0] and "逾期" in pages[0]
    assert pages[-1].endswith(f"—{len(pages)}—")


def test_the_report_list_offers_every_format(county: County, client_as: Any) -> None:
    page = client_as(county.users["school_reporter"]).get(reverse("reports:report_list")).content.decode()
    for fmt in FORMATTERS:
        assert reverse("reports:task_list", args=[county.plan.pk, fmt]) in page


def test_a_reporter_downloads_the_task_list_of_its_plan(county: County, client_as: Any) -> None:
    response = client_as(county.users["school_reporter"]).get(
        reverse("reports:task_list", args=[county.plan.pk, "docx"])
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]


def test_an_outsider_cannot_download_another_countys_task_list(county: County, client_as: Any) -> None:
    response = client_as(county.users["outsider"]).get(reverse("reports:task_list", args=[county.plan.pk, "xlsx"]))
    assert response.status_code == 404


def test_an_unknown_format_is_not_found(county: County, client_as: Any) -> None:
    response = client_as(county.users["supervisor"]).get(reverse("reports:task_list", args=[county.plan.pk, "exe"]))
    assert response.status_code == 404


def test_the_command_writes_the_file(county: County, tmp_path: Any) -> None:
    out = tmp_path / "tasks.xlsx"
    call_command("report", "task-list", "--plan", str(county.plan.pk), "--format", "xlsx", "--out", str(out))
    assert openpyxl.load_workbook(out).active.max_row == 2 + county.plan.tasks.count()


def test_the_command_asks_for_the_subject_of_the_kind(county: County) -> None:
    with pytest.raises(CommandError, match="--round"):
        call_command("report", "round", "--plan", str(county.plan.pk))
    with pytest.raises(CommandError, match="没有编号为 999999 的通报"):
        call_command("report", "bulletin", "--bulletin", "999999")


def test_the_plan_page_offers_the_task_list(county: County, client_as: Any) -> None:
    page = client_as(county.users["school_reporter"]).get(reverse("plans:plan_detail", args=[county.plan.pk]))
    for fmt in FORMATTERS:
        assert reverse("reports:task_list", args=[county.plan.pk, fmt]) in page.content.decode()
