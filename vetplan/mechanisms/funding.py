"""Funding: the surcharge share used for VET, 生均拨款 per school against its floor, and a county fund's distribution.

The surcharge figures are the region's reported totals (教育费附加 and 地方教育附加
collected and used for VET); which of the two the 30% rule is taken of is a parameter
(`surcharge.base_local`, DOMAIN_RULES §4). A school's 生均拨款 is its 年度财政拨款 over its
students. A distribution weights each school by its students per 专业大类 (the category
weights and quality scores are stored with the distribution, per year) and explains each
amount term by term.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Sum
from django.utils import timezone

from vetplan.core.versioning import check_version
from vetplan.indicators.models import DataValue
from vetplan.indicators.values import element_totals
from vetplan.mechanisms import parameters
from vetplan.mechanisms.conditions import kinds_of
from vetplan.mechanisms.models import FundAllocation, FundDistribution
from vetplan.orgs.models import Organization, Region
from vetplan.policy.conditions import HIGHER_KINDS
from vetplan.policy.funding import Figure, SchoolShare, distribute, per_student_funding, surcharge_share
from vetplan.policy.params import ParameterTable
from vetplan.registries.models import MajorEnrolment, Student

UNCLASSIFIED = "未分专业"


def _region_totals(region: Region, year: int, codes: Iterable[str]) -> dict[str, float]:
    return element_totals(codes, year=year, region=region)


@dataclass(frozen=True)
class SurchargeShares:
    year: int
    local: Figure | None  # 地方教育附加
    general: Figure | None  # 教育费附加
    base_local: bool  # the rule's base is 地方教育附加


def surcharge_shares(region: Region, year: int, params: ParameterTable | None = None) -> SurchargeShares:
    params = params or parameters.table()
    totals = _region_totals(
        region, year, ["local_surcharge_collected", "local_surcharge_to_vet", "surcharge_collected", "surcharge_to_vet"]
    )
    local = general = None
    if "local_surcharge_collected" in totals:
        local = surcharge_share(
            totals.get("local_surcharge_to_vet", 0) * 10000,
            totals["local_surcharge_collected"] * 10000,
            "地方教育附加",
            params,
            year,
        )
    if "surcharge_collected" in totals:
        general = surcharge_share(
            totals.get("surcharge_to_vet", 0) * 10000, totals["surcharge_collected"] * 10000, "教育费附加", params, year
        )
    return SurchargeShares(year, local, general, bool(params.value("surcharge.base_local", year)))


@dataclass(frozen=True)
class SchoolFunding:
    school: Organization
    kind: str
    appropriation: float | None  # 元
    students: int | None
    figure: Figure | None


def school_funding(schools: list[Organization], year: int, params: ParameterTable | None = None) -> list[SchoolFunding]:
    """Each school's 生均财政拨款 against the floor for its level (高职 12,000 元; 中职 the province's)."""
    params = params or parameters.table()
    kinds = kinds_of(schools)
    values: dict[int, dict[str, float]] = defaultdict(dict)
    for school, code, value in DataValue.objects.filter(
        organization__in=schools,
        year=year,
        element__code__in=["school_appropriation", "enrolment_vocational", "enrolment_higher"],
    ).values_list("organization_id", "element__code", "value"):
        values[school][code] = value
    out = []
    for school in schools:
        kind = kinds[school.pk]
        higher = kind in HIGHER_KINDS
        own = values.get(school.pk, {})
        appropriation = own.get("school_appropriation")
        students = own.get("enrolment_higher" if higher else "enrolment_vocational")
        figure = None
        if appropriation is not None and students:
            level = "higher" if higher else "secondary"
            figure = per_student_funding(appropriation * 10000, int(students), params, year, level)
        out.append(
            SchoolFunding(
                school, kind, None if appropriation is None else appropriation * 10000,
                None if students is None else int(students), figure,
            )
        )  # fmt: skip
    return out


def enrolment_by_category(schools: list[Organization], year: int) -> dict[int, dict[str, int]]:
    """Students per 专业大类 per school: the year's 专业在校生 rows, else the student records, else 在校生数."""
    out: dict[int, dict[str, int]] = defaultdict(dict)
    ids = [s.pk for s in schools]
    for school, category, n in (
        MajorEnrolment.objects.filter(school_major__school_id__in=ids, year=year)
        .values_list("school_major__school_id", "school_major__major__category")
        .annotate(n=Sum("enrolled"))
        .order_by()
    ):
        out[school][category] = n
    missing = [i for i in ids if i not in out]
    for school, category, n in (
        Student.objects.filter(school_id__in=missing, status=Student.Status.ENROLLED)
        .values_list("school_id", "school_major__major__category")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        out[school][category or UNCLASSIFIED] = n
    missing = [i for i in ids if i not in out]
    for school, value in DataValue.objects.filter(
        organization_id__in=missing, year=year, element__code="enrolment_vocational"
    ).values_list("organization_id", "value"):
        out[school][UNCLASSIFIED] = int(value)
    return out


def region_schools(region: Region) -> list[Organization]:
    return list(
        Organization.objects.filter(type=Organization.Type.SCHOOL, region__path__startswith=region.path).order_by(
            "name"
        )
    )


@transaction.atomic
def compute(distribution: FundDistribution) -> list[FundAllocation]:
    """Share the fund over the region's schools; store each school's amount with its explanation."""
    schools = region_schools(distribution.region)
    enrolment = enrolment_by_category(schools, distribution.year)
    weights = {k: float(v) for k, v in (distribution.category_weights or {}).items()}
    quality = {str(k): float(v) for k, v in (distribution.quality_scores or {}).items()}
    shares = [
        SchoolShare(str(school.pk), enrolment.get(school.pk, {}), quality.get(str(school.pk), 1.0))
        for school in schools
    ]
    allocations = distribute(
        float(distribution.fund), shares, weights, distribution.basis or "县级职业教育资金分配办法"
    )
    by_pk = {str(school.pk): school for school in schools}
    distribution.allocations.all().delete()
    rows = [
        FundAllocation(
            distribution=distribution,
            school=by_pk[allocation.school],
            students=sum(enrolment.get(int(allocation.school), {}).values()),
            weight=allocation.weight,
            amount=Decimal(str(allocation.amount)),
            explanation=asdict(allocation.explanation),
        )
        for allocation in allocations
    ]
    FundAllocation.objects.bulk_create(rows)
    distribution.computed_at = timezone.now()
    distribution.save(update_fields=["computed_at"])
    return rows


def categories_in(region: Region, year: int) -> list[str]:
    schools = region_schools(region)
    found = {category for counts in enrolment_by_category(schools, year).values() for category in counts}
    return sorted(found)


@transaction.atomic
def save_distribution(
    distribution: FundDistribution,
    *,
    by: Any,
    category_weights: dict[str, float],
    quality_scores: dict[str, float],
    version: Any = None,
) -> FundDistribution:
    """Save the fund and its parameters (a stale form is refused) and recompute every school's amount."""
    if distribution.pk is not None:
        check_version(distribution, version)
    distribution.category_weights = category_weights
    distribution.quality_scores = quality_scores
    if distribution.pk is None:
        distribution.created_by = by
    distribution.save()
    compute(distribution)
    return distribution
