"""`vetplan remind`: silence past a report's due date becomes a 督办 item, once."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import County
from tests.factories import make_task
from vetplan.plans.models import Task
from vetplan.plans.queries import deadline_summary
from vetplan.plans.services import update_task
from vetplan.supervision import services
from vetplan.supervision.models import SupervisionItem, UrgeNotice

TZ = dt.timezone(dt.timedelta(hours=8))


def remind() -> str:
    out = io.StringIO()
    call_command("remind", stdout=out)
    return out.getvalue()


def test_a_missing_report_one_day_past_due_lands_on_the_supervision_list(county: County, client_as: Any) -> None:
    task = make_task(county.plan, "8", lead=[county.hr], deadline=dt.date(2027, 3, 31))
    with time_machine.travel(dt.datetime(2027, 4, 1, 8, 0, tzinfo=TZ), tick=False):
        output = remind()
        item = SupervisionItem.objects.get(task=task)
        assert (item.organization, item.days_overdue, item.period) == (county.hr, 1, 2027)
        assert "测试县人力资源和社会保障局" in output and "已逾期1天" in output

        remind()  # a daily cron may run twice
        assert SupervisionItem.objects.filter(task=task).count() == 1

        page = client_as(county.users["supervisor"]).get(reverse("supervision:overview")).content.decode()
        assert f"{task.seq}. {task.text[:10]}" in page and "县人社局" in page and "1天" in page


def test_days_overdue_are_refreshed_and_a_report_resolves_the_item(county: County) -> None:
    task = make_task(county.plan, "8", lead=[county.hr], deadline=dt.date(2027, 3, 31))
    with time_machine.travel(dt.datetime(2027, 4, 1, 8, 0, tzinfo=TZ), tick=False):
        remind()
    with time_machine.travel(dt.datetime(2027, 4, 11, 8, 0, tzinfo=TZ), tick=False):
        remind()
        item = SupervisionItem.objects.get(task=task)
        assert item.days_overdue == 11 and item.status == SupervisionItem.Status.OPEN
        services.submit_progress_report(
            task, by=None, organization=county.hr, period=2027, task_status="in_progress", percent=80, narrative="x"
        )
        item.refresh_from_db()
        assert item.status == SupervisionItem.Status.RESOLVED
        remind()
        item.refresh_from_db()
        assert item.status == SupervisionItem.Status.RESOLVED


def test_due_soon_reports_are_listed_on_the_unit_reminder_page(county: County, client_as: Any) -> None:
    make_task(county.plan, "8", lead=[county.hr], deadline=dt.date(2027, 4, 20))
    with time_machine.travel(dt.datetime(2027, 4, 1, 8, 0, tzinfo=TZ), tick=False):
        assert "30天内到期 " in remind()
        page = client_as(county.users["department_reporter"]).get(reverse("supervision:my_reminders"), follow=True)
        assert "2027-04-20" in page.content.decode()


def test_one_click_urges_the_unit(county: County, client_as: Any) -> None:
    services.escalate_missing_reports(dt.date(2025, 7, 2))
    item = SupervisionItem.objects.get(task=county.bureau_task)
    client = client_as(county.users["supervisor"])
    assert client.post(reverse("supervision:item_urge", args=[item.pk])).status_code == 302
    item.refresh_from_db()
    assert item.urge_count == 1 and "县教体局" in UrgeNotice.objects.get().message


def test_a_yearly_task_without_last_years_report_is_overdue(county: County) -> None:
    task = make_task(county.plan, "9", lead=[county.hr], timeline="持续实施")
    assert task.recurrence == Task.Recurrence.YEARLY
    today = dt.date(2027, 1, 2)
    tasks = Task.objects.filter(pk=task.pk)
    assert deadline_summary(tasks, today).overdue == 1
    services.escalate_missing_reports(today)
    assert SupervisionItem.objects.get(task=task).period == 2026
    services.submit_progress_report(
        task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=50, narrative="x"
    )
    assert deadline_summary(tasks, today).overdue == 0


def test_an_older_missing_yearly_report_stays_on_the_list(county: County) -> None:
    task = make_task(county.plan, "9", lead=[county.hr], timeline="持续实施")
    services.escalate_missing_reports(dt.date(2026, 1, 5))
    services.escalate_missing_reports(dt.date(2027, 1, 5))
    items = dict(SupervisionItem.objects.filter(task=task).values_list("period", "status"))
    assert items == {2025: "open", 2026: "open"}
    assert SupervisionItem.objects.get(task=task, period=2025).days_overdue == 370


def test_a_moved_deadline_settles_the_item(county: County) -> None:
    services.escalate_missing_reports(dt.date(2025, 7, 2))
    update_task(county.bureau_task, by=None, deadline=dt.date(2026, 6, 30))
    result = services.escalate_missing_reports(dt.date(2025, 7, 3))
    assert result.resolved == 1
    assert SupervisionItem.objects.get(task=county.bureau_task).status == SupervisionItem.Status.RESOLVED


def test_a_unit_reminder_page_is_for_its_unit_and_the_region(county: County, client_as: Any) -> None:
    url = reverse("supervision:unit_reminders", args=[county.school.pk])
    assert client_as(county.users["school_reporter"]).get(url).status_code == 200
    assert client_as(county.users["department_reporter"]).get(url).status_code == 200
    assert client_as(county.users["enterprise_reporter"]).get(url).status_code == 404
    assert client_as(county.users["outsider"]).get(url).status_code == 404


def test_the_command_takes_a_date_and_refuses_nonsense(county: County) -> None:
    out = io.StringIO()
    call_command("remind", "--date", "2025-07-02", "--quiet", stdout=out)
    assert "督办事项新增 1 项" in out.getvalue()
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("remind", "--date", "明天")
