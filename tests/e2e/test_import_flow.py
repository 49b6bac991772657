"""A supervisor uploads a plan, corrects one target in the review, confirms and finds it on the plan page;
the review posts as one JSON document, so a plan of 300 tasks (over 2,000 fields) confirms too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import County
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from tests.plans.import_drafts import SMALL_PLAN
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, PlanImportDraft

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_imports_a_plan_and_corrects_a_target(
    page: Any, live_server: Any, county: County, tmp_path: Path
) -> None:
    document = tmp_path / "测试县职业教育提质行动方案.txt"
    document.write_text(SMALL_PLAN, encoding="utf-8")
    login(page, live_server, county.users["supervisor"].username, PASSWORD)

    page.click("nav.mainnav >> text=规划")
    page.click("text=导入规划文件")
    page.set_input_files("#id_file", str(document))
    page.click("button:has-text('上传并提取')")
    page.wait_for_selector("#import-targets")

    row = page.locator("#target-row-2")
    assert "中等职业学校毕业生就业率保持在95%以上" in row.inner_text()  # the sentence beside the row
    assert page.locator("#import-units .badge-done").count() == 2  # 已匹配: 县教体局, 县人社局
    page.fill("#id_targets-1-value", "97.5")
    with page.expect_request(lambda request: request.method == "POST" and "/confirm/" in request.url) as posted:
        page.click("#confirm-import")
    body = posted.value.post_data or ""
    assert 'name="review"' in body and "97.5" in body and 'name="targets-1-value"' not in body

    page.wait_for_selector("#targets")
    assert "规划已导入" in page.locator(".messages").inner_text()
    targets = page.locator("#targets tbody tr")
    assert targets.count() == 3
    assert "≥ 97.5%" in targets.nth(1).inner_text()
    assert "测试县新能源局" in page.locator("#tasks").inner_text()

    plan = Plan.objects.get(title="测试县职业教育提质行动方案")
    assert page.url == f"{live_server.url}/plans/{plan.pk}/"
    assert str(plan.targets.get(seq=2).value.normalize()) == "97.5"
    assert Organization.objects.filter(name="测试县新能源局", region=county.region).exists()
    assert PlanImportDraft.objects.get().status == PlanImportDraft.Status.CONFIRMED


def test_a_plan_of_300_tasks_confirms_in_the_browser(
    page: Any, live_server: Any, county: County, tmp_path: Path
) -> None:
    rows = "".join(
        f"{n}\t实施第{n}项职业学校办学条件达标工程。\t县教体局\t县人社局\t2026年底前\n" for n in range(1, 301)
    )
    document = tmp_path / "测试县职业教育提质三年行动方案.txt"
    document.write_text(
        f"测试县职业教育提质三年行动方案\n\n序号\t工作任务\t牵头单位\t责任单位\t时间进度\n{rows}", encoding="utf-8"
    )
    login(page, live_server, county.users["supervisor"].username, PASSWORD)
    page.goto(f"{live_server.url}/plans/import/")
    page.set_input_files("#id_file", str(document))
    page.click("button:has-text('上传并提取')")
    page.wait_for_selector("#import-tasks")
    assert page.locator("#import-tasks tbody tr").count() == 300
    page.fill("#id_tasks-299-text", "实施第300项职业学校办学条件达标工程（审核时修改）。")
    page.click("#save-review")
    page.wait_for_selector(".messages")
    assert "修改已保存" in page.locator(".messages").inner_text()
    with page.expect_request(lambda request: request.method == "POST" and "/confirm/" in request.url) as posted:
        page.click("#confirm-import")
    body = posted.value.post_data or ""
    assert body.count('name="') == 2 and 'name="review"' in body  # the CSRF token and the one JSON document
    page.wait_for_selector("#tasks")
    assert "规划已导入：0 个量化目标，300 项任务。" in page.locator(".messages").inner_text()
    plan = Plan.objects.get(title="测试县职业教育提质三年行动方案")
    assert plan.tasks.count() == 300
    assert plan.tasks.get(seq="300").text == "实施第300项职业学校办学条件达标工程（审核时修改）。"
