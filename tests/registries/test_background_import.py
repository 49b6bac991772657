"""A large registry file is imported by `vetplan worker`: queued, its progress on the job page, then its
result or its errors; the same checks and the same all-or-nothing save as in the request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import County
from tests.registries.helpers import catalogue, workbook
from vetplan.jobs.models import Job
from vetplan.registries.models import SchoolMajor

SCHOOL = "测试县职业技术教育中心"
HEAD = ["学校", "专业代码", "开设年份", "停办年份", "服务的重点产业"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_threshold(settings: Any, tmp_path: Path) -> None:
    settings.VETPLAN_BACKGROUND_UPLOAD_BYTES = 100  # every file here is larger: each goes to the worker
    settings.VETPLAN_JOB_FILES_DIR = tmp_path / "jobs"
    catalogue()


def post(client: Any, rows: list[list[Any]]) -> Any:
    data = workbook({"开设专业": [HEAD, *rows]})
    upload = SimpleUploadedFile("专业.xlsx", data, content_type="application/octet-stream")
    return client.post(reverse("registries:import", kwargs={"code": "majors"}), {"file": upload})


def test_a_large_file_is_queued_and_imported_by_the_worker(county: County, client_as: Any, settings: Any) -> None:
    client = client_as(county.users["school_reporter"])
    response = post(client, [[SCHOOL, "660301", 2015, None, "装备制造"], [SCHOOL, "710201", 2018, None, None]])
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/jobs/{job.pk}/"
    assert job.kind == "registries.import" and job.params["registry"] == "majors"
    assert not SchoolMajor.objects.exists()  # nothing saved in the request

    call_command("worker", "--once", verbosity=0)
    job.refresh_from_db()
    assert job.status == Job.Status.DONE, job.message
    assert job.message.startswith("专业名册导入完成：") and job.result["created"] == 2
    assert SchoolMajor.objects.filter(school=county.school).count() == 2
    assert not (Path(settings.VETPLAN_JOB_FILES_DIR) / job.params["file"]).exists()
    fragment = client.get(reverse("jobs:job_progress", kwargs={"job_pk": job.pk})).content.decode()
    assert "新增 2 条" in fragment and "/registries/majors/" in fragment


def test_a_queued_file_with_errors_fails_lists_them_and_saves_nothing(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    job_url = post(client, [[SCHOOL, "660301", 2015, None, None], [SCHOOL, "999999", 2015, None, None]])["Location"]
    call_command("worker", "--once", verbosity=0)
    page = client.get(job_url).content.decode()
    assert "失败" in page
    assert "工作表“开设专业”第 3 行 B 列（专业代码）“999999”：专业目录中没有这个代码" in page
    assert "重新导入" in page
    assert not SchoolMajor.objects.exists()


def test_a_small_file_is_still_imported_in_the_request(county: County, client_as: Any, settings: Any) -> None:
    settings.VETPLAN_BACKGROUND_UPLOAD_BYTES = 10 * 1024 * 1024
    response = post(client_as(county.users["school_reporter"]), [[SCHOOL, "660301", 2015, None, None]])
    assert response.status_code == 302 and response["Location"] == "/registries/majors/"
    assert not Job.objects.exists() and SchoolMajor.objects.count() == 1


def test_reading_reports_progress_every_few_thousand_rows() -> None:
    from vetplan.registries.pipeline import PROGRESS_ROWS, Column, ImportResult, SheetSpec, read_rows, text

    spec = SheetSpec("学生", [Column("number", "学籍号", text)])
    data = workbook({"学生": [["学籍号"], *[[f"S{n}"] for n in range(PROGRESS_ROWS * 2 + 5)]]})
    seen: list[int] = []
    read_rows(data, [spec], ImportResult(), progress=seen.append)
    assert seen == [PROGRESS_ROWS, PROGRESS_ROWS * 2]
