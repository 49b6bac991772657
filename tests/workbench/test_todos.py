"""我的待办: each user's home starts with what they have to do now, counted in the header."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from tests.conftest import County
from tests.factories import OrganizationFactory, make_task, member
from tests.indicators.helpers import save as save_data
from tests.plans.import_drafts import make_draft
from tests.supervision.matrix import pdf
from vetplan.indicators.models import Dataset
from vetplan.indicators.services import close_year, remind_missing
from vetplan.orgs.models import Organization
from vetplan.orgs.roles import Role
from vetplan.plans.models import Task
from vetplan.reports.services import create_quality_reports
from vetplan.supervision import services
from vetplan.workbench.todos import Todos, todos_for

TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _on_a_working_day(settings: Any, tmp_path: Any) -> Iterator[None]:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


def sections(todos: Todos) -> dict[str, Any]:
    return {section.key: section for section in todos.sections}


def texts(section: Any) -> list[str]:
    return [row.text for row in section.rows]


def report_on(county: County, task: Task, unit: Organization, **fields: Any) -> Any:
    values = {"period": 2026, "task_status": "in_progress", "percent": 40, "narrative": "进展顺利。", **fields}
    return services.submit_progress_report(task, by=county.users["supervisor"], organization=unit, **values)


def order_for(county: County, unit: Organization, finding: str, deadline: dt.date) -> Any:
    return services.issue_rectification_order(
        county.region, by=county.users["supervisor"], organization=unit, finding=finding, deadline=deadline
    )


def test_a_school_sees_reports_owed_soon_and_overdue(county: County) -> None:
    make_task(county.plan, "21", text="建设智慧教室。", lead=[county.school], deadline=dt.date(2026, 6, 20))
    make_task(county.plan, "22", text="开展教师培训。", lead=[county.school], deadline=dt.date(2026, 5, 1))
    make_task(county.plan, "23", text="修订人才培养方案。", lead=[county.school], deadline=dt.date(2026, 9, 1))
    owed = sections(todos_for(county.users["school_reporter"], TODAY))["reports_owed"]
    assert texts(owed) == ["22. 开展教师培训。", "21. 建设智慧教室。"]  # earliest first; September is not due yet
    assert [row.state for row in owed.rows] == ["逾期31天", "19天后到期"]
    assert owed.rows[0].url == reverse("supervision:report_create", kwargs={"task_pk": Task.objects.get(seq="22").pk})


def test_a_report_escalated_to_a_supervision_item_is_listed_once_with_its_urges(county: County) -> None:
    task = make_task(county.plan, "24", text="落实实习管理。", lead=[county.school], deadline=dt.date(2026, 3, 31))
    services.escalate_missing_reports(dt.date(2026, 4, 15), tasks=Task.objects.filter(pk=task.pk))
    item = task.supervision_items.get()
    services.urge_supervision_item(item, by=county.users["supervisor"])
    services.urge_supervision_item(item, by=county.users["supervisor"], message="请于本周五前报送。")
    found = sections(todos_for(county.users["school_reporter"], TODAY))
    assert "reports_owed" not in found
    [row] = found["items"].rows
    assert row.text == "24. 落实实习管理。" and row.state == "督办：逾期62天"
    assert "已催办2次，最近：请于本周五前报送。" in row.note


def test_a_returned_report_waits_for_resubmission_by_its_date(county: County) -> None:
    task = make_task(county.plan, "25", text="建设实训基地。", lead=[county.school], deadline=dt.date(2026, 12, 31))
    report = report_on(county, task, county.school)
    services.return_progress_report(
        report, by=county.users["supervisor"], comment="请附照片。", resubmit_by=dt.date(2026, 6, 10)
    )
    [row] = sections(todos_for(county.users["school_reporter"], TODAY))["reports_returned"].rows
    assert row.url == reverse("supervision:report_revise", kwargs={"report_pk": report.pk})
    assert "请附照片。" in row.note and row.due == dt.date(2026, 6, 10) and row.state == "9天后到期"
    services.resubmit_progress_report(
        report, by=county.users["school_reporter"], task_status="in_progress", percent=50, narrative="已附照片。"
    )
    assert "reports_returned" not in sections(todos_for(county.users["school_reporter"], TODAY))


def test_orders_to_carry_out_are_listed_until_the_unit_reports_its_rectification(county: County) -> None:
    issued = order_for(county, county.school, "实训设备台账不全。", dt.date(2026, 5, 20))
    returned = order_for(county, county.school, "安全制度未上墙。", dt.date(2026, 7, 1))
    services.submit_rectification(returned, by=county.users["school_reporter"], follow_up="已上墙。")
    services.return_rectification(returned, by=county.users["supervisor"], verification="缺照片。")
    waiting = order_for(county, county.school, "档案未归档。", dt.date(2026, 7, 1))
    services.submit_rectification(waiting, by=county.users["school_reporter"], follow_up="已归档。")
    order_for(county, county.hr, "人社局的问题。", dt.date(2026, 7, 1))
    orders = sections(todos_for(county.users["school_reporter"], TODAY))["orders"]
    assert texts(orders) == ["实训设备台账不全。", "安全制度未上墙。"]
    assert [row.state for row in orders.rows] == ["逾期12天", "退回重改"]
    assert "缺照片。" in orders.rows[1].note and orders.rows[0].url.endswith(f"/orders/{issued.pk}/")


def test_last_years_data_and_reminded_years_are_due_until_reported_or_closed(county: County) -> None:
    supervisor = county.users["supervisor"]
    remind_missing(county.region, Dataset.SCHOOL, 2024, by=supervisor, units=[county.school])
    data = sections(todos_for(county.users["school_reporter"], TODAY))["data"]
    assert texts(data) == ["2024年学校数据", "2025年学校数据"]
    assert [row.state for row in data.rows] == ["已催报", "待填报"]
    assert data.rows[1].url == reverse("indicators:data_form", kwargs={"org_pk": county.school.pk, "year": 2025})
    save_data(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=70)
    close_year(county.region, 2024, by=supervisor)
    assert "data" not in sections(todos_for(county.users["school_reporter"], TODAY))


def test_a_department_that_never_reports_data_owes_none(county: County) -> None:
    assert "data" not in sections(todos_for(county.users["department_reporter"], TODAY))


def test_a_unit_sees_only_its_own_work(county: County) -> None:
    make_task(county.plan, "26", text="职教中心的任务。", lead=[county.school], deadline=dt.date(2026, 6, 20))
    order_for(county, county.school, "职教中心的问题。", dt.date(2026, 7, 1))
    hr = todos_for(county.users["department_reporter"], TODAY)
    assert hr.total == 0 and hr.for_unit == "县人社局"
    assert set(sections(todos_for(county.users["outsider"], TODAY))) == {"data"}  # its own school's data only
    assert todos_for(county.users["school_reporter"], TODAY).total == 3  # the report, the order, 2025 data


def test_the_supervision_office_sees_what_waits_for_it(county: County) -> None:
    supervisor = county.users["supervisor"]
    closing_task = make_task(county.plan, "27", text="建成公共实训基地。", lead=[county.school])
    report_on(county, county.bureau_task, county.education, period=2025)
    report_on(county, closing_task, county.school, task_status="done", percent=100, files=[pdf()])
    submitted = order_for(county, county.hr, "培训台账不全。", dt.date(2026, 7, 1))
    services.submit_rectification(submitted, by=county.users["department_reporter"], follow_up="已补齐。")
    make_draft(county.region, supervisor)
    services.draft_bulletin(county.region, by=supervisor, kind="praise", title="表扬通报（草稿）", body="正文")
    create_quality_reports(county.region, year=2025, by=supervisor, schools=[])
    found = sections(todos_for(supervisor, TODAY))
    assert texts(found["review"]) == [f"{county.bureau_task.seq}. {county.bureau_task.text}"]
    assert texts(found["closing"]) == ["27. 建成公共实训基地。"] and found["closing"].rows[0].unit == "县职教中心"
    assert texts(found["verify"]) == ["培训台账不全。"]
    assert found["drafts"].count == 3
    assert set(texts(found["drafts"])) == {
        "测试县职业教育提质行动方案.txt",
        "表扬通报（草稿）",
        "测试县职业教育质量年度报告（2025年度）",
    }
    years = found["data_years"]
    assert texts(years) == ["2024年数据尚未齐全", "2025年数据尚未齐全"] and "学校 0/1 已填报" in years.rows[0].note
    assert years.rows[1].url == f"{reverse('indicators:completeness')}?region={county.region.pk}&year=2025"


def test_a_closed_or_complete_year_is_not_a_gap(county: County) -> None:
    supervisor = county.users["supervisor"]
    save_data(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=70)
    close_year(county.region, 2024, by=supervisor)
    assert "data_years" not in sections(todos_for(supervisor, TODAY))


def test_another_countys_supervisor_sees_none_of_it(county: County) -> None:
    office = OrganizationFactory(name="邻县教育督导室", type=Organization.Type.SUPERVISION, region=county.other_region)
    neighbour = member(office, Role.SUPERVISOR, username="linxian-duban")
    report_on(county, county.bureau_task, county.education, period=2025)
    make_draft(county.region, county.users["supervisor"])
    found = sections(todos_for(neighbour, TODAY))
    assert "review" not in found and "drafts" not in found


def test_a_section_lists_its_first_rows_and_counts_them_all(county: County) -> None:
    for n in range(12):
        order_for(county, county.school, f"问题{n:02d}。", dt.date(2026, 7, 1 + n))
    orders = sections(todos_for(county.users["school_reporter"], TODAY))["orders"]
    assert orders.count == 12 and len(orders.rows) == 10


def test_the_home_page_starts_with_the_todo_list_and_counts_it_in_the_header(county: County, client_as: Any) -> None:
    make_task(county.plan, "28", text="建设智慧教室。", lead=[county.school], deadline=dt.date(2026, 6, 20))
    page = client_as(county.users["school_reporter"]).get(reverse("home")).content.decode()
    assert page.index('id="todo"') < page.index("职业教育规划实施总览")
    assert 'data-testid="todo-total">2<' in page  # the report and 2025's data
    assert 'data-testid="todo-badge"' in page and '<span class="count">2</span>' in page
    assert "28. 建设智慧教室。" in page and "19天后到期" in page


def test_nothing_to_do_says_so(county: County, client_as: Any) -> None:
    page = client_as(county.users["department_reporter"]).get(reverse("home")).content.decode()
    assert 'data-testid="todo-empty"' in page and "暂无待办事项。" in page
