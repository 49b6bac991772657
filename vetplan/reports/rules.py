"""Role rules for the reports app: URL name → roles allowed (object checks via plans.access)."""

from __future__ import annotations

from vetplan.orgs.roles import SIGNED_IN

RULES = {
    "reports:report_list": SIGNED_IN,
    "reports:task_list": SIGNED_IN,
}
