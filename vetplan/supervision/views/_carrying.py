"""A new 通报, interview or order created to carry out a round's consequence (`?consequence=N`)."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from vetplan.core.params import query_int
from vetplan.supervision import access, services
from vetplan.supervision.models import Bulletin, Consequence


def consequence_of(request: HttpRequest, carrier: str) -> Consequence | None:
    """The 结果运用 a new record is created to carry out (`?consequence=N`), if any, checked."""
    pk = query_int(request, "consequence")
    if pk is None:
        return None
    consequence = access.get_consequence_for_user(request.user, pk, write=True)
    if services.carrier_field(consequence.kind) != carrier:
        raise Http404("该结果运用不由此类记录落实。")
    return consequence


def round_of(consequence: Consequence | None) -> Any:
    return consequence.assessment.round if consequence is not None else None


def intro_for(consequence: Consequence | None) -> dict[str, str]:
    if consequence is None:
        return {}
    unit = consequence.assessment.organization.display_name
    return {
        "intro": f"落实“{consequence.assessment.round.title}”对{unit}的结果运用：{consequence.get_kind_display()}。"
    }


def bulletin_initial(consequence: Consequence | None) -> dict[str, Any]:
    if consequence is None:
        return {}
    assessment = consequence.assessment
    kind = Bulletin.Kind.GENERAL if consequence.kind == Consequence.Kind.ANNUAL_REVIEW else Bulletin.Kind.PRAISE
    return {
        "kind": kind,
        "title": f"关于{assessment.round.title}结果运用的通报",
        "organizations": [assessment.organization_id],
    }
