"""Template helpers used across apps (a builtin: no {% load %} needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

register = template.Library()


@register.filter
def task_overdue(task: Any, today: dt.date) -> bool:
    return bool(task.is_overdue(today))
