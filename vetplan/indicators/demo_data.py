"""Five years (2021—2025) of plausible figures for the demo county, and its targets linked.

The figures are written so the demo plan's targets show every status: 就业率 and 培训人次
achieved, 双师型 and 兼职教师 on track, 匹配度 and 实训基地 at risk, 职普比 off track, and
norms without figures as 无数据.
"""

from __future__ import annotations

from vetplan.indicators.catalogue import ensure_catalogue
from vetplan.indicators.models import DataElement, DataValue
from vetplan.indicators.services import link_targets_to_indicators, load_data_values, record_target_report
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan

YEARS = [2021, 2022, 2023, 2024, 2025]
SCHOOL_SIZE = [1.0, 0.75, 0.45]  # 县职教中心, 县一职高, 县技工学校
DUAL_SHARE = [0.52, 0.55, 0.59, 0.63, 0.66]
PART_TIME_SHARE = [0.12, 0.14, 0.15, 0.17, 0.18]
EMPLOYED_SHARE = [0.93, 0.94, 0.945, 0.952, 0.96]
FURTHER_SHARE = [0.30, 0.33, 0.36, 0.40, 0.42]
MATCH_SHARE = [0.70, 0.72, 0.74, 0.75, 0.76]
VOC_GENERAL = [0.70, 0.72, 0.74, 0.75, 0.76]
SURCHARGE_SHARE = [0.25, 0.27, 0.28, 0.29, 0.31]
TRAINING_HR = [1500, 1700, 1900, 2100, 2200]
TRAINING_SCHOOL = [700, 800, 900, 1000, 1100]


def load_demo_indicators(region: Region, plan: Plan) -> None:
    ensure_catalogue()
    orgs = {o.name: o for o in Organization.objects.filter(region__path__startswith=region.path)}
    schools = sorted((o for o in orgs.values() if o.type == Organization.Type.SCHOOL), key=lambda o: o.pk)
    elements = {e.code: e for e in DataElement.objects.all()}
    values: list[DataValue] = []

    def put(org: Organization, year: int, code: str, value: float) -> None:
        values.append(DataValue(element=elements[code], organization=org, year=year, value=value, source="demo"))

    for i, year in enumerate(YEARS):
        vocational_total = 0
        for s, (school, size) in enumerate(zip(schools, SCHOOL_SIZE, strict=False)):
            specialised = round(80 * size) + 2 * i
            enrolment = round(1500 * size * (1 + 0.03 * i))
            vocational_total += enrolment
            graduates = round(enrolment / 3)
            further = round(graduates * FURTHER_SHARE[i])
            majors = round(12 * size) or 1
            for code, value in {
                "teachers_specialised": specialised,
                "teachers_dual_qualified": round(specialised * DUAL_SHARE[i]),
                "teachers_practice_compliant": round(specialised * (0.6 + 0.05 * i)),
                "staff_quota": round(100 * size),
                "teachers_part_time": round(100 * size * PART_TIME_SHARE[i]),
                "enrolment_vocational": enrolment,
                "intake_vocational": round(enrolment / 3 * 1.05),
                "students_with_certificate": round(enrolment * (0.30 + 0.05 * i)),
                "graduates_secondary": graduates,
                "graduates_secondary_employed": round(graduates * EMPLOYED_SHARE[i]),
                "graduates_secondary_further": further,
                "admitted_undergraduate": round(further * (0.10 + 0.02 * i)),
                "classified_exam_takers": round(further * 1.2),
                "classified_exam_passed": further,
                "majors_total": majors,
                "majors_matching_industry": round(majors * MATCH_SHARE[i]),
                "schools_total": 1,
                "schools_digital_campus": 1 if (s == 0 and year >= 2023) or (s == 1 and year >= 2025) else 0,
                "training_bases": (1 if s == 0 else 0) + (1 if s == 1 and year >= 2024 else 0),
                "master_teacher_studios": (1 + i // 2) if s == 0 else 0,
            }.items():
                put(school, year, code, value)
        if schools:
            put(schools[0], year, "training_person_times", TRAINING_SCHOOL[i])
        _department_figures(orgs, put, i, year, vocational_total)
    load_data_values(values)
    link_targets_to_indicators(plan.targets.all())
    _report_unlinked(plan)


def _department_figures(orgs: dict[str, Organization], put: object, i: int, year: int, vocational: int) -> None:
    def unit(suffix: str) -> Organization | None:
        return next((o for name, o in orgs.items() if name.endswith(suffix)), None)

    education, finance, hr = unit("教育体育局"), unit("财政局"), unit("人力资源和社会保障局")
    if education:
        put(education, year, "enrolment_general", round(vocational / VOC_GENERAL[i]))  # type: ignore[operator]
    if finance:
        collected = 800 + 50 * i
        put(finance, year, "surcharge_collected", collected)  # type: ignore[operator]
        put(finance, year, "surcharge_to_vet", round(collected * SURCHARGE_SHARE[i], 1))  # type: ignore[operator]
        put(finance, year, "fiscal_appropriation_vet", 2400 + 150 * i)  # type: ignore[operator]
    if hr:
        put(hr, year, "training_person_times", TRAINING_HR[i])  # type: ignore[operator]
    for name, certified_from, employees in (("华信机械制造有限公司", 2023, 800), ("绿源农业科技有限公司", 2025, 300),
                                            ("星河电子科技有限公司", 9999, 500)):  # fmt: skip
        enterprise = unit(name)
        if enterprise:
            put(enterprise, year, "integration_enterprises", 1 if year >= certified_from else 0)  # type: ignore[operator]
            put(enterprise, year, "employees_large_enterprise", employees)  # type: ignore[operator]
            put(enterprise, year, "internship_posts", round(employees * (0.01 + 0.0025 * i)))  # type: ignore[operator]


def _report_unlinked(plan: Plan) -> None:
    """Figures for targets no catalogue indicator measures (新增专业, 联席会议)."""
    reports = {"新增专业": [(2024, 1), (2025, 2)], "会议": [(2024, 2), (2025, 2)]}
    for target in plan.targets.filter(indicator__isnull=True):
        figures = next((f for key, f in reports.items() if key in target.indicator_text), [])
        for year, value in figures:
            record_target_report(target, by=None, year=year, value=value)
