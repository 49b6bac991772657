"""The home page panel: how many targets stand in each status (from the materialised statuses)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max
from django.http import HttpRequest

from vetplan.indicators.queries import status_counts, visible_targets


def home_panel(request: HttpRequest, today: dt.date) -> dict[str, Any] | None:
    targets = visible_targets(request.user)
    counts = status_counts(targets)
    years = targets.aggregate(judged=Max("status_row__latest_year"), pending=Max("status_row__pending_year"))
    return {
        "template": "indicators/home_panel.html",
        "counts": counts,
        "total": sum(c["count"] for c in counts),
        "today": today,
        "judged_year": years["judged"],
        "pending_year": years["pending"],
    }
