"""On a phone (390 px) the pages fit the screen and the menu folds; printed, a page is its content only."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from tests.e2e.conftest import login
from tests.factories import make_task
from tests.supervision.matrix import pdf
from vetplan.demo.county import DEMO_PASSWORD
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, Task
from vetplan.supervision import services

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
FITS = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="zh-CN", viewport=PHONE, device_scale_factor=2, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@dataclass
class Demo:
    school_task: Task  # a task the school leads, with a returned report and its evidence
    users: dict[str, str]


@pytest.fixture
def demo_county() -> Demo:
    """The demo county, with work waiting: a returned report (with evidence) and an order for the school."""
    load_demo_county()
    supervisor = get_user_model().objects.get(username="duban")
    school = Organization.objects.get(name="示范县职业技术教育中心")
    long_text = "建设覆盖全县的职业教育公共实训基地，统筹推进产教融合、校企合作和“双师型”教师培养培训工作。" * 2
    task = make_task(Plan.objects.get(), "99", text=long_text, lead=[school], deadline=dt.date(2026, 12, 31))
    report = services.submit_progress_report(
        task, by=supervisor, organization=school, period=2026, task_status="in_progress", percent=40,
        narrative="实训楼主体完工。", files=[pdf("实训楼主体验收记录（含照片）.pdf")],
    )  # fmt: skip
    services.return_progress_report(report, by=supervisor, comment="请补充实训设备采购合同和到货验收单。")
    services.issue_rectification_order(
        school.region, by=supervisor, organization=school, finding=long_text, deadline=dt.date(2026, 9, 30)
    )
    return Demo(task, {"school": "zhijiao", "supervisor": "duban"})


def test_a_phone_opens_the_todo_list_a_task_and_the_dashboard_without_sideways_scroll(
    phone: Any, live_server: Any, demo_county: Demo
) -> None:
    login(phone, live_server, demo_county.users["school"], DEMO_PASSWORD)
    assert phone.is_visible("#todo") and "退回待重新提交" in phone.inner_text("#todo")
    assert phone.evaluate(FITS), "the home page scrolls sideways"
    for path in (f"/tasks/{demo_county.school_task.pk}/", "/data/", "/tasks/"):
        phone.goto(f"{live_server.url}{path}")
        phone.wait_for_load_state("networkidle")
        assert phone.evaluate(FITS), f"{path} scrolls sideways"
    phone.goto(f"{live_server.url}/tasks/{demo_county.school_task.pk}/")
    assert "请补充实训设备采购合同和到货验收单。" in phone.inner_text("#task-reports")


def test_on_a_phone_the_menu_folds_behind_a_button(phone: Any, live_server: Any, demo_county: Demo) -> None:
    login(phone, live_server, demo_county.users["supervisor"], DEMO_PASSWORD)
    assert not phone.is_visible("nav.mainnav")
    phone.wait_for_selector("[data-testid=todo-badge]")  # the counts stay in view
    phone.click("label.menu-button")
    assert phone.is_visible("nav.mainnav")
    phone.click("nav.mainnav >> text=数据")
    phone.wait_for_url(f"{live_server.url}/data/")
    assert phone.evaluate(FITS) and phone.is_visible("#status-chart")


def test_the_badges_load_on_every_page(page: Any, live_server: Any, demo_county: Demo) -> None:
    login(page, live_server, demo_county.users["school"], DEMO_PASSWORD)
    page.goto(f"{live_server.url}/tasks/")
    badge = page.wait_for_selector("[data-testid=todo-badge] .count")
    assert int(badge.inner_text()) >= 2  # the returned report and the order


def test_a_printed_task_page_shows_the_content_without_navigation(
    page: Any, live_server: Any, demo_county: Demo
) -> None:
    login(page, live_server, demo_county.users["supervisor"], DEMO_PASSWORD)
    page.goto(f"{live_server.url}/tasks/{demo_county.school_task.pk}/")
    page.emulate_media(media="print")
    for hidden in ("nav.mainnav", "header.topbar", "footer.footer", "text=修改任务", "button:has-text('保存')"):
        assert not page.is_visible(hidden), f"{hidden} is printed"
    assert page.is_visible("h1") and page.is_visible("#task-reports") and page.is_visible("#history")
    page.emulate_media(media="screen")
    assert page.is_visible("nav.mainnav")
