"""Shared test fixtures: a small county with one persona per role.

Personas (what each may do):
- county_admin: everything, users included.
- supervisor: 督导室 of 测试县; edits plans, targets and tasks in the county.
- department_reporter: 县人社局; reports progress on tasks its bureau leads or shares.
- school_reporter: 县职教中心; reports progress on its own tasks only.
- enterprise_reporter: 县华信机械; reports progress on its own tasks only.
- outsider: a school reporter of another county; should have no access to 测试县's data.
- anonymous: public pages only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import connection

from tests.factories import OrganizationFactory, PlanFactory, RegionFactory, TargetFactory, make_task, member
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.roles import ANONYMOUS, Role
from vetplan.plans.models import Plan, Target, Task

PERSONAS = ["county_admin", "supervisor", "department_reporter", "school_reporter", "enterprise_reporter", "anonymous"]
PERSONA_ROLE = {
    "county_admin": Role.ADMIN,
    "supervisor": Role.SUPERVISOR,
    "department_reporter": Role.DEPARTMENT,
    "school_reporter": Role.SCHOOL,
    "enterprise_reporter": Role.ENTERPRISE,
    "anonymous": ANONYMOUS,
}


@dataclass
class County:
    region: Region
    government: Organization
    education: Organization
    hr: Organization
    supervision: Organization
    school: Organization
    enterprise: Organization
    plan: Plan
    target: Target
    shared_task: Task  # led by 教体局, shared by 人社局, the school and the enterprise
    bureau_task: Task  # 教体局 alone
    users: dict[str, Any] = field(default_factory=dict)
    other_region: Region | None = None
    other_plan: Plan | None = None


def pytest_configure(config: Any) -> None:
    from django.conf import settings

    # Hashing a password properly takes a third of a second; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _backend() -> str:
    from django.conf import settings

    return str(settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1])


def pytest_report_header(config: Any) -> str:
    return f"vetplan database backend: {_backend()}"


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    passed = len(terminalreporter.stats.get("passed", []))
    terminalreporter.write_line(f"vetplan: {passed} tests passed on the {_backend()} database backend")


@pytest.fixture
def county(db: Any) -> County:
    region = RegionFactory(code="980102", name="测试县")
    gov = OrganizationFactory(name="测试县人民政府", region=region)
    education = OrganizationFactory(
        name="测试县教育体育局", short_name="县教体局", aliases=["教体局"], region=region, parent=gov
    )
    hr = OrganizationFactory(
        name="测试县人力资源和社会保障局", short_name="县人社局", aliases=["人社局"], region=region, parent=gov
    )
    supervision = OrganizationFactory(
        name="测试县教育督导室", type=Organization.Type.SUPERVISION, region=region, parent=gov
    )
    school = OrganizationFactory(
        name="测试县职业技术教育中心", short_name="县职教中心", type=Organization.Type.SCHOOL, region=region
    )
    enterprise = OrganizationFactory(
        name="测试县华信机械有限公司", short_name="县华信机械", type=Organization.Type.ENTERPRISE, region=region
    )
    plan = PlanFactory(title="测试县职业教育行动计划", region=region)
    target = TargetFactory(plan=plan)
    shared = make_task(plan, "1", lead=[education], shared=[hr, school, enterprise], deadline=dt.date(2026, 12, 31))
    bureau = make_task(plan, "2", lead=[education], deadline=dt.date(2025, 6, 30))

    other_region = RegionFactory(code="980103", name="邻县")
    other_school = OrganizationFactory(name="邻县职业中专", type=Organization.Type.SCHOOL, region=other_region)
    other_plan = PlanFactory(title="邻县职业教育行动计划", region=other_region)
    make_task(other_plan, "1", shared=[other_school])

    users = {
        "county_admin": member(gov, Role.ADMIN, username="admin1", is_superuser=True, is_staff=True),
        "supervisor": member(supervision, Role.SUPERVISOR, username="duban1", first_name="王督学"),
        "department_reporter": member(hr, Role.DEPARTMENT, username="renshe1"),
        "school_reporter": member(school, Role.SCHOOL, username="zhijiao1"),
        "enterprise_reporter": member(enterprise, Role.ENTERPRISE, username="huaxin1"),
        "outsider": member(other_school, Role.SCHOOL, username="linxian1"),
        "anonymous": None,
    }
    return County(
        region,
        gov,
        education,
        hr,
        supervision,
        school,
        enterprise,
        plan,
        target,
        shared,
        bureau,
        users,
        other_region,
        other_plan,
    )


@pytest.fixture
def client_as(client: Any) -> Any:
    """client_as(user) → the test client logged in as that user (None stays anonymous)."""

    def login(user: Any) -> Any:
        client.logout()
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture
def db_vendor(db: Any) -> str:
    return connection.vendor


@pytest.fixture(autouse=True)
def _static_files_without_manifest(settings: Any) -> None:
    """Tests render templates without running collectstatic first."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
