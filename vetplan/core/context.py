"""Template context shared by every page: the navigation and the user's role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from vetplan.core.access import scope_of
from vetplan.orgs.roles import Role

# (label, url name, section key). A module whose page is not built yet shows greyed out.
NAVIGATION = [
    ("首页", "home", "home"),
    ("规划", "plans:plan_list", "plans"),
    ("目标", "plans:target_list", "targets"),
    ("任务", "plans:task_list", "tasks"),
    ("数据", "indicators:dashboard", "data"),
    ("名册", "registries:index", "registries"),
    ("政策", "mechanisms:index", "mechanisms"),
    ("督导", "supervision:overview", "supervision"),
    ("报告", "reports:report_list", "reports"),
]


def _nav_items() -> list[tuple[str, str | None, str]]:
    items = []
    for label, url_name, key in NAVIGATION:
        try:
            items.append((label, reverse(url_name), key))
        except NoReverseMatch:
            items.append((label, None, key))
    return items


def navigation(request: HttpRequest) -> dict[str, Any]:
    scope = scope_of(getattr(request, "user", None))
    match = getattr(request, "resolver_match", None)
    return {
        "nav_items": _nav_items(),
        "nav_section": _section(match.view_name if match else ""),
        "user_scope": scope,
        "user_role_label": Role(scope.role).label if scope.role in Role.values else "访客",
    }


def _section(view_name: str) -> str:
    for prefix, key in (
        ("indicators:", "data"),
        ("registries:", "registries"),
        ("mechanisms:", "mechanisms"),
        ("supervision:", "supervision"),
        ("reports:", "reports"),
    ):
        if view_name.startswith(prefix):
            return key
    if view_name.startswith("plans:target"):
        return "targets"
    if view_name.startswith("plans:task"):
        return "tasks"
    if view_name.startswith("plans:"):
        return "plans"
    if view_name.startswith("orgs:"):
        return "orgs"
    return "home"
