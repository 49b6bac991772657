"""Named state changes for plans, targets and tasks. Views, commands and tests all call these.

Each runs in one transaction and records the acting user in the change history
(django-simple-history reads `_history_user`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from vetplan.core.history import acting_user, record_by
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.services import OrganizationResolver, create_organization
from vetplan.plans.models import Plan, Target, Task
from vetplan.plans.timeline import parse_timeline


class PlanImportError(ValueError):
    """A plan document whose content cannot be saved; the message names the place."""


@dataclass
class UnitResolution:
    """How the unit names of a document map to organisations; unresolved names become new units.

    `same_as` ties an unresolved name to an earlier unresolved one with the same matching key
    (`区税务局`, `税务局`): both become one new organisation, named by the first.
    """

    resolved: dict[str, Organization] = field(default_factory=dict)
    unresolved: list[str] = field(default_factory=list)
    same_as: dict[str, str] = field(default_factory=dict)


def resolve_units(data: Mapping[str, Any], region: Region) -> UnitResolution:
    resolver = OrganizationResolver(region)
    result = UnitResolution()
    new_by_key: dict[str, str] = {}
    for task in data.get("tasks", []):
        for name in [*task.get("lead_units", []), *task.get("responsible_units", [])]:
            if name in result.resolved or name in result.unresolved or name in result.same_as:
                continue
            org = resolver.resolve(name)
            if org is not None:
                result.resolved[name] = org
            elif resolver.key(name) in new_by_key:
                result.same_as[name] = new_by_key[resolver.key(name)]
            else:
                new_by_key[resolver.key(name)] = name
                result.unresolved.append(name)
    return result


@transaction.atomic
def import_plan_document(
    data: Mapping[str, Any],
    *,
    region: Region,
    by: Any,
    source_name: str = "",
    source_text: str = "",
    new_unit_type: str = Organization.Type.GOVERNMENT,
    new_unit_types: Mapping[str, str] | None = None,
) -> Plan:
    """Save an extracted plan (the extraction spec's shape) as Plan, Targets and Tasks, or nothing.

    Unit names are resolved to organisations of the region; names that match none are
    created as new organisations of the type `new_unit_types` gives the name, else of
    `new_unit_type` (the review page shows them first).
    """
    meta = data.get("meta", {})
    title = (meta.get("title") or "").strip()
    if not title:
        raise PlanImportError("规划标题为空：请在审核页填写标题。")
    plan = Plan(
        title=title,
        issuer=meta.get("issuer") or "",
        doc_number=meta.get("doc_number") or "",
        issued_on=_date(meta.get("date"), "meta.date"),
        region=region,
        source_name=source_name,
        source_text=source_text,
        created_by=acting_user(by),
    )
    targets = [_target(plan, i, t) for i, t in enumerate(data.get("targets", []), start=1)]
    years = [t.deadline_year for t in targets if t.deadline_year]
    plan.period_end = max(years) if years else None
    plan.period_start = plan.issued_on.year if plan.issued_on else None
    record_by(plan, by)
    plan.save()
    for target in targets:
        target.plan = plan
    Target.objects.bulk_create(targets)

    units = resolve_units(data, region)
    for name in units.unresolved:
        unit_type = (new_unit_types or {}).get(name) or new_unit_type
        if unit_type not in Organization.Type.values:
            raise PlanImportError(f"新单位“{name}”：单位类型 {unit_type!r} 无效。")
        if len(name) > (Organization._meta.get_field("name").max_length or 128):
            raise PlanImportError(f"新单位“{name[:20]}…”：名称过长。")
        units.resolved[name] = create_organization(name=name, type=unit_type, region=region, by=by)
    for name, first in units.same_as.items():
        units.resolved[name] = units.resolved[first]
    seen: set[str] = set()
    for index, row in enumerate(data.get("tasks", []), start=1):
        seq = str(row.get("seq") or index).strip()
        if seq in seen:
            raise PlanImportError(f"任务第 {index} 行：序号 {seq} 重复。")
        seen.add(seq)
        text = (row.get("text") or "").strip()
        if not text:
            raise PlanImportError(f"任务 {seq}：工作任务内容为空。")
        timeline = parse_timeline(row.get("timeline"))
        task = Task(
            plan=plan,
            seq=seq,
            text=text,
            section=row.get("section") or "",
            timeline=row.get("timeline") or "",
            deadline=timeline.deadline,
            recurrence=Task.Recurrence.YEARLY if timeline.yearly else Task.Recurrence.ONCE,
        )
        record_by(task, by)
        task.save()
        task.lead_units.set(_dedupe(units.resolved[n] for n in row.get("lead_units", [])))
        task.responsible_units.set(_dedupe(units.resolved[n] for n in row.get("responsible_units", [])))
    return plan


@transaction.atomic
def update_plan(plan: Plan, *, by: Any, **changes: Any) -> Plan:
    return _save_changes(plan, by, changes)


@transaction.atomic
def create_target(plan: Plan, *, by: Any, **fields: Any) -> Target:
    last = plan.targets.order_by("-seq").values_list("seq", flat=True).first() or 0
    target = Target(plan=plan, seq=fields.pop("seq", None) or last + 1, **fields)
    return _save_changes(target, by, {})


@transaction.atomic
def update_target(target: Target, *, by: Any, **changes: Any) -> Target:
    return _save_changes(target, by, changes)


@transaction.atomic
def create_task(
    plan: Plan,
    *,
    by: Any,
    lead_units: Iterable[Organization] = (),
    responsible_units: Iterable[Organization] = (),
    **fields: Any,
) -> Task:
    task = Task(plan=plan)
    _apply_timeline(task, fields)
    _save_changes(task, by, fields)
    task.lead_units.set(list(lead_units))
    task.responsible_units.set(list(responsible_units))
    return task


@transaction.atomic
def update_task(
    task: Task,
    *,
    by: Any,
    lead_units: Iterable[Organization] | None = None,
    responsible_units: Iterable[Organization] | None = None,
    **changes: Any,
) -> Task:
    _apply_timeline(task, changes)
    _save_changes(task, by, changes)
    if lead_units is not None:
        task.lead_units.set(list(lead_units))
    if responsible_units is not None:
        task.responsible_units.set(list(responsible_units))
    return task


@transaction.atomic
def set_task_status(task: Task, *, by: Any, status: str) -> Task:
    if status not in Task.Status.values:
        raise ValueError(f"未知的任务状态：{status}")
    return _save_changes(task, by, {"status": status})


def _apply_timeline(task: Task, changes: dict[str, Any]) -> None:
    """A changed 时间进度 text sets the deadline and recurrence, unless they were changed too.

    Compared with the stored row, since a ModelForm has already copied its input onto `task`.
    """
    stored = Task.objects.filter(pk=task.pk).values("timeline", "deadline", "recurrence").first() if task.pk else None
    before = stored or {"timeline": "", "deadline": None, "recurrence": Task.Recurrence.ONCE}
    if "timeline" not in changes or changes["timeline"] == before["timeline"]:
        return
    if changes.get("deadline") not in (None, before["deadline"]):
        return  # the user set a deadline of their own
    parsed = parse_timeline(changes["timeline"])
    changes["deadline"] = parsed.deadline
    if changes.get("recurrence") in (None, before["recurrence"]):
        changes["recurrence"] = Task.Recurrence.YEARLY if parsed.yearly else Task.Recurrence.ONCE


def _save_changes(obj: Any, by: Any, changes: Mapping[str, Any]) -> Any:
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.full_clean(exclude=["plan"] if isinstance(obj, (Target, Task)) else None)
    record_by(obj, by)
    obj.save()
    return obj


def _target(plan: Plan, seq: int, row: Mapping[str, Any]) -> Target:
    where = f"目标第 {seq} 条"
    comparator = row.get("comparator") or ">="
    if comparator not in Target.Comparator.values:
        raise PlanImportError(f"{where}：比较方式 {comparator!r} 无效。")
    kind = row.get("kind") or Target.Kind.TARGET
    if kind not in Target.Kind.values:
        raise PlanImportError(f"{where}：类型 {kind!r} 无效。")
    deadline = row.get("deadline")
    if deadline is not None and not (isinstance(deadline, int) and 1990 <= deadline <= 2100):
        raise PlanImportError(f"{where}：目标年份 {deadline!r} 无效。")
    return Target(
        plan=plan,
        seq=seq,
        indicator_text=(row.get("indicator") or "").strip()[:255] or "（未命名指标）",
        comparator=comparator,
        value=_decimal(row.get("value"), f"{where}的目标值"),
        value_max=_decimal(row.get("value_max"), f"{where}的目标上限", optional=True),
        unit=(row.get("unit") or "")[:16],
        deadline_year=deadline,
        kind=kind,
        sentence=row.get("sentence") or "",
    )


def _decimal(value: Any, where: str, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise PlanImportError(f"{where} {value!r} 不是数字。") from None


def _date(value: Any, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise PlanImportError(f"{where}：日期 {value!r} 格式应为 YYYY-MM-DD。") from None


def _dedupe(orgs: Iterable[Organization]) -> list[Organization]:
    return list({org.pk: org for org in orgs}.values())
