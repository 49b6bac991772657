"""Synthetic data for the benchmark, and the demo county's five years of figures."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command

from tests.indicators.helpers import save
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.models import DataElement, DataValue, TargetStatus
from vetplan.indicators.synthetic import REPORTER
from vetplan.indicators.values import count_indicator_values, indicator_values
from vetplan.orgs.models import Organization, Region


def test_generate_synthetic_builds_units_years_and_elements_in_bulk(db: Any, django_user_model: Any) -> None:
    out = StringIO()
    call_command("generate-synthetic", "--orgs", "45", "--years", "2", stdout=out)
    assert "45 organisations" in out.getvalue() and "50 elements x 2 years = 4500 values" in out.getvalue()
    assert Organization.objects.filter(path="").count() == 0 and DataElement.objects.count() >= 50
    # The on-save path agrees with the full recomputation.
    user = django_user_model.objects.get(username=REPORTER)
    school = user.membership.organization
    specialised = DataValue.objects.get(organization=school, year=2017, element__code="teachers_specialised").value
    save(user, school, 2017, teachers_dual_qualified=specialised - 1)
    after_save = figures()
    recompute_all()
    recomputed = figures()
    assert len(after_save) == len(recomputed)
    assert all(
        a[:4] == b[:4] and (a[4] == b[4] or abs(a[4] - b[4]) < 1e-9)
        for a, b in zip(after_save, recomputed, strict=True)
    )


def figures() -> list[tuple[Any, ...]]:
    every = indicator_values(
        organizations=Organization.objects.values_list("pk", flat=True),
        regions=Region.objects.values_list("pk", flat=True),
    )
    assert len(every) == count_indicator_values()  # what a full recomputation reports
    rows = [(f.indicator_id, f.organization_id, f.region_id, f.year, f.value) for f in every]
    return sorted(rows, key=lambda r: (r[0], r[1] or 0, r[2] or 0, r[3]))


def test_the_demo_county_shows_every_status_its_figures_reach(db: Any) -> None:
    from django.utils import timezone

    from vetplan.demo.loader import load_demo_county

    demo = load_demo_county()
    statuses = set(TargetStatus.objects.filter(target__plan=demo.plan).values_list("status", flat=True))
    # 无数据 was the 国家助学金 norm's until the demo kept student records: the aid rosters made from them
    # now give it a figure, and every other target keeps the status its five typed years give it.
    assert statuses == {"achieved", "on_track", "at_risk", "off_track"}
    years = sorted(DataValue.objects.values_list("year", flat=True).distinct())
    assert years == [2021, 2022, 2023, 2024, 2025, timezone.localdate().year]  # this year's from the registries


def test_ensure_catalogue_restores_a_flushed_catalogue_and_changes_nothing_otherwise(db: Any) -> None:
    from vetplan.indicators.catalogue import ensure_catalogue
    from vetplan.indicators.models import Indicator

    before = sorted(Indicator.objects.values_list("code", "numerator", "denominator"))
    ensure_catalogue()
    assert sorted(Indicator.objects.values_list("code", "numerator", "denominator")) == before
    Indicator.objects.all().delete()
    ensure_catalogue()
    assert sorted(Indicator.objects.values_list("code", "numerator", "denominator")) == before
