"""Events of the plans app that other apps react to (the indicators app builds on plans).

`targets_changed` is sent, inside the saving transaction, after targets were created or their
goal, indicator or scope changed (`targets`: a queryset of them); the indicators app
recomputes their status, so a page never shows a status computed for another goal.
"""

from __future__ import annotations

from django.dispatch import Signal

targets_changed = Signal()
