"""Formatters turn a ReportDocument into a file: `FORMATTERS[fmt](document) -> bytes`."""

from __future__ import annotations

from collections.abc import Callable

from vetplan.reports.content import ReportDocument
from vetplan.reports.formatters.docx import to_docx
from vetplan.reports.formatters.pdf import to_pdf
from vetplan.reports.formatters.xlsx import to_xlsx

FORMATTERS: dict[str, Callable[[ReportDocument], bytes]] = {
    "docx": to_docx,
    "xlsx": to_xlsx,
    "pdf": to_pdf,
}

# Raised when a formatter lays the same content out differently, so that the files cached by content
# (reports/views.py) are laid out anew: xlsx 2 typed its figures and neutralised formula-like text;
# pdf 2 subsets its fonts, breaks lines between words and numbers and keeps a table's header with rows.
LAYOUT_VERSIONS = {"docx": 1, "xlsx": 2, "pdf": 2}

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
