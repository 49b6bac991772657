from __future__ import annotations

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "vetplan.supervision"
    label = "supervision"
    verbose_name = "督导"
