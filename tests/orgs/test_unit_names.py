"""Matching the unit names plans use to organisations."""

from __future__ import annotations

from tests.conftest import County
from vetplan.orgs.names import region_prefixes, unit_key
from vetplan.orgs.resolution import OrganizationResolver


def test_it_strips_the_region_and_a_bare_county_prefix() -> None:
    prefixes = region_prefixes(["示范县", "示范市"])
    assert unit_key("示范县教体局", prefixes) == unit_key("县教体局", prefixes) == unit_key("教体局", prefixes)


def test_it_keeps_a_name_that_is_only_a_prefix() -> None:
    assert unit_key("县委", region_prefixes(["示范县"])) == "县委"


def test_the_resolver_finds_units_by_name_short_name_and_alias(county: County) -> None:
    resolver = OrganizationResolver(county.region)
    assert resolver.resolve("测试县人力资源和社会保障局") == county.hr
    assert resolver.resolve("县人社局") == county.hr
    assert resolver.resolve("人社局") == county.hr
    assert resolver.resolve("县 教体局") == county.education
    assert resolver.resolve("县民政局") is None


def test_the_resolver_does_not_reach_into_another_county(county: County) -> None:
    assert OrganizationResolver(county.region).resolve("邻县职业中专") is None
