"""What every mechanism page needs: the user's region, the units they see, the year asked for."""

from __future__ import annotations

from typing import Any

from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.indicators.models import DataValue
from vetplan.indicators.validation import allowed_years
from vetplan.orgs.models import Organization, Region


def user_region(request: HttpRequest) -> Region:
    """The region the user works in (an administrator without a unit: the first county)."""
    scope = scope_of(request.user)
    if scope.region_id is not None:
        return Region.objects.get(pk=scope.region_id)
    region = Region.objects.filter(level=Region.Level.COUNTY).order_by("path").first()
    if region is None or not scope.sees_everything:
        raise Http404("您的账号尚未设置所属单位，请联系系统管理员。")
    return region


def visible_units(request: HttpRequest, kind: str, region: Region) -> QuerySet[Organization]:
    """The region's units of a type the user sees: all of them, or a reporter's own unit."""
    scope = scope_of(request.user)
    units = Organization.objects.filter(type=kind, region__path__startswith=region.path)
    if scope.sees_region:
        return units.order_by("name")
    return units.filter(path__startswith=scope.organization_path or "-").order_by("name")


def page_year(request: HttpRequest, region: Region, codes: Any = None) -> tuple[int, list[int]]:
    """The year asked for (?year=), else the latest year the region has figures for; and the years offered."""
    low, high = allowed_years(region)
    years = list(range(high, low - 1, -1))
    asked = request.GET.get("year", "")
    if asked.isascii() and asked.isdigit() and int(asked) in years:
        return int(asked), years
    values = DataValue.objects.filter(organization__region__path__startswith=region.path, year__lte=high)
    if codes:
        values = values.filter(element__code__in=list(codes))
    latest = values.aggregate(y=Max("year"))["y"]
    return (latest if latest and latest >= low else timezone.localdate().year), years
