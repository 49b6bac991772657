"""Role rules for the site-wide pages."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE, SIGNED_IN

RULES = {
    "home": EVERYONE,  # the public dashboard: aggregate figures only for anonymous visitors
    "login": EVERYONE,
    "logout": EVERYONE,
    "password_change": SIGNED_IN,  # every user changes their own password
    "password_change_done": SIGNED_IN,
}
