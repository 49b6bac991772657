"""Named state changes for plans, targets and tasks. Views, commands and tests all call these.

Each runs in one transaction and records the acting user in the change history
(django-simple-history reads `_history_user`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from vetplan.core.history import acting_user, record_by
from vetplan.core.versioning import check_version
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.services import add_alias, create_organization
from vetplan.plans import target_links
from vetplan.plans.access import can_archive_plan
from vetplan.plans.models import Plan, Target, Task, text_digest
from vetplan.plans.signals import targets_changed
from vetplan.plans.timeline import Timeline, parse_timeline, task_schedule
from vetplan.plans.units import PlanUnits, resolve_plan_units


class PlanImportError(ValueError):
    """A plan document whose content cannot be saved; the message names the place."""


@dataclass
class ImportSummary:
    """What an import saved, as the batch command prints it."""

    targets: int = 0
    linked: int = 0
    tasks: int = 0
    without_owner: int = 0
    never_due: int = 0
    new_organizations: int = 0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"imported: {self.targets} targets ({self.linked} linked, {self.targets - self.linked} hand-reported), "
            f"{self.tasks} tasks ({self.without_owner} without owner, {self.never_due} never due), "
            f"{self.new_organizations} new organisations"
        )


@transaction.atomic
def import_plan_document(
    data: Mapping[str, Any],
    *,
    region: Region,
    by: Any,
    source_name: str = "",
    source_text: str = "",
    unit_choices: Mapping[str, Mapping[str, Any]] | None = None,
    summary: ImportSummary | None = None,
) -> Plan:
    """Save an extracted plan (the extraction spec's shape) as Plan, Targets and Tasks, or nothing.

    Unit names are resolved within the plan's region (`plans.units`): found units are used,
    groups expand to their units, generic phrases are left out, and the rest are created as
    new units of the region their name points at (the review's choices first). Each task
    falls due by its column, its wording or yearly (`timeline.task_schedule`). Each target is
    linked to the catalogue indicator it fits, in that indicator's unit (`target_links`).
    """
    summary = summary if summary is not None else ImportSummary()
    meta = data.get("meta", {})
    title = (meta.get("title") or "").strip()
    if not title:
        raise PlanImportError("规划标题为空：请在审核页填写标题。")
    plan = Plan(
        title=title[:255],
        issuer=(meta.get("issuer") or "")[:128],
        doc_number=(meta.get("doc_number") or "")[:64],
        issued_on=_date(meta.get("date"), "meta.date"),
        region=region,
        source_name=source_name,
        source_text=source_text,
        source_digest=text_digest(source_text) if source_text else "",
        created_by=acting_user(by),
    )
    target_rows = list(data.get("targets", []))
    targets = [_target(plan, i, t) for i, t in enumerate(target_rows, start=1)]
    task_rows = _task_rows(data.get("tasks", []))
    units = resolve_plan_units(data, region, unit_choices)
    years = [t.deadline_year for t in targets if t.deadline_year]
    plan.period_end = max(years) if years else None
    plan.period_start = plan.issued_on.year if plan.issued_on else None
    record_by(plan, by)
    plan.save()

    summary.new_organizations += _create_units(units, by)
    tasks = []
    for row in task_rows:
        lead = units.organizations(row["lead_units"])
        responsible = [org for org in units.organizations(row["responsible_units"]) if org not in lead]
        task = Task(
            plan=plan,
            seq=row["seq"],
            text=row["text"],
            section=row.get("section") or "",
            timeline=(row.get("timeline") or "")[:128],
            deadline=row["schedule"].deadline,
            recurrence=Task.Recurrence.YEARLY if row["schedule"].yearly else Task.Recurrence.ONCE,
        )
        record_by(task, by)
        task.save()
        task.lead_units.set(lead)
        task.responsible_units.set(responsible)
        tasks.append((task, lead or responsible))
        summary.without_owner += not (lead or responsible)
        summary.never_due += task.deadline is None and task.recurrence == Task.Recurrence.ONCE
    summary.tasks += len(tasks)

    index, indicators = target_links.catalogue(), {i.code: i for i in target_links.indicator_model().objects.all()}
    task_of: dict[int, Task] = {}
    for target, row in zip(targets, target_rows, strict=True):
        link = target_links.link_for(row, index, units.resolver, indicators)
        target.plan = plan
        target.scope_organization = link.scope
        source = _source_task(target, tasks)
        if source is not None:
            task_of[target.seq] = source[0]
        owner = source[1][0] if source else units.resolver.match("教育").organization
        target.reporting_unit = link.scope or owner
        if link.indicator is not None:
            target.indicator = link.indicator
            target.value = Decimal(str(link.value))
            target.value_max = None if link.value_max is None else Decimal(str(link.value_max))
            target.unit = link.unit[:16]
            summary.linked += 1
        elif link.note:
            summary.notes.append(f"目标 {target.seq}“{target.indicator_text}”手工填报：{link.note}")
    Target.objects.bulk_create(targets)
    links = [Task.targets.through(task_id=task_of[t.seq].pk, target_id=t.pk) for t in targets if t.seq in task_of]
    Task.targets.through.objects.bulk_create(links)
    summary.targets += len(targets)
    summary.notes += [f"单位“{u.name}”：{u.note}" for u in units if u.action in ("ignore", "group") and u.note]
    targets_changed.send(sender=Target, targets=plan.targets.all())
    return plan


def _task_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every task row checked (numbering, wording) and its schedule read, before anything is saved."""
    checked: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, row in enumerate(rows, start=1):
        seq = str(row.get("seq") or index).strip()[:32]
        if seq in seen:
            raise PlanImportError(f"任务第 {index} 行：序号 {seq} 重复。")
        seen.add(seq)
        text = (row.get("text") or "").strip()
        if not text:
            raise PlanImportError(f"任务 {seq}：工作任务内容为空。")
        checked.append({**row, "seq": seq, "text": text, "schedule": schedule_of(row, f"任务 {seq}")})
    return checked


def schedule_of(row: Mapping[str, Any], where: str = "任务") -> Timeline:
    """A task row's schedule: the reviewer's deadline or recurrence, else its column, wording or yearly."""
    derived = task_schedule(row.get("timeline"), row.get("text"))
    recurrence = row.get("recurrence")
    if recurrence not in (None, "", *Task.Recurrence.values):
        raise PlanImportError(f"{where}：周期 {recurrence!r} 无效。")
    if row.get("deadline"):
        return Timeline(
            _date(row.get("deadline"), f"{where}的完成时限"), recurrence == Task.Recurrence.YEARLY, source="review"
        )
    if recurrence == Task.Recurrence.YEARLY:
        return Timeline(None, True, source="review")
    if recurrence == Task.Recurrence.ONCE and not derived.deadline:
        return Timeline(None, False, source="review")
    return derived


def _create_units(units: PlanUnits, by: Any) -> int:
    """Create the new units, merge same-key names into them, keep mapped names as aliases."""
    created = 0
    limit = Organization._meta.get_field("name").max_length or 128
    for unit in units:
        if unit.action == "create":
            if unit.new_type not in Organization.Type.values:
                raise PlanImportError(f"新单位“{unit.name}”：单位类型 {unit.new_type!r} 无效。")
            if len(unit.new_name) > limit:
                raise PlanImportError(f"新单位“{unit.new_name[:20]}…”：名称过长。")
            region = unit.new_region or units.resolver.region
            existing = Organization.objects.filter(region=region, name=unit.new_name).first()
            if existing is None:
                aliases = [unit.name] if unit.name != unit.new_name else []
                unit.organization = create_organization(
                    name=unit.new_name, type=unit.new_type, region=region, aliases=aliases, by=by
                )
                created += 1
            else:
                unit.organization = existing
                add_alias(existing, unit.name, by=by)
        elif unit.action == "map" and unit.organization is not None:
            add_alias(unit.organization, unit.name, by=by)
    for unit in units:
        if unit.action == "same_as":
            unit.organization = units[unit.same_as].organization
            if unit.organization is not None:
                add_alias(unit.organization, unit.name, by=by)
    return created


def _source_task(
    target: Target, tasks: list[tuple[Task, list[Organization]]]
) -> tuple[Task, list[Organization]] | None:
    """The task whose wording holds the target's sentence (the target belongs to it), with its owners;
    its first owner reports the target by hand."""
    sentence = re.sub(r"[\s，,。；;：:“”\"]", "", target.sentence or "")[:40]
    if sentence:
        for task, owners in tasks:
            if owners and sentence in re.sub(r"[\s，,。；;：:“”\"]", "", task.text):
                return task, owners
    return None


@transaction.atomic
def update_plan(plan: Plan, *, by: Any, version: Any = None, **changes: Any) -> Plan:
    check_version(plan, version)
    return _save_changes(plan, by, changes)


@transaction.atomic
def archive_plan(plan: Plan, *, by: Any) -> Plan:
    """归档: the plan leaves the home page, the dashboard, the task lists and reminders; history stays."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.archived_at is not None:
        return plan
    return _save_changes(plan, by, {"archived_at": timezone.now(), "archived_by": acting_user(by)})


@transaction.atomic
def restore_plan(plan: Plan, *, by: Any) -> Plan:
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    if plan.archived_at is None:
        return plan
    return _save_changes(plan, by, {"archived_at": None, "archived_by": None})


@transaction.atomic
def create_target(plan: Plan, *, by: Any, **fields: Any) -> Target:
    last = plan.targets.order_by("-seq").values_list("seq", flat=True).first() or 0
    target = Target(plan=plan, seq=fields.pop("seq", None) or last + 1, **fields)
    _fit_to_indicator(target)
    _save_changes(target, by, {})
    targets_changed.send(sender=Target, targets=Target.objects.filter(pk=target.pk))
    return target


@transaction.atomic
def update_target(target: Target, *, by: Any, version: Any = None, **changes: Any) -> Target:
    """Save a target's changes; its status is recomputed at once (goal, indicator or scope may differ)."""
    check_version(target, version)
    for name, value in changes.items():
        setattr(target, name, value)
    _fit_to_indicator(target)
    _save_changes(target, by, {})
    targets_changed.send(sender=Target, targets=Target.objects.filter(pk=target.pk))
    return target


def _fit_to_indicator(target: Target) -> None:
    """A linked target is stated in its indicator's unit (converted: 3.6万人 → 36000 人) and level;
    a pair that does not fit (a % goal on a count, a 高职 goal on a 中职 figure) is refused."""
    if target.indicator_id is None or target.value is None:
        return
    indicator = target.indicator
    fitted = target_links.check_fit(
        indicator,
        value=float(target.value),
        value_max=None if target.value_max is None else float(target.value_max),
        unit=target.unit,
        text=target.indicator_text,
    )
    if not fitted.ok:
        raise ValidationError({"indicator": f"不能关联“{indicator.name}”：{fitted.reason}"})
    if target.unit != indicator.unit:
        target.value = Decimal(str(fitted.value))
        target.value_max = None if fitted.value_max is None else Decimal(str(fitted.value_max))
        target.unit = indicator.unit


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
    version: Any = None,
    **changes: Any,
) -> Task:
    check_version(task, version)
    stored = Task.objects.filter(pk=task.pk).values_list("status", flat=True).first()
    if "status" in changes and changes["status"] != stored and Task.Status.DONE in (changes["status"], stored):
        raise ValidationError(
            {"status": "已完成须经申请办结、督导室审核通过；修改任务时不能直接设为已完成或重新打开。"}
        )
    _apply_timeline(task, changes)
    _save_changes(task, by, changes)
    if lead_units is not None:
        task.lead_units.set(list(lead_units))
    if responsible_units is not None:
        task.responsible_units.set(list(responsible_units))
    return task


@transaction.atomic
def set_task_status(task: Task, *, by: Any, status: str) -> Task:
    """未开始/进行中 are the task's units' to report. 已完成 goes through review: a unit asks to close
    the task (申请办结, supervision) and the region's 督导室 accepts, so only the 督导室 (or the
    system: commands, the demo) completes a task or reopens a completed one, recorded as theirs."""
    if status not in Task.Status.values:
        raise ValueError(f"未知的任务状态：{status}")
    stored = Task.objects.select_for_update().filter(pk=task.pk).values_list("status", flat=True).first()
    current = stored or task.status  # the row's status, not a copy read before someone else's change
    completes_or_reopens = Task.Status.DONE in (status, current) and status != current
    if completes_or_reopens and by is not None and not can_archive_plan(by, task.plan):
        raise ValidationError(
            {"status": "任务须由牵头单位申请办结、经督导室审核通过后才算已完成；已完成的任务只有督导室可以重新打开。"}
        )
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
