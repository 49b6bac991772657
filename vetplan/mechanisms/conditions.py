"""办学条件达标 per school and year: the school's figures against the standard for its kind.

The figures come from the school data set (校园占地, 校舍, 仪器设备, 图书 ... entered yearly)
and, where the school keeps registries, from its records (专任教师数, 在校生数). A result is
stored per school and year with the parameter version it used; each 中职 school's result
also writes 纳入评估 (1) and 全部达标 (1 or 0), so the indicator 办学条件全部达标学校占比 is
the share of assessed schools, rolled up like any other. A school with a figure missing is
assessed and not compliant (数据不全), never left out of the denominator.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from vetplan.core.versioning import check_version
from vetplan.indicators.models import DataValue
from vetplan.mechanisms import parameters
from vetplan.mechanisms.figures import save_figures
from vetplan.mechanisms.models import ConditionsResult, SchoolCategory
from vetplan.orgs.models import Organization
from vetplan.policy.conditions import (
    HIGHER_ENGINEERING,
    HIGHER_GENERAL,
    HIGHER_KINDS,
    SECONDARY,
    TECHNICAL,
    Assessment,
    SchoolFacts,
    assess,
)
from vetplan.policy.params import ParameterTable

# The data elements the assessment reads; a change to any of them refreshes the school's result.
INPUTS = (
    "enrolment_vocational",
    "enrolment_higher",
    "teachers_full_time",
    "teachers_postgraduate",
    "campus_land",
    "building_area",
    "teaching_admin_area",
    "equipment_value",
    "library_books",
)


def default_kind(name: str) -> str:
    """The standard a school is held to until the 督导室 sets it: read from its name."""
    if "技工" in name or "技师学院" in name:
        return TECHNICAL
    if "职业技术学院" in name or "职业学院" in name or "高等专科" in name:
        return HIGHER_ENGINEERING if any(word in name for word in ("工", "农", "林", "技术")) else HIGHER_GENERAL
    return SECONDARY


def kinds_of(schools: Iterable[Organization]) -> dict[int, str]:
    schools = list(schools)
    stored = dict(SchoolCategory.objects.filter(school__in=[s.pk for s in schools]).values_list("school_id", "kind"))
    return {school.pk: stored.get(school.pk) or default_kind(school.name) for school in schools}


def facts(school: Organization, kind: str, values: dict[str, float]) -> SchoolFacts:
    higher = kind in HIGHER_KINDS
    equipment = values.get("equipment_value")
    return SchoolFacts(
        name=school.name,
        kind=kind,
        students=values.get("enrolment_higher" if higher else "enrolment_vocational"),
        teachers=values.get("teachers_full_time"),
        land=values.get("campus_land"),
        building=values.get("teaching_admin_area" if higher else "building_area"),
        equipment=None if equipment is None else equipment * 10000,  # 万元 → 元
        books=values.get("library_books"),
        postgraduate_teachers=values.get("teachers_postgraduate"),
    )


def _values(school_ids: Iterable[int], years: Iterable[int]) -> dict[tuple[int, int], dict[str, float]]:
    out: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)
    rows = DataValue.objects.filter(
        organization_id__in=list(school_ids), year__in=list(years), element__code__in=INPUTS
    ).values_list("organization_id", "year", "element__code", "value")
    for school, year, code, value in rows:
        out[(school, year)][code] = value
    return out


def _yellow_years(school_ids: Iterable[int], years: Iterable[int]) -> dict[tuple[int, int], int]:
    """For each (school, year): how many consecutive years right before it carried a 黄牌."""
    years = list(years)
    school_ids = list(school_ids)
    cards = {
        (school, year): card
        for school, year, card in ConditionsResult.objects.filter(
            school_id__in=school_ids, year__gte=min(years) - 3, year__lt=max(years)
        ).values_list("school_id", "year", "card")
    }
    out = {}
    for school in school_ids:
        for year in years:
            n = 0
            while cards.get((school, year - n - 1)) == "黄牌":
                n += 1
            out[(school, year)] = n
    return out


def check_rows(assessment: Assessment) -> list[dict[str, Any]]:
    return [
        {
            "key": check.key,
            "label": check.label,
            "value": check.value,
            "threshold": check.threshold,
            "unit": check.unit,
            "at_most": check.at_most,
            "met": check.met,
            "shortfall": check.shortfall,
            "explanation": asdict(check.explanation),
        }
        for check in assessment.checks
    ]


@transaction.atomic
def refresh(
    school_ids: Iterable[int], years: Iterable[int], *, by: Any = None, params: ParameterTable | None = None
) -> list[ConditionsResult]:
    """Assess the schools for the years they reported any figure in; store the results and their figures."""
    schools = list(Organization.objects.filter(pk__in=set(school_ids), type=Organization.Type.SCHOOL))
    years = sorted(set(years))
    if not schools or not years:
        return []
    params = params or parameters.table()
    kinds = kinds_of(schools)
    values = _values([s.pk for s in schools], years)
    yellow = _yellow_years([s.pk for s in schools], years)
    existing = {
        (r.school_id, r.year): r
        for r in ConditionsResult.objects.filter(school__in=schools, year__in=years).select_for_update()
    }
    created, updated, figures = [], [], {}
    now = timezone.now()
    for year in years:
        for school in schools:
            key = (school.pk, year)
            if key not in values and key not in existing:
                continue  # nothing reported that year
            assessment = assess(facts(school, kinds[school.pk], values.get(key, {})), params, year, yellow[key])
            row = existing.get(key) or ConditionsResult(school=school, year=year)
            row.kind = assessment.kind
            row.compliant = assessment.compliant
            row.failed = len(assessment.failed)
            row.missing = sum(1 for check in assessment.checks if check.met is None)
            row.card = assessment.card
            row.checks = check_rows(assessment)
            row.parameter_version = assessment.parameter_version
            row.computed_at = now  # auto_now does not run in bulk_update
            (updated if row.pk else created).append(row)
            # The indicator is the 中职 达标工程's (中职 and 技工学校); a 高职 counts nothing in it.
            secondary = assessment.kind not in HIGHER_KINDS
            figures[key] = {
                "conditions_assessed": int(secondary),
                "conditions_compliant": int(secondary and bool(assessment.compliant)),
            }
    ConditionsResult.objects.bulk_create(created)
    ConditionsResult.objects.bulk_update(
        updated, ["kind", "compliant", "failed", "missing", "card", "checks", "parameter_version", "computed_at"]
    )
    save_figures(figures, by=by, where="办学条件达标")
    return created + updated


def refresh_region_year(region_path: str, year: int, *, by: Any = None) -> list[ConditionsResult]:
    """Reassess every school of the region for the year with the parameters now in force."""
    ids = Organization.objects.filter(type=Organization.Type.SCHOOL, region__path__startswith=region_path).values_list(
        "pk", flat=True
    )
    return refresh(ids, [year], by=by)


@transaction.atomic
def set_kind(
    school: Organization, kind: str, *, by: Any, tuition_fee: Any = None, version: Any = None
) -> SchoolCategory:
    """The standard the school is held to; its stored results are reassessed against it."""
    category, created = SchoolCategory.objects.select_for_update().get_or_create(school=school, defaults={"kind": kind})
    if not created:
        check_version(category, version)
    category.kind = kind
    category.tuition_fee = tuition_fee
    category.save()
    years = ConditionsResult.objects.filter(school=school).values_list("year", flat=True)
    refresh([school.pk], list(years), by=by)
    return category
