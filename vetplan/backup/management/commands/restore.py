"""`vetplan restore FILE`: load a `vetplan backup` archive into an empty database and media directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from vetplan.backup.archive import BackupError
from vetplan.backup.services import restore_backup


class Command(BaseCommand):
    help = "从 vetplan backup 生成的文件恢复数据库和媒体文件（先停止服务；只恢复到空数据库，除非加 --force）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="vetplan backup 生成的 .tar.gz 文件")
        parser.add_argument("--force", action="store_true", help="数据库或媒体目录不空时，用备份覆盖现有的全部数据")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="数据库别名（默认 default）")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = restore_backup(Path(options["file"]), using=options["database"], force=options["force"])
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        self.stdout.write(
            f"已恢复 {manifest.created_at} 的备份：{len(manifest.tables)} 张表 {manifest.rows} 行，"
            f"{len(manifest.media)} 个文件，行数与备份清单一致"
        )
        if result.kept_files:
            self.stdout.write(f"媒体目录中另有 {result.kept_files} 个不在备份中的文件，已保留。")
        if result.pending_migrations:
            self.stdout.write(
                f"备份早于当前版本（缺 {len(result.pending_migrations)} 个迁移）：请运行 vetplan migrate。"
            )
