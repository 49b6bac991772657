"""The demo county's mechanisms: 办学条件 figures, the 达标 target, a credit statement, aid rosters, a fund.

Written so each page has something true to show: 县职教中心 reaches every 办学条件 indicator in
2025 after its 实训楼 (short of 校舍 in 2024), 县一职高 stays short of 校园占地, 县技工学校 meets
the 技工学校 standard, so the target 中等职业学校办学条件全部达标 (2025) stands at 2 of 3. 华信机械
(a recognised 产教融合型企业) has three checked years whose credit exceeds its surcharges
until the third, and a fourth waiting for the tax office. Rosters are made for the schools
that keep student records.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from vetplan.indicators.models import DataElement, DataValue
from vetplan.indicators.services import link_targets_to_indicators, load_data_values
from vetplan.mechanisms import aid, conditions, credit, funding, internships
from vetplan.mechanisms.models import AidRoster, FundDistribution
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan, Target
from vetplan.plans.services import create_target
from vetplan.registries.identity import credit_with_check
from vetplan.registries.models import Enterprise, Recognition, Student

# school short name → year → figures (校园占地 m², 校舍 m², 专任教师, 设备 万元, 图书 册, 财政拨款 万元)
CONDITIONS = {
    "县职教中心": {
        2024: (70000, 30000, 112, 560, 56000, 2400),
        2025: (70000, 42000, 120, 620, 61000, 2600),
    },
    "县一职高": {
        2024: (36000, 25500, 78, 310, 37000, 1700),
        2025: (36000, 26000, 80, 330, 39000, 1800),
    },
    "县技工学校": {
        2024: (32000, 19000, 52, 300, 21000, 1000),
        2025: (32000, 19000, 55, 310, 22000, 1050),
    },
}
CODES = (
    "campus_land",
    "building_area",
    "teachers_full_time",
    "equipment_value",
    "library_books",
    "school_appropriation",
)
CREDIT_YEARS = [(2023, 2_000_000, 180_000), (2024, 300_000, 260_000), (2025, 0, 320_000), (2026, 500_000, 340_000)]


def load_demo_mechanisms(region: Region, plan: Plan, users: dict[str, Any], today: dt.date) -> None:
    schools = {o.display_name: o for o in Organization.objects.filter(region=region, type=Organization.Type.SCHOOL)}
    _conditions(schools, today.year)
    _local_surcharge(region)
    _target(plan, users["duban"])
    _credit(region, users)
    internships.refresh(
        Organization.objects.filter(region=region, type=Organization.Type.ENTERPRISE).values_list("pk", flat=True)
    )
    for school in schools.values():
        if Student.objects.filter(school=school).exists():
            aid.generate(school, today.year, AidRoster.Term.AUTUMN, by=None)
    _fund(region, today.year, users["duban"])


def _conditions(schools: dict[str, Organization], current: int) -> None:
    """The 办学条件 figures of 2024–2025 and, for the current year, 2025's facilities again: its 专任教师
    and enrolment are counted from the registries' records (registries/demo_data.py), so typed here only
    for schools that keep no records."""
    elements = {e.code: e for e in DataElement.objects.filter(code__in=CODES)}
    from_records = set(
        DataValue.objects.filter(
            organization__in=schools.values(), year=current, source="registry", element__code__in=CODES
        ).values_list("organization_id", "element__code")
    )
    rows = []
    for name, years in CONDITIONS.items():
        school = schools.get(name)
        if school is None:
            continue
        by_year = dict(years)
        by_year.setdefault(current, years[max(years)])
        for year, figures in by_year.items():
            rows += [
                DataValue(element=elements[code], organization=school, year=year, value=value, source="demo")
                for code, value in zip(CODES, figures, strict=True)
                if (school.pk, code) not in from_records or year != current
            ]
    load_data_values(rows)
    conditions.refresh([s.pk for s in schools.values()], sorted({2024, 2025, current}))


def _local_surcharge(region: Region) -> None:
    """县财政局's 地方教育附加 (万元): collected and used for VET, the base of the 30% rule."""
    finance = Organization.objects.filter(region=region, short_name="县财政局").first()
    if finance is None:
        return
    elements = {e.code: e for e in DataElement.objects.filter(code__startswith="local_surcharge")}
    figures = {2024: (760, 221), 2025: (820, 251)}
    load_data_values(
        [
            DataValue(element=elements[code], organization=finance, year=year, value=value, source="demo")
            for year, pair in figures.items()
            for code, value in zip(("local_surcharge_collected", "local_surcharge_to_vet"), pair, strict=True)
        ]
    )


def _target(plan: Plan, by: Any) -> None:
    """The 达标 goal the plan's first task states, added as a target the way the 督导室 adds one."""
    target = create_target(
        plan, by=by, indicator_text="中等职业学校办学条件全部达标", comparator=Target.Comparator.AT_LEAST,
        value=Decimal(100), unit="%", deadline_year=2025, kind=Target.Kind.TARGET,
        sentence="2025年底前全县中等职业学校办学条件全部达标。",
    )  # fmt: skip
    link_targets_to_indicators([target])


def _credit(region: Region, users: dict[str, Any]) -> None:
    org = Organization.objects.filter(region=region, type=Organization.Type.ENTERPRISE, short_name="县华信机械").first()
    if org is None:
        return
    enterprise = Enterprise.objects.filter(organization=org).first() or Enterprise.objects.create(
        organization=org, credit_code=credit_with_check("91990102MA0000001"), name=org.name, region=region
    )
    if not enterprise.recognitions.exists():
        Recognition.objects.create(
            enterprise=enterprise, level=Recognition.Level.PROVINCIAL, recognised_on=dt.date(2023, 4, 20),
            body="示范省发展和改革委员会",
        )  # fmt: skip
    for year, investment, payable in CREDIT_YEARS:
        row = credit.enter_year(
            enterprise, year, investment=Decimal(investment), payable=Decimal(payable), by=users["huaxin"]
        )
        credit.check_year(row, credit.INVESTMENT, by=users["fagai"])
        if year < 2026:  # the last year waits for the tax office
            credit.check_year(row, credit.PAYABLE, by=users["shuiwu"])


def _fund(region: Region, year: int, by: Any) -> None:
    distribution = FundDistribution(
        region=region, year=year, title="县级职业教育发展专项资金", fund=Decimal(3_000_000),
        basis="示范县职业教育发展专项资金管理办法",
    )  # fmt: skip
    categories = funding.categories_in(region, year)
    weights = {category: 1.2 if "装备制造" in category or "电子" in category else 1.0 for category in categories}
    funding.save_distribution(distribution, by=by, category_weights=weights, quality_scores={})
