"""Organisation pages: the directory, one unit's tasks, and editing a unit's names."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.params import query_int
from vetplan.orgs import pickers, services
from vetplan.orgs.access import can_edit_organization, get_organization_for_user, visible_organizations
from vetplan.orgs.forms import OrganizationForm
from vetplan.orgs.models import Organization
from vetplan.plans.access import visible_tasks
from vetplan.plans.queries import deadline_summary, with_overdue_flag


def org_list(request: HttpRequest) -> HttpResponse:
    orgs = (
        visible_organizations(request.user)
        .annotate(led=Count("led_tasks", distinct=True), shared=Count("shared_tasks", distinct=True))
        .order_by("region__path", "type", "name")
    )
    kind, q = request.GET.get("type", ""), request.GET.get("q", "").strip()
    if kind in Organization.Type.values:
        orgs = orgs.filter(type=kind)
    if q:
        orgs = orgs.filter(Q(name__icontains=q) | Q(short_name__icontains=q))
    return render(
        request,
        "orgs/org_list.html",
        {
            "page": paginate(request, orgs),
            "types": Organization.Type.choices,
            "filters": {"type": kind, "q": q},
            "querystring": querystring_without_page(request),
        },
    )


def org_detail(request: HttpRequest, org_pk: int) -> HttpResponse:
    org = get_organization_for_user(request.user, org_pk)
    today = timezone.localdate()
    units = Prefetch("lead_units", queryset=Organization.objects.only("pk", "name", "short_name"))
    shared = Prefetch("responsible_units", queryset=Organization.objects.only("pk", "name", "short_name"))
    tasks = (
        visible_tasks(request.user)
        .filter(Q(lead_units=org) | Q(responsible_units=org))
        .distinct()
        .select_related("plan")
        .prefetch_related(units, shared)
        .order_by("plan", "pk")
    )
    return render(
        request,
        "orgs/org_detail.html",
        {
            "org": org,
            "tasks": with_overdue_flag(tasks, today),
            "led_ids": set(org.led_tasks.values_list("pk", flat=True)),
            "summary": deadline_summary(tasks, today),
            "today": today,
            "can_edit": can_edit_organization(request.user, org),
        },
    )


def org_edit(request: HttpRequest, org_pk: int) -> HttpResponse:
    org = get_organization_for_user(request.user, org_pk, write=True)
    form = OrganizationForm(request.POST or None, instance=org)
    if request.method == "POST" and form.is_valid():
        services.update_organization(org, by=request.user, **form.service_kwargs())
        messages.success(request, "单位信息已保存。")
        return redirect("orgs:org_detail", org_pk=org.pk)
    return render(request, "plans/form.html", {"form": form, "heading": f"修改单位：{org.name}"})


def unit_search(request: HttpRequest) -> HttpResponse:
    """A unit picker's results (htmx): a few units of the user's scope matching what was typed."""
    name = request.GET.get("name", "")
    if not pickers.NAME_PATTERN.fullmatch(name):
        name = "unit"
    types = [t for t in request.GET.get("types", "").split(",") if t in Organization.Type.values] or None
    result = pickers.search_units(
        request.user,
        request.GET.get("picker_q", ""),
        region_pk=query_int(request, "region"),
        types=types,
        groups=request.GET.get("groups") == "1",
    )
    return render(request, "orgs/unit_search_results.html", {"result": result, "name": name})
