"""The audit trail page (督导操作记录) and its Excel export: the region's supervisors (rules.py)."""

from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.supervision.audit.forms import AuditFilterForm
from vetplan.supervision.audit.trail import entries, trail_keys
from vetplan.supervision.audit.xlsx import to_xlsx

EXPORT_LIMIT = 10_000  # rows in one workbook; narrower filters export the rest
EXPORT_CHUNK = 500  # entries built per step (a fixed number of queries each)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def audit_trail(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    form = AuditFilterForm(request.GET, scope=scope)
    page = paginate(request, trail_keys(scope, form.filters()))
    page.object_list = entries(page.object_list)
    return render(
        request,
        "supervision/audit_trail.html",
        {"page": page, "form": form, "querystring": querystring_without_page(request)},
    )


def audit_export(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    form = AuditFilterForm(request.GET, scope=scope)
    keys = trail_keys(scope, form.filters())
    total = len(keys) if isinstance(keys, list) else keys.count()
    exported = min(total, EXPORT_LIMIT)
    now = timezone.localtime()
    note = f"导出时间：{now:%Y-%m-%d %H:%M}；筛选：{form.describe()}；共 {total} 条"
    if total > exported:
        note += f"，只导出最近的 {exported} 条，请缩小筛选范围导出其余记录"
    chunks = (entries(keys[start : min(start + EXPORT_CHUNK, exported)]) for start in range(0, exported, EXPORT_CHUNK))
    content = to_xlsx("督导操作记录", note, (entry for chunk in chunks for entry in chunk))
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(f'督导操作记录-{now:%Y%m%d}.xlsx')}"
    return response
