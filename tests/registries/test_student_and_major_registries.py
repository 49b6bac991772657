"""专业名册 and 学生名册: one bad row per kind of error names its cell; nothing is saved."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import County
from tests.registries.helpers import bad_check_digit, catalogue, person, workbook
from vetplan.indicators.models import DataValue
from vetplan.registries.kinds import REGISTRIES
from vetplan.registries.models import Certificate, Internship, SchoolMajor, Student

SCHOOL = "测试县职业技术教育中心"
MAJOR_HEAD = ["学校", "专业代码", "开设年份", "停办年份", "服务的重点产业"]
STUDENT_HEAD = [
    "学校",
    "学籍号",
    "姓名",
    "身份证号",
    "性别",
    "专业代码",
    "年级",
    "入学年份",
    "学籍状态",
    "家庭经济困难",
    "脱贫户/监测对象",
    "联系电话",
]
CERT_HEAD = ["学籍号", "证书类型", "证书名称", "等级", "发证机构", "发证日期"]
INTERN_HEAD = [
    "学籍号",
    "实习单位",
    "统一社会信用代码",
    "实习岗位",
    "开始日期",
    "结束日期",
    "三方协议",
    "实习责任保险",
    "月报酬（元）",
]


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def majors(county: County) -> None:
    catalogue()
    result = REGISTRIES["majors"].import_file(
        workbook(
            {
                "开设专业": [
                    MAJOR_HEAD,
                    [SCHOOL, "660301", 2015, None, "装备制造"],
                    [SCHOOL, "710201", 2018, None, None],
                    [SCHOOL, "610101", 2010, 2020, "现代农业"],
                ]
            }
        ),
        county.users["school_reporter"],
    )
    assert result.ok, result.errors


def student(n: int, number: str, major: str = "660301", status: str = "在籍", year: int = 2025) -> list[Any]:
    return [SCHOOL, number, f"学生{n}", person(n), "", major, 2, year, status, "否", "", ""]


def run(county: County, registry: str, sheets: dict[str, list[list[Any]]]) -> Any:
    return REGISTRIES[registry].import_file(workbook(sheets), county.users["school_reporter"])


def test_the_major_registry_refuses_an_unknown_code_and_a_closing_before_opening(county: County) -> None:
    catalogue()
    result = run(
        county,
        "majors",
        {
            "开设专业": [
                MAJOR_HEAD,
                [SCHOOL, "999999", 2015, None, None],
                [SCHOOL, "660301", 2015, 2010, None],
                [SCHOOL, "710201", 2018, None, None],
                [SCHOOL, "710201", 2019, None, None],
            ]
        },
    )
    assert result.errors == [
        "工作表“开设专业”第 2 行 B 列（专业代码）“999999”：专业目录中没有这个代码",
        "工作表“开设专业”第 3 行 D 列（停办年份）“2010”：停办年份早于开设年份 2015",
        "工作表“开设专业”第 5 行 B 列（专业代码）“710201”：与第 4 行重复（同一学校、专业）",
    ]
    assert not SchoolMajor.objects.exists()


def test_the_major_registry_gives_the_industry_match(county: County, majors: None) -> None:
    values = dict(DataValue.objects.filter(organization=county.school, year=2026).values_list("element__code", "value"))
    assert (values["majors_total"], values["majors_matching_industry"]) == (2, 1)  # 610101 closed in 2020


def test_the_student_registry_names_every_bad_row_and_saves_nothing(county: County, majors: None) -> None:
    bad_digit = student(2, "S002")
    bad_digit[3] = bad_check_digit(bad_digit[3])
    result = run(
        county,
        "students",
        {
            "学生": [
                STUDENT_HEAD,
                student(1, "S001"),
                bad_digit,
                student(3, "S001"),
                student(4, "S004", major="888888"),
            ],
            "证书": [CERT_HEAD, ["S999", "1+X职业技能等级证书", "工业机器人操作与运维", "初级", "", "2026-06-01"]],
            "实习": [INTERN_HEAD, ["S001", "华信机械", "", "装配工", "2026-09-01", "2026-06-30", "是", "是", 2200]],
        },
    )
    x = bad_digit[3]
    from vetplan.registries.identity import with_check_digit

    assert result.errors == [
        f"工作表“学生”第 3 行 D 列（身份证号）“{x}”：身份证号校验位应为 {with_check_digit(x[:17])[-1]}",
        "工作表“学生”第 4 行 B 列（学籍号）“S001”：与第 2 行重复",
        "工作表“学生”第 5 行 F 列（专业代码）“888888”：专业目录中没有这个代码",
        "工作表“证书”第 2 行 A 列（学籍号）“S999”：学生名册中没有此学籍号",
        "工作表“实习”第 2 行 F 列（结束日期）“2026-06-30”：结束日期早于开始日期 2026-09-01",
    ]
    assert not Student.objects.exists() and not Certificate.objects.exists() and not Internship.objects.exists()


def test_students_feed_enrolment_intake_and_certificates(county: County, majors: None) -> None:
    result = run(
        county,
        "students",
        {
            "学生": [
                STUDENT_HEAD,
                student(1, "S001", year=2026),
                student(2, "S002"),
                student(3, "S003", status="毕业"),
                student(4, "S004", major="610101"),
            ],
            "证书": [
                CERT_HEAD,
                ["S001", "1+X职业技能等级证书", "工业机器人操作与运维", "初级", "某评价组织", "2026-06-01"],
                ["S002", "职业技能等级证书", "电工", "五级/初级工", "某评价机构", "2027-01-10"],
            ],
        },
    )
    assert result.ok, result.errors
    values = dict(DataValue.objects.filter(organization=county.school, year=2026).values_list("element__code", "value"))
    assert values["enrolment_vocational"] == 3 and values["intake_vocational"] == 1
    assert values["students_with_certificate"] == 1  # the 2027 certificate does not count for 2026
    assert Student.objects.get(student_number="S004").agricultural  # 现代农艺技术: 农林牧渔大类
    assert not Student.objects.get(student_number="S001").agricultural


def test_a_student_of_a_major_the_school_does_not_run_is_refused(county: County, majors: None) -> None:
    from vetplan.registries.models import CatalogueMajor

    other = CatalogueMajor.objects.exclude(code__in=["660301", "710201", "610101"]).first()
    assert other is not None  # the shipped 2021 catalogue is loaded by migrate
    result = run(county, "students", {"学生": [STUDENT_HEAD, student(1, "S001", major=other.code)]})
    assert result.errors == [
        f"工作表“学生”第 2 行 F 列（专业代码）“{other.code}”：该校没有开设这个专业（请先导入专业名册）"
    ]
