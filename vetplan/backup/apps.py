from __future__ import annotations

from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "vetplan.backup"
    label = "backup"
    verbose_name = "备份与恢复"
