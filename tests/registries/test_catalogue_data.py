"""The shipped catalogue data: 职业教育专业目录（2021年） and GB/T 4754-2017. Pure file checks, no database."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import vetplan

DATA = Path(vetplan.__file__).resolve().parent / "registries" / "data"

# 教职成〔2021〕2号: 19 大类, 97 专业类, 1349 专业 = 中职 358 + 高职专科 744 + 职教本科 247.
OFFICIAL_MAJORS = {"secondary": 358, "higher": 744, "bachelor": 247}
CATEGORY_RANGES = {"secondary": (61, 79), "higher": (41, 59), "bachelor": (21, 39)}

# GB/T 4754-2017 as published in 2017: 20 门类, 97 大类, 473 中类, 1380 小类. The shipped copy has one
# 小类 more: 5267 机动车充电销售, under 526 named "…及其他动力销售", taken to come from the 2019
# 第1号修改单 (not checked against the official amendment text; later sources quote 1381 or 1382).
OFFICIAL_INDUSTRY_COUNTS = {"sections": 20, "divisions": 97, "groups": 473, "classes": 1380}
AMENDMENT_2019_CLASSES = {"5267"}


@cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def majors_file() -> dict[str, Any]:
    return _load("majors_2021.json")


def industries_file() -> dict[str, Any]:
    return _load("industries_gbt4754_2017.json")


# ---------------------------------------------------------------- 专业目录


def test_majors_header() -> None:
    data = majors_file()
    assert data["edition"] == 2021
    assert data["document"] == "教职成〔2021〕2号"
    assert data["levels"] == {"secondary": "中职", "higher": "高职专科", "bachelor": "职教本科"}
    assert data["source"]


def test_major_counts_match_the_official_figures() -> None:
    majors = majors_file()["majors"]
    assert Counter(m["level"] for m in majors) == OFFICIAL_MAJORS
    assert len(majors) == 1349


def test_nineteen_categories_and_ninety_seven_classes() -> None:
    majors = majors_file()["majors"]
    for level in OFFICIAL_MAJORS:
        names = {m["category"] for m in majors if m["level"] == level}
        assert len(names) == 19, level
    # The 97 专业类 are numbered alike across the levels (2-digit 大类 offset + 2-digit 类 number).
    classes = {(m["class_code"][2:], m["class"]) for m in majors}
    assert len(classes) == 97
    assert len({m["class"] for m in majors if m["level"] == "higher"}) == 97


def test_major_codes_are_unique_per_level_and_overall() -> None:
    majors = majors_file()["majors"]
    for level in OFFICIAL_MAJORS:
        codes = [m["code"] for m in majors if m["level"] == level]
        assert len(codes) == len(set(codes)), level
    assert len({m["code"] for m in majors}) == len(majors)  # the model's (edition, code) constraint


def test_major_code_shape_and_hierarchy() -> None:
    for m in majors_file()["majors"]:
        assert re.fullmatch(r"\d{6}", m["code"]), m  # the K suffix lives in "controlled"
        assert re.fullmatch(r"\d{2}", m["category_code"]), m
        assert re.fullmatch(r"\d{4}", m["class_code"]), m
        assert m["code"].startswith(m["class_code"]), m
        assert m["class_code"].startswith(m["category_code"]), m
        assert isinstance(m["controlled"], bool), m
        assert m["name"] and m["name"] == m["name"].strip(), m
        assert m["category"].endswith("大类") and m["class"].endswith("类"), m


def test_category_code_ranges_per_level() -> None:
    for m in majors_file()["majors"]:
        low, high = CATEGORY_RANGES[m["level"]]
        assert low <= int(m["category_code"]) <= high, m


def test_names_are_consistent_within_a_level() -> None:
    category: dict[tuple[str, str], str] = {}
    klass: dict[tuple[str, str], str] = {}
    for m in majors_file()["majors"]:
        assert category.setdefault((m["level"], m["category_code"]), m["category"]) == m["category"], m
        assert klass.setdefault((m["level"], m["class_code"]), m["class"]) == m["class"], m


def test_majors_are_sorted_by_level_then_code() -> None:
    order = list(OFFICIAL_MAJORS)
    majors = majors_file()["majors"]
    keys = [(order.index(m["level"]), m["code"]) for m in majors]
    assert keys == sorted(keys)


def test_controlled_majors() -> None:
    majors = {m["code"]: m for m in majors_file()["majors"]}
    assert majors["520101"]["controlled"] and majors["520101"]["name"] == "临床医学"
    assert majors["570102"]["controlled"] and majors["570102"]["name"] == "学前教育"
    assert not majors["710201"]["controlled"] and majors["710201"]["name"] == "计算机应用"
    assert sum(m["controlled"] for m in majors.values()) == 47


# ---------------------------------------------------------------- 国民经济行业分类


def test_industries_header() -> None:
    data = industries_file()
    assert data["edition"] == "GB/T 4754-2017"
    assert data["source"]


def test_industry_counts() -> None:
    data = industries_file()
    for key in ("sections", "divisions", "groups"):
        assert len(data[key]) == OFFICIAL_INDUSTRY_COUNTS[key], key
    classes = {c["code"] for c in data["classes"]}
    assert classes >= AMENDMENT_2019_CLASSES
    assert len(classes) == OFFICIAL_INDUSTRY_COUNTS["classes"] + len(AMENDMENT_2019_CLASSES)


def test_industry_codes_are_unique_and_well_formed() -> None:
    data = industries_file()
    patterns = {"sections": r"[A-T]", "divisions": r"\d{2}", "groups": r"\d{3}", "classes": r"\d{4}"}
    for key, pattern in patterns.items():
        codes = [e["code"] for e in data[key]]
        assert len(codes) == len(set(codes)), key
        assert codes == sorted(codes), key
        for entry in data[key]:
            assert re.fullmatch(pattern, entry["code"]), entry
            assert entry["name"] and entry["name"] == entry["name"].strip(), entry
    assert [s["code"] for s in data["sections"]] == [chr(c) for c in range(ord("A"), ord("T") + 1)]
    assert data["sections"][0]["name"] == "农、林、牧、渔业"


def test_every_class_belongs_to_an_existing_group_division_and_section() -> None:
    data = industries_file()
    sections = {s["code"] for s in data["sections"]}
    divisions = {d["code"]: d for d in data["divisions"]}
    groups = {g["code"]: g for g in data["groups"]}
    for d in data["divisions"]:
        assert d["section"] in sections, d
    for g in data["groups"]:
        assert g["division"] == g["code"][:2] and g["division"] in divisions, g
    for c in data["classes"]:
        assert c["group"] == c["code"][:3] and c["group"] in groups, c
        group = groups[c["group"]]
        division = divisions[group["division"]]
        assert division["section"] in sections, c


def test_no_empty_levels_in_the_industry_tree() -> None:
    data = industries_file()
    assert {d["section"] for d in data["divisions"]} == {s["code"] for s in data["sections"]}
    assert {g["division"] for g in data["groups"]} == {d["code"] for d in data["divisions"]}
    assert {c["group"] for c in data["classes"]} == {g["code"] for g in data["groups"]}


def test_single_class_groups_share_the_class_name() -> None:
    data = industries_file()
    per_group = Counter(c["group"] for c in data["classes"])
    groups = {g["code"]: g for g in data["groups"]}
    for c in data["classes"]:
        if per_group[c["group"]] == 1:
            assert c["code"].endswith("0"), c
            assert groups[c["group"]]["name"] == c["name"], c


def test_known_industry_entries() -> None:
    data = industries_file()
    classes = {c["code"]: c["name"] for c in data["classes"]}
    groups = {g["code"]: g["name"] for g in data["groups"]}
    assert classes["0111"] == "稻谷种植"
    assert classes["3741"] == "飞机制造"  # mis-encoded as a second 中类 374 row in the source
    assert groups["374"] == "航空、航天器及设备制造"
    assert groups["526"] == "汽车、摩托车、零配件和燃料及其他动力销售"
    assert classes["8336"] == "中等职业学校教育"
    assert classes["9700"] == "国际组织"
