"""Teacher rules: the 双师型 share with its denominator made explicit, 兼职教师 against ≈20% and the 30%
cap, and the teachers short of six months of enterprise practice in five years. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from vetplan.policy.explain import Explanation, number
from vetplan.policy.params import ParameterTable
from vetplan.policy.practice import Episode, compliance_date, practice_days

SPECIALISED, FULL_TIME = "specialised", "full_time"  # the two denominators a plan may mean
DENOMINATORS = {SPECIALISED: "专业课教师", FULL_TIME: "专任教师"}


@dataclass(frozen=True)
class Staff:
    full_time: int  # 专任教师
    specialised: int  # 专业课教师 (实习指导 included), among the 专任
    dual: int  # 双师型, among the 专业课
    part_time: int  # 兼职教师


@dataclass(frozen=True)
class Share:
    value: float | None  # %
    explanation: Explanation


def dual_share(staff: Staff, denominator: str, params: ParameterTable, year: int) -> Share:
    """双师型 share over 专业课教师 (教职成〔2010〕12号) or 专任教师 (as some plans write it)."""
    base = staff.specialised if denominator == SPECIALISED else staff.full_time
    minimum = params.get("teachers.dual_share_min", year)
    value = None if not base else 100 * staff.dual / base
    shown = "—" if value is None else f"{number(value)}%"
    return Share(
        value,
        Explanation(
            f"双师型教师占{DENOMINATORS[denominator]}比例（设置标准下限 {number(minimum.value)}%）",
            minimum.source,
            f"{staff.dual} 人 ÷ {base} 人 × 100 = {shown}",
            (("双师型教师", f"{staff.dual} 人"), (DENOMINATORS[denominator], f"{base} 人")),
        ),
    )


@dataclass(frozen=True)
class PartTime:
    share_of_full_time: float | None  # % of 专任, against ≈ 20%
    share_of_all: float | None  # % of 专兼职 total, against the 30% cap
    over_cap: bool
    explanation: Explanation


def part_time(staff: Staff, params: ParameterTable, year: int) -> PartTime:
    target, cap = params.get("teachers.part_time_target", year), params.get("teachers.part_time_cap", year)
    of_full = None if not staff.full_time else 100 * staff.part_time / staff.full_time
    total = staff.full_time + staff.part_time
    of_all = None if not total else 100 * staff.part_time / total
    return PartTime(
        of_full,
        of_all,
        of_all is not None and of_all > cap.value,
        Explanation(
            f"兼职教师约占专任教师 {number(target.value)}%，且不超过专兼职教师总数的 {number(cap.value)}%",
            f"{target.source}；{cap.source}",
            f"{staff.part_time} ÷ {staff.full_time} = {'—' if of_full is None else number(of_full) + '%'}；"
            f"{staff.part_time} ÷ {total} = {'—' if of_all is None else number(of_all) + '%'}",
        ),
    )


@dataclass(frozen=True)
class PracticeGap:
    teacher: str
    days: int
    missing: int  # days short of the rule now
    falls_out_on: dt.date | None  # the date by which new practice is needed (today when already short)


def practice_gaps(
    teachers: Sequence[tuple[str, Sequence[Episode]]], as_of: dt.date, params: ParameterTable
) -> list[PracticeGap]:
    """专业课教师 under six months of practice in five years now, or falling under within five years."""
    required = int(params.value("teachers.practice_days", as_of.year))
    gaps = []
    for name, episodes in teachers:
        days = practice_days(episodes, as_of)
        falls = compliance_date(episodes, as_of)
        if falls is not None:
            gaps.append(PracticeGap(name, days, max(required - days, 0), falls))
    return sorted(gaps, key=lambda gap: (gap.falls_out_on or dt.date.max, gap.teacher))
