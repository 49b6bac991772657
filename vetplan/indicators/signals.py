"""Events of the indicators app that the apps built on it react to (the workbench notifies users).

- `data_reminded(reminders, by)`: the 督导室 sent 催报 reminders (`reminders`: the saved
  `DataReminder` rows, one per unit), sent inside the reminding transaction.
"""

from __future__ import annotations

from django.dispatch import Signal

data_reminded = Signal()
