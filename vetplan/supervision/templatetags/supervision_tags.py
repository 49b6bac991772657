"""Template helpers for the supervision pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

register = template.Library()


@register.filter
def order_overdue(order: Any, today: dt.date) -> bool:
    return bool(today and order.is_overdue(today))
