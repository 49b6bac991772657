"""Funding: the surcharge share used for VET, 生均拨款 against a floor, and a county fund's distribution. Pure.

The distribution of a county VET fund over schools: each school's weight is its enrolment,
each student weighted by the category of their major (a parameter per category), times a
quality score; its amount is the fund × its weight ÷ the sum of weights, explained term by term.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from vetplan.policy.explain import Explanation, number
from vetplan.policy.params import ParameterTable


@dataclass(frozen=True)
class Figure:
    value: float | None
    meets: bool | None
    explanation: Explanation


def surcharge_share(used_for_vet: float, collected: float, base: str, params: ParameterTable, year: int) -> Figure:
    """`base` names the surcharge the share is taken of (地方教育附加 or 教育费附加, per DOMAIN_RULES §4)."""
    minimum = params.get("surcharge.vet_share_min", year)
    value = None if not collected else 100 * used_for_vet / collected
    return Figure(
        value,
        None if value is None else value >= minimum.value,
        Explanation(
            f"{base}用于职业教育的比例不低于 {number(minimum.value)}%",
            minimum.source,
            f"{number(used_for_vet, 2)} ÷ {number(collected, 2)} × 100 = {'—' if value is None else number(value) + '%'}",
        ),
    )


def per_student_funding(
    appropriation: float, students: int, params: ParameterTable, year: int, level: str = "higher"
) -> Figure:
    """年生均财政拨款 against the floor: 公办高职 ≥ 12,000 元 since 2017; 中职 the province's (0: none set)."""
    floor = params.get(f"funding.{level}_floor", year)
    value = None if not students else appropriation / students
    if floor.value:
        rule, meets = (
            f"年生均财政拨款不低于 {number(floor.value, 0)} 元",
            None if value is None else value >= floor.value,
        )
    else:
        rule, meets = "国家未规定下限，省级标准未设定（参数为 0）", None
    return Figure(
        value,
        meets,
        Explanation(
            rule,
            floor.source,
            f"{number(appropriation, 0)} 元 ÷ {students} 人 = {'—' if value is None else number(value, 0) + ' 元'}",
        ),
    )


@dataclass(frozen=True)
class SchoolShare:
    school: str
    enrolment_by_category: Mapping[str, int]  # 专业大类 → students
    quality: float  # quality score, e.g. 0.8–1.2


@dataclass(frozen=True)
class Allocation:
    school: str
    weight: float
    amount: float
    explanation: Explanation


def distribute(
    fund: float, schools: Sequence[SchoolShare], category_weights: Mapping[str, float], source: str
) -> list[Allocation]:
    """Fund × school weight ÷ Σ weights; a school weight = Σ(students × category weight) × quality.
    Amounts are rounded to the yuan and the last school takes the rounding remainder, so they sum to the fund."""
    weights = []
    for school in schools:
        terms = [
            (category, count, category_weights.get(category, 1.0))
            for category, count in school.enrolment_by_category.items()
        ]
        weights.append((school, terms, sum(count * w for _, count, w in terms) * school.quality))
    total = sum(weight for _, _, weight in weights)
    out: list[Allocation] = []
    given = 0.0
    for index, (school, terms, weight) in enumerate(weights):
        amount = round(fund * weight / total) if total else 0.0
        if index == len(weights) - 1 and total:
            amount = round(fund - given, 2)
        given += amount
        parts = " + ".join(f"{count}×{number(w, 2)}（{category}）" for category, count, w in terms) or "0"
        out.append(
            Allocation(
                school.school,
                weight,
                float(amount),
                Explanation(
                    "学校权重 = Σ（在校生数 × 专业大类系数）× 质量系数；分配额 = 资金总额 × 学校权重 ÷ 各校权重之和",
                    source,
                    f"({parts}) × {number(school.quality, 2)} = {number(weight, 2)}；"
                    f"{number(fund, 0)} × {number(weight, 2)} ÷ {number(total, 2)} = {number(amount, 2)} 元",
                ),
            )
        )
    return out
