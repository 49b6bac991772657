"""Every signed-in user changes their own password from the header's link."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.factories import PASSWORD

SIGNED_IN = ["county_admin", "supervisor", "department_reporter", "school_reporter", "enterprise_reporter"]
NEW_PASSWORD = "县域职教-2026-新密码"


@pytest.mark.parametrize("persona", SIGNED_IN)
def test_every_signed_in_user_changes_their_password(county: County, client: Any, persona: str) -> None:
    user = county.users[persona]
    client.force_login(user)
    page = client.get(reverse("password_change"))
    assert page.status_code == 200 and "修改密码" in page.content.decode()
    response = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    assert "密码已修改" in client.get(reverse("password_change_done")).content.decode()  # still signed in
    client.logout()
    login = client.post(reverse("login"), {"username": user.username, "password": NEW_PASSWORD})
    assert login.status_code == 302


def test_a_wrong_old_password_is_refused_in_chinese(county: County, client: Any) -> None:
    client.force_login(county.users["school_reporter"])
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200 and "旧密码不正确" in response.content.decode()


def test_a_common_password_is_refused(county: County, client: Any) -> None:
    client.force_login(county.users["school_reporter"])
    response = client.post(
        reverse("password_change"), {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"}
    )
    assert response.status_code == 200 and "密码" in response.content.decode()
    assert "new_password2" in response.context["form"].errors


def test_anonymous_is_sent_to_the_login_page(db: Any, client: Any) -> None:
    response = client.get(reverse("password_change"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_the_header_links_to_it_for_signed_in_users_only(county: County, client: Any) -> None:
    assert reverse("password_change") not in client.get("/").content.decode()
    client.force_login(county.users["enterprise_reporter"])
    assert reverse("password_change") in client.get("/").content.decode()
