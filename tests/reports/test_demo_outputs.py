"""Every official output of the demo county, in every format, re-opened as a reader would open it
(docx: python-docx, xlsx: openpyxl, pdf: rendered to PNG by pdftoppm), with the figures the
dashboard and the round results page show for the same data."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from docx import Document
from PIL import Image
from pypdf import PdfReader

from tests.reports.pdf_pages import ink_share, pdf_text
from tests.reports.xlsx_shown import shown_rows
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan
from vetplan.reports.content import ReportDocument
from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.kinds import KINDS
from vetplan.reports.models import QualityReport
from vetplan.reports.supervision_report import RESULT_COLUMNS
from vetplan.supervision.models import Bulletin, InspectionRound

YEAR = 2025  # the demo's last year of figures


def reopen_docx(content: bytes) -> list[list[list[str]]]:
    """Each table's rows, header first."""
    document = Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def reopen_xlsx(content: bytes) -> list[list[list[str]]]:
    """Each sheet's table (one per sheet, below the title row), header first."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [shown_rows(sheet, min_row=2) for sheet in workbook]


def year_rows(tables: list[list[list[str]]]) -> dict[str, str]:
    """Indicator name → the year's figure, from the tables whose third column is the year."""
    return {row[0].split("（")[0]: row[2] for rows in tables if rows[0][2] == f"{YEAR}年" for row in rows[1:]}


def render_pdf(content: bytes, tmp_path: Path) -> list[Image.Image]:
    """Every page as a picture at 30 dpi."""
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm (poppler-utils) is installed by `make test`"
    tmp_path.mkdir(parents=True, exist_ok=True)
    source = tmp_path / "report.pdf"
    source.write_bytes(content)
    subprocess.run([pdftoppm, "-r", "30", "-png", source, tmp_path / "page"], check=True, timeout=120)  # noqa: S603
    return [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page*.png"))]


def subjects() -> dict[str, Any]:
    region = load_demo_county().region
    return {
        "task-list": Plan.objects.get(region=region),
        "round": InspectionRound.objects.get(region=region),
        "bulletin": Bulletin.objects.get(region=region, status=Bulletin.Status.PUBLISHED),
        "quality": QualityReport.objects.get(region=region, organization=None, year=YEAR),
    }


def test_every_output_reopens_in_every_format(db: Any, tmp_path: Path) -> None:
    for kind, subject in subjects().items():
        document = KINDS[kind].generate(subject, timezone.localdate())
        for fmt, formatter in FORMATTERS.items():
            content = formatter(document)
            where = f"{kind}.{fmt}"
            if fmt == "docx":
                reopened = Document(io.BytesIO(content))
                assert reopened.paragraphs[0].text == document.title, where
                assert len(reopened.tables) == len(document.tables()), where
            elif fmt == "xlsx":
                assert len(openpyxl.load_workbook(io.BytesIO(content)).worksheets) == len(document.tables()), where
            else:
                pages = render_pdf(content, tmp_path / kind)
                assert len(pages) == len(PdfReader(io.BytesIO(content)).pages) >= 1, where
                assert all(ink_share(page) > 0.005 for page in pages), f"{where}: a blank page"
                assert pdf_text(content).startswith("".join(document.title.split())), where


def dashboard_figures(client: Any) -> tuple[dict[str, str], dict[int, dict[str, str]]]:
    """The dashboard's drill-down for the demo year: the county's totals and each unit's figures."""
    html = client.get(reverse("indicators:dashboard"), {"year": YEAR}).content.decode()
    table = BeautifulSoup(html, "html.parser").select_one("#drilldown")
    assert table is not None
    names = [th.get_text(strip=True).split("（")[0] for th in table.select("thead th")[1:]]
    county: dict[str, str] = {}
    units: dict[int, dict[str, str]] = {}
    for row in table.select("tbody tr"):
        cells = [td.get_text(strip=True) for td in row.find_all("td")]
        if "total" in (row.get("class") or []):
            county = dict(zip(names, cells, strict=True))
        elif row.find("a"):
            units[int(row.find("a")["href"].rpartition("=")[2])] = dict(zip(names, cells[1:], strict=True))
    return county, units


def report_rows(document: ReportDocument) -> dict[str, str]:
    """Indicator name → its figure for the year, from the report's own tables (label `名称（单位）`)."""
    return {
        row[0].split("（")[0]: row[2]
        for table in document.tables()
        if table.columns[2] == f"{YEAR}年"
        for row in table.rows
    }


def test_the_quality_reports_show_the_dashboards_figures(db: Any, client_as: Any, tmp_path: Path) -> None:
    region = load_demo_county().region
    from django.contrib.auth import get_user_model

    county, units = dashboard_figures(client_as(get_user_model().objects.get(username="duban")))
    assert len(county) >= 5, "the demo links targets to several indicators"

    report = QualityReport.objects.get(region=region, organization=None, year=YEAR)
    document = KINDS["quality"].generate(report, timezone.localdate())
    compared = {name: value for name, value in county.items() if name in report_rows(document)}
    assert len(compared) >= 5
    assert {name: report_rows(document)[name] for name in compared} == compared

    docx_rows = year_rows(reopen_docx(FORMATTERS["docx"](document)))
    xlsx_rows = year_rows(reopen_xlsx(FORMATTERS["xlsx"](document)))
    text = pdf_text(FORMATTERS["pdf"](document))
    for name, value in compared.items():
        assert docx_rows[name] == value and xlsx_rows[name] == value, name
        assert value in text, name

    # The annex's row per school, and each school's own report, equal the dashboard's row for it.
    annex = next(t for t in document.tables() if t.title.endswith(f"各学校主要指标（{YEAR}年）"))
    names = [column.split("（")[0] for column in annex.columns[1:]]
    schools = {o.name: o.pk for o in Organization.objects.filter(type=Organization.Type.SCHOOL, region=region)}
    assert {row[0] for row in annex.rows} == set(schools)
    for row in annex.rows:
        shown = units[schools[row[0]]]
        for name, value in zip(names, row[1:], strict=True):
            if name in shown:
                assert value == shown[name], (row[0], name)
    for school_report in QualityReport.objects.filter(region=region, organization__isnull=False):
        rows = report_rows(KINDS["quality"].generate(school_report, timezone.localdate()))
        shown = units[school_report.organization_id]
        assert {n: rows[n] for n in shown if n in rows} == {n: v for n, v in shown.items() if n in rows}
        assert any(n in rows for n in shown)


def test_the_round_report_shows_the_round_results_page(db: Any, client_as: Any) -> None:
    from django.contrib.auth import get_user_model

    round_ = subjects()["round"]
    reader = get_user_model().objects.get(username="renshe")  # a reader of the region: no score inputs
    page = client_as(reader).get(reverse("supervision:round_detail", args=[round_.pk]))
    body = BeautifulSoup(page.content.decode(), "html.parser").select_one("#assessments tbody")
    assert body is not None
    page_rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in body.find_all("tr")]
    document = KINDS["round"].generate(round_, timezone.localdate())
    for tables in (reopen_docx(FORMATTERS["docx"](document)), reopen_xlsx(FORMATTERS["xlsx"](document))):
        results = next(rows for rows in tables if rows[0] == RESULT_COLUMNS)
        assert results[1:] == page_rows
    assert len(page_rows) == round_.assessments.count() >= 5
