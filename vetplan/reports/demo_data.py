"""The demo county's 年度质量报告: the county's 2025 report published, each school's still a draft."""

from __future__ import annotations

from typing import Any

from vetplan.orgs.models import Region
from vetplan.reports.services import create_quality_reports, publish_quality_report

DEMO_YEAR = 2025  # the last year of the demo figures (indicators/demo_data.py)


def load_demo_quality_reports(region: Region, supervisor: Any) -> None:
    reports = create_quality_reports(region, year=DEMO_YEAR, by=supervisor)
    for report in reports:
        if report.organization_id is None:
            publish_quality_report(report, by=supervisor)
