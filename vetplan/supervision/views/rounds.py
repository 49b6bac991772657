"""Supervision rounds: create, the round's own criteria, enter scores, compute and show results
with ranking, and record what the results lead to (结果运用)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from vetplan.core.pagination import paginate
from vetplan.core.versioning import VERSION_FIELD, StaleEdit, show_conflict
from vetplan.supervision import access, services
from vetplan.supervision.models import Assessment, Consequence, CriterionScore, InspectionRound
from vetplan.supervision.round_forms import (
    AssessmentForm,
    ConsequenceForm,
    ConsequenceLinkForm,
    CriterionForm,
    RoundForm,
    latest_versions,
)
from vetplan.supervision.scoring import NOT_ASSESSED_LABEL, target_points_rule


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
            messages.success(request, "督导轮次已创建，可添加本轮自定义评分项，录入得分后计算结果。")
            return redirect("supervision:round_detail", round_pk=round_.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": "新建督导轮次"})


def round_detail(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, round_pk)
    return _round_page(request, round_)


def _round_page(
    request: HttpRequest, round_: InspectionRound, forms: dict[int, AssessmentForm] | None = None, status: int = 200
) -> HttpResponse:
    """The results page; `forms`: the score table as the user submitted it (errors, conflicts)."""
    assessments = services.round_results(round_)
    criteria = list(round_.criteria.all())
    can_write = access.can_write_round(request.user, round_)
    scores = {(s.assessment_id, s.criterion_id): s for s in CriterionScore.objects.filter(assessment__round=round_)}
    if forms is None and can_write:
        forms = _opened_forms(assessments, criteria, scores)
    rows = []
    for a in assessments:
        points = [scores.get((a.pk, c.pk)) for c in criteria]
        rows.append((a, (forms or {}).get(a.pk), points))
    consequences = list(
        Consequence.objects.filter(assessment__round=round_)
        .select_related("assessment__organization", "bulletin", "interview", "order")
        .order_by("assessment__organization__name", "pk")
    )
    context: dict[str, Any] = {
        "round": round_,
        "rows": rows,
        "criteria": criteria,
        "can_write": can_write,
        "status_points": target_points_rule(),
        "not_assessed_label": NOT_ASSESSED_LABEL,
        "consequences": consequences,
    }
    if can_write:
        context["criterion_form"] = CriterionForm()
        context["consequence_form"] = ConsequenceForm(
            assessments=round_.assessments.select_related("organization").order_by("organization__name"),
            candidates=access.carrier_candidates(round_, round_.units.all()),
        )
    return render(request, "supervision/round_detail.html", context, status=status)


def _opened_forms(
    assessments: list[Assessment], criteria: list[Any], scores: dict[Any, Any]
) -> dict[int, AssessmentForm]:
    """The score table as opened: each row's values and the versions they were read at (two queries)."""
    versions = latest_versions(Assessment, [a.pk for a in assessments])
    score_versions = latest_versions(CriterionScore, [s.pk for s in scores.values()])
    forms = {}
    for a in assessments:
        initial: dict[str, Any] = {
            "quality_score": a.quality_score,
            "comment": a.comment,
            VERSION_FIELD: versions.get(a.pk, 0),
        }
        for c in criteria:
            score = scores.get((a.pk, c.pk))
            initial[f"c{c.pk}"] = score.points if score else None
            initial[f"c{c.pk}_version"] = score_versions.get(score.pk, 0) if score else 0
        forms[a.pk] = AssessmentForm(prefix=str(a.pk), initial=initial, criteria=criteria)
    return forms


@require_POST
def round_scores(request: HttpRequest, round_pk: int) -> HttpResponse:
    """Save what the user changed in the score table, then (re)compute totals, grades and ranking."""
    round_ = access.get_round_for_user(request.user, round_pk, write=True)
    assessments = list(round_.assessments.select_related("organization"))
    criteria = list(round_.criteria.all())
    forms = {a.pk: AssessmentForm(request.POST, prefix=str(a.pk), criteria=criteria) for a in assessments}
    if not all(form.is_valid() for form in forms.values()):
        messages.error(request, "得分有误，请按提示修改：报告质量得分应为 0—100，自定义评分项不超过其满分。")
        return _round_page(request, round_, forms)
    rows = [(a, forms[a.pk].service_kwargs()) for a in assessments]
    try:
        services.enter_round_scores(round_, by=request.user, rows=rows)
    except StaleEdit as conflict:
        _show_row_conflict(forms, conflict, criteria)
        messages.error(request, "有得分在您打开页面后被他人修改，本次没有保存任何得分，请核对标出的行后再次提交。")
        return _round_page(request, round_, forms)
    except services.SupervisionError as error:
        messages.error(request, str(error))
        return _round_page(request, round_, forms)
    messages.success(request, "评分结果已计算。")
    return redirect("supervision:round_detail", round_pk=round_.pk)


def _show_row_conflict(forms: dict[int, AssessmentForm], conflict: StaleEdit, criteria: list[Any]) -> None:
    obj = conflict.obj
    if isinstance(obj, CriterionScore):
        names = {c.pk: c.name for c in criteria}
        form = forms[obj.assessment_id]
        unit = obj.assessment.organization.display_name
        label = f"{unit}“{names.get(obj.criterion_id, '')}”得分（现为 {obj.points}）"
        form.show_criterion_conflict(obj.criterion_id, conflict, label)
    else:
        show_conflict(forms[obj.pk], conflict)


@require_POST
def criterion_create(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, round_pk, write=True)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "；".join(f"{form.fields[f].label}：{e}" for f, errors in form.errors.items() for e in errors)
        )
    else:
        try:
            criterion = services.add_round_criterion(round_, by=request.user, **form.cleaned_data)
        except services.SupervisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"已添加评分项“{criterion.name}”，请录入各单位得分后重新计算结果。")
    return redirect(reverse("supervision:round_detail", args=[round_.pk]) + "#criteria")


@require_POST
def criterion_delete(request: HttpRequest, criterion_pk: int) -> HttpResponse:
    criterion = access.get_criterion_for_user(request.user, criterion_pk)
    round_pk, name = criterion.round_id, criterion.name
    services.remove_round_criterion(criterion, by=request.user)
    messages.success(request, f"已删除评分项“{name}”及其得分，请重新计算结果。")
    return redirect(reverse("supervision:round_detail", args=[round_pk]) + "#criteria")


@require_POST
def consequence_create(request: HttpRequest, round_pk: int) -> HttpResponse:
    round_ = access.get_round_for_user(request.user, round_pk, write=True)
    form = ConsequenceForm(
        request.POST,
        assessments=round_.assessments.select_related("organization"),
        candidates=access.carrier_candidates(round_, round_.units.all()),
    )
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    else:
        try:
            services.record_consequence(by=request.user, **form.cleaned_data)
        except services.SupervisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "结果运用已记录。")
    return redirect(reverse("supervision:round_detail", args=[round_.pk]) + "#consequences")


def consequence_link(request: HttpRequest, consequence_pk: int) -> HttpResponse:
    """Link the 通报, interview or order that carries a consequence out (关联已有记录)."""
    consequence = access.get_consequence_for_user(request.user, consequence_pk, write=True)
    assessment = consequence.assessment
    candidates = access.carrier_candidates(assessment.round, [assessment.organization])
    form = ConsequenceLinkForm(request.POST or None, consequence=consequence, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            services.link_consequence(
                consequence, by=request.user, carried_by=form.cleaned_data["carried_by"],
                version=form.cleaned_data[VERSION_FIELD],
            )  # fmt: skip
        except StaleEdit as conflict:
            show_conflict(form, conflict)
        except services.SupervisionError as error:
            form.add_error("carried_by", str(error))
        else:
            messages.success(request, "已关联落实记录。")
            return redirect(reverse("supervision:round_detail", args=[assessment.round_id]) + "#consequences")
    return render(
        request,
        "supervision/form.html",
        {
            "form": form,
            "heading": f"关联落实记录：{assessment.organization.display_name} · {consequence.get_kind_display()}",
            "intro": f"{consequence.get_kind_display()}须由{_carrier_label(consequence.kind)}落实；只列出涉及该单位的记录。",
        },
    )


def _carrier_label(kind: str) -> str:
    return {"bulletin": "通报", "interview": "约谈记录", "order": "整改通知"}[services.carrier_field(kind)]
