"""Supervision rounds: scope, score entry, results with grades and ranking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.factories import make_task
from vetplan.plans.models import Task
from vetplan.plans.services import set_task_status
from vetplan.supervision import services
from vetplan.supervision.models import Assessment, InspectionRound


def test_a_supervisor_creates_scores_and_ranks_a_round(county: County, client_as: Any) -> None:
    done = make_task(county.plan, "5", lead=[county.school], deadline=dt.date(2026, 6, 30))
    set_task_status(done, by=None, status=Task.Status.DONE)
    make_task(county.plan, "6", lead=[county.enterprise], deadline=dt.date(2026, 6, 30))
    client = client_as(county.users["supervisor"])
    client.post(
        reverse("supervision:round_create"),
        {"title": "2026年度定期督导", "year": 2026, "kind": "regular", "units": [county.school.pk, county.enterprise.pk],
         "weight_on_time": 50, "weight_attainment": 30, "weight_quality": 20, "silence_penalty": 2},
    )  # fmt: skip
    round_ = InspectionRound.objects.get()
    school, enterprise = (
        Assessment.objects.get(round=round_, organization=o) for o in (county.school, county.enterprise)
    )
    response = client.post(
        reverse("supervision:round_scores", args=[round_.pk]),
        {
            f"{school.pk}-quality_score": "90",
            f"{enterprise.pk}-quality_score": "60",
            f"{school.pk}-comment": "材料翔实",
        },
    )
    assert response.status_code == 302
    school.refresh_from_db()
    enterprise.refresh_from_db()
    # 职教中心: shared task (2026-12-31, open) and task 5 (done) due in 2026 → on time 50; it leads no
    # target, so 目标达成 is left out: (50*50 + 90*20) / 70.
    assert (school.tasks_due, school.tasks_on_time, school.on_time_score) == (2, 1, Decimal("50.0"))
    assert school.attainment_score is None and school.attainment_basis == "未牵头目标"
    assert school.total == Decimal("61.4") and school.get_grade_display() == "合格" and school.rank == 1
    assert enterprise.total == Decimal("17.1") and enterprise.get_grade_display() == "不合格" and enterprise.rank == 2
    page = client.get(reverse("supervision:round_detail", args=[round_.pk])).content.decode()
    assert page.index("县职教中心") < page.index("县华信机械") and "材料翔实" in page


def test_target_attainment_is_a_pluggable_function(county: County) -> None:
    round_ = services.create_round(county.region, by=None, year=2026, title="专项督导", units=[county.hr])
    scores = services.score_round(round_, by=None, attainment=lambda unit, year: Decimal("0.5"))
    assert scores[0].attainment == Decimal("50.0")


def test_silence_counts_against_the_unit(county: County) -> None:
    services.escalate_missing_reports(dt.date(2025, 7, 2))  # 教体局 missed task 2's report
    round_ = services.create_round(county.region, by=None, year=2025, title="2025年度督导", units=[county.education])
    [fact] = services.gather_facts(round_)
    assert (fact.tasks_due, fact.tasks_on_time, fact.silence_count) == (1, 0, 1)


def test_a_round_needs_units_and_sane_weights(county: County) -> None:
    with pytest.raises(services.SupervisionError):
        services.create_round(county.region, by=None, year=2026, title="x", units=[])
    with pytest.raises(services.SupervisionError):
        services.create_round(
            county.region, by=None, year=2026, title="x", units=[county.hr],
            weight_on_time=Decimal(0), weight_attainment=Decimal(0), weight_quality=Decimal(0),
        )  # fmt: skip
