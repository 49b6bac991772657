"""Objects and payloads for the supervision views in tests/core/test_permission_matrix.py.

Built through the real services; each persona gets objects of its own unit where the view
is about a unit's own records (a reporter revises its own report), else 县人社局's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import County
from vetplan.supervision import services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

WRITE_VIEWS = {
    "supervision:report_create",
    "supervision:report_revise",
    "supervision:report_review",
    "supervision:item_urge",
    "supervision:round_create",
    "supervision:round_scores",
    "supervision:criterion_create",
    "supervision:criterion_delete",
    "supervision:consequence_create",
    "supervision:consequence_link",
    "supervision:bulletin_create",
    "supervision:bulletin_edit",
    "supervision:bulletin_publish",
    "supervision:bulletin_withdraw",
    "supervision:order_edit",
    "supervision:meeting_edit",
    "supervision:interview_create",
    "supervision:order_create",
    "supervision:order_follow_up",
    "supervision:order_verify",
    "supervision:meeting_create",
    "supervision:decision_task",
}


def pdf(name: str = "佐证.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def own_unit(county: County, persona: str) -> Any:
    user = county.users[persona]
    if persona in ("department_reporter", "school_reporter", "enterprise_reporter"):
        return user.membership.organization
    return county.hr


def report(county: County, persona: str, *, returned: bool = False, files: tuple[Any, ...] = ()) -> Any:
    unit = own_unit(county, persona)
    supervisor = county.users["supervisor"]
    made = services.submit_progress_report(
        county.shared_task,
        by=supervisor,
        organization=unit,
        period=2026,
        task_status="in_progress",
        percent=30,
        narrative="已完成调研。",
        files=files,
    )
    if returned:
        services.return_progress_report(made, by=supervisor, comment="请补充佐证材料。")
    return made


def order(county: County, persona: str, *, submitted: bool = False) -> Any:
    supervisor = county.users["supervisor"]
    made = services.issue_rectification_order(
        county.region,
        by=supervisor,
        organization=own_unit(county, persona),
        finding="双师型教师比例未达标。",
        deadline=dt.date(2026, 12, 31),
    )
    if submitted:
        services.submit_rectification(made, by=supervisor, follow_up="已引进教师5名。")
    return made


def all_units(county: County) -> list[Any]:
    return [county.education, county.hr, county.school, county.enterprise]


def a_round(county: County) -> Any:
    return services.create_round(
        county.region, by=county.users["supervisor"], year=2026, title="2026年度督导", units=all_units(county)
    )


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, int]:
    supervisor = county.users["supervisor"]
    name = view_name.rpartition(":")[2]
    if name in ("report_detail",):
        return {"report_pk": report(county, persona).pk}
    if name == "report_revise":
        return {"report_pk": report(county, persona, returned=True).pk}
    if name == "report_review":
        return {"report_pk": report(county, persona).pk}
    if name == "evidence_download":
        return {"evidence_pk": report(county, persona, files=(pdf(),)).evidence.get().pk}
    if name == "item_urge":
        services.escalate_missing_reports(dt.date(2025, 7, 2))
        return {"item_pk": county.bureau_task.supervision_items.get().pk}
    if name in ("round_detail", "round_scores", "criterion_create", "consequence_create"):
        return {"round_pk": a_round(county).pk}
    if name == "criterion_delete":
        made = services.add_round_criterion(
            a_round(county), by=supervisor, name="校企合作情况", weight=Decimal(10), max_score=Decimal(10)
        )
        return {"criterion_pk": made.pk}
    if name == "consequence_link":
        assessment = a_round(county).assessments.get(organization=county.hr)
        made = services.record_consequence(assessment, by=supervisor, kind="rectification")
        return {"consequence_pk": made.pk}
    if name in ("bulletin_detail", "bulletin_publish", "bulletin_edit", "bulletin_withdraw"):
        made = services.draft_bulletin(county.region, by=supervisor, kind="praise", title="表扬通报", body="正文")
        if name in ("bulletin_detail", "bulletin_withdraw"):
            services.publish_bulletin(made, by=supervisor)
        return {"bulletin_pk": made.pk}
    if name in ("order_detail", "order_follow_up", "order_edit"):
        return {"order_pk": order(county, persona).pk}
    if name == "order_verify":
        return {"order_pk": order(county, persona, submitted=True).pk}
    if name in ("meeting_detail", "meeting_edit", "decision_task"):
        made = services.create_meeting(
            county.region,
            by=supervisor,
            title="职业教育联席会议",
            held_on=dt.date(2026, 3, 1),
            members=all_units(county),
            decisions=["建设公共实训基地"],
        )
        if name == "decision_task":
            return {"decision_pk": made.decisions.get().pk}
        return {"meeting_pk": made.pk}
    return {}


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    return {
        "supervision:report_create": {"period": 2026, "task_status": "in_progress", "percent": 40, "narrative": "进展"},
        "supervision:report_revise": {"task_status": "in_progress", "percent": 50, "narrative": "补充材料"},
        "supervision:report_review": {"decision": "accept"},
        "supervision:item_urge": {},
        "supervision:round_create": {
            "title": "2026年度定期督导",
            "year": 2026,
            "kind": "regular",
            "units": [county.hr.pk, county.school.pk],
            "weight_on_time": 40,
            "weight_attainment": 40,
            "weight_quality": 20,
            "silence_penalty": 2,
        },
        "supervision:round_scores": {},
        "supervision:criterion_create": {"name": "毕业生留威就业率", "weight": 10, "max_score": 10},
        "supervision:criterion_delete": {},
        "supervision:consequence_create": {},  # refused as incomplete: a redirect with the reason
        "supervision:consequence_link": {},
        "supervision:bulletin_create": {"kind": "praise", "title": "表扬通报", "body": "正文"},
        "supervision:bulletin_edit": {"kind": "praise", "title": "表扬通报（修改）", "body": "正文"},
        "supervision:bulletin_publish": {"confirm": "on"},
        "supervision:bulletin_withdraw": {"reason": "通报所引数据有误。"},
        "supervision:order_edit": {"finding": "问题（修改）", "deadline": "2027-03-31"},
        "supervision:meeting_edit": {"title": "联席会议（修改）", "held_on": "2026-03-02", "members": [county.hr.pk]},
        "supervision:interview_create": {
            "organization": county.hr.pk,
            "held_on": "2026-03-01",
            "interviewee": "张局长",
            "interviewer": "王督学",
            "reason": "任务进展滞后",
            "agreed": "一个月内完成整改",
        },
        "supervision:order_create": {"organization": county.hr.pk, "finding": "问题", "deadline": "2026-12-31"},
        "supervision:order_follow_up": {"follow_up": "已整改"},
        "supervision:order_verify": {"decision": "close", "verification": "核验属实"},
        "supervision:meeting_create": {
            "title": "联席会议",
            "held_on": "2026-03-01",
            "members": [county.hr.pk, county.education.pk],
            "decisions": "建设实训基地\n开展订单培养",
        },
        "supervision:decision_task": {
            "plan": county.plan.pk,
            "seq": "99",
            "lead_units": [county.education.pk],
            "deadline": "2026-12-31",
        },
    }.get(view_name, {})
