"""Saving data values the way users do: a checked batch through the real service."""

from __future__ import annotations

from typing import Any

from vetplan.indicators.compute import RecomputeResult
from vetplan.indicators.models import DataElement
from vetplan.indicators.services import record_data_values
from vetplan.indicators.validation import DataBatch, Location
from vetplan.indicators.values import IndicatorFigure, indicator_value_of
from vetplan.orgs.models import Organization


def save(user: Any, org: Organization, year: int, **values: float) -> RecomputeResult:
    batch = DataBatch(user)
    elements = {e.code: e for e in DataElement.objects.filter(code__in=values)}
    for code, value in values.items():
        batch.add(org, year, elements[code], value, Location(code))
    return record_data_values(batch, by=user, source="form")


def figure(code: str, year: int, *, organization: Any = None, region: Any = None) -> IndicatorFigure:
    """One indicator's figure for a unit or a region, read the way every page reads it; it must exist."""
    found = indicator_value_of(code, year=year, organization=organization, region=region)
    assert found is not None, f"no {code} for {organization or region} in {year}"
    return found
