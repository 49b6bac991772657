"""The domains' events become notifications for the units concerned, mailed after the commit."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from tests.conftest import County
from tests.factories import make_task, member
from tests.indicators.helpers import save as save_data
from tests.supervision.matrix import pdf
from vetplan.indicators.models import Dataset
from vetplan.indicators.services import remind_missing
from vetplan.orgs.roles import Role
from vetplan.supervision import services
from vetplan.supervision.models import SupervisionItem
from vetplan.workbench.models import Notification

Kind = Notification.Kind


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")


def school_report(county: County, *, closing: bool = False) -> Any:
    task = make_task(county.plan, "7", lead=[county.school], deadline=dt.date(2026, 12, 31))
    return services.submit_progress_report(
        task,
        by=county.users["school_reporter"],
        organization=county.school,
        period=2026,
        task_status="done" if closing else "in_progress",
        percent=100 if closing else 40,
        narrative="实训基地主体完工。",
        files=[pdf()] if closing else [],
    )


def notices_of(user: Any) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user))


def test_it_tells_the_unit_its_report_was_returned_and_by_when(county: County) -> None:
    report = school_report(county)
    services.return_progress_report(
        report, by=county.users["supervisor"], comment="请补充佐证材料。", resubmit_by=dt.date(2026, 12, 20)
    )
    [notice] = notices_of(county.users["school_reporter"])
    assert notice.kind == Kind.REPORT_RETURNED and notice.read_at is None
    assert "任务7的2026年进展报告被退回" in notice.text and "2026-12-20" in notice.text
    assert "请补充佐证材料。" in notice.text
    assert notice.link == f"/supervision/reports/{report.pk}/"
    assert notice.organization == county.school


def test_it_tells_the_unit_its_report_was_accepted(county: County) -> None:
    report = school_report(county)
    services.accept_progress_report(report, by=county.users["supervisor"], comment="进展扎实。")
    [notice] = notices_of(county.users["school_reporter"])
    assert notice.kind == Kind.REPORT_ACCEPTED and "已通过审核" in notice.text and "进展扎实。" in notice.text


def test_a_decided_closing_request_is_a_notice_of_its_own(county: County) -> None:
    report = school_report(county, closing=True)
    services.return_progress_report(report, by=county.users["supervisor"], comment="请附验收报告。")
    services.resubmit_progress_report(
        report, by=county.users["school_reporter"], task_status="done", percent=100, narrative="已附验收报告。"
    )
    services.accept_progress_report(report, by=county.users["supervisor"])
    kinds = [n.kind for n in Notification.objects.filter(recipient=county.users["school_reporter"]).order_by("pk")]
    assert kinds == [Kind.CLOSING_RETURNED, Kind.CLOSING_ACCEPTED]
    assert "办结申请已通过审核，任务已办结" in notices_of(county.users["school_reporter"])[0].text


def test_a_urge_reaches_the_unit_of_the_supervision_item(county: County) -> None:
    bureau_user = member(county.education, Role.DEPARTMENT, username="jiaoti1")
    services.escalate_missing_reports(dt.date(2025, 7, 2))
    item = SupervisionItem.objects.get(task=county.bureau_task)
    services.urge_supervision_item(item, by=county.users["supervisor"], message="请于本周内报送。")
    [notice] = notices_of(bureau_user)
    assert notice.kind == Kind.URGED and notice.text == "督导室催办：请于本周内报送。"
    assert notice.link == f"/tasks/{county.bureau_task.pk}/"
    assert not Notification.objects.exclude(recipient=bureau_user).exists()  # nobody else is told


def test_an_issued_order_reaches_every_user_of_the_unit(county: County) -> None:
    second = member(county.hr, Role.DEPARTMENT, username="renshe2")
    order = services.issue_rectification_order(
        county.region,
        by=county.users["supervisor"],
        organization=county.hr,
        finding="培训台账不全。",
        deadline=dt.date(2026, 9, 30),
    )
    recipients = set(Notification.objects.values_list("recipient__username", flat=True))
    assert recipients == {"renshe1", second.username}
    notice = Notification.objects.get(recipient=second)
    assert notice.kind == Kind.ORDER_ISSUED and "2026-09-30" in notice.text and "培训台账不全。" in notice.text
    assert notice.link == f"/supervision/orders/{order.pk}/"


def test_a_data_reminder_reaches_each_unit_still_missing_the_data(county: County) -> None:
    save_data(county.users["supervisor"], county.enterprise, 2024, internship_posts=10)
    remind_missing(county.region, Dataset.ENTERPRISE, 2025, by=county.users["supervisor"])
    [notice] = notices_of(county.users["enterprise_reporter"])
    assert notice.kind == Kind.DATA_REMINDER and "2025年企业数据" in notice.text
    assert notice.link == f"/data/entry/{county.enterprise.pk}/2025/"
    assert not notices_of(county.users["school_reporter"])  # the school was not reminded of enterprise data


def test_a_refused_change_leaves_no_notification(county: County) -> None:
    report = school_report(county)
    services.accept_progress_report(report, by=county.users["supervisor"])
    with pytest.raises(services.SupervisionError):
        services.return_progress_report(report, by=county.users["supervisor"], comment="再改改。")
    assert [n.kind for n in notices_of(county.users["school_reporter"])] == [Kind.REPORT_ACCEPTED]


def test_it_mails_the_users_with_an_address_once_the_change_is_committed(
    county: County, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any, settings: Any
) -> None:
    settings.VETPLAN_SITE_URL = "https://vetplan.example.org/"
    school_user = county.users["school_reporter"]
    get_user_model().objects.filter(pk=school_user.pk).update(email="zhijiao@example.org")
    member(county.school, Role.SCHOOL, username="zhijiao2")  # no address: notified in the app only
    report = school_report(county)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.return_progress_report(report, by=county.users["supervisor"], comment="请补充佐证材料。")
    assert mailoutbox == []  # nothing leaves before the commit
    for callback in callbacks:
        callback()
    [mail] = mailoutbox
    assert mail.to == ["zhijiao@example.org"] and mail.subject == "[vetplan] 报告退回"
    assert "请补充佐证材料。" in mail.body
    assert f"https://vetplan.example.org/supervision/reports/{report.pk}/" in mail.body
    assert Notification.objects.filter(recipient__username="zhijiao2").count() == 1


def test_a_rolled_back_change_sends_no_mail(
    county: County, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    get_user_model().objects.filter(pk=county.users["school_reporter"].pk).update(email="zhijiao@example.org")
    report = school_report(county)
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                services.return_progress_report(report, by=county.users["supervisor"], comment="请补充。")
                raise RuntimeError("the request failed after the service")
        except RuntimeError:
            pass
    assert mailoutbox == [] and not Notification.objects.exists()


def test_a_failing_mail_server_does_not_undo_the_change(
    county: County, django_capture_on_commit_callbacks: Any, caplog: Any
) -> None:
    get_user_model().objects.filter(pk=county.users["school_reporter"].pk).update(email="zhijiao@example.org")
    report = school_report(county)
    with (
        mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=OSError("no route")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.return_progress_report(report, by=county.users["supervisor"], comment="请补充。")
    report.refresh_from_db()
    assert report.status == "returned" and Notification.objects.count() == 1
    assert "通知邮件发送失败" in caplog.text
