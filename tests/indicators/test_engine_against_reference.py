"""The indicator engine agrees with a plain-Python computation over the raw values, on a random tree.

The reference below shares no code with the engine: it reads the data values, sums them per unit
subtree (by walking parents) and per region subtree (by walking regions' parents), evaluates each
catalogue expression with Python arithmetic (a missing element or a division by zero is no value)
and keeps a figure when its numerator or denominator has one. The tree has units three levels
deep, a township region, values that are fractional, zero (so zero denominators), missing (NULL)
or deleted, and a school that moves to another parent and county halfway through.
"""

from __future__ import annotations

import ast
import random
from collections import defaultdict
from typing import Any

import pytest

from tests.factories import OrganizationFactory, RegionFactory
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.models import DataElement, DataValue, Indicator
from vetplan.indicators.services import delete_data_values, save_entries
from vetplan.indicators.validation import Entry, Location
from vetplan.indicators.values import element_totals, indicator_values
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.services import move_organization

YEARS = (2023, 2024, 2025)
Key = tuple[str, str, int, int]  # (indicator code, "unit" | "region", subject id, year)


# ---------------------------------------------------------------- the reference


def reference_sums() -> dict[tuple[str, int, int], dict[str, float]]:
    parent = dict(Organization.objects.values_list("pk", "parent_id"))
    region_of = dict(Organization.objects.values_list("pk", "region_id"))
    region_parent = dict(Region.objects.values_list("pk", "parent_id"))
    code_of = dict(DataElement.objects.values_list("pk", "code"))
    sums: dict[tuple[str, int, int], dict[str, float]] = defaultdict(dict)
    for org, element, year, value in DataValue.objects.values_list("organization_id", "element_id", "year", "value"):
        code = code_of[element]
        subjects = []
        unit: int | None = org
        while unit is not None:
            subjects.append(("unit", unit))
            unit = parent[unit]
        region: int | None = region_of[org]
        while region is not None:
            subjects.append(("region", region))
            region = region_parent[region]
        for kind, subject in subjects:
            totals = sums[(kind, subject, year)]
            totals[code] = totals.get(code, 0.0) + value
    return sums


def reference() -> dict[Key, tuple[float | None, float | None, float | None]]:
    sums = reference_sums()
    out = {}
    for ind in Indicator.objects.all():
        for (kind, subject, year), totals in sums.items():
            num = evaluate(ind.numerator, totals)
            den = evaluate(ind.denominator, totals) if ind.denominator else None
            if num is None and den is None:
                continue
            if num is None:
                value = None
            elif not ind.denominator:
                value = ind.factor * num
            else:
                value = None if not den else ind.factor * num / den
            out[(ind.code, kind, subject, year)] = (num, den, value)
    return out


def evaluate(expression: str, totals: dict[str, float]) -> float | None:
    names = {node.id for node in ast.walk(ast.parse(expression, mode="eval")) if isinstance(node, ast.Name)}
    if any(name not in totals for name in names):
        return None
    try:
        # The catalogue's own expressions (arithmetic over element codes), with no builtins.
        return float(eval(expression, {"__builtins__": {}}, dict(totals)))  # noqa: S307
    except ZeroDivisionError:
        return None


def engine() -> dict[Key, tuple[float | None, float | None, float | None]]:
    figures = indicator_values(
        organizations=Organization.objects.values_list("pk", flat=True),
        regions=Region.objects.values_list("pk", flat=True),
    )
    return {
        (
            f.code,
            "unit" if f.organization_id is not None else "region",
            f.organization_id or f.region_id,
            f.year,
        ): (f.numerator, f.denominator, f.value)
        for f in figures  # type: ignore[misc]
    }


def assert_engine_agrees() -> None:
    sums = reference_sums()
    codes = sorted({code for totals in sums.values() for code in totals})
    for (kind, subject, year), totals in sums.items():  # the element totals the mechanisms read
        where = {"organization": subject} if kind == "unit" else {"region": subject}
        got_totals = element_totals(codes, year=year, **where)  # type: ignore[arg-type]
        assert got_totals == pytest.approx(totals, rel=1e-9, abs=1e-9), (kind, subject, year)
    want, got = reference(), engine()
    assert set(got) == set(want), (sorted(set(got) - set(want))[:5], sorted(set(want) - set(got))[:5])
    for key, expected in want.items():
        for part, (a, b) in zip(
            ("numerator", "denominator", "value"), zip(got[key], expected, strict=True), strict=True
        ):
            assert (a is None) == (b is None), (key, part, a, b)
            if a is not None:
                assert a == pytest.approx(b, rel=1e-9, abs=1e-9), (key, part)


# ---------------------------------------------------------------- the random tree


class Tree:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        province = RegionFactory(code="990000", name="比对省", level=Region.Level.PROVINCE)
        cities = [RegionFactory(code=f"99{c}100", name=f"比对{c}市", level="city", parent=province) for c in (1, 2)]
        self.counties = [
            RegionFactory(code=f"99{c}1{k}0", name=f"比对{c}{k}县", parent=city)
            for c, city in enumerate(cities, start=1)
            for k in (1, 2)
        ]
        town = RegionFactory(code="991110001", name="比对镇", level=Region.Level.TOWNSHIP, parent=self.counties[0])
        self.units: list[Organization] = []
        for county in self.counties:
            government = self._unit("政府", Organization.Type.GOVERNMENT, county)
            for d in range(2):
                bureau = self._unit(f"局{d}", Organization.Type.GOVERNMENT, county, government)
                self._unit(f"局{d}科室", Organization.Type.GOVERNMENT, county, bureau)  # three levels deep
            for s in range(3):
                self._unit(f"学校{s}", Organization.Type.SCHOOL, county)
            self._unit("企业", Organization.Type.ENTERPRISE, county)
        self._unit("镇政府", Organization.Type.TOWNSHIP, town)
        self.elements = list(
            DataElement.objects.filter(code__in={c for ind in Indicator.objects.all() for c in _codes(ind)})
        )

    def _unit(self, name: str, kind: str, region: Region, parent: Organization | None = None) -> Organization:
        unit = OrganizationFactory(name=f"{region.name}{name}", type=kind, region=region, parent=parent)
        self.units.append(unit)
        return unit

    def value(self) -> float:
        roll = self.rng.random()
        if roll < 0.15:
            return 0.0  # zero denominators
        if roll < 0.5:
            return round(self.rng.uniform(0, 500), self.rng.choice((1, 2, 3)))  # fractional
        return float(self.rng.randint(1, 5000))

    def entries(self, unit: Organization, year: int, share: float) -> list[Entry]:
        return [
            Entry(unit, year, element, self.value(), Location("比对"))
            for element in self.elements
            if self.rng.random() < share  # the rest stay missing (NULL)
        ]


def _codes(indicator: Indicator) -> set[str]:
    return {
        node.id
        for text in (indicator.numerator, indicator.denominator)
        if text
        for node in ast.walk(ast.parse(text, mode="eval"))
        if isinstance(node, ast.Name)
    }


def test_the_engine_agrees_with_a_plain_computation_after_saves_deletes_a_move_and_a_rebuild(db: Any) -> None:
    rng = random.Random(20250612)  # noqa: S311 (reproducible test data)
    tree = Tree(rng)
    first = [entry for unit in tree.units for year in YEARS for entry in tree.entries(unit, year, 0.6)]
    save_entries(first, by=None, source="test")  # one large batch through the on-save path
    assert_engine_agrees()
    recompute_all()
    assert_engine_agrees()

    moved = next(u for u in tree.units if u.type == Organization.Type.SCHOOL)
    for step in range(40):
        unit, year = rng.choice(tree.units), rng.choice(YEARS)
        if step % 7 == 3:
            stored = list(DataValue.objects.filter(organization=unit, year=year).select_related("element")[:3])
            delete_data_values([(unit, year, v.element) for v in stored], by=None)
        else:
            save_entries(tree.entries(unit, year, 0.3), by=None, source="test")
        if step == 10:
            # A unit created under a school that has figures (the school had no unit under it).
            school = Organization.objects.get(name=f"{tree.counties[2].name}学校1")
            annex = OrganizationFactory(
                name="比对分校", type=Organization.Type.SCHOOL, region=school.region, parent=school
            )
            tree.units.append(annex)
            save_entries(tree.entries(annex, 2024, 0.8), by=None, source="test")
            assert_engine_agrees()
        if step == 20:
            # A school goes under another county's enterprise (which had no unit under it), in that county.
            enterprise = Organization.objects.get(name=f"{tree.counties[3].name}企业")
            move_organization(moved, parent=enterprise, region=tree.counties[3], by=None)
            assert_engine_agrees()
        if step == 30:
            # A bureau's only office goes to another city's school: the bureau has no unit under it any more.
            office = Organization.objects.get(name=f"{tree.counties[0].name}局0科室")
            host = Organization.objects.get(name=f"{tree.counties[2].name}学校2")
            move_organization(office, parent=host, region=tree.counties[2], by=None)
            assert_engine_agrees()
        tree.units = list(Organization.objects.filter(pk__in=[u.pk for u in tree.units]))
    # Every value of one unit and year taken back: its totals fall back to no data, not 0.
    gone = rng.choice(tree.units)
    stored = list(DataValue.objects.filter(organization=gone, year=2024).select_related("element"))
    delete_data_values([(gone, 2024, v.element) for v in stored], by=None)
    assert_engine_agrees()
    assert not [f for f in indicator_values(organizations=[gone], years=[2024]) if gone.children.count() == 0]
    recompute_all()
    assert_engine_agrees()
