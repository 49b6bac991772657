"""factory_boy factories. They build rows through the same services users go through."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory
from django.contrib.auth import get_user_model

from vetplan.orgs.models import Organization, Region
from vetplan.orgs.services import create_organization, create_region, grant_role
from vetplan.plans.models import Plan, Target, Task
from vetplan.plans.services import create_task

PASSWORD = "correct horse battery staple"


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    code = factory.Sequence(lambda n: f"98{n:04d}")
    name = factory.Sequence(lambda n: f"测试{n}县")
    level = Region.Level.COUNTY
    parent = None

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Region:
        return create_region(**kwargs)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"测试单位{n}")
    type = Organization.Type.GOVERNMENT
    region = factory.SubFactory(RegionFactory)

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Organization:
        return create_organization(**kwargs)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"用户{n}")

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> Any:
        return model_class.objects.create_user(*args, password=PASSWORD, **kwargs)


def member(organization: Organization, role: str, **user_fields: Any) -> Any:
    user = UserFactory(**user_fields)
    grant_role(user=user, organization=organization, role=role)
    return user


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    title = factory.Sequence(lambda n: f"测试县职业教育行动计划{n}")
    region = factory.SubFactory(RegionFactory)
    issued_on = dt.date(2024, 3, 1)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    plan = factory.SubFactory(PlanFactory)
    seq = factory.Sequence(lambda n: n + 1)
    indicator_text = "双师型教师占专业课教师比例"
    comparator = ">="
    value = 70
    unit = "%"
    deadline_year = 2027


def make_task(
    plan: Plan, seq: str, *, lead: list[Organization] = (), shared: list[Organization] = (), **fields: Any
) -> Task:  # type: ignore[assignment]
    fields.setdefault("text", f"任务{seq}：推进职业学校达标建设。")
    return create_task(plan, by=None, seq=seq, lead_units=lead, responsible_units=shared, **fields)
