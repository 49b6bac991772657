"""A refused (403) or missing (404) page is one log line, not a traceback; a server error keeps its traceback."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County


def request_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = logging.Formatter("%(levelname)s %(name)s %(message)s")
    return [formatter.format(r) for r in caplog.records if r.name.startswith("django.")]


def test_a_refused_page_is_one_log_line(county: County, client_as: Any, caplog: pytest.LogCaptureFixture) -> None:
    client = client_as(county.users["school_reporter"])
    with caplog.at_level(logging.WARNING):
        response = client.post(reverse("plans:plan_archive", args=[county.plan.pk]))
    assert response.status_code == 403
    (line,) = request_lines(caplog)
    assert line == f"WARNING django.request Forbidden (Permission denied): /plans/{county.plan.pk}/archive/"
    assert "\n" not in line and "Traceback" not in line


def test_a_missing_page_is_one_log_line(county: County, client_as: Any, caplog: pytest.LogCaptureFixture) -> None:
    client = client_as(county.users["outsider"])
    with caplog.at_level(logging.WARNING):
        response = client.get(reverse("plans:task_detail", args=[county.shared_task.pk]))
    assert response.status_code == 404
    (line,) = request_lines(caplog)
    assert line == f"WARNING django.request Not Found: /tasks/{county.shared_task.pk}/"


def test_a_server_error_keeps_its_traceback(client: Any, caplog: pytest.LogCaptureFixture, monkeypatch: Any) -> None:
    from vetplan.workbench import views

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "deadline_summary", broken)
    client.raise_request_exception = False
    with caplog.at_level(logging.WARNING):
        assert client.get("/").status_code == 500
    (line,) = request_lines(caplog)
    assert line.startswith("ERROR django.request Internal Server Error: /") and "RuntimeError: boom" in line
