"""The supervisor publishes a bulletin after checking what goes public, then withdraws it with a
reason; a visitor who is not signed in sees that it was withdrawn, when and why."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.e2e.conftest import login
from tests.factories import PASSWORD
from vetplan.supervision import services
from vetplan.supervision.models import Bulletin

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "经核实，县华信机械已按期完成实训基地建设，原通报所述情况有误。"


def test_a_withdrawn_bulletin_tells_the_public_it_was_withdrawn_and_why(
    page: Any, live_server: Any, county: County
) -> None:
    supervisor = county.users["supervisor"]
    bulletin = services.draft_bulletin(
        county.region, by=supervisor, kind=Bulletin.Kind.CRITICISM, title="关于实训基地建设滞后的通报",
        body="县华信机械实训基地建设滞后，予以通报批评。", organizations=[county.enterprise],
    )  # fmt: skip

    login(page, live_server, supervisor.username, PASSWORD)
    page.goto(f"{live_server.url}/bulletins/{bulletin.pk}/")
    page.click("text=发布")
    assert page.inner_text("#public-title") == "关于实训基地建设滞后的通报"
    assert page.inner_text("#public-units") == "县华信机械"
    page.check("#id_confirm")
    page.click("button:has-text('确认发布')")
    page.wait_for_url(f"{live_server.url}/bulletins/{bulletin.pk}/")

    page.click("a:has-text('撤回')")
    page.fill("#id_reason", REASON)
    page.click("button:has-text('确认撤回')")
    page.wait_for_selector("#withdrawal")
    page.click("button:has-text('退出')")

    page.goto(f"{live_server.url}/bulletins/")
    row = page.locator("#bulletins tbody tr", has_text="关于实训基地建设滞后的通报")
    assert "已撤回" in row.inner_text()
    row.locator("a", has_text="关于实训基地建设滞后的通报").click()
    page.wait_for_url(f"{live_server.url}/bulletins/{bulletin.pk}/")
    notice = page.inner_text("#withdrawal")
    assert "本通报已撤回" in notice and REASON in notice
    assert "已撤回" in page.inner_text("h1")
    assert "予以通报批评" not in page.inner_text("#bulletin")
    assert page.locator("#bulletin a", has_text="PDF").count() == 0
    response = page.goto(live_server.url + reverse("reports:bulletin", args=[bulletin.pk, "pdf"]))
    assert response is not None and response.status == 403 and "撤回" in page.inner_text("body")

    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.WITHDRAWN and bulletin.withdrawal_reason == REASON
