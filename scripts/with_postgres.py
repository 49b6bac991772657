#!/usr/bin/env python3
"""Run a command against a throwaway PostgreSQL cluster: initdb, start, run, stop, delete.

usage: with_postgres.py COMMAND [ARGS...]

The cluster lives in a temporary directory, listens on 127.0.0.1 on a free port with
trust authentication, and is gone when the command ends. DATABASE_URL points the command
at it. As root the server runs as the `postgres` system user (PostgreSQL refuses root).
Without server binaries the run is skipped with a note, except under CI=true where that
is a failure.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path


def find_bindir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for directory in reversed(candidates):
        if Path(directory, "pg_ctl").exists():
            return Path(directory)
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).parent if pg_ctl else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    bindir = find_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            print("with_postgres: no PostgreSQL server binaries (pg_ctl) found; CI requires them", file=sys.stderr)
            return 1
        print("with_postgres: no PostgreSQL server binaries found; skipping the PostgreSQL run", file=sys.stderr)
        return 0

    as_root = os.geteuid() == 0
    workdir = Path(tempfile.mkdtemp(prefix="vetplan-pg-"))
    datadir, sockdir = workdir / "data", workdir / "sock"
    sockdir.mkdir()
    prefix: list[str] = []
    if as_root:
        owner = pwd.getpwnam("postgres")
        os.chmod(workdir, 0o755)  # noqa: S103 (the postgres user must enter its own temp dir)
        for path in (workdir, sockdir):
            os.chown(path, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]

    port = free_port()
    log = workdir / "server.log"

    def pg(*args: str) -> None:
        subprocess.run([*prefix, *args], check=True, stdout=subprocess.DEVNULL)

    try:
        pg(str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres", "-A", "trust", "-E", "UTF8",
           "--locale=C.UTF-8" if _has_c_utf8() else "--locale=C", "--no-sync")  # fmt: skip
        options = f"-p {port} -k {sockdir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        pg(str(bindir / "pg_ctl"), "-D", str(datadir), "-o", options, "-l", str(log), "-w", "start")
        # The database DATABASE_URL names, so `vetplan migrate` works too (pytest makes its own test_ one).
        pg(str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "vetplan")
        version = subprocess.run(
            [str(bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        print(f"with_postgres: started {version} on 127.0.0.1:{port}", file=sys.stderr)
        env = dict(os.environ, DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/vetplan")
        return subprocess.run(argv, env=env, check=False).returncode
    except subprocess.CalledProcessError as error:
        print(f"with_postgres: {' '.join(error.cmd)} failed", file=sys.stderr)
        if log.exists():
            print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
        return 1
    finally:
        if (datadir / "postmaster.pid").exists():
            subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "fast", "-w", "stop"],
                           check=False, stdout=subprocess.DEVNULL)  # fmt: skip
        shutil.rmtree(workdir, ignore_errors=True)


def _has_c_utf8() -> bool:
    result = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    return any(name.lower() in ("c.utf8", "c.utf-8") for name in result.stdout.split())


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
