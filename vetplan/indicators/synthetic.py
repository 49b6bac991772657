"""Synthetic data at province scale for benchmarks: regions, units, elements and values in bulk.

`generate_synthetic(orgs=2000, years=10, elements=50)` builds 1 province, 10 cities and
as many counties as needed (40 units each: a government with 15 departments, 16 schools,
8 enterprises), tops the catalogue up with filler data elements to `elements`, and writes
every element for every unit and year with bulk inserts, respecting the rules between
elements. Region codes start with 97, which GB/T 2260 does not use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from vetplan.indicators import reported
from vetplan.indicators.catalogue import ensure_catalogue
from vetplan.indicators.models import DataElement, Dataset, DataValue
from vetplan.indicators.validation import element_rules
from vetplan.orgs.models import Membership, Organization, Region
from vetplan.orgs.roles import Role

PROVINCE = ("970000", "合成省")
UNITS_PER_COUNTY = 40
FIRST_YEAR = 2016
REPORTER = "synthetic-school"  # a school reporter of the first synthetic school (the benchmark's form user)
PROVINCE_SUPERVISOR = "synthetic-province"  # the province's 督导室: looks at the whole synthetic province
CITY_SUPERVISOR = "synthetic-city"  # the first city's 督导室
PASSWORD = "vetplan-demo"  # noqa: S105 (synthetic data live in scratch databases only, like the demo logins)


class SyntheticError(RuntimeError):
    pass


@dataclass
class SyntheticSummary:
    regions: int
    organizations: int
    elements: int
    years: int
    values: int


@transaction.atomic
def generate_synthetic(*, orgs: int = 2000, years: int = 10, elements: int = 50, seed: int = 1) -> SyntheticSummary:
    if Region.objects.filter(code=PROVINCE[0]).exists():
        raise SyntheticError("合成数据已存在：请换一个空数据库再生成。")
    rng = random.Random(seed)  # noqa: S311 (reproducible synthetic figures, not secrets)
    element_rows = _elements(elements)
    regions, units = _units(orgs)
    year_list = list(range(FIRST_YEAR, FIRST_YEAR + years))
    rules = [(left, right) for left, op, right in element_rules() if op == "<="]
    now = timezone.now()
    insert = (
        f"INSERT INTO {DataValue._meta.db_table} (element_id, organization_id, year, value, source, entered_at) "  # noqa: S608
        "VALUES (%s, %s, %s, %s, 'synthetic', %s)"
    )
    count = 0
    with connection.cursor() as cursor:
        for org in units:  # one unit at a time: a million model instances would not fit comfortably
            rows = []
            for year in year_list:
                figures = {e.code: float(rng.randint(50, 5000)) for e in element_rows}
                for left, right in rules:
                    if left in figures and right in figures:
                        figures[left] = float(round(figures[right] * rng.uniform(0.3, 0.95)))
                rows += [(e.pk, org.pk, year, figures[e.code], now) for e in element_rows]
            if connection.vendor == "postgresql":
                _copy(cursor, rows)
            else:
                cursor.executemany(insert, rows)
            count += len(rows)
    reported.rebuild()
    school = next(u for u in units if u.type == Organization.Type.SCHOOL)
    user = get_user_model().objects.create_user(username=REPORTER, first_name="合成学校填报员", password=PASSWORD)
    Membership.objects.create(user=user, organization=school, role=Role.SCHOOL)
    _supervisors()
    return SyntheticSummary(regions, len(units), len(element_rows), years, count)


def _supervisors() -> None:
    """A province and a city supervision office (督导室) with one supervisor each, to look at the data."""
    province = Region.objects.get(code=PROVINCE[0])
    city = Region.objects.filter(parent=province).order_by("code").first()
    for username, region, title in ((PROVINCE_SUPERVISOR, province, "省督导员"), (CITY_SUPERVISOR, city, "市督导员")):
        if region is None:
            continue
        office = Organization(
            name=f"{region.name}人民政府教育督导室", type=Organization.Type.SUPERVISION, region=region
        )
        office.save()
        office.path = office.build_path()
        office.save(update_fields=["path"])
        user = get_user_model().objects.create_user(username=username, first_name=title, password=PASSWORD)
        Membership.objects.create(user=user, organization=office, role=Role.SUPERVISOR)


def _elements(count: int) -> list[DataElement]:
    ensure_catalogue()
    existing = list(DataElement.objects.all())
    filler = [
        DataElement(
            code=f"synthetic_{n:02d}", name=f"合成数据项{n:02d}", unit="个", dataset=Dataset.SCHOOL, seq=1000 + n
        )
        for n in range(1, max(0, count - len(existing)) + 1)
    ]
    DataElement.objects.bulk_create(filler)
    return (existing + list(DataElement.objects.filter(code__startswith="synthetic_").order_by("seq")))[:count]


def _units(count: int) -> tuple[int, list[Organization]]:
    province = Region(code=PROVINCE[0], name=PROVINCE[1], level=Region.Level.PROVINCE, path=f"{PROVINCE[0]}/")
    province.save()
    counties_needed = -(-count // UNITS_PER_COUNTY)
    cities = [
        Region(code=f"97{c:02d}00", name=f"合成{c}市", level=Region.Level.CITY, parent=province,
               path=f"{province.path}97{c:02d}00/")
        for c in range(1, 11)
    ]  # fmt: skip
    Region.objects.bulk_create(cities)
    counties = []
    for n in range(counties_needed):
        city = cities[n % len(cities)]
        code = f"{city.code[:4]}{n // len(cities) + 1:02d}"
        counties.append(Region(code=code, name=f"合成{n + 1}县", level=Region.Level.COUNTY, parent=city,
                               path=f"{city.path}{code}/"))  # fmt: skip
    Region.objects.bulk_create(counties)
    # Governments first (their departments need their paths), then everything else in bulk.
    governments = [
        Organization(name=f"{c.name}人民政府", type=Organization.Type.GOVERNMENT, region=c) for c in counties
    ]
    Organization.objects.bulk_create(governments)
    governments = list(Organization.objects.filter(region__in=counties, parent=None).order_by("pk"))
    for gov in governments:
        gov.path = f"{gov.pk:08d}/"
    Organization.objects.bulk_update(governments, ["path"])
    others = []
    for gov in governments:
        county = gov.region
        others += [Organization(name=f"{county.name}部门{d}", type=Organization.Type.GOVERNMENT, region=county,
                                parent=gov) for d in range(1, 16)]  # fmt: skip
        others += [Organization(name=f"{county.name}职业学校{s}", type=Organization.Type.SCHOOL, region=county)
                   for s in range(1, 17)]  # fmt: skip
        others += [Organization(name=f"{county.name}企业{e}", type=Organization.Type.ENTERPRISE, region=county)
                   for e in range(1, 9)]  # fmt: skip
    others = others[: max(0, count - len(governments))]
    Organization.objects.bulk_create(others)
    created = list(
        Organization.objects.filter(region__in=counties)
        .exclude(pk__in=[g.pk for g in governments])
        .select_related("parent")
    )
    for org in created:
        org.path = f"{org.parent.path if org.parent else ''}{org.pk:08d}/"
    Organization.objects.bulk_update(created, ["path"], batch_size=1000)
    return 1 + len(cities) + len(counties), governments + created


def _copy(cursor: Any, rows: list[tuple[Any, ...]]) -> None:
    """PostgreSQL's COPY: an order of magnitude faster than INSERTs for a million rows."""
    columns = "(element_id, organization_id, year, value, source, entered_at)"
    with cursor.cursor.copy(f"COPY {DataValue._meta.db_table} {columns} FROM STDIN") as copy:
        for element_id, org_id, year, value, entered_at in rows:
            copy.write_row((element_id, org_id, year, value, "synthetic", entered_at))
