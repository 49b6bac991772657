"""督导操作记录: names instead of ids, local time, plans and data included, filters, and a fixed
number of queries per page. The Excel export is in test_audit_export.py."""

from __future__ import annotations

import datetime as dt
from typing import Any

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import County
from tests.factories import PlanFactory, make_task
from tests.indicators.helpers import save
from vetplan.indicators.services import close_year
from vetplan.plans.services import update_plan, update_task
from vetplan.reports import services as reports
from vetplan.supervision import services

AUDIT = "supervision:audit_trail"


def trail(client: Any, **filters: Any) -> str:
    response = client.get(reverse(AUDIT), filters)
    assert response.status_code == 200
    return str(response.content.decode())


def returned_report(county: County) -> Any:
    report = services.submit_progress_report(
        county.shared_task, by=county.users["department_reporter"], organization=county.hr, period=2026,
        task_status="in_progress", percent=30, narrative="已完成调研。",
    )  # fmt: skip
    return services.return_progress_report(report, by=county.users["supervisor"], comment="请补充佐证材料。")


def test_saving_a_quality_reports_text_keeps_the_audit_trail_working(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    save(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=75)
    regional, _ = reports.create_quality_reports(county.region, year=2025, by=supervisor)
    reports.update_narratives(regional, {"challenges": "实训基地建设滞后。"}, by=supervisor)
    page = trail(client_as(supervisor))
    assert "测试县职业教育质量年度报告（2025年度）" in page
    assert "各章补充文字" in page and "面临挑战：实训基地建设滞后。" in page


def test_it_names_people_and_objects_instead_of_ids(county: County, client_as: Any) -> None:
    returned_report(county)
    page = trail(client_as(county.users["supervisor"]))
    assert "审核人</strong>：— → 王督学" in page
    assert "测试县人力资源和社会保障局 · 任务1" in page and "2026年" in page
    assert "对象 #" not in page and "#1<" not in page


def test_times_are_local_time(county: County, client_as: Any) -> None:
    with time_machine.travel(dt.datetime(2026, 5, 1, 0, 30, tzinfo=dt.UTC), tick=False):
        returned_report(county)
    page = trail(client_as(county.users["supervisor"]))
    assert "2026-05-01 08:30:00" in page  # Asia/Shanghai, the entry's time and the 审核时间 it set
    assert "审核时间</strong>：— → 2026-05-01 08:30:00" in page and "+00:00" not in page


def test_plan_and_task_edits_are_included(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    update_plan(county.plan, by=supervisor, title="测试县职业教育行动计划（修订）")
    update_task(county.bureau_task, by=supervisor, text="建设公共实训基地。", lead_units=[county.hr])
    page = trail(client_as(supervisor), model="task")
    assert "任务2：建设公共实训基地。" in page
    # A new set of units is recorded as its removal and its addition (two history records).
    assert (
        "牵头单位</strong>：测试县教育体育局 → —" in page
        and "牵头单位</strong>：— → 测试县人力资源和社会保障局" in page
    )
    assert "标题</strong>：测试县职业教育行动计划 → 测试县职业教育行动计划（修订）" in trail(
        client_as(supervisor), model="plan"
    )


def test_data_saves_and_closings_are_included(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    save(county.users["school_reporter"], county.school, 2025, teachers_specialised=100)
    close_year(county.region, 2025, by=supervisor, note="逾期未报")
    page = trail(client_as(supervisor), model="datavalue")
    assert "测试县职业技术教育中心 · " in page and "2025年" in page and "填报" in page and "数值</strong>：100" in page
    assert "测试县 2025年数据" in trail(client_as(supervisor), model="datayearclosing")


def test_it_filters_by_date_range_user_unit_plan_and_kind(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    with time_machine.travel(dt.datetime(2026, 3, 1, 2, tzinfo=dt.UTC), tick=False):
        services.issue_rectification_order(
            county.region, by=supervisor, organization=county.hr, finding="三月的问题", deadline=dt.date(2026, 12, 31)
        )
    with time_machine.travel(dt.datetime(2026, 6, 1, 2, tzinfo=dt.UTC), tick=False):
        services.issue_rectification_order(
            county.region, by=None, organization=county.school, finding="六月的问题", deadline=dt.date(2026, 12, 31)
        )
    second_plan = PlanFactory(title="测试县产教融合实施方案", region=county.region)
    make_task(second_plan, "1", lead=[county.hr])
    update_task(county.shared_task, by=supervisor, text="修改后的共同任务。")
    client = client_as(supervisor)

    march = trail(client, start="2026-03-01", end="2026-03-31")
    assert "三月的问题" in march and "六月的问题" not in march
    assert "三月的问题" not in trail(client, start="2026-03-02")
    by_system = trail(client, user="system", model="rectificationorder")
    assert "六月的问题" in by_system and "三月的问题" not in by_system
    assert "六月的问题" not in trail(client, user=supervisor.pk)
    by_unit = trail(client, unit=county.school.pk)
    assert "六月的问题" in by_unit and "三月的问题" not in by_unit
    assert "修改后的共同任务" in by_unit  # the school shares the task
    by_plan = trail(client, plan=second_plan.pk)
    assert "测试县产教融合实施方案" in by_plan and "修改后的共同任务" not in by_plan and "三月的问题" not in by_plan
    created = trail(client, model="task", action="created")
    assert "修改后的共同任务" not in created and "任务1：" in created
    assert "修改后的共同任务" in trail(client, model="task", action="changed")


def test_a_supervisor_sees_only_their_regions_records_and_units(county: County, client_as: Any) -> None:
    assert county.other_plan is not None
    update_plan(county.other_plan, by=None, title="邻县职业教育行动计划（修订）")
    page = trail(client_as(county.users["supervisor"]))
    assert "邻县职业教育行动计划" not in page and "邻县职业中专" not in page
    assert "邻县职业教育行动计划（修订）" in trail(client_as(county.users["county_admin"]), model="plan")


def test_bad_filter_values_are_refused_without_an_error_page(county: County, client_as: Any) -> None:
    page = trail(
        client_as(county.users["supervisor"]),
        unit="99999999999999999999", plan="³", user="abc", model="nothing", start="0001-01-01", end="2026-13-45",
        page="99999999999999999999",
    )  # fmt: skip
    assert "选择一个有效的选项" in page and "起始日期" in page


def test_a_page_takes_the_same_number_of_queries_however_many_entries(
    county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_as(county.users["supervisor"])

    def county_at_work(first: int, last: int) -> None:
        """Each round touches reports, orders, a task's text and units and a data value."""
        for i in range(first, last):
            returned_report_for = services.submit_progress_report(
                county.bureau_task, by=county.users["supervisor"], organization=county.education, period=2020 + i,
                task_status="in_progress", percent=i, narrative="x",
            )  # fmt: skip
            services.return_progress_report(returned_report_for, by=county.users["supervisor"], comment="补充")
            order = services.issue_rectification_order(
                county.region, by=None, organization=county.hr, finding=f"问题{i}", deadline=dt.date(2026, 12, 31)
            )
            services.submit_rectification(order, by=county.users["department_reporter"], follow_up="已整改")
            update_task(county.shared_task, by=county.users["supervisor"], text=f"任务文字{i}", lead_units=[county.hr])
            save(county.users["school_reporter"], county.school, 2020 + i, teachers_specialised=10 + i)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse(AUDIT), {"start": "2026-07-01"}).status_code == 200
        return len(context.captured_queries)

    with time_machine.travel(dt.datetime(2026, 7, 1, 2, tzinfo=dt.UTC)):  # apart from the county's setup
        county_at_work(0, 2)
        few = queries()
        county_at_work(2, 10)  # more than a page of entries of the same kinds
        assert queries() == few
    with django_assert_max_num_queries(30):
        assert client.get(reverse(AUDIT)).status_code == 200


def test_the_user_is_searched_by_name_within_the_region_never_listed(county: County, client_as: Any) -> None:
    returned_report(county)  # the county's reporter submits, 王督学 returns
    client = client_as(county.users["supervisor"])
    by_name = trail(client, user="王督", model="progressreport")
    assert "审核人</strong>：— → 王督学" in by_name
    by_login = trail(client, user=county.users["department_reporter"].get_username(), model="progressreport")
    assert "审核人</strong>：— → 王督学" not in by_login and "共 1 条" in by_login
    # A name from the next county is no one here, and the page lists no users to choose from.
    outsider = county.users["outsider"]
    page = trail(client, user=outsider.first_name or outsider.get_username())
    assert "本区域没有名为" in page
    assert page.count("<option") < 60  # the category and action choices only
