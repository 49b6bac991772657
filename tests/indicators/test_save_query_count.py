"""A save costs a fixed number of queries: none per indicator, per unit above it or per region above it."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from tests.conftest import County
from tests.factories import OrganizationFactory, RegionFactory
from tests.indicators.helpers import figure, save
from vetplan.indicators.compute import recompute_for
from vetplan.indicators.models import DataElement, DataValue, Indicator
from vetplan.orgs.models import Organization, Region

# The engine's part of a save: the element ids, the catalogue, the regions above and the units with
# units under them, the rows touched, the values now, one UPDATE (one INSERT more when a row is new),
# the targets that follow the figures.
ENGINE_QUERIES = 7


def engine_queries(unit: Organization, year: int, code: str) -> int:
    """The engine's queries after one stored value changed (written first, as the saving service does)."""
    element = DataElement.objects.get(code=code)
    DataValue.objects.filter(organization=unit, year=year, element=element).update(value=F("value") + 1)
    with CaptureQueriesContext(connection) as queries:
        result = recompute_for([(unit, year, element.pk)])
    assert result.subject_totals > 0  # something was updated
    return len(queries)


def deep_tree(county: County) -> tuple[Organization, Organization]:
    """A unit four units deep in a township (five regions up), and a top-level school in the county."""
    town = RegionFactory(code="980102001", name="测试镇", level=Region.Level.TOWNSHIP, parent=county.region)
    parent = county.government
    for depth in range(3):
        parent = OrganizationFactory(name=f"测试镇单位{depth}", region=town, parent=parent)
    return parent, county.school


def test_a_save_does_not_query_per_unit_or_region_above(county: County) -> None:
    admin = county.users["county_admin"]
    deep, shallow = deep_tree(county)
    for unit in (deep, shallow):
        save(admin, unit, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    counts = {engine_queries(unit, 2025, "teachers_dual_qualified") for unit in (deep, shallow)}
    assert len(counts) == 1 and counts.pop() <= ENGINE_QUERIES
    # The deep unit's 50 + 1 rolled up to the top of its unit tree.
    assert figure("dual_qualified_share", 2025, organization=county.government).value == 51


def test_a_save_does_not_query_per_indicator(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50, enrolment_general=10)
    many = "teachers_specialised"
    few = min(
        (e.code for e in DataElement.objects.all()),
        key=lambda code: (
            sum(code in (i.numerator + " " + i.denominator).split() for i in Indicator.objects.all()) or 99
        ),
    )
    save(admin, county.school, 2025, **{few: 5})
    users = {
        code: sum(
            code in (i.numerator + " " + i.denominator).replace("*", " ").split() for i in Indicator.objects.all()
        )
        for code in (many, few)
    }
    assert users[many] > users[few] >= 1
    assert engine_queries(county.school, 2025, many) == engine_queries(county.school, 2025, few) <= ENGINE_QUERIES


def test_a_whole_save_through_the_form_service_is_bounded_too(
    county: County, django_assert_max_num_queries: Any
) -> None:
    admin = county.users["county_admin"]
    deep, _ = deep_tree(county)
    save(admin, deep, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    with django_assert_max_num_queries(30):
        save(admin, deep, 2025, teachers_dual_qualified=60)
