"""What a user may see and change among organisations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from vetplan.core.access import scope_of
from vetplan.orgs.models import Organization


def visible_organizations(user: Any) -> QuerySet[Organization]:
    scope = scope_of(user)
    orgs = Organization.objects.select_related("region", "parent")
    if scope.sees_everything:
        return orgs
    if scope.sees_region:
        return orgs.filter(scope.region_q())
    if scope.organization_path:
        return orgs.filter(path__startswith=scope.organization_path)
    return orgs.none()


def can_edit_organization(user: Any, org: Organization) -> bool:
    scope = scope_of(user)
    return scope.supervises and scope.in_region(org.region.path)


def get_organization_for_user(user: Any, pk: int, write: bool = False) -> Organization:
    org = visible_organizations(user).filter(pk=pk).first()
    if org is None:
        raise Http404("没有找到该单位。")
    if write and not can_edit_organization(user, org):
        raise PermissionDenied("只有本区域的督导室可以修改单位信息。")
    return org
