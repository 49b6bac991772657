"""The 通报 download: public once published, not found as a draft except by supervisors."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import openpyxl
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document

from tests.conftest import County
from tests.reports.pdf_pages import ink_share, pdf_text, render_first_page
from tests.reports.supervision_data import draft_bulletin, published_bulletin, scored_round
from vetplan.reports.bulletin import bulletin_report
from vetplan.reports.formatters import FORMATTERS

TODAY = dt.date(2026, 11, 25)


def test_anonymous_downloads_a_published_bulletin(county: County, client_as: Any) -> None:
    bulletin = published_bulletin(county)
    response = client_as(None).get(reverse("reports:bulletin", args=[bulletin.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "县职教中心按期完成任务" in pdf_text(response.content)


def test_a_draft_is_not_found_except_by_supervisors(county: County, client_as: Any) -> None:
    draft = draft_bulletin(county)
    url = reverse("reports:bulletin", args=[draft.pk, "docx"])
    assert client_as(None).get(url).status_code == 404
    assert client_as(county.users["school_reporter"]).get(url).status_code == 404
    response = client_as(county.users["supervisor"]).get(url)
    assert response.status_code == 200
    assert Document(io.BytesIO(response.content)).paragraphs[2].text.strip() == "（草稿，尚未发布。）"


def test_the_bulletin_page_offers_the_downloads(county: County, client_as: Any) -> None:
    bulletin = published_bulletin(county)
    page = client_as(None).get(reverse("supervision:bulletin_detail", args=[bulletin.pk])).content.decode()
    for fmt in FORMATTERS:
        assert reverse("reports:bulletin", args=[bulletin.pk, fmt]) in page


def test_a_praise_bulletin_names_its_units_with_their_round_results(county: County, tmp_path: Path) -> None:
    round_ = scored_round(county)
    bulletin = published_bulletin(county, round_, organizations=[county.school, county.enterprise])
    document = bulletin_report(bulletin, TODAY)
    assert document.issuer == "测试县教育督导室"
    assert document.date == timezone.localdate(bulletin.published_at)  # dated on publication, not printing
    school = round_.assessments.get(organization=county.school)
    sheet = openpyxl.load_workbook(io.BytesIO(FORMATTERS["xlsx"](document))).active
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    # The total and the rank are numbers, for a spreadsheet to add up.
    assert rows["县职教中心"][2:] == (float(school.total), school.get_grade_display(), school.rank)
    content = FORMATTERS["pdf"](document)
    text = pdf_text(content)
    assert "通报表扬单位" in text and f"县职教中心{school.total}{school.get_grade_display()}" in text
    image = render_first_page(content, tmp_path)
    if image is not None:  # pdftoppm (poppler-utils) installed
        assert ink_share(image) > 0.01


def test_the_command_writes_the_bulletin(county: County, tmp_path: Path) -> None:
    bulletin = published_bulletin(county)
    out = tmp_path / "bulletin.docx"
    call_command("report", "bulletin", "--bulletin", str(bulletin.pk), "--format", "docx", "--out", str(out))
    assert Document(str(out)).paragraphs[0].text == bulletin.title
