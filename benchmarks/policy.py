"""Time the policy calculators on synthetic records they generate themselves (no database, no Django).

    .venv/bin/python benchmarks/policy.py

Prints:
  aid: 100000 students in X s            (免学费, 国家助学金, 雨露计划 for every student, with the roster check)
  达标: 2000 schools in Y s               (办学条件达标 of 2000 schools of every kind, and the county share)
  credit: 10000 enterprises x 10 years in Z s
  practice: 5000 teachers in W s         (the rolling 6-months-in-5-years rule and the date each falls short)
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from vetplan.policy.aid import Pupil, missing_from_roster, roster
from vetplan.policy.conditions import KIND_LABELS, SchoolFacts, assess, county_share
from vetplan.policy.credit import CreditYear, credit_statement
from vetplan.policy.params import default_table
from vetplan.policy.teachers import practice_gaps


def main() -> int:
    rng = random.Random(2026)
    params = default_table()

    pupils = [
        Pupil(
            key=f"S{n:07d}", name=f"学生{n}", grade=rng.randint(1, 3), enrolled=rng.random() > 0.02,
            agricultural=rng.random() < 0.15, difficulty=rng.random() < 0.2,
            poverty=rng.choice(["", "", "", "", "lifted", "monitored"]), fee=2000.0,
        )
        for n in range(100_000)
    ]  # fmt: skip
    started = time.perf_counter()
    awards = roster(pupils, params, 2026)
    paid = {(a.pupil, a.kind) for a in awards[::2]}
    missing = missing_from_roster(pupils, paid, params, 2026)
    elapsed = time.perf_counter() - started
    print(f"aid: {len(pupils)} students in {elapsed:.2f} s  ({len(awards)} awards, {len(missing)} not on the roster)")

    kinds = list(KIND_LABELS)
    schools = [
        SchoolFacts(
            name=f"学校{n}", kind=kinds[n % len(kinds)], students=rng.randint(600, 9000),
            teachers=rng.randint(30, 500), land=rng.randint(20000, 200000), building=rng.randint(12000, 150000),
            equipment=rng.randint(1_000_000, 40_000_000), books=rng.randint(20000, 700000),
            postgraduate_teachers=rng.randint(5, 120),
        )
        for n in range(2000)
    ]  # fmt: skip
    started = time.perf_counter()
    assessments = [assess(facts, params, 2025, yellow_years=n % 3) for n, facts in enumerate(schools)]
    share = county_share(assessments)
    elapsed = time.perf_counter() - started
    print(f"达标: {len(schools)} schools in {elapsed:.2f} s  ({share.compliant} of {share.assessed} compliant)")

    histories = [
        [
            CreditYear(2019 + y, rng.choice([0, 0, 500_000, 2_000_000]), rng.randint(0, 400_000), withdrawn=rng.random() < 0.01)
            for y in range(10)
        ]
        for _ in range(10_000)
    ]  # fmt: skip
    started = time.perf_counter()
    lines = sum(len(credit_statement(years, params)) for years in histories)
    elapsed = time.perf_counter() - started
    print(f"credit: {len(histories)} enterprises x 10 years in {elapsed:.2f} s  ({lines} statement lines)")

    today = dt.date(2026, 11, 29)
    teachers = []
    for n in range(5000):
        episodes = []
        for _ in range(rng.randint(0, 3)):
            start = today - dt.timedelta(days=rng.randint(30, 2200))
            days = rng.randint(20, 120)
            episodes.append((start, start + dt.timedelta(days=days - 1), days))
        teachers.append((f"T{n}", episodes))
    started = time.perf_counter()
    gaps = practice_gaps(teachers, today, params)
    elapsed = time.perf_counter() - started
    print(f"practice: {len(teachers)} teachers in {elapsed:.2f} s  ({len(gaps)} short now or within five years)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
