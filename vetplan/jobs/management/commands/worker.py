"""`vetplan worker [--once] [--interval S]`: run background jobs (large Excel uploads) one at a time."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from vetplan.jobs.services import run_worker


class Command(BaseCommand):
    help = "运行后台作业（如大批量 Excel 导入）：轮询作业表，一次处理一个"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="处理完当前排队的作业后退出（用于定时任务和测试）")
        parser.add_argument("--interval", type=float, default=2.0, help="没有作业时每隔几秒查看一次（默认 2）")

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        previous = {}
        if threading.current_thread() is threading.main_thread():
            # Ctrl+C or a service stop: finish the job in hand, then exit.
            for sig in (signal.SIGINT, signal.SIGTERM):
                previous[sig] = signal.signal(sig, lambda *_: stop.set())
        try:
            ran = run_worker(once=options["once"], interval=options["interval"], stop=stop, log=self.stdout.write)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if options["verbosity"] >= 1:
            self.stdout.write(f"worker: {ran} 个作业已处理")
