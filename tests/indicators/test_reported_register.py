"""The register of reported years (vetplan.indicators.reported) follows every write of data values and
equals what a rebuild from the values gives; 填报进度 reads it in a fixed number of queries."""

from __future__ import annotations

import random
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import save
from vetplan.indicators import reported
from vetplan.indicators.completeness import Finality, missing_units, region_coverage
from vetplan.indicators.models import DataElement, DataValue, ReportedYear
from vetplan.indicators.services import delete_data_values, save_entries
from vetplan.indicators.sources import POLICY_SOURCE, REGISTRY_SOURCE
from vetplan.indicators.validation import Entry, Location
from vetplan.orgs.models import Organization

pytestmark = pytest.mark.django_db


def register() -> set[tuple[int, str, int]]:
    return set(ReportedYear.objects.values_list("organization_id", "dataset", "year"))


def from_values() -> set[tuple[int, str, int]]:
    """The register as the definition says, in plain Python over the values."""
    return {
        (unit, dataset, year)
        for unit, dataset, year, computed, source in DataValue.objects.values_list(
            "organization_id", "element__dataset", "year", "element__computed", "source"
        )
        if not computed and source not in (REGISTRY_SOURCE, POLICY_SOURCE)
    }


def test_saves_and_deletes_keep_the_register_equal_to_a_rebuild(county: County) -> None:
    rng = random.Random(7)  # noqa: S311 (a reproducible series of saves)
    units = [county.school, county.enterprise, county.hr, county.education]
    units += [OrganizationFactory(type=Organization.Type.SCHOOL, region=county.region) for _ in range(3)]
    elements = list(DataElement.objects.filter(computed=False).order_by("pk"))
    computed = list(DataElement.objects.filter(computed=True))
    assert computed, "the catalogue has computed elements (办学条件达标学校数 …)"
    for step in range(60):
        unit, year = rng.choice(units), rng.choice((2023, 2024, 2025))
        stored = list(DataValue.objects.filter(organization=unit, year=year).select_related("element"))
        if stored and rng.random() < 0.35:
            # Take back some or all of what the unit holds for the year (the last value of a set too).
            chosen = stored if rng.random() < 0.5 else rng.sample(stored, 1)
            delete_data_values([(unit, year, v.element) for v in chosen], by=None)
        else:
            source = rng.choice(("form", "excel", "api", REGISTRY_SOURCE, POLICY_SOURCE))
            pool = computed if source == POLICY_SOURCE and rng.random() < 0.5 else elements
            picked = rng.sample(pool, min(len(pool), rng.randint(1, 3)))
            entries = [Entry(unit, year, e, float(rng.randint(0, 50)), Location(f"第{step}步")) for e in picked]
            save_entries(entries, by=None, source=source)
        assert register() == from_values(), f"after step {step}"
    assert reported.rebuild() == len(from_values())
    assert register() == from_values()


def test_the_last_value_taken_back_makes_the_year_missing_again(county: County) -> None:
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=60)
    assert missing_units(county.region, "school", 2025) == []
    element = DataElement.objects.get(code="teachers_specialised")
    delete_data_values([(county.school, 2025, element)], by=admin)
    assert missing_units(county.region, "school", 2025) == []  # 双师型教师数 is still there
    delete_data_values([(county.school, 2025, DataElement.objects.get(code="teachers_dual_qualified"))], by=admin)
    assert missing_units(county.region, "school", 2025) == [county.school]


def test_a_deleted_unit_leaves_the_register(county: County) -> None:
    school = OrganizationFactory(type=Organization.Type.SCHOOL, region=county.region)
    save(county.users["county_admin"], school, 2025, teachers_specialised=10)
    assert (school.pk, "school", 2025) in register()
    school.delete()
    assert register() == from_values()


def test_a_regions_coverage_takes_two_queries_whatever_its_size(county: County, django_assert_num_queries: Any) -> None:
    admin = county.users["county_admin"]
    for n in range(25):
        school = OrganizationFactory(type=Organization.Type.SCHOOL, region=county.region)
        if n % 2:
            save(admin, school, 2025, teachers_specialised=10 + n)
    with django_assert_num_queries(2):  # every data set's owed count, then every reported count
        coverage = region_coverage(county.region)
    assert set(coverage) == {"school", "department", "enterprise"}
    schools = Organization.objects.filter(region=county.region, type=Organization.Type.SCHOOL).count()
    owed, by_year = coverage["school"]
    assert (owed, by_year) == (schools, {2025: 12})
    school = Finality().coverage(county.region, "school", 2025)
    assert (school.reported, school.owed, school.final) == (12, schools, False)


def test_the_recompute_command_rebuilds_a_drifted_register(county: County) -> None:
    save(county.users["county_admin"], county.school, 2025, teachers_specialised=100)
    ReportedYear.objects.all().delete()  # drift: rows lost behind the services' back
    assert missing_units(county.region, "school", 2025) == [county.school]
    out = StringIO()
    call_command("recompute", "--no-progress", stdout=out, stderr=StringIO())
    assert "reported unit-years" in out.getvalue()
    assert register() == from_values() and missing_units(county.region, "school", 2025) == []
