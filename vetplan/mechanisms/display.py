"""How the mechanism pages and their files show numbers: 12,345.6, 93.3%, 12,345.60 元; a dash when missing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from vetplan.policy.explain import number

DASH = "—"


def figure(value: Any, digits: int = 1) -> str:
    if value is None or value == "":
        return DASH
    return number(float(value), int(digits))


def pct(value: Any) -> str:
    return DASH if value is None else f"{number(float(value))}%"


def money(value: Any) -> str:
    return DASH if value is None else f"{Decimal(value):,.2f}"
