"""Number display for the mechanism pages (the same functions the downloads use)."""

from __future__ import annotations

from django import template

from vetplan.mechanisms import display

register = template.Library()
register.filter("figure", display.figure)
register.filter("pct", display.pct)
register.filter("money", display.money)
