"""Filled data templates for the upload tests, written the way openpyxl writes them."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook


def workbook(
    rows: list[list[Any]], codes: list[str], *, streamed: bool = False, name: str = "data.xlsx"
) -> SimpleUploadedFile:
    """Sheet 数据 with the header rows and `rows`; `streamed` writes it in openpyxl's write-only mode,
    which declares no sheet size (the reader cannot know the rows before reading them)."""
    book = Workbook(write_only=streamed)
    sheet = book.create_sheet("数据") if streamed else book.active
    sheet.title = "数据"
    sheet.append(["单位", "年份", *codes])
    sheet.append(["", "", *codes])
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return SimpleUploadedFile(name, out.getvalue())
