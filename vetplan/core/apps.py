from __future__ import annotations

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "vetplan.core"
    label = "core"
    verbose_name = "平台"
