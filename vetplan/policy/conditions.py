"""办学条件达标: a school's key indicators against the standard for its kind. Pure.

一般类中职 (教职成〔2010〕12号, monitored by 教职成〔2022〕5号): 校园占地 ≥ 40,000 m² and
生均用地 ≥ 33 m²; 校舍 ≥ 24,000 m² and 生均校舍 ≥ 20 m²; 专任教师 ≥ 60 and 生师比 ≤ 20;
仪器设备总值 ≥ 300万元 and 生均 ≥ 2,500 元; 生均图书 ≥ 30 册. 技工学校 (人社部发〔2012〕8号):
占地 ≥ 30,000 m², 校舍 ≥ 18,000 m², 生均校舍 ≥ 20 m², 设备 ≥ 300万元. 高职 (教发〔2004〕2号):
生师比, 研究生学位教师比例, 生均教学行政用房, 生均仪器设备, 生均图书 by school type; one
basic indicator failing is a 黄牌 (限制招生), two or more, or a 黄牌 three years running, a 红牌
(暂停招生). Arts and remote schools use the province's own values: pass them as parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from vetplan.policy.explain import Explanation, number
from vetplan.policy.params import ParameterTable

SECONDARY, SECONDARY_ARTS, SECONDARY_REMOTE, TECHNICAL, HIGHER_GENERAL, HIGHER_ENGINEERING = (
    "secondary",
    "secondary_arts",
    "secondary_remote",
    "technical",
    "higher.general",
    "higher.engineering",
)
SECONDARY_KINDS = (SECONDARY, SECONDARY_ARTS, SECONDARY_REMOTE)  # the nine indicators, each kind its own values
HIGHER_KINDS = (HIGHER_GENERAL, HIGHER_ENGINEERING)
KIND_LABELS = {
    SECONDARY: "一般类中职",
    SECONDARY_ARTS: "艺术类中职（省定标准）",
    SECONDARY_REMOTE: "边远贫困地区中职（省定标准）",
    TECHNICAL: "技工学校",
    HIGHER_GENERAL: "高职（综合、师范、民族类）",
    HIGHER_ENGINEERING: "高职（工科、农、林类）",
}


@dataclass(frozen=True)
class SchoolFacts:
    """A school's figures for a year (None where not reported)."""

    name: str
    kind: str
    students: float | None = None  # 学历教育在校生数 (高职: 折合在校生数)
    teachers: float | None = None  # 专任教师数 (高职: 教师总数)
    land: float | None = None  # 校园占地面积 m²
    building: float | None = None  # 校舍建筑面积 m² (高职: 教学行政用房)
    equipment: float | None = None  # 仪器设备总值 元
    books: float | None = None  # 图书 册
    postgraduate_teachers: float | None = None  # 高职: 具有研究生学位的专任教师数


@dataclass(frozen=True)
class Check:
    key: str
    label: str
    value: float | None
    threshold: float
    unit: str
    at_most: bool  # 生师比 ≤, the rest ≥
    explanation: Explanation

    @property
    def met(self) -> bool | None:
        if self.value is None:
            return None
        return self.value <= self.threshold if self.at_most else self.value >= self.threshold

    @property
    def shortfall(self) -> str:
        """还差 3,200 m² (or 超出 2.5 for a ratio that must stay under)."""
        if self.met is not False or self.value is None:
            return ""
        gap = self.value - self.threshold if self.at_most else self.threshold - self.value
        return f"{'超出' if self.at_most else '还差'} {number(gap)}{self.unit}"


@dataclass(frozen=True)
class Assessment:
    school: str
    kind: str
    year: int
    checks: tuple[Check, ...]
    parameter_version: str
    card: str = ""  # 高职: "" / 黄牌 / 红牌

    @property
    def compliant(self) -> bool | None:
        """达标 when every indicator is met; None when any figure is missing."""
        if any(check.met is None for check in self.checks):
            return None
        return all(check.met for check in self.checks)

    @property
    def failed(self) -> list[Check]:
        return [check for check in self.checks if check.met is False]


def _ratio(part: float | None, whole: float | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


@lru_cache(maxsize=4096)
def _rule(label: str, at_most: bool, threshold: float, unit: str) -> str:
    return f"{label} {'≤' if at_most else '≥'} {number(threshold)}{unit}"


@dataclass
class _Builder:
    facts: SchoolFacts
    params: ParameterTable
    year: int
    checks: list[Check] = field(default_factory=list)
    used: list[str] = field(default_factory=list)

    def add(self, key: str, label: str, value: float | None, unit: str, arithmetic: str, at_most: bool = False) -> None:
        name = f"{self.facts.kind}.{key}"
        parameter = self.params.get(name, self.year)
        self.used.append(name)
        rule = _rule(label, at_most, parameter.value, unit)
        shown = "未填报" if value is None else f"{number(value)}{unit}"
        self.checks.append(
            Check(
                key,
                label,
                value,
                parameter.value,
                unit,
                at_most,
                Explanation(rule, parameter.source, f"{arithmetic} = {shown}" if arithmetic else shown),
            )
        )


def assess(facts: SchoolFacts, params: ParameterTable, year: int, yellow_years: int = 0) -> Assessment:
    """The school's indicators for its kind. `yellow_years`: consecutive earlier years with a 黄牌 (高职)."""
    b = _Builder(facts, params, year)
    f = facts
    per_student = f"÷ {number(f.students or 0, 0)} 人"
    if f.kind in SECONDARY_KINDS:
        b.add("land", "校园占地面积", f.land, " m²", "")
        b.add(
            "land_per_student",
            "生均用地面积",
            _ratio(f.land, f.students),
            " m²",
            f"{number(f.land or 0, 0)} m² {per_student}",
        )
        b.add("building", "校舍建筑面积", f.building, " m²", "")
        b.add(
            "building_per_student",
            "生均校舍建筑面积",
            _ratio(f.building, f.students),
            " m²",
            f"{number(f.building or 0, 0)} m² {per_student}",
        )
        b.add("teachers", "专任教师数", f.teachers, " 人", "")
        b.add(
            "student_teacher_ratio",
            "生师比",
            _ratio(f.students, f.teachers),
            "",
            f"{number(f.students or 0, 0)} 人 ÷ {number(f.teachers or 0, 0)} 人",
            at_most=True,
        )
        b.add("equipment", "仪器设备总值", f.equipment, " 元", "")
        b.add(
            "equipment_per_student",
            "生均仪器设备值",
            _ratio(f.equipment, f.students),
            " 元",
            f"{number(f.equipment or 0, 0)} 元 {per_student}",
        )
        b.add(
            "books_per_student",
            "生均图书",
            _ratio(f.books, f.students),
            " 册",
            f"{number(f.books or 0, 0)} 册 {per_student}",
        )
    elif f.kind == TECHNICAL:
        b.add("land", "校园占地面积", f.land, " m²", "")
        b.add("building", "校舍建筑面积", f.building, " m²", "")
        b.add(
            "building_per_student",
            "生均校舍建筑面积",
            _ratio(f.building, f.students),
            " m²",
            f"{number(f.building or 0, 0)} m² {per_student}",
        )
        b.add("equipment", "实习实验设备总值", f.equipment, " 元", "")
    elif f.kind in HIGHER_KINDS:
        b.add(
            "student_teacher_ratio",
            "生师比",
            _ratio(f.students, f.teachers),
            "",
            f"{number(f.students or 0, 0)} 人 ÷ {number(f.teachers or 0, 0)} 人",
            at_most=True,
        )
        share = _ratio(f.postgraduate_teachers, f.teachers)
        b.add(
            "postgraduate_share",
            "研究生学位教师占专任教师比例",
            None if share is None else share * 100,
            "%",
            f"{number(f.postgraduate_teachers or 0, 0)} 人 ÷ {number(f.teachers or 0, 0)} 人 × 100",
        )
        b.add(
            "teaching_area_per_student",
            "生均教学行政用房",
            _ratio(f.building, f.students),
            " m²",
            f"{number(f.building or 0, 0)} m² {per_student}",
        )
        b.add(
            "equipment_per_student",
            "生均教学科研仪器设备值",
            _ratio(f.equipment, f.students),
            " 元",
            f"{number(f.equipment or 0, 0)} 元 {per_student}",
        )
        b.add(
            "books_per_student",
            "生均图书",
            _ratio(f.books, f.students),
            " 册",
            f"{number(f.books or 0, 0)} 册 {per_student}",
        )
    else:
        raise ValueError(f"未知的学校类别：{f.kind}")
    assessment = Assessment(f.name, f.kind, year, tuple(b.checks), params.version(b.used, year))
    if f.kind in HIGHER_KINDS:
        failed = len(assessment.failed)
        card = "红牌" if failed >= 2 or (failed == 1 and yellow_years >= 2) else "黄牌" if failed == 1 else ""
        assessment = Assessment(f.name, f.kind, year, assessment.checks, assessment.parameter_version, card)
    return assessment


@dataclass(frozen=True)
class CountyShare:
    compliant: int
    assessed: int  # schools with every figure reported
    total: int

    @property
    def share(self) -> float | None:
        """达标学校占比 (%), over the schools with complete figures."""
        return None if not self.assessed else 100 * self.compliant / self.assessed


def county_share(assessments: Sequence[Assessment]) -> CountyShare:
    assessed = [a for a in assessments if a.compliant is not None]
    return CountyShare(sum(1 for a in assessed if a.compliant), len(assessed), len(assessments))
