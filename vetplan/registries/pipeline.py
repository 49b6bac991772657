"""One import pipeline for every registry: template, check everything, save all or nothing.

A registry declares its sheets (`SheetSpec`: a name and its columns, each with a header, a
parser and whether it is required) and how checked rows become records (`Registry.save`).
The pipeline reads an .xlsx with python-calamine (after a zip-bomb check), parses every cell of
every sheet, collects errors that name sheet, row, column, value and reason (the first
`MAX_ERRORS`, then a count), and only when there is none hands the rows to the registry,
which upserts by natural key (身份证号, 学籍号, 信用代码 ...) in one transaction: a re-import
of the same file changes nothing.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from python_calamine import CalamineWorkbook
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from vetplan.extraction.archives import XLSX_LIMITS, ArchiveError, check_zip
from vetplan.registries.identity import credit_code_error, id_number_error, normalise_id

MAX_ERRORS = 100
MAX_ROWS = 200_000
BATCH = 2000


class CellInvalid(ValueError):
    """A cell's value does not fit its column; the message is the reason, in Chinese."""


class ImportRefused(ValueError):
    """A file that cannot be imported at all (not an .xlsx, a sheet missing, too large)."""


Parser = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    parse: Parser
    required: bool = False
    note: str = ""  # shown in the template's 说明 sheet


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    required: bool = True  # a registry's main sheet must be there; detail sheets may be left out


class RowValues(Mapping[str, Any]):
    """A row's parsed values by column key: a tuple, and its sheet's key → position index shared by every
    row (a dict per row would take three times the memory of a 100,000-row file)."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: tuple[Any, ...]) -> None:
        self._index = index
        self._values = values

    def __getitem__(self, key: str) -> Any:
        return self._values[self._index[key]]

    def get(self, key: str, default: Any = None) -> Any:
        position = self._index.get(key)
        return default if position is None else self._values[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


NOTHING_REFUSED: frozenset[str] = frozenset()


@dataclass(slots=True)
class Row:
    sheet: str
    number: int
    values: Mapping[str, Any]
    invalid: AbstractSet[str] = NOTHING_REFUSED  # columns whose cell was refused (already reported)


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.error_count

    def add_error(self, text: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(text)

    def summary(self) -> str:
        if not self.ok:
            more = (
                f"（另有 {self.error_count - len(self.errors)} 处错误未列出）"
                if self.error_count > len(self.errors)
                else ""
            )
            return f"发现 {self.error_count} 处错误，未保存任何记录{more}。"
        if not self.created and not self.updated:
            return f"文件中的 {self.unchanged} 条记录与已有记录相同，没有任何修改。"
        return f"新增 {self.created} 条，更新 {self.updated} 条，未变 {self.unchanged} 条。"


# ---------------------------------------------------------------- cell parsers


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(max_length: int) -> Parser:
    def parse(value: Any) -> str | None:
        if _blank(value):
            return None
        out = str(value).strip()
        if len(out) > max_length:
            raise CellInvalid(f"超过 {max_length} 个字")
        return out

    return parse


def date(value: Any) -> dt.date | None:
    if _blank(value):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", str(value).strip())
    if not match:
        raise CellInvalid("不是日期，应写作 2024-09-01")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise CellInvalid("不是有效日期") from None


def integer(low: int = 0, high: int = 10_000_000) -> Parser:
    def parse(value: Any) -> int | None:
        if _blank(value):
            return None
        if isinstance(value, bool):
            raise CellInvalid("不是整数")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text_value = str(value).strip()
        if not re.fullmatch(r"-?[0-9]+", text_value):
            raise CellInvalid("不是整数")
        number = int(text_value)
        if not low <= number <= high:
            raise CellInvalid(f"应在 {low}—{high} 之间")
        return number

    return parse


def decimal_number(value: Any) -> float | None:
    if _blank(value):
        return None
    try:
        number = float(str(value).strip().replace(",", ""))
    except ValueError:
        raise CellInvalid("不是数字") from None
    if number < 0 or number != number:
        raise CellInvalid("不能为负数")
    return number


def yes_no(value: Any) -> bool | None:
    if _blank(value):
        return None
    if isinstance(value, bool):
        return value
    mapping = {"是": True, "否": False, "有": True, "无": False, "y": True, "n": False, "1": True, "0": False}
    key = str(value).strip().lower()
    if key not in mapping:
        raise CellInvalid("应填“是”或“否”")
    return mapping[key]


def choice(options: Sequence[tuple[str, str]]) -> Parser:
    """`options` are (stored value, label); the cell holds the label."""
    by_label = {label: stored for stored, label in options}

    def parse(value: Any) -> str | None:
        if _blank(value):
            return None
        label = str(value).strip()
        if label not in by_label:
            raise CellInvalid(f"应为{'、'.join(by_label)}之一")
        return by_label[label]

    return parse


def id_number(value: Any) -> str | None:
    if _blank(value):
        return None
    number = normalise_id(value)
    reason = id_number_error(number)
    if reason:
        raise CellInvalid(f"身份证号{reason}")
    return number


def credit_code(value: Any) -> str | None:
    if _blank(value):
        return None
    code = normalise_id(value)
    reason = credit_code_error(code)
    if reason:
        raise CellInvalid(f"统一社会信用代码{reason}")
    return code


# ---------------------------------------------------------------- templates and reading


def build_template(sheets: Sequence[SheetSpec], title: str) -> bytes:
    """The registry's Excel template: a sheet per SheetSpec with its headers, and a 说明 sheet."""
    book = Workbook()
    book.remove(book.active)
    for spec in sheets:
        sheet = book.create_sheet(spec.name)
        sheet.append([("*" if column.required else "") + column.header for column in spec.columns])
        for index, column in enumerate(spec.columns, start=1):
            sheet.cell(row=1, column=index).font = Font(bold=True)
            sheet.cell(row=1, column=index).fill = PatternFill("solid", fgColor="F2F2F2")
            sheet.column_dimensions[get_column_letter(index)].width = max(12, len(column.header) * 2 + 4)
        sheet.freeze_panes = "A2"
    notes = book.create_sheet("说明")
    notes.append([f"{title}导入模板：每个工作表第 1 行为表头（带 * 的必填），从第 2 行起每行一条记录。"])
    notes.append(
        ["上传时先检查全部工作表的每一行，有任何错误则一条也不保存；再次导入同一文件按唯一编号更新，不会重复。"]
    )
    for spec in sheets:
        for column in spec.columns:
            if column.note:
                notes.append([f"{spec.name} · {column.header}：{column.note}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _check_zip(data: bytes) -> None:
    """The zip container checked before calamine reads a byte (zip bombs), as every upload is."""
    try:
        check_zip(data, XLSX_LIMITS)
    except zipfile.BadZipFile:
        raise ImportRefused("文件不是有效的 .xlsx：请用本系统下载的模板填写后上传。") from None
    except ArchiveError as error:
        raise ImportRefused(f"{error.reason}：请拆分为多个文件后导入。") from None


PROGRESS_ROWS = 2000  # a background import reports its reading every this many rows


def read_rows(
    data: bytes,
    sheets: Sequence[SheetSpec],
    result: ImportResult,
    progress: Callable[[int], None] | None = None,
) -> dict[str, list[Row]]:
    """Every sheet's rows, parsed cell by cell; errors go to `result`; `progress(rows read)` as it goes.

    calamine holds a sheet's cells in compact Rust structures; the rows reach Python one at a time.
    """
    _check_zip(data)
    unreadable = ImportRefused("文件无法读取：请用本系统下载的模板填写后上传。")
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine raises several kinds for a file that is not a workbook
        raise unreadable from None
    out: dict[str, list[Row]] = {}
    total = 0
    try:
        for spec in sheets:
            if spec.name not in book.sheet_names:
                if spec.required:
                    raise ImportRefused(f"文件中没有名为“{spec.name}”的工作表：请用本系统下载的模板。")
                out[spec.name] = []
                continue
            rows = _sheet_rows(book, spec.name)
            header = next(rows, None) or ()
            parse_row = _row_parser(spec, _positions(spec, header, result), result)
            parsed: list[Row] = []
            for number, cells in enumerate(rows, start=2):
                if all(_blank(cell) for cell in cells):
                    continue
                total += 1
                if total > MAX_ROWS:
                    raise ImportRefused(f"文件超过 {MAX_ROWS} 行，请拆分后分批导入。")
                parsed.append(parse_row(number, cells))
                if progress is not None and total % PROGRESS_ROWS == 0:
                    progress(total)
            out[spec.name] = parsed
    except ImportRefused:
        raise
    except Exception:  # a sheet part that is not XML, a broken archive member
        raise unreadable from None
    finally:
        book.close()
    return out


def _sheet_rows(book: CalamineWorkbook, name: str) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows from row 1 and column A on, with the values openpyxl's read-only mode gives.

    calamine's range starts at the first used cell, so leading empty rows and columns are put back to
    keep row numbers and column letters true. It reads every number as a float and an empty cell as
    "": a whole float becomes an int (Excel stores 5 as "5", which openpyxl reads as 5) and "" None.
    Dates come as date or datetime, booleans as bool, a formula as its cached value.
    """
    sheet = book.get_sheet_by_name(name)
    if sheet.start is None:  # an empty sheet
        return
    first_row, first_column = sheet.start
    for _ in range(first_row):
        yield ()
    pad: tuple[Any, ...] = (None,) * first_column
    for cells in sheet.iter_rows():
        yield pad + tuple(
            None
            if cell == ""
            else int(cell)
            if type(cell) is float and cell.is_integer() and abs(cell) < 2**53
            else cell
            for cell in cells
        )


def _positions(spec: SheetSpec, header: tuple[Any, ...], result: ImportResult) -> dict[str, int]:
    names = [re.sub(r"^\*", "", str(cell or "").strip()) for cell in header]
    positions = {}
    for column in spec.columns:
        if column.header in names:
            positions[column.key] = names.index(column.header)
        elif column.required:
            result.add_error(f"工作表“{spec.name}”缺少“{column.header}”列：请用本系统下载的模板。")
    return positions


def _row_parser(
    spec: SheetSpec, positions: dict[str, int], result: ImportResult
) -> Callable[[int, tuple[Any, ...]], Row]:
    """The sheet's row parser: every column's cell through its parser, refusals and missing required
    cells reported to `result` (column by column, in the sheet's order)."""
    index = {column.key: i for i, column in enumerate(spec.columns)}
    plan = [
        (
            column,
            positions.get(column.key),
            get_column_letter(positions[column.key] + 1) if column.key in positions else "?",
        )
        for column in spec.columns
    ]

    def parse_row(number: int, cells: tuple[Any, ...]) -> Row:
        values: list[Any] = []
        invalid: AbstractSet[str] = NOTHING_REFUSED
        width = len(cells)
        for column, position, letter in plan:
            raw = cells[position] if position is not None and position < width else None
            try:
                value = column.parse(raw)
            except CellInvalid as error:
                result.add_error(cell_error(spec.name, number, letter, column.header, raw, str(error)))
                invalid = {*invalid, column.key}
                value = None
            else:
                if value is None and column.required:
                    result.add_error(cell_error(spec.name, number, letter, column.header, raw, "必填"))
            values.append(value)
        return Row(spec.name, number, RowValues(index, tuple(values)), invalid)

    return parse_row


def cell_error(sheet: str, row: int, column: str, header: str, value: Any, reason: str) -> str:
    shown = "" if _blank(value) else f"“{value}”"
    return f"工作表“{sheet}”第 {row} 行 {column} 列（{header}）{shown}：{reason}"


def row_error(row: Row, spec: SheetSpec, key: str, reason: str) -> str:
    """An error found after parsing (an unknown code, end before start), named like a cell error."""
    index = next(i for i, column in enumerate(spec.columns) if column.key == key)
    column = spec.columns[index]
    return cell_error(row.sheet, row.number, get_column_letter(index + 1), column.header, row.values.get(key), reason)


# ---------------------------------------------------------------- saving


def upsert(
    model: type[models.Model],
    key: Callable[[Any], tuple[Any, ...]],
    incoming: Iterable[models.Model],
    existing: dict[tuple[Any, ...], models.Model],
    fields: Sequence[str],
    result: ImportResult,
    by: Any = None,
) -> dict[tuple[Any, ...], models.Model]:
    """Insert new records and update changed ones (compared field by field), with their history.

    `existing` maps natural keys to the stored records; the saved records are returned by key.
    """
    new, changed, saved = [], [], {}
    # A relation is compared and copied by its id: reading `stored.school` would fetch it, row by row.
    attnames = [model._meta.get_field(name).attname for name in fields]
    for record in incoming:
        k = key(record)
        stored = existing.get(k)
        if stored is None:
            new.append(record)
            saved[k] = record
            continue
        if any(getattr(stored, name) != getattr(record, name) for name in attnames):
            for name in attnames:
                setattr(stored, name, getattr(record, name))
            changed.append(stored)
        else:
            result.unchanged += 1
        saved[k] = stored
    user = by if getattr(by, "is_authenticated", False) else None
    tracked = hasattr(model, "history")
    # Batch by batch, so a batch's history rows are the only ones held at a time.
    for start in range(0, len(new), BATCH):
        batch = new[start : start + BATCH]
        if tracked:
            created = bulk_create_with_history(batch, model, batch_size=BATCH, default_user=user)
        else:
            created = model._default_manager.bulk_create(batch, batch_size=BATCH)
        for record in created:
            saved[key(record)] = record
    result.created += len(new)
    for start in range(0, len(changed), BATCH):
        batch = changed[start : start + BATCH]
        if tracked:
            bulk_update_with_history(batch, model, list(fields), batch_size=BATCH, default_user=user)
        else:
            model._default_manager.bulk_update(batch, list(fields), batch_size=BATCH)
    result.updated += len(changed)
    return saved


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a file's rows and records are built and saved.

    A 100,000-row file makes millions of objects that all live until the import ends; every full
    pass of the collector walks all of them, which took a third of the import's time. Rows and
    records form no garbage cycles meanwhile; the collector runs again as soon as the import ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@transaction.atomic
def save_all(work: Callable[[], None]) -> None:
    """All or nothing: the registry's saves run in one transaction."""
    work()
