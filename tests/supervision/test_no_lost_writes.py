"""No lost writes: two people open the same supervision record and save different changes.

The first save wins; the second is refused with a message naming what the first changed, its
own input kept on the form at the newest version, so submitting again applies it knowingly.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.urls import reverse

from tests.conftest import County
from tests.factories import member
from vetplan.orgs.roles import Role
from vetplan.supervision import services
from vetplan.supervision.models import Bulletin, Meeting, ProgressReport, RectificationOrder

CONFLICT = "您打开页面后"


def opened(client: Any, url: str) -> dict[str, Any]:
    """The form as the user opened it: its initial values and the version it carries."""
    form = client.get(url).context["form"]
    return {name: form[name].value() for name in form.fields if form[name].value() is not None}


def second_supervisor(county: County) -> Any:
    return member(county.supervision, Role.SUPERVISOR, username="duban2", first_name="赵督学")


def refused(response: Any) -> str:
    assert response.status_code == 200, "the second save should be refused, not redirected"
    text = html.unescape(response.content.decode())
    assert CONFLICT in text and "您的修改没有保存" in text
    return text


def test_a_progress_report_revised_by_two_people_keeps_the_first_and_tells_the_second(
    county: County, client_as: Any
) -> None:
    supervisor = county.users["supervisor"]
    report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=30,
        narrative="已完成调研。",
    )  # fmt: skip
    services.return_progress_report(report, by=supervisor, comment="请补充佐证材料。")
    url = reverse("supervision:report_revise", args=[report.pk])
    reporter, colleague = county.users["department_reporter"], member(county.hr, Role.DEPARTMENT, username="renshe2")
    first, second = opened(client_as(reporter), url), opened(client_as(colleague), url)

    client_as(reporter).post(url, {**first, "narrative": "已完成调研，附调研报告。"})
    text = refused(client_as(colleague).post(url, {**second, "percent": 60}))
    assert "进展情况：已完成调研。 → 已完成调研，附调研报告。" in text
    report.refresh_from_db()
    assert (report.narrative, report.percent, report.status) == ("已完成调研，附调研报告。", 30, "submitted")


def test_a_bulletin_draft_edited_by_two_supervisors_keeps_the_first_and_tells_the_second(
    county: County, client_as: Any
) -> None:
    bulletin = services.draft_bulletin(county.region, by=None, kind="praise", title="表扬通报", body="正文初稿。")
    url = reverse("supervision:bulletin_edit", args=[bulletin.pk])
    one, two = county.users["supervisor"], second_supervisor(county)
    first, second = opened(client_as(one), url), opened(client_as(two), url)

    assert client_as(one).post(url, {**first, "title": "关于县职教中心的表扬通报"}).status_code == 302
    text = refused(client_as(two).post(url, {**second, "body": "正文修改稿。"}))
    assert "王督学" in text and "标题：表扬通报 → 关于县职教中心的表扬通报" in text
    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.body) == ("关于县职教中心的表扬通报", "正文初稿。")

    # The refused form now carries the newest version: submitting again applies the second change knowingly.
    form = client_as(two).post(url, {**second, "body": "正文修改稿。"}).context["form"]
    again = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    assert client_as(two).post(url, {**again, "title": bulletin.title}).status_code == 302
    bulletin.refresh_from_db()
    assert (bulletin.title, bulletin.body) == ("关于县职教中心的表扬通报", "正文修改稿。")


def test_a_rectification_order_edited_by_two_supervisors_keeps_the_first_and_tells_the_second(
    county: County, client_as: Any
) -> None:
    order = services.issue_rectification_order(
        county.region, by=None, organization=county.hr, finding="双师型教师比例未达标。", deadline=dt.date(2026, 12, 31)
    )
    url = reverse("supervision:order_edit", args=[order.pk])
    one, two = county.users["supervisor"], second_supervisor(county)
    first, second = opened(client_as(one), url), opened(client_as(two), url)

    assert client_as(one).post(url, {**first, "deadline": "2027-03-31"}).status_code == 302
    text = refused(client_as(two).post(url, {**second, "requirement": "年底前引进教师5名。"}))
    assert "整改期限：2026-12-31 → 2027-03-31" in text
    order.refresh_from_db()
    assert (order.deadline, order.requirement) == (dt.date(2027, 3, 31), "")


def test_a_follow_up_sent_while_the_order_changed_is_refused_with_the_change(county: County, client_as: Any) -> None:
    order = services.issue_rectification_order(
        county.region, by=None, organization=county.hr, finding="问题", deadline=dt.date(2026, 12, 31)
    )
    url = reverse("supervision:order_follow_up", args=[order.pk])
    reporter = county.users["department_reporter"]
    form = opened(client_as(reporter), url)
    client_as(county.users["supervisor"]).post(
        reverse("supervision:order_edit", args=[order.pk]),
        {**opened(client_as(county.users["supervisor"]), reverse("supervision:order_edit", args=[order.pk])),
         "requirement": "补充整改台账。"},
    )  # fmt: skip
    text = refused(client_as(reporter).post(url, {**form, "follow_up": "已整改。"}))
    assert "整改要求：— → 补充整改台账。" in text
    order.refresh_from_db()
    assert (order.status, order.follow_up) == (RectificationOrder.Status.ISSUED, "")


def test_a_meeting_edited_by_two_supervisors_keeps_the_first_and_tells_the_second(
    county: County, client_as: Any
) -> None:
    meeting = services.create_meeting(
        county.region,
        by=None,
        title="第一次联席会议",
        held_on=dt.date(2026, 3, 1),
        members=[county.hr, county.education],
    )
    url = reverse("supervision:meeting_edit", args=[meeting.pk])
    one, two = county.users["supervisor"], second_supervisor(county)
    first, second = opened(client_as(one), url), opened(client_as(two), url)

    assert client_as(one).post(url, {**first, "minutes": "会议研究了实训基地建设。"}).status_code == 302
    text = refused(client_as(two).post(url, {**second, "held_on": "2026-03-02", "decisions": "开展订单培养"}))
    assert "会议纪要：— → 会议研究了实训基地建设。" in text
    meeting.refresh_from_db()
    assert (meeting.minutes, meeting.held_on, meeting.decisions.count()) == (
        "会议研究了实训基地建设。",
        dt.date(2026, 3, 1),
        0,
    )
    assert Meeting.objects.count() == 1


def test_publishing_a_draft_changed_after_the_confirmation_was_opened_is_refused(
    county: County, client_as: Any
) -> None:
    bulletin = services.draft_bulletin(county.region, by=None, kind="praise", title="表扬通报", body="正文初稿。")
    one, two = county.users["supervisor"], second_supervisor(county)
    confirmation = opened(client_as(one), reverse("supervision:bulletin_publish", args=[bulletin.pk]))
    edit = reverse("supervision:bulletin_edit", args=[bulletin.pk])
    client_as(two).post(edit, {**opened(client_as(two), edit), "body": "正文改稿：点名县人社局。"})

    response = client_as(one).post(
        reverse("supervision:bulletin_publish", args=[bulletin.pk]), {**confirmation, "confirm": "on"}
    )
    text = refused(response)
    assert "正文：正文初稿。 → 正文改稿：点名县人社局。" in text
    assert "正文改稿：点名县人社局。" in text  # the confirmation now shows what would really go public
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.DRAFT


def test_a_report_review_after_another_review_is_refused_not_repeated(county: County, client_as: Any) -> None:
    report = services.submit_progress_report(
        county.shared_task, by=None, organization=county.hr, period=2026, task_status="in_progress", percent=30,
        narrative="x",
    )  # fmt: skip
    url = reverse("supervision:report_review", args=[report.pk])
    client_as(county.users["supervisor"]).post(url, {"decision": "accept"})
    response = client_as(second_supervisor(county)).post(url, {"decision": "return", "comment": "补充"}, follow=True)
    assert "只有待审核的报告可以退回" in response.content.decode()
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.ACCEPTED


def test_a_consequence_linked_by_two_supervisors_keeps_the_first_and_tells_the_second(
    county: County, client_as: Any
) -> None:
    round_ = services.create_round(county.region, by=None, year=2026, title="2026年度督导", units=[county.hr])
    consequence = services.record_consequence(round_.assessments.get(), by=None, kind="rectification")
    first_order, second_order = (
        services.issue_rectification_order(
            county.region, by=None, organization=county.hr, finding=finding, deadline=dt.date(2026, 12, 31)
        )
        for finding in ("培训任务滞后。", "经费未到位。")
    )
    url = reverse("supervision:consequence_link", args=[consequence.pk])
    one, two = county.users["supervisor"], second_supervisor(county)
    first, second = opened(client_as(one), url), opened(client_as(two), url)

    assert client_as(one).post(url, {**first, "carried_by": f"order:{first_order.pk}"}).status_code == 302
    text = refused(client_as(two).post(url, {**second, "carried_by": f"order:{second_order.pk}"}))
    assert "整改通知：— →" in text
    consequence.refresh_from_db()
    assert consequence.order == first_order
