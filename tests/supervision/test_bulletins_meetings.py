"""通报 (public once published), 约谈 records, 联席会议 decisions turned into tasks, the audit trail."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from tests.conftest import County
from vetplan.supervision import services
from vetplan.supervision.models import Interview


def test_only_published_bulletins_are_public(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    draft = services.draft_bulletin(county.region, by=supervisor, kind="criticism", title="草稿通报", body="x")
    published = services.draft_bulletin(county.region, by=supervisor, kind="praise", title="表扬县职教中心", body="y")
    client_as(supervisor).post(reverse("supervision:bulletin_publish", args=[published.pk]), {"confirm": "on"})
    page = client_as(None).get(reverse("supervision:bulletin_list")).content.decode()
    assert "表扬县职教中心" in page and "草稿通报" not in page
    assert client_as(None).get(reverse("supervision:bulletin_detail", args=[draft.pk])).status_code == 404
    assert "草稿通报" in client_as(supervisor).get(reverse("supervision:bulletin_list")).content.decode()


def test_an_interview_records_who_when_and_what_was_agreed(county: County, client_as: Any) -> None:
    client_as(county.users["supervisor"]).post(
        reverse("supervision:interview_create"),
        {"organization": county.hr.pk, "held_on": "2026-05-06", "interviewee": "李局长", "interviewer": "王督学",
         "reason": "任务滞后", "agreed": "6月底前完成"},
    )  # fmt: skip
    interview = Interview.objects.get()
    assert (interview.organization, interview.held_on, interview.agreed) == (
        county.hr,
        dt.date(2026, 5, 6),
        "6月底前完成",
    )
    assert (
        "李局长"
        in client_as(county.users["department_reporter"]).get(reverse("supervision:interview_list")).content.decode()
    )
    assert (
        "李局长"
        not in client_as(county.users["school_reporter"]).get(reverse("supervision:interview_list")).content.decode()
    )


def test_a_meeting_decision_becomes_a_task_in_one_step(county: County, client_as: Any) -> None:
    meeting = services.create_meeting(
        county.region, by=None, title="第一次联席会议", held_on=dt.date(2026, 3, 1), members=[county.hr, county.education],
        decisions=["建设县域公共实训基地"],
    )  # fmt: skip
    decision = meeting.decisions.get()
    client = client_as(county.users["supervisor"])
    response = client.post(
        reverse("supervision:decision_task", args=[decision.pk]),
        {"plan": county.plan.pk, "seq": "10", "lead_units": [county.education.pk], "responsible_units": [county.hr.pk],
         "deadline": "2026-12-31"},
    )  # fmt: skip
    decision.refresh_from_db()
    task = decision.task
    assert response.status_code == 302 and task is not None
    assert (task.plan, task.text, task.deadline) == (county.plan, "建设县域公共实训基地", dt.date(2026, 12, 31))
    assert list(task.lead_units.all()) == [county.education] and list(task.responsible_units.all()) == [county.hr]
    again = client.post(reverse("supervision:decision_task", args=[decision.pk]), {"plan": county.plan.pk, "seq": "11",
                        "lead_units": [county.education.pk]})  # fmt: skip
    assert "已转化为任务" in again.content.decode()


def test_the_audit_trail_shows_who_changed_what(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    order = services.issue_rectification_order(
        county.region, by=supervisor, organization=county.hr, finding="问题", deadline=dt.date(2026, 12, 31)
    )
    services.submit_rectification(order, by=county.users["department_reporter"], follow_up="已整改完毕")
    client = client_as(supervisor)
    page = client.get(reverse("supervision:audit_trail")).content.decode()
    reporter = county.users["department_reporter"].get_full_name()
    assert "王督学" in page and reporter in page and "整改通知" in page and "待整改 → 待核验" in page
    assert client_as(county.users["department_reporter"]).get(reverse("supervision:audit_trail")).status_code == 403


def test_the_overview_runs_in_a_fixed_number_of_queries(
    county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    services.escalate_missing_reports(dt.date(2025, 7, 2))
    for unit in (county.hr, county.school, county.enterprise):
        services.submit_progress_report(
            county.shared_task,
            by=None,
            organization=unit,
            period=2026,
            task_status="in_progress",
            percent=1,
            narrative="x",
        )
        services.issue_rectification_order(
            county.region, by=None, organization=unit, finding="问题", deadline=dt.date(2026, 1, 1)
        )
    client = client_as(county.users["supervisor"])
    with django_assert_max_num_queries(16):
        assert client.get(reverse("supervision:overview")).status_code == 200


def test_the_audit_trail_runs_in_a_fixed_number_of_queries(
    county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(5):
        order = services.issue_rectification_order(
            county.region, by=None, organization=county.hr, finding=f"问题{n}", deadline=dt.date(2026, 12, 31)
        )
        services.submit_rectification(order, by=None, follow_up="已整改")
    client = client_as(county.users["supervisor"])
    with django_assert_max_num_queries(24):
        assert client.get(reverse("supervision:audit_trail")).status_code == 200
