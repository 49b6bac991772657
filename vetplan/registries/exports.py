"""Registry exports: the records a user sees as .xlsx, personal data masked unless the user's own unit's.

Text cells that a spreadsheet would read as a formula (=, +, -, @ first) are written with a
leading apostrophe (the OWASP CSV-injection rule); numbers and dates stay numbers and dates.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from urllib.parse import quote

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.styles import Font

from vetplan.registries.base import Registry
from vetplan.registries.identity import mask_id, mask_phone

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: Any) -> Any:
    """A value as a spreadsheet cell: numbers and dates as such, text never taken for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | dt.date):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def disposition(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


def _fields(registry: Registry) -> list[Any]:
    return [f for f in registry.model._meta.concrete_fields if f.name != "id"]


def _value(registry: Registry, record: Any, field: Any, unmasked: bool) -> Any:
    value = getattr(record, field.name)
    if field.choices:
        value = getattr(record, f"get_{field.name}_display")()
    elif field.is_relation and value is not None:
        value = str(value)
    if field.name in registry.personal_fields and value and not unmasked:
        value = mask_phone(value) if field.name == "phone" else mask_id(value)
    return safe(value)


def export_records(registry: Registry, records: QuerySet[Any], own_unit: int | None) -> tuple[bytes, int]:
    """(the workbook, how many records went out unmasked)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(registry.label)
    fields = _fields(registry)
    sheet.append([str(f.verbose_name) for f in fields])
    unmasked_count = 0
    owner_id = f"{registry.owner_field}_id"
    for record in records.iterator(chunk_size=2000):
        unmasked = bool(registry.personal_fields) and own_unit is not None and getattr(record, owner_id) == own_unit
        unmasked_count += unmasked
        sheet.append([_value(registry, record, field, unmasked) for field in fields])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue(), unmasked_count


def export_person(registry: Registry, record: Any) -> bytes:
    """应本人申请: one record and its related rows, unmasked."""
    book = Workbook()
    sheet = book.active
    sheet.title = "个人信息"
    for field in _fields(registry):
        sheet.append([str(field.verbose_name), _value(registry, record, field, unmasked=True)])
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 40
    for title, rows, names in registry.detail(record)["related"]:
        related = book.create_sheet(title[:31])
        model_fields = {f.name: f for f in rows.model._meta.concrete_fields}
        related.append([str(model_fields[name].verbose_name) for name in names])
        for cell in related[1]:
            cell.font = Font(bold=True)
        for row in rows:
            related.append(
                [
                    safe(str(getattr(row, name)) if model_fields[name].is_relation else getattr(row, name))
                    for name in names
                ]
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
