from __future__ import annotations

from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "vetplan.plans"
    label = "plans"
    verbose_name = "规划、目标与任务"
