"""The Excel template of a data set, and reading a filled template into a checked DataBatch.

Layout of sheet “数据”: row 1 the headers (单位, 年份, then each element's name and unit),
row 2 the element codes (the reader trusts the codes, not the names), data from row 3.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from vetplan.indicators.access import dataset_of, reportable_organizations
from vetplan.indicators.models import DataElement, Dataset, DataValue
from vetplan.indicators.validation import DataBatch, Location

SHEET = "数据"
FIRST_ROW = 3


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


def read_upload(user: Any, upload: Any) -> DataBatch:
    """Every row checked; the batch's errors name sheet, row, column and reason."""
    batch = DataBatch(user)
    try:
        book = load_workbook(upload, data_only=True, read_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        batch.errors.append("文件无法读取：请上传由本系统下载的 .xlsx 模板。")
        return batch
    if SHEET not in book.sheetnames:
        batch.errors.append(f"文件中没有名为“{SHEET}”的工作表：请使用本系统下载的模板。")
        return batch
    rows = list(book[SHEET].iter_rows(values_only=True))
    if len(rows) < 2:
        batch.errors.append(f"工作表“{SHEET}”缺少表头和数据项代码行。")
        return batch
    headers, codes = rows[0], rows[1]
    columns = []
    for index, code in enumerate(codes[2:], start=3):
        if code in (None, ""):
            continue
        letter = get_column_letter(index)
        element = batch.element(str(code), Location.cell(SHEET, 2, letter))
        if element is not None:
            columns.append((index - 1, letter, element))
    for number, row in enumerate(rows[FIRST_ROW - 1 :], start=FIRST_ROW):
        if row is None or all(cell in (None, "") for cell in row):
            continue
        org = batch.organization(row[0] if row else None, Location.cell(SHEET, number, "A", "单位"))
        year = batch.year(row[1] if len(row) > 1 else None, Location.cell(SHEET, number, "B", "年份"), org)
        for index, letter, element in columns:
            raw = row[index] if index < len(row) else None
            batch.add(org, year, element, raw, Location.cell(SHEET, number, letter, element.name))
    del headers
    return batch
