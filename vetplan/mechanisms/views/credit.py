"""产教融合抵免: recognised enterprises, each one's yearly statement, the entry and the two checks."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.versioning import StaleEdit, current_version, save_edit
from vetplan.mechanisms import credit as service
from vetplan.mechanisms import documents
from vetplan.mechanisms.forms import CheckForm, CreditYearForm
from vetplan.mechanisms.models import CreditYear
from vetplan.mechanisms.views.common import page_year, user_region
from vetplan.orgs.roles import Role
from vetplan.registries.models import Enterprise
from vetplan.reports.views import download


def _enterprises(request: HttpRequest) -> QuerySet[Enterprise]:
    region = user_region(request)
    scope = scope_of(request.user)
    enterprises = Enterprise.objects.filter(region__path__startswith=region.path)
    if not scope.sees_region:
        enterprises = enterprises.filter(organization__path__startswith=scope.organization_path or "-")
    return service.with_statements(enterprises).order_by("name")


def _enterprise(request: HttpRequest, pk: int) -> Enterprise:
    enterprise = _enterprises(request).filter(pk=pk).first()
    if enterprise is None:
        raise Http404("没有找到该企业。")
    return enterprise


def _may_enter(request: HttpRequest, enterprise: Enterprise) -> bool:
    scope = scope_of(request.user)
    if scope.role == Role.ADMIN:
        return True
    return scope.role == Role.ENTERPRISE and enterprise.organization_id == scope.organization_id


def credit(request: HttpRequest) -> HttpResponse:
    region = user_region(request)
    year, years = page_year(request, region, ["integration_enterprises", "integration_credit"])
    enterprises = list(_enterprises(request))
    recognised = [e for e in enterprises if e.recognitions.all()]
    statements = [service.statement(e) for e in recognised]
    return render(
        request,
        "mechanisms/credit.html",
        {
            "region": region, "year": year, "years": years, "statements": statements,
            "totals": service.county_totals(enterprises, year),
        },
    )  # fmt: skip


def statement(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = _enterprise(request, pk)
    checks = service.checks_of(request.user)
    result = service.statement(enterprise)
    waiting = [(row, CheckForm(initial={"version": current_version(row)}, row=row)) for row in result.waiting]
    return render(
        request,
        "mechanisms/credit_statement.html",
        {
            "enterprise": enterprise, "statement": result, "waiting": waiting, "checks": checks,
            "may_enter": _may_enter(request, enterprise), "labels": service.CHECK_LABELS,
        },
    )  # fmt: skip


def statement_docx(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = _enterprise(request, pk)
    return download(documents.credit_document(service.statement(enterprise)), "docx")


def enter(request: HttpRequest, pk: int) -> HttpResponse:
    enterprise = _enterprise(request, pk)
    if not _may_enter(request, enterprise):
        raise Http404("只有企业本身可以填报投资额和应缴附加。")
    asked = request.POST.get("year") or request.GET.get("year") or ""
    row = None
    if asked.isascii() and asked.isdigit():
        row = CreditYear.objects.filter(enterprise=enterprise, year=int(asked)).first()
    initial = (
        {"year": row.year, "investment": row.investment, "payable": row.payable, "withdrawn": row.withdrawn,
         "note": row.note}
        if row else {}
    )  # fmt: skip
    form = CreditYearForm(request.POST if request.method == "POST" else None, row=row, initial=initial)
    if request.method == "POST" and form.is_valid():

        def save(version: object, year: int, **fields: object) -> None:
            service.enter_year(enterprise, year, by=request.user, version=version, **fields)  # type: ignore[arg-type]

        if save_edit(form, save, refused=(service.CreditError,)):
            messages.success(
                request, f"已保存 {form.cleaned_data['year']} 年的投资额和应缴附加，待发展改革、税务部门核实。"
            )
            return redirect("mechanisms:credit_statement", pk=enterprise.pk)
    return render(request, "mechanisms/credit_enter.html", {"enterprise": enterprise, "form": form, "row": row})


@require_POST
def check(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_object_or_404(CreditYear, pk=pk)
    enterprise = _enterprise(request, row.enterprise_id)
    form = CheckForm(request.POST, row=row)
    if not form.is_valid():
        messages.error(request, "核实请求无效，请刷新页面后重试。")
        return redirect("mechanisms:credit_statement", pk=enterprise.pk)
    try:
        service.check_year(row, form.cleaned_data["what"], by=request.user, version=form.cleaned_data.get("version"))
    except StaleEdit as conflict:
        messages.error(request, conflict.message())
    except service.CreditError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"已核实{enterprise.name} {row.year} 年的{service.CHECK_LABELS[form.cleaned_data['what']]}。"
        )
    return redirect("mechanisms:credit_statement", pk=enterprise.pk)
