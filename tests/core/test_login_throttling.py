"""Login throttling on both login pages: after 5 wrong passwords a user name is refused from that address."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tests.conftest import County
from tests.factories import PASSWORD
from vetplan.core.security import client_ip

LOGIN_PAGES = ["/login/", "/admin/login/"]


def attempt(client: Any, url: str, username: str, password: str, address: str = "127.0.0.1") -> Any:
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client: Any) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", LOGIN_PAGES)
def test_the_right_password_after_five_wrong_ones_is_refused(county: County, client: Any, url: str) -> None:
    user = county.users["county_admin"]  # staff, so the admin login would let it in
    for _ in range(4):
        assert attempt(client, url, user.username, "wrong").status_code == 200  # the form, with its error
    assert attempt(client, url, user.username, "wrong").status_code == 429  # the fifth locks out
    response = attempt(client, url, user.username, PASSWORD)
    assert response.status_code == 429 and not signed_in(client)
    body = response.content.decode()
    assert "登录已暂停" in body and "已连续输错 5 次" in body and "15 分钟后再试" in body


def test_fifty_wrong_passwords_then_the_right_one_is_refused(county: County, client: Any) -> None:
    user = county.users["supervisor"]
    for _ in range(50):
        attempt(client, "/login/", user.username, "wrong")
    assert attempt(client, "/login/", user.username, PASSWORD).status_code == 429
    assert not signed_in(client)


def test_the_same_user_from_another_address_still_signs_in(county: County, client: Any) -> None:
    user = county.users["supervisor"]
    for _ in range(5):
        attempt(client, "/login/", user.username, "wrong", address="10.0.0.9")
    response = attempt(client, "/login/", user.username, PASSWORD, address="10.0.0.10")
    assert response.status_code == 302 and signed_in(client)


def test_a_colleague_at_the_same_address_still_signs_in(county: County, client: Any) -> None:
    for _ in range(5):
        attempt(client, "/login/", county.users["supervisor"].username, "wrong")
    assert attempt(client, "/login/", county.users["school_reporter"].username, PASSWORD).status_code == 302


def test_the_lockout_ends_after_the_cool_off(county: County, client: Any) -> None:
    user = county.users["supervisor"]
    for _ in range(5):
        attempt(client, "/login/", user.username, "wrong")
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=16)):
        assert attempt(client, "/login/", user.username, PASSWORD).status_code == 302


def test_a_successful_login_resets_the_count(county: County, client: Any) -> None:
    user = county.users["supervisor"]
    for _ in range(4):
        attempt(client, "/login/", user.username, "wrong")
    assert attempt(client, "/login/", user.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "/login/", user.username, "wrong")
    assert attempt(client, "/login/", user.username, PASSWORD).status_code == 302


def test_the_limit_and_the_lockout_come_from_the_settings(county: County, client: Any, settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=30)
    user = county.users["supervisor"]
    for _ in range(2):
        attempt(client, "/login/", user.username, "wrong")
    response = attempt(client, "/login/", user.username, PASSWORD)
    assert response.status_code == 429 and "30 分钟后再试" in response.content.decode()


def test_behind_a_proxy_the_address_it_saw_counts(settings: Any) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    assert client_ip(request) == "10.0.0.1"
    settings.VETPLAN_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7"  # the client cannot forge the proxy's own entry


def test_the_login_page_is_where_the_count_is_kept_not_the_session(county: County, client: Any) -> None:
    user = county.users["supervisor"]
    for _ in range(5):
        attempt(client, reverse("login"), user.username, "wrong")
    client.cookies.clear()  # a fresh browser is still refused
    assert attempt(client, reverse("login"), user.username, PASSWORD).status_code == 429
