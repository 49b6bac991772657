"""Views: the data dashboard, a target's chart, data entry by form and by Excel, target reports.

Each view parses input, checks permission, calls one service or query, and responds.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from vetplan.core.access import scope_of
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.core.params import parse_int, query_int, query_year
from vetplan.indicators import levels, queries
from vetplan.indicators.access import dataset_of, get_org_for_data, reportable_organizations
from vetplan.indicators.completeness import Finality, missing_units, region_progress
from vetplan.indicators.excel import build_template
from vetplan.indicators.forms import ClosingForm, DataForm, ReminderForm, TargetReportForm, TemplateForm, UploadForm
from vetplan.indicators.models import DataElement, DataReminder, Dataset, DataValue, Indicator
from vetplan.indicators.services import (
    CompletenessError,
    DataError,
    close_year,
    record_data_values,
    record_target_report,
    remind_missing,
    reopen_year,
)
from vetplan.indicators.sources import COMPUTED_SOURCES
from vetplan.indicators.uploads import import_data_file
from vetplan.indicators.validation import DataBatch, Location, allowed_years
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Target
from vetplan.plans.pickers import plan_filter
from vetplan.supervision.evidence import EvidenceError, content_type_of

YEARS_SHOWN = 5
MISSING_SHOWN = 100


def dashboard(request: HttpRequest) -> HttpResponse:
    targets = queries.visible_targets(request.user)
    plan_pk = query_int(request, "plan")
    if plan_pk:
        targets = targets.filter(plan_id=plan_pk)
    level = levels.level_for(request)
    indicators = list(Indicator.objects.filter(pk__in=targets.exclude(indicator=None).values("indicator_id")))
    year, values = levels.year_and_values(level, indicators, query_year(request))
    counts = queries.status_counts(targets)
    return render(
        request,
        "indicators/dashboard.html",
        {
            "progress": _progress_summary(level.region if level.parent is None else None),
            "counts": counts,
            "rows": queries.target_rows(targets),
            "level": level,
            "year": year,
            "indicators": indicators,
            "drill_rows": levels.table_rows(level, [(i.pk, year or 0) for i in indicators], values),
            "querystring": querystring_without_page(request),
            "parent": level.parent,
            "chart": {"labels": [c["label"] for c in counts], "counts": [c["count"] for c in counts]},
            "plan_filter": plan_filter(request.user, plan_pk, optional=True),
        },
    )


def target_detail(request: HttpRequest, target_pk: int) -> HttpResponse:
    target = _get_target(request, target_pk)
    chart = queries.target_chart(target)
    years: list[int] = []
    drill_rows: list[levels.Row] = []
    level = None
    if target.indicator_id:
        level = levels.level_for(request)
        shown = [y for y, _ in chart.series] + ([chart.pending[0]] if chart.pending else [])
        last = max(shown, default=None) or levels.latest_year(level, [target.indicator])  # type: ignore[list-item]
        years = list(range(last - YEARS_SHOWN + 1, last + 1)) if last else []
        # Only the years shown are read, for the rows of this page only.
        values = levels.level_values(level, [target.indicator], years)  # type: ignore[list-item]
        drill_rows = levels.table_rows(level, [(target.indicator_id, y) for y in years], values)
    return render(
        request,
        "indicators/target_detail.html",
        {
            "target": target,
            "chart": chart,
            "chart_json": chart.as_json(),
            "status_label": dict(queries.TargetStatus.Status.choices)[chart.assessment.status],
            "status_css": queries.STATUS_CSS[chart.assessment.status],
            "years": years,
            "level": level,
            "drill_rows": drill_rows,
            "querystring": querystring_without_page(request),
            "report_form": TargetReportForm(initial={"year": timezone.localdate().year})
            if not target.indicator_id and queries.can_report_target(request.user, target)
            else None,
            "reports": target.reports.all() if not target.indicator_id else [],
        },
    )


@require_POST
def target_report(request: HttpRequest, target_pk: int) -> HttpResponse:
    target = _get_target(request, target_pk)
    if not queries.can_report_target(request.user, target):
        raise PermissionDenied("只有本区域的督导室和部门可以填报目标完成情况。")
    form = TargetReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            record_target_report(
                target,
                by=request.user,
                year=form.cleaned_data["year"],
                value=float(form.cleaned_data["value"]),
                evidence=form.cleaned_data["evidence"],
            )
        except EvidenceError as error:
            messages.error(request, f"未保存：{error}")
        else:
            messages.success(request, "已保存目标完成情况。")
    else:
        messages.error(request, "填报有误：" + "；".join(e for errs in form.errors.values() for e in errs))
    return redirect("indicators:target_detail", target_pk=target.pk)


def target_evidence(request: HttpRequest, target_pk: int, report_pk: int) -> FileResponse:
    """A target report's 佐证材料, to whoever may see the target (stored under a random name, served here only)."""
    report = _get_target(request, target_pk).reports.filter(pk=report_pk).exclude(evidence="").first()
    if report is None:
        raise Http404("没有找到该文件。")
    stored = PurePosixPath(report.evidence.name)
    response = FileResponse(
        report.evidence.open("rb"),
        as_attachment=True,
        filename=f"目标完成情况佐证材料（{report.year}年）{stored.suffix.lower()}",
        content_type=content_type_of(stored.name),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def data_entry(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    units = reportable_organizations(request.user).order_by("type", "path")
    text = request.GET.get("q", "").strip()[:50]
    if text:
        units = units.filter(Q(name__icontains=text) | Q(short_name__icontains=text) | Q(region__name__icontains=text))
    page = paginate(request, units)  # a page at a time, never a silent cut at province scale
    orgs = list(page.object_list)
    return render(
        request,
        "indicators/data_entry.html",
        {
            "progress": _progress_summary(queries.user_region(request.user)),
            "orgs": orgs,
            "page": page,
            "q": text,
            "querystring": querystring_without_page(request),
            "years": list(range(year - YEARS_SHOWN, year + 1)),
            "template_form": TemplateForm(initial={"year": year - 1, "dataset": _default_dataset(orgs)}),
            "upload_form": UploadForm(),
        },
    )


@require_http_methods(["GET", "POST"])
def data_form(request: HttpRequest, org_pk: int, year: int) -> HttpResponse:
    org = get_org_for_data(request.user, org_pk, write=request.method == "POST")
    elements = list(DataElement.objects.filter(dataset=dataset_of(org), computed=False))
    rows = DataValue.objects.filter(organization=org, year=year).values_list("element_id", "value", "source")
    stored = {element: value for element, value, _ in rows}
    computed = frozenset(element for element, _, source in rows if source in COMPUTED_SOURCES)
    form = DataForm(request.POST or None, elements=elements, initial_values=stored, computed=computed)
    low, high = allowed_years(org.region)
    errors: list[str] = []
    if not low <= year <= high:
        errors = [f"年份 {year} 不在可填报范围内：应为 {low}—{high} 年（自最早规划的基期至本报告年度）"]
    elif request.method == "POST" and form.is_valid():
        batch = DataBatch(request.user)
        opened: dict[tuple[int, int, int], float | None] = {}
        for element, value, opened_value in form.changes():
            if value is None:
                continue  # a cleared field is not reported; the stored value stays
            batch.add(org, year, element, float(value), Location(f"“{element.name}”"))
            opened[(org.pk, year, element.pk)] = opened_value
        try:
            result = record_data_values(batch, by=request.user, source="form", opened_with=opened)
        except DataError as exc:
            errors = exc.errors
        else:
            saved = len(batch.entries)
            text = (
                f"已保存 {year} 年数据 {saved} 项，更新指标值 {result.indicator_values} 个。"
                if saved
                else "没有修改任何数据。"
            )
            messages.success(request, text)
            return redirect("indicators:data_form", org_pk=org.pk, year=year)
    in_range = low <= year <= high
    can_write = in_range and reportable_organizations(request.user).filter(pk=org.pk).exists()
    finality = Finality()
    dataset = dataset_of(org)
    return render(
        request,
        "indicators/data_form.html",
        {
            "org": org,
            "year": year,
            "form": form,
            "errors": errors,
            "can_write": can_write,
            "years": list(range(max(low, high - YEARS_SHOWN), high + 1)),
            "coverage": finality.coverage(org.region, dataset, year),
            "reminders": DataReminder.objects.filter(organization=org, year=year, dataset=dataset)[:5],
        },
    )


def template_download(request: HttpRequest) -> HttpResponse:
    form = TemplateForm(request.GET or {"dataset": Dataset.SCHOOL, "year": timezone.localdate().year - 1})
    if not form.is_valid():
        raise Http404("模板参数无效。")
    dataset, year = form.cleaned_data["dataset"], form.cleaned_data["year"]
    content = build_template(request.user, dataset, year)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="data-{dataset}-{year}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
def data_upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    error_total = 0
    if request.method == "POST" and form.is_valid():
        try:
            outcome = import_data_file(form.cleaned_data["file"], by=request.user)
        except DataError as exc:
            errors, error_total = exc.errors, exc.total
        else:
            if outcome.job is not None:
                return redirect("jobs:job_detail", job_pk=outcome.job.pk)
            indicator_values = outcome.result.indicator_values if outcome.result else 0
            messages.success(request, f"已导入 {outcome.saved} 个数据值，更新指标值 {indicator_values} 个。")
            return redirect("indicators:data_entry")
    context = {"form": form, "errors": errors, "error_total": error_total}
    return render(request, "indicators/data_upload.html", context, status=200)


def _get_target(request: HttpRequest, target_pk: int) -> Target:
    target = (
        queries.visible_targets(request.user, include_archived=True)
        .select_related("plan__region", "indicator", "scope_organization", "reporting_unit")
        .filter(pk=target_pk)
        .first()
    )
    if target is None:
        raise Http404("没有找到该目标。")
    return target


def _default_dataset(orgs: list[object]) -> str:
    return dataset_of(orgs[0]) if len(orgs) == 1 else Dataset.SCHOOL  # type: ignore[arg-type]


# 填报进度, 数据截止 and 催报 -----------------------------------------------------------------


def completeness(request: HttpRequest) -> HttpResponse:
    """Which units of a region have reported each data set, year by year; the 督导室 closes and 催报."""
    region = _progress_region(request)
    low, high = allowed_years(region)
    years = list(range(max(low, high - 2), high + 1))
    year = query_year(request)
    year = year if year in years else high
    finality = Finality()
    missing = {
        dataset: missing_units(region, dataset, year)
        for dataset in Dataset.values
        if finality.coverage(region, dataset, year).owed
    }
    reminded = {
        (r.organization_id, r.dataset): r
        for r in DataReminder.objects.filter(year=year, organization__region__path__startswith=region.path)
    }
    return render(
        request,
        "indicators/completeness.html",
        {
            "region": region,
            "regions": _progress_regions(request),
            "rows": region_progress(region, years, finality),
            "year": year,
            # At most MISSING_SHOWN units per data set, with the count of the rest (the regions below list theirs).
            "missing": [
                (
                    Dataset(dataset).label,
                    dataset,
                    [(unit, reminded.get((unit.pk, dataset))) for unit in units[:MISSING_SHOWN]],
                    len(units),
                    len(units) - min(len(units), MISSING_SHOWN),
                )
                for dataset, units in missing.items()
            ],
            "can_close": scope_of(request.user).supervises,
        },
    )


@require_POST
def completeness_close(request: HttpRequest) -> HttpResponse:
    region = _progress_region(request, write=True)
    form = ClosingForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(f"{reverse('indicators:completeness')}?region={region.pk}")
    year, note = form.cleaned_data["year"], form.cleaned_data["note"]
    try:
        if form.cleaned_data["action"] == "close":
            close_year(region, year, by=request.user, note=note)
            messages.success(
                request, f"{region.name}{year}年数据已截止：现有数据作为正式数据使用，目标状态已重新计算。"
            )
        else:
            reopen_year(region, year, by=request.user, note=note)
            messages.success(request, f"{region.name}{year}年数据已重新开放：单位全部填报前为暂定数据。")
    except CompletenessError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('indicators:completeness')}?region={region.pk}&year={year}")


@require_POST
def completeness_remind(request: HttpRequest) -> HttpResponse:
    region = _progress_region(request, write=True)
    form = ReminderForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(f"{reverse('indicators:completeness')}?region={region.pk}")
    year, dataset, unit = form.cleaned_data["year"], form.cleaned_data["dataset"], form.cleaned_data["unit"]
    units = None
    if unit:
        units = list(Organization.objects.filter(pk=unit, region__path__startswith=region.path))
    try:
        sent = remind_missing(region, dataset, year, by=request.user, units=units)
    except CompletenessError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已向 {len(sent)} 个单位催报{year}年{Dataset(dataset).label}。")
    return redirect(f"{reverse('indicators:completeness')}?region={region.pk}&year={year}")


def _progress_summary(region: Region | None) -> list[Any]:
    """The region's last two years of 填报进度, for the dashboard and the data-entry page."""
    if region is None:
        return []
    low, high = allowed_years(region)
    return [(region, row) for row in region_progress(region, range(max(low, high - 1), high + 1))]


def _progress_regions(request: HttpRequest) -> QuerySet[Region]:
    scope = scope_of(request.user)
    regions = Region.objects.exclude(level=Region.Level.TOWNSHIP).order_by("path")
    return regions if scope.sees_everything else regions.filter(path__startswith=scope.region_path)


def _progress_region(request: HttpRequest, write: bool = False) -> Region:
    """The region asked for (default: the user's own), within the user's region; supervisors write."""
    scope = scope_of(request.user)
    if write and not scope.supervises:
        raise PermissionDenied("只有督导室可以截止数据或催报。")
    pk = (
        parse_int(request.POST.get("region") if request.method == "POST" else request.GET.get("region"))
        or scope.region_id
    )
    regions = _progress_regions(request)
    region = regions.filter(pk=pk).first() if pk else regions.first()
    if region is None:
        raise Http404("没有找到该区域。")
    return region
