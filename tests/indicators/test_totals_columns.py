"""The totals table never runs out of columns: element ids only grow (a catalogue reloaded, a test
database flushed and filled again), and PostgreSQL counts a dropped column against its 1,600, so
the columns of elements that are gone are given back by making the table anew, and the figures
come back whole from the values."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import County
from tests.indicators.helpers import figure, save
from vetplan.indicators import totals
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.models import DataElement

pytestmark = pytest.mark.django_db

GONE = 987_654  # the id of an element that no longer exists (its columns stayed)


def test_columns_of_elements_that_are_gone_are_given_back_before_the_limit(county: County, monkeypatch: Any) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=60)
    before = figure("dual_qualified_share", 2025, region=county.region).value
    totals.ensure_columns([GONE])
    assert GONE in totals.element_columns()

    monkeypatch.setattr(totals, "COLUMN_BUDGET", totals._attributes())  # any new column is over it
    new = DataElement.objects.create(code="new_element", name="新增数据项", dataset="school").pk
    wanted = {pk for pk in totals.element_columns() if pk != GONE} | {new}
    assert totals.ensure_columns(wanted) == wanted  # made anew: every wanted column is new
    assert totals.element_columns() == wanted

    recompute_all()
    assert figure("dual_qualified_share", 2025, region=county.region).value == before == 60
    save(admin, county.school, 2025, teachers_dual_qualified=70)
    assert figure("dual_qualified_share", 2025, region=county.region).value == 70


def test_without_stale_columns_nothing_is_dropped(county: County, monkeypatch: Any) -> None:
    save(county.users["county_admin"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=60)
    had = totals.element_columns()
    monkeypatch.setattr(totals, "COLUMN_BUDGET", totals._attributes())
    new = DataElement.objects.create(code="new_element", name="新增数据项", dataset="school").pk
    assert new not in had
    assert totals.ensure_columns(had | {new}) == {new}
    assert totals.element_columns() == had | {new}
    assert figure("dual_qualified_share", 2025, region=county.region).value == 60
