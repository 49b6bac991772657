"""With DEBUG off vetplan needs a SECRET_KEY; `vetplan demo`/`serve` make the installation's own;
`check --deploy` then asks only for the TLS settings a reverse proxy provides."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from vetplan.cli import use_installation_key

ROOT = Path(__file__).resolve().parents[2]
TLS_WARNINGS = ["security.W004", "security.W008", "security.W012", "security.W016"]


def run(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`vetplan ARGS` in a fresh environment: no SECRET_KEY, DEBUG or settings module unless given (nor the
    browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses)."""
    unset = {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    base.update(PYTHONPATH=str(ROOT), VETPLAN_VAR_DIR=str(tmp_path / "var"), **env)
    return subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
        [sys.executable, "-m", "vetplan.cli", *args], env=base, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_starting_without_debug_and_without_a_key_fails_with_a_message(tmp_path: Path) -> None:
    result = run(tmp_path, "check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr and "vetplan serve" in result.stderr


def test_debug_runs_on_the_development_key(tmp_path: Path) -> None:
    assert run(tmp_path, "check", DEBUG="1").returncode == 0


def test_check_deploy_asks_only_for_the_tls_settings(tmp_path: Path) -> None:
    result = run(tmp_path, "check", "--deploy", DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stderr
    assert sorted(set(re.findall(r"\((\w+\.\w+)\)", result.stderr))) == TLS_WARNINGS, result.stderr


def test_check_deploy_is_clean_with_the_tls_settings_of_the_readme(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        "check",
        "--deploy",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        VETPLAN_HSTS_SECONDS="31536000",
        VETPLAN_HSTS_INCLUDE_SUBDOMAINS="1",
        VETPLAN_HSTS_PRELOAD="1",
        VETPLAN_SSL_REDIRECT="1",
        VETPLAN_SECURE_COOKIES="1",
        VETPLAN_PROXY_HTTPS_HEADER="1",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_demo_and_serve_make_the_installations_key_once(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    use_installation_key("demo", environ, tmp_path)
    key = environ["SECRET_KEY"]
    assert len(key) >= 50 and (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    again: dict[str, str] = {}
    use_installation_key("serve", again, tmp_path)
    assert again["SECRET_KEY"] == key  # sessions survive a restart


def test_other_commands_use_the_installations_key_but_never_make_one(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    use_installation_key("migrate", environ, tmp_path)
    assert environ == {} and not (tmp_path / "secret_key").exists()
    use_installation_key("serve", {}, tmp_path)
    use_installation_key("migrate", environ, tmp_path)
    assert environ["SECRET_KEY"] == (tmp_path / "secret_key").read_text().strip()


def test_a_key_in_the_environment_wins(tmp_path: Path) -> None:
    environ = {"SECRET_KEY": "from-the-environment"}
    use_installation_key("serve", environ, tmp_path)
    assert environ["SECRET_KEY"] == "from-the-environment" and not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize("command", ["demo", "serve"])
def test_the_console_script_passes_the_key_to_the_server(tmp_path: Path, command: str) -> None:
    result = run(tmp_path, command, "--help", DEBUG="0")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "secret_key").exists()


def test_a_key_made_meanwhile_by_another_process_is_kept(tmp_path: Path) -> None:
    (tmp_path / "secret_key").write_text("made-by-the-server\n")
    environ: dict[str, str] = {}
    use_installation_key("worker", environ, tmp_path)
    assert environ["SECRET_KEY"] == "made-by-the-server"
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
