"""Integers from outside: ASCII digits only, range-checked; "³", "①" or an overflow is never a 500."""

from __future__ import annotations

import json
import re
from io import BytesIO
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import Workbook

from tests.conftest import County
from vetplan.api.models import create_api_token
from vetplan.core.params import MAX_ID, parse_int, query_int

NOT_IDS = ["³", "①", "٣", "１２", "99999999999999999999", str(MAX_ID + 1), "-1", "0", "1e5", " ", "12abc"]
OVERFLOWS = ["99999999999999999999", str(MAX_ID + 1)]
# Every query-string integer a page reads, with a page that reads it.
QUERY_PARAMS = [
    ("/tasks/", "unit"),
    ("/tasks/", "plan"),
    ("/targets/", "plan"),
    ("/targets/", "year"),
    ("/reports/", "plan"),
    ("/data/", "plan"),
    ("/data/", "org"),
    ("/data/", "year"),
    ("/data/completeness/", "region"),
    ("/data/completeness/", "year"),
    ("/supervision/bulletins/new/", "consequence"),
    ("/supervision/interviews/new/", "consequence"),
    ("/supervision/orders/new/", "consequence"),
]


@pytest.mark.parametrize("text", NOT_IDS)
def test_only_ascii_digits_in_range_make_an_id(text: str) -> None:
    assert parse_int(text) is None


def test_an_id_in_range_is_read() -> None:
    assert parse_int("12") == 12 and parse_int(" 7 ") == 7 and parse_int(12) == 12
    assert parse_int(str(MAX_ID)) == MAX_ID
    assert parse_int(True) is None and parse_int(1.0) is None and parse_int(None) is None
    assert query_int(RequestFactory().get("/", {"year": "2025"}), "year", low=1, high=9999) == 2025


@pytest.mark.parametrize(("path", "param"), QUERY_PARAMS)
@pytest.mark.parametrize("value", ["³", "①", "99999999999999999999"])
def test_a_query_string_integer_that_is_not_one_is_ignored(
    county: County, client_as: Any, path: str, param: str, value: str
) -> None:
    response = client_as(county.users["supervisor"]).get(path, {param: value})
    assert response.status_code in (200, 302, 404), response.status_code


def int_routes(patterns: list[Any], prefix: str = "") -> list[str]:
    routes = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in ("admin", "api"):
                routes += int_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and "<int:" in str(pattern.pattern):
            routes.append(prefix + str(pattern.pattern))
    return routes


@pytest.mark.parametrize("method", ["get", "post"])
@pytest.mark.parametrize("number", OVERFLOWS)
def test_every_url_integer_out_of_range_is_not_found(county: County, client_as: Any, method: str, number: str) -> None:
    client = client_as(county.users["county_admin"])
    routes = int_routes(get_resolver().url_patterns)
    assert len(routes) >= 40
    for route in routes:
        url = "/" + re.sub(r"<str:\w+>", "xlsx", re.sub(r"<int:\w+>", number, route))
        assert getattr(client, method)(url).status_code == 404, url


def test_a_year_past_the_calendar_in_a_url_is_not_found(county: County, client_as: Any) -> None:
    response = client_as(county.users["supervisor"]).get(f"/data/entry/{county.school.pk}/100000/")
    assert response.status_code == 404


@pytest.mark.parametrize("unit", ["³", "①", "99999999999999999999"])
def test_the_api_refuses_a_unit_that_is_not_an_id_or_a_name(county: County, client: Any, unit: str) -> None:
    token = create_api_token(county.users["school_reporter"])[1]
    body = {"values": [{"organization": unit, "year": 2025, "element": "teachers_specialised", "value": "①"}]}
    response = client.post(
        "/api/data-values", json.dumps(body), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert any("未知单位" in e for e in errors) and any("不是数字" in e for e in errors)


def test_an_excel_upload_with_a_superscript_unit_lists_the_row(county: County, client_as: Any) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(["单位", "年份", "teachers_specialised"])
    sheet.append(["", "", "teachers_specialised"])
    sheet.append(["³", 2025, "①"])
    out = BytesIO()
    book.save(out)
    upload = SimpleUploadedFile("data.xlsx", out.getvalue())
    response = client_as(county.users["supervisor"]).post("/data/upload/", {"file": upload})
    assert response.status_code == 200
    assert "未知单位“³”" in response.content.decode()


@pytest.mark.parametrize("number", [*OVERFLOWS, "³"])
def test_the_api_reads_no_integer_out_of_range(county: County, client: Any, number: str) -> None:
    token = create_api_token(county.users["supervisor"])[1]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    assert client.get(f"/api/targets/{number}/series", **auth).status_code in (404, 422)
    assert client.get("/api/indicator-values", {"organization": number}, **auth).status_code in (404, 422)
    response = client.get("/api/indicator-values", {"organization": county.school.pk, "year": number}, **auth)
    assert response.status_code in (200, 422)
