"""The PDF formatter: A4 公文 layout with embedded CJK fonts, wrapped tables, page numbers, charts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from tests.reports.pdf_pages import ink_share, pdf_pages, render_first_page
from vetplan.reports.content import Chart, Heading, Paragraph, ReportDocument, Table
from vetplan.reports.fonts import FontMissingError
from vetplan.reports.formatters import pdf as pdf_formatter
from vetplan.reports.formatters.pdf import to_pdf

A4 = (595, 842)  # points


def long_document(rows: int = 80) -> ReportDocument:
    return ReportDocument(
        title="测试县职业教育督导报告",
        issuer="测试县教育督导室",
        blocks=[
            Heading("一、总体情况"),
            Paragraph("本年度全县职业教育重点任务总体进展顺利，" * 12),
            Table(
                title="任务进展",
                columns=["序号", "工作任务", "牵头单位", "进展"],
                rows=[
                    [str(n), f"第{n}项任务：建设县域公共实训基地，开展订单式培养。" * 2, "县教体局", "进行中"]
                    for n in range(1, rows + 1)
                ],
                widths=[0.6, 6.0, 1.6, 1.0],
            ),  # fmt: skip
        ],
    )


def test_it_is_an_a4_document_with_searchable_chinese_text() -> None:
    content = to_pdf(long_document(rows=3))
    reader = PdfReader(io.BytesIO(content))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(width), round(height)) == A4
    text = pdf_pages(content)[0]
    assert text.startswith("测试县职业教育督导报告")
    assert "一、总体情况" in text and "第3项任务" in text


def test_it_embeds_the_cjk_fonts_it_finds() -> None:
    content = to_pdf(long_document(rows=1))
    fonts = {
        font["/BaseFont"]
        for page in PdfReader(io.BytesIO(content)).pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }
    assert any("NotoSerifCJK" in name for name in fonts)
    assert any("NotoSansCJK" in name for name in fonts)


def test_the_table_header_repeats_on_every_page_and_pages_are_numbered() -> None:
    pages = pdf_pages(to_pdf(long_document(rows=80)))
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert "序号工作任务牵头单位进展" in text, f"page {number} lost the header row"
        assert text.endswith(f"—{number}—")
    assert "第80项任务" in pages[-1]


def test_a_wide_table_turns_the_page_to_landscape() -> None:
    document = ReportDocument(title="宽表", blocks=[Table(title="", columns=list("ABCDEF"), rows=[list("123456")])])
    page = PdfReader(io.BytesIO(to_pdf(document))).pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == A4[::-1]


def test_it_embeds_charts() -> None:
    picture = io.BytesIO()
    Image.new("RGB", (400, 200), (200, 60, 60)).save(picture, format="PNG")
    document = ReportDocument(title="图表", blocks=[Chart(title="图1 各单位得分", png=picture.getvalue())])
    content = to_pdf(document)
    assert len(PdfReader(io.BytesIO(content)).pages[0].images) == 1
    assert "图1各单位得分" in pdf_pages(content)[0]


def test_the_first_page_renders_with_ink(tmp_path: Path) -> None:
    image = render_first_page(to_pdf(long_document(rows=20)), tmp_path)
    if image is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    assert abs(image.width / image.height - A4[0] / A4[1]) < 0.01
    assert 0.02 < ink_share(image) < 0.6  # text and table lines, not a blank or black page


def test_missing_fonts_name_the_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(pdf_formatter.FACES, pdf_formatter.SERIF, ("Nowhere CJK SC", "NowhereCJK-Regular.ttc"))
    with pytest.raises(FontMissingError, match="fonts-noto-cjk"):
        to_pdf(long_document(rows=1))


def test_without_fontconfig_it_finds_the_fonts_where_debian_puts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_formatter.shutil, "which", lambda name: None)
    found = pdf_formatter._find_font.__wrapped__("Noto Serif CJK SC:style=Regular", "NotoSerifCJK-Regular.ttc")
    assert found.path.name == "NotoSerifCJK-Regular.ttc"
    assert found == pdf_formatter._find_font("Noto Serif CJK SC:style=Regular", "NotoSerifCJK-Regular.ttc")
