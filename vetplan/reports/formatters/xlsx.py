"""Excel output: one sheet per table, a bold frozen header, wrapped text, sensible widths."""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from vetplan.reports.content import ReportDocument

THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E8ECF1")


def to_xlsx(document: ReportDocument) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    tables = document.tables()
    for index, table in enumerate(tables, start=1):
        sheet = workbook.create_sheet(_sheet_name(table.title or document.title, index))
        sheet.append([document.title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(table.columns)
        for row in table.rows:
            sheet.append(row)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        widths = table.widths or [1.0] * len(table.columns)
        total = sum(widths)
        for column, share in zip(sheet.iter_cols(min_row=2, max_row=sheet.max_row), widths, strict=False):
            letter = column[0].column_letter
            sheet.column_dimensions[letter].width = max(8, round(140 * share / total))
            for cell in column:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.border = BORDER
        sheet.freeze_panes = "A3"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _sheet_name(title: str, index: int) -> str:
    cleaned = re.sub(r"[\[\]:*?/\\]", "", title)[:28]
    return cleaned or f"表{index}"
