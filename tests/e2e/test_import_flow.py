"""A supervisor uploads a plan, corrects one target in the review, confirms and finds it on the plan page."""

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
    page.click("#confirm-import")

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
