"""限期整改: from issue through a returned follow-up to verified closure; overdue ones stand out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.supervision.matrix import pdf
from vetplan.supervision import services
from vetplan.supervision.models import RectificationOrder


def test_it_takes_an_order_from_issue_to_verified_closure(county: County, client_as: Any) -> None:
    supervisor, reporter = county.users["supervisor"], county.users["school_reporter"]
    client = client_as(supervisor)
    response = client.post(
        reverse("supervision:order_create"),
        {
            "organization": county.school.pk,
            "finding": "实训设备不足。",
            "requirement": "补齐设备",
            "deadline": "2026-12-31",
        },
    )
    order = RectificationOrder.objects.get()
    assert response.status_code == 302 and order.status == RectificationOrder.Status.ISSUED
    assert order.region == county.region and order.issued_by == supervisor

    client = client_as(reporter)
    client.post(
        reverse("supervision:order_follow_up", args=[order.pk]), {"follow_up": "已采购部分设备。", "evidence": [pdf()]}
    )
    order.refresh_from_db()
    assert order.status == RectificationOrder.Status.SUBMITTED and order.evidence.count() == 1

    client = client_as(supervisor)
    client.post(
        reverse("supervision:order_verify", args=[order.pk]), {"decision": "return", "verification": "设备仍缺。"}
    )
    order.refresh_from_db()
    assert order.status == RectificationOrder.Status.RETURNED

    client = client_as(reporter)
    client.post(reverse("supervision:order_follow_up", args=[order.pk]), {"follow_up": "设备已全部到位。"})
    client = client_as(supervisor)
    client.post(
        reverse("supervision:order_verify", args=[order.pk]), {"decision": "close", "verification": "现场核验属实。"}
    )
    order.refresh_from_db()
    assert order.status == RectificationOrder.Status.CLOSED and order.closed_at is not None
    statuses = list(order.history.order_by("history_date").values_list("status", flat=True))
    assert statuses == ["issued", "submitted", "returned", "submitted", "closed"]
    page = client.get(reverse("supervision:order_detail", args=[order.pk])).content.decode()
    assert "已核验销号" in page and "现场核验属实。" in page


def test_an_order_cannot_be_closed_before_its_follow_up(county: County) -> None:
    order = services.issue_rectification_order(
        county.region, by=None, organization=county.hr, finding="问题", deadline=dt.date(2026, 12, 31)
    )
    with pytest.raises(services.SupervisionError):
        services.close_rectification_order(order, by=None, verification="")


def test_other_units_cannot_follow_up_an_order(county: County, client_as: Any) -> None:
    order = services.issue_rectification_order(
        county.region, by=None, organization=county.school, finding="问题", deadline=dt.date(2026, 12, 31)
    )
    url = reverse("supervision:order_follow_up", args=[order.pk])
    assert client_as(county.users["enterprise_reporter"]).post(url, {"follow_up": "x"}).status_code == 404
    assert client_as(county.users["department_reporter"]).post(url, {"follow_up": "x"}).status_code == 403
    assert client_as(county.users["outsider"]).post(url, {"follow_up": "x"}).status_code == 404


def test_orders_past_their_deadline_stand_out_on_the_home_page(county: County, client_as: Any) -> None:
    services.issue_rectification_order(
        county.region, by=None, organization=county.school, finding="校舍安全隐患未整改", deadline=dt.date(2020, 1, 1)
    )
    page = client_as(county.users["school_reporter"]).get(reverse("home")).content.decode()
    assert 'id="overdue-orders"' in page and "校舍安全隐患未整改" in page
    assert (
        "校舍安全隐患未整改" not in client_as(county.users["enterprise_reporter"]).get(reverse("home")).content.decode()
    )
    assert "校舍安全隐患未整改" not in client_as(None).get(reverse("home")).content.decode()
