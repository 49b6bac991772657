"""Unit names resolve within the plan's jurisdiction: a city's 市教育局 is never a county's bureau.

A city (安平市) with one county (河西县), each with its own education bureau. A 市 plan is
imported into the city, then a 县 plan naming both 县教育局 and 市教育局 into the county.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import OrganizationFactory, RegionFactory, member
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.resolution import OrganizationResolver
from vetplan.orgs.roles import Role
from vetplan.plans.services import import_plan_document

CITY_PLAN = {
    "meta": {"title": "安平市职业教育提质培优实施方案"},
    "targets": [],
    "tasks": [
        {
            "seq": "1",
            "text": "统筹全市职业院校布局。",
            "lead_units": ["市教育局"],
            "responsible_units": ["市财政局", "各县(市、区)政府"],
        },
        {"seq": "2", "text": "各县落实招生计划。", "lead_units": [], "responsible_units": ["县教育局"]},
    ],
}
COUNTY_PLAN = {
    "meta": {"title": "河西县职业教育行动计划"},
    "targets": [],
    "tasks": [
        {
            "seq": "1",
            "text": "落实市里部署。",
            "lead_units": ["县教育局"],
            "responsible_units": ["市教育局", "县财政局"],
        },
        {
            "seq": "2",
            "text": "申报市级示范校。",
            "lead_units": ["市教育局"],
            "responsible_units": ["各乡镇", "相关部门"],
        },
    ],
}


@pytest.fixture
def city(db: Any) -> dict[str, Any]:
    city = RegionFactory(code="980500", name="安平市", level=Region.Level.CITY)
    county = RegionFactory(code="980501", name="河西县", level=Region.Level.COUNTY, parent=city)
    town = RegionFactory(code="980501001", name="河西镇", level=Region.Level.TOWNSHIP, parent=county)
    government = OrganizationFactory(name="河西县人民政府", region=county)
    return {
        "city": city,
        "county": county,
        "county_bureau": OrganizationFactory(name="河西县教育局", region=county, parent=government),
        "county_finance": OrganizationFactory(name="河西县财政局", region=county, parent=government),
        "county_government": government,
        "township": OrganizationFactory(name="河西镇人民政府", type=Organization.Type.TOWNSHIP, region=town),
        "user": member(OrganizationFactory(name="安平市教育督导室", region=city), Role.SUPERVISOR),
    }


def owners(plan: Any, seq: str) -> tuple[set[str], set[str]]:
    task = plan.tasks.get(seq=seq)
    return {o.name for o in task.lead_units.all()}, {o.name for o in task.responsible_units.all()}


def test_a_city_plan_and_a_county_plan_each_find_their_own_bureau(city: dict[str, Any]) -> None:
    city_plan = import_plan_document(CITY_PLAN, region=city["city"], by=city["user"])
    city_bureau = Organization.objects.get(name="安平市教育局")
    assert city_bureau.region == city["city"] and city_bureau.aliases == ["市教育局"]
    assert owners(city_plan, "1") == ({"安平市教育局"}, {"安平市财政局", "河西县人民政府"})
    assert owners(city_plan, "2") == (set(), {"河西县教育局"})  # 县教育局 in a city plan: each county's

    county_plan = import_plan_document(COUNTY_PLAN, region=city["county"], by=city["user"])
    assert owners(county_plan, "1") == ({"河西县教育局"}, {"安平市教育局", "河西县财政局"})
    assert owners(county_plan, "2") == ({"安平市教育局"}, {"河西镇人民政府"})  # 相关部门 is nobody
    assert Organization.objects.filter(name__contains="教育局").count() == 2
    assert not Organization.objects.filter(name__in=["市教育局", "县教育局", "相关部门", "各乡镇"]).exists()


def test_the_county_resolver_never_gives_the_county_bureau_for_the_city_name(city: dict[str, Any]) -> None:
    resolver = OrganizationResolver(city["county"])
    assert resolver.resolve("县教育局") == city["county_bureau"]
    assert resolver.resolve("河西县教育局") == city["county_bureau"]
    assert resolver.resolve("教育") == city["county_bureau"]  # a field word: the department holding it
    match = resolver.match("市教育局")
    assert match.kind == "new" and match.region == city["city"] and match.proposed_name == "安平市教育局"
    assert resolver.match("内黄县政府").kind == "foreign"  # a county the system does not know
    assert resolver.match("相关部门").kind == "ignore"
    assert resolver.match("各乡镇").organizations == [city["township"]]
