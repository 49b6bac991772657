"""URL kwargs and payloads for the indicator views in tests/core/test_permission_matrix.py.

A reporter's data form is its own unit's (the view refuses others: test_data_form.py);
supervisors and the admin write 县人社局's. A year with no figures keeps the posts simple.
A school or enterprise reporter reports a hand-reported target its unit is the 填报单位 of
(the view refuses others: test_target_reports.py).
"""

from __future__ import annotations

from typing import Any

from tests.conftest import County
from tests.factories import TargetFactory

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
    return {"org_pk": own.pk, "year": 2025, "target_pk": target.pk}


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
