"""The error pages shared by every app (the home page is the workbench's)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if exception and str(exception) else "您没有执行此操作的权限。"
    return render(request, "403.html", {"reason": reason}, status=403)
