"""Time the registry import on large files: `python benchmarks/registries.py`.

    .venv/bin/python benchmarks/registries.py                                   # scratch SQLite file
    .venv/bin/python scripts/with_postgres.py .venv/bin/python benchmarks/registries.py   # PostgreSQL

The run creates a scratch database beside the configured one (Django's test database: a file
under var/ for SQLite, `test_<name>` on PostgreSQL; dropped at the end), a county with three
schools, their majors and a 督导室 user, and generates two workbooks the way a school fills the
templates: 100,000 students over the three schools and 20,000 teachers with 1–3 enterprise-practice
episodes each. Both are imported through `Registry.import_file` (check every cell, save all or
nothing, history rows, figures refreshed), then the student file once more. Prints:

  registry import: 100000 students in X s, peak Y MB
  registry import: 20000 teachers in X s
  registry re-import: 100000 students unchanged in X s

Peak is the process's peak resident set size (VmHWM from /proc/self/status) while the student
import runs: the high-water mark is reset just before it (/proc/self/clear_refs), so it counts
Django and the interpreter as they are then plus everything the import holds, not the workbook
generation. Where /proc does not allow the reset it is the peak of the whole run
(resource.getrusage), and the line says `peak Y MB (whole run)`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
os.environ.setdefault("SECRET_KEY", "vetplan-benchmarks-not-a-secret")  # settings refuse DEBUG=0 without one

SEED = 20261129
SCHOOLS = ["基准县职业技术教育中心", "基准县第一职业高级中学", "基准县技工学校"]
MAJORS = ["660301", "660103", "710201", "710103", "730701", "720201", "610112", "790302", "700206", "730801"]
STATUS = [("在籍", 90), ("毕业", 6), ("转学", 2), ("退学", 2)]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--teachers", type=int, default=20_000)
    parser.add_argument("--profile", metavar="FILE", help="cProfile each import: FILE, FILE.teachers, FILE.again")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        return run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run(args: argparse.Namespace) -> int:
    user = setup_county()
    students_file = students_workbook(args.students)
    teachers_file = teachers_workbook(args.teachers)

    reset = reset_peak()
    cpu: dict[str, float] = {}
    started, cpu_started = time.perf_counter(), time.process_time()
    result = import_file("students", students_file, user, args.profile)
    elapsed, cpu["students"] = time.perf_counter() - started, time.process_time() - cpu_started
    peak = peak_mb()
    check(result, "students", created=args.students)
    where = "" if reset else " (whole run)"
    print(f"registry import: {args.students} students in {elapsed:.1f} s, peak {peak:.0f} MB{where}", flush=True)

    started, cpu_started = time.perf_counter(), time.process_time()
    result = import_file("teachers", teachers_file, user, args.profile and f"{args.profile}.teachers")
    elapsed, cpu["teachers"] = time.perf_counter() - started, time.process_time() - cpu_started
    check(result, "teachers")
    print(f"registry import: {args.teachers} teachers in {elapsed:.1f} s", flush=True)

    started, cpu_started = time.perf_counter(), time.process_time()
    result = import_file("students", students_file, user, args.profile and f"{args.profile}.again")
    elapsed, cpu["re-import"] = time.perf_counter() - started, time.process_time() - cpu_started
    check(result, "students again")
    if result.created or result.updated:
        print(f"registry re-import: {result.summary()} in {elapsed:.1f} s (expected no change)")
        return 1
    print(f"registry re-import: {result.unchanged} students unchanged in {elapsed:.1f} s")
    # On a busy machine the wall-clock times above include waiting for a CPU; this one does not.
    print("cpu time of this process: " + ", ".join(f"{what} {seconds:.1f} s" for what, seconds in cpu.items()))
    return 0


def import_file(code: str, data: bytes, user: Any, profile: str | None) -> Any:
    from vetplan.registries.kinds import REGISTRIES

    if not profile:
        return REGISTRIES[code].import_file(data, user)
    import cProfile

    profiler = cProfile.Profile()
    try:
        return profiler.runcall(REGISTRIES[code].import_file, data, user)
    finally:
        profiler.dump_stats(profile)


def check(result: Any, what: str, created: int | None = None) -> None:
    if not result.ok or (created is not None and result.created != created):
        raise SystemExit(f"{what}: {result.summary()} {result.errors[:5]}")


def setup_county() -> Any:
    from django.contrib.auth import get_user_model

    from vetplan.orgs.models import Organization, Region
    from vetplan.orgs.roles import Role
    from vetplan.orgs.services import create_organization, create_region, grant_role
    from vetplan.registries.catalogue import ensure_major_catalogue
    from vetplan.registries.models import CatalogueMajor, SchoolMajor

    ensure_major_catalogue()
    region = create_region(code="980199", name="基准县", level=Region.Level.COUNTY)
    office = create_organization(name="基准县教育督导室", type=Organization.Type.SUPERVISION, region=region)
    catalogue = {m.code: m for m in CatalogueMajor.objects.filter(code__in=MAJORS)}
    for name in SCHOOLS:
        school = create_organization(name=name, type=Organization.Type.SCHOOL, region=region)
        SchoolMajor.objects.bulk_create(
            SchoolMajor(school=school, major=catalogue[code], opened_year=2015, industry="装备制造") for code in MAJORS
        )
    user = get_user_model().objects.create_user(username="bench-duban", password=None)
    grant_role(user=user, organization=office, role=Role.SUPERVISOR)
    return user


def identity(rng: random.Random, born: dt.date, serial: int) -> str:
    from vetplan.registries.identity import with_check_digit

    return with_check_digit(f"9801{rng.randrange(1, 99):02d}{born:%Y%m%d}{serial % 1000:03d}")


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def save(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def students_workbook(count: int) -> bytes:
    from openpyxl import Workbook

    from vetplan.registries.students import STUDENTS

    rng = random.Random(SEED)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(STUDENTS.name)
    sheet.append(["*" + c.header if c.required else c.header for c in STUDENTS.columns])
    statuses, weights = zip(*STATUS, strict=True)
    for n in range(count):
        enrolled = 2024 + n % 3
        born = dt.date(enrolled - 15, 1, 1) + dt.timedelta(days=rng.randrange(365))
        sheet.append(
            [
                SCHOOLS[n % len(SCHOOLS)],
                f"G{enrolled}{n:08d}",
                name(rng),
                identity(rng, born, n),
                "",
                rng.choice(MAJORS),
                2026 - enrolled + 1,
                enrolled,
                rng.choices(statuses, weights)[0],
                "是" if rng.random() < 0.15 else "否",
                rng.choice(("", "", "", "", "脱贫户", "监测对象")),
                f"13{rng.randrange(10**9):09d}",
            ]
        )
    return save(book)


def teachers_workbook(count: int) -> bytes:
    from openpyxl import Workbook

    from vetplan.registries.teachers import PRACTICE, TEACHERS

    rng = random.Random(SEED + 1)
    book = Workbook(write_only=True)
    teachers = book.create_sheet(TEACHERS.name)
    practice = book.create_sheet(PRACTICE.name)
    teachers.append([c.header for c in TEACHERS.columns])
    practice.append([c.header for c in PRACTICE.columns])
    seen: set[str] = set()
    for n in range(count):
        number = ""
        while not number or number in seen:
            number = identity(rng, dt.date(1965, 1, 1) + dt.timedelta(days=rng.randrange(365 * 35)), n)
        seen.add(number)
        dual = rng.random() < 0.6
        teachers.append(
            [
                SCHOOLS[n % len(SCHOOLS)], name(rng), number,
                rng.choice(("专任", "专任", "专任", "兼职", "外聘")),
                rng.choice(("专业课", "专业课", "公共基础课", "实习指导")),
                "讲师", "中级", "是" if rng.random() < 0.8 else "否",
                "中级" if dual else "", "2023-06-01" if dual else "", "基准县教育局" if dual else "",
                f"13{rng.randrange(10**9):09d}",
            ]
        )  # fmt: skip
        for episode in range(rng.randrange(1, 4)):
            start = dt.date(2020 + episode * 2, 7, 1) + dt.timedelta(days=rng.randrange(30))
            end = start + dt.timedelta(days=rng.randrange(20, 120))
            practice.append([number, rng.choice(("华信机械", "绿源农业", "星河电子")), start, end, None])
    return save(book)


def reset_peak() -> bool:
    """Reset this process's peak RSS to its current RSS (Linux); False where that is not allowed."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def peak_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


if __name__ == "__main__":
    raise SystemExit(main())
