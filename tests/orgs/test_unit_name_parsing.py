"""Taking the unit names plans use apart: jurisdiction, canonical core, group, field (pure, no database)."""

from __future__ import annotations

import pytest

from vetplan.orgs.names import (
    COUNTY_GOVERNMENTS,
    DEPARTMENTS,
    IGNORE,
    SCHOOLS,
    TOWNSHIPS,
    parse_unit_name,
    region_prefixes,
)

REGIONS = region_prefixes(["河西县", "安平市"])


@pytest.mark.parametrize(
    ("name", "core", "level", "region"),
    [
        ("县教育局", "教育局", "county", ""),
        ("市教育局", "教育局", "city", ""),
        ("区人力资源社会保障局", "人社局", "county", ""),
        ("河西县人力资源和社会保障局", "人社局", "", "河西县"),
        ("县人社局", "人社局", "county", ""),
        ("安平市发展和改革委员会", "发改委", "", "安平市"),
        ("国家税务总局河西县税务局", "税务局", "", "河西县"),
        ("县委编办", "编办", "county", ""),
        ("中共河西县委机构编制委员会办公室", "编办", "", "河西县"),
        ("团县委", "团委", "county", ""),
        ("市场监管局", "市场监管局", "", ""),  # 市场 is not a city
        ("内黄县政府", "政府", "", "内黄县"),
        ("工业园区管委会", "工业园区管委会", "", ""),  # a park, not a 区
    ],
)
def test_it_reads_the_jurisdiction_and_the_canonical_core(name: str, core: str, level: str, region: str) -> None:
    parsed = parse_unit_name(name, REGIONS)
    assert (parsed.core, parsed.level, parsed.region_name) == (core, level, region)


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("各乡镇", TOWNSHIPS),
        ("各乡镇（街道）", TOWNSHIPS),
        ("各乡", TOWNSHIPS),
        ("镇", TOWNSHIPS),
        ("办事处", TOWNSHIPS),
        ("各职业院校", SCHOOLS),
        ("各级各类职业院校", SCHOOLS),
        ("县直各部门", DEPARTMENTS),
        ("区政府各部门", DEPARTMENTS),
        ("各县(市、区)政府", COUNTY_GOVERNMENTS),
        ("县（市、区）政府", COUNTY_GOVERNMENTS),
        ("各县(市、区)", COUNTY_GOVERNMENTS),
        ("相关部门", IGNORE),
        ("各有关单位", IGNORE),
        ("市政府相关部门", IGNORE),
        ("全区经济运行各专班", IGNORE),
        ("市职业教育攻坚工作领导小组成员单位", IGNORE),
        ("县教育局", ""),
    ],
)
def test_it_knows_a_generic_phrase_from_a_unit(name: str, group: str) -> None:
    assert parse_unit_name(name, REGIONS).group == group


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("教育", "教育"),
        ("财政", "财政"),
        ("扶贫", "扶贫"),
        ("发展改革", "发改"),
        ("人力资源社会保障", "人社"),
        ("一职高", ""),
    ],
)
def test_a_bare_field_word_names_the_department_holding_it(name: str, field: str) -> None:
    assert parse_unit_name(name, REGIONS).field == field
