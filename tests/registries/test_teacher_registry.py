"""教师名册: imported, checked row by row, re-imported without change, and feeding the figures."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import County
from tests.indicators.helpers import figure
from tests.registries.helpers import bad_check_digit, person, workbook
from vetplan.indicators.models import DataValue
from vetplan.indicators.services import link_targets_to_indicators
from vetplan.registries.kinds import REGISTRIES
from vetplan.registries.models import PracticeEpisode, Teacher

HEAD = [
    "学校",
    "姓名",
    "身份证号",
    "任职类型",
    "教师类别",
    "职称",
    "职称级别",
    "是否在编",
    "双师型等级",
    "双师型认定日期",
    "认定机构",
    "联系电话",
]
PRACTICE_HEAD = ["教师身份证号", "实践企业", "开始日期", "结束日期", "实践天数"]
SCHOOL = "测试县职业技术教育中心"


def teacher(n: int, name: str, dual: str = "", role: str = "专业课", employment: str = "专任") -> list[Any]:
    return [
        SCHOOL,
        name,
        person(n, "19850301"),
        employment,
        role,
        "讲师",
        "中级",
        "是",
        dual,
        "2023-06-01" if dual else "",
        "测试县教育局" if dual else "",
        "13800000000",
    ]


def run(county: County, sheets: dict[str, list[list[Any]]], user: str = "school_reporter") -> Any:
    return REGISTRIES["teachers"].import_file(workbook(sheets), county.users[user])


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


def test_a_template_with_one_bad_row_per_kind_of_error_saves_nothing(county: County) -> None:
    good = teacher(1, "王一")
    bad_digit = teacher(2, "王二")
    bad_digit[2] = bad_check_digit(bad_digit[2])
    duplicate = teacher(1, "王一（重复）")
    other_school = ["邻县职业中专", *teacher(3, "王三")[1:]]
    result = run(
        county,
        {
            "教师": [HEAD, good, bad_digit, duplicate, other_school],
            "企业实践": [PRACTICE_HEAD, [person(1, "19850301"), "华信机械", "2024-07-31", "2024-07-01", ""]],
        },
    )
    assert not result.ok
    x = bad_digit[2]
    assert result.errors == [
        f"工作表“教师”第 3 行 C 列（身份证号）“{x}”：身份证号校验位应为 {_check(x)}",
        f"工作表“教师”第 4 行 C 列（身份证号）“{person(1, '19850301')}”：与第 2 行重复",
        "工作表“教师”第 5 行 A 列（学校）“邻县职业中专”：不是本账号可以填报的单位",
        "工作表“企业实践”第 2 行 D 列（结束日期）“2024-07-01”：结束日期早于开始日期 2024-07-31",
    ]
    assert not Teacher.objects.exists() and not PracticeEpisode.objects.exists()


def _check(number: str) -> str:
    from vetplan.registries.identity import with_check_digit

    return with_check_digit(number[:17])[-1]


def test_a_reimport_of_the_same_file_changes_nothing(county: County) -> None:
    sheets = {"教师": [HEAD, teacher(1, "王一", dual="中级"), teacher(2, "王二")]}
    first = run(county, sheets)
    assert (first.ok, first.created, first.updated) == (True, 2, 0)
    again = run(county, sheets)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert again.summary() == "文件中的 2 条记录与已有记录相同，没有任何修改。"
    assert Teacher.objects.count() == 2 and Teacher.objects.get(name="王一").history.count() == 1


def test_practice_straddling_the_five_year_window_counts_its_days_inside(county: County, client_as: Any) -> None:
    ids = [person(n, "19850301") for n in (1, 2, 3)]
    result = run(
        county,
        {
            "教师": [HEAD, teacher(1, "王一"), teacher(2, "王二"), teacher(3, "王三", role="公共基础课")],
            "企业实践": [
                PRACTICE_HEAD,
                # 王一: 2021-10-01 … 2022-03-31 (182 days) straddles the window's start 2022-01-01: 90 count
                [ids[0], "华信机械", "2021-10-01", "2022-03-31", ""],
                [ids[0], "绿源农业", "2024-07-01", "2024-08-31", ""],
                # 王二: 200 days in 2025, all inside
                [ids[1], "星河电子", "2025-01-01", "2025-07-19", ""],
                [ids[2], "顺达物流", "2025-01-01", "2025-12-31", ""],  # 公共基础课: not counted
            ],
        },
    )
    assert result.ok, result.errors
    values = dict(
        DataValue.objects.filter(organization=county.school, year=2026, source="registry").values_list(
            "element__code", "value"
        )
    )
    # 2026: 王一 90 + 62 = 152 < 180; 王二 200 ≥ 180.
    assert values["teachers_specialised"] == 2 and values["teachers_practice_compliant"] == 1
    county_rate = figure("enterprise_practice_rate", 2026, region=county.region).value
    assert county_rate == pytest.approx(50)
    # Each teacher's own rolling sum, on the detail page as of today (2026-11-01: the window opens 2021-11-02,
    # so 150 of the straddling stay's 182 days count); the year's figure above is taken at 2026-12-31.
    school_client = client_as(county.users["school_reporter"])
    for number, days in ((ids[0], 150 + 62), (ids[1], 200)):
        record = Teacher.objects.get(id_number=number)
        detail = school_client.get(f"/registries/teachers/{record.pk}/").content.decode()
        assert f"{days} 天（要求 180 天）" in detail
    page = school_client.get(f"/data/entry/{county.school.pk}/2026/").content.decode()
    assert "由名册记录计算" in page and 'name="teachers_practice_compliant"' in page and "disabled" in page


def test_the_dual_share_on_the_dashboard_follows_the_teacher_records(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    rows = [teacher(n, f"教师{n}", dual="中级" if n <= 3 else "") for n in range(1, 6)]
    assert run(county, {"教师": [HEAD, *rows]}).ok

    def share() -> float | None:
        return figure("dual_qualified_share", 2026, organization=county.school).value

    assert share() == pytest.approx(60)  # 3 of 5 专业课教师
    rows[3][8], rows[3][9] = "初级", "2024-05-01"
    assert run(county, {"教师": [HEAD, *rows]}).updated == 1
    assert share() == pytest.approx(80)
    dashboard = client_as(county.users["supervisor"]).get(f"/data/?org={county.school.pk}&year=2026").content.decode()
    assert ">80<" in dashboard


def test_a_typed_total_cannot_overwrite_a_figure_from_records(county: County, client_as: Any) -> None:
    assert run(county, {"教师": [HEAD, teacher(1, "王一")]}).ok
    from tests.indicators.helpers import save
    from vetplan.indicators.services import DataError

    with pytest.raises(DataError, match="由名册记录计算"):
        save(county.users["school_reporter"], county.school, 2026, teachers_specialised=40)
