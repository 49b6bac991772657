from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "vetplan.reports"
    label = "reports"
    verbose_name = "报告"
