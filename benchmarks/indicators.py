"""Time indicator computation on synthetic data: run `vetplan generate-synthetic` first.

    .venv/bin/vetplan generate-synthetic --orgs 2000 --years 10 && .venv/bin/python benchmarks/indicators.py

Prints two lines:
  indicators: N values for O organisations x Y years in S s   (a full, set-based recomputation)
  on save: K indicator values updated in X ms                  (one school value saved the way the form saves it)
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vetplan.settings")
os.environ.setdefault("SECRET_KEY", "vetplan-benchmarks-not-a-secret")  # settings refuse DEBUG=0 without one

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from vetplan.indicators.compute import recompute_all  # noqa: E402
from vetplan.indicators.models import DataElement, DataValue  # noqa: E402
from vetplan.indicators.services import record_data_values  # noqa: E402
from vetplan.indicators.synthetic import REPORTER  # noqa: E402
from vetplan.indicators.validation import DataBatch, Location  # noqa: E402


def main() -> int:
    user = get_user_model().objects.filter(username=REPORTER).select_related("membership__organization").first()
    if user is None:
        print("no synthetic data: run `vetplan generate-synthetic --orgs 2000 --years 10` first", file=sys.stderr)
        return 1
    orgs = DataValue.objects.values("organization_id").distinct().count()
    years = DataValue.objects.values("year").distinct().count()
    started = time.perf_counter()
    result = recompute_all()
    full = time.perf_counter() - started
    print(f"indicators: {result.indicator_values} values for {orgs} organisations x {years} years in {full:.2f} s")

    school = user.membership.organization
    element = DataElement.objects.get(code="teachers_dual_qualified")
    year = DataValue.objects.filter(organization=school).order_by("-year").values_list("year", flat=True).first()
    specialised = DataValue.objects.get(organization=school, year=year, element__code="teachers_specialised").value
    current = DataValue.objects.filter(organization=school, year=year, element=element).values_list("value", flat=True)
    value = float(int(specialised * 0.9))
    if value in current:
        value = float(int(specialised * 0.8))  # a real change on every run
    started = time.perf_counter()
    batch = DataBatch(user)  # what the data form view does on POST
    batch.add(school, year, element, value, Location("“双师型教师数”"))
    saved = record_data_values(batch, by=user, source="form")
    elapsed = (time.perf_counter() - started) * 1000
    print(f"on save: {saved.indicator_values} indicator values updated in {elapsed:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
