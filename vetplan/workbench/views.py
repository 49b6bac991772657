"""The home page (我的待办 first; the public dashboard for anonymous visitors), the header's counts,
and the notification list. Each view: validate, check permission, call one service, respond."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.plans.access import visible_plans, visible_tasks
from vetplan.plans.models import Plan, Task
from vetplan.plans.queries import deadline_summary, due_filters
from vetplan.workbench.access import get_notification_for_user, unread_count, visible_notifications
from vetplan.workbench.models import Notification
from vetplan.workbench.services import mark_all_read, mark_read
from vetplan.workbench.todos import todos_for

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
    todos = None
    badges = None
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
        todos = todos_for(request.user, today)
        badges = {"todo": todos.total, "unread": unread_count(request.user)}
    return render(
        request,
        "workbench/home.html",
        {
            "today": today,
            "todos": todos,
            "header_badges": badges,
            "summary": deadline_summary(tasks, today),
            "plan_count": plans.count(),
            "overdue_tasks": overdue_tasks,
            "soon_tasks": soon_tasks,
            "panels": home_panels(request, today),
        },
    )


def badges(request: HttpRequest) -> HttpResponse:
    """The header's 待办 and unread-notification counts (every page fetches them after loading)."""
    counts = {"todo": todos_for(request.user, timezone.localdate()).total, "unread": unread_count(request.user)}
    return render(request, "workbench/_badges.html", {"header_badges": counts})


def notification_list(request: HttpRequest) -> HttpResponse:
    notifications = visible_notifications(request.user)
    unread_only = request.GET.get("unread") == "1"
    kind = request.GET.get("kind", "")
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    if kind in Notification.Kind.values:
        notifications = notifications.filter(kind=kind)
    return render(
        request,
        "workbench/notification_list.html",
        {
            "page": paginate(request, notifications.select_related("organization")),
            "kinds": Notification.Kind.choices,
            "filters": {"unread": unread_only, "kind": kind},
            "querystring": querystring_without_page(request),
            "unread": unread_count(request.user),
        },
    )


@require_POST
def notification_read(request: HttpRequest, notification_pk: int) -> HttpResponse:
    """Mark one notice read; `open`: then go to what it is about."""
    notification = get_notification_for_user(request.user, notification_pk)
    mark_read(notification, by=request.user)
    link = notification.link
    if request.POST.get("open") and link and url_has_allowed_host_and_scheme(link, allowed_hosts=None):
        return redirect(link)
    return redirect(_back_to_list(request))


@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    marked = mark_all_read(by=request.user)
    messages.success(request, f"已将 {marked} 条通知标为已读。" if marked else "没有未读通知。")
    return redirect(_back_to_list(request))


def _back_to_list(request: HttpRequest) -> str:
    back = request.POST.get("next", "")
    list_url = reverse("workbench:notification_list")
    return back if back.startswith(list_url) and url_has_allowed_host_and_scheme(back, allowed_hosts=None) else list_url
