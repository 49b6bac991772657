"""Plan, target and task pages. Each view: validate, check permission, call one service, respond."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.history import history_entries
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.params import query_int, query_year
from vetplan.core.versioning import pop_version, save_edit
from vetplan.orgs.access import visible_organizations
from vetplan.orgs.models import Organization
from vetplan.orgs.pickers import NAME_PATTERN, picker_for
from vetplan.plans import services
from vetplan.plans.access import (
    can_archive_plan,
    can_edit_plan,
    can_report_on_task,
    get_plan_for_user,
    get_target_for_user,
    get_task_for_user,
    visible_plans,
    visible_tasks,
)
from vetplan.plans.forms import PlanForm, TargetForm, TaskForm, TaskStatusForm
from vetplan.plans.models import Target, Task
from vetplan.plans.pickers import plan_filter, search_plans
from vetplan.plans.queries import deadline_summary, filter_by_due, with_overdue_flag

UNITS = Prefetch("lead_units", queryset=Organization.objects.only("pk", "name", "short_name", "path"))
SHARED = Prefetch("responsible_units", queryset=Organization.objects.only("pk", "name", "short_name", "path"))


def plan_search(request: HttpRequest) -> HttpResponse:
    """The plan filter's search results (htmx): a few of the user's plans matching what was typed."""
    name = request.GET.get("name", "")
    if not NAME_PATTERN.fullmatch(name):
        name = "plan"
    result = search_plans(request.user, request.GET.get("picker_q", ""))
    return render(request, "plans/plan_search_results.html", {"result": result, "name": name})


def plan_list(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    plans = (
        visible_plans(request.user, include_archived=True)
        .filter(archived_at__isnull=not archived)
        .annotate(target_count=Count("targets", distinct=True), task_count=Count("tasks", distinct=True))
        .order_by("-issued_on", "-pk")
    )
    return render(request, "plans/plan_list.html", {"page": paginate(request, plans), "archived": archived})


def plan_detail(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk)
    today = timezone.localdate()
    tasks = with_overdue_flag(plan.tasks.prefetch_related(UNITS, SHARED), today)
    targets = list(plan.targets.select_related("indicator", "scope_organization", "reporting_unit"))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "targets": targets,
            "hand_reported": [t for t in targets if t.indicator_id is None],
            "tasks": tasks,
            "summary": deadline_summary(plan.tasks.all(), today),
            "today": today,
            "can_edit": can_edit_plan(request.user, plan),
            "can_archive": can_archive_plan(request.user, plan),
        },
    )


@require_POST
def plan_archive(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk)
    if not can_archive_plan(request.user, plan):
        raise PermissionDenied("只有本区域的督导室可以归档规划。")
    if request.POST.get("restore"):
        services.restore_plan(plan, by=request.user)
        messages.success(request, "规划已恢复：任务重新计入首页、任务列表和督办。")
    else:
        services.archive_plan(plan, by=request.user)
        messages.success(request, "规划已归档：不再计入首页、数据看板、任务列表和质量报告，历史记录保留，可随时恢复。")
    return redirect("plans:plan_detail", plan_pk=plan.pk)


def plan_edit(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk, write=True)
    form = PlanForm(request.POST or None, instance=plan)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_edit(form, lambda **data: services.update_plan(plan, by=request.user, **data))
    ):
        messages.success(request, "规划信息已保存。")
        return redirect("plans:plan_detail", plan_pk=plan.pk)
    return render(request, "plans/form.html", {"form": form, "plan": plan, "heading": "修改规划信息"})


def target_list(request: HttpRequest) -> HttpResponse:
    targets = Target.objects.filter(plan__in=visible_plans(request.user)).select_related("plan")
    plan_id, year, q = request.GET.get("plan"), request.GET.get("year"), request.GET.get("q", "").strip()
    if (plan_pk := query_int(request, "plan")) is not None:
        targets = targets.filter(plan_id=plan_pk)
    if (deadline_year := query_year(request)) is not None:
        targets = targets.filter(deadline_year=deadline_year)
    if q:
        targets = targets.filter(Q(indicator_text__icontains=q) | Q(sentence__icontains=q))
    return render(
        request,
        "plans/target_list.html",
        {
            "page": paginate(request, targets.order_by("plan", "seq")),
            "plan_filter": plan_filter(request.user, plan_pk),
            "filters": {"plan": plan_id or "", "year": year or "", "q": q},
            "querystring": querystring_without_page(request),
        },
    )


def target_create(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk, write=True)
    form = TargetForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            data = dict(form.cleaned_data)
            pop_version(data)  # a new target has no version to check
            services.create_target(plan, by=request.user, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "目标已添加，进展状态已重新计算。")
            return redirect("plans:plan_detail", plan_pk=plan.pk)
    return render(request, "plans/form.html", {"form": form, "plan": plan, "heading": "添加目标"})


def target_edit(request: HttpRequest, target_pk: int) -> HttpResponse:
    target = get_target_for_user(request.user, target_pk, write=True)
    form = TargetForm(request.POST or None, instance=target, plan=target.plan)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_edit(form, lambda **data: services.update_target(target, by=request.user, **data))
    ):
        messages.success(request, "目标已保存，进展状态已重新计算。")
        return redirect("plans:plan_detail", plan_pk=target.plan_id)
    return render(request, "plans/form.html", {"form": form, "plan": target.plan, "heading": "修改目标"})


def task_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    tasks = visible_tasks(request.user).select_related("plan").prefetch_related(UNITS, SHARED)
    status, due, unit, q = (request.GET.get(k, "").strip() for k in ("status", "due", "unit", "q"))
    plan_id = query_int(request, "plan")
    if plan_id:
        tasks = tasks.filter(plan_id=plan_id)
    if status in Task.Status.values:
        tasks = tasks.filter(status=status)
    tasks = filter_by_due(tasks, due, today)
    if (unit_pk := query_int(request, "unit")) is not None:
        tasks = tasks.filter(Q(lead_units=unit_pk) | Q(responsible_units=unit_pk)).distinct()
    if q:
        tasks = tasks.filter(Q(text__icontains=q) | Q(seq=q))
    scope = scope_of(request.user)
    # The unit filter is a search box (orgs.pickers), never every unit of a province as <option>s.
    unit_filter = ""
    if scope.sees_region:
        chosen = visible_organizations(request.user).filter(pk=unit_pk).first() if unit_pk else None
        unit_filter = picker_for("unit", chosen.pk if chosen else None)
    return render(
        request,
        "plans/task_list.html",
        {
            "page": paginate(request, with_overdue_flag(tasks, today).order_by("plan", "pk")),
            "today": today,
            "statuses": Task.Status.choices,
            "unit_filter": unit_filter,
            "plan_filter": plan_filter(request.user, plan_id),
            "filters": {"status": status, "due": due, "unit": unit, "q": q, "plan": str(plan_id or "")},
            "querystring": querystring_without_page(request),
        },
    )


def task_detail(request: HttpRequest, task_pk: int) -> HttpResponse:
    task = get_task_for_user(request.user, task_pk)
    today = timezone.localdate()
    task.overdue_now = (
        with_overdue_flag(Task.objects.filter(pk=task.pk), today)
        .values_list(  # type: ignore[attr-defined]
            "overdue_now", flat=True
        )
        .first()
    )
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "today": today,
            "history": history_entries(task),
            "can_edit": can_edit_plan(request.user, task.plan),
            "can_report": can_report_on_task(request.user, task),
            "status_form": TaskStatusForm(initial={"status": task.status}),
        },
    )


def task_create(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_plan_for_user(request.user, plan_pk, write=True)
    form = TaskForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.service_kwargs()
        pop_version(data)  # a new task has no version to check
        task = services.create_task(plan, by=request.user, **data)
        messages.success(request, f"任务 {task.seq} 已添加。")
        return redirect("plans:task_detail", task_pk=task.pk)
    return render(request, "plans/form.html", {"form": form, "plan": plan, "heading": "添加任务"})


def task_edit(request: HttpRequest, task_pk: int) -> HttpResponse:
    task = get_task_for_user(request.user, task_pk, write=True)
    form = TaskForm(request.POST or None, instance=task, plan=task.plan)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_edit(form, lambda **data: services.update_task(task, by=request.user, **data))
    ):
        messages.success(request, "任务已保存，修改记录见下方“变更历史”。")
        return redirect("plans:task_detail", task_pk=task.pk)
    return render(request, "plans/form.html", {"form": form, "plan": task.plan, "heading": f"修改任务 {task.seq}"})


def task_status(request: HttpRequest, task_pk: int) -> HttpResponse:
    """未开始/进行中 only: 已完成 is reached by a closing report the 督导室 accepts (申请办结)."""
    task = get_task_for_user(request.user, task_pk, report=True)
    form = TaskStatusForm(request.POST or None, initial={"status": task.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_task_status(task, by=request.user, status=form.cleaned_data["status"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"任务状态已更新为“{task.get_status_display()}”。")
            return redirect("plans:task_detail", task_pk=task.pk)
    return render(request, "plans/form.html", {"form": form, "plan": task.plan, "heading": "更新任务状态"})
