"""URL kwargs and payloads for the indicator views in tests/core/test_permission_matrix.py.

A reporter's data form is its own unit's (the view refuses others: test_data_form.py);
supervisors and the admin write 县人社局's. A year with no figures keeps the posts simple.
A school or enterprise reporter reports a hand-reported target its unit is the 填报单位 of
(the view refuses others: test_home_and_dashboard.py). A target report's 佐证材料 is a PDF the
supervisor reported on the county's target (who else may not see it: test_target_evidence.py).
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import County
from tests.factories import TargetFactory
from vetplan.indicators.services import record_target_report

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

WRITE_VIEWS = {
    "indicators:data_form",
    "indicators:data_upload",
    "indicators:target_report",
    "indicators:completeness_close",
    "indicators:completeness_remind",
}


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, Any]:
    user = county.users[persona]
    own = user.membership.organization if user is not None else county.school
    if persona in ("county_admin", "supervisor"):
        own = county.hr
    target = county.target
    if view_name == "indicators:target_report" and persona in ("school_reporter", "enterprise_reporter"):
        target = TargetFactory(plan=county.plan, indicator_text="校企合作成功范例", reporting_unit=own)
    kwargs = {"org_pk": own.pk, "year": 2025, "target_pk": target.pk}
    if view_name == "indicators:target_evidence":
        evidence = SimpleUploadedFile("佐证.pdf", PDF)
        report = record_target_report(target, by=county.users["supervisor"], year=2025, value=1, evidence=evidence)
        kwargs["report_pk"] = report.pk
    return kwargs


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    return {
        "indicators:data_form": {},  # nothing filled in: saves nothing, redirects
        "indicators:data_upload": {},  # no file: the form shows its error
        "indicators:target_report": {"year": "2025", "value": "2"},
        # 数据截止 of the county's 2025 (nothing reported: it closes the year as it stands).
        "indicators:completeness_close": {"action": "close", "year": "2025", "region": str(county.region.pk)},
        # 催报: the county's school has not reported 2025 (an error message, still a redirect).
        "indicators:completeness_remind": {"dataset": "school", "year": "2025", "region": str(county.region.pk)},
    }.get(view_name, {})
