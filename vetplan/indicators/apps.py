from __future__ import annotations

from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "vetplan.indicators"
    label = "indicators"
    verbose_name = "指标与数据"

    def ready(self) -> None:
        from vetplan.indicators import (
            receivers,  # noqa: F401  (connects the receivers)
            uploads,  # noqa: F401  (registers the upload job)
        )
