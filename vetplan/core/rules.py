"""Role rules for the site-wide pages (the home page is the workbench's)."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE

RULES = {
    "login": EVERYONE,
    "logout": EVERYONE,
}
