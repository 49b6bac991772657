"""`vetplan serve` starts gunicorn with threads, processes from the core count (README: Server processes)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command

from vetplan.core.management.commands import serve


def started_with(monkeypatch: Any, *args: str) -> list[str]:
    seen: list[list[str]] = []
    monkeypatch.setattr(serve.os, "execv", lambda path, argv: seen.append(argv))
    call_command("serve", "--no-worker", *args)
    return seen[0]


def option(argv: list[str], name: str) -> str:
    return argv[argv.index(name) + 1]


def test_it_runs_threaded_workers_from_the_core_count(monkeypatch: Any) -> None:
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("VETPLAN_THREADS", raising=False)
    monkeypatch.delenv("VETPLAN_KEEPALIVE", raising=False)
    monkeypatch.setattr(serve.os, "cpu_count", lambda: 2)
    argv = started_with(monkeypatch)
    assert option(argv, "--worker-class") == "gthread"
    assert option(argv, "--workers") == "3" and option(argv, "--threads") == "4"
    assert option(argv, "--keep-alive") == "5"


def test_the_environment_and_the_options_set_them(monkeypatch: Any) -> None:
    monkeypatch.setenv("WEB_CONCURRENCY", "5")
    monkeypatch.setenv("VETPLAN_THREADS", "8")
    monkeypatch.setenv("VETPLAN_KEEPALIVE", "30")
    argv = started_with(monkeypatch)
    assert option(argv, "--workers") == "5" and option(argv, "--threads") == "8"
    assert option(argv, "--keep-alive") == "30"
    argv = started_with(monkeypatch, "--workers", "2", "--threads", "1")
    assert option(argv, "--workers") == "2" and option(argv, "--threads") == "1"


def test_it_refuses_zero_threads(monkeypatch: Any) -> None:
    with pytest.raises(Exception, match="正整数"):
        started_with(monkeypatch, "--threads", "0")
