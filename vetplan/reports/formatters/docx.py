"""Word output in the 公文 layout (GB/T 9704): A4, standard margins, 小标宋 title, 仿宋 body in 三号,
黑体 first-level and 楷体 second-level headings, page numbers `— 1 —` at the foot."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vetplan.reports.content import Chart, Heading, Paragraph, ReportDocument, Table

TITLE_FONT = "方正小标宋简体"  # 小标宋; Word falls back to 宋体 where it is not installed
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312"}
SIZE_ER_HAO = Pt(22)  # 二号
SIZE_SAN_HAO = Pt(16)  # 三号
SIZE_TABLE = Pt(10.5)  # 五号, for dense tables


def to_docx(document: ReportDocument) -> bytes:
    doc = Document()
    _page_setup(doc, landscape=any(len(t.columns) > 4 for t in document.tables()))
    _set_default_font(doc)
    _title(doc, document)
    for block in document.blocks:
        if isinstance(block, Heading):
            _paragraph(doc, block.text, HEADING_FONTS.get(block.level, BODY_FONT), SIZE_SAN_HAO, indent=True)
        elif isinstance(block, Paragraph):
            _paragraph(doc, block.text, BODY_FONT, SIZE_SAN_HAO, indent=True)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Chart):
            doc.add_picture(io.BytesIO(block.png), width=Mm(150))
            _paragraph(doc, block.title, BODY_FONT, SIZE_TABLE, center=True)
    _page_numbers(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _page_setup(doc: Document, landscape: bool) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _set_default_font(doc: Document) -> None:
    style = doc.styles["Normal"]
    style.font.name = BODY_FONT
    style.font.size = SIZE_SAN_HAO
    style.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)


def _run_font(run: object, font: str, size: Pt, bold: bool = False) -> None:
    run.font.name = font  # type: ignore[attr-defined]
    run.font.size = size  # type: ignore[attr-defined]
    run.font.bold = bold  # type: ignore[attr-defined]
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)  # type: ignore[attr-defined]


def _paragraph(doc: Document, text: str, font: str, size: Pt, indent: bool = False, center: bool = False) -> None:
    paragraph = doc.add_paragraph()
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size.pt * 2)
    paragraph.paragraph_format.line_spacing = Pt(28)  # 固定值 28 磅, the usual 公文 spacing
    _run_font(paragraph.add_run(text), font, size)


def _title(doc: Document, document: ReportDocument) -> None:
    if document.doc_number:
        _paragraph(doc, document.doc_number, BODY_FONT, SIZE_SAN_HAO, center=True)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(16)
    _run_font(title.add_run(document.title), TITLE_FONT, SIZE_ER_HAO)
    if document.issuer or document.date:
        date = f"{document.date.year}年{document.date.month}月{document.date.day}日" if document.date else ""
        _paragraph(doc, "　".join(x for x in (document.issuer, date) if x), BODY_FONT, SIZE_SAN_HAO, center=True)


def _table(doc: Document, block: Table) -> None:
    if block.title:
        _paragraph(doc, block.title, HEADING_FONTS[1], SIZE_SAN_HAO, center=True)
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, name in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = ""
        _run_font(cell.paragraphs[0].add_run(name), HEADING_FONTS[1], SIZE_TABLE)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            _run_font(cell.paragraphs[0].add_run(value), BODY_FONT, SIZE_TABLE)
    if block.widths:
        section = doc.sections[0]
        usable = section.page_width - section.left_margin - section.right_margin
        total = sum(block.widths)
        for column, share in zip(table.columns, block.widths, strict=True):
            for cell in column.cells:
                cell.width = int(usable * share / total)


def _repeat_header(row: object) -> None:
    """The header row repeats on every page, as annex tables print."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _page_numbers(doc: Document) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run_font(paragraph.add_run("— "), BODY_FONT, Pt(14))
    run = paragraph.add_run()
    _run_font(run, BODY_FONT, Pt(14))
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), tag)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._element.append(element)
    _run_font(paragraph.add_run(" —"), BODY_FONT, Pt(14))
