"""The full recomputation rebuilds the element totals in bulk: what it must leave behind.

It empties the totals table and refills it set-based; saves after it (and after one that rolled
back) must still add their differences to rows that hold, and `vetplan recompute` runs it.
"""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from tests.conftest import County
from tests.indicators.helpers import figure, save
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.models import SubjectTotal
from vetplan.indicators.values import count_indicator_values, indicator_values
from vetplan.orgs.models import Organization, Region


def figures(county: County) -> dict[tuple[Any, ...], float | None]:
    rows = indicator_values(organizations=Organization.objects.all(), regions=Region.objects.all())
    return {(f.code, f.organization_id, f.region_id, f.year): f.value for f in rows}


def share(**where: Any) -> float | None:
    return figure("dual_qualified_share", 2025, **where).value


def test_saves_after_a_full_recomputation_refresh_its_rows(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    save(admin, county.school, 2024, teachers_specialised=80, teachers_dual_qualified=20)
    before = figures(county)
    totals_before = SubjectTotal.objects.count()
    result = recompute_all()
    assert figures(county) == before and result.subject_totals == totals_before == SubjectTotal.objects.count()
    assert count_indicator_values() == len(before)

    save(admin, county.school, 2025, teachers_dual_qualified=60)  # the on-save path adds to the rebuilt rows
    assert share(organization=county.school) == 60
    assert share(region=county.region) == 60
    assert SubjectTotal.objects.count() == totals_before
    recompute_all()
    assert share(organization=county.school) == 60


def test_a_rolled_back_recomputation_leaves_the_totals_as_they_were(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    recompute_all()
    before = set(SubjectTotal.objects.values_list("kind", "subject_id", "year"))
    with pytest.raises(RuntimeError), transaction.atomic():
        recompute_all()
        raise RuntimeError
    assert set(SubjectTotal.objects.values_list("kind", "subject_id", "year")) == before
    save(admin, county.school, 2025, teachers_dual_qualified=70)
    assert share(organization=county.school) == 70


def test_one_row_per_subject_and_year_after_a_full_recomputation(county: County) -> None:
    save(county.users["county_admin"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    recompute_all()
    row = SubjectTotal.objects.filter(subject_id=county.school.pk).first()
    assert row is not None
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {SubjectTotal._meta.db_table} (kind, subject_id, year) VALUES (%s, %s, %s)",  # noqa: S608
            [row.kind, row.subject_id, row.year],
        )


def test_the_recompute_command_rebuilds_and_says_what_it_did(county: County) -> None:
    save(county.users["county_admin"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=50)
    SubjectTotal.objects.all().delete()
    out, err = StringIO(), StringIO()
    call_command("recompute", stdout=out, stderr=err)
    assert "subject totals" in out.getvalue() and "target statuses" in out.getvalue()
    assert share(region=county.region) == 50
