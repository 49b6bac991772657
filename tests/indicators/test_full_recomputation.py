"""The full recomputation rewrites the materialised table in bulk: what it must leave behind.

On PostgreSQL it drops the primary key and the unit constraint for the INSERT, numbers the ids
itself and moves the id sequence past them; saves after it (and after one that rolled back)
must still insert fresh rows into a table whose constraints hold.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from tests.conftest import County
from tests.indicators.helpers import save
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.models import IndicatorValue


def figures() -> dict[tuple[Any, ...], float | None]:
    rows = IndicatorValue.objects.values_list("indicator__code", "organization_id", "region_id", "year", "value")
    return {row[:4]: row[4] for row in rows}


def share(county: County, **where: Any) -> float | None:
    row = IndicatorValue.objects.get(indicator__code="dual_qualified_share", year=2025, **where)
    return row.value


def test_saves_after_a_full_recomputation_refresh_its_rows(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    save(admin, county.school, 2024, teachers_specialised=80, teachers_dual_qualified=20)
    before = figures()
    result = recompute_all()
    assert figures() == before and result.indicator_values == len(before)

    save(admin, county.school, 2025, teachers_dual_qualified=60)  # the on-save path writes new rows
    assert share(county, organization=county.school) == 60
    assert share(county, region=county.region) == 60
    ids = list(IndicatorValue.objects.values_list("pk", flat=True))
    assert len(ids) == len(set(ids)) == len(before)
    recompute_all()
    assert share(county, organization=county.school) == 60


def test_a_rolled_back_recomputation_leaves_the_values_and_the_ids_as_they_were(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    recompute_all()
    before = set(IndicatorValue.objects.values_list("pk", "indicator_id", "organization_id", "region_id", "year"))
    with pytest.raises(RuntimeError), transaction.atomic():
        recompute_all()
        raise RuntimeError
    assert (
        set(IndicatorValue.objects.values_list("pk", "indicator_id", "organization_id", "region_id", "year")) == before
    )
    save(admin, county.school, 2025, teachers_dual_qualified=70)  # fresh ids do not collide with the kept rows
    assert share(county, organization=county.school) == 70


def test_the_constraints_are_back_after_a_full_recomputation(county: County) -> None:
    save(county.users["county_admin"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    recompute_all()
    table = IndicatorValue._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    assert [info["columns"] for info in constraints.values() if info["primary_key"]] == [["id"]]
    unique = {name: info["columns"] for name, info in constraints.items() if info["unique"] and not info["primary_key"]}
    assert unique == {
        "indicators_iv_unique_org": ["organization_id", "year", "indicator_id"],
        "indicators_iv_unique_region": ["region_id", "year", "indicator_id"],
    }
    row = IndicatorValue.objects.filter(organization=county.school).first()
    assert row is not None
    row.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        row.save()
