"""The registries' pages, shared by all five: index, list, detail, template, import, export.

Personal data (身份证号, phone) is masked everywhere except on a record's detail page for the
record's own unit, and in an export that unit makes; each unmasked view is logged.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.history import history_entries
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.registries import exports
from vetplan.registries.base import Registry
from vetplan.registries.forms import RegistryUploadForm
from vetplan.registries.identity import mask_id, mask_phone
from vetplan.registries.kinds import REGISTRIES
from vetplan.registries.models import PersonalDataAccess
from vetplan.registries.pipeline import build_template
from vetplan.registries.uploads import import_registry_file

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _registry(code: str) -> Registry:
    registry = REGISTRIES.get(code)
    if registry is None:
        raise Http404("没有这个名册。")
    return registry


def index(request: HttpRequest) -> HttpResponse:
    cards = [(registry, registry.records(request.user).count()) for registry in REGISTRIES.values()]
    return render(request, "registries/index.html", {"cards": cards})


def record_list(request: HttpRequest, code: str) -> HttpResponse:
    registry = _registry(code)
    records: QuerySet[Any] = registry.records(request.user)
    q = request.GET.get("q", "").strip()[:50]
    if q:
        records = registry.search(records, q)
    unit = request.GET.get("unit", "")
    if unit.isascii() and unit.isdigit() and len(unit) < 10:
        records = records.filter(**{f"{registry.owner_field}_id": int(unit)})
    page = paginate(request, records.select_related(*_related(registry)).order_by("pk"))
    rows = [(record, [_cell(registry, record, column) for column in registry.list_columns]) for record in page]
    return render(
        request,
        "registries/list.html",
        {
            "registry": registry,
            "page": page,
            "rows": rows,
            "filters": {"q": q, "unit": unit},
            "querystring": querystring_without_page(request),
            "may_import": registry.may_import(request.user),
        },
    )


def record_detail(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    registry = _registry(code)
    record = registry.records(request.user).filter(pk=pk).first()
    if record is None:
        raise Http404("没有找到该记录。")
    unmasked = registry.sees_unmasked(request.user, record)
    if unmasked and registry.personal_fields:
        PersonalDataAccess.objects.create(
            user=request.user, registry=registry.code, object_id=record.pk, purpose=PersonalDataAccess.Purpose.DETAIL
        )
    fields = []
    for field in record._meta.concrete_fields:
        if field.name in ("id",):
            continue
        value = getattr(record, field.name)
        display = getattr(record, f"get_{field.name}_display")() if field.choices else value
        if isinstance(display, bool):
            display = "是" if display else "否"
        if field.name in registry.personal_fields and value and not unmasked:
            display = mask_phone(value) if field.name == "phone" else mask_id(value)
        fields.append((field.verbose_name, display if display not in (None, "") else "—"))
    extra = registry.detail(record)
    return render(
        request,
        "registries/detail.html",
        {
            "registry": registry,
            "record": record,
            "fields": fields,
            "extra": extra,
            "related": [_related_table(title, rows, names) for title, rows, names in extra["related"]],
            "history": history_entries(record) if hasattr(record, "history") else [],
            "unmasked": unmasked,
        },
    )


def template_download(request: HttpRequest, code: str) -> HttpResponse:
    registry = _registry(code)
    response = HttpResponse(build_template(registry.sheets, registry.label), content_type=XLSX)
    response["Content-Disposition"] = exports.disposition(f"{registry.label}导入模板.xlsx")
    return response


def record_import(request: HttpRequest, code: str) -> HttpResponse:
    registry = _registry(code)
    if not registry.may_import(request.user):
        raise PermissionDenied("您的账号不能导入该名册。")
    form = RegistryUploadForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        outcome = import_registry_file(registry, form.cleaned_data["file"], by=request.user)
        if outcome.job is not None:
            messages.info(request, "文件较大，已转入后台导入：本页显示进度，完成后列出结果。")
            return redirect("jobs:job_detail", job_pk=outcome.job.pk)
        result = outcome.result
        if result is not None and result.ok:
            messages.success(request, f"{registry.label}导入完成：{result.summary()}")
            return redirect("registries:list", code=registry.code)
    return render(request, "registries/import.html", {"registry": registry, "form": form, "result": result})


def record_export(request: HttpRequest, code: str) -> HttpResponse:
    """The records the user sees, as .xlsx; personal data masked unless the user's own unit's."""
    registry = _registry(code)
    records = registry.records(request.user).select_related(*_related(registry)).order_by("pk")
    own = scope_of(request.user).organization_id
    content, unmasked = exports.export_records(registry, records, own_unit=own)
    if unmasked:
        PersonalDataAccess.objects.create(
            user=request.user, registry=registry.code, records=unmasked, purpose=PersonalDataAccess.Purpose.EXPORT
        )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = exports.disposition(f"{registry.label}.xlsx")
    return response


@require_POST
def person_export(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    """应本人申请: one person's whole record, unmasked, for the record's own unit (logged)."""
    registry = _registry(code)
    record = registry.records(request.user).filter(pk=pk).first()
    if record is None:
        raise Http404("没有找到该记录。")
    if not registry.personal_fields or not registry.sees_unmasked(request.user, record):
        raise PermissionDenied("只有记录所属单位可以应本人申请导出其个人信息。")
    PersonalDataAccess.objects.create(
        user=request.user, registry=registry.code, object_id=record.pk, purpose=PersonalDataAccess.Purpose.PERSON_EXPORT
    )
    response = HttpResponse(exports.export_person(registry, record), content_type=XLSX)
    response["Content-Disposition"] = exports.disposition(f"{record}的个人信息.xlsx")
    return response


def _cell(registry: Registry, record: Any, column: Any) -> Any:
    value = column.value(record) if callable(column.value) else getattr(record, column.value)
    if column.masked and value:
        return mask_id(value)
    return value if value not in (None, "") else "—"


def _related(registry: Registry) -> list[str]:
    fields = [registry.owner_field]
    if registry.code == "students":
        fields += ["school_major__major", "school_major__school"]  # the export writes the major as 学校 · 专业
    if registry.code == "majors":
        fields.append("major")
    if registry.code == "enterprises":
        fields.append("region")
    return fields


def _related_table(title: str, rows: QuerySet[Any], names: list[str]) -> tuple[str, list[str], list[list[Any]]]:
    fields = {f.name: f for f in rows.model._meta.concrete_fields}
    headers = [str(fields[name].verbose_name) for name in names]
    table = []
    for row in rows:
        cells = []
        for name in names:
            value = getattr(row, f"get_{name}_display")() if fields[name].choices else getattr(row, name)
            if isinstance(value, bool):
                value = "是" if value else "否"
            cells.append("—" if value in (None, "") else value)
        table.append(cells)
    return title, headers, table
