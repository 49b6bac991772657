"""Editing a task leaves a history record naming the user and the changed fields."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.conftest import County
from vetplan.core.history import history_entries


def test_it_records_who_changed_which_fields(county: County, client_as: Any) -> None:
    task = county.shared_task
    client = client_as(county.users["supervisor"])
    response = client.post(
        reverse("plans:task_edit", args=[task.pk]),
        {
            "seq": "1",
            "text": "改扩建职教中心实训楼。",
            "timeline": "2026年6月底前",
            "recurrence": "once",
            "status": "in_progress",
            "lead_units": [county.education.pk],
            "responsible_units": [county.hr.pk],
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    newest = task.history.order_by("-history_date", "-history_id").first()
    assert newest.history_user == county.users["supervisor"]
    changed = {change.field for entry in history_entries(task)[:3] for change in entry.changes}
    assert {"text", "timeline", "deadline", "status", "responsible_units"} <= changed


def test_the_task_page_shows_the_history(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    client.post(reverse("plans:task_status", args=[county.shared_task.pk]), {"status": "in_progress"})
    page = client.get(reverse("plans:task_detail", args=[county.shared_task.pk])).content.decode()
    assert "王督学" in page
    assert "状态" in page and "未开始 → 进行中" in page


def test_it_refuses_a_duplicate_task_number(county: County, client_as: Any) -> None:
    response = client_as(county.users["supervisor"]).post(
        reverse("plans:task_edit", args=[county.bureau_task.pk]),
        {"seq": "1", "text": "x", "recurrence": "once", "status": "not_started"},
    )
    assert response.status_code == 200
    assert "已有序号为 1 的任务" in response.content.decode()
