"""Role rules for the site-wide pages (the home page is the workbench's)."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE, SIGNED_IN

RULES = {
    "login": EVERYONE,
    "logout": EVERYONE,
    "password_change": SIGNED_IN,  # every user changes their own password
    "password_change_done": SIGNED_IN,
}
