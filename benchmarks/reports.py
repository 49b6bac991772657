"""Time every official output of the demo county: `python benchmarks/reports.py`.

    rm -f /tmp/demo.sqlite3; export DATABASE_URL=sqlite:////tmp/demo.sqlite3
    .venv/bin/vetplan demo --no-serve && .venv/bin/python benchmarks/reports.py

Prints one line per kind and format, the median of three runs after a warm-up, generation and
layout together: `report KIND pdf: P pages, T ms` (docx and xlsx: `S KB` instead of pages).
The demo has no supervision round, so one over every unit with a task is created and scored
through the services, and rolled back at the end: the database is left as it was.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")

if TYPE_CHECKING:
    from vetplan.plans.models import Plan
    from vetplan.supervision.models import InspectionRound

RUNS = 3


def main() -> int:
    import django

    django.setup()  # before the app imports below
    from django.db import transaction

    from vetplan.plans.models import Plan
    from vetplan.reports.formatters import FORMATTERS
    from vetplan.reports.kinds import KINDS
    from vetplan.supervision.models import Bulletin

    plan = Plan.objects.order_by("pk").first()
    bulletin = Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).order_by("pk").first()
    if plan is None or bulletin is None:
        print("no demo data: run `vetplan demo --no-serve` first", file=sys.stderr)
        return 1
    with transaction.atomic():
        subjects = {"task-list": plan, "round": demo_round(plan), "bulletin": bulletin}
        for name, subject in subjects.items():
            for fmt, formatter in FORMATTERS.items():
                print(measure(name, fmt, lambda s=subject, f=formatter, n=name: f(KINDS[n].generate(s, today()))))
        transaction.set_rollback(True)
    return 0


def demo_round(plan: Plan) -> InspectionRound:
    from django.db.models import Q

    from vetplan.orgs.models import Organization
    from vetplan.supervision import services

    units = Organization.objects.filter(Q(led_tasks__plan=plan) | Q(shared_tasks__plan=plan)).distinct()
    round_ = services.create_round(plan.region, by=None, year=today().year, title="示范县职业教育定期督导", units=units)
    services.score_round(round_, by=None)
    return round_


def measure(kind: str, fmt: str, produce: Callable[[], bytes]) -> str:
    from pypdf import PdfReader

    produce()  # warm-up: imports, font lookup, template and query caches
    timings, content = [], b""
    for _ in range(RUNS):
        started = time.perf_counter()
        content = produce()
        timings.append((time.perf_counter() - started) * 1000)
    if fmt == "pdf":
        size = f"{len(PdfReader(io.BytesIO(content)).pages)} pages"
    else:
        size = f"{len(content) / 1024:.1f} KB"
    return f"report {kind} {fmt}: {size}, {statistics.median(timings):.0f} ms"


def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


if __name__ == "__main__":
    sys.exit(main())
