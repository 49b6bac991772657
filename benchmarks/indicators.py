"""Time indicator computation on synthetic data: run `vetplan generate-synthetic` first.

    .venv/bin/vetplan generate-synthetic --orgs 2000 --years 10 && .venv/bin/python benchmarks/indicators.py

Prints three lines:
  indicators: N values for O organisations x Y years in S s   (a full, set-based recomputation: median of 5)
  on save: K indicator values updated in X ms                  (one school value saved the way the form saves
                                                               it: median of 11 saves after 3 untimed)
  on save at 500: X ms; at 4000: Y ms                          (the same save in scratch databases of 500 and
                                                               4,000 synthetic units x 10 years, measured in
                                                               turn 3 times each: growth)

The scratch databases sit beside the configured one (SQLite: files under var/; PostgreSQL: databases
vetplan_bench_500 and vetplan_bench_4000 on the same server, dropped after) and take a minute or two
to generate; `--no-growth` skips them. N counts the figures served (a numerator or denominator with data).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
os.environ.setdefault("SECRET_KEY", "vetplan-benchmarks-not-a-secret")  # settings refuse DEBUG=0 without one

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402

from vetplan.indicators.compute import RecomputeResult, recompute_all  # noqa: E402
from vetplan.indicators.models import DataElement, DataValue  # noqa: E402
from vetplan.indicators.services import record_data_values  # noqa: E402
from vetplan.indicators.synthetic import REPORTER  # noqa: E402
from vetplan.indicators.validation import DataBatch, Location  # noqa: E402
from vetplan.indicators.values import count_indicator_values  # noqa: E402

GROWTH = (500, 4000)
SAVES = 11
WARM_UP = 3  # saves not timed: the first ones fill the caches


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5, help="full recomputations timed (the median is printed)")
    parser.add_argument("--no-growth", action="store_true", help="skip the 500 / 4000-unit scratch databases")
    parser.add_argument("--save-only", action="store_true", help=argparse.SUPPRESS)  # a growth child's part
    args = parser.parse_args()
    user = get_user_model().objects.filter(username=REPORTER).select_related("membership__organization").first()
    if user is None:
        print("no synthetic data: run `vetplan generate-synthetic --orgs 2000 --years 10` first", file=sys.stderr)
        return 1
    if args.save_only:
        settle()
        print(f"{on_save(user)[1]:.1f}")
        return 0
    orgs = DataValue.objects.values("organization_id").distinct().count()
    years = DataValue.objects.values("year").distinct().count()
    settle()
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        recompute_all()
        times.append(time.perf_counter() - started)
    full = statistics.median(times)
    print(f"indicators: {count_indicator_values()} values for {orgs} organisations x {years} years in {full:.2f} s")
    settle()
    saved, elapsed = on_save(user)
    print(f"on save: {saved.indicator_values} indicator values updated in {elapsed:.0f} ms")
    if not args.no_growth:
        at = growth(GROWTH, years)
        print(f"on save at {GROWTH[0]}: {at[GROWTH[0]]:.0f} ms; at {GROWTH[1]}: {at[GROWTH[1]]:.0f} ms")
    return 0


def settle() -> None:
    """Let a freshly generated database settle before timing: statistics gathered and dirty pages
    written (else PostgreSQL's autovacuum of a million new rows, or the OS writing back a
    just-written SQLite file, lands in the middle of the recomputations or the saves)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    os.sync()


def on_save(user: object) -> tuple[RecomputeResult, float]:
    """A school's 双师型教师数 saved SAVES times through the form's service, each a real change: the median ms."""
    school = user.membership.organization  # type: ignore[attr-defined]
    element = DataElement.objects.get(code="teachers_dual_qualified")
    year = DataValue.objects.filter(organization=school).order_by("-year").values_list("year", flat=True).first()
    specialised = DataValue.objects.get(organization=school, year=year, element__code="teachers_specialised").value
    current = DataValue.objects.filter(organization=school, year=year, element=element).values_list("value", flat=True)
    first = 1 if float(int(specialised * 0.9)) in current else 0  # a real change on every save
    times, saved = [], RecomputeResult()
    for n in range(first, first + WARM_UP + SAVES):
        value = float(int(specialised * (0.9 if n % 2 == 0 else 0.8)))
        started = time.perf_counter()
        batch = DataBatch(user)  # what the data form view does on POST
        batch.add(school, year, element, value, Location("“双师型教师数”"))
        saved = record_data_values(batch, by=user, source="form")
        times.append((time.perf_counter() - started) * 1000)
    return saved, statistics.median(times[WARM_UP:])


def growth(sizes: tuple[int, ...], years: int, rounds: int = 3) -> dict[int, float]:
    """The on-save median in scratch databases of `sizes` synthetic units: all made first, then measured
    in turn `rounds` times (so a busy moment of the machine falls on every size alike), then dropped."""
    urls = {units: scratch_database(units) for units in sizes}
    manage = str(Path(__file__).resolve().parents[1] / "manage.py")
    try:
        for units, url in urls.items():
            env = dict(os.environ, DATABASE_URL=url)
            for command in (
                [manage, "migrate", "-v", "0"],
                [manage, "generate-synthetic", "--orgs", str(units), "--years", str(years)],
            ):
                subprocess.run([sys.executable, *command], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603 (our own scripts)
        measured: dict[int, list[float]] = {units: [] for units in sizes}
        for _ in range(rounds):
            for units, url in urls.items():
                out = subprocess.run(  # noqa: S603 (our own script)
                    [sys.executable, __file__, "--save-only"],
                    env=dict(os.environ, DATABASE_URL=url),
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
                measured[units].append(float(out.strip().splitlines()[-1]))
        return {units: statistics.median(times) for units, times in measured.items()}
    finally:
        for units in sizes:
            drop_scratch_database(units)


def scratch_database(units: int) -> str:
    database = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        drop_scratch_database(units)
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE vetplan_bench_{units:d}")
        user = database.get("USER") or ""
        password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
        host = database.get("HOST") or "localhost"
        port = f":{database['PORT']}" if database.get("PORT") else ""
        return f"postgres://{user}{password}@{host}{port}/vetplan_bench_{units:d}"
    path = Path(database["NAME"]).with_name(f"bench-{units:d}.sqlite3")
    path.unlink(missing_ok=True)
    return f"sqlite:///{path}"


def drop_scratch_database(units: int) -> None:
    if connection.vendor == "postgresql":
        connection.close()
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS vetplan_bench_{units:d}")
    else:
        Path(settings.DATABASES["default"]["NAME"]).with_name(f"bench-{units:d}.sqlite3").unlink(missing_ok=True)


if __name__ == "__main__":
    raise SystemExit(main())
