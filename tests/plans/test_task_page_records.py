"""The task page shows its progress reports, 督办 items, its units' rectification orders and the evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import County
from tests.supervision.matrix import pdf
from vetplan.supervision import services


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def report(county: County, unit: Any, period: int, **fields: Any) -> Any:
    values = {"task_status": "in_progress", "percent": 30, "narrative": "已完成调研。", **fields}
    return services.submit_progress_report(
        county.shared_task, by=county.users["supervisor"], organization=unit, period=period, **values
    )


def task_page(client: Any, county: County) -> str:
    response = client.get(reverse("plans:task_detail", kwargs={"task_pk": county.shared_task.pk}))
    assert response.status_code == 200
    return str(response.content.decode())


def test_it_shows_the_reports_with_their_review(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    returned = report(county, county.school, 2025, files=[pdf("实训照片.pdf")])
    services.return_progress_report(returned, by=supervisor, comment="请补充实训基地验收材料。")
    accepted = report(county, county.education, 2025)
    services.accept_progress_report(accepted, by=supervisor, comment="进展良好。")
    page = task_page(client_as(supervisor), county)
    reports = page[page.index('id="task-reports"') : page.index('id="task-items"')]
    assert "请补充实训基地验收材料。" in reports and "已退回，待重新提交" in reports
    assert "进展良好。" in reports and "已通过" in reports and "王督学" in reports
    assert reverse("supervision:report_detail", kwargs={"report_pk": returned.pk}) in reports


def test_it_links_the_evidence_through_the_checked_download(county: County, client_as: Any) -> None:
    made = report(county, county.school, 2025, files=[pdf("实训照片.pdf")])
    order = services.issue_rectification_order(
        county.region,
        by=county.users["supervisor"],
        organization=county.school,
        finding="实训设备台账不全。",
        deadline=dt.date(2026, 9, 30),
    )
    services.submit_rectification(
        order, by=county.users["school_reporter"], follow_up="已建台账。", files=[pdf("台账.pdf")]
    )
    client = client_as(county.users["school_reporter"])
    page = task_page(client, county)
    evidence = page[page.index('id="task-evidence"') :]
    for file in [made.evidence.get(), order.evidence.get()]:
        url = reverse("supervision:evidence_download", kwargs={"evidence_pk": file.pk})
        assert url in evidence and file.original_name in evidence
        assert client.get(url).status_code == 200
    assert "县职教中心 2025年进展报告" in evidence and "县职教中心 整改情况" in evidence


def test_it_shows_the_supervision_items_and_the_orders_of_its_units(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    services.escalate_missing_reports(dt.date(2027, 1, 5))  # the shared task's 2026 report is missing
    for unit, finding in ((county.hr, "人社局培训台账不全。"), (county.supervision, "与任务无关的单位。")):
        services.issue_rectification_order(
            county.region, by=supervisor, organization=unit, finding=finding, deadline=dt.date(2026, 9, 30)
        )
    page = task_page(client_as(supervisor), county)
    items = page[page.index('id="task-items"') : page.index('id="task-orders"')]
    assert "县教体局" in items and "督办中，逾期5天" in items
    orders = page[page.index('id="task-orders"') : page.index('id="task-evidence"')]
    assert "人社局培训台账不全。" in orders and "与任务无关的单位。" not in orders


def test_a_school_sees_only_its_own_units_records(county: County, client_as: Any) -> None:
    report(county, county.school, 2025, narrative="职教中心的报告。")
    hr_report = report(county, county.hr, 2025, files=[pdf("人社局材料.pdf")])
    page = task_page(client_as(county.users["school_reporter"]), county)
    assert reverse("supervision:report_detail", kwargs={"report_pk": hr_report.pk}) not in page
    assert "人社局材料.pdf" not in page


def test_the_task_page_query_count_does_not_grow_with_its_records(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])

    def add(periods: range) -> None:
        for period in periods:
            for unit in (county.school, county.hr):
                report(county, unit, period, files=[pdf()])
                services.issue_rectification_order(
                    county.region,
                    by=county.users["supervisor"],
                    organization=unit,
                    finding=f"{period}年问题。",
                    deadline=dt.date(2026, 9, 30),
                )

    add(range(2020, 2021))
    with CaptureQueriesContext(connection) as few:
        task_page(client, county)
    add(range(2021, 2031))
    with CaptureQueriesContext(connection) as many:
        task_page(client, county)
    # Most of the bound is the change history (core.history reads each record's units separately).
    assert len(many.captured_queries) == len(few.captured_queries) <= 30
