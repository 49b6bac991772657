"""How a mechanism writes the figures it computes: through the indicator engine's save path, source `policy`.

The elements are marked `computed` in the catalogue, so no form, template or upload offers
them; the values roll up and feed targets like any other.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vetplan.indicators.models import DataElement
from vetplan.indicators.services import save_entries
from vetplan.indicators.sources import POLICY_SOURCE
from vetplan.indicators.validation import Entry, Location
from vetplan.orgs.models import Organization

Figures = Mapping[tuple[int, int], Mapping[str, float]]  # (unit id, year) → element code → value


def save_figures(figures: Figures, *, by: Any, where: str) -> int:
    """Save the values (unchanged ones are skipped by the engine); how many were offered."""
    if not figures:
        return 0
    codes = {code for values in figures.values() for code in values}
    elements = {e.code: e for e in DataElement.objects.filter(code__in=codes)}
    orgs = Organization.objects.in_bulk({unit for unit, _ in figures})
    entries = [
        Entry(orgs[unit], year, elements[code], float(value), Location(where))
        for (unit, year), values in figures.items()
        for code, value in values.items()
        if code in elements and unit in orgs
    ]
    save_entries(entries, by=by, source=POLICY_SOURCE)
    return len(entries)
