"""`vetplan extract FILE [--json]` and `vetplan extract DIR --out OUTDIR`: read plan documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vetplan.extraction import DocumentReadError, extract_file
from vetplan.extraction.batch import extract_directory


class Command(BaseCommand):
    help = "从规划文件（txt、docx、pdf、html）中提取基本信息、量化目标和任务清单"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="规划文件，或包含多个规划文件的目录")
        parser.add_argument("--json", action="store_true", help="按提取规范输出 JSON")
        parser.add_argument("--out", help="目录模式：把每个文件的结果写到 OUT/文件名.json")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if path.is_dir():
            self._directory(path, options["out"])
            return
        if options["out"]:
            raise CommandError("--out 只用于目录；单个文件请用 --json 并重定向输出。")
        try:
            document = extract_file(path)
        except DocumentReadError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(document.to_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(document.summary())

    def _directory(self, src: Path, out: str | None) -> None:
        if not out:
            raise CommandError("目录模式需要 --out OUTDIR。")
        results = extract_directory(src, Path(out), progress=True)
        failures = [(p, e) for p, e in results if e]
        for failed, error in failures:
            self.stderr.write(f"{failed}: {error}")
        self.stdout.write(f"已提取 {len(results) - len(failures)} 个文件，失败 {len(failures)} 个，结果在 {out}/")
        if not results:
            raise CommandError(f"{src} 中没有可读取的规划文件（支持 txt、docx、pdf、html）。")
        if failures:
            raise CommandError(f"{len(failures)} 个文件无法读取。")
