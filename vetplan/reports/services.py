"""Changes to 年度质量报告: create drafts, write their text, publish (the content is stored), discard.

Every change records who made it in the history; a published report no longer changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from vetplan.core.history import acting_user, record_by
from vetplan.core.versioning import check_version
from vetplan.orgs.models import Organization, Region
from vetplan.reports.content import to_json
from vetplan.reports.models import QualityReport
from vetplan.reports.quality_report import build_quality_report, chapter_labels, provisional_coverage, schools_of


class ReportError(ValueError):
    """A change that is not allowed now; the message says why, in Chinese."""


class ProvisionalYear(ReportError):
    """Publishing a report whose year is provisional, without the 督导室's confirmation."""

    def __init__(self, message: str, coverage: str) -> None:
        super().__init__(message)
        self.coverage = coverage


@transaction.atomic
def create_quality_reports(
    region: Region, *, year: int, by: Any, regional: bool = True, schools: Iterable[Organization] | None = None
) -> list[QualityReport]:
    """Drafts for the region and the given schools (default: every school of the region).

    A subject that already has a report for the year keeps it; the new drafts are returned.
    """
    if not 2000 <= year <= 2100:
        raise ReportError(f"年度 {year} 不在 2000—2100 之间。")
    chosen = list(schools_of(region) if schools is None else schools)
    outside = [
        s.name for s in chosen if s.type != Organization.Type.SCHOOL or not s.region.path.startswith(region.path)
    ]
    if outside:
        raise ReportError(f"不是本区域的学校：{'、'.join(outside)}。")
    existing = QualityReport.objects.filter(region=region, year=year, organization__isnull=True).exists()
    have = set(
        QualityReport.objects.filter(organization__in=chosen, year=year).values_list("organization_id", flat=True)
    )
    created = []
    subjects: list[tuple[Region, Organization | None]] = [(region, None)] if regional and not existing else []
    subjects += [(school.region, school) for school in chosen if school.pk not in have]
    for subject_region, school in subjects:
        report = QualityReport(region=subject_region, organization=school, year=year, created_by=acting_user(by))
        record_by(report, by)
        report.save()
        created.append(report)
    return created


@transaction.atomic
def update_narratives(
    report: QualityReport, narratives: dict[str, str], *, by: Any, version: Any = None
) -> QualityReport:
    check_version(report, version)
    _check_draft(report)
    known = {key for key, _ in chapter_labels()}
    report.narratives = {key: text.strip() for key, text in narratives.items() if key in known and text.strip()}
    record_by(report, by)
    report.save(update_fields=["narratives"])
    return report


@transaction.atomic
def publish_quality_report(report: QualityReport, *, by: Any, confirm_provisional: bool = False) -> QualityReport:
    """Store the report as it reads now; from then on everyone may read it and it no longer changes.

    A report whose year is still provisional (not every unit reported, the year not closed) is
    refused unless the 督导室 confirms it with the coverage shown; the published copy then says so.
    """
    locked = QualityReport.objects.select_for_update(of=("self",)).select_related("region", "organization")
    report = locked.get(pk=report.pk)
    _check_draft(report)
    pending = provisional_coverage(report)
    if pending and not confirm_provisional:
        raise ProvisionalYear(
            f"{report.year}年数据尚为暂定（{pending}）：请等待各单位填报或数据截止；确需现在发布，请确认后再发布。",
            pending,
        )
    report.status = QualityReport.Status.PUBLISHED
    report.published_at = timezone.now()
    report.published_by = acting_user(by)
    report.published_provisional = pending[:200]
    report.content = to_json(build_quality_report(report, timezone.localdate()))
    record_by(report, by)
    report.save()
    return report


@transaction.atomic
def withdraw_quality_report(report: QualityReport, *, by: Any, reason: str) -> QualityReport:
    """撤回: the public page says the report was withdrawn, when and why; the issued copy stays in the record."""
    report = QualityReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_published:
        raise ReportError("只有已发布的报告可以撤回。")
    reason = reason.strip()
    if not reason:
        raise ReportError("请填写撤回原因，公众页面会显示。")
    report.status = QualityReport.Status.WITHDRAWN
    report.withdrawn_at = timezone.now()
    report.withdrawn_by = acting_user(by)
    report.withdraw_reason = reason[:2000]
    record_by(report, by)
    report.save()
    return report


def discard_quality_report(report: QualityReport, *, by: Any) -> None:
    _check_draft(report)
    record_by(report, by)
    report.delete()


def _check_draft(report: QualityReport) -> None:
    if report.was_published:
        raise ReportError("该报告已经发布，不能再修改。")
