"""Named state changes for regions, organisations and memberships."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr

from vetplan.core.history import record_by
from vetplan.orgs.models import Membership, Organization, Region
from vetplan.orgs.roles import Role
from vetplan.orgs.signals import organization_moved

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


class MoveError(ValueError):
    """A move that would put a unit under itself."""


@transaction.atomic
def move_organization(org: Organization, *, parent: Organization | None, region: Region, by: User) -> Organization:
    """Give a unit another parent unit or region: its subtree's paths follow, and the figures of
    the subtrees and regions it left and joined are summed again (organization_moved)."""
    org = Organization.objects.select_for_update().get(pk=org.pk)
    if parent is not None and parent.path.startswith(org.path):
        raise MoveError(f"不能把{org.name}移到它自己或其下属单位之下。")
    old_path, old_region_id = org.path, org.region_id
    org.parent, org.region = parent, region
    record_by(org, by)
    org.save()
    new_path = org.build_path()
    if new_path != old_path:
        Organization.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr(F("path"), len(old_path) + 1, Length(F("path"))))
        )
        org.path = new_path
    organization_moved.send(sender=Organization, organization=org, old_path=old_path, old_region_id=old_region_id)
    return org


@transaction.atomic
def grant_role(*, user: Any, organization: Organization, role: Role | str) -> Membership:
    membership, _ = Membership.objects.update_or_create(
        user=user, defaults={"organization": organization, "role": role}
    )
    return membership


@transaction.atomic
def add_alias(org: Organization, name: str, *, by: User) -> Organization:
    """Keep another name a plan uses for the unit, so the next import finds it by itself."""
    name = name.strip()
    if not name or name in (org.name, org.short_name) or name in (org.aliases or []):
        return org
    return update_organization(org, by=by, aliases=[*(org.aliases or []), name][:50])
