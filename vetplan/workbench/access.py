"""Whose notifications a user sees: their own, and nobody else's (another's looks like a missing one)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from vetplan.workbench.models import Notification


def visible_notifications(user: Any) -> QuerySet[Notification]:
    if not getattr(user, "is_authenticated", False):
        return Notification.objects.none()
    return Notification.objects.filter(recipient_id=user.pk)


def unread_count(user: Any) -> int:
    return visible_notifications(user).filter(read_at__isnull=True).count()


def get_notification_for_user(user: Any, pk: int) -> Notification:
    notification = visible_notifications(user).filter(pk=pk).first()
    if notification is None:
        raise Http404("没有找到该通知。")
    return notification
