"""Time the two large uploads of issue 14 on a scratch database of their own: `python benchmarks/uploads.py`.

    .venv/bin/python benchmarks/uploads.py [--rows 100000] [--tasks 1000]

Prints two lines:
  excel import: R rows in X s, peak Y MB
      a filled data template (written by openpyxl, 3 figures a row, 20,000 schools x 5 years for
      100,000 rows) uploaded as a user uploads it: the request checks the zip, stores the file and
      queues it (it is over the background thresholds); then a `vetplan worker` process reads every
      row, checks it, saves the 300,000 values and recomputes the figures. X is the request's time
      plus the job's; Y is the worker process's peak resident memory (VmHWM, Django included),
      where the rows are held: the request holds only the upload.
  plan review: T tasks confirmed in Z s
      a plan document of T tasks uploaded, its review page rendered, the review posted back as one
      JSON document (what static/js/import_review.js does) and confirmed into a plan.

The scratch database is a SQLite file in a temporary folder, removed afterwards (`BENCH_SCRATCH` to
use and keep a folder of your own, `BENCH_DATABASE_URL` for another scratch database, e.g. a
throwaway PostgreSQL one); nothing touches `DATABASE_URL`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# The worker runs in a process of its own (`--worker`), on the same scratch folder and database.
KEEP_SCRATCH = "BENCH_SCRATCH" in os.environ  # a folder the caller chose is kept; a temporary one removed
SCRATCH = Path(os.environ.get("BENCH_SCRATCH") or tempfile.mkdtemp(prefix="vetplan-bench-uploads-"))
os.environ["BENCH_SCRATCH"] = str(SCRATCH)
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{SCRATCH / 'bench.sqlite3'}")
os.environ["VETPLAN_VAR_DIR"] = str(SCRATCH)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
# The settings refuse DEBUG off without a key of its own; a scratch database needs none.
os.environ.setdefault("SECRET_KEY", "vetplan-benchmarks-not-a-secret")

import django  # noqa: E402

django.setup()

YEARS = 5
FIGURES = ("teachers_specialised", "teachers_dual_qualified", "enrolment_vocational")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        return _worker()

    from django.core.management import call_command

    try:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)  # pages render as in production (DEBUG off)
        county, admin = _county(-(-options.rows // YEARS))
        print(_excel_import(county, admin, options.rows), flush=True)
        print(_plan_review(county, admin, options.tasks), flush=True)
    finally:
        if not KEEP_SCRATCH:
            shutil.rmtree(SCRATCH, ignore_errors=True)
    return 0


def _county(schools: int) -> tuple[object, object]:
    from tests.factories import member
    from vetplan.orgs.models import Organization, Region
    from vetplan.orgs.roles import Role
    from vetplan.orgs.services import create_organization, create_region

    county = create_region(code="960102", name="基准县", level=Region.Level.COUNTY)
    government = create_organization(name="基准县人民政府", type=Organization.Type.GOVERNMENT, region=county)
    office = create_organization(
        name="基准县教育督导室", type=Organization.Type.SUPERVISION, region=county, parent=government
    )
    for name, short in (
        ("基准县教育体育局", "县教体局"),
        ("基准县人力资源和社会保障局", "县人社局"),
        ("基准县财政局", "县财政局"),
    ):
        create_organization(
            name=name, short_name=short, type=Organization.Type.GOVERNMENT, region=county, parent=government
        )
    Organization.objects.bulk_create(
        Organization(name=f"基准县第{n}职业学校", type=Organization.Type.SCHOOL, region=county) for n in range(schools)
    )
    created = list(Organization.objects.filter(region=county, path=""))
    for org in created:
        org.path = f"{org.pk:08d}/"
    Organization.objects.bulk_update(created, ["path"], batch_size=2000)
    return county, member(office, Role.SUPERVISOR, username="bench-duban")


def _excel_import(county: object, user: object, rows: int) -> str:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    from vetplan.indicators.uploads import import_data_file
    from vetplan.indicators.validation import allowed_years
    from vetplan.jobs.models import Job
    from vetplan.orgs.models import Organization

    _, last = allowed_years(county)  # type: ignore[arg-type]
    years = range(last - YEARS + 1, last + 1)
    names = list(
        Organization.objects.filter(type=Organization.Type.SCHOOL).order_by("pk").values_list("name", flat=True)
    )
    book = Workbook(write_only=True)
    sheet = book.create_sheet("数据")
    sheet.append(["单位", "年份", "专业课教师数", "双师型教师数", "在校生数"])
    sheet.append(["", "", *FIGURES])
    for n in range(rows):
        specialised = 40 + n % 60
        sheet.append([names[n // YEARS], years[n % YEARS], specialised, specialised // 2, 800 + n % 900])
    path = SCRATCH / "data.xlsx"
    book.save(path)
    upload = SimpleUploadedFile("data.xlsx", path.read_bytes())

    started = time.perf_counter()
    outcome = import_data_file(upload, by=user)
    queued = time.perf_counter() - started
    worker = subprocess.run(  # noqa: S603 (this interpreter, this script)
        [sys.executable, __file__, "--worker"], capture_output=True, text=True, check=True
    )
    ran = json.loads(worker.stdout.strip().splitlines()[-1])
    job = Job.objects.get(pk=outcome.job.pk) if outcome.job else None
    if job is None or job.status != Job.Status.DONE:
        raise SystemExit(f"the upload did not finish: {job and job.message} {job and job.result.get('errors', [])[:3]}")
    return f"excel import: {rows} rows in {queued + ran['seconds']:.1f} s, peak {ran['peak_mb']:.0f} MB"


def _worker() -> int:
    """`vetplan worker --once` as a process of its own: how long the jobs took, and its peak memory."""
    from vetplan.jobs.services import run_worker

    started = time.perf_counter()
    run_worker(once=True, log=lambda line: None)
    print(json.dumps({"seconds": time.perf_counter() - started, "peak_mb": _peak_mb()}))
    return 0


def _plan_review(county: object, user: object, tasks: int) -> str:
    from django.test import Client

    from tests.plans.import_drafts import form_data, review_post
    from vetplan.plans.models import Plan

    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    document = SCRATCH / "plan.txt"
    document.write_text(_plan_text(tasks), encoding="utf-8")
    started = time.perf_counter()
    with open(document, "rb") as stream:
        response = client.post("/plans/import/", {"file": stream})
    review_url = response["Location"]
    data = form_data(client.get(review_url).content.decode())
    for row in range(tasks):  # the document numbers its tables afresh; the reviewer numbers the plan through
        data[f"tasks-{row}-seq"] = str(row + 1)
    response = client.post(f"{review_url}confirm/", review_post(data))
    elapsed = time.perf_counter() - started
    match = re.match(r"/plans/(\d+)/$", response.get("Location", ""))
    if response.status_code != 302 or match is None:
        raise SystemExit(f"the review was not confirmed: {response.status_code}")
    confirmed = Plan.objects.get(pk=int(match.group(1))).tasks.count()
    return f"plan review: {confirmed} tasks confirmed in {elapsed:.1f} s"


def _plan_text(tasks: int) -> str:
    """A plan whose tasks sit in tables of up to 250 rows (a table's 序号 column stops at 999)."""
    lines = [
        "基准县职业教育提质行动方案",
        "",
        "一、主要目标",
        "到2027年，全县“双师型”教师占专业课教师总数的比例达到70%以上。",
        "",
        "二、重点任务清单",
    ]
    for table, start in enumerate(range(0, tasks, 250), start=1):
        lines += ["", f"表{table}", "序号\t工作任务\t牵头单位\t责任单位\t时间进度"]
        for n in range(start, min(tasks, start + 250)):
            lines.append(
                f"{n - start + 1}\t实施第{n + 1}项职业学校办学条件达标工程。\t县教体局\t县人社局、县财政局\t2026年底前"
            )
    return "\n".join(lines) + "\n"


def _peak_mb() -> float:
    status = Path("/proc/self/status").read_text()
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    if match:
        return int(match.group(1)) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    raise SystemExit(main())
