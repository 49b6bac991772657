"""A school reporter enters its figures and sees the linked target's status change on the dashboard."""

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


def test_a_school_reporter_moves_a_target_to_achieved(page: Any, live_server: Any) -> None:
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
    assert page.get_by_test_id(f"status-{target.pk}").inner_text() == "已达成"
    assert page.get_by_test_id("count-achieved").inner_text() != "0"
