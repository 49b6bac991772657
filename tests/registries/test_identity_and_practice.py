"""身份证号 and 统一社会信用代码 check digits, masking, and the five-year practice sum (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from vetplan.policy.practice import compliance_date, practice_days
from vetplan.registries.identity import (
    credit_code_error,
    credit_with_check,
    id_number_error,
    mask_id,
    mask_phone,
    with_check_digit,
)


def test_it_checks_the_identity_number_check_digit_and_birth_date() -> None:
    assert id_number_error("11010519491231002X") is None
    assert id_number_error("110105194912310021") == "校验位应为 X"
    assert id_number_error("11010519491331002X") == "出生日期 19491331 无效"
    assert id_number_error("1101051949") == "应为18位（前17位数字，末位数字或X）"
    assert id_number_error(with_check_digit("99010220070901123")) is None


def test_it_checks_the_credit_code_check_digit() -> None:
    assert credit_code_error("91110000600037341L") is None
    assert credit_code_error("91110000600037341M") == "校验位应为 L"
    assert credit_code_error("91110000600037341") is not None
    assert credit_code_error(credit_with_check("91990102MA0000001")) is None


def test_it_masks_identity_numbers_and_phones() -> None:
    assert mask_id("11010519491231002X") == "110***********002X"
    assert mask_phone("13812345678") == "138****5678"


EPISODES = [(dt.date(2021, 10, 1), dt.date(2022, 3, 31), 182), (dt.date(2024, 7, 1), dt.date(2024, 8, 31), 62)]


@pytest.mark.parametrize(
    ("as_of", "days"),
    [
        (dt.date(2025, 12, 31), 244),  # both episodes inside the window 2021-01-01 … 2025-12-31
        (dt.date(2026, 12, 31), 152),  # the first straddles 2022-01-01: 90 of its 182 days count
        (dt.date(2028, 12, 31), 62),
        (dt.date(2029, 12, 31), 0),
    ],
)
def test_the_practice_sum_is_taken_over_the_rolling_five_years(as_of: dt.date, days: int) -> None:
    assert practice_days(EPISODES, as_of) == days


def test_it_says_by_when_a_teacher_falls_out_of_compliance() -> None:
    # 62 days of 2024 and the part of the 2021–22 stay still inside: under 180 once fewer than 118 of it remain.
    falls = compliance_date(EPISODES, dt.date(2025, 12, 31))
    assert falls is not None and practice_days(EPISODES, falls) < 180 <= practice_days(
        EPISODES, falls - dt.timedelta(1)
    )
    assert falls.year == 2026 and falls.month == 12
    assert compliance_date([(dt.date(2025, 1, 1), dt.date(2025, 12, 31), 200)], dt.date(2026, 1, 1)).year == 2030
