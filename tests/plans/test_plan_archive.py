"""Archiving (归档) a plan takes it out of the counts, the lists and the reminders; restoring brings it back."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.conftest import County
from vetplan.plans.models import Task
from vetplan.plans.services import archive_plan, restore_plan
from vetplan.supervision.obligations import open_obligations


def home_task_count(client: Any) -> int:
    return int(client.get("/").context["summary"].total)


def test_archiving_removes_the_plans_tasks_from_the_home_counts_and_the_task_list(
    county: County, client_as: Any
) -> None:
    client = client_as(county.users["supervisor"])
    before = home_task_count(client)
    assert before == 2
    listed = client.get("/tasks/").content.decode()
    assert f"/tasks/{county.shared_task.pk}/" in listed

    response = client.post(f"/plans/{county.plan.pk}/archive/")
    assert response.status_code == 302
    county.plan.refresh_from_db()
    assert county.plan.is_archived and county.plan.archived_by == county.users["supervisor"]
    assert home_task_count(client) == 0
    assert f"/tasks/{county.shared_task.pk}/" not in client.get("/tasks/").content.decode()
    assert county.plan.title not in client.get("/plans/").content.decode()
    assert county.plan.title in client.get("/plans/?archived=1").content.decode()
    today = dt.date(2027, 1, 5)
    assert open_obligations(Task.objects.active(), today, today) == []  # nothing owed, no 督办
    # History stays readable; edits wait for the restore.
    page = client.get(f"/plans/{county.plan.pk}/").content.decode()
    assert "本规划已归档" in page and "恢复规划" in page
    assert client.get(f"/tasks/{county.shared_task.pk}/").status_code == 200
    assert client.post(f"/tasks/{county.shared_task.pk}/edit/", {}).status_code == 403

    client.post(f"/plans/{county.plan.pk}/archive/", {"restore": "1"})
    county.plan.refresh_from_db()
    assert not county.plan.is_archived
    assert home_task_count(client) == before
    assert f"/tasks/{county.shared_task.pk}/" in client.get("/tasks/").content.decode()


def test_a_reporter_cannot_archive_and_a_history_row_records_both_changes(county: County, client_as: Any) -> None:
    response = client_as(county.users["department_reporter"]).post(f"/plans/{county.plan.pk}/archive/")
    assert response.status_code == 403
    archive_plan(county.plan, by=county.users["supervisor"])
    restore_plan(county.plan, by=county.users["supervisor"])
    changes = [h.archived_at is not None for h in county.plan.history.order_by("history_date")]
    assert changes[-2:] == [True, False]


def test_tasks_can_be_filtered_by_plan(county: County, client_as: Any) -> None:
    client = client_as(county.users["county_admin"])
    other = county.other_plan
    assert other is not None
    only_ours = client.get(f"/tasks/?plan={county.plan.pk}").content.decode()
    assert f"/tasks/{county.shared_task.pk}/" in only_ours
    assert f"/tasks/{other.tasks.get().pk}/" not in only_ours
    assert f"/tasks/{other.tasks.get().pk}/" in client.get("/tasks/").content.decode()
    assert client.get("/tasks/?plan=99999999999999999999").status_code == 200
