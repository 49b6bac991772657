"""How the mechanisms follow the figures they read: a saved value refreshes what depends on it, and only that."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.dispatch import receiver

from vetplan.indicators.signals import data_saved
from vetplan.mechanisms import conditions, credit, internships
from vetplan.orgs.models import Organization
from vetplan.registries.models import Enterprise

QUOTA_INPUTS = {"internship_posts", "employees_large_enterprise"}
RECOGNITION = "integration_enterprises"


@receiver(data_saved, dispatch_uid="mechanisms.follow_saved_data")
def follow_saved_data(sender: Any, changes: list[tuple[Organization, int, str]], by: Any = None, **kwargs: Any) -> None:
    school_years: dict[int, set[int]] = defaultdict(set)
    quota_units: set[int] = set()
    recognition_units: set[int] = set()
    for unit, year, code in changes:
        if code in conditions.INPUTS and unit.type == Organization.Type.SCHOOL:
            school_years[unit.pk].add(year)
        elif code in QUOTA_INPUTS:
            quota_units.add(unit.pk)
        elif code == RECOGNITION:
            recognition_units.add(unit.pk)
    by_years: dict[frozenset[int], set[int]] = defaultdict(set)
    for school, years in school_years.items():
        by_years[frozenset(years)].add(school)
    for years, schools in by_years.items():
        conditions.refresh(schools, years, by=by)
    if quota_units:
        internships.refresh(quota_units, by=by)
    if recognition_units:  # a recognition granted or withdrawn: the credit statement follows
        credit.refresh(
            Enterprise.objects.filter(organization_id__in=recognition_units).values_list("pk", flat=True), by=by
        )
