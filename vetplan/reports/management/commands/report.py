"""`vetplan report KIND --plan N --format docx|xlsx --out FILE`: write an official output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from vetplan.plans.models import Plan
from vetplan.reports.formatters import FORMATTERS
from vetplan.reports.task_list import task_list_report

KINDS = {"task-list": "任务清单（附件表格式）"}


class Command(BaseCommand):
    help = "生成报告文件：" + "；".join(f"{k}：{v}" for k, v in KINDS.items())

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("--plan", type=int, required=True, help="规划编号")
        parser.add_argument("--format", dest="fmt", choices=sorted(FORMATTERS), default="docx")
        parser.add_argument("--out", help="输出文件（默认：报告标题.格式）")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = Plan.objects.filter(pk=options["plan"]).first()
        if plan is None:
            raise CommandError(f"没有编号为 {options['plan']} 的规划。")
        document = task_list_report(plan, timezone.localdate())
        out = Path(options["out"] or f"{document.title}.{options['fmt']}")
        out.write_bytes(FORMATTERS[options["fmt"]](document))
        self.stdout.write(f"已生成 {out}（{out.stat().st_size} 字节）")
