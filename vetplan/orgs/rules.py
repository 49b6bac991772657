"""Role rules for the orgs app: URL name → roles allowed (object checks in access.py)."""

from __future__ import annotations

from vetplan.orgs.roles import SIGNED_IN, SUPERVISORS

RULES = {
    "orgs:org_list": SIGNED_IN,
    "orgs:org_detail": SIGNED_IN,
    "orgs:org_edit": SUPERVISORS,
    # A unit picker's search: units of the user's own scope only (visible_organizations).
    "orgs:unit_search": SIGNED_IN,
}
