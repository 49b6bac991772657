"""Actions from findings: 通报 bulletins, 约谈 interviews, 限期整改 orders, 联席会议 meetings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from vetplan.core.history import acting_user
from vetplan.core.versioning import check_version
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan, Task
from vetplan.plans.services import create_task
from vetplan.supervision.models import (
    Bulletin,
    Consequence,
    InspectionRound,
    Interview,
    Meeting,
    MeetingDecision,
    RectificationOrder,
)
from vetplan.supervision.services._common import SupervisionError, check_evidence, save, store_evidence
from vetplan.supervision.services.consequences import link_consequence
from vetplan.supervision.services.rounds import round_results
from vetplan.supervision.signals import order_issued


@transaction.atomic
def draft_bulletin(
    region: Region,
    *,
    by: Any,
    kind: str,
    title: str,
    body: str,
    organizations: Iterable[Organization] = (),
    round: InspectionRound | None = None,
    consequence: Consequence | None = None,
) -> Bulletin:
    """`consequence`: the 结果运用 (表彰, 资金奖补, 纳入年度考核) this bulletin carries out."""
    bulletin = Bulletin(region=region, kind=kind, title=title, body=body, round=round, created_by=acting_user(by))
    bulletin.full_clean()
    save(bulletin, by)
    bulletin.organizations.set(list(organizations))
    if consequence is not None:
        link_consequence(consequence, by=by, carried_by=bulletin)
    return bulletin


@transaction.atomic
def update_bulletin(
    bulletin: Bulletin,
    *,
    by: Any,
    organizations: Iterable[Organization] | None = None,
    version: Any = None,
    **changes: Any,
) -> Bulletin:
    check_version(bulletin, version)
    bulletin = Bulletin.objects.get(pk=bulletin.pk)
    if bulletin.status != Bulletin.Status.DRAFT:
        raise SupervisionError("已发布的通报不能修改。")
    for name, value in changes.items():
        setattr(bulletin, name, value)
    bulletin.full_clean()
    save(bulletin, by)
    if organizations is not None:
        bulletin.organizations.set(list(organizations))
    return bulletin


@transaction.atomic
def publish_bulletin(bulletin: Bulletin, *, by: Any, version: Any = None) -> Bulletin:
    """Make a draft public. `version`: the draft as the confirmation page showed it; a draft
    changed since is not published (StaleEdit), so what goes public is what was confirmed."""
    check_version(bulletin, version)
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    if bulletin.status != Bulletin.Status.DRAFT:
        raise SupervisionError("该通报已经发布。" if bulletin.published_at else "只有草稿可以发布。")
    return save(bulletin, by, status=Bulletin.Status.PUBLISHED, published_at=timezone.now())  # type: ignore[no-any-return]


def bulletin_public_content(bulletin: Bulletin) -> dict[str, Any]:
    """What publishing makes public: the text, the units it names and, when it reports on a round,
    their results there (the downloads carry them, reports/bulletin.py)."""
    units = sorted(bulletin.organizations.all(), key=lambda unit: unit.name)
    results = {}
    if bulletin.round is not None:
        results = {a.organization_id: a for a in round_results(bulletin.round)}
    return {"units": units, "results": [(unit, results.get(unit.pk)) for unit in units] if results else []}


@transaction.atomic
def withdraw_bulletin(bulletin: Bulletin, *, by: Any, reason: str, version: Any = None) -> Bulletin:
    """撤回: a published bulletin is no longer current; its page says when and why. History keeps both."""
    if not reason.strip():
        raise SupervisionError("撤回通报须填写撤回原因。")
    check_version(bulletin, version)
    bulletin = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
    if bulletin.status != Bulletin.Status.PUBLISHED:
        raise SupervisionError("只有已发布的通报可以撤回。")
    return save(  # type: ignore[no-any-return]
        bulletin, by, status=Bulletin.Status.WITHDRAWN, withdrawn_at=timezone.now(), withdrawal_reason=reason.strip()
    )


@transaction.atomic
def record_interview(
    region: Region,
    *,
    by: Any,
    organization: Organization,
    held_on: dt.date,
    interviewee: str,
    interviewer: str,
    reason: str,
    agreed: str,
    consequence: Consequence | None = None,
) -> Interview:
    interview = Interview(
        region=region,
        organization=organization,
        held_on=held_on,
        interviewee=interviewee,
        interviewer=interviewer,
        reason=reason,
        agreed=agreed,
        recorded_by=acting_user(by),
    )
    interview.full_clean()
    save(interview, by)
    if consequence is not None:
        link_consequence(consequence, by=by, carried_by=interview)
    return interview


@transaction.atomic
def issue_rectification_order(
    region: Region,
    *,
    by: Any,
    organization: Organization,
    finding: str,
    deadline: dt.date,
    requirement: str = "",
    round: InspectionRound | None = None,
    consequence: Consequence | None = None,
) -> RectificationOrder:
    order = RectificationOrder(
        region=region,
        organization=organization,
        finding=finding,
        requirement=requirement,
        deadline=deadline,
        round=round,
        issued_by=acting_user(by),
    )
    order.full_clean()
    save(order, by)
    if consequence is not None:
        link_consequence(consequence, by=by, carried_by=order)
    order_issued.send(sender=RectificationOrder, order=order, by=by)
    return order


@transaction.atomic
def update_rectification_order(
    order: RectificationOrder, *, by: Any, version: Any = None, **changes: Any
) -> RectificationOrder:
    """The 督导室 corrects an order's finding, requirement or deadline while it is open."""
    check_version(order, version)
    order = RectificationOrder.objects.get(pk=order.pk)
    if order.status == RectificationOrder.Status.CLOSED:
        raise SupervisionError("已核验销号的整改通知不能修改。")
    for name, value in changes.items():
        setattr(order, name, value)
    order.full_clean()
    return save(order, by)  # type: ignore[no-any-return]


@transaction.atomic
def submit_rectification(
    order: RectificationOrder, *, by: Any, follow_up: str, files: Iterable[UploadedFile] = (), version: Any = None
) -> RectificationOrder:
    """The unit reports what it has put right, with evidence."""
    check_version(order, version)
    order = RectificationOrder.objects.select_for_update().get(pk=order.pk)
    if order.status not in (RectificationOrder.Status.ISSUED, RectificationOrder.Status.RETURNED):
        raise SupervisionError("该整改通知当前不需要提交整改情况。")
    if not follow_up.strip():
        raise SupervisionError("请填写整改情况。")
    checked = check_evidence(files)
    save(order, by, follow_up=follow_up, status=RectificationOrder.Status.SUBMITTED)
    store_evidence(checked, by=by, order=order)
    return order


@transaction.atomic
def return_rectification(order: RectificationOrder, *, by: Any, verification: str) -> RectificationOrder:
    if not verification.strip():
        raise SupervisionError("退回整改时须填写核验意见。")
    order = RectificationOrder.objects.select_for_update().get(pk=order.pk)
    if order.status != RectificationOrder.Status.SUBMITTED:
        raise SupervisionError("只有待核验的整改可以退回。")
    return save(order, by, status=RectificationOrder.Status.RETURNED, verification=verification)  # type: ignore[no-any-return]


@transaction.atomic
def close_rectification_order(order: RectificationOrder, *, by: Any, verification: str) -> RectificationOrder:
    """Verified on the spot or on the evidence: the order is closed (销号)."""
    order = RectificationOrder.objects.select_for_update().get(pk=order.pk)
    if order.status != RectificationOrder.Status.SUBMITTED:
        raise SupervisionError("只有已提交整改情况的通知可以核验销号。")
    return save(  # type: ignore[no-any-return]
        order, by, status=RectificationOrder.Status.CLOSED, verification=verification, closed_at=timezone.now()
    )


@transaction.atomic
def create_meeting(
    region: Region,
    *,
    by: Any,
    title: str,
    held_on: dt.date,
    members: Iterable[Organization],
    minutes: str = "",
    decisions: Iterable[str] = (),
) -> Meeting:
    meeting = Meeting(region=region, title=title, held_on=held_on, minutes=minutes, created_by=acting_user(by))
    meeting.full_clean()
    save(meeting, by)
    meeting.members.set(list(members))
    for text in decisions:
        if text.strip():
            save(MeetingDecision(meeting=meeting, text=text.strip()), by)
    return meeting


@transaction.atomic
def update_meeting(
    meeting: Meeting,
    *,
    by: Any,
    members: Iterable[Organization] | None = None,
    decisions: Iterable[str] = (),
    version: Any = None,
    **changes: Any,
) -> Meeting:
    """Correct a meeting's record; `decisions` are added to those it already has."""
    check_version(meeting, version)
    meeting = Meeting.objects.get(pk=meeting.pk)
    for name, value in changes.items():
        setattr(meeting, name, value)
    meeting.full_clean()
    save(meeting, by)
    if members is not None:
        meeting.members.set(list(members))
    for text in decisions:
        if text.strip():
            save(MeetingDecision(meeting=meeting, text=text.strip()), by)
    return meeting


@transaction.atomic
def add_meeting_decision(meeting: Meeting, *, by: Any, text: str) -> MeetingDecision:
    if not text.strip():
        raise SupervisionError("议定事项不能为空。")
    return save(MeetingDecision(meeting=meeting, text=text.strip()), by)  # type: ignore[no-any-return]


@transaction.atomic
def turn_decision_into_task(
    decision: MeetingDecision,
    *,
    by: Any,
    plan: Plan,
    seq: str,
    lead_units: Iterable[Organization],
    responsible_units: Iterable[Organization] = (),
    deadline: dt.date | None = None,
    text: str = "",
) -> Task:
    """One step from a meeting decision to a task of a plan, with its units and deadline."""
    decision = MeetingDecision.objects.select_for_update().get(pk=decision.pk)
    if decision.task_id is not None:
        raise SupervisionError("该议定事项已转化为任务。")
    if plan.tasks.filter(seq=seq).exists():
        raise SupervisionError(f"规划中已有序号为 {seq} 的任务。")
    task = create_task(
        plan,
        by=by,
        seq=seq,
        text=text.strip() or decision.text,
        section=f"联席会议议定：{decision.meeting.title}"[:255],
        deadline=deadline,
        lead_units=lead_units,
        responsible_units=responsible_units,
    )
    save(decision, by, task=task, plan=plan)
    return task
