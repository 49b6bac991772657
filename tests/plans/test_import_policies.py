"""The five real plans imported through the web flow store what `vetplan extract` extracts.

Each plan is uploaded by a supervisor of a fresh region named like the plan's, reviewed
without changes and confirmed. None of the plan's units exist beforehand: every unit name
is proposed as a new unit, created on confirm and linked to the tasks that name it; generic
phrases (各乡镇, 相关部门, a bare 教育) are never created; a linked target is stored in its
indicator's unit.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import OrganizationFactory, RegionFactory, member
from tests.plans.import_drafts import form_data, review_post
from vetplan.extraction import extract_file
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.resolution import OrganizationResolver
from vetplan.orgs.roles import Role
from vetplan.plans.measures import convert
from vetplan.plans.models import Plan, PlanImportDraft
from vetplan.plans.units import resolve_plan_units

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
POLICIES = sorted((SHARED / "policies").glob("*.txt")) if SHARED.is_dir() else []

pytestmark = pytest.mark.skipif(not POLICIES, reason="the shared policy files are not available")


@pytest.mark.parametrize("path", POLICIES, ids=[p.stem for p in POLICIES])
def test_the_web_import_stores_what_the_extractor_extracts(path: Path, db: Any, client_as: Any) -> None:
    expected = extract_file(path).to_dict()
    region_name = expected["meta"]["region"] or "导入测试县"
    level = Region.Level.CITY if region_name.endswith("市") else Region.Level.COUNTY
    region = RegionFactory(name=region_name, level=level)
    office = OrganizationFactory(name=f"{region_name}教育督导室", type=Organization.Type.SUPERVISION, region=region)
    client = client_as(member(office, Role.SUPERVISOR))

    response = client.post("/plans/import/", {"file": SimpleUploadedFile(path.name, path.read_bytes())})
    draft = PlanImportDraft.objects.get()
    assert response.status_code == 302 and draft.document == expected

    review = client.get(f"/plans/import/{draft.pk}/").content.decode()
    names = {n for task in expected["tasks"] for n in [*task["lead_units"], *task["responsible_units"]]}
    for name in names:
        assert name in review, f"unit {name} is missing from the review"
    data = form_data(review)
    assert int(data["units-TOTAL_FORMS"]) == len(names)
    assert 'badge-done">已匹配' not in review  # none of the plan's units exist yet
    units = resolve_plan_units(draft.document, region)

    response = client.post(f"/plans/import/{draft.pk}/confirm/", review_post(data))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/{plan.pk}/"
    assert plan.region == region and plan.title == expected["meta"]["title"]

    targets = list(plan.targets.order_by("seq"))
    assert len(targets) == len(expected["targets"])
    for target, want in zip(targets, expected["targets"], strict=True):
        assert (target.indicator_text, target.comparator, target.kind) == (
            want["indicator"],
            want["comparator"],
            want["kind"],
        )
        if target.indicator is None:
            assert target.unit == want["unit"] and target.value == Decimal(str(want["value"]))
        else:  # stored in the indicator's unit: 3.6万人 → 36000 人
            assert target.unit == target.indicator.unit
            assert float(target.value) == convert(want["value"], want["unit"], target.unit)
        assert (target.deadline_year, target.sentence) == (want["deadline"], want["sentence"])

    tasks = list(plan.tasks.order_by("pk").prefetch_related("lead_units", "responsible_units"))
    assert [(t.seq, t.text, t.timeline) for t in tasks] == [
        (want["seq"] or str(i), want["text"], want["timeline"] or "") for i, want in enumerate(expected["tasks"], 1)
    ]
    resolver = OrganizationResolver(region)
    for task, want in zip(tasks, expected["tasks"], strict=True):
        linked = set(task.lead_units.all()) | set(task.responsible_units.all())
        for name in [*want["lead_units"], *want["responsible_units"]]:
            unit = units[name]
            if unit.action in ("create", "same_as"):
                org = resolver.resolve(name)
                assert org is not None and org in linked, f"task {task.seq}: {name} is not linked"
                assert org.region == region
            else:  # a group without units in the fresh region, a phrase, another county's unit
                assert unit.action in ("group", "ignore"), f"{name}: {unit.action}"
                assert not Organization.objects.filter(name=name).exists()
        leads = [units[n] for n in want["lead_units"] if units[n].action in ("create", "same_as")]
        assert {resolver.resolve(u.name) for u in leads} == set(task.lead_units.all())
