"""What a user may see and change in supervision (one helper per model).

Supervisors see and write everything in their region; department reporters see their
region; school and enterprise reporters see their own unit's records. Reporters write
their own unit's progress reports and rectification follow-ups. "Not found" and "not
yours" look the same to an outsider (404); allowed to see but not to write is 403.
Published bulletins are public.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from vetplan.core.access import Scope, published_or_supervised, scope_of
from vetplan.orgs.models import Organization, Region
from vetplan.plans.access import can_report_on_task, visible_tasks
from vetplan.supervision.models import (
    Bulletin,
    Consequence,
    EvidenceFile,
    InspectionRound,
    Interview,
    Meeting,
    MeetingDecision,
    ProgressReport,
    RectificationOrder,
    RoundCriterion,
    SupervisionItem,
)
from vetplan.supervision.obligations import reporting_units

SUPERVISORS_ONLY = "只有本区域的督导室可以执行此操作。"


def _own_q(scope: Scope, field: str = "organization") -> Q:
    return Q(**{f"{field}__path__startswith": scope.organization_path or "\x00"})


def _supervises(user: Any, region_path: str) -> bool:
    scope = scope_of(user)
    return scope.supervises and scope.in_region(region_path)


def _owns(user: Any, org: Organization) -> bool:
    return scope_of(user).owns(org.path)


def supervisor_region(user: Any) -> Region:
    """The region a supervisor's new rounds, bulletins and meetings belong to."""
    scope = scope_of(user)
    region = Region.objects.filter(pk=scope.region_id).first() if scope.region_id else None
    if region is None or not scope.supervises:
        raise PermissionDenied("您的账号未关联督导室所在区域。")
    return region


def units_in_scope(user: Any) -> QuerySet[Organization]:
    """Units a supervisor may choose (scope of rounds, orders, meetings)."""
    scope = scope_of(user)
    return Organization.objects.filter(scope.region_q()).select_related("region")


# Progress reports ----------------------------------------------------------------------


def visible_reports(user: Any) -> QuerySet[ProgressReport]:
    scope = scope_of(user)
    reports = ProgressReport.objects.filter(task__in=visible_tasks(user))
    if scope.sees_region:
        return reports
    return reports.filter(_own_q(scope))


def report_units_for(user: Any, task: Any) -> list[Organization]:
    """Units the user may report for on this task: its own among the task's units; all for supervisors."""
    if not can_report_on_task(user, task):
        return []
    units = list({u.pk: u for u in [*task.lead_units.all(), *task.responsible_units.all()]}.values())
    if _supervises(user, task.plan.region.path):
        owed = {u.pk for u in reporting_units(task)}
        return sorted(units, key=lambda u: (u.pk not in owed, u.name))
    return [u for u in units if _owns(user, u)]


def closing_units_for(user: Any, task: Any) -> list[Organization]:
    """Units the user may ask to close the task for (申请办结): those it reports for that owe the
    task's reports (lead units; responsible units where there is no lead)."""
    closers = {u.pk for u in reporting_units(task)}
    return [u for u in report_units_for(user, task) if u.pk in closers]


def can_review_report(user: Any, report: ProgressReport) -> bool:
    return _supervises(user, report.task.plan.region.path)


def can_revise_report(user: Any, report: ProgressReport) -> bool:
    return can_review_report(user, report) or _owns(user, report.organization)


def get_report_for_user(user: Any, pk: int, write: bool = False, review: bool = False) -> ProgressReport:
    """`write`: revise and resubmit (the reporting unit, or supervisors); `review`: supervisors."""
    report = (
        visible_reports(user)
        .select_related("task__plan__region", "organization", "submitted_by", "reviewed_by")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("没有找到该进展报告。")
    if review and not can_review_report(user, report):
        raise PermissionDenied("只有本区域的督导室可以审核进展报告。")
    if write and not can_revise_report(user, report):
        raise PermissionDenied("只有报告单位可以修改进展报告。")
    return report


# Evidence files ------------------------------------------------------------------------


def get_evidence_for_user(user: Any, pk: int) -> EvidenceFile:
    evidence = EvidenceFile.objects.filter(
        Q(report__in=visible_reports(user)) | Q(order__in=visible_orders(user)), pk=pk
    ).first()
    if evidence is None:
        raise Http404("没有找到该文件。")
    return evidence


# 督办 items ----------------------------------------------------------------------------


def visible_items(user: Any) -> QuerySet[SupervisionItem]:
    scope = scope_of(user)
    items = SupervisionItem.objects.filter(task__in=visible_tasks(user))
    return items if scope.sees_region else items.filter(_own_q(scope))


def get_item_for_user(user: Any, pk: int, write: bool = False) -> SupervisionItem:
    item = visible_items(user).select_related("task__plan__region", "organization").filter(pk=pk).first()
    if item is None:
        raise Http404("没有找到该督办事项。")
    if write and not _supervises(user, item.task.plan.region.path):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return item


def get_unit_for_user(user: Any, pk: int) -> Organization:
    """A unit whose reminders the user may read: its own (or below), or any in a region it sees."""
    scope = scope_of(user)
    unit = Organization.objects.select_related("region").filter(pk=pk).first()
    if unit is None or not (scope.owns(unit.path) or (scope.sees_region and scope.in_region(unit.region.path))):
        raise Http404("没有找到该单位。")
    return unit


# Rectification orders ------------------------------------------------------------------


def visible_orders(user: Any) -> QuerySet[RectificationOrder]:
    scope = scope_of(user)
    orders = RectificationOrder.objects.filter(scope.region_q())
    return orders if scope.sees_region else orders.filter(_own_q(scope))


def can_write_order(user: Any, order: RectificationOrder) -> bool:
    return _supervises(user, order.region.path)


def owns_order(user: Any, order: RectificationOrder) -> bool:
    return _owns(user, order.organization)


def get_order_for_user(user: Any, pk: int, write: bool = False, follow_up: bool = False) -> RectificationOrder:
    """`write`: verify, return, close (supervisors); `follow_up`: report the rectification (the unit)."""
    order = visible_orders(user).select_related("region", "organization", "issued_by").filter(pk=pk).first()
    if order is None:
        raise Http404("没有找到该整改通知。")
    supervises = _supervises(user, order.region.path)
    if write and not supervises:
        raise PermissionDenied(SUPERVISORS_ONLY)
    if follow_up and not (supervises or _owns(user, order.organization)):
        raise PermissionDenied("只有整改单位可以提交整改情况。")
    return order


# Bulletins -----------------------------------------------------------------------------


def visible_bulletins(user: Any, include_withdrawn: bool = False) -> QuerySet[Bulletin]:
    """Published bulletins for everyone, anonymous included; drafts for supervisors of the region.

    Withdrawn (撤回) ones only where a page says they were withdrawn (`include_withdrawn`): lists
    of current documents and downloads leave them out.
    """
    public = (
        [Bulletin.Status.PUBLISHED, Bulletin.Status.WITHDRAWN] if include_withdrawn else [Bulletin.Status.PUBLISHED]
    )
    bulletins = published_or_supervised(Bulletin.objects.all(), user, Q(status__in=public))
    return bulletins if include_withdrawn else bulletins.exclude(status=Bulletin.Status.WITHDRAWN)


def get_bulletin_for_user(user: Any, pk: int, write: bool = False, include_withdrawn: bool = False) -> Bulletin:
    """A withdrawn bulletin is refused, saying when and why, unless the caller shows it as withdrawn."""
    bulletin = visible_bulletins(user, include_withdrawn=True).select_related("region").filter(pk=pk).first()
    if bulletin is None:
        raise Http404("没有找到该通报。")
    if bulletin.status == Bulletin.Status.WITHDRAWN and not include_withdrawn:
        when = f"{timezone.localtime(bulletin.withdrawn_at):%Y年%m月%d日}" if bulletin.withdrawn_at else ""
        raise PermissionDenied(
            f"该通报已于{when}撤回（撤回原因：{bulletin.withdrawal_reason}），不再作为有效文件提供下载。"
        )
    if write and not _supervises(user, bulletin.region.path):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return bulletin


# Interviews ----------------------------------------------------------------------------


def visible_interviews(user: Any) -> QuerySet[Interview]:
    scope = scope_of(user)
    interviews = Interview.objects.filter(scope.region_q())
    return interviews if scope.sees_region else interviews.filter(_own_q(scope))


# Rounds --------------------------------------------------------------------------------


def visible_rounds(user: Any) -> QuerySet[InspectionRound]:
    """The region's rounds; a school or enterprise sees the rounds that assessed it."""
    scope = scope_of(user)
    rounds = InspectionRound.objects.filter(scope.region_q())
    if scope.sees_region:
        return rounds
    return rounds.filter(units__path__startswith=scope.organization_path or "\x00").distinct()


def can_write_round(user: Any, round_: InspectionRound) -> bool:
    return _supervises(user, round_.region.path)


def get_round_for_user(user: Any, pk: int, write: bool = False) -> InspectionRound:
    round_ = visible_rounds(user).select_related("region").filter(pk=pk).first()
    if round_ is None:
        raise Http404("没有找到该督导轮次。")
    if write and not can_write_round(user, round_):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return round_


def get_criterion_for_user(user: Any, pk: int) -> RoundCriterion:
    """A round's own criterion, for the supervisors of its region only (they alone change it)."""
    criterion = (
        RoundCriterion.objects.filter(round__in=visible_rounds(user)).select_related("round__region").filter(pk=pk)
    ).first()
    if criterion is None:
        raise Http404("没有找到该评分项。")
    if not can_write_round(user, criterion.round):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return criterion


def get_consequence_for_user(user: Any, pk: int, write: bool = False) -> Consequence:
    consequence = (
        Consequence.objects.filter(assessment__round__in=visible_rounds(user))
        .select_related("assessment__round__region", "assessment__organization")
        .filter(pk=pk)
        .first()
    )
    if consequence is None:
        raise Http404("没有找到该结果运用记录。")
    if write and not can_write_round(user, consequence.assessment.round):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return consequence


def carrier_candidates(round_: InspectionRound, units: Iterable[Organization]) -> tuple[Any, Any, Any]:
    """The 通报 (not withdrawn), interviews and orders of the round's region that concern `units`:
    what a consequence of their results may be linked to. Three queries when listed."""
    unit_ids = [u.pk for u in units]
    in_region = Q(region__path__startswith=round_.region.path)
    bulletins = (
        Bulletin.objects.filter(in_region, organizations__in=unit_ids)
        .exclude(status=Bulletin.Status.WITHDRAWN)
        .distinct()
        .order_by("-pk")
    )
    interviews = Interview.objects.filter(in_region, organization__in=unit_ids).select_related("organization")
    orders = RectificationOrder.objects.filter(in_region, organization__in=unit_ids).select_related("organization")
    return bulletins, interviews.order_by("-held_on", "-pk"), orders.order_by("-pk")


# Meetings ------------------------------------------------------------------------------


def visible_meetings(user: Any) -> QuerySet[Meeting]:
    scope = scope_of(user)
    meetings = Meeting.objects.filter(scope.region_q())
    if scope.sees_region:
        return meetings
    return meetings.filter(members__path__startswith=scope.organization_path or "\x00").distinct()


def get_meeting_for_user(user: Any, pk: int, write: bool = False) -> Meeting:
    meeting = visible_meetings(user).select_related("region").filter(pk=pk).first()
    if meeting is None:
        raise Http404("没有找到该会议。")
    if write and not _supervises(user, meeting.region.path):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return meeting


def can_write_meeting(user: Any, meeting: Meeting) -> bool:
    return _supervises(user, meeting.region.path)


def get_decision_for_user(user: Any, pk: int, write: bool = False) -> MeetingDecision:
    decision = (
        MeetingDecision.objects.filter(meeting__in=visible_meetings(user))
        .select_related("meeting__region")
        .filter(pk=pk)
        .first()
    )
    if decision is None:
        raise Http404("没有找到该议定事项。")
    if write and not _supervises(user, decision.meeting.region.path):
        raise PermissionDenied(SUPERVISORS_ONLY)
    return decision


def can_supervise(user: Any) -> bool:
    return scope_of(user).supervises
