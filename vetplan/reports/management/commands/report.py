"""`vetplan report KIND ... --format docx|xlsx|pdf --out FILE`: write an official output.

KIND is one of reports/kinds.py: `task-list --plan N`, `round --round N`, `bulletin --bulletin N`,
`quality --region N | --school N [--year Y]`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from vetplan.reports.fonts import FontMissingError
from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.kinds import KINDS, SUBJECT_OPTIONS, SubjectError


class Command(BaseCommand):
    help = "生成报告文件：" + "；".join(f"{name}（{kind.usage}）：{kind.label}" for name, kind in KINDS.items())

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=list(KINDS))
        for option, label in SUBJECT_OPTIONS.items():
            parser.add_argument(f"--{option}", type=int, help=label)
        parser.add_argument("--format", dest="fmt", choices=list(FORMATTERS), default="docx")
        parser.add_argument("--out", help="输出文件（默认：报告标题.格式）")

    def handle(self, *args: Any, **options: Any) -> None:
        kind = KINDS[options["kind"]]
        try:
            subject = kind.load(options)
        except SubjectError as error:
            raise CommandError(f"{options['kind']} 报告：{error}") from None
        try:
            document = kind.generate(subject, timezone.localdate())
            out = Path(options["out"] or f"{document.title}.{options['fmt']}")
            out.write_bytes(FORMATTERS[options["fmt"]](document))
        except FontMissingError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"已生成 {out}（{out.stat().st_size} 字节）")
