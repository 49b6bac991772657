"""`vetplan generate-synthetic --orgs 2000 --years 10`: province-scale data for benchmarks/indicators.py."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from vetplan.indicators.compute import recompute_all
from vetplan.indicators.synthetic import SyntheticError, generate_synthetic
from vetplan.indicators.values import count_indicator_values


class Command(BaseCommand):
    help = "Generate synthetic regions, units and data values (bulk inserts), then compute every indicator."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--orgs", type=int, default=2000)
        parser.add_argument("--years", type=int, default=10)
        parser.add_argument("--elements", type=int, default=50)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["orgs"] < 1 or options["years"] < 1:
            raise CommandError("--orgs 和 --years 必须为正整数。")
        started = time.perf_counter()
        try:
            summary = generate_synthetic(
                orgs=options["orgs"], years=options["years"], elements=options["elements"], seed=options["seed"]
            )
        except SyntheticError as exc:
            raise CommandError(str(exc)) from None
        generated = time.perf_counter() - started
        recompute_all()
        self.stdout.write(
            f"synthetic: {summary.organizations} organisations in {summary.regions} regions, "
            f"{summary.elements} elements x {summary.years} years = {summary.values} values in {generated:.1f} s; "
            f"{count_indicator_values()} indicator values computed"
        )
