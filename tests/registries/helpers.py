"""Registry test helpers: a workbook from rows, catalogue majors, identity numbers that check."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook

from vetplan.registries.identity import credit_with_check, with_check_digit
from vetplan.registries.models import CatalogueMajor, MajorLevel


def workbook(sheets: dict[str, list[list[Any]]]) -> bytes:
    """Sheets by name, each a header row then data rows."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def person(n: int, birth: str = "20070901") -> str:
    """A valid 身份证号: region 990102 (the test county), the birth date, a serial n."""
    return with_check_digit(f"990102{birth}{n % 1000:03d}")


def company(n: int) -> str:
    return credit_with_check(f"91990102MA{n:07d}")


def bad_check_digit(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


def catalogue() -> dict[str, CatalogueMajor]:
    rows = [
        ("660301", "机电技术应用", "装备制造大类", "6603", "机电设备类"),
        ("710201", "计算机应用", "电子与信息大类", "7102", "计算机类"),
        ("610101", "现代农艺技术", "农林牧渔大类", "6101", "农业类"),
    ]
    return {
        code: CatalogueMajor.objects.get_or_create(
            edition=2021,
            code=code,
            defaults={
                "name": name,
                "level": MajorLevel.SECONDARY,
                "category_code": code[:2],
                "category": category,
                "class_code": class_code,
                "class_name": class_name,
            },
        )[0]
        for code, name, category, class_code, class_name in rows
    }
