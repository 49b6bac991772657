"""`vetplan demo`: migrate, load the demo county, print the logins and serve it."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from vetplan.demo import county
from vetplan.demo.loader import load_demo_county


class Command(BaseCommand):
    help = "建立示范县演示数据（示范规划、单位与各角色账号）并启动服务"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="只准备数据，不启动服务")
        parser.add_argument("--bind", default="127.0.0.1:8000", help="服务地址（默认 127.0.0.1:8000）")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        result = load_demo_county()
        plan = result.plan
        state = "已创建" if result.created else "已存在，沿用"
        self.stdout.write(
            f"示范县演示数据{state}：《{plan.title}》，{plan.targets.count()} 项目标，{plan.tasks.count()} 项任务。"
        )
        url = f"http://{options['bind']}/"
        self.stdout.write(f"\n访问地址：{url}\n演示账号（密码均为 {county.DEMO_PASSWORD}）：")
        for username, full_name, org_name, role, can in county.USERS:
            self.stdout.write(f"  {username:<8} {full_name}（{org_name}，{role.label}）：{can}")
        if not options["no_serve"]:
            self.stdout.write("")
            call_command("serve", bind=options["bind"])
