"""Role rules for the API: none in the table, by design.

The API (namespace "api") authenticates by bearer token, not by session, so the role-rule
middleware exempts it (vetplan/core/access.py EXEMPT_NAMESPACES) and every endpoint in
api.py checks the token user's role and unit itself; tests/api/ covers each persona.
"""

from __future__ import annotations

RULES: dict[str, frozenset[str]] = {}
