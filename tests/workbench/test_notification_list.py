"""A user reads their own notifications, marks them read, and sees the unread count in the header."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.conftest import County
from vetplan.workbench.models import Notification
from vetplan.workbench.services import Notice, notify

Kind = Notification.Kind


def tell(unit: Any, text: str = "请尽快报送进展报告。", kind: str = Kind.URGED, link: str = "/tasks/") -> None:
    notify([Notice(unit, kind, text, link)])


def test_it_lists_only_the_users_own_notifications(county: County, client_as: Any) -> None:
    tell(county.school, "职教中心的通知")
    tell(county.hr, "人社局的通知")
    page = client_as(county.users["school_reporter"]).get(reverse("workbench:notification_list")).content.decode()
    assert "职教中心的通知" in page and "人社局的通知" not in page
    assert 'data-testid="unread-total">未读 1 条<' in page


def test_another_users_notification_is_not_found(county: County, client_as: Any) -> None:
    tell(county.hr)
    notice = Notification.objects.get()
    client = client_as(county.users["school_reporter"])
    url = reverse("workbench:notification_read", kwargs={"notification_pk": notice.pk})
    assert client.post(url).status_code == 404
    notice.refresh_from_db()
    assert notice.read_at is None


def test_opening_a_notification_marks_it_read_and_goes_to_its_page(county: County, client_as: Any) -> None:
    tell(county.school, link=f"/tasks/{county.shared_task.pk}/")
    notice = Notification.objects.get()
    client = client_as(county.users["school_reporter"])
    response = client.post(reverse("workbench:notification_read", kwargs={"notification_pk": notice.pk}), {"open": "1"})
    assert response.status_code == 302 and response["Location"] == f"/tasks/{county.shared_task.pk}/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_marking_read_stays_on_the_list(county: County, client_as: Any) -> None:
    tell(county.school)
    notice = Notification.objects.get()
    client = client_as(county.users["school_reporter"])
    back = reverse("workbench:notification_list") + "?unread=1"
    response = client.post(
        reverse("workbench:notification_read", kwargs={"notification_pk": notice.pk}), {"next": back}
    )
    assert response["Location"] == back
    notice.refresh_from_db()
    assert notice.is_read


def test_it_never_redirects_off_the_site(county: County, client_as: Any) -> None:
    tell(county.school, link="https://evil.example/")
    notice = Notification.objects.get()
    client = client_as(county.users["school_reporter"])
    url = reverse("workbench:notification_read", kwargs={"notification_pk": notice.pk})
    response = client.post(url, {"open": "1", "next": "https://evil.example/"})
    assert response["Location"] == reverse("workbench:notification_list")


def test_mark_all_read_touches_only_the_users_own(county: County, client_as: Any) -> None:
    tell(county.school)
    tell(county.school)
    tell(county.hr)
    client = client_as(county.users["school_reporter"])
    response = client.post(reverse("workbench:notification_read_all"), follow=True)
    assert "已将 2 条通知标为已读。" in response.content.decode()
    assert Notification.objects.filter(read_at__isnull=True).get().recipient == county.users["department_reporter"]


def test_the_list_filters_unread_and_kind_and_paginates(county: County, client_as: Any) -> None:
    for n in range(55):
        tell(county.school, f"催办第{n}号")
    tell(county.school, "整改通知一则", kind=Kind.ORDER_ISSUED)
    Notification.objects.filter(text="催办第0号").update(read_at="2026-01-01T00:00:00Z")
    client = client_as(county.users["school_reporter"])
    url = reverse("workbench:notification_list")
    first = client.get(url).content.decode()
    assert "共 56 条" in first and "第 1 / 2 页" in first
    assert "整改通知一则" in client.get(url, {"kind": Kind.ORDER_ISSUED}).content.decode()
    assert "催办第1号" not in client.get(url, {"kind": Kind.ORDER_ISSUED}).content.decode()
    assert "共 55 条" in client.get(url, {"unread": "1"}).content.decode()


def test_the_header_counts_unread_notifications_and_todos(county: County, client_as: Any) -> None:
    tell(county.school)
    tell(county.school)
    client = client_as(county.users["school_reporter"])
    fragment = client.get(reverse("workbench:badges")).content.decode()
    assert 'data-testid="unread-badge"' in fragment and '<span class="count">2</span>' in fragment
    # Every page asks for the counts once it has loaded; the home page has them already.
    page = client.get(reverse("plans:task_list")).content.decode()
    assert 'hx-get="/workbench/badges/"' in page
    home = client.get(reverse("home")).content.decode()
    assert 'data-testid="unread-badge"' in home and 'hx-get="/workbench/badges/"' not in home


def test_anonymous_visitors_get_no_counts(county: County, client_as: Any) -> None:
    page = client_as(None).get(reverse("home")).content.decode()
    assert "header-badges" not in page and "我的待办" not in page
