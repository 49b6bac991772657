"""产教融合 credit, internship posts, funding and student aid (DOMAIN_RULES §3–5), table-driven."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from vetplan.policy.aid import Pupil, missing_from_roster, roster
from vetplan.policy.credit import CreditYear, credit_statement
from vetplan.policy.funding import SchoolShare, distribute, per_student_funding, surcharge_share
from vetplan.policy.internships import post_quota
from vetplan.policy.params import Parameter, default_table
from vetplan.policy.teachers import FULL_TIME, SPECIALISED, Staff, dual_share, part_time, practice_gaps

PARAMS = default_table()


def test_a_credit_larger_than_the_surcharges_carries_over_two_years_and_is_used_up_in_the_third() -> None:
    lines = credit_statement(
        [
            CreditYear(2021, investment=1_000_000, payable=100_000),  # earns 300,000, uses 100,000
            CreditYear(2022, investment=0, payable=120_000),  # 200,000 available, uses 120,000
            CreditYear(2023, investment=0, payable=150_000),  # 80,000 available, all used
        ],
        PARAMS,
    )
    assert [(line.earned, line.carried_in, line.available, line.used, line.carried_out) for line in lines] == [
        (300_000, 0, 300_000, 100_000, 200_000),
        (0, 200_000, 200_000, 120_000, 80_000),
        (0, 80_000, 80_000, 80_000, 0),
    ]
    assert lines[0].explanation.source == "财税〔2019〕46号"
    assert "1,000,000 × 30% + 0 = 300,000" in lines[0].explanation.arithmetic


def test_a_withdrawn_recognition_claws_back_the_credit_used_and_drops_the_carry() -> None:
    lines = credit_statement(
        [
            CreditYear(2021, investment=1_000_000, payable=100_000),
            CreditYear(2022, investment=0, payable=50_000),
            CreditYear(2023, investment=0, payable=0, withdrawn=True),
        ],
        PARAMS,
    )
    assert (lines[2].clawback, lines[2].carried_in, lines[2].carried_out) == (150_000, 150_000, 0)


def test_the_credit_rate_is_not_applied_before_it_takes_effect() -> None:
    with pytest.raises(KeyError, match="尚未生效"):
        credit_statement([CreditYear(2018, investment=100, payable=100)], PARAMS)


@pytest.mark.parametrize(
    ("staff", "above_scale", "offered", "required", "below"),
    [(450, True, 8, 9, True), (450, True, 9, 9, False), (50, True, 0, 1, True), (450, False, 0, None, None)],
)
def test_internship_posts_are_two_percent_of_staff_rounded_up(
    staff: int, above_scale: bool, offered: int, required: int | None, below: bool | None
) -> None:
    quota = post_quota("华信机械", 2025, staff, above_scale, offered, 3, PARAMS)
    assert (quota.required, quota.below) == (required, below) if quota else required is None


@pytest.mark.parametrize(("denominator", "value"), [(SPECIALISED, 62.5), (FULL_TIME, 50.0)])
def test_the_dual_share_names_its_denominator(denominator: str, value: float) -> None:
    share = dual_share(Staff(full_time=100, specialised=80, dual=50, part_time=25), denominator, PARAMS, 2025)
    assert (
        share.value == value and ("专业课教师" if denominator == SPECIALISED else "专任教师") in share.explanation.rule
    )


def test_part_time_teachers_against_twenty_percent_and_the_thirty_percent_cap() -> None:
    within = part_time(Staff(full_time=100, specialised=80, dual=50, part_time=20), PARAMS, 2025)
    assert (within.share_of_full_time, round(within.share_of_all or 0, 1), within.over_cap) == (20, 16.7, False)
    over = part_time(Staff(full_time=100, specialised=80, dual=50, part_time=50), PARAMS, 2025)
    assert over.over_cap is True  # 50 of 150 = 33.3% > 30%


def test_teachers_short_of_practice_are_listed_with_the_days_missing_and_the_date() -> None:
    as_of = dt.date(2025, 12, 31)
    gaps = practice_gaps(
        [
            ("王一", [(dt.date(2024, 7, 1), dt.date(2024, 8, 31), 62)]),  # short now: 118 days missing
            ("王二", [(dt.date(2025, 1, 1), dt.date(2025, 12, 31), 200)]),  # fine until 2030
            ("王三", [(dt.date(2021, 3, 1), dt.date(2021, 9, 16), 200)]),  # falls out during 2026
        ],
        as_of,
        PARAMS,
    )
    assert [(g.teacher, g.missing) for g in gaps] == [("王一", 118), ("王三", 0), ("王二", 0)]
    assert gaps[0].falls_out_on == as_of and gaps[1].falls_out_on.year == 2026 and gaps[2].falls_out_on.year == 2030


def test_funding_figures_and_the_distribution_are_explained_and_sum_to_the_fund() -> None:
    share = surcharge_share(320_000, 1_000_000, "地方教育附加", PARAMS, 2025)
    assert (share.value, share.meets) == (32, True)
    floor = per_student_funding(110_000_000, 10_000, PARAMS, 2025)
    assert (floor.value, floor.meets) == (11_000, False)
    allocations = distribute(
        1_000_000,
        [
            SchoolShare("职教中心", {"装备制造大类": 1000, "农林牧渔大类": 200}, 1.1),
            SchoolShare("一职高", {"财经商贸大类": 800}, 1.0),
        ],
        {"装备制造大类": 1.2, "农林牧渔大类": 1.5, "财经商贸大类": 1.0},
        "示范县职业教育专项资金分配办法",
    )
    assert sum(a.amount for a in allocations) == 1_000_000
    assert allocations[0].weight == pytest.approx((1000 * 1.2 + 200 * 1.5) * 1.1)
    assert "1000×1.2（装备制造大类）" in allocations[0].explanation.arithmetic


PUPILS = [
    Pupil("S1", "一年级涉农", 1, True, agricultural=True, difficulty=False, poverty="", fee=2400),
    Pupil("S2", "二年级困难", 2, True, agricultural=False, difficulty=True, poverty="lifted", fee=2400),
    Pupil("S3", "三年级困难", 3, True, agricultural=False, difficulty=True, poverty="", fee=2400),
    Pupil("S4", "退学", 1, False, agricultural=True, difficulty=True, poverty="monitored", fee=2400),
]


@pytest.mark.parametrize(("year", "grant"), [(2018, 1500), (2019, 2000), (2025, 2000)])
def test_the_national_grant_follows_the_rate_in_force_that_year(year: int, grant: float) -> None:
    kinds = {(a.pupil, a.kind): a.amount_per_year for a in roster(PUPILS, PARAMS, year)}
    assert kinds[("S1", "国家助学金")] == grant and kinds[("S2", "国家助学金")] == grant
    assert ("S3", "国家助学金") not in kinds  # 三年级: no grant, still 免学费
    assert kinds[("S3", "免学费")] == 2400 and kinds[("S2", "雨露计划")] == 3000
    assert not [a for a in roster(PUPILS, PARAMS, year) if a.pupil == "S4"]


def test_changing_next_years_rate_leaves_this_years_amounts_unchanged() -> None:
    this_year = roster(PUPILS, PARAMS, 2025)
    raised = PARAMS.with_overrides([Parameter("aid.national_grant", 2300, 2026, "省财政厅通知（示例）")])
    assert roster(PUPILS, raised, 2025) == this_year
    assert {a.amount_per_year for a in roster(PUPILS, raised, 2026) if a.kind == "国家助学金"} == {2300}
    assert this_year[1].parameter_version == "aid.national_grant@2019"


def test_students_who_look_eligible_but_are_not_on_the_roster_are_listed() -> None:
    paid = {("S1", "免学费"), ("S1", "国家助学金"), ("S2", "免学费"), ("S3", "免学费")}
    missing = missing_from_roster(PUPILS, paid, PARAMS, 2025)
    assert {(a.pupil, a.kind) for a in missing} == {("S2", "国家助学金"), ("S2", "雨露计划")}


@pytest.mark.parametrize(
    ("grade", "enrolled", "agricultural", "difficulty", "poverty", "kinds"),
    [
        (1, True, False, False, "", {"免学费"}),
        (1, True, True, False, "", {"免学费", "国家助学金"}),
        (2, True, False, True, "", {"免学费", "国家助学金"}),
        (3, True, True, True, "", {"免学费"}),  # 助学金 is for 一、二年级
        (2, True, False, False, "lifted", {"免学费", "雨露计划"}),
        (3, True, False, False, "monitored", {"免学费", "雨露计划"}),
        (1, True, True, True, "lifted", {"免学费", "国家助学金", "雨露计划"}),
        (4, True, True, True, "", set()),  # beyond the three years
        (1, False, True, True, "lifted", set()),  # not 在籍
    ],
)
def test_who_gets_what(
    grade: int, enrolled: bool, agricultural: bool, difficulty: bool, poverty: str, kinds: set
) -> None:
    pupil = Pupil("S", "学生", grade, enrolled, agricultural, difficulty, poverty, fee=2000)
    assert {a.kind for a in roster([pupil], PARAMS, 2025)} == kinds


@pytest.mark.parametrize(
    ("used", "collected", "year", "value", "meets"),
    [(300_000, 1_000_000, 2025, 30, True), (299_999, 1_000_000, 2025, 29.9999, False), (0, 0, 2025, None, None)],
)
def test_the_surcharge_share_against_thirty_percent(
    used: float, collected: float, year: int, value: float | None, meets: bool | None
) -> None:
    share = surcharge_share(used, collected, "地方教育附加", PARAMS, year)
    assert (share.value, share.meets) == (value, meets)
    assert "国发〔2014〕19号" in share.explanation.source


def test_per_student_funding_for_a_secondary_school_has_no_floor_until_the_province_sets_one() -> None:
    figure = per_student_funding(15_000_000, 1000, PARAMS, 2025, level="secondary")
    assert (figure.value, figure.meets) == (15_000, None) and "未设定" in figure.explanation.rule
    provincial = PARAMS.with_overrides([Parameter("funding.secondary_floor", 16000, 2024, "某省文件")])
    assert per_student_funding(15_000_000, 1000, provincial, 2025, level="secondary").meets is False


def test_the_policy_package_imports_nothing_from_django() -> None:
    code = (
        "import sys, pkgutil, importlib, vetplan.policy as p\n"
        "[importlib.import_module(f'vetplan.policy.{m.name}') for m in pkgutil.iter_modules(p.__path__)]\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'django'))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout  # noqa: S603
    assert output.strip() == "[]"
