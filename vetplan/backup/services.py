"""Back up the database and the media files into one archive; restore one into an empty database.

`create_backup` and `restore_backup` are what `vetplan backup FILE` and `vetplan restore FILE`
call. A restore refuses before it changes anything when the archive comes from the other
database vendor, from a newer vetplan, or when the database or the media directory is not empty
(unless `force`); afterwards it checks every table's row count against the manifest.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from vetplan.backup import databases
from vetplan.backup.archive import (
    VENDOR_NAMES,
    BackupError,
    Manifest,
    StoredFile,
    hash_file,
    media_files,
    read_manifest,
    unpack,
    write_archive,
)


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    pending_migrations: list[str]  # this version's migrations the backup predates: run `vetplan migrate`
    kept_files: int  # media files already there and not in the backup (left in place under --force)


def create_backup(
    target: Path, *, using: str = "default", media_root: Path | None = None, overwrite: bool = False
) -> Manifest:
    target = Path(target)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if target.exists() and not overwrite:
        raise BackupError(f"{target} 已存在：换一个文件名，或加 --force 覆盖。")
    if not target.parent.is_dir():
        raise BackupError(f"目录 {target.parent} 不存在。")
    vendor = databases.vendor_of(using)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".vetplan-backup-") as work:
        snap = databases.snapshot(using, Path(work))
        # The media after the database: every file the snapshot refers to already exists.
        manifest = Manifest(
            vendor=vendor,
            created_at=timezone.localtime().isoformat(timespec="seconds"),
            migrations=snap.migrations,
            tables=snap.tables,
            database=StoredFile(snap.file.name, snap.file.stat().st_size, hash_file(snap.file)),
            media=media_files(media_root),
        )
        write_archive(target, manifest, snap.file, media_root)
    return manifest


def restore_backup(
    archive: Path, *, using: str = "default", media_root: Path | None = None, force: bool = False
) -> RestoreResult:
    archive = Path(archive)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    manifest = read_manifest(archive)
    _check_can_restore(manifest, using, media_root, force)
    media_root.mkdir(parents=True, exist_ok=True)
    # Unpacked next to the media directory, so the files move into place by renaming.
    with tempfile.TemporaryDirectory(dir=media_root.parent, prefix=".vetplan-restore-") as staging:
        database_file, staged_media = unpack(archive, manifest, Path(staging))
        databases.load(using, database_file, clear=force)
        _check_rows(manifest, databases.table_counts(using))
        kept = {f.path for f in media_files(media_root)} - {f.path for f in manifest.media}
        for stored in manifest.media:
            destination = media_root / stored.path
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged_media / stored.path, destination)
    return RestoreResult(manifest, databases.pending_migrations(manifest.migrations), len(kept))


def _check_can_restore(manifest: Manifest, using: str, media_root: Path, force: bool) -> None:
    vendor = databases.vendor_of(using)
    if manifest.vendor != vendor:
        source, here = VENDOR_NAMES.get(manifest.vendor, manifest.vendor), VENDOR_NAMES[vendor]
        raise BackupError(
            f"这份备份来自 {source} 数据库，当前数据库是 {here}：备份只能恢复到同一种数据库。"
            f"请把 DATABASE_URL 指向一个空的 {source} 数据库后再恢复。"
        )
    newer = databases.unknown_migrations(manifest.migrations)
    if newer:
        raise BackupError(
            f"这份备份来自更新版本的 vetplan（本版本没有迁移 {'、'.join(newer[:3])}"
            f"{' 等' if len(newer) > 3 else ''}）：请先升级 vetplan 再恢复。"
        )
    if force:
        return
    tables = databases.existing_tables(using)
    files = media_files(media_root) if media_root.is_dir() else []
    if tables or files:
        found = []
        if tables:
            found.append(f"数据库已有 {len(tables)} 张表")
        if files:
            found.append(f"媒体目录 {media_root} 已有 {len(files)} 个文件")
        raise BackupError(
            f"只能恢复到空数据库：{'，'.join(found)}。请新建一个空数据库（不要先运行 migrate），"
            "或加 --force 用备份覆盖现有的全部数据。"
        )


def _check_rows(manifest: Manifest, restored: dict[str, int]) -> None:
    if restored == manifest.tables:
        return
    differing = sorted(set(manifest.tables) ^ set(restored)) or sorted(
        name for name in manifest.tables if manifest.tables[name] != restored.get(name)
    )
    name = differing[0]
    raise BackupError(
        f"恢复后的数据与备份清单不符：表 {name} 备份 {manifest.tables.get(name, '无')} 行，"
        f"恢复后 {restored.get(name, '无')} 行（共 {len(differing)} 张表不符）。"
    )
