"""Confirming an import links its targets to the indicator catalogue."""

from __future__ import annotations

from tests.conftest import County
from tests.plans.import_drafts import make_draft
from vetplan.plans.imports import confirm_import

PLAN = """示范县职业教育行动计划
到2027年，“双师型”教师占专业课教师总数的比例达到70%以上。
"""


def test_confirm_links_targets_to_catalogue_indicators(county: County) -> None:
    from vetplan.indicators.catalogue import ensure_catalogue

    ensure_catalogue()
    plan = confirm_import(make_draft(county.region, county.users["supervisor"], PLAN), county.users["supervisor"])
    target = plan.targets.get()
    assert target.indicator is not None
    assert "双师型" in target.indicator.name
