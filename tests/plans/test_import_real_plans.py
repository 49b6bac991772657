"""The five real plans in ../shared/policies imported into the demo county with `vetplan import`.

None of them was written for 示范县: their units carry 区, 县 and 市 prefixes, generic phrases
and field words; their targets name figures in 万人, 万人次, :1 and %. Imported without review,
every task must have a unit that owes its report and a date it falls due, every linked target
must be stated in its indicator's unit, and no generic phrase may become an organisation.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from vetplan.demo import county as demo
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan, Task

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
POLICIES = sorted((SHARED / "policies").glob("*.txt")) if SHARED.is_dir() else []
SUMMARY = re.compile(
    r"imported: (\d+) targets \((\d+) linked, (\d+) hand-reported\), (\d+) tasks "
    r"\((\d+) without owner, (\d+) never due\), (\d+) new organisations"
)
GENERIC = ["教育", "财政", "扶贫", "发展改革", "相关部门", "各有关单位", "各县(市、区)政府", "各县（市、区）政府"]

pytestmark = pytest.mark.skipif(len(POLICIES) != 5, reason="the shared policy files are not available")


def test_the_five_plans_come_out_owned_dated_and_measured(db: Any) -> None:
    load_demo_county()
    totals = [0] * 7
    for path in POLICIES:
        out = StringIO()
        call_command("import", str(path), "--region", demo.COUNTY[0], "--by", "duban", stdout=out)
        match = SUMMARY.fullmatch(out.getvalue().strip())
        assert match, out.getvalue()
        totals = [total + int(figure) for total, figure in zip(totals, match.groups(), strict=True)]
    targets, linked, hand, tasks, without_owner, never_due, _ = totals
    assert (targets, tasks) == (87, 90)
    assert without_owner == 0 and never_due == 0
    assert linked >= 60 and linked + hand == targets

    plans = Plan.objects.exclude(title__startswith="示范县")
    assert plans.count() == 5
    imported_tasks = Task.objects.filter(plan__in=plans).prefetch_related("lead_units", "responsible_units")
    for task in imported_tasks:
        assert task.lead_units.all() or task.responsible_units.all(), f"task {task.seq} of {task.plan} has no unit"
        assert task.deadline is not None or task.recurrence == Task.Recurrence.YEARLY
    for task in imported_tasks.filter(timeline__in=["2017年起实施", "2018年春季学期开始实施"]):
        assert task.deadline is None and task.recurrence == Task.Recurrence.YEARLY  # a start date, never due

    for plan in plans:
        for target in plan.targets.select_related("indicator"):
            if target.indicator is not None:
                assert target.unit == target.indicator.unit, f"{target.indicator_text}: {target.unit}"
    enrolment = plans.get(title__startswith="安阳市").targets.get(indicator_text="中等职业教育在校生规模")
    assert (enrolment.indicator.code, enrolment.value, enrolment.unit) == ("enrolment_size", 36000, "人")
    ratio = plans.get(title__startswith="安阳市").targets.get(indicator_text="中等职业学校和普通高中招生规模比")
    assert ratio.indicator.code == "vocational_general_intake_ratio"

    names = set(Organization.objects.values_list("name", flat=True))
    aliases = {alias for row in Organization.objects.values_list("aliases", flat=True) for alias in row}
    for generic in GENERIC:
        assert generic not in names and generic not in aliases, f"{generic} became an organisation"
    county_bureau = Organization.objects.get(name="示范县教育体育局")
    city_bureau = Organization.objects.get(name="示范市教育局")  # 市教育局 of the 安阳市 plan: the city's
    assert city_bureau.region.code == demo.CITY[0] and "市教育局" not in county_bureau.aliases


def test_importing_the_same_document_twice_is_refused_without_force(db: Any) -> None:
    load_demo_county()
    path = str(POLICIES[0])
    call_command("import", path, "--region", demo.COUNTY[0], stdout=StringIO())
    with pytest.raises(Exception, match="是同一份文件"):
        call_command("import", path, "--region", demo.COUNTY[0], stdout=StringIO())
    call_command("import", path, "--region", demo.COUNTY[0], "--force", stdout=StringIO())
    assert Plan.objects.filter(source_name=Path(path).name).count() == 2
