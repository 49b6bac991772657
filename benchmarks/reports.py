"""Time every official output of the demo county: `python benchmarks/reports.py`.

    rm -f /tmp/demo.sqlite3; export DATABASE_URL=sqlite:////tmp/demo.sqlite3
    .venv/bin/vetplan demo --no-serve && .venv/bin/python benchmarks/reports.py

Prints one line per output and format, the median of three runs after a warm-up, generation and
layout together: `report KIND pdf: P pages, T ms (content C ms, layout L ms, layout cpu U ms)`,
U the processor time of the layout, which other work on a busy machine does not stretch (docx and
xlsx: `S KB, T ms`, as Word and Excel lay out pages when they open the file). The outputs are those of
the demo: the plan's task list, last year's round, the published bulletin, the county's published
年度质量报告 (its stored copy) and each school's (a draft, or a report not yet created, built
afresh, charts included, on every run: that is its content time).

A last line sums up the PDFs: `pdf: N outputs, the process's first laid out in F ms; after it, slowest
layout L ms (OUTPUT), every one under 1 s: yes (load average A on N cores)` (the first PDF of a
process also pays for imports and the font lookup: it is the first output's warm-up run).
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
os.environ.setdefault("SECRET_KEY", "vetplan-benchmarks-not-a-secret")  # settings refuse DEBUG=0 without one

RUNS = 3
PDF_LIMIT_MS = 1000  # issue 14: every demo PDF under 1 s after the first


@dataclass(frozen=True)
class Timing:
    line: str
    content_ms: float
    layout_ms: float
    layout_cpu_ms: float
    warm_up_layout_ms: float


def main() -> int:
    import django

    django.setup()  # before the app imports below
    from vetplan.orgs.models import Organization
    from vetplan.plans.models import Plan
    from vetplan.reports.formatters import FORMATTERS
    from vetplan.reports.kinds import KINDS
    from vetplan.reports.models import QualityReport
    from vetplan.supervision.models import Bulletin, InspectionRound

    plan = Plan.objects.order_by("pk").first()
    subjects: dict[str, Any] = {
        "task-list": plan,
        "round": InspectionRound.objects.order_by("pk").first(),
        "bulletin": Bulletin.objects.filter(status=Bulletin.Status.PUBLISHED).order_by("pk").first(),
        "quality (county, published)": QualityReport.objects.filter(organization=None, status="published").first(),
    }
    schools = Organization.objects.filter(type=Organization.Type.SCHOOL)
    if plan is not None:
        schools = schools.filter(region=plan.region)
    for school in schools.order_by("pk"):
        report = KINDS["quality"].load({"school": school.pk})
        subjects[f"quality (school {school.name}, {report.status if report.pk else 'new'})"] = report
    if plan is None or any(subject is None for subject in subjects.values()) or not schools:
        print("no demo data: run `vetplan demo --no-serve` first", file=sys.stderr)
        return 1
    pdfs: list[tuple[str, Timing]] = []
    for name, subject in subjects.items():
        kind = KINDS[name.split(" ")[0]]
        for fmt, formatter in FORMATTERS.items():
            timing = measure(name, fmt, lambda s=subject, k=kind: k.generate(s, _today()), formatter)
            print(timing.line, flush=True)
            if fmt == "pdf":
                pdfs.append((name, timing))
    slowest_name, slowest = max(pdfs, key=lambda item: item[1].layout_ms)
    verdict = "yes" if slowest.layout_ms < PDF_LIMIT_MS else "no"
    print(
        f"pdf: {len(pdfs)} outputs, the process's first laid out in {pdfs[0][1].warm_up_layout_ms:.0f} ms;"
        f" after it, slowest layout {slowest.layout_ms:.0f} ms ({slowest_name}),"
        f" every one under {PDF_LIMIT_MS / 1000:.0f} s: {verdict}"
        f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )
    return 0


def _today() -> Any:
    from django.utils import timezone

    return timezone.localdate()


def measure(kind: str, fmt: str, generate: Callable[[], Any], formatter: Callable[[Any], bytes]) -> Timing:
    from pypdf import PdfReader

    document = generate()  # warm-up: imports, font lookup, template and query caches
    started = time.perf_counter()
    formatter(document)
    warm_up_ms = (time.perf_counter() - started) * 1000
    contents, layouts, cpu, content = [], [], [], b""
    for _ in range(RUNS):
        started = time.perf_counter()
        document = generate()
        generated, cpu_started = time.perf_counter(), time.process_time()
        content = formatter(document)
        contents.append((generated - started) * 1000)
        layouts.append((time.perf_counter() - generated) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    content_ms, layout_ms = statistics.median(contents), statistics.median(layouts)
    total_ms = statistics.median(c + f for c, f in zip(contents, layouts, strict=True))
    if fmt == "pdf":
        pages = len(PdfReader(io.BytesIO(content)).pages)
        line = (
            f"report {kind} pdf: {pages} pages, {total_ms:.0f} ms"
            f" (content {content_ms:.0f} ms, layout {layout_ms:.0f} ms, layout cpu {statistics.median(cpu):.0f} ms)"
        )
    else:  # Word and Excel paginate when opened; the PDF is the same content in the same layout
        line = f"report {kind} {fmt}: {len(content) / 1024:.0f} KB, {total_ms:.0f} ms"
    return Timing(line, content_ms, layout_ms, statistics.median(cpu), warm_up_ms)


if __name__ == "__main__":
    sys.exit(main())
