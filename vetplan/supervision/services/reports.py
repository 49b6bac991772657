"""Progress reports and their review: submit → accept | return → resubmit.

Closing a task goes through review (申请办结): only a unit that owes the task's reports (its
lead units; where it has none, its responsible units) may file a closing report, which says
the task is done (100%) and carries evidence. The task is 已完成 when the 督导室 accepts that
report; a returned one leaves the task open, with the comment, until the unit resubmits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from vetplan.core.versioning import check_version
from vetplan.orgs.models import Organization
from vetplan.plans.models import Task
from vetplan.plans.services import set_task_status
from vetplan.supervision.models import ProgressReport, SupervisionItem
from vetplan.supervision.obligations import reporting_units
from vetplan.supervision.services._common import SupervisionError, check_evidence, save, store_evidence
from vetplan.supervision.signals import report_reviewed

# Days a returned report has to come back in, unless the reviewer sets another date.
RESUBMIT_DAYS = 15


def closing_units(task: Task) -> list[Organization]:
    """Who may ask to close the task (申请办结): the units that owe its reports."""
    return reporting_units(task)


def closing_refusal(task: Task, organization: Organization) -> str | None:
    """Why `organization` may not ask to close `task`, or None when it may."""
    if task.status == Task.Status.DONE:
        return "该任务已办结，无需再申请办结。"
    closers = closing_units(task)
    if organization.pk in {unit.pk for unit in closers}:
        return None
    role = "牵头单位" if task.lead_units.exists() else "责任单位"
    names = "、".join(unit.display_name for unit in closers) or "（未指定）"
    return f"只有任务的{role}（{names}）可以申请办结；{organization.display_name}请报告进展。"


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
    """A unit reports on a task for a period; `task_status` 已完成 makes it a closing report (申请办结)."""
    checked = check_evidence(files)
    existing = ProgressReport.objects.filter(task=task, organization=organization, period=period).first()
    if existing is not None:
        if existing.status == ProgressReport.Status.RETURNED:
            raise SupervisionError(f"{period}年的报告已被退回，请修改后重新提交，不要新建。")
        raise SupervisionError(f"{organization.display_name}已提交过该任务{period}年的进展报告。")
    closing = task_status == Task.Status.DONE
    if closing:
        _check_closing(task, organization, percent, has_evidence=bool(checked))
    report = ProgressReport(
        task=task,
        organization=organization,
        period=period,
        task_status=task_status,
        percent=percent,
        narrative=narrative,
        closing=closing,
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
    version: Any = None,
) -> ProgressReport:
    check_version(report, version)
    report = ProgressReport.objects.select_for_update().select_related("task", "organization").get(pk=report.pk)
    if report.status != ProgressReport.Status.RETURNED:
        raise SupervisionError("只有被退回的报告可以修改后重新提交。")
    checked = check_evidence(files)
    closing = task_status == Task.Status.DONE
    if closing:
        _check_closing(
            report.task, report.organization, percent, has_evidence=bool(checked) or report.evidence.exists()
        )
    report.task_status, report.percent, report.narrative, report.closing = task_status, percent, narrative, closing
    report.full_clean()
    save(report, by, status=ProgressReport.Status.SUBMITTED, submitted_at=timezone.now(), resubmit_by=None)
    store_evidence(checked, by=by, report=report)
    _after_submission(report, by)
    return report


@transaction.atomic
def accept_progress_report(report: ProgressReport, *, by: Any, comment: str = "") -> ProgressReport:
    """Accepting a closing report completes the task (the only way a unit's task becomes 已完成)."""
    report = ProgressReport.objects.select_for_update().select_related("task__plan").get(pk=report.pk)
    if report.status != ProgressReport.Status.SUBMITTED:
        raise SupervisionError("只有待审核的报告可以通过。")
    save(report, by, status=ProgressReport.Status.ACCEPTED, review_comment=comment, **_reviewed(by))
    task = report.task
    if report.closing and task.status != Task.Status.DONE:
        set_task_status(task, by=by, status=Task.Status.DONE)
    elif report.task_status == Task.Status.IN_PROGRESS and task.status == Task.Status.NOT_STARTED:
        set_task_status(task, by=by, status=Task.Status.IN_PROGRESS)
    report_reviewed.send(sender=ProgressReport, report=report, accepted=True, by=by)
    return report


@transaction.atomic
def return_progress_report(
    report: ProgressReport, *, by: Any, comment: str, resubmit_by: dt.date | None = None
) -> ProgressReport:
    """Send a report back for revision; the comment says what is missing, `resubmit_by` by when
    (RESUBMIT_DAYS from today unless given). A returned closing report leaves the task open."""
    if not comment.strip():
        raise SupervisionError("退回报告时须填写审核意见。")
    today = timezone.localdate()
    resubmit_by = resubmit_by or today + dt.timedelta(days=RESUBMIT_DAYS)
    if resubmit_by < today:
        raise SupervisionError("重新提交期限不能早于今天。")
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ProgressReport.Status.SUBMITTED:
        raise SupervisionError("只有待审核的报告可以退回。")
    save(
        report,
        by,
        status=ProgressReport.Status.RETURNED,
        review_comment=comment,
        resubmit_by=resubmit_by,
        **_reviewed(by),
    )
    report_reviewed.send(sender=ProgressReport, report=report, accepted=False, by=by)
    return report


def _check_closing(task: Task, organization: Organization, percent: int, *, has_evidence: bool) -> None:
    refusal = closing_refusal(task, organization)
    if refusal:
        raise SupervisionError(refusal)
    if percent != 100:
        raise SupervisionError("申请办结时完成进度应为 100%。")
    if not has_evidence:
        raise SupervisionError("申请办结须附佐证材料（如验收报告、工作总结）。")


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
