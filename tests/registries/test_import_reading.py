"""Reading an uploaded workbook: the zip-bomb check first, cells as the columns expect them, true row numbers."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest

from tests.registries.helpers import workbook
from vetplan.extraction.archives import ZipLimits
from vetplan.registries import pipeline
from vetplan.registries.pipeline import Column, ImportRefused, ImportResult, SheetSpec, date, integer, read_rows, text

SHEET = SheetSpec(
    "学生",
    (
        Column("学籍号", "number", text(30), required=True),
        Column("年级", "grade", integer(1, 6)),
        Column("入学日期", "enrolled", date),
        Column("联系电话", "phone", text(20)),
    ),
)
HEAD = ["*学籍号", "年级", "入学日期", "联系电话"]


def read(rows: list[list[Any]]) -> tuple[dict[str, list[Any]], ImportResult]:
    result = ImportResult()
    return read_rows(workbook({"学生": [HEAD, *rows]}), [SHEET], result), result


def test_numbers_typed_as_numbers_read_like_text_and_whole_numbers_as_integers() -> None:
    rows, result = read([[20250001, 2.0, dt.date(2025, 9, 1), 13812345678], ["S2", 3, "2024-09-01", "  "]])
    assert result.ok, result.errors
    assert [dict(row.values) for row in rows["学生"]] == [
        {"number": "20250001", "grade": 2, "enrolled": dt.date(2025, 9, 1), "phone": "13812345678"},
        {"number": "S2", "grade": 3, "enrolled": dt.date(2024, 9, 1), "phone": None},
    ]


def test_blank_rows_are_skipped_and_errors_keep_the_sheets_row_numbers() -> None:
    rows, result = read([["S1", 1], [None, None], ["S3", 2.5, "九月"]])
    assert [row.number for row in rows["学生"]] == [2, 4]
    assert result.errors == [
        "工作表“学生”第 4 行 B 列（年级）“2.5”：不是整数",
        "工作表“学生”第 4 行 C 列（入学日期）“九月”：不是日期，应写作 2024-09-01",
    ]


def test_a_header_moved_to_another_column_is_still_found() -> None:
    result = ImportResult()
    data = workbook({"学生": [["联系电话", "*学籍号"], ["13800000000", "S1"]]})
    rows = read_rows(data, [SHEET], result)
    assert rows["学生"][0].values["number"] == "S1" and rows["学生"][0].values["phone"] == "13800000000"


def test_a_file_that_unpacks_too_large_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "XLSX_LIMITS", ZipLimits(members=1000, unpacked=1000, member=1000))
    opened: list[bytes] = []
    monkeypatch.setattr(pipeline.CalamineWorkbook, "from_filelike", opened.append, raising=False)
    with pytest.raises(ImportRefused, match="解压后有 .* MB，超过上限"):
        read_rows(workbook({"学生": [HEAD, *[["S" * 50, 1]] * 50]}), [SHEET], ImportResult())
    assert opened == []


@pytest.mark.parametrize("data", [b"not a zip", b"PK\x03\x04 broken", b""])
def test_a_file_that_is_not_a_workbook_is_refused(data: bytes) -> None:
    with pytest.raises(ImportRefused, match="不是有效的 .xlsx|文件无法读取"):
        read_rows(data, [SHEET], ImportResult())


def test_a_zip_that_is_not_a_workbook_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "你好")
    with pytest.raises(ImportRefused, match="文件无法读取"):
        read_rows(out.getvalue(), [SHEET], ImportResult())
