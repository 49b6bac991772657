"""经费: the surcharge share used for VET, 生均拨款 per school, and county fund distributions."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from vetplan.core.access import scope_of
from vetplan.core.versioning import save_edit
from vetplan.mechanisms import documents
from vetplan.mechanisms import funding as service
from vetplan.mechanisms.forms import DistributionForm
from vetplan.mechanisms.models import FundDistribution
from vetplan.mechanisms.views.common import page_year, user_region, visible_units
from vetplan.orgs.models import Organization
from vetplan.reports.views import download


def funding(request: HttpRequest) -> HttpResponse:
    region = user_region(request)
    year, years = page_year(
        request, region, ["surcharge_collected", "local_surcharge_collected", "school_appropriation"]
    )
    schools = list(visible_units(request, Organization.Type.SCHOOL, region))
    return render(
        request,
        "mechanisms/funding.html",
        {
            "region": region, "year": year, "years": years,
            "surcharge_rows": _surcharge_rows(service.surcharge_shares(region, year)),
            "schools": service.school_funding(schools, year),
            "distributions": FundDistribution.objects.filter(region=region).order_by("-year", "title"),
            "supervises": scope_of(request.user).supervises,
        },
    )  # fmt: skip


def _surcharge_rows(shares: service.SurchargeShares) -> list[tuple[str, object, bool]]:
    return [("地方教育附加", shares.local, shares.base_local), ("教育费附加", shares.general, not shares.base_local)]


def _distribution(request: HttpRequest, pk: int) -> FundDistribution:
    region = user_region(request)
    distribution = FundDistribution.objects.filter(pk=pk, region__path__startswith=region.path).first()
    if distribution is None:
        raise Http404("没有找到该资金分配。")
    return distribution


def distribution(request: HttpRequest, pk: int) -> HttpResponse:
    item = _distribution(request, pk)
    scope = scope_of(request.user)
    allocations = item.allocations.select_related("school")
    if not scope.sees_region:  # a school sees its own line and the total
        allocations = allocations.filter(school__path__startswith=scope.organization_path or "-")
    return render(
        request,
        "mechanisms/distribution.html",
        {"item": item, "allocations": allocations, "supervises": scope.supervises},
    )


def distribution_export(request: HttpRequest, pk: int) -> HttpResponse:
    item = _distribution(request, pk)
    if not scope_of(request.user).sees_region:
        raise Http404("只有本区域的部门可以导出分配表。")
    return download(documents.distribution_document(item), "xlsx")


def distribution_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    region = user_region(request)
    item = _distribution(request, pk) if pk else FundDistribution(region=region)
    year_asked = request.POST.get("year") or request.GET.get("year") or ""
    year = int(year_asked) if year_asked.isascii() and year_asked.isdigit() and len(year_asked) == 4 else item.year
    year = year or page_year(request, region)[0]
    categories = sorted(set(service.categories_in(region, year)) | set(item.category_weights or {}))
    schools = service.region_schools(region)
    form = DistributionForm(
        request.POST if request.method == "POST" else None,
        instance=item,
        categories=categories,
        schools=schools,
        initial={"year": year},
    )
    if request.method == "POST" and form.is_valid():

        def save(version: object, **fields: object) -> None:
            service.save_distribution(
                form.save(commit=False),
                by=request.user,
                category_weights=form.weights(),
                quality_scores=form.quality(),
                version=version,
            )

        if save_edit(form, save):
            messages.success(request, "已保存并按公式计算各校分配额。")
            return redirect("mechanisms:distribution", pk=form.instance.pk)
    return render(request, "mechanisms/distribution_edit.html", {"form": form, "item": item, "region": region})
