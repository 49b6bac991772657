"""政策参数: every threshold, rate and amount by the year it takes effect, with its source."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from vetplan.core.versioning import save_edit
from vetplan.mechanisms import parameters
from vetplan.mechanisms.forms import ParameterForm
from vetplan.mechanisms.models import ParameterVersion


def parameter_list(request: HttpRequest) -> HttpResponse:
    rows = parameters.versions_by_name()
    labels = parameters.known_names()
    return render(
        request,
        "mechanisms/parameters.html",
        {"groups": [(name, labels[name], rows[name]) for name in labels]},
    )


def parameter_edit(request: HttpRequest, name: str) -> HttpResponse:
    labels = parameters.known_names()
    if name not in labels:
        raise Http404("没有这个参数。")
    since = request.GET.get("since", "")
    row = None
    if since.isascii() and since.isdigit():
        row = ParameterVersion.objects.filter(name=name, since=int(since)).first()
    versions = parameters.versions_by_name()[name]
    shown = next((v.parameter for v in versions if since and str(v.parameter.since) == since), None)
    initial = (
        {"since": shown.since, "value": shown.value, "source": shown.source}
        if shown
        else {"source": versions[-1].parameter.source}
    )
    form = ParameterForm(request.POST if request.method == "POST" else None, row=row, initial=initial)
    if request.method == "POST" and form.is_valid():

        def save(version: object, since: int, value: float, source: str, note: str) -> None:
            parameters.set_parameter(name, since, value, source, by=request.user, note=note, version=version)

        if save_edit(form, save, refused=(ValueError,)):
            messages.success(
                request,
                f"已设定“{labels[name]}”自 {form.cleaned_data['since']} 年起为 {form.cleaned_data['value']:g}。",
            )
            return redirect("mechanisms:parameters")
    return render(
        request,
        "mechanisms/parameter_edit.html",
        {"name": name, "label": labels[name], "versions": versions, "form": form, "editing": shown},
    )
