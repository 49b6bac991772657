"""Large and broken Excel uploads: a row cap, the first 100 errors and a count of the rest, bounded work."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests import bombs
from tests.conftest import County
from tests.indicators.workbooks import workbook
from vetplan.indicators import services, uploads
from vetplan.indicators.models import DataValue

CODES = ["teachers_specialised", "teachers_dual_qualified"]
SCHOOL = "测试县职业技术教育中心"


@pytest.mark.parametrize("streamed", [False, True], ids=["declared size", "undeclared size"])
def test_a_file_over_the_row_cap_is_refused_and_saves_nothing(
    county: County, client_as: Any, settings: Any, streamed: bool
) -> None:
    settings.VETPLAN_MAX_UPLOAD_ROWS = 50
    rows = [[SCHOOL, 2025 - n % 5, 80, 50] for n in range(51)]
    page = client_as(county.users["supervisor"]).post(
        reverse("indicators:data_upload"), {"file": workbook(rows, CODES, streamed=streamed)}
    )
    assert page.status_code == 200
    assert "超过每次上传 50 行的上限：请拆分为几个文件分别上传（未保存任何数据）" in page.content.decode()
    assert not DataValue.objects.exists()


def test_a_file_at_the_row_cap_is_read(county: County, client_as: Any, settings: Any) -> None:
    settings.VETPLAN_MAX_UPLOAD_ROWS = 5
    rows = [[SCHOOL, year, 80, 50] for year in range(2021, 2026)]
    response = client_as(county.users["supervisor"]).post(
        reverse("indicators:data_upload"), {"file": workbook(rows, CODES, streamed=True)}
    )
    assert response.status_code == 302
    assert DataValue.objects.filter(organization=county.school).count() == 10


def test_it_lists_the_first_100_errors_and_counts_the_rest(county: County, client_as: Any) -> None:
    rows = [[f"不存在的学校{n}", 2025, 80, "五十"] for n in range(150)]  # two errors a row
    page = (
        client_as(county.users["supervisor"])
        .post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES)})
        .content.decode()
    )
    assert "发现 300 处错误，未保存任何数据" in page
    listed = re.findall(r"<li>(.*?)</li>", page.split('id="upload-errors"')[1].split("</ul>")[0])
    assert len(listed) == 101 and listed[-1] == "另有 200 处错误未列出"
    assert listed[0] == "工作表“数据”第 3 行 A 列（单位）：未知单位“不存在的学校0”"
    assert not DataValue.objects.exists()


def test_a_unit_repeated_on_every_row_is_looked_up_once(
    county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    rows = [["不存在的学校", 2025 - n % 5, 80, 50] for n in range(500)]
    client = client_as(county.users["supervisor"])
    upload = workbook(rows, CODES)
    with django_assert_max_num_queries(30):
        page = client.post(reverse("indicators:data_upload"), {"file": upload}).content.decode()
    assert "发现 500 处错误" in page


def test_a_clean_upload_is_saved_in_chunks(county: County, client_as: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(services, "SAVE_CHUNK", 3)
    rows = [[SCHOOL, year, 80 + year % 10, 50] for year in range(2021, 2026)]
    response = client_as(county.users["supervisor"]).post(
        reverse("indicators:data_upload"), {"file": workbook(rows, CODES)}
    )
    assert response.status_code == 302
    stored = dict(
        DataValue.objects.filter(organization=county.school, element__code="teachers_specialised").values_list(
            "year", "value"
        )
    )
    assert stored == {year: 80 + year % 10 for year in range(2021, 2026)}


@pytest.mark.parametrize("build", [bombs.zeros_xlsx, bombs.xml_xlsx], ids=["1 GiB of zeros", "300 MB of XML"])
def test_a_zip_bomb_is_refused_at_once(county: County, client_as: Any, tmp_path: Path, build: Any) -> None:
    upload = SimpleUploadedFile("data.xlsx", build(tmp_path / "bomb.xlsx").read_bytes())
    client = client_as(county.users["supervisor"])
    started = time.perf_counter()
    page = client.post(reverse("indicators:data_upload"), {"file": upload}).content.decode()
    assert time.perf_counter() - started < 1.0
    assert "文件无法读取：文件" in page and "超过上限" in page and "系统拒绝读取" in page
    assert not DataValue.objects.exists()


def test_the_rules_between_elements_hold_when_checked_a_few_unit_years_at_a_time(
    county: County, client_as: Any, monkeypatch: Any
) -> None:
    from vetplan.indicators import validation

    monkeypatch.setattr(validation, "RULES_CHUNK", 1)  # every unit-year its own chunk, never split
    rows = [[SCHOOL, 2023, 80, 50], [SCHOOL, 2024, 80, 90], [SCHOOL, 2025, 80, 60]]
    page = (
        client_as(county.users["supervisor"])
        .post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES)})
        .content.decode()
    )
    assert "第 4 行 D 列（双师型教师数）：双师型教师数（90）不能大于专业课教师数（80）" in page
    assert "发现 1 处错误" in page and not DataValue.objects.exists()


def test_100000_rows_of_errors_are_read_in_the_background_and_listed_100_at_a_time(
    county: County, client_as: Any, settings: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case at its size: 100,000 rows (one error each) made a 24 s request and an 82 MB page."""
    settings.VETPLAN_JOB_FILES_DIR = tmp_path / "jobs"
    rows = [[f"不存在的学校{n % 1000}", 2021 + n % 5, 80, 50] for n in range(100_000)]
    client = client_as(county.users["supervisor"])
    data = workbook(rows, CODES, streamed=True)
    reads: list[object] = []
    real_read = uploads.read_upload
    monkeypatch.setattr(uploads, "read_upload", lambda *a, **k: reads.append(a) or real_read(*a, **k))
    response = client.post(reverse("indicators:data_upload"), {"file": data})
    assert not reads  # the request only stores the file and queues it: the rows are read by the worker
    assert response.status_code == 302 and response["Location"].startswith("/jobs/")

    call_command("worker", "--once", verbosity=0)
    assert len(reads) == 1
    page = client.get(response["Location"]).content.decode()
    assert "发现 100000 处错误，未保存任何数据" in page and "另有 99900 处错误未列出" in page
    assert len(page) < 100_000
    assert not DataValue.objects.exists()
