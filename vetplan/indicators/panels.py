"""The home page panel: how many targets stand in each status (from the materialised statuses)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest

from vetplan.indicators.queries import status_counts, visible_targets


def home_panel(request: HttpRequest, today: dt.date) -> dict[str, Any] | None:
    counts = status_counts(visible_targets(request.user))
    return {
        "template": "indicators/home_panel.html",
        "counts": counts,
        "total": sum(c["count"] for c in counts),
        "today": today,
    }
