"""Linking targets to catalogue indicators by normalised name or synonym."""

from __future__ import annotations

from tests.conftest import County
from tests.factories import TargetFactory
from vetplan.indicators.services import link_targets_to_indicators


def test_it_links_targets_by_name_or_synonym_and_leaves_the_rest(county: County) -> None:
    plan = county.plan
    texts = ["“双师型”教师占专业课教师总数的比例", "全县中等职业学校毕业生就业率", "职普比", "新增专业"]
    targets = [TargetFactory(plan=plan, indicator_text=t) for t in texts]
    assert link_targets_to_indicators(targets) == 3
    codes = [t.indicator.code if t.indicator else None for t in targets]
    assert codes == ["dual_qualified_share", "employment_rate_secondary", "vocational_general_ratio", None]
    assert all(hasattr(t, "status_row") for t in plan.targets.all() if t in targets)
