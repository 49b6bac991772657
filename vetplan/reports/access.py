"""Who may see and change 年度质量报告: published ones are public; drafts are for the region's supervisors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from vetplan.core.access import published_or_supervised, scope_of
from vetplan.reports.models import QualityReport

SUPERVISORS_ONLY = "只有本区域的督导室可以编辑和发布年度质量报告。"


def visible_quality_reports(user: Any) -> QuerySet[QualityReport]:
    public = Q(status__in=[QualityReport.Status.PUBLISHED, QualityReport.Status.WITHDRAWN])
    return published_or_supervised(QualityReport.objects.all(), user, public)


def can_edit(user: Any, report: QualityReport) -> bool:
    scope = scope_of(user)
    return scope.supervises and scope.in_region(report.region.path)


def get_quality_report_for_user(user: Any, pk: int, write: bool = False) -> QualityReport:
    """A draft is not found except by the region's supervisors (404, as for a missing one)."""
    report = visible_quality_reports(user).select_related("region", "organization").filter(pk=pk).first()
    if report is None:
        raise Http404("没有找到该年度质量报告。")
    if write and not can_edit(user, report):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return report
