"""In-app notifications (通知): what happened to a user's unit, with read state.

A notification is written in the transaction of the change it reports (receivers.py), so it exists
exactly when the change does; its e-mail goes out after the commit (services.py). Nobody edits a
notification, so it keeps no history: reading it only sets `read_at`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vetplan.orgs.models import Organization


class Notification(models.Model):
    class Kind(models.TextChoices):
        REPORT_ACCEPTED = "report_accepted", "报告通过"
        REPORT_RETURNED = "report_returned", "报告退回"
        CLOSING_ACCEPTED = "closing_accepted", "办结申请通过"
        CLOSING_RETURNED = "closing_returned", "办结申请退回"
        URGED = "urged", "催办"
        ORDER_ISSUED = "order_issued", "整改通知"
        DATA_REMINDER = "data_reminder", "数据催报"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications", verbose_name="接收人"
    )
    # The unit the notice concerns (the recipient's unit when it was sent).
    organization = models.ForeignKey(
        Organization, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="单位"
    )
    kind = models.CharField("类型", max_length=32, choices=Kind.choices)
    text = models.TextField("内容")
    link = models.CharField("链接", max_length=255, blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "通知"
        verbose_name_plural = "通知"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="workbench_notice_unread_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.text[:40]}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
