"""教师队伍: 双师型 on both denominators, 兼职教师 against ≈20% and the cap, and the practice gaps."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from vetplan.mechanisms import documents
from vetplan.mechanisms import teachers as service
from vetplan.mechanisms.views.common import page_year, user_region, visible_units
from vetplan.orgs.models import Organization
from vetplan.plans.models import Target
from vetplan.reports.views import download

DUAL_INDICATORS = {"dual_qualified_share": "专业课教师", "dual_qualified_share_full_time": "专任教师"}


def _page(request: HttpRequest) -> dict[str, object]:
    region = user_region(request)
    year, years = page_year(request, region, service.CODES)
    schools = list(visible_units(request, Organization.Type.SCHOOL, region))
    rows, county = service.school_figures(schools, year)
    today = timezone.localdate()
    as_of = today if year >= today.year else dt.date(year, 12, 31)
    targets = [
        (target, DUAL_INDICATORS[target.indicator.code])
        for target in Target.objects.filter(
            plan__region__path__in=_regions_above(region.path), indicator__code__in=list(DUAL_INDICATORS)
        ).select_related("indicator", "plan")
    ]
    return {
        "region": region, "year": year, "years": years, "rows": rows, "county": county,
        "gaps": service.gaps(schools, as_of), "as_of": as_of, "targets": targets,
    }  # fmt: skip


def _regions_above(path: str) -> list[str]:
    return [path[: i + 1] for i, ch in enumerate(path) if ch == "/"]


def teachers(request: HttpRequest) -> HttpResponse:
    return render(request, "mechanisms/teachers.html", _page(request))


def teachers_export(request: HttpRequest) -> HttpResponse:
    return download(documents.teachers_document(_page(request)), "xlsx")
