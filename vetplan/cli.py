"""The `vetplan` console script: a thin dispatcher over Django management commands.

`vetplan demo`, `vetplan serve`, `vetplan extract FILE`, `vetplan migrate` ... are the
management commands of the project's apps (and Django's own) under one name.
"""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import MutableMapping
from pathlib import Path

# The commands that start the site (its server, its background worker): without SECRET_KEY they make
# the installation's own key.
STARTS_THE_SITE = {"demo", "serve", "worker"}
KEY_FILE = "secret_key"


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
    from django.core.management import execute_from_command_line

    from vetplan.env import env_bool, var_dir

    args = sys.argv[1:] if argv is None else argv
    if not env_bool("DEBUG", False):
        use_installation_key(args[0] if args else "", os.environ, var_dir())
    execute_from_command_line(["vetplan", *args])
    return 0


def use_installation_key(command: str, environ: MutableMapping[str, str], var_dir: Path) -> None:
    """Without SECRET_KEY: use the installation's key (var/secret_key), made by the first `demo` or `serve`.

    So `make demo` works on a fresh machine and keeps its sessions across restarts, while a process
    started any other way without a key (gunicorn, a command before the first start) stops with
    the message in settings.py instead of running on a published development key."""
    if environ.get("SECRET_KEY"):
        return
    path = var_dir / KEY_FILE
    if not path.exists():
        if command not in STARTS_THE_SITE:
            return
        _write_key_once(path)
    environ["SECRET_KEY"] = path.read_text().strip()


def _write_key_once(path: Path) -> None:
    """Written whole under another name, then linked into place: a server and a worker started together
    both end up with the one key that got there first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as key_file:
        key_file.write(secrets.token_urlsafe(50) + "\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()


if __name__ == "__main__":
    raise SystemExit(main())
