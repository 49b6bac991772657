"""Role rules for the site-wide pages."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE

RULES = {
    "home": EVERYONE,  # the public dashboard: aggregate figures only for anonymous visitors
    "login": EVERYONE,
    "logout": EVERYONE,
}
