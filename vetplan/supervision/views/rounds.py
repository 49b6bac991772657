"""Supervision rounds: create, enter scores, compute and show results with ranking."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from vetplan.core.pagination import paginate
from vetplan.supervision import access, services
from vetplan.supervision.forms import AssessmentForm, RoundForm
from vetplan.supervision.scoring import GRADE_LABELS


def round_list(request: HttpRequest) -> HttpResponse:
    rounds = access.visible_rounds(request.user).order_by("-year", "-pk")
    return render(
        request,
        "supervision/round_list.html",
        {"page": paginate(request, rounds), "can_supervise": access.can_supervise(request.user)},
    )


def round_create(request: HttpRequest) -> HttpResponse:
    region = access.supervisor_region(request.user)
    form = RoundForm(request.POST or None, units=access.units_in_scope(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.create_round(region, by=request.user, **form.cleaned_data)
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "督导轮次已创建，请录入报告质量得分后计算结果。")
            return redirect("supervision:round_detail", round_pk=round_.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": "新建督导轮次"})


def round_detail(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, round_pk)
    assessments = services.round_results(round_)
    can_write = access.can_write_round(request.user, round_)
    rows = [(a, AssessmentForm(prefix=str(a.pk), initial={"quality_score": a.quality_score, "comment": a.comment}))
            for a in assessments]  # fmt: skip
    return render(
        request,
        "supervision/round_detail.html",
        {"round": round_, "rows": rows, "can_write": can_write, "grades": GRADE_LABELS},
    )


@require_POST
def round_scores(request: HttpRequest, round_pk: int) -> HttpResponse:
    """Save the quality scores entered in the table, then (re)compute totals, grades and ranking."""
    round_ = access.get_round_for_user(request.user, round_pk, write=True)
    assessments = list(round_.assessments.all())
    forms_ = [(a, AssessmentForm(request.POST, prefix=str(a.pk))) for a in assessments]
    if not all(form.is_valid() for _, form in forms_):
        messages.error(request, "报告质量得分应为 0—100 之间的数字。")
        return redirect("supervision:round_detail", round_pk=round_.pk)
    try:
        for assessment, form in forms_:
            if form.has_changed() or f"{assessment.pk}-quality_score" in request.POST:
                services.record_assessment(
                    assessment,
                    by=request.user,
                    quality_score=form.cleaned_data["quality_score"],
                    comment=form.cleaned_data["comment"],
                )
        services.score_round(round_, by=request.user)
    except services.SupervisionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "评分结果已计算。")
    return redirect("supervision:round_detail", round_pk=round_.pk)
