"""A supervisor of the demo county logs in, opens the sample plan and edits a task."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import login
from vetplan.demo import county as demo
from vetplan.demo.loader import load_demo_county
from vetplan.plans.models import Task

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_demo_supervisor_opens_the_sample_plan(page: Any, live_server: Any) -> None:
    plan = load_demo_county().plan
    login(page, live_server, "duban", demo.DEMO_PASSWORD)
    page.click("nav.mainnav >> text=规划")
    page.click(f"text={plan.title}")
    page.wait_for_selector("#tasks")
    assert page.locator("#targets tbody tr").count() == plan.targets.count()
    assert page.locator("#tasks tbody tr").count() == plan.tasks.count()
    first_task_row = page.locator("#tasks tbody tr").first
    assert "县教体局" in first_task_row.inner_text()  # the lead unit, linked to its organisation
    assert "2025年底前" in first_task_row.inner_text()


def test_the_demo_supervisor_edits_a_task_and_sees_its_history(page: Any, live_server: Any) -> None:
    plan = load_demo_county().plan
    task = plan.tasks.get(seq="2")
    login(page, live_server, "duban", demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/tasks/{task.pk}/")
    page.click("text=修改任务")
    page.fill("#id_timeline", "2027年6月底前")
    page.select_option("#id_status", "in_progress")
    page.click("button:has-text('保存')")
    page.wait_for_selector("#history")
    history = page.locator("#history tbody tr").first.inner_text()
    assert "王督学" in history and "时间进度" in history and "状态" in history
    task.refresh_from_db()
    assert task.status == Task.Status.IN_PROGRESS
    assert str(task.deadline) == "2027-06-30"
