"""Template helpers used across apps (a builtin: no {% load %} needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template

register = template.Library()


@register.filter
def task_overdue(task: Any, today: dt.date) -> bool:
    """The `overdue_now` annotation (plans.queries.with_overdue_flag) when the view made one."""
    flag = getattr(task, "overdue_now", None)
    return bool(task.is_overdue(today) if flag is None else flag)
