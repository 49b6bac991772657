"""Background jobs: long work (a large Excel upload) recorded in the database and run by `vetplan worker`.

No broker: the worker polls this table, takes the oldest queued job (two workers never take the
same one) and writes its progress back, so a page can show it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vetplan.orgs.models import Region


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        RUNNING = "running", "处理中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    kind = models.CharField("类型", max_length=64)  # a handler registered in jobs.registry
    label = models.CharField("名称", max_length=200)
    params = models.JSONField("参数", default=dict, blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveIntegerField("进度", default=0)
    total = models.PositiveIntegerField("总量", null=True, blank=True)
    message = models.CharField("说明", max_length=300, blank=True)
    # What the page shows when it is over: {"summary": str, "errors": [str], "error_total": int, "links": [[label, url]]}.
    result = models.JSONField("结果", default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="提交人"
    )
    # Whose supervisors (督导室) see the job besides its creator: the creator's region.
    region = models.ForeignKey(Region, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="区域")
    created_at = models.DateTimeField("提交时间", auto_now_add=True)
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)  # the running worker's heartbeat

    class Meta:
        verbose_name = "后台作业"
        verbose_name_plural = "后台作业"
        ordering = ["-pk"]
        indexes = [models.Index(fields=["status", "id"], name="jobs_job_status_idx")]

    def __str__(self) -> str:
        return f"{self.label}（{self.get_status_display()}）"

    @property
    def is_over(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int | None:
        if self.status == self.Status.DONE:
            return 100
        if not self.total:
            return None
        return min(99, self.progress * 100 // self.total)
