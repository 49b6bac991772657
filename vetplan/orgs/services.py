"""Named state changes for regions, organisations and memberships."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction

from vetplan.core.history import record_by
from vetplan.orgs.models import Membership, Organization, Region
from vetplan.orgs.names import region_prefixes, unit_key
from vetplan.orgs.roles import Role

User = AbstractBaseUser | AnonymousUser | None


@transaction.atomic
def create_region(*, code: str, name: str, level: str, parent: Region | None = None) -> Region:
    region = Region(code=code, name=name, level=level, parent=parent)
    region.path = region.build_path()
    region.save()
    return region


@transaction.atomic
def create_organization(
    *,
    name: str,
    type: str,
    region: Region,
    parent: Organization | None = None,
    short_name: str = "",
    aliases: list[str] | None = None,
    by: User = None,
) -> Organization:
    org = Organization(name=name, type=type, region=region, parent=parent, short_name=short_name, aliases=aliases or [])
    record_by(org, by)
    org.save()
    org.path = org.build_path()
    Organization.objects.filter(pk=org.pk).update(path=org.path)
    return org


@transaction.atomic
def update_organization(org: Organization, *, by: User, **changes: Any) -> Organization:
    for field, value in changes.items():
        setattr(org, field, value)
    record_by(org, by)
    org.save()
    return org


@transaction.atomic
def grant_role(*, user: Any, organization: Organization, role: Role | str) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        user=user, defaults={"organization": organization, "role": role}
    )
    return membership


class OrganizationResolver:
    """Finds the organisation a plan means by a unit name, within one region's subtree.

    Built once per import from one query; `resolve` is then a dictionary lookup.
    """

    def __init__(self, region: Region) -> None:
        scope = Region.objects.filter(path__startswith=region.path)
        ancestors = [c for c in region.path.strip("/").split("/") if c]
        names = Region.objects.filter(code__in=ancestors).values_list("name", flat=True)
        self.prefixes = region_prefixes([region.name, *names])
        self._by_key: dict[str, Organization] = {}
        orgs = Organization.objects.filter(region__in=scope).order_by("path")
        for org in orgs:
            for name in (org.name, org.short_name, *org.aliases):
                if name:
                    self._by_key.setdefault(unit_key(name, self.prefixes), org)

    def resolve(self, name: str) -> Organization | None:
        return self._by_key.get(unit_key(name, self.prefixes))

    def key(self, name: str) -> str:
        return unit_key(name, self.prefixes)
