"""A restore refuses, before it changes anything, what it cannot load faithfully: an archive from
the other database vendor or a newer vetplan, a non-empty database (without --force), a file that
is not a backup, a damaged one, or one naming files outside the media directory."""

from __future__ import annotations

import hashlib
import io
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests.conftest import County
from vetplan.backup.archive import (
    DATABASE_MEMBER,
    MANIFEST,
    MEDIA_PREFIX,
    ArchiveError,
    Manifest,
    StoredFile,
    check_media_path,
)
from vetplan.orgs.models import Organization

DATABASE = b"SQLite format 3\x00 (not really)"


def make_archive(
    tmp_path: Path,
    *,
    vendor: str | None = None,
    media: dict[str, bytes] | None = None,
    migrations: tuple[str, ...] = ("orgs.0001_initial_regions_organizations",),
    listed: dict[str, bytes] | None = None,
) -> Path:
    """An archive of a fake database and `media`; `listed` is what the manifest claims instead."""
    vendor = vendor or connection.vendor
    media = {"evidence/2026/05/a.pdf": b"%PDF-1.4 evidence"} if media is None else media
    manifest = Manifest(
        vendor=vendor,
        created_at="2026-05-01T08:00:00+08:00",
        migrations=list(migrations),
        tables={"orgs_organization": 0},
        database=StoredFile(DATABASE_MEMBER[vendor], len(DATABASE), hashlib.sha256(DATABASE).hexdigest()),
        media=[StoredFile(n, len(c), hashlib.sha256(c).hexdigest()) for n, c in (listed or media).items()],
    )
    archive = tmp_path / "backup.tar.gz"
    members = {MANIFEST: manifest.to_json(), manifest.database.path: DATABASE}
    members.update({MEDIA_PREFIX + name: content for name, content in media.items()})
    with tarfile.open(archive, "w:gz") as tar:
        for name, content in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return archive


def restore(archive: Path, *args: str) -> None:
    call_command("restore", str(archive), *args, stdout=io.StringIO())


def test_it_refuses_an_archive_from_the_other_database_vendor(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    here, there = ("SQLite", "PostgreSQL") if other == "postgresql" else ("PostgreSQL", "SQLite")
    with pytest.raises(CommandError, match=f"这份备份来自 {there} 数据库，当前数据库是 {here}"):
        restore(make_archive(tmp_path, vendor=other), "--force")
    assert not (tmp_path / "media").exists()


def test_it_refuses_a_database_that_is_not_empty(county: County, tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    with pytest.raises(CommandError, match=r"只能恢复到空数据库：数据库已有 \d+ 张表.*--force"):
        restore(make_archive(tmp_path))
    assert Organization.objects.filter(pk=county.hr.pk).exists()


def test_it_refuses_a_backup_from_a_newer_vetplan(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = make_archive(
        tmp_path, migrations=("orgs.0001_initial_regions_organizations", "supervision.0999_from_the_future")
    )
    with pytest.raises(CommandError, match="更新版本的 vetplan.*supervision.0999_from_the_future"):
        restore(archive, "--force")


@pytest.mark.parametrize("content", [b"", b"not an archive at all", b"\x1f\x8b\x08\x00garbage"])
def test_it_refuses_a_file_that_is_not_a_backup(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "x.tar.gz"
    path.write_bytes(content)
    with pytest.raises(CommandError, match="不是 vetplan 备份文件|已损坏"):
        restore(path)


def test_it_refuses_a_tar_without_a_manifest(tmp_path: Path) -> None:
    path = tmp_path / "other.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        info = tarfile.TarInfo("notes.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))
    with pytest.raises(CommandError, match="缺少 manifest.json"):
        restore(path)


def test_a_damaged_file_is_found_before_the_database_is_touched(county: County, tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = make_archive(tmp_path, media={"evidence/a.pdf": b"tampered"}, listed={"evidence/a.pdf": b"original"})
    with pytest.raises(CommandError, match="与清单不符"):
        restore(archive, "--force")
    assert Organization.objects.filter(pk=county.hr.pk).exists()
    assert not list((tmp_path / "media").rglob("*.pdf"))


@pytest.mark.parametrize("path", ["../../etc/x.svg", "/etc/passwd", "evidence/../../x", "a//b", "a\\..\\b", ""])
def test_it_refuses_media_names_outside_the_media_directory(path: str) -> None:
    with pytest.raises(ArchiveError, match="不合规"):
        check_media_path(path)


def test_a_media_name_inside_the_media_directory_is_accepted() -> None:
    check_media_path("evidence/2026/05/3f2a9c.pdf")


def test_an_archive_listing_a_path_outside_the_media_directory_is_refused(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    archive = make_archive(tmp_path, media={"../../outside.svg": b"<svg/>"})
    with pytest.raises(CommandError, match="不合规"):
        restore(archive, "--force")
    assert not (tmp_path / "outside.svg").exists()


def test_a_backup_does_not_overwrite_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "exists.tar.gz"
    target.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="已存在"):
        call_command("backup", str(target), stdout=io.StringIO())
    assert target.read_bytes() == b"keep me"
