"""Where a PDF report breaks lines and pages: a title keeps its numbers whole, and a heading, a
table's title or its header row never ends a page (issue 14: "（202 / 5年度）", a table left alone
at the foot of page 1)."""

from __future__ import annotations

import io
import re

from PIL import Image
from pypdf import PdfReader

from tests.reports.pdf_pages import pdf_lines, pdf_pages, unprinted
from vetplan.reports.content import Block, Chart, Heading, Paragraph, ReportDocument, Table
from vetplan.reports.formatters.pdf import to_pdf

SCHOOL_TITLE = "示范县职业技术教育中心质量年度报告（2025年度）"  # broke as "…（202" / "5年度）"
FILLER = "全县职业教育重点任务总体进展顺利。"  # one line of body text


def title_lines(content: bytes, title: str) -> list[str]:
    """The first lines of page 1, as many as the title takes."""
    lines, printed = [], ""
    for line in pdf_lines(content)[0]:
        lines.append(line)
        printed += line
        if printed == title:
            return lines
    raise AssertionError(f"the title is not the first text of page 1: {lines[:3]}")


def test_the_school_reports_title_breaks_before_its_year_not_inside_it() -> None:
    content = to_pdf(ReportDocument(title=SCHOOL_TITLE, issuer="示范县职业技术教育中心"))
    assert title_lines(content, SCHOOL_TITLE) == ["示范县职业技术教育中心质量年度报告", "（2025年度）"]


def test_no_title_is_broken_inside_a_number() -> None:
    # The number slides along the first line's end, so some title breaks at each of its digits.
    for lead in range(12, 22):
        title = "职" * lead + "业教育质量年度报告（2024—2027年）第1234567号"
        lines = title_lines(to_pdf(ReportDocument(title=title)), title)
        assert len(lines) > 1, title
        for number in re.findall(r"\d+", title):
            assert any(number in line for line in lines), (number, lines)


def table_after(filler_lines: int, first_row_lines: int = 4) -> ReportDocument:
    """Some lines of text, then a table whose first row takes several lines."""
    first_cell = "建设县域公共实训基地，开展订单式培养。" * first_row_lines
    return ReportDocument(
        title="督导报告",
        blocks=[
            *(Paragraph(FILLER) for _ in range(filler_lines)),
            Heading("二、评估结果"),
            Table(
                title="表1　结果运用",
                columns=["单位", "结果运用", "落实情况"],
                rows=[["县教体局", first_cell, "已落实"], *(["县人社局", "约谈", "已落实"] for _ in range(8))],
                widths=[1.0, 4.0, 1.0],
            ),
        ],
    )


def page_bodies(content: bytes) -> list[str]:
    """Each page's text without its number at the foot."""
    return [page.removesuffix(f"—{number}—") for number, page in enumerate(pdf_pages(content), start=1)]


def test_a_tables_title_and_header_row_are_never_alone_at_the_foot_of_a_page() -> None:
    # The table starts lower and lower on page 1 until it starts on page 2: at some of these
    # places its title and header row fit above the foot and its tall first row does not.
    for filler_lines in range(10, 24):
        document = table_after(filler_lines)
        content = to_pdf(document)
        assert unprinted(content, document) == "", filler_lines
        for body in page_bodies(content)[:-1]:
            for alone in ("二、评估结果", "表1结果运用", "单位结果运用落实情况"):
                assert not body.endswith(alone), f"{filler_lines} lines: a page ends with {alone}"


def test_a_header_row_repeated_on_a_new_page_keeps_a_row_under_it() -> None:
    document = table_after(3, first_row_lines=1)
    document.blocks.append(Table(title="", columns=["序号", "任务"], rows=[[str(n), FILLER * 4] for n in range(40)]))
    for body in page_bodies(to_pdf(document))[1:]:
        if "序号任务" in body:
            assert not body.endswith("序号任务")
            assert re.search(r"序号任务\d+全县", body), body[:40]


def chart_png() -> bytes:
    picture = io.BytesIO()
    Image.new("RGB", (640, 320), (200, 60, 60)).save(picture, format="PNG")
    return picture.getvalue()


def test_a_chart_keeps_its_caption_and_the_heading_above_it() -> None:
    for filler_lines in range(8, 22, 2):
        blocks: list[Block] = [Paragraph(FILLER) for _ in range(filler_lines)]
        document = ReportDocument(
            title="质量报告", blocks=[*blocks, Heading("二、人才培养"), Chart("图1　在校生规模", chart_png())]
        )
        content = to_pdf(document)
        for page, body in zip(PdfReader(io.BytesIO(content)).pages, page_bodies(content), strict=True):
            assert not body.endswith("二、人才培养"), filler_lines
            assert bool(page.images) == ("图1在校生规模" in body), filler_lines


def test_a_short_table_is_not_split_across_pages() -> None:
    # 附表 of three schools: it went two rows on one page, one alone on the next.
    for filler_lines in range(14, 22):
        document = ReportDocument(
            title="质量报告",
            blocks=[
                *(Paragraph(FILLER) for _ in range(filler_lines)),
                Table(
                    title="表8　各学校主要指标",
                    columns=["学校", "在校生"],
                    rows=[["职教中心", "1680"], ["一职高", "1260"], ["技工学校", "756"]],
                ),
            ],
        )
        pages = page_bodies(to_pdf(document))
        assert [body for body in pages if "学校在校生" in body] == [
            body for body in pages if "表8各学校主要指标学校在校生职教中心1680一职高1260技工学校756" in body
        ], filler_lines
