from __future__ import annotations

from django.apps import AppConfig


class RegistriesConfig(AppConfig):
    name = "vetplan.registries"
    label = "registries"
    verbose_name = "名册（专业、教师、学生、企业、培训）"

    def ready(self) -> None:
        from vetplan.registries import uploads  # noqa: F401  (registers the import job)
