"""A scored round with an order and an interview, and bulletins, built through the real services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from tests.conftest import County
from tests.factories import make_task
from vetplan.plans.models import Task
from vetplan.plans.services import set_task_status
from vetplan.supervision import services
from vetplan.supervision.models import Bulletin, InspectionRound


def scored_round(county: County) -> InspectionRound:
    """2026 round over the school, the enterprise and 人社局; the school scores best."""
    supervisor = county.users["supervisor"]
    done = make_task(county.plan, "5", lead=[county.school], deadline=dt.date(2026, 6, 30))
    set_task_status(done, by=supervisor, status=Task.Status.DONE)
    make_task(county.plan, "6", lead=[county.enterprise], deadline=dt.date(2026, 6, 30))
    round_ = services.create_round(
        county.region,
        by=supervisor,
        year=2026,
        title="2026年度职业教育定期督导",
        units=[county.school, county.enterprise, county.hr],
    )
    for assessment in round_.assessments.select_related("organization"):
        quality = {county.school.pk: Decimal(90), county.enterprise.pk: Decimal(60)}.get(assessment.organization_id)
        services.record_assessment(assessment, by=supervisor, quality_score=quality, comment="材料翔实")
    services.score_round(round_, by=supervisor)
    services.issue_rectification_order(
        county.region,
        by=supervisor,
        organization=county.enterprise,
        finding="校企合作实训基地建设滞后。",
        requirement="年底前完成实训基地建设。",
        deadline=dt.date(2026, 12, 31),
        round=round_,
    )
    services.record_interview(
        county.region,
        by=supervisor,
        organization=county.enterprise,
        held_on=dt.date(2026, 10, 9),
        interviewee="华信机械总经理",
        interviewer="王督学",
        reason="实训基地建设滞后",
        agreed="11月底前完成设备采购。",
    )
    round_.refresh_from_db()
    return round_


def published_bulletin(county: County, round_: InspectionRound | None = None, **changes: Any) -> Bulletin:
    bulletin = draft_bulletin(county, round_, **changes)
    return services.publish_bulletin(bulletin, by=county.users["supervisor"])


def draft_bulletin(county: County, round_: InspectionRound | None = None, **changes: Any) -> Bulletin:
    fields: dict[str, Any] = {
        "kind": Bulletin.Kind.PRAISE,
        "title": "关于2026年度职业教育督导情况的通报",
        "body": "县职教中心按期完成任务，予以通报表扬。\n县华信机械实训基地建设滞后，已约谈。",
        "organizations": [county.school],
        "round": round_,
        **changes,
    }
    return services.draft_bulletin(county.region, by=county.users["supervisor"], **fields)
