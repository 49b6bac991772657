"""Time every official output of the demo county: `python benchmarks/reports.py`.

    rm -f /tmp/demo.sqlite3; export DATABASE_URL=sqlite:////tmp/demo.sqlite3
    .venv/bin/vetplan demo --no-serve && .venv/bin/python benchmarks/reports.py

Prints one line per output and format, the median of three runs after a warm-up, generation and
layout together: `report KIND pdf: P pages, T ms` (docx and xlsx: `S KB`, as Word and Excel lay
out pages when they open the file). The outputs are those of the demo: the plan's task list, last year's round, the published
bulletin, the county's published 年度质量报告 (its stored copy) and a school's draft one (built
afresh, charts included, on every run).
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
os.environ.setdefault("SECRET_KEY", "vetplan-benchmarks-not-a-secret")  # settings refuse DEBUG=0 without one

RUNS = 3


def main() -> int:
    import django

    django.setup()  # before the app imports below
    from django.utils import timezone

    from vetplan.plans.models import Plan
    from vetplan.reports.formatters import FORMATTERS
    from vetplan.reports.kinds import KINDS
    from vetplan.reports.models import QualityReport
    from vetplan.supervision.models import Bulletin, InspectionRound

    plan = Plan.objects.order_by("pk").first()
    subjects = {
        "task-list": plan,
        "round": InspectionRound.objects.order_by("pk").first(),
        "bulletin": Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).order_by("pk").first(),
        "quality (county, published)": QualityReport.objects.filter(organization=None, status="published").first(),
        "quality (school, draft)": QualityReport.objects.filter(organization__isnull=False).order_by("pk").first(),
    }
    if any(subject is None for subject in subjects.values()):
        print("no demo data: run `vetplan demo --no-serve` first", file=sys.stderr)
        return 1
    for name, subject in subjects.items():
        kind = KINDS[name.split(" ")[0]]
        for fmt, formatter in FORMATTERS.items():
            print(measure(name, fmt, lambda s=subject, f=formatter, k=kind: f(k.generate(s, timezone.localdate()))))
    return 0


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
    else:  # Word and Excel paginate when opened; the PDF is the same content in the same layout
        size = f"{len(content) / 1024:.0f} KB"
    return f"report {kind} {fmt}: {size}, {statistics.median(timings):.0f} ms"


if __name__ == "__main__":
    sys.exit(main())
