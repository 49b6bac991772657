"""How the indicators app reacts to events of the apps it builds on."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from vetplan.indicators.compute import recompute_all, recompute_moved, recompute_target_statuses
from vetplan.indicators.models import DataValue, SubjectTotal
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.signals import organization_moved
from vetplan.plans.signals import targets_changed


@receiver(targets_changed, dispatch_uid="indicators.recompute_target_statuses")
def recompute_changed_targets(sender: Any, targets: Any, **kwargs: Any) -> None:
    """A target's goal, indicator or scope changed: its status follows at once."""
    recompute_target_statuses(targets)


@receiver(organization_moved, dispatch_uid="indicators.recompute_moved_subtrees")
def recompute_moved_subtrees(
    sender: Any, organization: Organization, old_path: str, old_region_id: int, **kwargs: Any
) -> None:
    """A unit moved: the units above it, before and after, and both regions' chains are summed again."""
    units: set[int] = set()
    if old_path != organization.path:
        units = {int(p) for path in (old_path, organization.path) for p in path.strip("/").split("/") if p}
        units.discard(organization.pk)  # its own subtree holds the same units wherever it hangs
    regions: set[int] = set()
    if old_region_id != organization.region_id:
        paths = Region.objects.filter(pk__in=[old_region_id, organization.region_id]).values_list("path", flat=True)
        prefixes = {p[: i + 1] for p in paths for i, ch in enumerate(p) if ch == "/"}
        regions = set(Region.objects.filter(path__in=prefixes).values_list("pk", flat=True))
    recompute_moved(units, regions)


@receiver(post_migrate, dispatch_uid="indicators.fill_empty_totals")
def fill_empty_totals(sender: Any, **kwargs: Any) -> None:
    """After `migrate` (or the table's first creation on an existing installation): totals that are
    empty while data values exist are built once, so the figures are there without a manual step."""
    if getattr(sender, "label", None) != "indicators":
        return
    if SubjectTotal._meta.db_table not in connection.introspection.table_names():
        return
    if DataValue.objects.exists() and not SubjectTotal.objects.exists():
        recompute_all()
