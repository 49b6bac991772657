"""发改 and 税务 find the 产教融合 figures waiting for their check among their 待办, and only those."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import County
from tests.mechanisms.test_credit import setup  # noqa: F401  (the fixture)
from vetplan.mechanisms import credit
from vetplan.workbench.todos import todos_for

pytestmark = pytest.mark.django_db


def _section(user: Any) -> Any:
    return next((s for s in todos_for(user, dt.date(2026, 6, 1)).sections if s.key == "credit_checks"), None)


def test_each_checker_sees_what_waits_for_its_own_check(county: County, setup: dict) -> None:  # noqa: F811
    row = credit.enter_year(
        setup["enterprise"], 2025, investment=Decimal(500_000), payable=Decimal(90_000),
        by=county.users["enterprise_reporter"],
    )  # fmt: skip
    fagai = _section(setup["fagai"])
    tax = _section(setup["tax"])
    assert fagai.count == 1 and tax.count == 1
    assert fagai.rows[0].text == f"{setup['enterprise'].name} 2025年"
    assert fagai.rows[0].note == "投资额（发展改革部门核实）"
    assert tax.rows[0].note == "应缴附加（税务部门核实）"

    credit.check_year(row, credit.INVESTMENT, by=setup["fagai"])
    assert _section(setup["fagai"]) is None
    assert _section(setup["tax"]).count == 1
    credit.check_year(row, credit.PAYABLE, by=setup["tax"])
    assert _section(setup["tax"]) is None


def test_other_departments_and_schools_have_no_credit_section(county: County, setup: dict) -> None:  # noqa: F811
    credit.enter_year(
        setup["enterprise"], 2025, investment=Decimal(500_000), payable=Decimal(90_000),
        by=county.users["enterprise_reporter"],
    )  # fmt: skip
    assert _section(county.users["department_reporter"]) is None
    assert _section(county.users["school_reporter"]) is None
