"""Every catalogue indicator computed from hand-made values, rolled up units and regions as a ratio of sums.

Three units report: 县教体局 and 县人社局 (both under the county government) and a
township government (in a township region under the county). For every indicator the
numerator elements get 30, 50 and 7 and the denominator elements 100, 60 and 20, so the
government's value is factor × 80 / 160 (not the average of 30 % and 83 %), the county's
factor × 87 / 180 and the township's factor × 7 / 20. Both the on-save path and the
full recomputation must give these figures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import County
from tests.factories import OrganizationFactory, RegionFactory
from tests.indicators.helpers import figure, save
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.models import Indicator
from vetplan.mechanisms.figures import save_figures
from vetplan.orgs.models import Region

CATALOGUE = json.loads(
    (Path(__file__).resolve().parents[2] / "vetplan/indicators/data/catalogue.json").read_text(encoding="utf-8")
)
CODES = [row["code"] for row in CATALOGUE["indicators"]]
COMPUTED = {row["code"] for row in CATALOGUE["elements"] if row.get("computed")}
SCALE = {"funding_per_student": 10000, "funding_per_student_higher": 10000}  # 万元 per student, in 元
NUMERATOR = (30, 50, 7)
DENOMINATOR = (100, 60, 20)


def expected(indicator: Indicator, units: list[int]) -> float:
    # A numerator that adds elements (中职 + 高职 在校生) gets each element's value once.
    terms = len(_elements(indicator.numerator)) if "+" in indicator.numerator else 1
    num = terms * sum(NUMERATOR[u] for u in units) * SCALE.get(indicator.code, 1)
    if not indicator.denominator:
        return indicator.factor * num
    return indicator.factor * num / sum(DENOMINATOR[u] for u in units)


def test_the_catalogue_is_loaded_by_migrate(db: Any) -> None:
    assert sorted(Indicator.objects.values_list("code", flat=True)) == sorted(CODES)
    assert len(CODES) >= 21


@pytest.mark.parametrize("code", CODES)
def test_the_indicator_is_a_ratio_of_sums_up_units_and_regions(code: str, county: County) -> None:
    indicator = Indicator.objects.get(code=code)
    township = RegionFactory(code="980102001", name="测试镇", level=Region.Level.TOWNSHIP, parent=county.region)
    town = OrganizationFactory(name="测试镇人民政府", region=township)
    numerator = _elements(indicator.numerator)
    denominator = _elements(indicator.denominator)
    admin = county.users["county_admin"]
    for index, unit in enumerate([county.education, county.hr, town]):
        values = dict.fromkeys(numerator, NUMERATOR[index]) | dict.fromkeys(denominator, DENOMINATOR[index])
        if set(values) & COMPUTED:  # figures vetplan computes are saved the way the mechanisms save them
            save_figures({(unit.pk, 2025): values}, by=admin, where="测试")
        else:
            save(admin, unit, 2025, **values)

    def figures() -> dict[str, Any]:
        return {
            "education": figure(code, 2025, organization=county.education).value,
            "government": figure(code, 2025, organization=county.government).value,
            "county": figure(code, 2025, region=county.region).value,
            "township": figure(code, 2025, region=township).value,
        }

    want = {
        "education": expected(indicator, [0]),
        "government": expected(indicator, [0, 1]),
        "county": expected(indicator, [0, 1, 2]),
        "township": expected(indicator, [2]),
    }
    assert figures() == pytest.approx(want)  # saved value by value, as a form saves
    recompute_all()
    assert figures() == pytest.approx(want)  # and by the set-based full recomputation


def _elements(expression: str) -> list[str]:
    return [part for part in expression.replace("*", " ").replace("+", " ").split() if not part.isdigit()]
