"""The plan import pages: upload → review (edit, save) → confirm or discard.

Each view: validate the form, check permission (the role rule lets only supervisors in;
`get_import_draft_for_user` keeps them to their region), call one service, respond.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from vetplan.core.access import scope_of
from vetplan.plans import imports
from vetplan.plans.import_forms import ImportReviewForm, ImportUploadForm
from vetplan.plans.models import PlanImportDraft
from vetplan.plans.review_post import ReviewPostError, needs_script, posted_review
from vetplan.plans.services import PlanImportError


def import_upload(request: HttpRequest) -> HttpResponse:
    scope = scope_of(request.user)
    posted = request.method == "POST"
    form = ImportUploadForm(request.POST if posted else None, request.FILES if posted else None, scope=scope)
    if posted and form.is_valid():
        region = form.cleaned_data.get("region") or imports.import_region_for(request.user)
        if region is None:
            form.add_error(None, "您的账号没有所属区域，无法导入规划。")
        else:
            try:
                draft = imports.create_import_draft(form.cleaned_data["file"], region=region, by=request.user)
            except imports.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                return redirect("plans:import_review", draft_pk=draft.pk)
    pending = imports.visible_import_drafts(request.user).filter(status=PlanImportDraft.Status.PENDING)
    return render(request, "plans/import_upload.html", {"form": form, "pending": pending[:20]})


def import_review(request: HttpRequest, draft_pk: int) -> HttpResponse:
    draft = imports.get_import_draft_for_user(request.user, draft_pk)
    if draft.status != PlanImportDraft.Status.PENDING:
        return _finished(request, draft)
    rows = imports.review_rows(draft)
    posted = request.method == "POST"
    try:
        data = posted_review(request) if posted else None
    except ReviewPostError as error:
        return _refuse_post(request, draft, rows, str(error))
    form = ImportReviewForm(draft, rows, data)
    batch = data is not None and "batch-apply" in data
    if posted and form.is_valid() and (not batch or form.batch_is_valid()):
        document = form.document()
        try:
            if batch:
                action = form.batch.cleaned_data["action"]
                changed = imports.apply_batch(document, form.selected_rows(), action, form.batch.value())
            imports.update_draft(draft, request.user, document)
        except PlanImportError as error:
            messages.error(request, str(error))
        else:
            if batch:
                messages.success(request, f"已为所选 {changed} 项任务{imports.BATCH_ACTIONS[action]}。")
            else:
                messages.success(request, "修改已保存，单位匹配、时限和指标已按修改重新核对。")
        return redirect("plans:import_review", draft_pk=draft.pk)
    return _render_review(request, draft, rows, form)


@require_POST
def import_confirm(request: HttpRequest, draft_pk: int) -> HttpResponse:
    draft = imports.get_import_draft_for_user(request.user, draft_pk)
    if draft.status != PlanImportDraft.Status.PENDING:
        return _finished(request, draft)
    rows = imports.review_rows(draft)
    try:
        form = ImportReviewForm(draft, rows, posted_review(request))
    except ReviewPostError as error:
        return _refuse_post(request, draft, rows, str(error))
    if not form.is_valid():
        return _render_review(request, draft, rows, form)
    try:
        plan = imports.confirm_import(draft, request.user, edited_document=form.document())
    except PlanImportError as error:
        form.errors.append(str(error))
        return _render_review(request, draft, rows, form)
    messages.success(request, f"规划已导入：{plan.targets.count()} 个量化目标，{plan.tasks.count()} 项任务。")
    return redirect("plans:plan_detail", plan_pk=plan.pk)


@require_POST
def import_discard(request: HttpRequest, draft_pk: int) -> HttpResponse:
    draft = imports.get_import_draft_for_user(request.user, draft_pk)
    try:
        imports.discard_import(draft, request.user)
    except PlanImportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"已放弃导入“{draft.source_name}”，没有保存任何内容。")
    return redirect("plans:import_upload")


def _refuse_post(request: HttpRequest, draft: PlanImportDraft, rows: imports.ReviewRows, reason: str) -> HttpResponse:
    form = ImportReviewForm(draft, rows)
    form.errors.append(reason)
    return _render_review(request, draft, rows, form)


def _finished(request: HttpRequest, draft: PlanImportDraft) -> HttpResponse:
    if draft.status == PlanImportDraft.Status.CONFIRMED and draft.plan_id:
        messages.info(request, f"“{draft.source_name}”已经导入。")
        return redirect("plans:plan_detail", plan_pk=draft.plan_id)
    messages.info(request, f"“{draft.source_name}”的导入已放弃。")
    return redirect("plans:import_upload")


def _render_review(
    request: HttpRequest, draft: PlanImportDraft, rows: imports.ReviewRows, form: ImportReviewForm
) -> HttpResponse:
    names = sorted({unit.name for unit in rows.units} | {org.name for org in rows.organizations})
    return render(
        request,
        "plans/import_review.html",
        {"draft": draft, "rows": rows, "form": form, "unit_names": names, "needs_script": needs_script(form)},
    )
