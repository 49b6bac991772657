"""Role rules for the workbench: URL name → roles allowed (object checks in access.py)."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE, SIGNED_IN

RULES = {
    # The public dashboard for anonymous visitors (aggregate figures only); 我的待办 first for the signed in.
    "home": EVERYONE,
    # The header's 待办 and unread counts, fetched by the page (htmx) after it loads.
    "workbench:badges": SIGNED_IN,
    # A user's own notifications only (access.py).
    "workbench:notification_list": SIGNED_IN,
    "workbench:notification_read": SIGNED_IN,
    "workbench:notification_read_all": SIGNED_IN,
}
