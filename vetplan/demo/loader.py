"""Loads the demo county: regions, units, users and the sample plan read by the extractor."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from vetplan.demo import county as demo
from vetplan.extraction import extract_text
from vetplan.indicators.demo_data import load_demo_indicators
from vetplan.mechanisms.demo_data import load_demo_mechanisms
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.services import create_organization, create_region, grant_role
from vetplan.plans.models import Plan
from vetplan.plans.services import import_plan_document, set_task_status
from vetplan.registries.demo_data import load_demo_registries
from vetplan.reports.demo_data import load_demo_quality_reports
from vetplan.supervision.demo_data import load_demo_supervision


@dataclass(frozen=True)
class DemoCounty:
    region: Region
    plan: Plan
    created: bool


@transaction.atomic
def load_demo_county() -> DemoCounty:
    """Create the demo county once; a second call finds it and changes nothing."""
    existing = Region.objects.filter(code=demo.COUNTY[0]).first()
    if existing is not None:
        plan = Plan.objects.filter(region=existing).order_by("pk").first()
        if plan is not None:
            return DemoCounty(existing, plan, created=False)
        raise RuntimeError("示范县已存在但缺少示范规划：请删除 var/ 下的数据库后重试。")

    province = create_region(code=demo.PROVINCE[0], name=demo.PROVINCE[1], level=Region.Level.PROVINCE)
    city = create_region(code=demo.CITY[0], name=demo.CITY[1], level=Region.Level.CITY, parent=province)
    region = create_region(code=demo.COUNTY[0], name=demo.COUNTY[1], level=Region.Level.COUNTY, parent=city)
    government = create_organization(
        name=demo.GOVERNMENT, short_name="县政府", type=Organization.Type.GOVERNMENT, region=region
    )
    for name, short, aliases in demo.DEPARTMENTS:
        create_organization(
            name=name, short_name=short, aliases=aliases, type=Organization.Type.GOVERNMENT,
            region=region, parent=government,
        )  # fmt: skip
    name, short, aliases = demo.SUPERVISION_OFFICE
    create_organization(
        name=name, short_name=short, aliases=aliases, type=Organization.Type.SUPERVISION,
        region=region, parent=government,
    )  # fmt: skip
    for name, short, aliases in demo.SCHOOLS:
        create_organization(name=name, short_name=short, aliases=aliases, type=Organization.Type.SCHOOL, region=region)
    for name, short, aliases in demo.ENTERPRISES:
        create_organization(
            name=name, short_name=short, aliases=aliases, type=Organization.Type.ENTERPRISE, region=region
        )
    for code, name in demo.TOWNSHIPS:
        town = create_region(code=code, name=name, level=Region.Level.TOWNSHIP, parent=region)
        create_organization(name=f"{name}人民政府", short_name=name, type=Organization.Type.TOWNSHIP, region=town)

    users = _create_users()
    text = demo.SAMPLE_PLAN.read_text(encoding="utf-8")
    document = extract_text(text).to_dict()
    plan = import_plan_document(
        document, region=region, by=users["duban"], source_name=demo.SAMPLE_PLAN.name, source_text=text
    )
    for task in plan.tasks.all():
        status = demo.TASK_STATUS.get(task.seq)
        if status:
            set_task_status(task, by=users["duban"], status=status)
    # Figures first: the demo round scores 目标达成 from the targets' measured statuses.
    load_demo_indicators(region, plan)
    load_demo_supervision(plan, users, timezone.localdate())
    load_demo_quality_reports(region, users["duban"])
    # Records before the mechanisms: aid rosters, internship posts and practice gaps are read from them.
    load_demo_registries(region, timezone.localdate())
    load_demo_mechanisms(region, plan, users, timezone.localdate())
    return DemoCounty(region, plan, created=True)


def _create_users() -> dict[str, object]:
    user_model = get_user_model()
    users: dict[str, object] = {}
    for username, full_name, org_name, role, _ in demo.USERS:
        user = user_model.objects.create_user(
            username=username, password=demo.DEMO_PASSWORD, first_name=full_name,
            is_staff=role == "admin", is_superuser=role == "admin",
        )  # fmt: skip
        grant_role(user=user, organization=Organization.objects.get(name=org_name), role=role)
        users[username] = user
    return users
