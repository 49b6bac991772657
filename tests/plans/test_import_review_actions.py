"""The review's banner, batch actions, unit choices and indicator links, as a supervisor uses them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import County
from tests.plans.import_drafts import form_data, make_draft, review_post
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, PlanImportDraft, Task

PLAN = """测试县职业教育质量提升行动方案

一、主要目标
到2027年，全县“双师型”教师占专业课教师总数的比例达到75%以上。
到2026年，中职毕业生对口就业率达到85%以上。

二、重点任务

序号\t工作任务\t责任单位\t完成时限
1\t实施职业学校办学条件达标工程。\t县教体局、县新能源中心\t2025年底前
2\t深化校企合作。\t县人社局、县文明办\t
3\t完善职业教育督导评估办法。\t相关部门\t
"""


@pytest.fixture
def draft(county: County) -> PlanImportDraft:
    return make_draft(county.region, county.users["supervisor"], PLAN)


def review(client: Any, draft: PlanImportDraft) -> str:
    response = client.get(f"/plans/import/{draft.pk}/")
    assert response.status_code == 200
    return str(response.content.decode())


def test_the_banner_counts_what_would_come_out_unowned_undated_or_unmeasured(
    county: County, draft: Any, client_as: Any
) -> None:
    html = review(client_as(county.users["supervisor"]), draft)
    assert "1 项任务没有责任单位" in html and 'href="#task-row-3"' in html  # 相关部门 is nobody
    assert "2 项任务没有写明时限" in html
    assert "1 个目标没有关联计量指标" in html and 'href="#target-row-2"' in html
    assert "2 个单位名称需要确认" in html and "县新能源中心" in html and "县文明办" in html


def test_a_batch_action_sets_the_lead_on_the_ticked_rows_only(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data.update({"tasks-0-selected": "on", "tasks-1-selected": "on", "batch-action": "lead", "batch-lead": "县教体局"})
    data["batch-apply"] = "1"
    response = client.post(f"/plans/import/{draft.pk}/", review_post(data))
    assert response.status_code == 302
    draft.refresh_from_db()
    tasks = draft.document["tasks"]
    assert [t["lead_units"] for t in tasks] == [["县教体局"], ["县教体局"], []]
    assert tasks[0]["responsible_units"] == ["县新能源中心"]  # the lead is not repeated as responsible
    assert "已为所选 2 项任务设置牵头单位" in client.get(response["Location"]).content.decode()


def test_a_batch_action_sets_deadlines_and_needs_a_ticked_row(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data.update({"batch-action": "deadline", "batch-deadline": "2026-06-30", "batch-apply": "1"})
    html = client.post(f"/plans/import/{draft.pk}/", review_post(data)).content.decode()
    assert "批量操作：请先勾选要修改的任务" in html
    data["tasks-1-selected"] = "on"
    client.post(f"/plans/import/{draft.pk}/", review_post(data))
    draft.refresh_from_db()
    assert draft.document["tasks"][1]["deadline"] == "2026-06-30"


def test_mapping_a_name_keeps_it_as_an_alias_and_ignoring_one_drops_it(
    county: County, draft: Any, client_as: Any
) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    names = {data[f"units-{i}-name"]: i for i in range(int(data["units-TOTAL_FORMS"]))}
    data[f"units-{names['县新能源中心']}-action"] = "map"
    data[f"units-{names['县新能源中心']}-organization"] = county.hr.name
    data[f"units-{names['县文明办']}-action"] = "ignore"
    response = client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))
    assert response.status_code == 302
    plan = Plan.objects.get(title="测试县职业教育质量提升行动方案")
    first, second, _ = plan.tasks.order_by("pk")
    assert set(first.responsible_units.all()) == {county.education, county.hr}
    assert list(second.responsible_units.all()) == [county.hr]
    county.hr.refresh_from_db()
    assert "县新能源中心" in county.hr.aliases  # the next import finds it by itself
    assert not Organization.objects.filter(name__contains="文明办").exists()
    again = make_draft(county.region, county.users["supervisor"], PLAN)
    assert "这份文件可能已经导入过" in review(client, again)
    assert 'badge-done">已匹配</span> → 测试县人力资源和社会保障局' in review(client, again)


def test_a_mapping_to_an_unknown_unit_names_the_row(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data.update({"units-2-action": "map", "units-2-organization": "不存在的单位"})
    html = client.post(f"/plans/import/{draft.pk}/", review_post(data)).content.decode()
    assert "单位第3行 对应单位：本区域没有名为“不存在的单位”的单位" in html


def test_the_reviewer_links_an_unlinked_target_and_the_link_is_kept(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    assert data["targets-0-indicator_code"] == "dual_qualified_share"
    assert data["targets-1-indicator_code"] == ""  # 对口就业率: nothing in the catalogue says so
    data["targets-1-indicator_code"] = "employment_rate_secondary"
    client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))
    target = Plan.objects.get(title="测试县职业教育质量提升行动方案").targets.get(seq=2)
    assert target.indicator.code == "employment_rate_secondary" and target.unit == "%"


def test_tasks_without_a_date_report_yearly_and_a_reviewed_date_wins(
    county: County, draft: Any, client_as: Any
) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    assert data["tasks-1-recurrence"] == "yearly" and data["tasks-0-deadline"] == "2025-12-31"
    data.update({"tasks-2-recurrence": "once", "tasks-2-deadline": "2026-03-31"})
    client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))
    tasks = Plan.objects.get(title="测试县职业教育质量提升行动方案").tasks.order_by("pk")
    assert [(t.deadline, t.recurrence) for t in tasks] == [
        (dt.date(2025, 12, 31), Task.Recurrence.ONCE),
        (None, Task.Recurrence.YEARLY),
        (dt.date(2026, 3, 31), Task.Recurrence.ONCE),
    ]
