"""Who may use which view, and what part of the data a user sees.

Each app declares `RULES` in its `rules.py`: URL name → the roles allowed. The middleware
below enforces the tables on every request; a view that has no rule is refused with an
error (and fails the permission-matrix test), so no page is reachable by accident.
Object-level checks (is this task in the user's region or organisation?) are done by
each app's access helpers (`get_task_for_user`) through the `Scope` below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import Any, TypeVar

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest, HttpResponse

from vetplan.orgs.roles import ANONYMOUS, Role

M = TypeVar("M", bound=Model)

EXEMPT_NAMESPACES = {"admin", "api"}  # Django admin checks staff status itself; the API checks its token user


@dataclass(frozen=True)
class Scope:
    """The part of the data a user sees: a role, an organisation and its region."""

    role: str
    organization_id: int | None = None
    organization_path: str = ""
    region_id: int | None = None
    region_path: str = ""

    @property
    def is_anonymous(self) -> bool:
        return self.role == ANONYMOUS

    @property
    def sees_everything(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def sees_region(self) -> bool:
        """Supervisors and department reporters see everything in their region (ARCHITECTURE.md)."""
        return self.role in (Role.ADMIN, Role.SUPERVISOR, Role.DEPARTMENT)

    @property
    def supervises(self) -> bool:
        return self.role in (Role.ADMIN, Role.SUPERVISOR)

    def region_q(self, field: str = "region") -> Q:
        """Rows whose region (by `field`, a Region relation) lies in the user's region subtree."""
        if self.sees_everything:
            return Q()
        if not self.region_path:
            return Q(pk__in=[])
        return Q(**{f"{field}__path__startswith": self.region_path})

    def in_region(self, region_path: str) -> bool:
        return self.sees_everything or (bool(self.region_path) and region_path.startswith(self.region_path))

    def owns(self, org_path: str) -> bool:
        """True when the organisation (by its path) is the user's own or below it."""
        return bool(self.organization_path) and org_path.startswith(self.organization_path)


def scope_of(user: Any) -> Scope:
    """The user's scope, read once per request and cached on the user object."""
    cached = getattr(user, "_vetplan_scope", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    scope = _load_scope(user)
    if user is not None and getattr(user, "is_authenticated", False):
        user._vetplan_scope = scope
    return scope


def _load_scope(user: Any) -> Scope:
    if user is None or not user.is_authenticated:
        return Scope(ANONYMOUS)
    from vetplan.orgs.models import Membership

    membership = Membership.objects.select_related("organization__region").filter(user_id=user.pk).first()
    if membership is None:
        return Scope(Role.ADMIN) if user.is_superuser else Scope(ANONYMOUS)
    org = membership.organization
    role = Role.ADMIN if user.is_superuser else membership.role
    return Scope(role, org.pk, org.path, org.region_id, org.region.path)


def published_or_supervised(objects: QuerySet[M], user: Any, published: Q, region_field: str = "region") -> QuerySet[M]:
    """Documents with a draft stage (通报, 年度质量报告): the published ones for everyone, anonymous
    included; drafts only for the supervisors of their region (and those who see everything)."""
    scope = scope_of(user)
    if scope.sees_everything:
        return objects
    if scope.supervises:
        return objects.filter(published | scope.region_q(region_field))
    return objects.filter(published)


def role_of(user: Any) -> str:
    return scope_of(user).role


@cache
def role_rules() -> dict[str, frozenset[str]]:
    """Every app's RULES table merged: {"plans:task_edit": {"admin", "supervisor"}, ...}."""
    merged: dict[str, frozenset[str]] = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("vetplan."):
            continue
        try:
            module = import_module(f"{config.name}.rules")
        except ModuleNotFoundError:
            continue
        for name, roles in module.RULES.items():
            if name in merged:
                raise ImproperlyConfigured(f"role rule {name!r} is declared twice")
            merged[name] = frozenset(roles)
    return merged


class RoleRuleMiddleware:
    """Refuses a request whose role is not in the view's rule; refuses views without a rule."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is None or EXEMPT_NAMESPACES.intersection(match.namespaces):
            return None
        if match.view_name.startswith(("static", "media")):
            return None
        allowed = role_rules().get(match.view_name)
        if allowed is None:
            raise ImproperlyConfigured(f"view {match.view_name!r} has no role rule; add it to its app's rules.py")
        role = role_of(request.user)
        if role in allowed:
            return None
        if role == ANONYMOUS and request.method in ("GET", "HEAD"):
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("您的角色无权执行此操作。")
