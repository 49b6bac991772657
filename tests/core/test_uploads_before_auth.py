"""An upload nobody may make is refused before its body is read; no request body is larger than the cap."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.urls import reverse

from tests.conftest import County

MB = 1024 * 1024


class UnreadBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args: Any) -> bytes:
        raise AssertionError("the request body was read")

    readline = read


@pytest.fixture
def browser_client(client_as: Any) -> Any:
    """client_as(user) with CSRF checks on and a CSRF cookie, as a browser (or an attacker) has: Django's
    CSRF check then reads the multipart body for its token, unless the request is refused first."""

    def login(user: Any) -> Client:
        client = Client(enforce_csrf_checks=True)
        if user is not None:
            client.force_login(user)
        client.cookies[django_settings.CSRF_COOKIE_NAME] = "a" * 32
        return client

    return login


def post_unread(client: Any, url: str, size: int) -> Any:
    return client.generic(
        "POST",
        url,
        CONTENT_TYPE="multipart/form-data; boundary=vetplanboundary",
        CONTENT_LENGTH=str(size),
        **{"wsgi.input": UnreadBody()},
    )


@pytest.mark.parametrize("view_name", ["plans:import_upload", "indicators:data_upload"])
def test_an_anonymous_upload_is_refused_unread(county: County, browser_client: Any, view_name: str) -> None:
    response = post_unread(browser_client(None), reverse(view_name), 5 * MB)
    assert response.status_code == 403


def test_a_reporters_plan_upload_is_refused_unread(county: County, browser_client: Any) -> None:
    response = post_unread(browser_client(county.users["school_reporter"]), reverse("plans:import_upload"), 5 * MB)
    assert response.status_code == 403


def test_a_body_over_the_cap_is_refused_unread_even_for_a_supervisor(
    county: County, browser_client: Any, settings: Any
) -> None:
    settings.VETPLAN_MAX_REQUEST_BYTES = 50 * MB
    response = post_unread(browser_client(county.users["supervisor"]), reverse("plans:import_upload"), 300 * MB)
    assert response.status_code == 413
    assert "上限 50 MB" in response.content.decode()


def test_an_anonymous_300_mb_upload_is_refused_unread(county: County, browser_client: Any) -> None:
    assert post_unread(browser_client(None), reverse("plans:import_upload"), 300 * MB).status_code in (403, 413)


def test_a_body_under_the_cap_goes_through(county: County, client_as: Any, settings: Any) -> None:
    settings.VETPLAN_MAX_REQUEST_BYTES = 1 * MB
    response = client_as(county.users["supervisor"]).post(reverse("plans:import_upload"), {"region": ""})
    assert response.status_code == 200  # the form, with its error: no file chosen
