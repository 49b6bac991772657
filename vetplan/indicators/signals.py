"""Events of the indicators app that the apps built on it react to.

- `data_saved(changes, by)`: sent inside the saving transaction once data values are written (a
  large upload: once per saved chunk, so no list of every change is held), before the indicators
  are recomputed; `changes` is a list of (unit, year, element code) triples. Receivers read data
  values, not indicator values.
  The mechanisms app recomputes what depends on those figures (a school's 办学条件达标 when its
  校舍 or 在校生数 changed), so a page never shows a result computed on older figures.
- `data_reminded(reminders, by)`: the 督导室 sent 催报 reminders (`reminders`: the saved
  `DataReminder` rows, one per unit), sent inside the reminding transaction; the workbench
  notifies the units' users.
"""

from __future__ import annotations

from django.dispatch import Signal

data_saved = Signal()
data_reminded = Signal()
