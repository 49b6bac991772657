"""A school reporter enters its figures; the target judges on them once the year is final.

One school of three reporting 2026 makes 2026 provisional (暂定, 学校 1/3 已填报): the dashboard
shows the figure apart and keeps judging on 2025. When the 督导室 closes 2026 (数据截止) the
target moves to 已达成.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.e2e.conftest import login
from vetplan.demo import county as demo
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Target

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_school_reporters_figures_count_once_the_year_is_closed(page: Any, live_server: Any) -> None:
    load_demo_county()
    target = Target.objects.get(indicator__code="dual_qualified_share")
    school = Organization.objects.get(name="示范县职业技术教育中心")
    login(page, live_server, "zhijiao", demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/data/")
    badge = page.get_by_test_id(f"status-{target.pk}")
    assert badge.inner_text() == "正常推进"  # 66 % in 2025, heading for 70 % by 2027

    page.goto(f"{live_server.url}/data/entry/{school.pk}/2026/")
    page.fill("#id_teachers_specialised", "90")
    page.fill("#id_teachers_dual_qualified", "72")
    page.click("#data-form button[type=submit]")
    page.wait_for_url(f"{live_server.url}/data/entry/{school.pk}/2026/")
    assert "已保存 2026 年数据" in page.content()

    page.goto(f"{live_server.url}/data/")
    assert page.get_by_test_id(f"status-{target.pk}").inner_text() == "正常推进"  # still judged on 2025
    row = page.locator(f"#target-table tr[data-target='{target.pk}']").inner_text()
    assert "2026暂定" in row and "学校 1/3 已填报" in row

    page.context.clear_cookies()
    login(page, live_server, "duban", demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/data/completeness/?year=2026")
    assert "学校 1/3 已填报" in page.locator("#progress-2026").inner_text()
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#progress-2026 button:has-text('数据截止')").click()
    page.wait_for_selector(".messages")
    assert "2026年数据已截止" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}/data/")
    assert page.get_by_test_id(f"status-{target.pk}").inner_text() == "已达成"
    assert page.get_by_test_id("count-achieved").inner_text() != "0"
