"""Progress reports and their review: submit → accept | return → resubmit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from vetplan.orgs.models import Organization
from vetplan.plans.models import Task
from vetplan.plans.services import set_task_status
from vetplan.supervision.models import ProgressReport, SupervisionItem
from vetplan.supervision.services._common import SupervisionError, check_evidence, save, store_evidence


@transaction.atomic
def submit_progress_report(
    task: Task,
    *,
    by: Any,
    organization: Organization,
    period: int,
    task_status: str,
    percent: int,
    narrative: str,
    files: Iterable[UploadedFile] = (),
) -> ProgressReport:
    """A unit reports on a task for a period; work reported starts a task not yet started."""
    checked = check_evidence(files)
    existing = ProgressReport.objects.filter(task=task, organization=organization, period=period).first()
    if existing is not None:
        if existing.status == ProgressReport.Status.RETURNED:
            raise SupervisionError(f"{period}年的报告已被退回，请修改后重新提交，不要新建。")
        raise SupervisionError(f"{organization.display_name}已提交过该任务{period}年的进展报告。")
    report = ProgressReport(
        task=task,
        organization=organization,
        period=period,
        task_status=task_status,
        percent=percent,
        narrative=narrative,
        submitted_by=by if getattr(by, "is_authenticated", False) else None,
        submitted_at=timezone.now(),
    )
    report.full_clean()
    save(report, by)
    store_evidence(checked, by=by, report=report)
    _after_submission(report, by)
    return report


@transaction.atomic
def resubmit_progress_report(
    report: ProgressReport,
    *,
    by: Any,
    task_status: str,
    percent: int,
    narrative: str,
    files: Iterable[UploadedFile] = (),
) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ProgressReport.Status.RETURNED:
        raise SupervisionError("只有被退回的报告可以修改后重新提交。")
    checked = check_evidence(files)
    report.task_status, report.percent, report.narrative = task_status, percent, narrative
    report.full_clean()
    save(report, by, status=ProgressReport.Status.SUBMITTED, submitted_at=timezone.now())
    store_evidence(checked, by=by, report=report)
    _after_submission(report, by)
    return report


@transaction.atomic
def accept_progress_report(report: ProgressReport, *, by: Any, comment: str = "") -> ProgressReport:
    """Accepting a report that says the task is done completes the task."""
    report = ProgressReport.objects.select_for_update().select_related("task").get(pk=report.pk)
    if report.status != ProgressReport.Status.SUBMITTED:
        raise SupervisionError("只有待审核的报告可以通过。")
    save(report, by, status=ProgressReport.Status.ACCEPTED, review_comment=comment, **_reviewed(by))
    task = report.task
    if report.task_status == Task.Status.DONE and task.status != Task.Status.DONE:
        set_task_status(task, by=by, status=Task.Status.DONE)
    elif report.task_status == Task.Status.IN_PROGRESS and task.status == Task.Status.NOT_STARTED:
        set_task_status(task, by=by, status=Task.Status.IN_PROGRESS)
    return report


@transaction.atomic
def return_progress_report(report: ProgressReport, *, by: Any, comment: str) -> ProgressReport:
    """Send a report back for revision; the comment says what is missing."""
    if not comment.strip():
        raise SupervisionError("退回报告时须填写审核意见。")
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ProgressReport.Status.SUBMITTED:
        raise SupervisionError("只有待审核的报告可以退回。")
    return save(report, by, status=ProgressReport.Status.RETURNED, review_comment=comment, **_reviewed(by))  # type: ignore[no-any-return]


def _reviewed(by: Any) -> dict[str, Any]:
    return {"reviewed_by": by if getattr(by, "is_authenticated", False) else None, "reviewed_at": timezone.now()}


def _after_submission(report: ProgressReport, by: Any) -> None:
    """A report in resolves its 督办 item; reported work starts a task not yet started."""
    items = SupervisionItem.objects.filter(
        task=report.task_id,
        organization=report.organization_id,
        period=report.period,
        status=SupervisionItem.Status.OPEN,
    )
    for item in items:
        save(item, by, status=SupervisionItem.Status.RESOLVED, resolved_at=timezone.now())
    task = report.task
    if task.status == Task.Status.NOT_STARTED and report.task_status != Task.Status.NOT_STARTED:
        set_task_status(task, by=by, status=Task.Status.IN_PROGRESS)
