"""办学条件达标: each school's indicators against its standard, the shortfalls, and the county's share."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.versioning import save_edit
from vetplan.mechanisms import conditions as service
from vetplan.mechanisms import documents
from vetplan.mechanisms.forms import SchoolKindForm
from vetplan.mechanisms.models import ConditionsResult, SchoolCategory
from vetplan.mechanisms.views.common import page_year, user_region, visible_units
from vetplan.orgs.models import Organization
from vetplan.policy.conditions import KIND_LABELS
from vetplan.reports.views import download


def _page(request: HttpRequest) -> dict[str, object]:
    region = user_region(request)
    year, years = page_year(request, region, service.INPUTS)
    schools = list(visible_units(request, Organization.Type.SCHOOL, region))
    results = {r.school_id: r for r in ConditionsResult.objects.filter(school__in=schools, year=year)}
    kinds = service.kinds_of(schools)
    rows = [(school, KIND_LABELS[kinds[school.pk]], results.get(school.pk)) for school in schools]
    secondary = [r for s, _, r in rows if not kinds[s.pk].startswith("higher")]
    compliant = sum(1 for r in secondary if r is not None and r.compliant)
    share = {
        "schools": len(secondary),
        "reported": sum(1 for r in secondary if r is not None),
        "compliant": compliant,
        "incomplete": sum(1 for r in secondary if r is not None and r.compliant is None),
        "value": None if not secondary else 100 * compliant / len(secondary),
    }
    return {"region": region, "year": year, "years": years, "rows": rows, "share": share}


def conditions(request: HttpRequest) -> HttpResponse:
    context = _page(request)
    context["supervises"] = scope_of(request.user).supervises
    return render(request, "mechanisms/conditions.html", context)


def conditions_export(request: HttpRequest) -> HttpResponse:
    context = _page(request)
    return download(documents.conditions_document(context), "xlsx")


def set_kind(request: HttpRequest, org_pk: int) -> HttpResponse:
    region = user_region(request)
    school = get_object_or_404(
        Organization, pk=org_pk, type=Organization.Type.SCHOOL, region__path__startswith=region.path
    )
    category = SchoolCategory.objects.filter(school=school).first() or SchoolCategory(
        school=school, kind=service.default_kind(school.name)
    )
    form = SchoolKindForm(request.POST if request.method == "POST" else None, instance=category)
    if request.method == "POST" and form.is_valid():

        def save(version: object, kind: str, tuition_fee: object) -> None:
            service.set_kind(school, kind, by=request.user, tuition_fee=tuition_fee, version=version)

        if save_edit(form, save):
            messages.success(request, f"已设定{school.display_name}的办学条件标准，并按新标准重新判定。")
            return redirect("mechanisms:conditions")
    return render(request, "mechanisms/conditions_kind.html", {"school": school, "form": form})


@require_POST
def recompute(request: HttpRequest) -> HttpResponse:
    region = user_region(request)
    if not scope_of(request.user).supervises:
        raise PermissionDenied
    year, _ = page_year(request, region)
    asked = request.POST.get("year", "")
    if asked.isascii() and asked.isdigit():
        year = int(asked)
    results = service.refresh_region_year(region.path, year, by=request.user)
    messages.success(request, f"已按现行参数重新判定 {year} 年 {len(results)} 所学校的办学条件。")
    return redirect(f"{reverse('mechanisms:conditions')}?year={year}")
