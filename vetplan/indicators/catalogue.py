"""The shipped catalogue (data/catalogue.json): data elements, indicators and the rules between elements.

Migration 0002 loads it on `migrate` (reading the file itself, as migrations must);
`ensure_catalogue()` loads it again where a database may have been emptied since (a
flushed test database, before the demo), changing nothing when it is there.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from vetplan.indicators.models import DataElement, Indicator

CATALOGUE = Path(__file__).with_name("data") / "catalogue.json"


@cache
def catalogue_data() -> dict[str, Any]:
    return json.loads(CATALOGUE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def ensure_catalogue() -> None:
    data = catalogue_data()
    have_elements = set(DataElement.objects.values_list("code", flat=True))
    DataElement.objects.bulk_create(
        DataElement(
            code=row["code"],
            name=row["name"],
            unit=row.get("unit", ""),
            dataset=row.get("dataset", "school"),
            integer=row.get("integer", True),
            max_value=row.get("max"),
            computed=row.get("computed", False),
            seq=seq,
        )  # fmt: skip
        for seq, row in enumerate(data["elements"], start=1)
        if row["code"] not in have_elements
    )
    have_indicators = set(Indicator.objects.values_list("code", flat=True))
    Indicator.objects.bulk_create(
        Indicator(
            code=row["code"],
            name=row["name"],
            synonyms=row.get("synonyms", []),
            numerator=row["numerator"],
            denominator=row.get("denominator", ""),
            factor=row.get("factor", 1),
            unit=row.get("unit", ""),
            level=row.get("level", ""),
            terms=row.get("terms", []),
            direction=row.get("direction", "higher"),
            seq=seq,
        )  # fmt: skip
        for seq, row in enumerate(data["indicators"], start=1)
        if row["code"] not in have_indicators
    )
