"""`vetplan import FILE --region CODE [--by USERNAME]`: import a plan document without the review.

Runs the web flow's services (upload checks, extraction, unit resolution, deadlines, indicator
links) and prints one summary line; with `-v 2` also what was left to a person (hand-reported
targets, groups expanded, names ignored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from vetplan.orgs.models import Region
from vetplan.plans import imports
from vetplan.plans.services import PlanImportError


class Command(BaseCommand):
    help = "不经审核导入规划文件（txt、docx、pdf、html），输出一行导入汇总"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="规划文件")
        parser.add_argument("--region", required=True, help="实施区域的行政区划代码，如 990102")
        parser.add_argument("--by", help="记在谁的名下（用户名），默认为系统")
        parser.add_argument("--force", action="store_true", help="与本区域已有规划重复（文号或原文相同）时仍然导入")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}。")
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"没有行政区划代码为 {options['region']} 的区域。")
        by = None
        if options.get("by"):
            by = get_user_model().objects.filter(username=options["by"]).first()
            if by is None:
                raise CommandError(f"没有用户名为 {options['by']} 的用户。")
        try:
            plan, summary = imports.import_file(path, region, by, allow_duplicate=options["force"])
        except imports.DuplicatePlanError as error:
            raise CommandError(f"{error}（确需再导入一份请加 --force）") from None
        except (imports.ImportFileError, PlanImportError) as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] >= 2:
            for note in summary.notes:
                self.stdout.write(f"  {note}")
        self.stdout.write(summary.line())
        if options["verbosity"] >= 2:
            self.stdout.write(f"规划 #{plan.pk}：{plan.title}（{region.name}）")
