"""Confirming an import saves Plan, Targets, Tasks and new units in one transaction, or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import County
from tests.plans.import_drafts import MINIMAL_PLAN, form_data, make_draft, review_post
from vetplan.orgs.models import Organization
from vetplan.plans import services
from vetplan.plans.imports import DraftStateError, confirm_import, discard_import
from vetplan.plans.models import Plan, PlanImportDraft, Target, Task


@pytest.fixture
def draft(county: County) -> PlanImportDraft:
    return make_draft(county.region, county.users["supervisor"])


def counts() -> tuple[int, int, int, int]:
    return Plan.objects.count(), Target.objects.count(), Task.objects.count(), Organization.objects.count()


def confirm(client: Any, draft: PlanImportDraft, **changes: str) -> Any:
    data = form_data(client.get(f"/plans/import/{draft.pk}/").content.decode())
    data.update(changes)
    return client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))


def test_it_saves_the_plan_targets_and_tasks_as_reviewed(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    response = confirm(client, draft, **{"targets-1-value": "96", "tasks-0-timeline": "2025年12月底前"})
    plan = Plan.objects.get(title="测试县职业教育提质行动方案")
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.region == county.region and plan.created_by == county.users["supervisor"]
    assert plan.source_name == draft.source_name and "双师型" in plan.source_text
    assert [(t.seq, t.indicator_text, t.value) for t in plan.targets.all()] == [
        (1, "“双师型”教师占专业课教师总数的比例", Decimal("70")),
        (2, "中等职业学校毕业生就业率", Decimal("96")),
        (3, "县级产教融合实训基地", Decimal("3")),
    ]
    assert plan.targets.get(seq=2).sentence == "到2026年，中等职业学校毕业生就业率保持在95%以上。"
    first, second = plan.tasks.order_by("seq")
    assert first.deadline == dt.date(2025, 12, 31)
    assert list(first.lead_units.all()) == [county.education]
    draft.refresh_from_db()
    assert draft.status == PlanImportDraft.Status.CONFIRMED and draft.plan == plan
    assert "规划已导入：3 个量化目标，2 项任务。" in client.get(response["Location"]).content.decode()


def test_it_creates_each_new_unit_once_with_the_chosen_type(county: County, draft: Any, client_as: Any) -> None:
    confirm(client_as(county.users["supervisor"]), draft, **{"units-2-action": "create", "units-2-type": "enterprise"})
    energy = Organization.objects.get(name="测试县新能源局")
    assert energy.region == county.region and energy.type == Organization.Type.ENTERPRISE
    assert set(energy.aliases) == {"县新能源局", "新能源局"}  # the next import finds it by either name
    assert not Organization.objects.filter(name__in=["县新能源局", "新能源局", "各乡镇"]).exists()
    task = Task.objects.get(plan__title="测试县职业教育提质行动方案", seq="2")
    assert list(task.lead_units.all()) == [energy]
    assert list(task.responsible_units.all()) == []  # 新能源局 leads; 各乡镇 has no units in 测试县


def test_a_failure_part_way_leaves_nothing_saved(county: County, draft: Any, monkeypatch: Any) -> None:
    before = counts()

    def fail(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("数据库连接中断")

    # Targets and the plan are written before the new units: fail on the first new unit.
    monkeypatch.setattr(services, "create_organization", fail)
    with pytest.raises(RuntimeError):
        confirm_import(draft, county.users["supervisor"])
    assert counts() == before
    draft.refresh_from_db()
    assert draft.status == PlanImportDraft.Status.PENDING and draft.plan is None


def test_a_failure_on_the_last_task_leaves_nothing_saved(county: County, draft: Any, monkeypatch: Any) -> None:
    before = counts()
    document = {**draft.document, "tasks": [*draft.document["tasks"], {**draft.document["tasks"][0]}]}
    with pytest.raises(services.PlanImportError, match="序号 1 重复"):
        confirm_import(draft, county.users["supervisor"], edited_document=document)
    assert counts() == before
    draft.refresh_from_db()
    assert draft.status == PlanImportDraft.Status.PENDING and len(draft.document["tasks"]) == 2


def test_an_invalid_review_confirms_nothing(county: County, draft: Any, client_as: Any) -> None:
    before = counts()
    response = confirm(client_as(county.users["supervisor"]), draft, **{"targets-0-value": "七十"})
    assert response.status_code == 200
    assert "目标第1行 目标值：不是数字" in response.content.decode()
    assert counts() == before


def test_a_draft_is_confirmed_only_once(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    data = form_data(client.get(f"/plans/import/{draft.pk}/").content.decode())
    first = client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))
    again = client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))  # a double click
    assert again.status_code == 302 and again["Location"] == first["Location"]
    assert Plan.objects.filter(title="测试县职业教育提质行动方案").count() == 1
    with pytest.raises(DraftStateError):
        confirm_import(draft, county.users["supervisor"])


def test_discarding_saves_nothing_and_closes_the_draft(county: County, draft: Any, client_as: Any) -> None:
    before = counts()
    client = client_as(county.users["supervisor"])
    response = client.post(f"/plans/import/{draft.pk}/discard/")
    assert response.status_code == 302 and response["Location"] == "/plans/import/"
    assert counts() == before
    draft.refresh_from_db()
    assert draft.status == PlanImportDraft.Status.DISCARDED
    assert client.get(f"/plans/import/{draft.pk}/").status_code == 302  # back to the upload page
    with pytest.raises(DraftStateError):
        discard_import(draft, county.users["supervisor"])


def test_a_document_without_targets_or_tasks_imports_as_a_bare_plan(county: County, client_as: Any) -> None:
    bare = make_draft(county.region, county.users["supervisor"], MINIMAL_PLAN)
    response = confirm(client_as(county.users["supervisor"]), bare)
    plan = Plan.objects.get(title="测试县职业教育导入演示方案")
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.targets.count() == 0 and plan.tasks.count() == 0
