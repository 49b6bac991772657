"""通报: drafts, 发布 after confirming what becomes public, and 撤回 with a reason."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from vetplan.core.history import history_entries
from vetplan.core.pagination import paginate
from vetplan.core.versioning import StaleEdit, save_edit, show_conflict
from vetplan.supervision import access, services
from vetplan.supervision.forms import BulletinForm, PublishForm, WithdrawForm
from vetplan.supervision.models import Bulletin
from vetplan.supervision.views._carrying import bulletin_initial, consequence_of, intro_for, round_of

ERRORS = (services.SupervisionError, services.EvidenceError)


def bulletin_list(request: HttpRequest) -> HttpResponse:
    """The public bulletin page: published ones (withdrawn ones marked so) for everyone, drafts for supervisors."""
    bulletins = access.visible_bulletins(request.user, include_withdrawn=True).prefetch_related("organizations")
    return render(
        request,
        "supervision/bulletin_list.html",
        {
            "page": paginate(request, bulletins.order_by("-published_at", "-pk")),
            "can_supervise": access.can_supervise(request.user),
        },
    )


def bulletin_detail(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, include_withdrawn=True)
    supervises = access.can_supervise(request.user)
    return render(
        request,
        "supervision/bulletin_detail.html",
        {
            "bulletin": bulletin,
            "units": bulletin.organizations.all(),
            "can_publish": bulletin.status == Bulletin.Status.DRAFT and supervises,
            "can_withdraw": bulletin.status == Bulletin.Status.PUBLISHED and supervises,
            "history": history_entries(bulletin) if supervises else [],
        },
    )


def bulletin_create(request: HttpRequest) -> HttpResponse:
    """起草通报; `?consequence=N`: the bulletin that carries out a round's 表彰, 资金奖补 or 纳入年度考核."""
    region = access.supervisor_region(request.user)
    consequence = consequence_of(request, "bulletin")
    form = BulletinForm(
        request.POST or None, units=access.units_in_scope(request.user), initial=bulletin_initial(consequence)
    )
    if request.method == "POST" and form.is_valid():
        try:
            bulletin = services.draft_bulletin(
                region, by=request.user, consequence=consequence, round=round_of(consequence), **form.cleaned_data
            )
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "通报草稿已保存，核对无误后可发布。")
            return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": "起草通报", **intro_for(consequence)})


def bulletin_edit(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, write=True)
    if bulletin.status != Bulletin.Status.DRAFT:
        raise PermissionDenied("已发布的通报不能修改；如有错误，请撤回后重新起草。")
    form = BulletinForm(request.POST or None, units=access.units_in_scope(request.user), bulletin=bulletin)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_edit(form, lambda **data: services.update_bulletin(bulletin, by=request.user, **data), ERRORS)
    ):
        messages.success(request, "通报草稿已保存。")
        return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(request, "supervision/form.html", {"form": form, "heading": f"修改通报草稿：{bulletin.title}"})


def bulletin_publish(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    """发布 asks first: the page shows exactly what becomes public, and publishes that version only."""
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, write=True)
    form = PublishForm(request.POST if request.method == "POST" else None, bulletin=bulletin)
    if bulletin.status == Bulletin.Status.DRAFT and request.method == "POST" and form.is_valid():
        try:
            services.publish_bulletin(bulletin, by=request.user, version=form.cleaned_data["version"])
        except StaleEdit as conflict:
            show_conflict(form, conflict)
            bulletin.refresh_from_db()
        except services.SupervisionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "通报已发布，公众可在通报页面查看。")
            return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    if bulletin.status != Bulletin.Status.DRAFT:
        messages.error(request, "该通报不是草稿，不能发布。")
        return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(
        request,
        "supervision/bulletin_publish.html",
        {"bulletin": bulletin, "form": form, **services.bulletin_public_content(bulletin)},
    )


def bulletin_withdraw(request: HttpRequest, bulletin_pk: int) -> HttpResponse:
    """撤回 with a reason: the public page then says when and why; the history keeps both steps."""
    bulletin = access.get_bulletin_for_user(request.user, bulletin_pk, write=True, include_withdrawn=True)
    form = WithdrawForm(request.POST if request.method == "POST" else None, bulletin=bulletin)

    def withdraw(reason: str, version: Any) -> Any:
        return services.withdraw_bulletin(bulletin, by=request.user, reason=reason, version=version)

    if request.method == "POST" and form.is_valid() and save_edit(form, withdraw, (services.SupervisionError,)):
        messages.success(request, "通报已撤回，通报页面将注明撤回时间和原因。")
        return redirect("supervision:bulletin_detail", bulletin_pk=bulletin.pk)
    return render(
        request,
        "supervision/form.html",
        {
            "form": form,
            "heading": f"撤回通报：{bulletin.title}",
            "intro": "撤回后，通报页面将注明“已撤回”及撤回时间和原因，正文不再作为有效内容展示，也不再提供下载；"
            "发布和撤回都记入变更历史。",
            "submit_label": "确认撤回",
        },
    )
