"""A school's teacher figures come from its records; a year's figures count once the year is final.

The demo's schools keep teacher records, so the 县职教中心's reporter finds its 2026 teacher totals
read-only on the data form, counted from its 教师名册, and the 双师型 target judged on them. 2026's
training person-times are provisional (暂定, 部门 0/3 已填报: 人社局's are counted from its course
records, and figures the system writes from records never make a year reported): the dashboard
shows them apart and keeps judging on 2025 until the 督导室 closes 2026 (数据截止).
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.utils import timezone

from tests.e2e.conftest import login
from vetplan.demo import county as demo
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Target
from vetplan.registries.models import Teacher

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
YEAR = timezone.localdate().year  # the registries count the current year


def test_a_school_reporters_teacher_figures_come_from_its_records_and_a_closed_year_counts(
    page: Any, live_server: Any
) -> None:
    load_demo_county()
    dual = Target.objects.get(indicator__code="dual_qualified_share")
    training = Target.objects.get(indicator__code="training_person_times")
    school = Organization.objects.get(name="示范县职业技术教育中心")
    specialised = Teacher.objects.filter(school=school, employment="full_time", role__in=["specialised", "practical"])
    dual_teachers = specialised.exclude(dual_level="").count()
    login(page, live_server, "zhijiao", demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/data/")
    assert page.get_by_test_id(f"status-{dual.pk}").inner_text() == "正常推进"  # 69 % in 2026, 70 % by 2027

    page.goto(f"{live_server.url}/data/entry/{school.pk}/{YEAR}/")
    field = page.locator("#id_teachers_dual_qualified")
    assert field.is_disabled() and field.input_value() == str(dual_teachers)
    assert "由名册记录计算" in page.content()

    page.context.clear_cookies()
    login(page, live_server, "duban", demo.DEMO_PASSWORD)
    page.goto(f"{live_server.url}/data/")
    row = page.locator(f"#target-table tr[data-target='{training.pk}']").inner_text()
    assert f"{YEAR}暂定" in row and "部门 0/3 已填报" in row
    page.goto(f"{live_server.url}/data/completeness/?year={YEAR}")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(f"#progress-{YEAR} button:has-text('数据截止')").click()
    page.wait_for_selector(".messages")
    assert f"{YEAR}年数据已截止" in page.locator(".messages").inner_text()

    page.goto(f"{live_server.url}/data/")
    row = page.locator(f"#target-table tr[data-target='{training.pk}']").inner_text()
    assert "暂定" not in row and f"（{YEAR}）" in row
    assert page.get_by_test_id(f"status-{training.pk}").inner_text() == "已达成"
