"""`vetplan recompute`: the register of reported years, every total and target status again from the data
values (nightly, to clear drift)."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from vetplan.indicators import reported
from vetplan.indicators.compute import recompute_all


class Command(BaseCommand):
    help = (
        "Rebuild the register of reported years and recompute every indicator total and target status "
        "from the data values, with a progress bar."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        with tqdm(total=1, desc="重新计算", unit="步", file=sys.stderr, disable=options["no_progress"]) as bar:

            def progress(step: str, done: int, of: int) -> None:
                bar.total = of
                bar.set_description(f"重新计算：{step}")
                bar.update(done - bar.n)

            with transaction.atomic():
                bar.set_description("重新计算：填报记录")
                registered = reported.rebuild()
                result = recompute_all(progress)
        self.stdout.write(
            f"recompute: {registered} reported unit-years, {result.subject_totals} subject totals, "
            f"{result.target_statuses} target statuses "
            f"in {time.perf_counter() - started:.2f} s"
        )
