"""Badges and counts agree on what is overdue, 持续实施 tasks included."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from tests.conftest import County
from tests.factories import make_task
from vetplan.plans.models import Task
from vetplan.plans.queries import deadline_summary
from vetplan.reports.task_list import task_list_report


def test_a_yearly_task_without_last_years_report_is_overdue_everywhere(county: County, client_as: Any) -> None:
    yearly = make_task(
        county.plan, "3", lead=[county.hr], recurrence=Task.Recurrence.YEARLY, text="每年开展职业技能培训。"
    )
    today = timezone.localdate()
    assert deadline_summary(Task.objects.filter(pk=yearly.pk), today).overdue == 1
    page = client_as(county.users["supervisor"]).get(reverse("plans:task_detail", args=[yearly.pk]))
    assert "badge-overdue" in page.content.decode()
    rows = task_list_report(county.plan, today).tables()[0].rows
    assert next(row for row in rows if row[0] == "3")[5] == "逾期"


def test_a_returned_yearly_report_is_owed_again_not_missing_until_its_resubmission_date(
    county: County, client_as: Any
) -> None:
    from vetplan.supervision.services import return_progress_report, submit_progress_report

    yearly = make_task(
        county.plan, "3", lead=[county.hr], recurrence=Task.Recurrence.YEARLY, text="每年开展职业技能培训。"
    )
    today = timezone.localdate()
    report = submit_progress_report(
        yearly,
        by=county.users["department_reporter"],
        organization=county.hr,
        period=today.year - 1,
        task_status=Task.Status.IN_PROGRESS,
        percent=50,
        narrative="完成培训1200人次。",
    )
    return_progress_report(report, by=county.users["supervisor"], comment="请补充培训名单。")
    assert deadline_summary(Task.objects.filter(pk=yearly.pk), today).overdue == 0
    later = today + dt.timedelta(days=30)
    assert deadline_summary(Task.objects.filter(pk=yearly.pk), later).overdue == 1  # past its resubmission date
