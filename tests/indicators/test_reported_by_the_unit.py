"""A year counts as reported by a unit only for what the unit reported itself: the figures the system
writes from records (a registry's totals, an aid roster's amounts) do not make a year look reported."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import County
from tests.indicators.helpers import save
from vetplan.indicators.completeness import Finality, missing_units, unit_missing_years
from vetplan.mechanisms.figures import save_figures

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


def test_figures_from_records_leave_the_year_unreported(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=60)
    # The aid roster writes this year's amounts for the school: the school has typed nothing for 2026.
    save_figures(
        {(county.school.pk, 2026): {"aid_national_amount": 30000, "aid_national_students": 30}},
        by=None,
        where="资助名册",
    )

    assert missing_units(county.region, "school", 2026) == [county.school]
    assert unit_missing_years(county.school, "school", [2025, 2026]) == [2026]
    coverage = Finality().coverage(county.region, "school", 2026)
    assert (coverage.reported, coverage.final) == (0, False)
    assert not Finality().unit_final(county.school, ["school"], 2026)

    save(admin, county.school, 2026, teachers_specialised=100, teachers_dual_qualified=70)
    assert missing_units(county.region, "school", 2026) == []
    assert Finality().unit_final(county.school, ["school"], 2026)
