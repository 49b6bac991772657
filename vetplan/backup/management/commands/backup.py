"""`vetplan backup FILE`: the database and the media files (佐证材料) in one .tar.gz archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from vetplan.backup.archive import VENDOR_NAMES, BackupError
from vetplan.backup.services import create_backup


class Command(BaseCommand):
    help = "备份数据库和媒体文件（佐证材料）到一个 .tar.gz 文件；服务可以照常运行"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="备份文件，如 vetplan-2026-05-01.tar.gz")
        parser.add_argument("--force", action="store_true", help="文件已存在时覆盖")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="数据库别名（默认 default）")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            manifest = create_backup(path, using=options["database"], overwrite=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"备份已写入 {path}（{VENDOR_NAMES[manifest.vendor]}）：{len(manifest.tables)} 张表 {manifest.rows} 行，"
            f"{len(manifest.media)} 个文件 {_size(manifest.media_bytes)}，备份文件 {_size(path.stat().st_size)}"
        )


def _size(n: float) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} B" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"
