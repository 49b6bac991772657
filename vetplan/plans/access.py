"""What a user may see and change among plans, targets and tasks (one helper per model).

"Not found" and "not yours" look the same to an outsider: both are 404 for reading; a
user who may read but not write gets 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from vetplan.core.access import Scope, scope_of
from vetplan.plans.models import Plan, Target, Task

ARCHIVED = "该规划已归档，恢复后才能修改或报告进展。"


def visible_plans(user: Any, include_archived: bool = False) -> QuerySet[Plan]:
    """Plans in force the user sees; archived (归档) ones too where a page lists or restores them."""
    scope = scope_of(user)
    plans = Plan.objects.select_related("region")
    if not include_archived:
        plans = plans.active()
    if scope.sees_everything:
        return plans
    if scope.is_anonymous or not scope.region_path:
        return plans.none()
    # A plan is visible in the region it governs and to every unit inside that region.
    governing = [scope.region_path[: i + 1] for i, ch in enumerate(scope.region_path) if ch == "/"]
    q = Q(region__path__in=governing)
    if scope.sees_region:
        q |= Q(region__path__startswith=scope.region_path)
    return plans.filter(q)


def visible_tasks(user: Any, include_archived: bool = False) -> QuerySet[Task]:
    scope = scope_of(user)
    tasks = Task.objects.filter(plan__in=visible_plans(user, include_archived))
    if scope.sees_region:
        return tasks
    return tasks.filter(own_task_q(scope)).distinct()


def own_task_q(scope: Scope) -> Q:
    path = scope.organization_path or "\x00"
    return Q(lead_units__path__startswith=path) | Q(responsible_units__path__startswith=path)


def can_edit_plan(user: Any, plan: Plan) -> bool:
    """Supervisors of the plan's region; an archived plan is read-only until it is restored."""
    return can_archive_plan(user, plan) and plan.archived_at is None


def can_archive_plan(user: Any, plan: Plan) -> bool:
    scope = scope_of(user)
    return scope.supervises and scope.in_region(plan.region.path)


def can_report_on_task(user: Any, task: Task) -> bool:
    """Supervisors in the region, and reporters of a lead or responsible unit of the task; none once archived."""
    if task.plan.archived_at is not None:
        return False
    if can_edit_plan(user, task.plan):
        return True
    scope = scope_of(user)
    units = [*task.lead_units.all(), *task.responsible_units.all()]
    return any(scope.owns(unit.path) for unit in units)


def get_plan_for_user(user: Any, pk: int, write: bool = False) -> Plan:
    plan = visible_plans(user, include_archived=True).filter(pk=pk).first()
    if plan is None:
        raise Http404("没有找到该规划。")
    if write and plan.archived_at is not None and can_archive_plan(user, plan):
        raise PermissionDenied(ARCHIVED)
    if write and not can_edit_plan(user, plan):
        raise PermissionDenied("只有本区域的督导室可以修改规划。")
    return plan


def get_target_for_user(user: Any, pk: int, write: bool = False) -> Target:
    target = (
        Target.objects.select_related("plan__region")
        .filter(pk=pk, plan__in=visible_plans(user, include_archived=True))
        .first()
    )
    if target is None:
        raise Http404("没有找到该目标。")
    if write and target.plan.archived_at is not None:
        raise PermissionDenied(ARCHIVED)
    if write and not can_edit_plan(user, target.plan):
        raise PermissionDenied("只有本区域的督导室可以修改目标。")
    return target


def get_task_for_user(user: Any, pk: int, write: bool = False, report: bool = False) -> Task:
    """`write`: edit the task itself (supervisors); `report`: change its progress status (its units too)."""
    task = (
        visible_tasks(user, include_archived=True)
        .select_related("plan__region")
        .prefetch_related("lead_units", "responsible_units")
        .filter(pk=pk)
        .first()
    )
    if task is None:
        raise Http404("没有找到该任务。")
    if (write or report) and task.plan.archived_at is not None:
        raise PermissionDenied(ARCHIVED)
    if write and not can_edit_plan(user, task.plan):
        raise PermissionDenied("只有本区域的督导室可以修改任务。")
    if report and not can_report_on_task(user, task):
        raise PermissionDenied("只有任务的牵头或责任单位可以更新进展。")
    return task
