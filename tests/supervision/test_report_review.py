"""A task from assignment through a returned report, a resubmission, acceptance and completion."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import County
from tests.factories import make_task
from tests.supervision.matrix import pdf
from vetplan.plans.models import Task
from vetplan.supervision import services
from vetplan.supervision.evidence import MAX_EVIDENCE_BYTES
from vetplan.supervision.models import EvidenceFile, ProgressReport


def test_it_walks_a_task_from_assignment_to_completion_through_a_returned_report(
    county: County, client_as: Any
) -> None:
    supervisor, reporter = county.users["supervisor"], county.users["school_reporter"]
    task = make_task(county.plan, "7", lead=[county.school], deadline=dt.date(2026, 12, 31))
    assert task.status == Task.Status.NOT_STARTED

    client = client_as(reporter)
    detail = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert reverse("supervision:report_create", args=[task.pk]) in detail
    response = client.post(
        reverse("supervision:report_create", args=[task.pk]),
        {"period": 2026, "task_status": "done", "percent": 100, "narrative": "实训基地已建成。", "evidence": [pdf()]},
    )
    report = ProgressReport.objects.get(task=task)
    assert response.status_code == 302 and report.organization == county.school
    assert report.status == ProgressReport.Status.SUBMITTED and report.evidence.count() == 1
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS  # reported work starts the task; done waits for review

    client = client_as(supervisor)
    client.post(
        reverse("supervision:report_review", args=[report.pk]), {"decision": "return", "comment": "缺验收报告。"}
    )
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.RETURNED and report.review_comment == "缺验收报告。"

    client = client_as(reporter)
    page = client.get(reverse("supervision:report_revise", args=[report.pk])).content.decode()
    assert "缺验收报告。" in page
    client.post(
        reverse("supervision:report_revise", args=[report.pk]),
        {"task_status": "done", "percent": 100, "narrative": "已补充验收报告。", "evidence": [pdf("验收报告.pdf")]},
    )
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED and report.evidence.count() == 2

    client = client_as(supervisor)
    client.post(reverse("supervision:report_review", args=[report.pk]), {"decision": "accept", "comment": ""})
    report.refresh_from_db()
    task.refresh_from_db()
    assert report.status == ProgressReport.Status.ACCEPTED and report.reviewed_by == supervisor
    assert task.status == Task.Status.DONE
    assert task.history.first().history_user == supervisor
    statuses = list(report.history.order_by("history_date").values_list("status", flat=True))
    assert statuses == ["submitted", "returned", "submitted", "accepted"]


def test_a_return_needs_a_comment(county: County) -> None:
    report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=10,
        narrative="x",
    )  # fmt: skip
    with pytest.raises(services.SupervisionError, match="审核意见"):
        services.return_progress_report(report, by=county.users["supervisor"], comment=" ")


def test_a_unit_reports_once_per_period(county: County) -> None:
    kwargs = {"organization": county.hr, "period": 2026, "task_status": "in_progress", "percent": 10, "narrative": "x"}
    services.submit_progress_report(county.shared_task, by=None, **kwargs)
    with pytest.raises(services.SupervisionError, match="已提交过"):
        services.submit_progress_report(county.shared_task, by=None, **kwargs)


def test_reporters_report_only_for_their_own_unit(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    assert client.get(reverse("supervision:report_create", args=[county.bureau_task.pk])).status_code == 404
    client = client_as(county.users["outsider"])
    assert client.get(reverse("supervision:report_create", args=[county.shared_task.pk])).status_code == 404


def test_only_the_reporting_unit_revises_and_only_supervisors_review(county: County, client_as: Any) -> None:
    report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=10,
        narrative="x",
    )  # fmt: skip
    services.return_progress_report(report, by=county.users["supervisor"], comment="补充")
    school_report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.school, period=2026, task_status="in_progress", percent=10,
        narrative="x",
    )  # fmt: skip
    services.return_progress_report(school_report, by=county.users["supervisor"], comment="补充")
    # The department reporter (县人社局) revises its own; it sees the school's but may not revise it.
    client = client_as(county.users["department_reporter"])
    assert client.get(reverse("supervision:report_revise", args=[report.pk])).status_code == 200
    assert client.get(reverse("supervision:report_detail", args=[school_report.pk])).status_code == 200
    assert client.post(reverse("supervision:report_revise", args=[school_report.pk]), {}).status_code == 403
    client = client_as(county.users["school_reporter"])
    assert client.get(reverse("supervision:report_detail", args=[report.pk])).status_code == 404
    assert (
        client.post(reverse("supervision:report_review", args=[report.pk]), {"decision": "accept"}).status_code == 403
    )


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_evidence_is_checked_by_content_not_name(county: County) -> None:
    fake = SimpleUploadedFile("总结.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    with pytest.raises(services.EvidenceError, match="不是允许的文件类型"):
        services.submit_progress_report(
            county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=1,
            narrative="x", files=[pdf(), fake],
        )  # fmt: skip
    assert not ProgressReport.objects.exists() and not EvidenceFile.objects.exists()  # all or nothing
    word = SimpleUploadedFile("总结.bin", docx_bytes())
    report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=1,
        narrative="x", files=[word],
    )  # fmt: skip
    evidence = report.evidence.get()
    assert evidence.file.name.endswith(".docx") and evidence.original_name == "总结.bin"


def test_evidence_is_size_limited(county: County, settings: Any) -> None:
    big = SimpleUploadedFile("大.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES)
    with pytest.raises(services.EvidenceError, match="大小限制"):
        services.submit_progress_report(
            county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=1,
            narrative="x", files=[big],
        )  # fmt: skip


def test_evidence_is_downloaded_through_a_permission_check(county: County, client_as: Any) -> None:
    report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.school, period=2026, task_status="in_progress", percent=1,
        narrative="x", files=[pdf()],
    )  # fmt: skip
    url = reverse("supervision:evidence_download", args=[report.evidence.get().pk])
    response = client_as(county.users["school_reporter"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client_as(county.users["enterprise_reporter"]).get(url).status_code == 404
    assert client_as(county.users["outsider"]).get(url).status_code == 404
    assert client_as(None).get(url).status_code == 302
