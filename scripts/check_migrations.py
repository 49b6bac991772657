#!/usr/bin/env python3
"""Fail when a model change has no migration, or a migration kept Django's `auto_` name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    unnamed = sorted(p.relative_to(ROOT) for p in ROOT.glob("vetplan/*/migrations/*_auto_*.py"))
    if unnamed:
        print("migrations must be named (makemigrations --name ...):", *unnamed, sep="\n  ", file=sys.stderr)
        return 1
    # makemigrations signs nothing: a throwaway key when none is set (settings refuse to start without one).
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="vetplan.settings")
    env.setdefault("SECRET_KEY", "vetplan-check-migrations")
    result = subprocess.run(
        [sys.executable, "-m", "django", "makemigrations", "--check", "--dry-run"], env=env, cwd=ROOT, check=False
    )
    if result.returncode != 0:
        print("a model change has no migration: run `vetplan makemigrations APP --name WHAT`", file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
