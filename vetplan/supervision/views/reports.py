"""Overview, progress reports and their review, evidence downloads, reminders and 督办."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.history import history_entries
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.versioning import save_edit
from vetplan.plans.access import get_task_for_user, visible_tasks
from vetplan.plans.models import Task
from vetplan.supervision import access, services
from vetplan.supervision.forms import ProgressReportForm, ReportRevisionForm, ReviewForm, UrgeForm
from vetplan.supervision.models import ProgressReport, RectificationOrder, SupervisionItem
from vetplan.supervision.obligations import unit_reminders

ERRORS = (services.SupervisionError, services.EvidenceError)


def overview(request: HttpRequest) -> HttpResponse:
    """督办 list, reports waiting for review, open rectification orders."""
    today = timezone.localdate()
    user = request.user
    items = (
        access.visible_items(user)
        .filter(status=SupervisionItem.Status.OPEN)
        .select_related("task__plan", "organization")
        .order_by("-days_overdue", "pk")
    )
    pending = (
        access.visible_reports(user)
        .filter(status=ProgressReport.Status.SUBMITTED)
        .select_related("task", "organization")
        .order_by("submitted_at")
    )
    orders = (
        access.visible_orders(user)
        .exclude(status=RectificationOrder.Status.CLOSED)
        .select_related("organization")
        .order_by("deadline")
    )
    scope = scope_of(user)
    return render(
        request,
        "supervision/overview.html",
        {
            "today": today,
            "items": paginate(request, items, 20),
            "pending": pending[:50],
            "orders": orders[:50],
            "can_supervise": scope.supervises,
            "own_unit_id": scope.organization_id,
        },
    )


def report_list(request: HttpRequest) -> HttpResponse:
    reports = access.visible_reports(request.user).select_related("task", "organization")
    status = request.GET.get("status", "")
    if status in ProgressReport.Status.values:
        reports = reports.filter(status=status)
    return render(
        request,
        "supervision/report_list.html",
        {
            "page": paginate(request, reports.order_by("-submitted_at", "-pk")),
            "statuses": ProgressReport.Status.choices,
            "filters": {"status": status},
            "querystring": querystring_without_page(request),
        },
    )


def report_create(request: HttpRequest, task_pk: int) -> HttpResponse:
    task = get_task_for_user(request.user, task_pk, report=True)
    units = access.report_units_for(request.user, task)
    if not units:
        raise PermissionDenied("只有任务的牵头或责任单位可以报告进展。")
    today = timezone.localdate()
    initial = {"period": task.deadline.year if task.deadline else today.year, "task_status": task.status}
    asks_to_close = request.GET.get("closing") == "1"
    if asks_to_close:
        initial.update(task_status=Task.Status.DONE, percent=100)
    elif task.status == Task.Status.DONE:
        initial["task_status"] = Task.Status.IN_PROGRESS
    form = ProgressReportForm(
        request.POST or None,
        request.FILES or None,
        units=units,
        initial=initial,
        closing_refusal=lambda unit: services.closing_refusal(task, unit),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.submit_progress_report(
                task,
                by=request.user,
                organization=data["organization"],
                period=data["period"],
                task_status=data["task_status"],
                percent=data["percent"],
                narrative=data["narrative"],
                files=data["evidence"],
            )
        except ERRORS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "进展报告已提交，等待督导室审核。")
            return redirect("supervision:report_detail", report_pk=report.pk)
    return render(
        request,
        "supervision/report_form.html",
        {
            "form": form,
            "task": task,
            "heading": f"申请办结：任务 {task.seq}" if asks_to_close else f"报告任务 {task.seq} 的进展",
            "reports": access.visible_reports(request.user).filter(task=task).select_related("organization"),
        },
    )


def report_detail(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, report_pk)
    return render(
        request,
        "supervision/report_detail.html",
        {
            "report": report,
            "task": report.task,
            "evidence": report.evidence.all(),
            "history": history_entries(report),
            "can_review": access.can_review_report(request.user, report)
            and report.status == ProgressReport.Status.SUBMITTED,
            "can_revise": access.can_revise_report(request.user, report)
            and report.status == ProgressReport.Status.RETURNED,
            "review_form": ReviewForm(),
        },
    )


def report_revise(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, report_pk, write=True)
    initial = {"task_status": report.task_status, "percent": report.percent, "narrative": report.narrative}
    form = ReportRevisionForm(
        request.POST or None,
        request.FILES or None,
        initial=initial,
        report=report,
        closing_refusal=services.closing_refusal(report.task, report.organization),
    )

    def resubmit(evidence: Any, **fields: Any) -> Any:
        return services.resubmit_progress_report(report, by=request.user, files=evidence, **fields)

    if request.method == "POST" and form.is_valid() and save_edit(form, resubmit, ERRORS):
        messages.success(request, "修改后的报告已重新提交。")
        return redirect("supervision:report_detail", report_pk=report.pk)
    return render(
        request,
        "supervision/report_form.html",
        {"form": form, "task": report.task, "report": report, "heading": f"修改并重新提交：{report}"},
    )


@require_POST
def report_review(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_report_for_user(request.user, report_pk, review=True)
    form = ReviewForm(request.POST)
    if form.is_valid():
        comment = form.cleaned_data["comment"]
        try:
            if form.cleaned_data["decision"] == "accept":
                services.accept_progress_report(report, by=request.user, comment=comment)
                messages.success(request, "办结申请已通过，任务已办结。" if report.closing else "报告已通过。")
            else:
                returned = services.return_progress_report(
                    report, by=request.user, comment=comment, resubmit_by=form.cleaned_data["resubmit_by"]
                )
                messages.success(
                    request, f"报告已退回，报告单位须于 {returned.resubmit_by:%Y-%m-%d} 前修改后重新提交。"
                )
        except services.SupervisionError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("supervision:report_detail", report_pk=report.pk)


def evidence_download(request: HttpRequest, evidence_pk: int) -> FileResponse:
    evidence = access.get_evidence_for_user(request.user, evidence_pk)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def unit_reminders_page(request: HttpRequest, org_pk: int) -> HttpResponse:
    unit = access.get_unit_for_user(request.user, org_pk)
    today = timezone.localdate()
    overdue, soon = unit_reminders(unit, visible_tasks(request.user), today)
    items = (
        access.visible_items(request.user)
        .filter(organization__path__startswith=unit.path, status=SupervisionItem.Status.OPEN)
        .select_related("task")
        .prefetch_related("notices")
    )
    orders = (
        access.visible_orders(request.user)
        .filter(organization__path__startswith=unit.path)
        .exclude(status=RectificationOrder.Status.CLOSED)
    )
    return render(
        request,
        "supervision/unit_reminders.html",
        {"unit": unit, "today": today, "overdue": overdue, "soon": soon, "items": items, "orders": orders},
    )


def my_reminders(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    if scope.organization_id is None:
        raise PermissionDenied("您的账号未关联单位。")
    return redirect("supervision:unit_reminders", org_pk=scope.organization_id)


@require_POST
def item_urge(request: HttpRequest, item_pk: int) -> HttpResponse:
    item = access.get_item_for_user(request.user, item_pk, write=True)
    form = UrgeForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        services.urge_supervision_item(item, by=request.user, message=message)
    except services.SupervisionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已向{item.organization.display_name}发出催办通知。")
    return redirect("supervision:overview")
