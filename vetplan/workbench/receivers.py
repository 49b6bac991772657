"""How the workbench reacts to the events of the domains: a notification to the units concerned.

Each receiver runs inside the transaction of the service that sent the event (see the apps'
signals.py), so a notice exists exactly when the change it reports was committed.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from django.urls import reverse

from vetplan.indicators.models import Dataset
from vetplan.indicators.signals import data_reminded
from vetplan.supervision.signals import item_urged, order_issued, report_reviewed
from vetplan.workbench.models import Notification
from vetplan.workbench.services import Notice, notify

Kind = Notification.Kind


@receiver(report_reviewed, dispatch_uid="workbench.report_reviewed")
def report_was_reviewed(sender: Any, report: Any, accepted: bool, **kwargs: Any) -> None:
    what = f"任务{report.task.seq}的{report.period}年{report.kind_label}"
    if accepted:
        kind = Kind.CLOSING_ACCEPTED if report.closing else Kind.REPORT_ACCEPTED
        text = f"{what}已通过审核{'，任务已办结' if report.closing else ''}。"
        if report.review_comment:
            text += f"审核意见：{report.review_comment}"
    else:
        kind = Kind.CLOSING_RETURNED if report.closing else Kind.REPORT_RETURNED
        text = f"{what}被退回，请于{report.resubmit_by:%Y-%m-%d}前修改后重新提交。退回意见：{report.review_comment}"
    link = reverse("supervision:report_detail", kwargs={"report_pk": report.pk})
    notify([Notice(report.organization, kind, text, link)])


@receiver(item_urged, dispatch_uid="workbench.item_urged")
def item_was_urged(sender: Any, notice: Any, **kwargs: Any) -> None:
    item = notice.item
    link = reverse("plans:task_detail", kwargs={"task_pk": item.task_id})
    notify([Notice(item.organization, Kind.URGED, f"督导室催办：{notice.message}", link)])


@receiver(order_issued, dispatch_uid="workbench.order_issued")
def order_was_issued(sender: Any, order: Any, **kwargs: Any) -> None:
    text = f"督导室下达整改通知，请于{order.deadline:%Y-%m-%d}前完成整改并报送整改情况。问题：{order.finding}"
    link = reverse("supervision:order_detail", kwargs={"order_pk": order.pk})
    notify([Notice(order.organization, Kind.ORDER_ISSUED, text, link)])


@receiver(data_reminded, dispatch_uid="workbench.data_reminded")
def data_was_reminded(sender: Any, reminders: list[Any], **kwargs: Any) -> None:
    notify(
        Notice(
            reminder.organization,
            Kind.DATA_REMINDER,
            f"督导室催报{reminder.year}年{Dataset(reminder.dataset).label}：{reminder.message}",
            reverse("indicators:data_form", kwargs={"org_pk": reminder.organization_id, "year": reminder.year}),
        )
        for reminder in reminders
    )
