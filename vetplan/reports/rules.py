"""Role rules for the reports app: URL name → roles allowed (object checks via plans.access and supervision.access)."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE, SIGNED_IN, SUPERVISORS

RULES = {
    "reports:report_list": SIGNED_IN,
    "reports:task_list": SIGNED_IN,
    # The region's supervisors: the report names every unit's findings and interviews.
    "reports:round_report": SUPERVISORS,
    # Public once published, like the bulletin page; a draft is not found except by supervisors.
    "reports:bulletin": EVERYONE,
}
