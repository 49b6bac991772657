"""Named state changes for notifications: notify a unit's users, mark notices read.

`notify` runs inside the caller's transaction (a receiver of a domain event): the rows
commit or roll back with the change they report, and the e-mails are sent only after the commit,
through Django's mail settings (console backend by default), to the recipients with an address.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from vetplan.orgs.models import Organization
from vetplan.workbench.models import Notification

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[vetplan] "


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


@dataclass(frozen=True)
class Notice:
    """What to tell the users of one unit."""

    unit: Organization
    kind: str
    text: str
    link: str = ""


def notify(notices: Iterable[Notice]) -> list[Notification]:
    """A notification to every active user of each notice's unit (members of that very unit), mailed
    after the commit to those with an e-mail address. Two queries, however many units."""
    notices = list(notices)
    if not notices:
        return []
    users_by_unit: dict[int, list[Any]] = defaultdict(list)
    for user in (
        get_user_model()
        .objects.filter(membership__organization_id__in={n.unit.pk for n in notices}, is_active=True)
        .select_related("membership")
        .order_by("pk")
    ):
        users_by_unit[user.membership.organization_id].append(user)
    rows, mails = [], []
    for notice in notices:
        for user in users_by_unit[notice.unit.pk]:
            rows.append(
                Notification(
                    recipient=user, organization=notice.unit, kind=notice.kind, text=notice.text, link=notice.link
                )
            )
            if user.email:
                subject = f"{SUBJECT_PREFIX}{Notification.Kind(notice.kind).label}"
                mails.append(Mail(user.email, subject, _mail_body(notice.text, notice.link)))
    created = Notification.objects.bulk_create(rows)
    if mails:
        transaction.on_commit(lambda: send_mails(mails))
    return created


def _mail_body(text: str, link: str) -> str:
    lines = [text]
    if link:
        lines += ["", f"查看详情：{settings.VETPLAN_SITE_URL.rstrip('/')}{link}"]
    lines += ["", "—— vetplan 职业教育规划实施与督导（本邮件由系统自动发送，请勿回复）"]
    return "\n".join(lines)


def send_mails(mails: list[Mail]) -> int:
    """Send over one connection; a mail server that fails is logged, never undoes the committed change."""
    messages = [EmailMessage(m.subject, m.body, settings.DEFAULT_FROM_EMAIL, [m.to]) for m in mails]
    try:
        return get_connection().send_messages(messages) or 0
    except Exception:  # any backend error: SMTP, DNS, a full disk for the file backend
        logger.exception("通知邮件发送失败（%d 封）", len(messages))
        return 0


def mark_read(notification: Notification, *, by: Any) -> bool:
    """The recipient has read the notice; True when it was unread."""
    updated = Notification.objects.filter(pk=notification.pk, recipient_id=by.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    return bool(updated)


def mark_all_read(*, by: Any) -> int:
    return Notification.objects.filter(recipient_id=by.pk, read_at__isnull=True).update(read_at=timezone.now())
