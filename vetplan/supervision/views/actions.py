"""Actions from findings: 通报, 约谈, 限期整改, 联席会议."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from vetplan.core.history import history_entries
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.versioning import save_edit
from vetplan.plans.access import can_edit_plan, visible_plans
from vetplan.supervision import access, services
from vetplan.supervision.forms import (
    DecisionTaskForm,
    FollowUpForm,
    InterviewForm,
    MeetingForm,
    OrderEditForm,
    OrderForm,
    VerifyForm,
)
from vetplan.supervision.models import RectificationOrder
from vetplan.supervision.views._carrying import consequence_of, intro_for, round_of

ERRORS = (services.SupervisionError, services.EvidenceError)

# 约谈 -----------------------------------------------------------------------------------


def interview_list(request: HttpRequest) -> HttpResponse:
    interviews = access.visible_interviews(request.user).select_related("organization")
    return render(
        request,
        "supervision/interview_list.html",
        {"page": paginate(request, interviews), "can_supervise": access.can_supervise(request.user)},
    )


def interview_create(request: HttpRequest) -> HttpResponse:
    """记录约谈; `?consequence=N`: the interview that carries out a round's 约谈."""
    region = access.supervisor_region(request.user)
    consequence = consequence_of(request, "interview")
    initial = {}
    if consequence is not None:
        assessment = consequence.assessment
        initial = {
            "organization": assessment.organization_id,
            "reason": f"{assessment.round.title}评为{assessment.get_grade_display() or '—'}。{consequence.note}".strip(),
        }
    form = InterviewForm(request.POST or None, units=access.units_in_scope(request.user), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_interview(region, by=request.user, consequence=consequence, **form.cleaned_data)
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "约谈记录已保存。")
            if consequence is not None:
                return redirect(reverse("supervision:round_detail", args=[round_of(consequence).pk]) + "#consequences")
            return redirect("supervision:interview_list")
    return render(request, "supervision/form.html", {"form": form, "heading": "记录约谈", **intro_for(consequence)})


# 限期整改 --------------------------------------------------------------------------------


def order_list(request: HttpRequest) -> HttpResponse:
    orders = access.visible_orders(request.user).select_related("organization")
    status = request.GET.get("status", "")
    if status in RectificationOrder.Status.values:
        orders = orders.filter(status=status)
    return render(
        request,
        "supervision/order_list.html",
        {
            "page": paginate(request, orders.order_by("deadline", "pk")),
            "today": timezone.localdate(),
            "statuses": RectificationOrder.Status.choices,
            "filters": {"status": status},
            "querystring": querystring_without_page(request),
            "can_supervise": access.can_supervise(request.user),
        },
    )


def order_create(request: HttpRequest) -> HttpResponse:
    """下达限期整改通知; `?consequence=N`: the order that carries out a round's 限期整改."""
    access.supervisor_region(request.user)
    consequence = consequence_of(request, "order")
    initial = {}
    if consequence is not None:
        assessment = consequence.assessment
        initial = {
            "organization": assessment.organization_id,
            "finding": f"{assessment.round.title}评为{assessment.get_grade_display() or '—'}。{consequence.note}".strip(),
        }
    form = OrderForm(request.POST or None, units=access.units_in_scope(request.user), initial=initial)
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["organization"]
        try:
            order = services.issue_rectification_order(
                unit.region, by=request.user, consequence=consequence, round=round_of(consequence),
                **form.cleaned_data,
            )  # fmt: skip
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "整改通知已下达。")
            return redirect("supervision:order_detail", order_pk=order.pk)
    return render(
        request, "supervision/form.html", {"form": form, "heading": "下达限期整改通知", **intro_for(consequence)}
    )


def order_detail(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = access.get_order_for_user(request.user, order_pk)
    supervises = access.can_write_order(request.user, order)
    owns = access.owns_order(request.user, order)
    open_for_follow_up = order.status in (RectificationOrder.Status.ISSUED, RectificationOrder.Status.RETURNED)
    return render(
        request,
        "supervision/order_detail.html",
        {
            "order": order,
            "today": timezone.localdate(),
            "evidence": order.evidence.all(),
            "history": history_entries(order),
            "can_follow_up": open_for_follow_up and (supervises or owns),
            "can_verify": supervises and order.status == RectificationOrder.Status.SUBMITTED,
            "can_edit": supervises and order.status != RectificationOrder.Status.CLOSED,
            "verify_form": VerifyForm(),
        },
    )


def order_edit(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = access.get_order_for_user(request.user, order_pk, write=True)
    if order.status == RectificationOrder.Status.CLOSED:
        raise PermissionDenied("已核验销号的整改通知不能修改。")
    form = OrderEditForm(request.POST or None, order=order)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_edit(form, lambda **data: services.update_rectification_order(order, by=request.user, **data), ERRORS)
    ):
        messages.success(request, "整改通知已修改。")
        return redirect("supervision:order_detail", order_pk=order.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": f"修改整改通知：{order}"})


def order_follow_up(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = access.get_order_for_user(request.user, order_pk, follow_up=True)
    form = FollowUpForm(request.POST or None, request.FILES or None, order=order)

    def submit(follow_up: str, evidence: Any, version: Any) -> Any:
        return services.submit_rectification(
            order, by=request.user, follow_up=follow_up, files=evidence, version=version
        )

    if request.method == "POST" and form.is_valid() and save_edit(form, submit, ERRORS):
        messages.success(request, "整改情况已提交，等待督导室核验。")
        return redirect("supervision:order_detail", order_pk=order.pk)
    return render(
        request, "supervision/form.html", {"form": form, "heading": f"提交整改情况：{order}", "multipart": True}
    )


@require_POST
def order_verify(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = access.get_order_for_user(request.user, order_pk, write=True)
    form = VerifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("supervision:order_detail", order_pk=order.pk)
    verification = form.cleaned_data["verification"]
    try:
        if form.cleaned_data["decision"] == "close":
            services.close_rectification_order(order, by=request.user, verification=verification)
            messages.success(request, "整改已核验，通知已销号。")
        else:
            services.return_rectification(order, by=request.user, verification=verification)
            messages.success(request, "整改已退回，整改单位须重新整改。")
    except services.SupervisionError as error:
        messages.error(request, str(error))
    return redirect("supervision:order_detail", order_pk=order.pk)


# 联席会议 --------------------------------------------------------------------------------


def meeting_list(request: HttpRequest) -> HttpResponse:
    meetings = access.visible_meetings(request.user).prefetch_related("members")
    return render(
        request,
        "supervision/meeting_list.html",
        {"page": paginate(request, meetings), "can_supervise": access.can_supervise(request.user)},
    )


def meeting_create(request: HttpRequest) -> HttpResponse:
    region = access.supervisor_region(request.user)
    form = MeetingForm(request.POST or None, units=access.units_in_scope(request.user))
    if request.method == "POST" and form.is_valid():
        meeting = services.create_meeting(region, by=request.user, **form.cleaned_data)
        messages.success(request, "会议已记录。")
        return redirect("supervision:meeting_detail", meeting_pk=meeting.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": "记录联席会议"})


def meeting_edit(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, meeting_pk, write=True)
    form = MeetingForm(request.POST or None, units=access.units_in_scope(request.user), meeting=meeting)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_edit(form, lambda **data: services.update_meeting(meeting, by=request.user, **data), ERRORS)
    ):
        messages.success(request, "会议记录已保存。")
        return redirect("supervision:meeting_detail", meeting_pk=meeting.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": f"修改会议记录：{meeting.title}"})


def meeting_detail(request: HttpRequest, meeting_pk: int) -> HttpResponse:
    meeting = access.get_meeting_for_user(request.user, meeting_pk)
    return render(
        request,
        "supervision/meeting_detail.html",
        {
            "meeting": meeting,
            "members": meeting.members.all(),
            "decisions": meeting.decisions.select_related("task", "plan"),
            "can_supervise": access.can_supervise(request.user),
            "can_edit": access.can_write_meeting(request.user, meeting),
            "history": history_entries(meeting),
        },
    )


def decision_task(request: HttpRequest, decision_pk: int) -> HttpResponse:
    """Turn a meeting decision into a task of a chosen plan, with units and a deadline, in one step."""
    decision = access.get_decision_for_user(request.user, decision_pk, write=True)
    plans = visible_plans(request.user)
    form = DecisionTaskForm(
        request.POST or None,
        plans=plans,
        units=access.units_in_scope(request.user),
        initial={"text": decision.text},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not can_edit_plan(request.user, data["plan"]):
            form.add_error("plan", "只有本区域的督导室可以向该规划添加任务。")
        else:
            try:
                task = services.turn_decision_into_task(decision, by=request.user, **data)
            except services.SupervisionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"议定事项已转为任务 {task.seq}。")
                return redirect("plans:task_detail", task_pk=task.pk)
    return render(
        request, "supervision/form.html", {"form": form, "heading": "议定事项转为任务", "intro": decision.text}
    )
