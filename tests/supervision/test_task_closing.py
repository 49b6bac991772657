"""Closing a task goes through review (申请办结): only its lead unit asks, only the 督导室 completes it.

Personas: 县教体局 leads the shared task (县人社局, the school and the enterprise share it) and
task 2 (due 2025-06-30, overdue); `lead_reporter` reports for 县教体局.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import County
from tests.factories import make_task, member
from tests.supervision.matrix import pdf
from vetplan.orgs.roles import Role
from vetplan.plans.models import Task
from vetplan.plans.queries import filter_by_due
from vetplan.plans.services import set_task_status
from vetplan.supervision import services
from vetplan.supervision.models import ProgressReport, SupervisionItem
from vetplan.supervision.obligations import unit_reminders

TZ = dt.timezone(dt.timedelta(hours=8))
CLOSING = {"period": 2026, "task_status": "done", "percent": 100, "narrative": "实训基地已建成并通过验收。"}


@pytest.fixture
def lead_reporter(county: County) -> Any:
    """A reporter of 县教体局, the lead unit of both county tasks."""
    return member(county.education, Role.DEPARTMENT, username="jiaoti1", first_name="李填报")


def ask_to_close(task: Task, unit: Any, by: Any = None, period: int = 2026) -> ProgressReport:
    return services.submit_progress_report(
        task, by=by, organization=unit, period=period, task_status="done", percent=100,
        narrative="已全部完成。", files=[pdf("验收报告.pdf")],
    )  # fmt: skip


def test_a_responsible_unit_that_does_not_lead_cannot_close_the_task(county: County, client_as: Any) -> None:
    client = client_as(county.users["department_reporter"])  # 县人社局 shares the task, 县教体局 leads it
    task = county.shared_task
    page = client.post(reverse("supervision:report_create", args=[task.pk]), {**CLOSING, "evidence": [pdf()]})
    assert page.status_code == 200
    assert "只有任务的牵头单位（县教体局）可以申请办结" in page.content.decode()
    assert not ProgressReport.objects.exists()
    with pytest.raises(services.SupervisionError, match="只有任务的牵头单位"):
        ask_to_close(task, county.hr)
    task.refresh_from_db()
    assert task.status == Task.Status.NOT_STARTED
    detail = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert "申请办结</a>" not in detail  # the button is for the lead unit only


def test_no_one_marks_a_task_done_on_the_status_page(county: County, client_as: Any, lead_reporter: Any) -> None:
    task = county.shared_task
    for user in (county.users["department_reporter"], lead_reporter, county.users["supervisor"]):
        response = client_as(user).post(reverse("plans:task_status", args=[task.pk]), {"status": "done"})
        assert response.status_code == 200, user
        task.refresh_from_db()
        assert task.status == Task.Status.NOT_STARTED
    with pytest.raises(ValidationError, match="申请办结"):
        set_task_status(task, by=county.users["department_reporter"], status=Task.Status.DONE)
    response = client_as(county.users["department_reporter"]).post(
        reverse("plans:task_status", args=[task.pk]), {"status": "in_progress"}
    )
    task.refresh_from_db()
    assert response.status_code == 302 and task.status == Task.Status.IN_PROGRESS


def test_a_leads_closing_request_waits_for_the_supervisor(county: County, client_as: Any, lead_reporter: Any) -> None:
    task, supervisor = county.bureau_task, county.users["supervisor"]  # due 2025-06-30: overdue
    today = dt.date(2025, 8, 1)
    client = client_as(lead_reporter)
    detail = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert reverse("supervision:report_create", args=[task.pk]) + "?closing=1" in detail
    response = client.post(
        reverse("supervision:report_create", args=[task.pk]), {**CLOSING, "period": 2025, "evidence": [pdf()]}
    )
    assert response.status_code == 302
    request = ProgressReport.objects.get(task=task)
    task.refresh_from_db()
    assert request.closing and request.status == ProgressReport.Status.SUBMITTED
    assert task.status == Task.Status.IN_PROGRESS  # not done: it waits for the 督导室
    assert list(filter_by_due(Task.objects.filter(pk=task.pk), "overdue", today)) == [task]
    page = client.get(reverse("plans:task_detail", args=[task.pk])).content.decode()
    assert 'id="closing-request"' in page and "待审核" in page

    client = client_as(supervisor)
    page = client.get(reverse("supervision:report_detail", args=[request.pk])).content.decode()
    assert "办结申请" in page and "通过后任务办结" in page
    client.post(
        reverse("supervision:report_review", args=[request.pk]), {"decision": "accept", "comment": "验收属实。"}
    )
    task.refresh_from_db()
    assert task.status == Task.Status.DONE
    assert task.history.order_by("-history_id").first().history_user == supervisor
    assert list(filter_by_due(Task.objects.filter(pk=task.pk), "overdue", today)) == []


def test_a_returned_closing_request_puts_the_task_back_with_the_comment(
    county: County, client_as: Any, lead_reporter: Any
) -> None:
    task, supervisor = county.shared_task, county.users["supervisor"]  # due 2026-12-31
    with time_machine.travel(dt.datetime(2027, 1, 5, 9, 0, tzinfo=TZ), tick=False):
        request = ask_to_close(task, county.education, by=lead_reporter)
        client = client_as(supervisor)
        client.post(
            reverse("supervision:report_review", args=[request.pk]),
            {"decision": "return", "comment": "缺少竣工验收报告。", "resubmit_by": "2027-01-20"},
        )
        request.refresh_from_db()
        task.refresh_from_db()
        assert request.status == ProgressReport.Status.RETURNED and request.resubmit_by == dt.date(2027, 1, 20)
        assert task.status == Task.Status.IN_PROGRESS

        page = client_as(lead_reporter).get(reverse("plans:task_detail", args=[task.pk])).content.decode()
        assert "已退回，待重新提交（2027-01-20前）" in page and "缺少竣工验收报告。" in page
        # Past the task's deadline but within the resubmission date: owed, not missing, not escalated.
        tasks = Task.objects.filter(pk=task.pk)
        overdue, soon = unit_reminders(county.education, tasks, dt.date(2027, 1, 5))
        assert overdue == [] and [(o.state, o.due) for o in soon] == [("已退回，待重新提交", dt.date(2027, 1, 20))]
        reminders = client_as(lead_reporter).get(reverse("supervision:unit_reminders", args=[county.education.pk]))
        page = BeautifulSoup(reminders.content.decode(), "html.parser")
        assert "已退回，待重新提交" in page.select_one("#soon-reports").get_text()
        assert "2027-01-20" in page.select_one("#soon-reports").get_text()
        assert f"{task.seq}. " not in page.select_one("#overdue-reports").get_text()
        services.escalate_missing_reports(dt.date(2027, 1, 5), tasks=tasks)
        assert not SupervisionItem.objects.filter(task=task).exists()

    # Silence past the resubmission date is overdue, and becomes a 督办 item due on that date.
    services.escalate_missing_reports(dt.date(2027, 1, 22), tasks=Task.objects.filter(pk=task.pk))
    item = SupervisionItem.objects.get(task=task)
    assert (item.due_date, item.days_overdue) == (dt.date(2027, 1, 20), 2)

    services.resubmit_progress_report(
        request, by=lead_reporter, task_status="done", percent=100, narrative="已补充竣工验收报告。"
    )  # the evidence already attached still backs it
    item.refresh_from_db()
    assert item.status == SupervisionItem.Status.RESOLVED
    services.accept_progress_report(request, by=supervisor)
    task.refresh_from_db()
    assert task.status == Task.Status.DONE


def test_a_closing_request_needs_evidence_and_full_progress(county: County, client_as: Any, lead_reporter: Any) -> None:
    client = client_as(lead_reporter)
    page = client.post(reverse("supervision:report_create", args=[county.shared_task.pk]), {**CLOSING, "percent": 90})
    text = page.content.decode()
    assert page.status_code == 200 and "申请办结时完成进度应为 100%" in text and "申请办结须附佐证材料" in text
    with pytest.raises(services.SupervisionError, match="佐证材料"):
        services.submit_progress_report(
            county.shared_task, by=None, organization=county.education, period=2026, task_status="done",
            percent=100, narrative="x",
        )  # fmt: skip
    assert not ProgressReport.objects.exists()


def test_a_task_without_a_lead_is_closed_by_its_responsible_unit(county: County) -> None:
    task = make_task(county.plan, "8", shared=[county.hr, county.school], deadline=dt.date(2026, 6, 30))
    request = ask_to_close(task, county.school)
    services.accept_progress_report(request, by=county.users["supervisor"])
    task.refresh_from_db()
    assert task.status == Task.Status.DONE


def test_a_supervisor_may_file_for_the_lead_but_still_through_acceptance(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    task = county.shared_task
    response = client.post(
        reverse("supervision:report_create", args=[task.pk]),
        {**CLOSING, "organization": county.education.pk, "evidence": [pdf()]},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    refused = client.post(
        reverse("supervision:report_create", args=[task.pk]),
        {**CLOSING, "organization": county.hr.pk, "evidence": [pdf()]},
    )
    assert "只有任务的牵头单位" in refused.content.decode()


def test_only_the_supervisor_reopens_a_completed_task(county: County, client_as: Any, lead_reporter: Any) -> None:
    task = county.shared_task
    services.accept_progress_report(ask_to_close(task, county.education), by=county.users["supervisor"])
    response = client_as(lead_reporter).post(reverse("plans:task_status", args=[task.pk]), {"status": "in_progress"})
    task.refresh_from_db()
    assert response.status_code == 200 and "只有督导室可以重新打开" in response.content.decode()
    assert task.status == Task.Status.DONE
    with pytest.raises(services.SupervisionError, match="已办结"):
        ask_to_close(task, county.education, period=2027)
    client_as(county.users["supervisor"]).post(reverse("plans:task_status", args=[task.pk]), {"status": "in_progress"})
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
