"""The home page panel: rectification orders past their deadline stand out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from vetplan.core.access import scope_of
from vetplan.supervision.access import visible_items, visible_orders
from vetplan.supervision.models import RectificationOrder, SupervisionItem

OPEN_FOR_UNIT = (RectificationOrder.Status.ISSUED, RectificationOrder.Status.RETURNED)


def home_panel(request: HttpRequest, today: dt.date) -> dict[str, Any] | None:
    if scope_of(request.user).is_anonymous:
        return None
    overdue_orders = list(
        visible_orders(request.user)
        .filter(status__in=OPEN_FOR_UNIT, deadline__lt=today)
        .select_related("organization")
        .order_by("deadline")[:10]
    )
    open_items = visible_items(request.user).filter(status=SupervisionItem.Status.OPEN).count()
    if not overdue_orders and not open_items:
        return None
    return {
        "template": "supervision/home_panel.html",
        "overdue_orders": overdue_orders,
        "open_items": open_items,
        "today": today,
    }
