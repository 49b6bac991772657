"""Parameters: every threshold and rate as data with its source and the year it takes effect. Pure.

A `ParameterTable` holds versions of named parameters; `value(name, year)` gives the version in
force that year, so a rate changed for 2025 leaves 2024's computations as they were. The
shipped defaults (`DEFAULTS`) come from DOMAIN_RULES.md with their sources; a county's
administrator overrides them per year (stored in the database by the policy pages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    name: str  # e.g. "aid.national_grant"
    value: float
    since: int  # the first year it applies to
    source: str  # the document it comes from
    label: str = ""


class ParameterTable:
    def __init__(self, parameters: Iterable[Parameter]) -> None:
        self._by_name: dict[str, list[Parameter]] = {}
        for parameter in parameters:
            self._by_name.setdefault(parameter.name, []).append(parameter)
        for versions in self._by_name.values():
            versions.sort(key=lambda p: p.since)
        # The table never changes once built: lookups are remembered (a roster asks 100,000 times).
        self._chosen: dict[tuple[str, int], Parameter] = {}
        self._labels: dict[tuple[tuple[str, ...], int], str] = {}

    def get(self, name: str, year: int) -> Parameter:
        found = self._chosen.get((name, year))
        if found is not None:
            return found
        versions = self._by_name.get(name)
        if not versions:
            raise KeyError(f"没有参数 {name}")
        chosen = [p for p in versions if p.since <= year]
        if not chosen:
            raise KeyError(f"参数 {name} 在 {year} 年尚未生效（最早 {versions[0].since} 年）")
        self._chosen[(name, year)] = chosen[-1]
        return chosen[-1]

    def value(self, name: str, year: int) -> float:
        return self.get(name, year).value

    def version(self, names: Iterable[str], year: int) -> str:
        """A short label of the versions used: `aid.national_grant@2019,aid.yulu@2018`."""
        key = (tuple(names), year)
        label = self._labels.get(key)
        if label is None:
            label = ",".join(f"{name}@{self.get(name, year).since}" for name in sorted(set(key[0])))
            self._labels[key] = label
        return label

    def with_overrides(self, overrides: Iterable[Parameter]) -> ParameterTable:
        return ParameterTable([p for versions in self._by_name.values() for p in versions] + list(overrides))


SETTING_STANDARD = "教职成〔2010〕12号"
COMPLIANCE_PROJECT = "教职成〔2022〕5号"
HIGHER_TABLE = "教发〔2004〕2号"
TECH_SCHOOL = "人社部发〔2012〕8号"
AID = "中职国家助学金（2019年秋季学期起平均每生每年2000元，此前1500元；以省级通知为准）"
YULU = "雨露计划（国开办发〔2015〕19号 ⚠待核；标准以省、县通知为准）"
CREDIT = "财税〔2019〕46号"
FEE = "公办中职学费标准（价格主管部门核定；默认值，请按本地核定标准修改）"
SURCHARGE = "国发〔2014〕19号"
PROVINCIAL = "省定标准（教职成〔2022〕5号 附表1、附表2；默认同一般类，请按本省文件修改）"

SECONDARY_INDICATORS = [
    ("land", 40000, "校园占地面积（m²）"),
    ("land_per_student", 33, "生均用地面积（m²）"),
    ("building", 24000, "校舍建筑面积（m²）"),
    ("building_per_student", 20, "生均校舍建筑面积（m²）"),
    ("teachers", 60, "专任教师数（人）"),
    ("student_teacher_ratio", 20, "生师比（≤）"),
    ("equipment", 3_000_000, "仪器设备总值（元）"),
    ("equipment_per_student", 2500, "生均仪器设备值（元）"),
    ("books_per_student", 30, "生均图书（册）"),
]

DEFAULTS = [
    # 办学条件: 一般类中职 (教职成〔2010〕12号; 教职成〔2022〕5号 key monitored indicators)
    Parameter("secondary.land", 40000, 2010, SETTING_STANDARD, "校园占地面积（m²）"),
    Parameter("secondary.land_per_student", 33, 2010, SETTING_STANDARD, "生均用地面积（m²）"),
    Parameter("secondary.building", 24000, 2010, SETTING_STANDARD, "校舍建筑面积（m²）"),
    Parameter("secondary.building_per_student", 20, 2010, SETTING_STANDARD, "生均校舍建筑面积（m²）"),
    Parameter("secondary.teachers", 60, 2010, SETTING_STANDARD, "专任教师数（人）"),
    Parameter("secondary.student_teacher_ratio", 20, 2010, SETTING_STANDARD, "生师比（≤）"),
    Parameter("secondary.equipment", 3_000_000, 2010, COMPLIANCE_PROJECT, "仪器设备总值（元）"),
    Parameter("secondary.equipment_per_student", 2500, 2010, COMPLIANCE_PROJECT, "生均仪器设备值（元）"),
    Parameter("secondary.books_per_student", 30, 2010, SETTING_STANDARD, "生均图书（册）"),
    # 艺术类 and 边远贫困地区 中职: the province sets its own values for the same nine indicators
    # (教职成〔2022〕5号 附表1/附表2); shipped equal to 一般类 until the county enters the province's figures.
    *[
        Parameter(f"{kind}.{key}", value, 2022, PROVINCIAL, label)
        for kind in ("secondary_arts", "secondary_remote")
        for key, value, label in SECONDARY_INDICATORS
    ],
    # 技工学校 (人社部发〔2012〕8号)
    Parameter("technical.land", 30000, 2012, TECH_SCHOOL, "校园占地面积（m²）"),
    Parameter("technical.building", 18000, 2012, TECH_SCHOOL, "校舍建筑面积（m²）"),
    Parameter("technical.building_per_student", 20, 2012, TECH_SCHOOL, "生均校舍建筑面积（m²）"),
    Parameter("technical.equipment", 3_000_000, 2012, TECH_SCHOOL, "实习实验设备总值（元）"),
    # 高职 "合格" (教发〔2004〕2号), 综合/师范/民族 and 工科/农/林 rows (the others are ⚠ recalled: parameters)
    Parameter("higher.general.student_teacher_ratio", 18, 2004, HIGHER_TABLE, "生师比（≤）"),
    Parameter("higher.general.postgraduate_share", 15, 2004, HIGHER_TABLE, "研究生学位教师占专任教师比例（%）"),
    Parameter("higher.general.teaching_area_per_student", 14, 2004, HIGHER_TABLE, "生均教学行政用房（m²）"),
    Parameter("higher.general.equipment_per_student", 4000, 2004, HIGHER_TABLE, "生均教学科研仪器设备值（元）"),
    Parameter("higher.general.books_per_student", 80, 2004, HIGHER_TABLE, "生均图书（册）"),
    Parameter("higher.engineering.student_teacher_ratio", 18, 2004, HIGHER_TABLE, "生师比（≤）"),
    Parameter("higher.engineering.postgraduate_share", 15, 2004, HIGHER_TABLE, "研究生学位教师占专任教师比例（%）"),
    Parameter("higher.engineering.teaching_area_per_student", 16, 2004, HIGHER_TABLE, "生均教学行政用房（m²）"),
    Parameter("higher.engineering.equipment_per_student", 4000, 2004, HIGHER_TABLE, "生均教学科研仪器设备值（元）"),
    Parameter("higher.engineering.books_per_student", 60, 2004, HIGHER_TABLE, "生均图书（册）"),
    # Teachers
    Parameter("teachers.dual_share_min", 30, 2010, SETTING_STANDARD, "双师型占专业教师比例下限（%）"),
    Parameter("teachers.part_time_target", 20, 2010, SETTING_STANDARD, "兼职教师占专任教师比例（约，%）"),
    Parameter("teachers.part_time_cap", 30, 2012, "教师〔2012〕14号", "兼职教师占专兼职教师总数上限（%）"),
    Parameter("teachers.practice_days", 180, 2016, "教师〔2016〕3号", "五年累计企业实践天数（6个月）"),
    # 产教融合 credit, internship posts, surcharge share, funding floor
    Parameter("credit.rate", 30, 2019, CREDIT, "投资额抵免比例（%）"),
    Parameter("internship.post_share", 2, 2019, "各地实施方案（如稷山县、环翠区）", "实习岗位占职工总数比例（%）"),
    Parameter("surcharge.vet_share_min", 30, 2014, SURCHARGE, "地方教育附加用于职业教育比例下限（%）"),
    Parameter("surcharge.base_local", 1, 2014, SURCHARGE, "比例的基数（1：地方教育附加；0：教育费附加）"),
    Parameter("funding.higher_floor", 12000, 2017, "财教〔2014〕352号", "公办高职年生均财政拨款下限（元）"),
    Parameter(
        "funding.secondary_floor", 0, 2010, "省级文件（国家未规定；0 表示未设定）", "中职年生均财政拨款下限（元）"
    ),
    # Student aid, per student per year (paid by term: half each)
    Parameter("aid.national_grant", 1500, 2007, AID, "国家助学金（元/生/年）"),
    Parameter("aid.national_grant", 2000, 2019, AID, "国家助学金（元/生/年）"),
    Parameter("aid.yulu", 3000, 2015, YULU, "雨露计划补助（元/生/年）"),
    Parameter("aid.tuition_fee", 2000, 2012, FEE, "免学费补助标准（元/生/年，学校未单独核定时）"),
]


def default_table() -> ParameterTable:
    return ParameterTable(DEFAULTS)
