"""A county's own plan, uploaded in the browser, comes out owned, dated and measured.

The supervisor of 示范县 uploads a plan naming a unit the county calls otherwise (mapped to an
existing bureau), one that is nobody's business here (ignored), with no lead units (a batch
action sets one on two tasks) and a target the catalogue cannot guess (linked by hand). After
confirming, the target is measured on the dashboard, every task is on the task list with a
unit that owes its report, and uploading the same file again warns that it is a duplicate.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import login
from vetplan.demo import county as demo
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan
from vetplan.supervision.obligations import open_obligations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAN = """示范县职业教育质量提升三年行动方案

一、主要目标
到2027年，全县“双师型”教师占专业课教师总数的比例达到75%以上。
到2026年，中职毕业生对口就业率达到95%以上。

二、重点任务

序号\t工作任务\t责任单位\t完成时限
1\t实施职业学校办学条件达标工程。\t县教体局、县新能源中心\t2026年底前
2\t深化校企合作，推行现代学徒制。\t县人社局、县文明办\t
3\t完善职业教育督导评估办法。\t县教体局\t
"""


def test_a_supervisor_imports_a_county_plan_that_ends_up_fully_monitored(
    page: Any, live_server: Any, tmp_path: Path
) -> None:
    load_demo_county()
    document = tmp_path / "示范县职业教育质量提升三年行动方案.txt"
    document.write_text(PLAN, encoding="utf-8")
    login(page, live_server, "duban", demo.DEMO_PASSWORD)

    page.goto(f"{live_server.url}/plans/import/")
    page.set_input_files("#id_file", str(document))
    page.click("button:has-text('上传并提取')")
    page.wait_for_selector("#review-banner")
    banner = page.locator("#review-banner").inner_text()
    assert "2 个单位名称需要确认" in banner and "1 个目标没有关联计量指标" in banner

    # 县新能源中心 is what this plan calls the county's 科工局; 县文明办 owes nothing here.
    energy = page.locator("tr.unit-row[data-name='县新能源中心']")
    energy.locator("select[name$='-action']").select_option("map")
    energy.locator("input[name$='-organization']").fill("示范县科技和工业信息化局")
    page.locator("tr.unit-row[data-name='县文明办']").locator("select[name$='-action']").select_option("ignore")
    # 对口就业率: the reviewer measures it by the 中职 employment rate.
    page.select_option("#id_targets-1-indicator_code", "employment_rate_secondary")
    # 县教体局 leads the first two tasks: one batch action.
    page.check("#id_tasks-0-selected")
    page.check("#id_tasks-1-selected")
    page.select_option("#id_batch-action", "lead")
    page.fill("#id_batch-lead", "县教体局")
    page.click("#batch-apply")
    page.wait_for_selector(".messages")
    assert "已为所选 2 项任务设置牵头单位" in page.locator(".messages").inner_text()
    assert page.input_value("#id_tasks-0-lead_units") == "县教体局"
    assert page.input_value("#id_targets-1-indicator_code") == "employment_rate_secondary"
    assert "已对应" in page.locator("tr.unit-row[data-name='县新能源中心']").inner_text()

    page.click("#confirm-import")
    page.wait_for_selector("#targets")
    assert "规划已导入" in page.locator(".messages").inner_text()
    plan = Plan.objects.get(title="示范县职业教育质量提升三年行动方案")

    page.goto(f"{live_server.url}/data/?plan={plan.pk}")
    rows = page.locator("#target-table tbody tr")
    assert rows.count() == 2
    employment = plan.targets.get(seq=2)
    assert employment.indicator.code == "employment_rate_secondary"
    row = page.locator(f"#target-table tr[data-target='{employment.pk}']")
    assert "中职毕业生就业率" in row.inner_text() and "（2025）" in row.inner_text()  # measured on the demo data
    assert page.get_by_test_id(f"status-{employment.pk}").inner_text() == "已达成"

    page.goto(f"{live_server.url}/tasks/?plan={plan.pk}")
    listed = page.locator("table tbody").inner_text()
    assert listed.count("县教体局") >= 3 and "县科工局" in listed and "文明办" not in listed
    tasks = plan.tasks.all()
    owed = open_obligations(tasks, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert {o.task.seq for o in owed} == {"1", "2", "3"}  # each falls due, each has a unit to chase
    assert "县新能源中心" in Organization.objects.get(name="示范县科技和工业信息化局").aliases

    page.goto(f"{live_server.url}/plans/import/")
    page.set_input_files("#id_file", str(document))
    page.click("button:has-text('上传并提取')")
    page.wait_for_selector("#duplicate-warning")
    assert plan.title in page.locator("#duplicate-warning").inner_text()
