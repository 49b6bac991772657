from __future__ import annotations

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "vetplan.jobs"
    label = "jobs"
    verbose_name = "后台作业"
