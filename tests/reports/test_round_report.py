"""The 督导报告 of a round: every output re-opened shows the figures of the round results page."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from tests.conftest import County
from tests.reports.pdf_pages import ink_share, pdf_text, render_first_page
from tests.reports.supervision_data import scored_round
from tests.reports.xlsx_shown import shown_rows
from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.supervision_report import RESULT_COLUMNS, round_report
from vetplan.supervision.models import InspectionRound

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def round_(county: County) -> InspectionRound:
    return scored_round(county)


def results_page_rows(county: County, client_as: Any, round_: InspectionRound) -> list[list[str]]:
    """The results table as a reader of the region sees it (no score inputs)."""
    page = client_as(county.users["department_reporter"]).get(reverse("supervision:round_detail", args=[round_.pk]))
    table = BeautifulSoup(page.content.decode(), "html.parser").select_one("#assessments tbody")
    assert table is not None
    return [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in table.find_all("tr")]


def test_the_xlsx_results_equal_the_round_results_page(county: County, client_as: Any, round_: InspectionRound) -> None:
    workbook = openpyxl.load_workbook(io.BytesIO(FORMATTERS["xlsx"](round_report(round_, TODAY))))
    rows = shown_rows(workbook["督导评估结果"])
    assert rows[1] == RESULT_COLUMNS
    page_rows = results_page_rows(county, client_as, round_)
    assert rows[2:] == page_rows
    assert page_rows[0][:2] == ["1", "县职教中心"]  # the school leads, as tests/supervision/test_rounds.py
    assert workbook["整改通知"]["C3"].value == "校企合作实训基地建设滞后。"
    assert workbook["约谈记录"]["C3"].value == "华信机械总经理"


def test_the_docx_holds_the_overview_results_orders_and_interviews(
    county: County, client_as: Any, round_: InspectionRound
) -> None:
    document = Document(io.BytesIO(FORMATTERS["docx"](round_report(round_, TODAY))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].text == "2026年度职业教育定期督导报告"
    assert "2026年度定期督导" in text and "共督导3个单位" in text and "按时完成权重40" in text
    assert "测试县教育督导室" in text
    results, orders, interviews = document.tables
    assert [[cell.text for cell in row.cells] for row in results.rows[1:]] == results_page_rows(
        county, client_as, round_
    )
    assert orders.rows[1].cells[5].text == "待整改"
    assert interviews.rows[1].cells[4].text == "11月底前完成设备采购。"


def test_the_pdf_shows_every_unit_and_score(
    county: County, client_as: Any, round_: InspectionRound, tmp_path: Path
) -> None:
    content = FORMATTERS["pdf"](round_report(round_, TODAY))
    text = pdf_text(content)
    for row in results_page_rows(county, client_as, round_):
        rank, unit, _, _, _, _, _, total, grade, _ = row
        assert f"{rank}{unit}" in text and f"{total}{grade}" in text
    assert "校企合作实训基地建设滞后" in text and "华信机械总经理" in text
    image = render_first_page(content, tmp_path)
    if image is not None:  # pdftoppm (poppler-utils) installed
        assert ink_share(image) > 0.02


def test_an_unscored_round_says_so(county: County) -> None:
    from vetplan.supervision import services

    round_ = services.create_round(county.region, by=None, year=2026, title="专项督导", units=[county.hr])
    document = round_report(round_, TODAY)
    assert document.title == "专项督导报告"
    assert any("本轮尚未计算评分结果" in getattr(block, "text", "") for block in document.blocks)
    assert document.tables()[0].rows == [["—", "县人社局", "0/0", "—", "—", "—", "0", "—", "—", "—"]]


def test_a_supervisor_downloads_the_round_report_as_pdf(
    county: County, client_as: Any, round_: InspectionRound
) -> None:
    response = client_as(county.users["supervisor"]).get(reverse("reports:round_report", args=[round_.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF")


def test_the_results_page_offers_the_report_to_supervisors_only(
    county: County, client_as: Any, round_: InspectionRound
) -> None:
    url = reverse("reports:round_report", args=[round_.pk, "pdf"])
    page = client_as(county.users["supervisor"]).get(reverse("supervision:round_detail", args=[round_.pk]))
    assert url in page.content.decode()
    page = client_as(county.users["department_reporter"]).get(reverse("supervision:round_detail", args=[round_.pk]))
    assert url not in page.content.decode()


def test_a_reporter_cannot_download_the_round_report(county: County, client_as: Any, round_: InspectionRound) -> None:
    response = client_as(county.users["department_reporter"]).get(
        reverse("reports:round_report", args=[round_.pk, "docx"])
    )
    assert response.status_code == 403


def test_another_countys_round_is_not_found(county: County, client_as: Any) -> None:
    from vetplan.supervision import services

    assert county.other_region is not None
    other = services.create_round(
        county.other_region, by=None, year=2026, title="邻县督导", units=[county.other_region.organizations.first()]
    )
    response = client_as(county.users["supervisor"]).get(reverse("reports:round_report", args=[other.pk, "xlsx"]))
    assert response.status_code == 404


def test_the_command_writes_the_round_report(county: County, round_: InspectionRound, tmp_path: Path) -> None:
    out = tmp_path / "round.pdf"
    call_command("report", "round", "--round", str(round_.pk), "--format", "pdf", "--out", str(out))
    assert "县职教中心" in pdf_text(out.read_bytes())


def test_the_report_names_the_rounds_own_criteria_and_the_consequences(county: County, round_: InspectionRound) -> None:
    from decimal import Decimal

    from vetplan.supervision.services import add_round_criterion
    from vetplan.supervision.services.consequences import record_consequence

    supervisor = county.users["supervisor"]
    add_round_criterion(round_, by=supervisor, name="校企合作情况", weight=Decimal(10), max_score=Decimal(20))
    enterprise = round_.assessments.get(organization=county.enterprise)
    order = enterprise.organization.rectification_orders.get()
    record_consequence(enterprise, by=supervisor, kind="rectification", note="实训基地建设滞后", carried_by=order)
    record_consequence(enterprise, by=supervisor, kind="annual_review")
    text = " ".join(getattr(block, "text", "") for block in round_report(round_, TODAY).blocks)
    assert "本轮另设校企合作情况权重10（满分20）" in text and "不参评" in text
    table = next(b for b in round_report(round_, TODAY).blocks if getattr(b, "title", "") == "结果运用")
    assert [row[1] for row in table.rows] == ["限期整改", "纳入年度考核"]
    assert table.rows[1][3] == "待落实" and table.rows[0][3] != "待落实"
