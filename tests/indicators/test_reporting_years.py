"""Every way in (form, Excel, API) accepts only years from the earliest plan's baseline to this year.

测试县's plan was issued in 2024, so with the default five baseline years data may be reported
for 2019 to the current year (frozen at 2026 here); 2030, 1 and 9999 are refused with the range.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import County
from tests.indicators.test_excel_upload import CODES, workbook
from vetplan.api.models import create_api_token
from vetplan.indicators.models import DataValue

RANGE = "应为 2019—2026 年"
BAD_YEARS = [2030, 1, 9999]


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(dt.datetime(2026, 5, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.parametrize("year", BAD_YEARS)
def test_the_form_refuses_a_year_out_of_range(county: County, client_as: Any, year: int) -> None:
    client = client_as(county.users["supervisor"])
    url = f"/data/entry/{county.school.pk}/{year}/"
    page = client.post(url, {"teachers_specialised": "10", "initial-teachers_specialised": ""}).content.decode()
    assert f"年份 {year} 不在可填报范围内：{RANGE}" in page
    assert page.count("不在可填报范围内") == 1  # one clear error, not one per field
    assert not DataValue.objects.exists()


@pytest.mark.parametrize("year", BAD_YEARS)
def test_the_excel_upload_refuses_a_year_out_of_range(county: County, client_as: Any, year: int) -> None:
    rows = [["测试县职业技术教育中心", 2025, 80, 40], ["测试县职业技术教育中心", year, 80, 40]]
    page = (
        client_as(county.users["supervisor"])
        .post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES)})
        .content.decode()
    )
    assert f"工作表“数据”第 4 行 B 列（年份）：年份 {year} 不在可填报范围内：{RANGE}" in page
    assert not DataValue.objects.exists()  # the good row is not saved either


@pytest.mark.parametrize("year", BAD_YEARS)
def test_the_api_refuses_a_year_out_of_range(county: County, client: Any, year: int) -> None:
    body = {"values": [{"organization": county.school.pk, "year": year, "element": "teachers_specialised", "value": 9}]}
    token = create_api_token(county.users["supervisor"])[1]
    response = client.post(
        "/api/data-values", json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        f"values[0].year：年份 {year} 不在可填报范围内：{RANGE}（自最早规划的基期至本报告年度）"
    ]
    assert not DataValue.objects.exists()


def test_the_current_year_and_the_baseline_are_accepted(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    for year in (2019, 2026):
        client.post(f"/data/entry/{county.school.pk}/{year}/", {"teachers_specialised": "10"})
    assert sorted(DataValue.objects.values_list("year", flat=True)) == [2019, 2026]
