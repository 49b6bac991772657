"""Objects for the report views in tests/core/test_permission_matrix.py, built through the real services."""

from __future__ import annotations

from typing import Any

from tests.conftest import County
from tests.reports.supervision_data import published_bulletin, scored_round
from vetplan.reports import services
from vetplan.reports.models import QualityReport

WRITE_VIEWS = {
    "reports:quality_create",
    "reports:quality_edit",
    "reports:quality_publish",
    "reports:quality_discard",
    "reports:quality_withdraw",
}
DRAFT_VIEWS = {"quality_edit", "quality_publish", "quality_discard"}


def quality_report(county: County, *, published: bool) -> QualityReport:
    """The county's 2025 report (its school has reported nothing: published as provisional, confirmed)."""
    supervisor = county.users["supervisor"]
    report = services.create_quality_reports(county.region, year=2025, by=supervisor, schools=[])[0]
    if published:
        return services.publish_quality_report(report, by=supervisor, confirm_provisional=True)
    return report


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, int]:
    name = view_name.rpartition(":")[2]
    if name == "round_report":
        return {"round_pk": scored_round(county).pk}
    if name == "bulletin":
        return {"bulletin_pk": published_bulletin(county).pk}
    if name in ("quality_detail", "quality_download", "quality_withdraw", *DRAFT_VIEWS):
        # Published for the public views; a draft of the county for the supervisors' actions.
        return {"report_pk": quality_report(county, published=name not in DRAFT_VIEWS).pk}
    return {}


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    return {
        "reports:quality_create": {"year": 2025, "regional": "on", "schools": [county.school.pk]},
        "reports:quality_edit": {"challenges": "实训基地建设滞后。"},
        "reports:quality_publish": {"confirm_provisional": "on"},
        "reports:quality_withdraw": {"reason": "数据有误，更正后重新发布。"},
    }.get(view_name, {})
