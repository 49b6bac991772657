"""Which units a user may see figures of and report data for (one helper per model)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from vetplan.core.access import scope_of
from vetplan.indicators.models import Dataset
from vetplan.orgs.access import visible_organizations
from vetplan.orgs.models import Organization

DATASET_OF_TYPE = {Organization.Type.SCHOOL: Dataset.SCHOOL, Organization.Type.ENTERPRISE: Dataset.ENTERPRISE}


def dataset_of(org: Organization) -> str:
    return DATASET_OF_TYPE.get(org.type, Dataset.DEPARTMENT)


def reportable_organizations(user: Any) -> QuerySet[Organization]:
    """Reporters report for their own unit only; supervisors for any unit in their region."""
    scope = scope_of(user)
    orgs = Organization.objects.select_related("region")
    if scope.sees_everything:
        return orgs
    if scope.supervises:
        return orgs.filter(scope.region_q())
    if scope.organization_id and not scope.is_anonymous:
        return orgs.filter(pk=scope.organization_id)
    return orgs.none()


def get_org_for_data(user: Any, pk: int, write: bool = False) -> Organization:
    org = visible_organizations(user).filter(pk=pk).first()
    if org is None:
        raise Http404("没有找到该单位。")
    if write and not reportable_organizations(user).filter(pk=pk).exists():
        raise PermissionDenied("只能填报本单位的数据（督导室可填报本区域各单位）。")
    return org
