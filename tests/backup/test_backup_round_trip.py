"""`vetplan backup` then `vetplan restore` into an empty database gives back every table byte for
byte (history tables included) and every evidence file, on SQLite and on PostgreSQL.

The restore runs the `vetplan restore` command into a scratch database beside the test database
(a second SQLite file, or a second database on the same PostgreSQL server) and a media directory
of its own; the comparison reads both databases through the driver, not through Django.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection

from tests.conftest import County
from tests.indicators.helpers import save
from tests.supervision.matrix import pdf
from vetplan.backup.archive import media_files
from vetplan.indicators.catalogue import ensure_catalogue
from vetplan.indicators.services import record_target_report
from vetplan.plans.services import update_task
from vetplan.reports import services as reports
from vetplan.supervision import services
from vetplan.supervision.models import EvidenceFile, ProgressReport

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump reads committed data only
ROOT = str(Path(__file__).resolve().parents[2])

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


@dataclass(frozen=True)
class Scratch:
    """A second, empty database of the test database's vendor, and a media directory of its own."""

    url: str
    var_dir: Path
    sqlite_path: Path | None = None
    postgres: dict[str, Any] | None = None

    def connect(self) -> Any:
        if self.sqlite_path is not None:
            return sqlite3.connect(self.sqlite_path)
        import psycopg

        return psycopg.connect(**(self.postgres or {}))

    @property
    def media(self) -> Path:
        return self.var_dir / "media"


@contextmanager
def scratch_database(tmp_path: Path) -> Iterator[Scratch]:
    var_dir = tmp_path / "restored-var"
    if connection.vendor == "sqlite":
        path = tmp_path / "restored.sqlite3"
        yield Scratch(f"sqlite:///{path}", var_dir, sqlite_path=path)
        return
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restored"
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")
    params = {k: settings[k.upper()] for k in ("host", "port", "user", "password")} | {"dbname": name}
    login = quote(settings["USER"] or "") + (f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else "")
    server = (settings["HOST"] or "") + (f":{settings['PORT']}" if settings["PORT"] else "")
    try:
        yield Scratch(
            f"postgres://{login}@{server}/{name}", var_dir, postgres={k: str(v) for k, v in params.items() if v}
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


def vetplan(*args: str, scratch: Scratch) -> subprocess.CompletedProcess[str]:
    """The `vetplan` console script, run against the scratch database."""
    env = {**os.environ, "DATABASE_URL": scratch.url, "VETPLAN_VAR_DIR": str(scratch.var_dir), "PYTHONPATH": ROOT}
    return subprocess.run(  # noqa: S603 (fixed argv)
        [sys.executable, "-m", "vetplan.cli", *args], env=env, capture_output=True, text=True, check=False
    )


def every_table(db: Any, vendor: str) -> dict[str, list[Any]]:
    """Every row of every table, as the database stores it (PostgreSQL: each row's text form)."""
    if vendor == "postgresql":
        names_sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
    else:
        names_sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1"
    tables: dict[str, list[Any]] = {}
    cursor = db.cursor()
    cursor.execute(names_sql)
    for (name,) in cursor.fetchall():
        quoted = '"' + name.replace('"', '""') + '"'
        if vendor == "postgresql":
            cursor.execute(f"SELECT t::text FROM {quoted} AS t ORDER BY 1")  # noqa: S608
            tables[name] = [row[0] for row in cursor.fetchall()]
        else:
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608
            tables[name] = sorted(cursor.fetchall(), key=repr)
    return tables


def source_tables() -> dict[str, list[Any]]:
    """The test database's tables, read like the scratch database's (Django's own SQLite connection
    converts dates and booleans on the way out)."""
    if connection.vendor == "sqlite":
        db = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            return every_table(db, "sqlite")
        finally:
            db.close()
    connection.ensure_connection()
    return every_table(connection.connection, connection.vendor)


def a_county_at_work(county: County) -> None:
    """Reports with evidence, an order followed up, data, a target report, a task edit, a quality report's text."""
    supervisor, reporter = county.users["supervisor"], county.users["department_reporter"]
    report = services.submit_progress_report(
        county.shared_task, by=reporter, organization=county.hr, period=2026, task_status="in_progress",
        percent=30, narrative="已完成调研。", files=(pdf("调研报告.pdf"),),
    )  # fmt: skip
    services.return_progress_report(report, by=supervisor, comment="请补充佐证材料。")
    order = services.issue_rectification_order(
        county.region, by=supervisor, organization=county.hr, finding="双师型教师比例未达标。",
        deadline=dt.date(2026, 12, 31),
    )  # fmt: skip
    photo = SimpleUploadedFile("现场照片.png", PNG, content_type="image/png")
    services.submit_rectification(order, by=reporter, follow_up="已引进教师5名。", files=[photo])
    save(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=75)
    record_target_report(county.target, by=supervisor, year=2025, value=2)
    update_task(county.bureau_task, by=supervisor, text="修改后的任务。", status="in_progress")
    regional, _ = reports.create_quality_reports(county.region, year=2025, by=supervisor)
    reports.update_narratives(regional, {"challenges": "实训基地建设滞后。"}, by=supervisor)


def test_a_backup_restores_every_table_and_evidence_file_byte_for_byte(
    county: County, settings: Any, tmp_path: Path
) -> None:
    ensure_catalogue()  # transactional tests run last, after others have flushed the migrated catalogue
    settings.MEDIA_ROOT = str(tmp_path / "media")
    a_county_at_work(county)
    archive = tmp_path / "vetplan.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert f"备份已写入 {archive}" in out.getvalue() and "2 个文件" in out.getvalue()
    before = source_tables()
    evidence = {e.file.name: Path(e.file.path).read_bytes() for e in EvidenceFile.objects.all()}
    assert len(evidence) == 2
    assert any(r.history_date.microsecond % 1000 for r in ProgressReport.history.all())  # type: ignore[attr-defined]

    with scratch_database(tmp_path) as scratch:
        restored = vetplan("restore", str(archive), scratch=scratch)
        assert restored.returncode == 0, restored.stderr
        assert "行数与备份清单一致" in restored.stdout
        db = scratch.connect()
        try:
            after = every_table(db, connection.vendor)
        finally:
            db.close()
        assert list(after) == list(before)
        for table, rows in before.items():
            assert after[table] == rows, f"table {table} differs after the round trip"
        assert len(after["supervision_historicalprogressreport"]) >= 2 and after["reports_historicalqualityreport"]
        assert {name: (scratch.media / name).read_bytes() for name in evidence} == evidence
        assert media_files(scratch.media) == media_files(Path(settings.MEDIA_ROOT))

        again = vetplan("restore", str(archive), scratch=scratch)
        assert again.returncode != 0 and "只能恢复到空数据库" in again.stderr and "--force" in again.stderr
        forced = vetplan("restore", str(archive), "--force", scratch=scratch)
        assert forced.returncode == 0, forced.stderr
        db = scratch.connect()
        try:
            assert every_table(db, connection.vendor) == before
        finally:
            db.close()
