"""How the indicators app reacts to events of the apps it builds on."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from vetplan.indicators.compute import recompute_target_statuses
from vetplan.plans.signals import targets_changed


@receiver(targets_changed, dispatch_uid="indicators.recompute_target_statuses")
def recompute_changed_targets(sender: Any, targets: Any, **kwargs: Any) -> None:
    """A target's goal, indicator or scope changed: its status follows at once."""
    recompute_target_statuses(targets)
