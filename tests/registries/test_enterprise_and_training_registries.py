"""企业名册 and 社会培训: one bad row per kind of error names its cell; nothing is saved; figures follow."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from tests.conftest import County
from tests.registries.helpers import bad_check_digit, company, workbook
from vetplan.indicators.models import DataValue
from vetplan.registries.kinds import REGISTRIES
from vetplan.registries.models import Cooperation, Enterprise, EnterpriseYear, Recognition, TrainingCourse

ENTERPRISE_HEAD = ["统一社会信用代码", "企业名称", "行业代码"]
YEAR_HEAD = ["统一社会信用代码", "年份", "职工人数", "规模以上", "提供实习岗位数"]
RECOGNITION_HEAD = ["统一社会信用代码", "认定级别", "认定日期", "认定机关", "撤销日期"]
COOPERATION_HEAD = ["统一社会信用代码", "学校", "专业代码", "合作形式", "年份", "人数"]
COURSE_HEAD = ["举办单位", "举办部门类别", "班次编号", "培训名称", "开班日期", "结业日期", "培训人数", "取证人数"]


@pytest.fixture(autouse=True)
def frozen() -> Any:
    with time_machine.travel(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


def run(county: County, registry: str, sheets: dict[str, list[list[Any]]], user: str = "supervisor") -> Any:
    return REGISTRIES[registry].import_file(workbook(sheets), county.users[user])


def test_the_enterprise_registry_names_every_bad_row_and_saves_nothing(county: County) -> None:
    bad = bad_check_digit(company(2))
    result = run(
        county,
        "enterprises",
        {
            "企业": [
                ENTERPRISE_HEAD,
                [company(1), "测试县精工机械有限公司", "3411"],
                [bad, "坏代码公司", ""],
                [company(1), "重复公司", ""],
            ],
            "年度数据": [YEAR_HEAD, [company(9), 2026, 300, "是", 6]],
            "产教融合型企业认定": [RECOGNITION_HEAD, [company(1), "省级", "2025-05-01", "省发展改革委", "2024-01-01"]],
            "校企合作": [COOPERATION_HEAD, [company(1), "测试县职业技术教育中心", "999999", "订单班", 2026, 30]],
        },
    )
    from vetplan.registries.identity import credit_with_check

    assert result.errors == [
        f"工作表“企业”第 3 行 A 列（统一社会信用代码）“{bad}”：统一社会信用代码校验位应为 {credit_with_check(bad[:17])[-1]}",
        f"工作表“企业”第 4 行 A 列（统一社会信用代码）“{company(1)}”：与第 2 行重复",
        f"工作表“年度数据”第 2 行 A 列（统一社会信用代码）“{company(9)}”：企业名册中没有这个统一社会信用代码",
        "工作表“产教融合型企业认定”第 2 行 E 列（撤销日期）“2024-01-01”：撤销日期早于认定日期",
        "工作表“校企合作”第 2 行 C 列（专业代码）“999999”：专业目录中没有这个代码",
    ]
    assert not Enterprise.objects.exists() and not EnterpriseYear.objects.exists()
    assert not Recognition.objects.exists() and not Cooperation.objects.exists()


def test_enterprises_become_units_of_the_region_and_feed_their_figures(county: County) -> None:
    result = run(
        county,
        "enterprises",
        {
            "企业": [ENTERPRISE_HEAD, [company(1), "测试县精工机械有限公司", "3411"]],
            "年度数据": [YEAR_HEAD, [company(1), 2026, 300, "是", 6], [company(1), 2025, 280, "否", 2]],
            "产教融合型企业认定": [RECOGNITION_HEAD, [company(1), "省级", "2025-05-01", "省发展改革委", ""]],
        },
    )
    assert result.ok, result.errors
    enterprise = Enterprise.objects.get()
    assert enterprise.organization.region == county.region and enterprise.organization.type == "enterprise"
    values = {
        (year, code): value
        for year, code, value in DataValue.objects.filter(organization=enterprise.organization).values_list(
            "year", "element__code", "value"
        )
    }
    assert values[(2026, "internship_posts")] == 6 and values[(2026, "employees_large_enterprise")] == 300
    assert values[(2025, "employees_large_enterprise")] == 0  # not 规上 that year
    assert values[(2026, "integration_enterprises")] == 1 and values[(2025, "integration_enterprises")] == 1
    assert Recognition.objects.get().valid_in(2026)
    again = run(county, "enterprises", {"企业": [ENTERPRISE_HEAD, [company(1), "测试县精工机械有限公司", "3411"]]})
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_the_training_registry_names_every_bad_row_and_sums_person_times(county: County) -> None:
    hr = county.hr.name
    bad = run(
        county,
        "trainings",
        {
            "培训班": [
                COURSE_HEAD,
                [hr, "人社", "2026-01", "电工培训", "2026-03-10", "2026-03-01", 40, 30],
                [hr, "人社", "2026-02", "焊工培训", "2026-04-01", "2026-04-10", 20, 25],
                [hr, "人社", "2026-03", "育婴员培训", "2026-05-01", "2026-05-10", 30, 10],
                [hr, "人社", "2026-03", "育婴员培训（重复）", "2026-05-01", "2026-05-10", 30, 10],
            ]
        },
        user="department_reporter",
    )
    assert bad.errors == [
        "工作表“培训班”第 2 行 F 列（结业日期）“2026-03-01”：结业日期早于开班日期 2026-03-10",
        "工作表“培训班”第 3 行 H 列（取证人数）“25”：取证人数不能多于培训人数",
        "工作表“培训班”第 5 行 C 列（班次编号）“2026-03”：与第 4 行重复（同一单位、班次编号）",
    ]
    assert not TrainingCourse.objects.exists()
    good = run(
        county,
        "trainings",
        {
            "培训班": [
                COURSE_HEAD,
                [hr, "人社", "2026-01", "电工培训", "2026-03-01", "2026-03-10", 40, 30],
                [hr, "人社", "2026-02", "焊工培训", "2026-04-01", "2026-04-10", 20, 15],
            ]
        },
        user="department_reporter",
    )
    assert good.ok, good.errors
    person_times = DataValue.objects.get(organization=county.hr, year=2026, element__code="training_person_times")
    assert (person_times.value, person_times.source) == (60, "registry")
