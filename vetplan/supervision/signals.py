"""Events of the supervision app that the apps built on it react to (the workbench notifies users).

Each is sent by the service that raised it, inside its transaction and after the change is saved,
so what a receiver writes commits or rolls back with the change; anything outside the database
(an e-mail) belongs in `transaction.on_commit`.

- `report_reviewed(report, accepted, by)`: a progress report, or a closing request (`report.closing`,
  申请办结), was accepted (`accepted=True`) or returned for revision.
- `item_urged(notice, by)`: a 催办 notice was sent about a 督办 item (`notice.item`).
- `order_issued(order, by)`: a rectification order (限期整改) was issued to a unit.
"""

from __future__ import annotations

from django.dispatch import Signal

report_reviewed = Signal()
item_urged = Signal()
order_issued = Signal()
