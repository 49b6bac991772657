"""The Excel template of a data set, and reading a filled template into a checked DataBatch.

Layout of sheet “数据”: row 1 the headers (单位, 年份, then each element's name and unit),
row 2 the element codes (the reader trusts the codes, not the names), data from row 3.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.conf import settings
from openpyxl import Workbook
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.functions import iterparse

from vetplan.extraction.archives import XLSX_LIMITS, ArchiveError, ArchiveSize, check_zip
from vetplan.indicators.access import dataset_of, reportable_organizations
from vetplan.indicators.models import DataElement, Dataset, DataValue
from vetplan.indicators.validation import DataBatch, Location

SHEET = "数据"
FIRST_ROW = 3

Progress = Callable[[int, int | None], None]  # (rows read, rows expected or None)


def build_template(user: Any, dataset: str, year: int) -> bytes:
    elements = list(DataElement.objects.filter(dataset=dataset, computed=False))
    orgs = [o for o in reportable_organizations(user).order_by("path") if dataset_of(o) == dataset]
    stored = {
        (v.organization_id, v.element_id): v.value
        for v in DataValue.objects.filter(organization__in=orgs, year=year, element__in=elements)
    }
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(["单位", "年份", *[f"{e.name}（{e.unit}）" if e.unit else e.name for e in elements]])
    sheet.append(["", "", *[e.code for e in elements]])
    for org in orgs:
        sheet.append([org.name, year, *[stored.get((org.pk, e.pk)) for e in elements]])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(color="888888", size=8)
        cell.fill = PatternFill("solid", fgColor="F2F2F2")
    sheet.column_dimensions["A"].width = 32
    for index in range(3, len(elements) + 3):
        sheet.column_dimensions[get_column_letter(index)].width = 16
    sheet.freeze_panes = "C3"
    notes = book.create_sheet("说明")
    notes.append(
        [f"{Dataset(dataset).label}填报模板：第 2 行为数据项代码，请勿修改；从第 3 行起每行一个单位、一个年份。"]
    )
    notes.append(["空白单元格表示不填报；整数项请填整数；上传时先检查全部行，有任何错误则一行也不保存。"])
    out = BytesIO()
    book.save(out)
    return out.getvalue()


class UploadError(ValueError):
    """A file that cannot be read as the data template at all; the message says why, in Chinese."""


@dataclass(frozen=True)
class UploadShape:
    """How big an upload is, known before its rows are read (to choose: now, or as a background job)."""

    size: int  # bytes uploaded
    rows: int  # data rows: the sheet's declared size, else estimated from its unpacked bytes


# An undeclared sheet (openpyxl's write-only mode writes none) is estimated at this many XML bytes a row.
BYTES_PER_ROW = 200


def inspect_upload(upload: Any) -> UploadShape:
    """The upload's size and rows; UploadError for a file that is not a readable template (a zip bomb included)."""
    archive = _check_archive(upload)
    size = _size_of(upload)
    sheets = sum(bytes_ for name, bytes_ in archive.sizes.items() if name.startswith("xl/worksheets/"))
    estimated = sheets // BYTES_PER_ROW
    if size > settings.VETPLAN_BACKGROUND_UPLOAD_BYTES:
        return UploadShape(size, estimated)  # large enough for the background whatever its rows
    book, sheet = _open_sheet(upload)
    try:
        declared = sheet.max_row - FIRST_ROW + 1 if sheet.max_row else None
    finally:
        book.close()
    return UploadShape(size, max(declared, 0) if declared is not None else estimated)


def runs_in_background(shape: UploadShape) -> bool:
    """Large uploads are checked and saved by `vetplan worker`, not in the request."""
    return shape.size > settings.VETPLAN_BACKGROUND_UPLOAD_BYTES or shape.rows > settings.VETPLAN_BACKGROUND_UPLOAD_ROWS


def read_upload(user: Any, upload: Any, progress: Progress | None = None) -> DataBatch:
    """Every row checked, streamed from the sheet; the batch's errors name sheet, row, column and reason.

    Stops at `VETPLAN_MAX_UPLOAD_ROWS` data rows with an error (nothing is saved then);
    `progress(rows read, rows expected or None)` is called every few thousand rows.
    """
    batch = DataBatch(user)
    try:
        _check_archive(upload)
        book, sheet = _open_sheet(upload)
    except UploadError as error:
        batch.fail(str(error))
        return batch
    try:
        _read_rows(batch, sheet, progress)
    finally:
        book.close()  # a read-only workbook keeps its file open until closed
    return batch


def _read_rows(batch: DataBatch, sheet: Any, progress: Progress | None) -> None:
    limit = settings.VETPLAN_MAX_UPLOAD_ROWS
    declared = sheet.max_row - FIRST_ROW + 1 if sheet.max_row else None
    if declared is not None and declared > limit:
        batch.fail(_too_many_rows(limit, declared))
        return
    rows = sheet.iter_rows(values_only=True)
    headers, codes = next(rows, None), next(rows, None)
    if headers is None or codes is None:
        batch.fail(f"工作表“{SHEET}”缺少表头和数据项代码行。")
        return
    columns = []
    for index, code in enumerate(codes[2:], start=3):
        if code in (None, ""):
            continue
        letter = get_column_letter(index)
        element = batch.element(str(code), Location.cell(SHEET, 2, letter))
        if element is not None:
            columns.append((index - 1, letter, element))
    read = 0
    for number, row in enumerate(rows, start=FIRST_ROW):  # openpyxl yields a missing row as empty
        read += 1
        if read > limit:
            batch.fail(_too_many_rows(limit))
            return
        if progress is not None and read % PROGRESS_EVERY == 0:
            progress(read, declared)
        if row is None or all(cell in (None, "") for cell in row):
            continue
        width = len(row)
        org = batch.organization(row[0] if width else None, Location.cell(SHEET, number, "A", "单位"))
        year = batch.year(row[1] if width > 1 else None, Location.cell(SHEET, number, "B", "年份"), org)
        for index, letter, element in columns:
            raw = row[index] if index < width else None
            if raw is not None:
                batch.add(org, year, element, raw, Location.cell(SHEET, number, letter, element.name))
    if progress is not None:
        progress(read, read)


PROGRESS_EVERY = 2000


def _too_many_rows(limit: int, found: int | None = None) -> str:
    count = f"有 {found} 行数据，" if found is not None else ""
    return f"工作表“{SHEET}”{count}超过每次上传 {limit} 行的上限：请拆分为几个文件分别上传（未保存任何数据）。"


def _check_archive(upload: Any) -> ArchiveSize:
    try:
        return check_zip(upload, XLSX_LIMITS)  # before openpyxl unpacks anything
    except ArchiveError as error:
        raise UploadError(f"文件无法读取：{error.reason}。") from error
    except (zipfile.BadZipFile, OSError) as error:
        raise UploadError(NOT_A_TEMPLATE) from error


class _SizedSheet(ReadOnlyWorksheet):
    def _get_size(self) -> None:
        """The sheet's declared size, looked for before its data only.

        openpyxl's own look-up waits for <sheetData>'s end tag, so a sheet that declares no size
        (openpyxl's write-only mode writes none) is parsed whole just to be opened: 100,000 rows
        read twice. Start tags carry the attributes needed.
        """
        with self._get_source() as source:
            for _event, element in iterparse(source, events=("start",)):
                if element.tag == DIMENSION_TAG:
                    self._min_column, self._min_row, self._max_column, self._max_row = SheetDimension.from_tree(
                        element
                    ).boundaries
                    return
                if element.tag == DATA_TAG:
                    return


class _StreamingReader(ExcelReader):
    """openpyxl's read-only loading (load_workbook), with sheets sized as _SizedSheet does."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                worksheet = _SizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                worksheet.sheet_state = sheet.state
                self.wb._sheets.append(worksheet)


def _open_sheet(upload: Any) -> tuple[Any, Any]:
    try:
        reader = _StreamingReader(upload, read_only=True, data_only=True, keep_links=False)
        reader.read()
        book = reader.wb
    except Exception as error:  # openpyxl raises many kinds for a file that is not xlsx
        raise UploadError(NOT_A_TEMPLATE) from error
    if SHEET not in book.sheetnames:
        book.close()
        raise UploadError(f"文件中没有名为“{SHEET}”的工作表：请使用本系统下载的模板。")
    return book, book[SHEET]


NOT_A_TEMPLATE = "文件无法读取：请上传由本系统下载的 .xlsx 模板。"


def _size_of(upload: Any) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        size = upload.seek(0, 2)
        upload.seek(0)
    return int(size)
