"""A large Excel upload runs as a background job: queued, stored under a random name, run by
`vetplan worker`, its page polling the progress until it shows the result or the errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import County
from tests.indicators.workbooks import workbook
from vetplan.indicators.models import DataValue
from vetplan.jobs.models import Job

CODES = ["teachers_specialised", "teachers_dual_qualified"]
SCHOOL = "测试县职业技术教育中心"


@pytest.fixture(autouse=True)
def _small_thresholds(settings: Any, tmp_path: Path) -> None:
    settings.VETPLAN_BACKGROUND_UPLOAD_ROWS = 3
    settings.VETPLAN_JOB_FILES_DIR = tmp_path / "jobs"


def upload(client: Any, rows: list[list[Any]], **options: Any) -> Any:
    return client.post(reverse("indicators:data_upload"), {"file": workbook(rows, CODES, **options)})


def test_a_large_upload_is_queued_and_saved_by_the_worker(county: County, client_as: Any, settings: Any) -> None:
    client = client_as(county.users["supervisor"])
    response = upload(client, [[SCHOOL, year, 80, 50] for year in range(2021, 2026)])
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.status == Job.Status.QUEUED and job.created_by == county.users["supervisor"]
    stored = list(Path(settings.VETPLAN_JOB_FILES_DIR).iterdir())
    assert [p.name for p in stored] == [job.params["file"]] and job.params["name"] == "data.xlsx"
    assert not DataValue.objects.exists()  # nothing saved in the request

    page = client.get(response["Location"]).content.decode()
    assert "排队中" in page and 'hx-trigger="every 2s"' in page and f'hx-get="/jobs/{job.pk}/progress/"' in page
    assert "<script>" not in page

    call_command("worker", "--once", verbosity=0)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.progress == job.total == 5
    assert DataValue.objects.filter(organization=county.school, source="excel").count() == 10
    assert not (Path(settings.VETPLAN_JOB_FILES_DIR) / job.params["file"]).exists()
    fragment = client.get(reverse("jobs:job_progress", kwargs={"job_pk": job.pk})).content.decode()
    assert "已完成" in fragment and "已导入 10 个数据值" in fragment
    assert "hx-trigger" not in fragment  # the page stops polling


def test_a_queued_upload_with_errors_fails_and_lists_them(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    rows = [
        [SCHOOL, 2025, 80, 50],
        ["测试县人力资源和社会保障局", 2025, 10, 5],
        *[[f"某校{n}", 2024, 1, 1] for n in range(120)],
    ]
    job_url = upload(client, rows, streamed=True)["Location"]
    call_command("worker", "--once", verbosity=0)
    page = client.get(job_url).content.decode()
    assert "失败" in page and "发现 121 处错误，未保存任何数据" in page
    assert "第 4 行 A 列（单位）：无权填报单位“测试县人力资源和社会保障局”的数据" in page
    assert "另有 21 处错误未列出" in page and "重新上传" in page
    assert not DataValue.objects.exists()


def test_a_small_upload_is_still_saved_in_the_request(county: County, client_as: Any) -> None:
    response = upload(client_as(county.users["supervisor"]), [[SCHOOL, 2024, 80, 50], [SCHOOL, 2025, 82, 60]])
    assert response.status_code == 302 and response["Location"] == reverse("indicators:data_entry")
    assert not Job.objects.exists() and DataValue.objects.count() == 4


def test_a_file_over_the_size_threshold_is_queued_without_being_opened(
    county: County, client_as: Any, settings: Any
) -> None:
    settings.VETPLAN_BACKGROUND_UPLOAD_ROWS = 1000
    settings.VETPLAN_BACKGROUND_UPLOAD_BYTES = 1000
    response = upload(client_as(county.users["supervisor"]), [[SCHOOL, 2025, 80, 50]])
    assert response["Location"].startswith("/jobs/")


def test_a_broken_file_is_refused_in_the_request_not_queued(county: County, client_as: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as(county.users["supervisor"])
    page = client.post(reverse("indicators:data_upload"), {"file": SimpleUploadedFile("data.xlsx", b"PK\x03\x04 no")})
    assert "文件无法读取" in page.content.decode() and not Job.objects.exists()
