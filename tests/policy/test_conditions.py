"""办学条件达标 (DOMAIN_RULES §1–2): each indicator against its threshold, with the shortfall."""

from __future__ import annotations

import pytest

from vetplan.policy.conditions import (
    HIGHER_ENGINEERING,
    SECONDARY,
    SECONDARY_ARTS,
    TECHNICAL,
    SchoolFacts,
    assess,
    county_share,
)
from vetplan.policy.params import Parameter, default_table

PARAMS = default_table()
COMPLIANT = SchoolFacts(
    "合格中职", SECONDARY, students=2000, teachers=100, land=70000, building=45000, equipment=6_000_000, books=64000
)


def check(facts: SchoolFacts, key: str, year: int = 2025) -> tuple[bool | None, str]:
    result = next(c for c in assess(facts, PARAMS, year).checks if c.key == key)
    return result.met, result.shortfall


def test_a_school_meeting_every_indicator_is_compliant() -> None:
    assessment = assess(COMPLIANT, PARAMS, 2025)
    assert assessment.compliant is True and assessment.failed == []
    assert len(assessment.checks) == 9


@pytest.mark.parametrize(
    ("changes", "key", "met", "shortfall"),
    [
        ({"land": 36800}, "land", False, "还差 3,200 m²"),  # 占地 ≥ 40,000
        ({"land": 40000}, "land", True, ""),
        ({"students": 2200}, "land_per_student", False, "还差 1.2 m²"),  # 70,000 ÷ 2,200 = 31.8 m² < 33 m²
        ({"building": 38000}, "building_per_student", False, "还差 1 m²"),  # 19 m² per student < 20
        ({"teachers": 59}, "teachers", False, "还差 1 人"),
        ({"teachers": 95}, "student_teacher_ratio", False, "超出 1.1"),  # 2000/95 = 21.1 > 20
        ({"equipment": 2_900_000}, "equipment", False, "还差 100,000 元"),
        ({"equipment": 4_800_000}, "equipment_per_student", False, "还差 100 元"),  # 2,400 < 2,500
        ({"books": 58000}, "books_per_student", False, "还差 1 册"),  # 29 < 30
    ],
)
def test_each_secondary_indicator_against_its_threshold(changes: dict, key: str, met: bool, shortfall: str) -> None:
    facts = SchoolFacts(**{**COMPLIANT.__dict__, **changes})
    assert check(facts, key) == (met, shortfall)


def test_a_missing_figure_leaves_the_school_unassessed() -> None:
    facts = SchoolFacts(**{**COMPLIANT.__dict__, "books": None})
    assert assess(facts, PARAMS, 2025).compliant is None


def test_the_explanation_gives_the_rule_its_source_and_the_arithmetic() -> None:
    facts = SchoolFacts(**{**COMPLIANT.__dict__, "building": 38000})
    explanation = next(c for c in assess(facts, PARAMS, 2025).checks if c.key == "building_per_student").explanation
    assert explanation.rule == "生均校舍建筑面积 ≥ 20 m²" and explanation.source == "教职成〔2010〕12号"
    assert explanation.arithmetic == "38,000 m² ÷ 2,000 人 = 19 m²"


def test_a_technical_school_uses_its_own_standard() -> None:
    facts = SchoolFacts("技校", TECHNICAL, students=800, land=31000, building=17000, equipment=3_200_000)
    assessment = assess(facts, PARAMS, 2025)
    assert [c.key for c in assessment.failed] == ["building"]  # 17,000 < 18,000 (生均 21.25 ≥ 20)


@pytest.mark.parametrize(
    ("failed", "yellow_years", "card"),
    [(0, 0, ""), (1, 0, "黄牌"), (1, 2, "红牌"), (2, 0, "红牌")],
)
def test_a_higher_vocational_college_gets_a_yellow_or_red_card(failed: int, yellow_years: int, card: str) -> None:
    good = {
        "students": 9000,
        "teachers": 500,
        "postgraduate_teachers": 100,
        "building": 150000,
        "equipment": 40_000_000,
        "books": 600000,
    }
    if failed >= 1:
        good["books"] = 500000  # 55.6 < 60 册
    if failed >= 2:
        good["teachers"] = 480  # 18.75 > 18
    assessment = assess(SchoolFacts("高职", HIGHER_ENGINEERING, **good), PARAMS, 2025, yellow_years=yellow_years)
    assert (len(assessment.failed), assessment.card) == (failed, card)


def test_the_county_share_counts_schools_with_complete_figures() -> None:
    short = SchoolFacts(**{**COMPLIANT.__dict__, "name": "差", "land": 10000})
    missing = SchoolFacts(**{**COMPLIANT.__dict__, "name": "缺", "books": None})
    share = county_share([assess(f, PARAMS, 2025) for f in (COMPLIANT, short, missing)])
    assert (share.compliant, share.assessed, share.total, share.share) == (1, 2, 3, 50)


def test_an_arts_school_is_held_to_the_provinces_values() -> None:
    small = SchoolFacts(
        "艺术中职", SECONDARY_ARTS, students=600, teachers=40, land=18000, building=13000, equipment=1_600_000,
        books=18000,
    )  # fmt: skip
    assert assess(small, PARAMS, 2025).compliant is False  # shipped equal to 一般类 until the province's are entered
    provincial = PARAMS.with_overrides(
        Parameter(f"secondary_arts.{key}", value, 2022, "某省艺术类中职办学条件标准")
        for key, value in {
            "land": 15000, "land_per_student": 25, "building": 12000, "teachers": 35, "equipment": 1_500_000,
        }.items()
    )  # fmt: skip
    result = assess(small, provincial, 2025)
    assert result.compliant is True
    assert "secondary_arts.land@2022" in result.parameter_version
