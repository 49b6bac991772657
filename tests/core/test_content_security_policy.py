"""The Content-Security-Policy header, and templates that keep to it (the browser test crawls the pages)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

TEMPLATES = Path(__file__).resolve().parents[2] / "vetplan" / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def test_every_page_carries_the_policy(db: Any, client: Any) -> None:
    for path in ("/", "/login/", "/api/docs", "/admin/login/", "/no-such-page/"):
        policy = client.get(path)["Content-Security-Policy"]
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["script-src"] == "'self'", path
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_report_only_mode_for_trying_a_stricter_policy(db: Any, client: Any, settings: Any) -> None:
    settings.VETPLAN_CSP_REPORT_ONLY = True
    response = client.get("/login/")
    assert "Content-Security-Policy" not in response and "Content-Security-Policy-Report-Only" in response


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_script(template: Path) -> None:
    text = template.read_text()
    assert not INLINE_SCRIPT.search(text), "move the script to vetplan/static/js/ (data through json_script)"
    assert not HANDLER.search(text), "use data-confirm (static/js/actions.js) or a static script"
    assert "javascript:" not in text


def test_the_api_docs_load_swagger_ui_from_this_site(db: Any, client: Any) -> None:
    page = client.get("/api/docs").content.decode()
    assert "/static/vendor/swagger-ui-bundle.js" in page and "/static/vendor/swagger-ui.css" in page
    assert "cdn" not in page.lower() and "https://" not in page
