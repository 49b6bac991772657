"""Report downloads: generate the content, format it, send it as a file."""

from __future__ import annotations

from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from vetplan.plans.access import get_plan_for_user, visible_plans
from vetplan.reports.formatters import CONTENT_TYPES, FORMATTERS
from vetplan.reports.task_list import task_list_report


def report_list(request: HttpRequest) -> HttpResponse:
    plans = visible_plans(request.user).order_by("-issued_on", "-pk")
    return render(request, "reports/report_list.html", {"plans": plans, "formats": list(FORMATTERS)})


def task_list(request: HttpRequest, plan_pk: int, fmt: str) -> HttpResponse:
    if fmt not in FORMATTERS:
        raise Http404("不支持的文件格式。")
    plan = get_plan_for_user(request.user, plan_pk)
    document = task_list_report(plan, timezone.localdate())
    return attachment(FORMATTERS[fmt](document), f"{document.title}.{fmt}", fmt)


def attachment(content: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
