"""The review page: extracted rows beside their sentences, editable, and unit names resolved."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import County
from tests.plans.import_drafts import MINIMAL_PLAN, form_data, make_draft, review_post
from vetplan.demo.county import SAMPLE_PLAN
from vetplan.orgs.models import Organization
from vetplan.plans.imports import review_rows
from vetplan.plans.models import Plan, PlanImportDraft


@pytest.fixture
def draft(county: County) -> PlanImportDraft:
    return make_draft(county.region, county.users["supervisor"])


def review(client: Any, draft: PlanImportDraft) -> str:
    response = client.get(f"/plans/import/{draft.pk}/")
    assert response.status_code == 200
    return str(response.content.decode())


def test_it_shows_each_target_beside_its_source_sentence(county: County, draft: Any, client_as: Any) -> None:
    html = review(client_as(county.users["supervisor"]), draft)
    assert "到2026年，中等职业学校毕业生就业率保持在95%以上。" in html
    data = form_data(html)
    assert data["targets-TOTAL_FORMS"] == "3" and data["tasks-TOTAL_FORMS"] == "2"
    assert data["targets-1-indicator"] == "中等职业学校毕业生就业率" and data["targets-1-value"] == "95"
    assert data["tasks-0-lead_units"] == "县教体局" and data["tasks-0-responsible_units"] == "县人社局\n县新能源局"
    assert data["meta-title"] == "测试县职业教育提质行动方案"


def test_it_resolves_unit_names_by_name_short_name_and_alias(county: County, draft: Any) -> None:
    units = {unit.name: unit for unit in review_rows(draft).units}
    assert units["县教体局"].organization == county.education
    assert units["县人社局"].organization == county.hr


def test_it_proposes_unresolved_names_as_new_units_and_never_a_generic_phrase(
    county: County, draft: Any, client_as: Any
) -> None:
    units = {unit.name: unit for unit in review_rows(draft).units}
    assert list(units) == ["县教体局", "县人社局", "县新能源局", "新能源局", "各乡镇"]
    assert units["县新能源局"].action == "create" and units["县新能源局"].new_type == Organization.Type.GOVERNMENT
    assert units["县新能源局"].new_name == "测试县新能源局" and units["县新能源局"].new_region == county.region
    assert units["新能源局"].same_as == "县新能源局"  # one new unit, not two
    assert units["各乡镇"].action == "ignore"  # a group; 测试县 has no township units to expand to
    html = review(client_as(county.users["supervisor"]), draft)
    assert html.count("新单位") >= 2 and "已匹配" in html and "测试县教育体育局" in html
    data = form_data(html)
    assert data["units-TOTAL_FORMS"] == "5"
    assert (data["units-2-name"], data["units-2-action"], data["units-2-type"]) == ("县新能源局", "", "government")


def test_it_saves_edits_and_deletions_to_the_draft(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data.update(
        {"targets-1-value": "96.5", "targets-2-DELETE": "on", "tasks-1-responsible_units": "县职教中心\n各乡镇"}
    )
    data.update({"units-2-action": "create", "units-2-type": "enterprise", "meta-date": "2024-03-18"})
    response = client.post(f"/plans/import/{draft.pk}/", review_post(data))
    assert response.status_code == 302 and response["Location"] == f"/plans/import/{draft.pk}/"
    draft.refresh_from_db()
    document = draft.document
    assert [t["value"] for t in document["targets"]] == [70, 96.5]
    assert document["targets"][1]["sentence"] == "到2026年，中等职业学校毕业生就业率保持在95%以上。"
    assert document["tasks"][1]["responsible_units"] == ["县职教中心", "各乡镇"]
    assert document["meta"]["date"] == "2024-03-18"
    assert document["unit_choices"] == {"县新能源局": {"action": "create", "type": "enterprise"}}
    units = {unit.name: unit for unit in review_rows(draft).units}
    assert units["县职教中心"].organization == county.school  # re-matched after the edit
    assert Plan.objects.filter(title=document["meta"]["title"]).count() == 0


def test_it_names_the_row_and_field_of_each_error_and_saves_nothing(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    before = draft.document
    data = form_data(review(client, draft))
    data.update({"targets-2-value": "三个", "targets-0-deadline": "27", "tasks-1-seq": "1", "meta-title": ""})
    response = client.post(f"/plans/import/{draft.pk}/", review_post(data))
    assert response.status_code == 200
    html = response.content.decode()
    assert "目标第3行 目标值：不是数字" in html
    assert "目标第1行 年份：应在 1990—2100 之间" in html
    assert "基本信息 标题：不能为空" in html
    draft.refresh_from_db()
    assert draft.document == before
    data["meta-title"] = "测试县职业教育提质行动方案"
    data["targets-2-value"], data["targets-0-deadline"] = "3", "2027"
    html = client.post(f"/plans/import/{draft.pk}/", review_post(data)).content.decode()
    assert "任务第2行 序号：1 与第1行重复" in html


def test_an_invalid_row_marked_for_deletion_is_not_an_error(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data.update({"targets-2-value": "三个", "targets-2-DELETE": "on"})
    assert client.post(f"/plans/import/{draft.pk}/", review_post(data)).status_code == 302
    draft.refresh_from_db()
    assert len(draft.document["targets"]) == 2


def test_a_between_target_needs_its_upper_bound(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data["targets-0-comparator"] = "between"
    html = client.post(f"/plans/import/{draft.pk}/", review_post(data)).content.decode()
    assert "目标第1行 上限：区间目标需要填写上限" in html


def test_a_stale_review_page_is_refused(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(review(client, draft))
    data["targets-TOTAL_FORMS"] = "2"
    html = client.post(f"/plans/import/{draft.pk}/", review_post(data)).content.decode()
    assert "目标表与草稿不一致" in html


def test_the_review_page_runs_as_many_queries_for_a_long_plan_as_for_a_short_one(
    county: County, client_as: Any
) -> None:
    client = client_as(county.users["supervisor"])
    short = make_draft(county.region, county.users["supervisor"], MINIMAL_PLAN)
    long = make_draft(county.region, county.users["supervisor"], SAMPLE_PLAN.read_text(encoding="utf-8"))
    assert len(long.document["tasks"]) >= 10
    counts = []
    for draft in (short, long):
        with CaptureQueriesContext(connection) as queries:
            review(client, draft)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 12
