"""Excel output: one sheet per table, a bold frozen header, wrapped text, sensible widths.

Cells go through vetplan.core.spreadsheets: figures and dates the generators wrote as text become
numbers and dates (shown as written), other text can never run as a formula. A document without a
table (a bulletin that names no unit) still gets a sheet: its title and its text.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from vetplan.core.spreadsheets import append_row
from vetplan.reports.content import Heading, Paragraph, ReportDocument

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8ECF1")
TEXT_SHEET = "正文"


def to_xlsx(document: ReportDocument) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    tables = document.tables()
    for index, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(_sheet_name(table.title or document.title, index))
        append_row(sheet, [document.title])[0].font = Font(bold=True, size=14)
        for cell in append_row(sheet, table.columns):
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        for row in table.rows:
            append_row(sheet, row, read_figures=True)
        widths = table.widths or [1.0] * len(table.columns)
        total = sum(widths)
        for column, share in zip(sheet.iter_cols(min_row=2, max_row=sheet.max_row), widths, strict=False):
            letter = column[0].column_letter
            sheet.column_dimensions[letter].width = max(8, round(140 * share / total))
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.border = BORDER
        sheet.freeze_panes = "A3"
    if not tables:
        _text_sheet(workbook, document)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _text_sheet(workbook: Workbook, document: ReportDocument) -> None:
    sheet = workbook.create_sheet(TEXT_SHEET)
    append_row(sheet, [document.title])[0].font = Font(bold=True, size=14)
    for block in document.blocks:
        if isinstance(block, Heading):
            append_row(sheet, [block.text])[0].font = Font(bold=True)
        elif isinstance(block, Paragraph):
            append_row(sheet, [block.text])
    sheet.column_dimensions["A"].width = 120
    for (cell,) in sheet.iter_rows(min_row=2):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _sheet_name(title: str, index: int) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "", title)[:28]
    return cleaned or f"表{index}"
