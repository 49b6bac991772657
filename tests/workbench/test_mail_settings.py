"""Mail settings come from the environment: the console by default, nonsense refused at start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_with(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    code = "import vetplan.settings as s; print(s.EMAIL_BACKEND, s.DEFAULT_FROM_EMAIL, s.VETPLAN_SITE_URL)"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEFAULT_FROM", "VETPLAN_SITE"))}
    return subprocess.run(  # noqa: S603 (a fixed command line)
        [sys.executable, "-c", code],
        # A secret key of its own: production settings may insist on one.
        env={
            **clean,
            "VETPLAN_VAR_DIR": str(tmp_path),
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": "mail-settings-test",
            **env,
        },
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def test_mail_goes_to_the_console_by_default(tmp_path: Path) -> None:
    result = settings_with(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.mail.backends.console.EmailBackend",
        "vetplan@localhost",
        "http://127.0.0.1:8000",
    ]


def test_tls_and_ssl_together_are_refused(tmp_path: Path) -> None:
    result = settings_with(tmp_path, EMAIL_USE_TLS="1", EMAIL_USE_SSL="1")
    assert result.returncode != 0 and "EMAIL_USE_TLS and EMAIL_USE_SSL" in result.stderr


def test_a_port_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    result = settings_with(tmp_path, EMAIL_PORT="smtp")
    assert result.returncode != 0 and "EMAIL_PORT" in result.stderr
