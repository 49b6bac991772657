"""A visitor who is not signed in finds the published annual quality report and reads it, charts included."""

from __future__ import annotations

import os
from typing import Any

import pytest

from vetplan.demo.loader import load_demo_county
from vetplan.reports.models import QualityReport

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_visitor_reads_the_published_quality_report(page: Any, live_server: Any) -> None:
    region = load_demo_county().region
    published = QualityReport.objects.get(region=region, organization=None)
    draft = QualityReport.objects.filter(region=region, organization__isnull=False).first()
    assert draft is not None and not draft.is_published

    page.goto(f"{live_server.url}/")
    page.click("#public-documents >> text=职业教育质量年度报告")
    rows = page.locator("#quality-reports tbody tr")
    assert rows.count() == 1 and published.title in rows.first.inner_text()

    rows.first.locator("a", has_text=published.title).click()
    page.wait_for_url(f"{live_server.url}/quality-reports/{published.pk}/")
    assert page.locator("h2", has_text="人才培养").count() == 1
    charts = page.locator(".report-chart img")
    assert charts.count() >= 3
    assert all(charts.nth(i).evaluate("img => img.naturalWidth") > 0 for i in range(charts.count()))
    with page.expect_download() as download:
        page.click("text=PDF")
    assert download.value.suggested_filename == f"{published.title}.pdf"

    response = page.goto(f"{live_server.url}/quality-reports/{draft.pk}/")
    assert response is not None and response.status == 404
