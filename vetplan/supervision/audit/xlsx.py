"""The filtered audit trail as an Excel workbook: times as dates, text that cannot run as a formula."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from vetplan.core.spreadsheets import safe_text
from vetplan.supervision.audit.trail import AuditEntry

COLUMNS = [("时间", 20), ("操作人", 14), ("类别", 12), ("对象", 40), ("操作", 8), ("变更内容（前 → 后）", 70)]


def changes_text(entry: AuditEntry) -> str:
    lines = []
    for change in entry.changes:
        lines.append(
            f"{change.label}：{change.new}" if change.old is None else f"{change.label}：{change.old} → {change.new}"
        )
    return "\n".join(lines)


def to_xlsx(title: str, note: str, entries: Iterable[AuditEntry]) -> bytes:
    """`entries` may be a generator: rows are written as they come (a write-only workbook)."""
    workbook = Workbook(write_only=True)
    sheet: WriteOnlyWorksheet = workbook.create_sheet("督导操作记录")
    for index, (_, width) in enumerate(COLUMNS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A4"
    sheet.append([_text(sheet, safe_text(title), bold=True)])
    sheet.append([_text(sheet, safe_text(note))])
    sheet.append([_text(sheet, label, bold=True) for label, _ in COLUMNS])
    wrap = Alignment(wrap_text=True, vertical="top")
    for entry in entries:
        when = WriteOnlyCell(sheet, value=_local(entry.when))
        when.number_format = "yyyy-mm-dd hh:mm:ss"
        texts = [entry.user, entry.category, entry.obj, entry.action, changes_text(entry)]
        row = [when]
        for text in texts:
            cell = WriteOnlyCell(sheet, value=safe_text(text))
            cell.alignment = wrap
            row.append(cell)
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _text(sheet: WriteOnlyWorksheet, text: str, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text)
    if bold:
        cell.font = Font(bold=True)
    return cell


def _local(when: dt.datetime) -> dt.datetime:
    """Excel has no time zones: the local time (settings.TIME_ZONE), without its offset."""
    local = timezone.localtime(when).replace(tzinfo=None) if timezone.is_aware(when) else when
    return local.replace(microsecond=0)
