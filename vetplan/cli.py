"""The `vetplan` console script: a thin dispatcher over Django management commands.

`vetplan demo`, `vetplan serve`, `vetplan extract FILE`, `vetplan migrate` ... are the
management commands of the project's apps (and Django's own) under one name.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    execute_from_command_line(["vetplan", *args])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
