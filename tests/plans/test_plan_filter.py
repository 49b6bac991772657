"""The plan filter: a <select> of a county's few plans, a search box (limited to the user's plans,
never a silent cut) once there are more than SELECT_LIMIT."""

from __future__ import annotations

import re
from typing import Any

from django.urls import reverse

from tests.conftest import County
from tests.factories import PlanFactory, TargetFactory
from vetplan.orgs.pickers import PICKER_LIMIT
from vetplan.plans.pickers import SELECT_LIMIT


def page(client: Any, url_name: str, **params: Any) -> str:
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return str(response.content.decode())


def plan_options(html: str) -> int:
    return len(re.findall(r'<option value="\d+"', html))


def test_a_countys_few_plans_are_a_select(county: County, client_as: Any) -> None:
    second = PlanFactory(title="测试县产教融合实施方案", region=county.region)
    client = client_as(county.users["supervisor"])
    for name in ("plans:task_list", "plans:target_list", "indicators:dashboard", "reports:report_list"):
        html = page(client, name, plan=second.pk)
        assert f'<option value="{second.pk}" selected>测试县产教融合实施方案</option>' in html, name
        assert f'<option value="{county.plan.pk}"' in html and "输入规划名称或地区名称搜索" not in html, name


def test_many_plans_are_searched_and_the_chosen_one_stays_ticked(county: County, client_as: Any) -> None:
    plans = [PlanFactory(title=f"测试县专项计划{n}", region=county.region) for n in range(SELECT_LIMIT)]
    TargetFactory(plan=plans[3], indicator_text="专项目标")
    client = client_as(county.users["supervisor"])
    for name in ("plans:task_list", "plans:target_list", "indicators:dashboard", "reports:report_list"):
        html = page(client, name, plan=plans[3].pk)
        assert plan_options(html) == 0 and "输入规划名称或地区名称搜索" in html, name
        assert f'name="plan" value="{plans[3].pk}" checked> 测试县专项计划3' in html, name
    assert "专项目标" in page(client, "plans:target_list", plan=plans[3].pk)


def test_the_search_finds_only_the_users_plans_and_says_how_many_more(county: County, client_as: Any) -> None:
    for n in range(PICKER_LIMIT + 5):
        PlanFactory(title=f"测试县专项计划{n}", region=county.region)
    client = client_as(county.users["supervisor"])
    html = page(client, "plans:plan_search", name="plan", picker_q="专项")
    assert html.count('type="checkbox" name="plan"') == PICKER_LIMIT
    assert f"共 {PICKER_LIMIT + 5} 个规划，仅列出前 {PICKER_LIMIT} 个" in html
    assert "没有匹配的规划" in page(client, "plans:plan_search", picker_q="邻县职业教育行动计划")
    # A name that is not a field name falls back to "plan" (it is written into the markup).
    assert 'name="plan"' in page(client, "plans:plan_search", name='x" onclick="', picker_q="专项计划1")
    assert "邻县职业教育行动计划" in page(client_as(county.users["outsider"]), "plans:plan_search", picker_q="邻县")


def test_the_search_needs_a_sign_in(client: Any) -> None:
    response = client.get(reverse("plans:plan_search"))
    assert response.status_code == 302 and "login" in response["Location"]
