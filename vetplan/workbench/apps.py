from __future__ import annotations

from django.apps import AppConfig


class WorkbenchConfig(AppConfig):
    """工作台: each user's home (我的待办 first) and in-app notifications; built on every domain app."""

    name = "vetplan.workbench"
    label = "workbench"
    verbose_name = "工作台"

    def ready(self) -> None:
        from vetplan.workbench import receivers  # noqa: F401  (connects the receivers)
