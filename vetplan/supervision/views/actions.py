"""Actions from findings: 通报, 约谈, 限期整改, 联席会议."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from vetplan.core.history import history_entries
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.versioning import StaleEdit, pop_version, show_conflict
from vetplan.plans.access import can_edit_plan, visible_plans
from vetplan.supervision import access, services
from vetplan.supervision.forms import (
    BulletinForm,
    DecisionTaskForm,
    FollowUpForm,
    InterviewForm,
    MeetingForm,
    OrderEditForm,
    OrderForm,
    PublishForm,
    VerifyForm,
    WithdrawForm,
)
from vetplan.supervision.models import Bulletin, RectificationOrder

ERRORS = (services.SupervisionError, services.EvidenceError)

# 通报 -----------------------------------------------------------------------------------


def bulletin_list(request: HttpRequest) -> HttpResponse:
    """The public bulletin page: published ones (withdrawn ones marked so) for everyone, drafts for supervisors."""
    bulletins = access.visible_bulletins(request.user, include_withdrawn=True).prefetch_related("organizations")
    return render(
        request,
        "supervision/bulletin_list.html",
        {
            "page": paginate(request, bulletins.order_by("-published_at", "-pk")),
            "can_supervise": access.can_supervise(request.user),
        },
    )


def bulletin_detail(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, include_withdrawn=True)
    supervises = access.can_supervise(request.user)
    return render(
        request,
        "supervision/bulletin_detail.html",
        {
            "bulletin": bulletin,
            "units": bulletin.organizations.all(),
            "can_publish": bulletin.status == Bulletin.Status.DRAFT and supervises,
            "can_withdraw": bulletin.status == Bulletin.Status.PUBLISHED and supervises,
            "history": history_entries(bulletin) if supervises else [],
        },
    )


def bulletin_create(request: HttpRequest) -> HttpResponse:
    region = access.supervisor_region(request.user)
    form = BulletinForm(request.POST or None, units=access.units_in_scope(request.user))
    if request.method == "POST" and form.is_valid():
        bulletin = services.draft_bulletin(region, by=request.user, **form.cleaned_data)
        messages.success(request, "通报草稿已保存，核对无误后可发布。")
        return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": "起草通报"})


def bulletin_edit(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, write=True)
    if bulletin.status != Bulletin.Status.DRAFT:
        raise PermissionDenied("已发布的通报不能修改；如有错误，请撤回后重新起草。")
    form = BulletinForm(request.POST or None, units=access.units_in_scope(request.user), bulletin=bulletin)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_bulletin(bulletin, by=request.user, version=pop_version(data), **data)
        except StaleEdit as conflict:
            show_conflict(form, conflict)
        except ERRORS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "通报草稿已保存。")
            return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": f"修改通报草稿：{bulletin.title}"})


def bulletin_publish(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    """发布 asks first: the page shows exactly what becomes public, and publishes that version only."""
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, write=True)
    form = PublishForm(request.POST if request.method == "POST" else None, bulletin=bulletin)
    if bulletin.status == Bulletin.Status.DRAFT and request.method == "POST" and form.is_valid():
        try:
            services.publish_bulletin(bulletin, by=request.user, version=form.cleaned_data["version"])
        except StaleEdit as conflict:
            show_conflict(form, conflict)
            bulletin.refresh_from_db()
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "通报已发布，公众可在通报页面查看。")
            return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    if bulletin.status != Bulletin.Status.DRAFT:
        messages.error(request, "该通报不是草稿，不能发布。")
        return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(
        request,
        "supervision/bulletin_publish.html",
        {"bulletin": bulletin, "form": form, **services.bulletin_public_content(bulletin)},
    )


def bulletin_withdraw(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    """撤回 with a reason: the public page then says when and why; the history keeps both steps."""
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, write=True, include_withdrawn=True)
    form = WithdrawForm(request.POST if request.method == "POST" else None, bulletin=bulletin)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_bulletin(
                bulletin, by=request.user, reason=form.cleaned_data["reason"], version=form.cleaned_data["version"]
            )
        except StaleEdit as conflict:
            show_conflict(form, conflict)
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "通报已撤回，通报页面将注明撤回时间和原因。")
            return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(
        request,
        "supervision/form.html",
        {
            "form": form,
            "heading": f"撤回通报：{bulletin.title}",
            "intro": "撤回后，通报页面将注明“已撤回”及撤回时间和原因，正文不再作为有效内容展示，也不再提供下载；"
            "发布和撤回都记入变更历史。",
            "submit_label": "确认撤回",
        },
    )


# 约谈 -----------------------------------------------------------------------------------


def interview_list(request: HttpRequest) -> HttpResponse:
    interviews = access.visible_interviews(request.user).select_related("organization")
    return render(
        request,
        "supervision/interview_list.html",
        {"page": paginate(request, interviews), "can_supervise": access.can_supervise(request.user)},
    )


def interview_create(request: HttpRequest) -> HttpResponse:
    region = access.supervisor_region(request.user)
    form = InterviewForm(request.POST or None, units=access.units_in_scope(request.user))
    if request.method == "POST" and form.is_valid():
        services.record_interview(region, by=request.user, **form.cleaned_data)
        messages.success(request, "约谈记录已保存。")
        return redirect("supervision:interview_list")
    return render(request, "supervision/form.html", {"form": form, "heading": "记录约谈"})


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
    access.supervisor_region(request.user)
    form = OrderForm(request.POST or None, units=access.units_in_scope(request.user))
    if request.method == "POST" and form.is_valid():
        unit = form.cleaned_data["organization"]
        order = services.issue_rectification_order(unit.region, by=request.user, **form.cleaned_data)
        messages.success(request, "整改通知已下达。")
        return redirect("supervision:order_detail", order_pk=order.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": "下达限期整改通知"})


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
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_rectification_order(order, by=request.user, version=pop_version(data), **data)
        except StaleEdit as conflict:
            show_conflict(form, conflict)
        except ERRORS as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "整改通知已修改。")
            return redirect("supervision:order_detail", order_pk=order.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": f"修改整改通知：{order}"})


def order_follow_up(request: HttpRequest, order_pk: int) -> HttpResponse:
    order = access.get_order_for_user(request.user, order_pk, follow_up=True)
    form = FollowUpForm(request.POST or None, request.FILES or None, order=order)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_rectification(
                order, by=request.user, follow_up=data["follow_up"], files=data["evidence"], version=data["version"]
            )
        except StaleEdit as conflict:
            show_conflict(form, conflict)
        except ERRORS as error:
            form.add_error(None, str(error))
        else:
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
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.update_meeting(meeting, by=request.user, version=pop_version(data), **data)
        except StaleEdit as conflict:
            show_conflict(form, conflict)
        except ERRORS as error:
            form.add_error(None, str(error))
        else:
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
