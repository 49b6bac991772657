"""The database side of a backup, per vendor: a consistent snapshot to a file, and its load.

SQLite: the online backup API (sqlite3.Connection.backup) copies the live database page by page
while the server keeps running, WAL included; restoring copies the pages back, so every value
comes back exactly as it was stored. PostgreSQL: pg_dump in its custom format, taken inside the
same repeatable-read snapshot the row counts are read in (pg_export_snapshot), and pg_restore in
one transaction. Neither goes through Django's serialisers (dumpdata cuts datetimes to
milliseconds, and loaddata's saves write history rows of their own).
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connections, transaction
from django.db.migrations.loader import MigrationLoader

from vetplan.backup.archive import DATABASE_MEMBER, BackupError

# What --force drops before loading, views before the tables they read, sequences last.
DROP_ORDER = [("v", "VIEW"), ("m", "MATERIALIZED VIEW"), ("f", "FOREIGN TABLE"), ("r", "TABLE"), ("p", "TABLE"),
              ("S", "SEQUENCE")]  # fmt: skip


@dataclass(frozen=True)
class Snapshot:
    file: Path
    tables: dict[str, int]
    migrations: list[str]


def vendor_of(using: str) -> str:
    vendor = str(connections[using].vendor)
    if vendor not in DATABASE_MEMBER:
        raise BackupError(f"不支持备份 {vendor} 数据库（只支持 SQLite 和 PostgreSQL）。")
    return vendor


def snapshot(using: str, workdir: Path) -> Snapshot:
    """Copy the database into `workdir` and read its row counts and migrations from the same state."""
    connection = connections[using]
    if connection.in_atomic_block:
        raise BackupError("备份须在事务之外运行。")
    target = workdir / DATABASE_MEMBER[vendor_of(using)]
    if connection.vendor == "sqlite":
        return _sqlite_snapshot(connection, target)
    return _postgres_snapshot(using, target)


def _sqlite_snapshot(connection: Any, target: Path) -> Snapshot:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        # The copy is one self-contained file, whatever journal mode the live database uses.
        copy.execute("PRAGMA journal_mode=DELETE")
        names = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                "ORDER BY name"
            )
        ]
        tables = {name: copy.execute(f"SELECT COUNT(*) FROM {_quote(name)}").fetchone()[0] for name in names}  # noqa: S608 (names read from the catalogue, quoted)
        migrations: list[str] = []
        if "django_migrations" in tables:
            migrations = [r[0] for r in copy.execute("SELECT app || '.' || name FROM django_migrations ORDER BY id")]
    finally:
        copy.close()
    return Snapshot(target, tables, migrations)


def _postgres_snapshot(using: str, target: Path) -> Snapshot:
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot_id = cursor.fetchone()[0]
        tables = _counts(connection, cursor)
        migrations = _migrations(cursor) if "django_migrations" in tables else []
        # pg_dump reads the very snapshot the counts were read in, while this transaction stays open.
        _run(
            "pg_dump",
            ["--format=custom", "--compress=0", "--no-owner", "--no-privileges", f"--snapshot={snapshot_id}",
             f"--file={target}"],
            connection,
        )  # fmt: skip
    return Snapshot(target, tables, migrations)


def table_counts(using: str) -> dict[str, int]:
    connection = connections[using]
    with connection.cursor() as cursor:
        return _counts(connection, cursor)


def existing_tables(using: str) -> list[str]:
    """Tables and views in the database (an empty database has none)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor, include_views=True))


def load(using: str, database_file: Path, *, clear: bool) -> None:
    """Replace the database's contents with the snapshot; `clear` first drops what is there."""
    connection = connections[using]
    if connection.in_atomic_block:
        raise BackupError("恢复须在事务之外运行。")
    try:
        if connection.vendor == "sqlite":
            _sqlite_load(connection, database_file)
        else:
            if clear:
                _postgres_drop_everything(using)
            connection.close()
            _run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                                "--dbname", str(connection.settings_dict["NAME"]), str(database_file)], connection)  # fmt: skip
    finally:
        connection.close()


def _sqlite_load(connection: Any, database_file: Path) -> None:
    # The backup API replaces every page of the destination: nothing of what was there survives.
    connection.ensure_connection()
    source = sqlite3.connect(database_file)
    try:
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite 恢复失败（{error}）。") from None
    finally:
        source.close()


def _postgres_drop_everything(using: str) -> None:
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
        )
        relations = cursor.fetchall()
        for kind, statement in DROP_ORDER:
            for name, relkind in relations:
                if relkind == kind:
                    cursor.execute(f"DROP {statement} IF EXISTS {connection.ops.quote_name(name)} CASCADE")


def unknown_migrations(applied: list[str]) -> list[str]:
    """Migrations recorded in a backup that this version of vetplan does not have (a newer backup)."""
    on_disk = {f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations}
    return [m for m in applied if m not in on_disk]


def pending_migrations(applied: list[str]) -> list[str]:
    """This version's migrations a backup has not applied (an older backup: run `vetplan migrate`)."""
    done = set(applied)
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(f"{app}.{name}" for app, name in loader.disk_migrations if f"{app}.{name}" not in done)


def _counts(connection: Any, cursor: Any) -> dict[str, int]:
    counts = {}
    for name in sorted(connection.introspection.table_names(cursor)):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(name)}")  # noqa: S608 (catalogue names, quoted)
        counts[name] = int(cursor.fetchone()[0])
    return counts


def _migrations(cursor: Any) -> list[str]:
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return [f"{app}.{name}" for app, name in cursor.fetchall()]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def pg_tool(name: str) -> str:
    """The newest PostgreSQL client program under /usr/lib/postgresql/*/bin, else on the PATH."""

    def version(path: str) -> int:
        major = Path(path).parent.parent.name
        return int(major) if major.isdigit() else -1

    for candidate in sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version, reverse=True):
        if os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"找不到 {name}：请安装 PostgreSQL 客户端（Debian：apt install postgresql-client）。")
    return found


def _run(program: str, args: list[str], connection: Any) -> None:
    settings = connection.settings_dict
    _, extra = connection.client.settings_to_cmd_args_env(settings, [])
    env = {**os.environ, **(extra or {})}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGDATABASE", "NAME")):
        if settings.get(key):
            env[variable] = str(settings[key])
    result = subprocess.run([pg_tool(program), *args], env=env, capture_output=True, text=True, check=False)  # noqa: S603 (fixed argv, no shell)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()[-5:]
        raise BackupError(f"{program} 失败（退出码 {result.returncode}）：" + " ".join(detail))
