"""Every page passes the Content-Security-Policy: a crawl of the site, anonymous and as the administrator,
meets no violation; the charts, the confirmations and the API docs (Swagger UI, local files) still work."""

from __future__ import annotations

import os
from collections import deque
from typing import Any
from urllib.parse import urldefrag, urlparse

import pytest

from tests.e2e.conftest import login
from vetplan.demo.county import DEMO_PASSWORD
from vetplan.demo.loader import load_demo_county
from vetplan.plans.models import Plan

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Links a crawl must not follow: downloads, and actions that change the session.
SKIPPED = ("/logout/", "/xlsx/", "/docx/", "/pdf/", "/evidence/", "/template", "/admin/logout/")
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + e.sourceFile + ":" + e.lineNumber);
});
"""


class Watch:
    """CSP violations on the page, from the console and from securitypolicyviolation events."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.seen: list[str] = []
        page.add_init_script(LISTEN)
        page.on("console", self.console)

    def console(self, message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.seen.append(f"{self.page.url}: {message.text}")

    def collect(self) -> None:
        for violation in self.page.evaluate("window.__cspViolations || []"):
            self.seen.append(f"{self.page.url}: {violation}")


def crawl(page: Any, watch: Watch, base: str, start: str, limit: int) -> list[str]:
    """Breadth-first over the site's own links from `start`; the pages visited."""
    queue, seen, visited = deque([start]), {start}, []
    while queue and len(visited) < limit:
        path = queue.popleft()
        response = page.goto(base + path)
        assert response is not None and response.status < 500, path
        assert "script-src 'self'" in response.headers.get("content-security-policy", ""), path
        page.wait_for_load_state("load")
        watch.collect()
        visited.append(path)
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            url = urlparse(urldefrag(href)[0])
            if url.netloc != urlparse(base).netloc or any(s in url.path for s in SKIPPED):
                continue
            target = url.path + (f"?{url.query}" if url.query else "")
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return visited


def test_every_page_passes_the_content_security_policy(page: Any, live_server: Any) -> None:
    load_demo_county()
    watch = Watch(page)
    base = live_server.url

    public = crawl(page, watch, base, "/", limit=25)
    page.goto(f"{base}/api/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15_000)
    assert "vetplan API" in page.inner_text(".swagger-ui .info .title")
    page.goto(f"{base}/admin/login/")
    watch.collect()

    login(page, live_server, "admin", DEMO_PASSWORD)
    signed_in = crawl(page, watch, base, "/", limit=90)
    for path in ("/admin/", "/password/", "/supervision/bulletins/new/", "/plans/import/"):
        page.goto(base + path)
        watch.collect()

    assert watch.seen == []
    assert len(public) >= 10 and len(signed_in) >= 60, (len(public), len(signed_in))
    assert "/data/" in signed_in and any(p.startswith("/data/targets/") for p in signed_in)


def test_the_charts_are_drawn_from_static_scripts(page: Any, live_server: Any) -> None:
    load_demo_county()
    watch = Watch(page)
    login(page, live_server, "duban", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/data/")
    page.wait_for_selector("#status-chart canvas")
    target_link = page.locator("a[href*='/data/targets/']").first
    target_link.click()
    page.wait_for_selector("#target-chart canvas")
    watch.collect()
    assert watch.seen == []


def test_a_confirmation_asks_first_and_does_nothing_when_declined(page: Any, live_server: Any) -> None:
    plan = load_demo_county().plan
    login(page, live_server, "duban", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    asked: list[str] = []

    def decline(dialog: Any) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", decline)
    page.click("#archive-plan")
    page.wait_for_timeout(300)
    assert asked and "确定归档" in asked[0]
    assert Plan.objects.get(pk=plan.pk).archived_at is None

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#archive-plan")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert Plan.objects.get(pk=plan.pk).archived_at is not None
