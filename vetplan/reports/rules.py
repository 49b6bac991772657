"""Role rules for the reports app: URL name → roles allowed (object checks via plans.access,
supervision.access and reports.access)."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE, SIGNED_IN, SUPERVISORS

RULES = {
    "reports:report_list": SIGNED_IN,
    "reports:task_list": SIGNED_IN,
    # The region's supervisors: the report names every unit's findings and interviews.
    "reports:round_report": SUPERVISORS,
    # Public once published, like the bulletin page; a draft is not found except by supervisors.
    "reports:bulletin": EVERYONE,
    # 年度质量报告: published ones are public; drafts are the region's supervisors' to edit and publish.
    "reports:quality_list": EVERYONE,
    "reports:quality_detail": EVERYONE,
    "reports:quality_download": EVERYONE,
    "reports:quality_create": SUPERVISORS,
    "reports:quality_edit": SUPERVISORS,
    "reports:quality_publish": SUPERVISORS,
    "reports:quality_discard": SUPERVISORS,
    # 撤回 a published report (with its reason, shown on the public page).
    "reports:quality_withdraw": SUPERVISORS,
}
