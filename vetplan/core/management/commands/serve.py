"""`vetplan serve`: the production WSGI server (gunicorn), static files through whitenoise, and a
`vetplan worker` beside it for background jobs (large Excel uploads) unless `--no-worker`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vetplan.env import env_int


def default_workers() -> int:
    """One process per core and one more (at least 2): a slow page holds one thread of one process."""
    return max(2, (os.cpu_count() or 1) + 1)


class Command(BaseCommand):
    help = "用 gunicorn 启动 vetplan（生产方式，静态文件由 whitenoise 提供）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default="127.0.0.1:8000")
        parser.add_argument("--workers", type=int, default=env_int("WEB_CONCURRENCY", default_workers()))
        # gthread: each process serves THREADS requests at once, so fast pages are not queued behind a
        # slow one (report rendering, a province's drill-down) while their database waits overlap.
        parser.add_argument("--threads", type=int, default=env_int("VETPLAN_THREADS", 4))
        # Idle connections kept open this many seconds. Gunicorn's 2 s closes a connection just as a
        # client that paused about 2 s between pages sends its next request on it, and the client gets
        # "connection reset" (2 of 4,611 requests in benchmarks/load.py): 5 s outlasts such pauses.
        parser.add_argument("--keep-alive", type=int, default=env_int("VETPLAN_KEEPALIVE", 5))
        parser.add_argument(
            "--no-worker", action="store_true", help="不在本机启动后台作业进程（另行运行 vetplan worker）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        gunicorn = shutil.which("gunicorn", path=os.path.dirname(sys.executable)) or shutil.which("gunicorn")
        if gunicorn is None:
            raise CommandError("找不到 gunicorn：请先运行 make install。")
        self.stdout.write(f"vetplan 正在 http://{options['bind']}/ 提供服务（Ctrl+C 停止）")
        self.stdout.flush()
        if not options["no_worker"]:
            # The worker stays in this process group: Ctrl+C stops it with the server.
            subprocess.Popen([sys.executable, "-m", "vetplan.cli", "worker"])
        if options["workers"] < 1 or options["threads"] < 1 or options["keep_alive"] < 1:
            raise CommandError("--workers、--threads 和 --keep-alive 必须为正整数。")
        argv = [gunicorn, "vetplan.wsgi:application", "--bind", options["bind"],
                "--worker-class", "gthread", "--workers", str(options["workers"]), "--threads", str(options["threads"]),
                "--keep-alive", str(options["keep_alive"]), "--access-logfile", "-"]  # fmt: skip
        os.execv(gunicorn, argv)  # noqa: S606 (replace this process with the server, fixed argv)
