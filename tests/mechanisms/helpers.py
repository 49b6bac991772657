"""Mechanism test helpers: figures saved as a school would (through the data form's service)."""

from __future__ import annotations

from typing import Any

from vetplan.indicators.models import DataElement
from vetplan.indicators.services import record_data_values
from vetplan.indicators.validation import DataBatch, Location
from vetplan.orgs.models import Organization

# A 一般类中职 that meets every 达标 indicator with 1,000 students (生均 figures above the lines).
COMPLIANT = {
    "enrolment_vocational": 1000,
    "teachers_full_time": 60,
    "campus_land": 40000,
    "building_area": 24000,
    "equipment_value": 300,  # 万元
    "library_books": 30000,
}


def put(org: Organization, year: int, by: Any = None, **values: float) -> None:
    """Save the values as the data form does: checked, the rules applied, all or nothing."""
    batch = DataBatch(by)
    elements = {e.code: e for e in DataElement.objects.filter(code__in=values)}
    for code, value in values.items():
        batch.add(org, year, elements[code], value, Location(code))
    record_data_values(batch, by=by, source="form")
