"""The audit trail: who changed what in supervision, when, before and after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from vetplan.core.access import scope_of
from vetplan.core.history import CHANGE_TYPES, FieldChange, _display, _m2m_names
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.orgs.models import Organization
from vetplan.reports.models import QualityReport
from vetplan.supervision import models as m

# Model → how its rows reach a region (for the supervisor's scope).
AUDITED: dict[type[Any], str] = {
    m.ProgressReport: "task__plan__region",
    m.SupervisionItem: "task__plan__region",
    m.InspectionRound: "region",
    m.Assessment: "round__region",
    m.RoundCriterion: "round__region",
    m.CriterionScore: "assessment__round__region",
    m.Consequence: "assessment__round__region",
    m.Bulletin: "region",
    m.Interview: "region",
    m.RectificationOrder: "region",
    m.Meeting: "region",
    m.MeetingDecision: "meeting__region",
    m.EvidenceFile: "",
    m.UrgeNotice: "item__task__plan__region",
    QualityReport: "region",  # 年度质量报告: drafted, written and published by the supervisors
}
PER_MODEL_LIMIT = 1000


@dataclass(frozen=True)
class AuditEntry:
    when: datetime
    user: str
    model: str
    obj: str
    action: str
    changes: list[FieldChange]


def audit_trail(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    wanted = request.GET.get("model", "")
    records: list[tuple[type[Any], Any]] = []
    for model, region_field in AUDITED.items():
        if wanted and wanted != model._meta.model_name:
            continue
        history = model.history.select_related("history_user")  # type: ignore[attr-defined]
        if not scope.sees_everything:
            if region_field:
                history = history.filter(scope.region_q(region_field))
            else:
                path = scope.region_path or "\x00"
                history = history.filter(
                    Q(report__task__plan__region__path__startswith=path) | Q(order__region__path__startswith=path)
                )
        records += [(model, r) for r in history.order_by("-history_date")[:PER_MODEL_LIMIT]]
    records.sort(key=lambda pair: pair[1].history_date, reverse=True)
    page = paginate(request, records)
    names = dict(Organization.objects.values_list("pk", "name"))
    previous = _previous_records(page.object_list)
    page.object_list = [
        _entry(model, record, previous.get((model, record.history_id)), names) for model, record in page.object_list
    ]
    return render(
        request,
        "supervision/audit_trail.html",
        {
            "page": page,
            "models": [(model._meta.model_name, model._meta.verbose_name) for model in AUDITED],
            "filters": {"model": wanted},
            "querystring": querystring_without_page(request),
        },
    )


def _previous_records(rows: list[tuple[type[Any], Any]]) -> dict[tuple[type[Any], int], Any]:
    """Each record's predecessor, one query per model on the page (not one per record)."""
    by_model: dict[type[Any], set[int]] = {}
    for model, record in rows:
        by_model.setdefault(model, set()).add(record.id)
    previous: dict[tuple[type[Any], int], Any] = {}
    for model, ids in by_model.items():
        history = model.history.filter(id__in=ids).order_by("id", "history_date", "history_id")  # type: ignore[attr-defined]
        last: dict[int, Any] = {}
        for record in history:
            if record.id in last:
                previous[(model, record.history_id)] = last[record.id]
            last[record.id] = record
    return previous


def _entry(model: type[Any], record: Any, previous: Any, names: dict[int, str]) -> AuditEntry:
    changes = []
    if previous is not None:
        for change in record.diff_against(previous).changes:
            field = model._meta.get_field(change.field)
            if field.many_to_many:
                old, new = _m2m_names(change.old, names), _m2m_names(change.new, names)
            else:
                old, new = _display(field, change.old), _display(field, change.new)
            changes.append(FieldChange(change.field, str(field.verbose_name), old, new))
    user = record.history_user
    return AuditEntry(
        when=record.history_date,
        user=(user.get_full_name() or user.get_username()) if user else "系统",
        model=str(model._meta.verbose_name),
        obj=f"#{record.id}",
        action=CHANGE_TYPES.get(record.history_type, record.history_type),
        changes=changes,
    )
