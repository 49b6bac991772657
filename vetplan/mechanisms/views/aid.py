"""学生资助: a school's payment rosters per term, the eligibility check, and the region's totals.

A roster names students with their family status (家庭经济困难, 脱贫户): personal data. It is
shown and exported only to its own school (and the administrator), and each view is logged;
the region sees the totals per school and how many students the check finds.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.core.pagination import paginate, querystring_without_page
from vetplan.mechanisms import aid as service
from vetplan.mechanisms import documents
from vetplan.mechanisms.forms import RemoveAwardForm, RosterForm
from vetplan.mechanisms.models import AidAward, AidRoster
from vetplan.mechanisms.views.common import user_region, visible_units
from vetplan.orgs.models import Organization
from vetplan.orgs.roles import Role
from vetplan.registries.models import PersonalDataAccess
from vetplan.reports.formatters.xlsx import to_xlsx
from vetplan.reports.views import attachment


def _own_school(request: HttpRequest) -> Organization | None:
    scope = scope_of(request.user)
    if scope.role != Role.SCHOOL or scope.organization_id is None:
        return None
    return Organization.objects.filter(pk=scope.organization_id, type=Organization.Type.SCHOOL).first()


def _roster(request: HttpRequest, pk: int) -> AidRoster:
    """A roster the user may see in full: their own school's (the administrator: any)."""
    sheet = get_object_or_404(AidRoster.objects.select_related("school"), pk=pk)
    scope = scope_of(request.user)
    if scope.role == Role.ADMIN or (scope.role == Role.SCHOOL and sheet.school_id == scope.organization_id):
        return sheet
    raise Http404("只有本校可以查看资助名册。")


def aid(request: HttpRequest) -> HttpResponse:
    region = user_region(request)
    schools = list(visible_units(request, Organization.Type.SCHOOL, region))
    rosters = (
        AidRoster.objects.filter(school__in=schools)
        .select_related("school")
        .annotate(
            paid=Sum("awards__amount", filter=Q(awards__removed_reason="")),
            students=Count("awards__student", filter=Q(awards__removed_reason=""), distinct=True),
            removed=Count("awards", filter=~Q(awards__removed_reason="")),
        )
    )
    today = timezone.localdate()
    form = RosterForm(initial={"year": today.year, "term": 2 if today.month >= 9 else 1})
    return render(
        request,
        "mechanisms/aid.html",
        {"region": region, "rosters": rosters, "form": form, "own_school": _own_school(request)},
    )


@require_POST
def generate(request: HttpRequest) -> HttpResponse:
    school = _own_school(request)
    if school is None:
        raise Http404("只有学校可以生成本校的资助名册。")
    form = RosterForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择年份和学期。")
        return redirect("mechanisms:aid")
    sheet = service.generate(school, form.cleaned_data["year"], form.cleaned_data["term"], by=request.user)
    count = sheet.awards.count()
    messages.success(request, f"已生成{sheet}资助名册，共 {count} 项。")
    return redirect("mechanisms:aid_roster", pk=sheet.pk)


def roster(request: HttpRequest, pk: int) -> HttpResponse:
    """The roster a page at a time (a large school's roster runs to thousands of awards), its totals
    over all of it; each view logged with the awards it showed."""
    sheet = _roster(request, pk)
    page = paginate(request, sheet.awards.select_related("student").order_by("student__student_number", "kind"))
    PersonalDataAccess.objects.create(
        user=request.user, registry="aid", object_id=sheet.pk, records=len(page.object_list),
        purpose=PersonalDataAccess.Purpose.DETAIL,
    )  # fmt: skip
    paid = {
        kind: (students, amount)
        for kind, students, amount in sheet.awards.filter(removed_reason="")
        .values_list("kind")
        .annotate(students=Count("pk"), amount=Sum("amount"))
        .order_by()
    }
    totals = {label: paid.get(kind, (0, 0)) for kind, label in AidAward.Kind.choices}
    return render(
        request,
        "mechanisms/aid_roster.html",
        {
            "sheet": sheet, "page": page, "awards": page.object_list, "totals": totals,
            "querystring": querystring_without_page(request), "missing": service.not_on_roster(sheet),
        },
    )  # fmt: skip


def roster_export(request: HttpRequest, pk: int) -> HttpResponse:
    sheet = _roster(request, pk)
    document = documents.roster_document(sheet)
    PersonalDataAccess.objects.create(
        user=request.user, registry="aid", object_id=sheet.pk, records=len(document.tables()[0].rows),
        purpose=PersonalDataAccess.Purpose.EXPORT,
    )  # fmt: skip
    return attachment(to_xlsx(document), f"{document.title}.xlsx", "xlsx")


@require_POST
def award(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(AidAward.objects.select_related("roster"), pk=pk)
    sheet = _roster(request, item.roster_id)
    if sheet.school_id != scope_of(request.user).organization_id:
        raise Http404("只有本校可以调整本校的资助名册。")
    form = RemoveAwardForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请求无效。")
    elif form.cleaned_data["action"] == "restore":
        service.restore(item, by=request.user)
        messages.success(request, "已恢复到名册。")
    else:
        try:
            service.remove(item, form.cleaned_data["reason"], by=request.user)
        except ValueError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "已移出名册。")
    return redirect("mechanisms:aid_roster", pk=sheet.pk)
