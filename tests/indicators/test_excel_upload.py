"""The Excel template of a data set: download, fill, upload; every row checked, all saved or nothing."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.workbooks import workbook
from vetplan.indicators.models import DataValue
from vetplan.orgs.models import Organization

CODES = ["teachers_specialised", "teachers_dual_qualified"]


def test_the_template_lists_the_users_units_and_the_data_sets_elements(county: County, client_as: Any) -> None:
    OrganizationFactory(name="测试县第二职业中学", type=Organization.Type.SCHOOL, region=county.region)
    client = client_as(county.users["supervisor"])
    response = client.get(reverse("indicators:template_download"), {"dataset": "school", "year": "2025"})
    assert response.status_code == 200
    sheet = load_workbook(BytesIO(response.content))["数据"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("单位", "年份", "专业课教师数（人）")
    assert rows[1][2] == "teachers_specialised"
    assert [r[0] for r in rows[2:]] == ["测试县职业技术教育中心", "测试县第二职业中学"]


def test_a_school_reporters_template_has_its_own_row_only(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    response = client.get(reverse("indicators:template_download"), {"dataset": "school", "year": "2025"})
    rows = list(load_workbook(BytesIO(response.content))["数据"].iter_rows(values_only=True))
    assert [r[0] for r in rows[2:]] == ["测试县职业技术教育中心"]


def test_a_clean_upload_saves_every_row(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    upload = workbook([["测试县职业技术教育中心", 2024, 80, 50], ["县职教中心", 2025, 82, 60]], CODES)
    response = client.post(reverse("indicators:data_upload"), {"file": upload})
    assert response.status_code == 302
    assert DataValue.objects.filter(organization=county.school, source="excel").count() == 4


def test_one_bad_row_saves_nothing_and_names_the_row_and_column(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    rows = [
        ["测试县职业技术教育中心", 2023, 80, 50],
        ["测试县职业技术教育中心", 2024, 80, "五十"],
        ["测试县职业技术教育中心", 2025, 80, 60],
    ]
    response = client.post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES)})
    assert response.status_code == 200
    page = response.content.decode()
    assert "工作表“数据”第 4 行 D 列（双师型教师数）：“五十”不是数字" in page
    assert "未保存任何数据" in page
    assert not DataValue.objects.exists()


def test_it_reports_unknown_units_duplicates_ranges_and_rules(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    rows = [
        ["不存在的学校", 2025, 10, 5],
        ["测试县职业技术教育中心", 2025, 80, 90],
        ["测试县职业技术教育中心", 2025, 80, 50],
        ["测试县职业技术教育中心", 1899, -1, 5],
    ]
    page = client.post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES)}).content.decode()
    assert "第 3 行 A 列（单位）：未知单位“不存在的学校”" in page
    assert "第 4 行 D 列（双师型教师数）：双师型教师数（90）不能大于专业课教师数（80）" in page
    assert "第 5 行 C 列（专业课教师数）：与工作表“数据”第 4 行 C 列（专业课教师数）重复" in page
    assert "第 6 行 B 列（年份）：年份 1899 不在可填报范围内：应为 2019—" in page
    assert "第 6 行 C 列（专业课教师数）：数值 -1 不能为负数" in page
    assert not DataValue.objects.exists()


def test_a_reporter_cannot_upload_another_units_rows(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    rows = [["测试县人力资源和社会保障局", 2025, 10, 5]]
    page = client.post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES)}).content.decode()
    assert "第 3 行 A 列（单位）：无权填报单位“测试县人力资源和社会保障局”的数据" in page
    assert not DataValue.objects.exists()


def test_it_refuses_a_file_that_is_not_a_workbook(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    upload = SimpleUploadedFile("data.xlsx", b"not a workbook")
    page = client.post(reverse("indicators:data_upload"), {"file": upload}).content.decode()
    assert "文件无法读取" in page
