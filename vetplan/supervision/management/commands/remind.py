"""`vetplan remind`: for a daily cron. Escalates missing reports to 督办 and lists what is due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from vetplan.plans.models import Task
from vetplan.supervision.obligations import group_by_unit, open_obligations
from vetplan.supervision.services import SupervisionError, escalate_missing_reports


class Command(BaseCommand):
    help = "列出30天内到期和已逾期的进展报告，并将逾期未报的任务转为督办事项（可重复运行）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="按指定日期（YYYY-MM-DD）计算，默认今天")
        parser.add_argument("--quiet", action="store_true", help="只输出汇总")

    def handle(self, *args: Any, **options: Any) -> None:
        today = self._today(options.get("date"))
        try:
            result = escalate_missing_reports(today)
        except SupervisionError as error:
            raise CommandError(str(error)) from error
        owed = open_obligations(Task.objects.active(), today, today + dt.timedelta(days=30))
        overdue = [o for o in owed if o.due < today]
        soon = [o for o in owed if o.due >= today]
        if not options.get("quiet"):
            for unit, rows in group_by_unit(owed).items():
                self.stdout.write(f"{unit.name}")
                for o in rows:
                    when = f"已逾期{o.days_overdue(today)}天" if o.due < today else f"{o.days_left(today)}天后到期"
                    self.stdout.write(
                        f"  任务{o.task.seq}（{o.task.plan.title}）{o.period}年报告 {o.state} 应报{o.due:%Y-%m-%d} {when}"
                    )
        self.stdout.write(
            f"{today:%Y-%m-%d}：逾期未报 {len(overdue)} 项，30天内到期 {len(soon)} 项；"
            f"督办事项新增 {result.created} 项，更新 {result.updated} 项，办结 {result.resolved} 项。"
        )

    def _today(self, text: str | None) -> dt.date:
        if not text:
            return timezone.localdate()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"日期 {text!r} 格式应为 YYYY-MM-DD。") from None
