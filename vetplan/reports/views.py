"""Report pages and downloads: check access to the subject, generate the content, format it, send it.

年度质量报告 pages are here too: the public list, a report read on the page, and the
supervisors' create, edit, publish and discard actions (services.py).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.params import query_int
from vetplan.core.versioning import save_edit
from vetplan.orgs.models import Organization
from vetplan.orgs.pickers import group_value
from vetplan.plans.access import get_plan_for_user, visible_plans
from vetplan.plans.pickers import plan_filter
from vetplan.reports import access, services
from vetplan.reports.bulletin import bulletin_report
from vetplan.reports.content import ReportDocument, to_json
from vetplan.reports.fonts import FontMissingError
from vetplan.reports.formatters import CONTENT_TYPES, FORMATTERS, LAYOUT_VERSIONS
from vetplan.reports.forms import NarrativesForm, PublishForm, QualityReportCreateForm, WithdrawForm
from vetplan.reports.quality_report import (
    latest_year,
    provisional_coverage,
    quality_report,
    report_coverage,
    schools_of,
)
from vetplan.reports.supervision_report import round_report as make_round_report
from vetplan.reports.task_list import task_list_report
from vetplan.supervision import access as supervision_access

RECENT = 10  # rounds and bulletins listed on the report page (the full lists are in 督导)


def fonts_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A view that draws charts or lays out PDF: a server without its CJK fonts answers 503 with the
    package to install (FontMissingError's message), not a bare 500."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except FontMissingError as error:
            return HttpResponse(str(error), status=503, content_type="text/plain; charset=utf-8")

    return wrapped


def report_list(request: HttpRequest) -> HttpResponse:
    """Every output the user may download, by kind."""
    can_supervise = supervision_access.can_supervise(request.user)
    rounds = supervision_access.visible_rounds(request.user).order_by("-year", "-pk")[:RECENT] if can_supervise else []
    bulletins = supervision_access.visible_bulletins(request.user).order_by("-published_at", "-pk")[:RECENT]
    plans = visible_plans(request.user).order_by("-issued_on", "-pk")
    plan_pk = query_int(request, "plan")
    page = paginate(request, plans.filter(pk=plan_pk) if plan_pk is not None else plans)
    return render(
        request,
        "reports/report_list.html",
        {
            "plan_filter": plan_filter(request.user, plan_pk, optional=True),
            "plans": page,
            "querystring": querystring_without_page(request),
            "rounds": rounds,
            "bulletins": bulletins,
            "quality_reports": access.visible_quality_reports(request.user).select_related("region", "organization")[
                :RECENT
            ],
        },
    )


@fonts_required
def task_list(request: HttpRequest, plan_pk: int, fmt: str) -> HttpResponse:
    _check_format(fmt)
    plan = get_plan_for_user(request.user, plan_pk)
    return download(task_list_report(plan, timezone.localdate()), fmt)


@fonts_required
def round_report(request: HttpRequest, round_pk: int, fmt: str) -> HttpResponse:
    """督导报告: for the round's supervisors (it names every unit's findings and interviews)."""
    _check_format(fmt)
    round_ = supervision_access.get_round_for_user(request.user, round_pk)
    if not supervision_access.can_write_round(request.user, round_):
        raise PermissionDenied(supervision_access.SUPERVISORS_ONLY)
    return download(make_round_report(round_, timezone.localdate()), fmt)


@fonts_required
def bulletin(request: HttpRequest, bulletin_pk: int, fmt: str) -> HttpResponse:
    """通报: public once published; a draft is not found except by the region's supervisors."""
    _check_format(fmt)
    found = supervision_access.get_bulletin_for_user(request.user, bulletin_pk)
    return download(bulletin_report(found, timezone.localdate()), fmt)


# 年度质量报告 ------------------------------------------------------------------------------


def quality_list(request: HttpRequest) -> HttpResponse:
    """Public: the published reports; the region's supervisors also see their drafts."""
    reports = access.visible_quality_reports(request.user).select_related("region", "organization")
    return render(
        request,
        "reports/quality_list.html",
        {"page": paginate(request, reports), "can_supervise": supervision_access.can_supervise(request.user)},
    )


def quality_create(request: HttpRequest) -> HttpResponse:
    region = supervision_access.supervisor_region(request.user)
    form = QualityReportCreateForm(
        request.POST or None,
        schools=schools_of(region),
        initial={
            "year": latest_year(region) or timezone.localdate().year - 1,
            "schools": [group_value(region, Organization.Type.SCHOOL)],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_quality_reports(
                region,
                year=form.cleaned_data["year"],
                by=request.user,
                regional=form.cleaned_data["regional"],
                schools=form.cleaned_data["schools"],
            )
        except services.ReportError as error:
            form.add_error(None, str(error))
        else:
            if created:
                messages.success(request, f"已生成 {len(created)} 份年度质量报告草稿，核对无误后可发布。")
            else:
                messages.info(request, "所选单位该年度的报告都已存在，未重复生成。")
            return redirect("reports:quality_list")
    return render(request, "reports/quality_form.html", {"form": form, "heading": "生成年度质量报告"})


@fonts_required
def quality_detail(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_quality_report_for_user(request.user, report_pk)
    document = quality_report(report, timezone.localdate())
    return render(
        request,
        "reports/quality_detail.html",
        {
            "report": report,
            "document": to_json(document),
            "can_edit": not report.was_published and access.can_edit(request.user, report),
            "can_withdraw": report.is_published and access.can_edit(request.user, report),
            "withdraw_form": WithdrawForm(),
        },
    )


def quality_edit(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_quality_report_for_user(request.user, report_pk, write=True)
    form = NarrativesForm(request.POST or None, initial=report.narratives, report=report)
    if request.method == "POST" and form.is_valid():
        save = lambda version, **texts: services.update_narratives(report, texts, by=request.user, version=version)  # noqa: E731
        if save_edit(form, save, refused=(services.ReportError,)):
            messages.success(request, "报告文字已保存。")
            return redirect("reports:quality_detail", report_pk=report.pk)
    return render(
        request, "reports/quality_form.html", {"form": form, "heading": f"编写：{report.title}", "report": report}
    )


@fonts_required
def quality_publish(request: HttpRequest, report_pk: int) -> HttpResponse:
    """GET: what becomes public, and the year's coverage; POST: publish (a provisional year needs the box ticked)."""
    report = access.get_quality_report_for_user(request.user, report_pk, write=True)
    if report.was_published:
        messages.info(request, "该报告已经发布。")
        return redirect("reports:quality_detail", report_pk=report.pk)
    form = PublishForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_quality_report(
                report, by=request.user, confirm_provisional=form.cleaned_data["confirm_provisional"]
            )
        except services.ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "报告已发布，公众可在年度质量报告页面查看和下载。")
            return redirect("reports:quality_detail", report_pk=report.pk)
    document = quality_report(report, timezone.localdate())
    return render(
        request,
        "reports/quality_publish.html",
        {
            "report": report,
            "form": form,
            "coverage": report_coverage(report),
            "pending": provisional_coverage(report),
            "document": to_json(document),
        },
    )


@require_POST
def quality_withdraw(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_quality_report_for_user(request.user, report_pk, write=True)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect("reports:quality_detail", report_pk=report.pk)
    try:
        services.withdraw_quality_report(report, by=request.user, reason=form.cleaned_data["reason"])
    except services.ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "报告已撤回：公众页面显示撤回时间和原因，原发布内容保留在记录中。")
    return redirect("reports:quality_detail", report_pk=report.pk)


@require_POST
def quality_discard(request: HttpRequest, report_pk: int) -> HttpResponse:
    report = access.get_quality_report_for_user(request.user, report_pk, write=True)
    try:
        services.discard_quality_report(report, by=request.user)
    except services.ReportError as error:
        messages.error(request, str(error))
        return redirect("reports:quality_detail", report_pk=report.pk)
    messages.success(request, "报告草稿已删除。")
    return redirect("reports:quality_list")


@fonts_required
def quality_download(request: HttpRequest, report_pk: int, fmt: str) -> HttpResponse:
    """Public once published (its stored copy); a draft is not found except by the region's supervisors."""
    _check_format(fmt)
    report = access.get_quality_report_for_user(request.user, report_pk)
    if report.is_withdrawn:
        when = timezone.localtime(report.withdrawn_at) if report.withdrawn_at else None
        text = f"该报告已于{when:%Y年%m月%d日}撤回：{report.withdraw_reason}" if when else "该报告已撤回。"
        return HttpResponse(text, status=410, content_type="text/plain; charset=utf-8")
    return download(quality_report(report, timezone.localdate()), fmt)


def _check_format(fmt: str) -> None:
    if fmt not in FORMATTERS:
        raise Http404("不支持的文件格式。")


def download(document: ReportDocument, fmt: str) -> HttpResponse:
    return attachment(formatted(document, fmt), f"{document.title}.{fmt}", fmt)


def formatted(document: ReportDocument, fmt: str) -> bytes:
    """The file, laid out once per content: the key is a hash of what the report says, so a changed
    report (new figures, another day's date) is a new entry and nothing is ever stale; and the
    formatter's layout version, so a file laid out by an older formatter is not served either."""
    text = json.dumps(to_json(document), sort_keys=True, ensure_ascii=False)
    key = f"report:{fmt}:{LAYOUT_VERSIONS[fmt]}:{hashlib.sha256(text.encode()).hexdigest()}"
    cache = caches["reports"]
    content: bytes | None = cache.get(key)
    if content is None:
        content = FORMATTERS[fmt](document)
        cache.set(key, content)
    return content


def attachment(content: bytes, filename: str, fmt: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
