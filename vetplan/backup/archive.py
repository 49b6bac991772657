"""The backup archive: a .tar.gz holding a manifest, the database file and the media files.

    manifest.json        what the archive holds (below), always the first member
    database.sqlite3     SQLite: a copy made with the online backup API
    database.pgdump      PostgreSQL: pg_dump in its custom format
    media/evidence/...   every file under MEDIA_ROOT (佐证材料 and other uploads)

The manifest names the format and its version, the database vendor, the applied migrations,
when the backup was made, the rows in every table and the size and SHA-256 of every file, so a
restore can refuse an archive it cannot load before touching anything, and check afterwards
that everything arrived. Reading trusts nothing in the archive: only the members the manifest
lists are read, as regular files, under names checked to stay inside the media directory.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

FORMAT = "vetplan-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_MEMBER = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
CHUNK = 1024 * 1024
MANIFEST_MAX_BYTES = 64 * 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do, in Chinese."""


class ArchiveError(BackupError):
    """A file that is not a vetplan backup, a damaged one, or one this version cannot read."""


@dataclass(frozen=True)
class StoredFile:
    path: str  # inside the media directory (media files) or the archive (the database), '/'-separated
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    vendor: str  # Django's connection.vendor: "sqlite" or "postgresql"
    created_at: str  # ISO 8601 in the server's time zone (settings.TIME_ZONE)
    migrations: list[str]  # applied migrations, "app.name", in the order applied
    tables: dict[str, int]  # rows per table
    database: StoredFile
    media: list[StoredFile] = field(default_factory=list)
    format: str = FORMAT
    version: int = VERSION

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    @property
    def media_bytes(self) -> int:
        return sum(f.size for f in self.media)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        try:
            raw = json.loads(data.decode("utf-8"))
            if raw.get("format") != FORMAT:
                raise ArchiveError("不是 vetplan 备份文件（清单格式不符）。")
            if raw.get("version") != VERSION:
                raise ArchiveError(
                    f"备份格式版本为 {raw.get('version')}，本版本的 vetplan 只能读取版本 {VERSION}：请用生成它的版本恢复。"
                )
            manifest = cls(
                vendor=str(raw["vendor"]),
                created_at=str(raw["created_at"]),
                migrations=[str(m) for m in raw["migrations"]],
                tables={str(name): int(rows) for name, rows in raw["tables"].items()},
                database=StoredFile(**raw["database"]),
                media=[StoredFile(**f) for f in raw["media"]],
            )
        except ArchiveError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise ArchiveError(f"备份清单无法读取（{error}）：文件已损坏或不是 vetplan 备份。") from None
        if manifest.database.path not in DATABASE_MEMBER.values():
            raise ArchiveError(f"备份清单中的数据库文件名 {manifest.database.path!r} 不合规。")
        for stored in manifest.media:
            check_media_path(stored.path)
        return manifest


def check_media_path(path: str) -> None:
    """A relative path that stays inside the media directory, or ArchiveError."""
    pure = PurePosixPath(path)
    unsafe = pure.is_absolute() or "\\" in path or "\x00" in path
    if not path or unsafe or any(p in ("", ".", "..") for p in pure.parts):
        raise ArchiveError(f"备份中的文件名 {path!r} 不合规（绝对路径或含 ..），拒绝恢复。")
    if path.split("/") != list(pure.parts):
        raise ArchiveError(f"备份中的文件名 {path!r} 不合规，拒绝恢复。")


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(media_root: Path) -> list[StoredFile]:
    """Every regular file under the media directory, sorted; symbolic links are not followed."""
    if not media_root.is_dir():
        return []
    found = []
    for directory, subdirs, files in os.walk(media_root):
        subdirs.sort()
        for name in sorted(files):
            path = Path(directory, name)
            if path.is_symlink() or not path.is_file():
                continue
            relative = path.relative_to(media_root).as_posix()
            found.append(StoredFile(relative, path.stat().st_size, hash_file(path)))
    return found


def write_archive(target: Path, manifest: Manifest, database_file: Path, media_root: Path) -> None:
    """Write the archive next to `target` and move it into place only when complete."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
            data = manifest.to_json()
            _add(tar, MANIFEST, io.BytesIO(data), len(data))
            with database_file.open("rb") as handle:
                _add(tar, manifest.database.path, handle, manifest.database.size)
            for stored in manifest.media:
                with (media_root / stored.path).open("rb") as handle:
                    _add(tar, MEDIA_PREFIX + stored.path, handle, stored.size)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _add(tar: tarfile.TarFile, name: str, handle: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode = size, 0o644
    info.mtime = int(os.path.getmtime(handle.name) if hasattr(handle, "name") else time.time())
    tar.addfile(info, handle)


def read_manifest(path: Path) -> Manifest:
    with _open(path) as tar:
        first = _next_member(tar)
        if first is None or first.name != MANIFEST or not first.isreg() or first.size > MANIFEST_MAX_BYTES:
            raise ArchiveError("不是 vetplan 备份文件（缺少 manifest.json）。")
        handle = tar.extractfile(first)
        assert handle is not None  # noqa: S101 (a regular member always has a file object)
        return Manifest.from_json(handle.read())


def unpack(path: Path, manifest: Manifest, staging: Path) -> tuple[Path, Path]:
    """Extract the database file and the media files into `staging`, checking each against the
    manifest; returns (the database file, the directory holding the media files)."""
    expected = {manifest.database.path: manifest.database}
    expected.update({MEDIA_PREFIX + f.path: f for f in manifest.media})
    media_dir = staging / "media"
    seen: set[str] = set()
    with _open(path) as tar:
        for member in _members(tar):
            if member.name == MANIFEST:
                continue
            stored = expected.get(member.name)
            if stored is None or member.name in seen:
                raise ArchiveError(f"备份中有清单未列出的文件 {member.name!r}，拒绝恢复。")
            if not member.isreg() or member.size != stored.size:
                raise ArchiveError(f"备份中的 {member.name} 与清单不符（类型或大小），文件已损坏。")
            seen.add(member.name)
            if member.name == manifest.database.path:
                destination = staging / manifest.database.path
            else:
                destination = media_dir / stored.path
            handle = tar.extractfile(member)
            assert handle is not None  # noqa: S101
            _copy_checked(handle, destination, stored, member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise ArchiveError(f"备份不完整：缺少 {len(missing)} 个文件（如 {missing[0]}）。")
    return staging / manifest.database.path, media_dir


def _copy_checked(source: IO[bytes], destination: Path, stored: StoredFile, name: str) -> None:
    destination.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    with destination.open("xb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    if digest.hexdigest() != stored.sha256:
        raise ArchiveError(f"备份中的 {name} 校验值与清单不符，文件已损坏。")


def _open(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:gz")
    except FileNotFoundError:
        raise ArchiveError(f"找不到备份文件 {path}。") from None
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveError(f"不是 vetplan 备份文件（{error}）。") from None


def _next_member(tar: tarfile.TarFile) -> tarfile.TarInfo | None:
    try:
        return tar.next()
    except (tarfile.TarError, OSError, EOFError) as error:
        raise ArchiveError(f"备份文件已损坏（{error}）。") from None


def _members(tar: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    while (member := _next_member(tar)) is not None:
        yield member
