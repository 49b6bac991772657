"""`vetplan report KIND --SUBJECT N --format docx|xlsx|pdf --out FILE`: write an official output.

KIND is one of reports/kinds.py: `task-list --plan N`, `round --round N`, `bulletin --bulletin N`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.formatters.pdf import FontMissingError
from vetplan.reports.kinds import KINDS


class Command(BaseCommand):
    help = "生成报告文件：" + "；".join(f"{name}（--{kind.subject} N）：{kind.label}" for name, kind in KINDS.items())

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=list(KINDS))
        for subject, label in sorted({(kind.subject, kind.subject_label) for kind in KINDS.values()}):
            parser.add_argument(f"--{subject}", type=int, help=f"{label}编号")
        parser.add_argument("--format", dest="fmt", choices=list(FORMATTERS), default="docx")
        parser.add_argument("--out", help="输出文件（默认：报告标题.格式）")

    def handle(self, *args: Any, **options: Any) -> None:
        kind = KINDS[options["kind"]]
        pk = options[kind.subject]
        if pk is None:
            raise CommandError(f"{options['kind']} 报告须用 --{kind.subject} 指定{kind.subject_label}编号。")
        subject = kind.model._default_manager.filter(pk=pk).first()
        if subject is None:
            raise CommandError(f"没有编号为 {pk} 的{kind.subject_label}。")
        document = kind.generate(subject, timezone.localdate())
        out = Path(options["out"] or f"{document.title}.{options['fmt']}")
        try:
            out.write_bytes(FORMATTERS[options["fmt"]](document))
        except FontMissingError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"已生成 {out}（{out.stat().st_size} 字节）")
