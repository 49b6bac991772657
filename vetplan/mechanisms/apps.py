from __future__ import annotations

from django.apps import AppConfig


class MechanismsConfig(AppConfig):
    name = "vetplan.mechanisms"
    label = "mechanisms"
    verbose_name = "政策机制（办学条件、教师、产教融合、实习岗位、经费、资助）"

    def ready(self) -> None:
        from vetplan.mechanisms import receivers  # noqa: F401  (connects the signal handlers)
