"""A unit moved to another parent or region: its subtree follows, and so do the figures above it."""

from __future__ import annotations

import pytest

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import figure, save
from vetplan.orgs.models import Organization
from vetplan.orgs.services import MoveError, move_organization


def test_a_moved_unit_takes_its_subtree_and_its_figures_along(county: County) -> None:
    admin = county.users["county_admin"]
    annex = OrganizationFactory(
        name="职教中心分校", type=Organization.Type.SCHOOL, region=county.region, parent=county.school
    )
    save(admin, annex, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    assert figure("dual_qualified_share", 2025, organization=county.school).value == 50
    other = county.other_region
    assert other is not None
    host = OrganizationFactory(name="邻县教育局", region=other)

    move_organization(county.school, parent=host, region=other, by=admin)

    annex.refresh_from_db()
    assert annex.path == f"{host.pk:08d}/{county.school.pk:08d}/{annex.pk:08d}/"
    assert figure("dual_qualified_share", 2025, organization=host).value == 50  # the new parent counts it
    # The annex stays in its county: the county keeps the annex's figures, the other county gains none.
    assert figure("dual_qualified_share", 2025, region=county.region).value == 50


def test_a_unit_cannot_go_under_itself(county: County) -> None:
    annex = OrganizationFactory(
        name="职教中心分校", type=Organization.Type.SCHOOL, region=county.region, parent=county.school
    )
    with pytest.raises(MoveError):
        move_organization(county.school, parent=annex, region=county.region, by=None)
