"""Report downloads: check access to the subject, generate the content, format it, send it as a file."""

from __future__ import annotations

from urllib.parse import quote

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from vetplan.plans.access import get_plan_for_user, visible_plans
from vetplan.reports.bulletin import bulletin_report
from vetplan.reports.content import ReportDocument
from vetplan.reports.formatters import CONTENT_TYPES, FORMATTERS
from vetplan.reports.formatters.pdf import FontMissingError
from vetplan.reports.supervision_report import round_report as make_round_report
from vetplan.reports.task_list import task_list_report
from vetplan.supervision import access as supervision_access


def report_list(request: HttpRequest) -> HttpResponse:
    plans = visible_plans(request.user).order_by("-issued_on", "-pk")
    return render(request, "reports/report_list.html", {"plans": plans})


def task_list(request: HttpRequest, plan_pk: int, fmt: str) -> HttpResponse:
    _check_format(fmt)
    plan = get_plan_for_user(request.user, plan_pk)
    return download(task_list_report(plan, timezone.localdate()), fmt)


def round_report(request: HttpRequest, round_pk: int, fmt: str) -> HttpResponse:
    """督导报告: for the round's supervisors (it names every unit's findings and interviews)."""
    _check_format(fmt)
    round_ = supervision_access.get_round_for_user(request.user, round_pk)
    if not supervision_access.can_write_round(request.user, round_):
        raise PermissionDenied(supervision_access.SUPERVISORS_ONLY)
    return download(make_round_report(round_, timezone.localdate()), fmt)


def bulletin(request: HttpRequest, bulletin_pk: int, fmt: str) -> HttpResponse:
    """通报: public once published; a draft is not found except by the region's supervisors."""
    _check_format(fmt)
    found = supervision_access.get_bulletin_for_user(request.user, bulletin_pk)
    return download(bulletin_report(found, timezone.localdate()), fmt)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATTERS:
        raise Http404("不支持的文件格式。")


def download(document: ReportDocument, fmt: str) -> HttpResponse:
    try:
        content = FORMATTERS[fmt](document)
    except FontMissingError as error:  # the server lacks its fonts: say which package, not a bare 500
        return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")
    return attachment(content, f"{document.title}.{fmt}", fmt)


def attachment(content: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
