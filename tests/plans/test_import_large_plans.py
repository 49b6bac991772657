"""Large plans: more than 2,000 tasks or targets is refused at upload; a 1,000-task plan reviews and
confirms, its review posted as one JSON document (its 7,000 fields would be refused one by one)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.test import Client

from tests.conftest import County
from tests.plans.import_drafts import form_data, make_draft, plan_file, review_post
from vetplan.plans import imports
from vetplan.plans.models import Plan, PlanImportDraft

HEAD = "测试县职业教育提质行动方案\n\n一、主要目标\n到2027年，全县“双师型”教师占专业课教师总数的比例达到70%以上。\n\n二、重点任务清单\n"


def plan_of(tasks: int, per_table: int = 250) -> str:
    """A plan whose tasks sit in tables of `per_table` rows, each table numbered from 1 (as plans do)."""
    text = HEAD
    for table, start in enumerate(range(0, tasks, per_table), start=1):
        text += f"\n表{table}\n序号\t工作任务\t牵头单位\t责任单位\t时间进度\n"
        for n in range(start, min(tasks, start + per_table)):
            text += f"{n - start + 1}\t实施第{n + 1}项职业学校办学条件达标工程。\t县教体局\t县人社局\t2026年底前\n"
    return text


def test_a_plan_of_more_than_2000_tasks_is_refused_at_upload(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    response = client.post("/plans/import/", {"file": plan_file(plan_of(2250))})
    assert response.status_code == 200
    assert "提取到 2250 项任务，超过每份规划 2000 项任务的上限" in response.content.decode()
    assert not PlanImportDraft.objects.exists()


def test_a_plan_of_more_than_2000_targets_is_refused_at_upload(county: County, client_as: Any) -> None:
    text = HEAD + "".join(f"到2027年，建成{n}个以上县级产教融合实训基地。\n" for n in range(1, 2102))
    response = client_as(county.users["supervisor"]).post("/plans/import/", {"file": plan_file(text)})
    assert "提取到 2102 个量化目标，超过每份规划 2000 个量化目标的上限" in response.content.decode()
    assert not PlanImportDraft.objects.exists()


def test_a_plan_of_1000_tasks_reviews_and_confirms(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    draft = make_draft(county.region, county.users["supervisor"], plan_of(1000))
    data = form_data(client.get(f"/plans/import/{draft.pk}/").content.decode())
    assert len(data) > 7 * settings.DATA_UPLOAD_MAX_NUMBER_FIELDS  # far too many to post one by one
    for row in range(1000):  # each table starts again at 1: the reviewer numbers the plan through
        data[f"tasks-{row}-seq"] = str(row + 1)
    data["tasks-999-text"] = "实施第1000项职业学校办学条件达标工程（审核时修改）。"
    response = client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))
    plan = Plan.objects.get(title="测试县职业教育提质行动方案")
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.tasks.count() == 1000 and plan.targets.count() == 1
    assert plan.tasks.get(seq="1000").text == "实施第1000项职业学校办学条件达标工程（审核时修改）。"


def test_errors_in_a_posted_review_name_the_row_and_field(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    draft = make_draft(county.region, county.users["supervisor"], plan_of(300, per_table=300))
    data = form_data(client.get(f"/plans/import/{draft.pk}/").content.decode())
    data.update({"targets-0-value": "七十", "tasks-299-text": "", "tasks-150-deadline": "2026-13-01"})
    html = client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data)).content.decode()
    assert "目标第1行 目标值：不是数字" in html
    assert "任务第300行 工作任务：不能为空" in html
    assert "任务第151行 完成时限：日期格式应为 YYYY-MM-DD" in html
    assert not Plan.objects.filter(title="测试县职业教育提质行动方案").exists()


def test_a_large_review_page_says_it_needs_javascript(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    large = make_draft(county.region, county.users["supervisor"], plan_of(200, per_table=200))
    small = make_draft(county.region, county.users["supervisor"])
    assert 'id="needs-script"' in client.get(f"/plans/import/{large.pk}/").content.decode()
    assert 'id="needs-script"' not in client.get(f"/plans/import/{small.pk}/").content.decode()


def test_a_review_posted_field_by_field_beyond_the_limit_gets_a_chinese_400_page(county: County) -> None:
    client = Client(enforce_csrf_checks=True)  # the CSRF check reads the post first, as in a browser
    client.force_login(county.users["supervisor"])
    draft = make_draft(county.region, county.users["supervisor"], plan_of(200, per_table=200))
    page = client.get(f"/plans/import/{draft.pk}/").content.decode()
    response = client.post(
        f"/plans/import/{draft.pk}/confirm/", form_data(page)
    )  # what a browser without scripts posts
    assert response.status_code == 400 and "请求无法处理" in response.content.decode()
    assert not Plan.objects.filter(title="测试县职业教育提质行动方案").exists()


def test_a_small_review_posted_field_by_field_still_confirms(county: County) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(county.users["supervisor"])
    draft = make_draft(county.region, county.users["supervisor"], plan_of(20, per_table=20))
    data = form_data(client.get(f"/plans/import/{draft.pk}/").content.decode())
    assert client.post(f"/plans/import/{draft.pk}/confirm/", data).status_code == 302
    assert Plan.objects.get(title="测试县职业教育提质行动方案").tasks.count() == 20


def test_a_9_mb_text_is_refused_before_extraction_and_saves_nothing(
    county: County, client_as: Any, monkeypatch: Any
) -> None:
    text = plan_of(2000, per_table=250)
    text *= 9 * 1024 * 1024 // len(text.encode()) + 1  # the same plan over and over: 9 MB, 3 million characters
    extracted: list[object] = []
    monkeypatch.setattr(imports, "extract_text", lambda *args, **kwargs: extracted.append(args))
    response = client_as(county.users["supervisor"]).post("/plans/import/", {"file": plan_file(text)})
    assert not extracted  # refused before the extraction runs
    page = response.content.decode()
    assert response.status_code == 200 and "超过每份规划 100 万字的上限" in page
    assert not PlanImportDraft.objects.exists()


def test_a_malformed_review_document_is_refused_saying_why(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    draft = make_draft(county.region, county.users["supervisor"])
    before = draft.document
    for posted, says in (
        ("{not json", "提交的审核内容无法读取"),
        (json.dumps(["meta-title"]), "提交的审核内容格式有误"),
        (json.dumps({"meta-title": 5}), "字段“meta-title”的值应为文字"),
        ("[" * 100_000, "提交的审核内容无法读取"),
    ):
        response = client.post(f"/plans/import/{draft.pk}/confirm/", {"review": posted})
        assert response.status_code == 200 and says in response.content.decode()
    draft.refresh_from_db()
    assert draft.document == before and draft.status == PlanImportDraft.Status.PENDING
