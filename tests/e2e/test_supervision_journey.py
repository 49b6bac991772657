"""A school reporter reports progress, the supervisor returns it, the school resubmits, the supervisor accepts."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pytest

from tests.conftest import County
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_task
from vetplan.plans.models import Task
from vetplan.supervision.models import ProgressReport

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def test_a_report_is_returned_resubmitted_and_accepted(page: Any, live_server: Any, county: County) -> None:
    task = make_task(county.plan, "7", lead=[county.school], deadline=dt.date(2026, 12, 31))
    school, supervisor = county.users["school_reporter"], county.users["supervisor"]

    login(page, live_server, school.username, PASSWORD)
    page.goto(f"{live_server.url}/tasks/{task.pk}/")
    page.click("text=报告进展")
    page.select_option("#id_task_status", "done")
    page.fill("#id_percent", "100")
    page.fill("#id_narrative", "实训基地已建成并投入使用。")
    page.set_input_files("#id_evidence", files=[{"name": "验收.pdf", "mimeType": "application/pdf", "buffer": PDF}])
    page.click("button:has-text('提交报告')")
    page.wait_for_selector("#report-facts")
    assert "待审核" in page.inner_text("#report-status")
    report_url = page.url

    page.click("button:has-text('退出')")
    login(page, live_server, supervisor.username, PASSWORD)
    page.click("nav.mainnav >> text=督导")
    page.click("#pending-reports >> text=7.")
    page.fill("#id_comment", "请补充验收报告。")
    page.click("button:has-text('退回修改')")
    page.wait_for_selector("#review-comment")
    assert "已退回" in page.inner_text("#report-status")

    page.click("button:has-text('退出')")
    login(page, live_server, school.username, PASSWORD)
    page.goto(report_url)
    page.click("text=修改并重新提交")
    assert "请补充验收报告。" in page.inner_text("#review-comment")
    page.fill("#id_narrative", "实训基地已建成，验收报告见附件。")
    page.click("button:has-text('提交报告')")
    page.wait_for_selector("#report-facts")
    assert "待审核" in page.inner_text("#report-status")

    page.click("button:has-text('退出')")
    login(page, live_server, supervisor.username, PASSWORD)
    page.goto(report_url)
    page.click("button:has-text('通过')")
    page.wait_for_selector("#report-facts")
    assert "已通过" in page.inner_text("#report-status")
    assert page.locator("#history tbody tr").count() == 4

    report = ProgressReport.objects.get(task=task)
    task.refresh_from_db()
    assert report.status == ProgressReport.Status.ACCEPTED and task.status == Task.Status.DONE
    page.goto(f"{live_server.url}/tasks/{task.pk}/")
    assert "已完成" in page.inner_text("h1")
