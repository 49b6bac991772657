"""实习岗位: each 规上 enterprise's required posts against offered and filled; those below for the 督导室."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from vetplan.mechanisms import documents
from vetplan.mechanisms import internships as service
from vetplan.mechanisms.views.common import page_year, user_region, visible_units
from vetplan.orgs.models import Organization
from vetplan.registries.models import EnterpriseYear
from vetplan.reports.views import download


def _page(request: HttpRequest) -> dict[str, object]:
    region = user_region(request)
    year, years = page_year(request, region, ["employees_large_enterprise", "internship_posts"])
    units = visible_units(request, Organization.Type.ENTERPRISE, region)
    rows = service.quotas(
        EnterpriseYear.objects.filter(enterprise__organization__in=units, year=year)
        .select_related("enterprise")
        .order_by("enterprise__name")
    )
    due = [row for row in rows if row.quota is not None]
    below = [row for row in due if row.quota.below]
    return {
        "region": region, "year": year, "years": years, "rows": rows, "due": len(due), "below": below,
        "share": None if not due else 100 * (len(due) - len(below)) / len(due),
    }  # fmt: skip


def internships(request: HttpRequest) -> HttpResponse:
    return render(request, "mechanisms/internships.html", _page(request))


def internships_export(request: HttpRequest) -> HttpResponse:
    return download(documents.internships_document(_page(request)), "xlsx")
