"""The home page (the public dashboard for anonymous visitors) and the error pages."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.plans.access import visible_plans, visible_tasks
from vetplan.plans.models import Plan, Task
from vetplan.plans.queries import deadline_summary, due_filters

# Apps add panels to the home page: dotted paths of functions
# `panel(request, today) -> {"template": ..., **context} | None` (None: nothing to show this user).
HOME_PANELS: list[str] = [
    "vetplan.supervision.panels.home_panel",
    "vetplan.indicators.panels.home_panel",
]


def home_panels(request: HttpRequest, today: Any) -> list[dict[str, Any]]:
    panels = []
    for dotted in HOME_PANELS:
        module_name, _, func = dotted.rpartition(".")
        panel = getattr(import_module(module_name), func)(request, today)
        if panel is not None:
            panels.append(panel)
    return panels


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    scope = scope_of(request.user)
    if scope.is_anonymous:
        # The public sees aggregate figures only, over every plan.
        tasks, plans = Task.objects.active(), Plan.objects.active()
        overdue_tasks = soon_tasks = Task.objects.none()
    else:
        tasks, plans = visible_tasks(request.user), visible_plans(request.user)
        overdue, due_soon = due_filters(today)
        listed = tasks.select_related("plan").prefetch_related("lead_units", "responsible_units")
        overdue_tasks = listed.filter(overdue).order_by("deadline")[:10]
        soon_tasks = listed.filter(due_soon).order_by("deadline", "pk")[:10]
    return render(
        request,
        "core/home.html",
        {
            "today": today,
            "summary": deadline_summary(tasks, today),
            "plan_count": plans.count(),
            "overdue_tasks": overdue_tasks,
            "soon_tasks": soon_tasks,
            "panels": home_panels(request, today),
        },
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if exception and str(exception) else "您没有执行此操作的权限。"
    return render(request, "403.html", {"reason": reason}, status=403)
