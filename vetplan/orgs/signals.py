"""Events of the orgs app that the apps built on it react to.

`organization_moved` is sent, inside the moving transaction, after a unit was given another
parent or region and the paths of its subtree were rewritten (`organization`: the unit as it
is now; `old_path`, `old_region_id`: where it was). The indicators app sums again the totals
of the subtrees and regions it left and joined.
"""

from __future__ import annotations

from django.dispatch import Signal

organization_moved = Signal()
