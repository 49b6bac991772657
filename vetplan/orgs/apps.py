from __future__ import annotations

from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "vetplan.orgs"
    label = "orgs"
    verbose_name = "区域与单位"
