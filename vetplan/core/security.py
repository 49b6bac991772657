"""Site-wide request hardening: the Content-Security-Policy header; a cap on the request body, read before the
body; login throttling's client address and lockout page (django-axes, configured in settings.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

logger = logging.getLogger("vetplan.security")


class ContentSecurityPolicyMiddleware:
    """Sends VETPLAN_CSP on every response (Content-Security-Policy-Report-Only with VETPLAN_CSP_REPORT_ONLY).

    Scripts only from the site's own /static/ (no inline script, no on*= handler, no javascript: link:
    templates carry data in json_script elements and behaviour in static/js/)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        policy = settings.VETPLAN_CSP
        header = (
            "Content-Security-Policy-Report-Only" if settings.VETPLAN_CSP_REPORT_ONLY else "Content-Security-Policy"
        )
        if policy and header not in response:
            response[header] = policy
        return response


class RequestBodyLimitMiddleware:
    """Refuses (413) a request whose declared body is larger than VETPLAN_MAX_REQUEST_BYTES, unread.

    Django's own limits (DATA_UPLOAD_MAX_MEMORY_SIZE) leave file parts out and apply only while the
    body is parsed, i.e. after it has been received and spooled to a temporary file. A body without a
    Content-Length is not read by Django at all (WSGI), so the header is the whole story."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.VETPLAN_MAX_REQUEST_BYTES
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if limit and declared > limit:
            logger.warning("Request body too large (%s > %s bytes): %s", declared, limit, request.path)
            megabytes = limit / (1024 * 1024)
            return HttpResponse(
                f"提交的内容过大（上限 {megabytes:g} MB），已拒绝。",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for login throttling: REMOTE_ADDR, or behind VETPLAN_PROXY_COUNT proxies the
    address the outermost of them saw (X-Forwarded-For, counted from the right: the client can write
    its own entries on the left, not these)."""
    proxies = int(settings.VETPLAN_PROXY_COUNT)
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return str(forwarded[-proxies])
    address = request.META.get("REMOTE_ADDR")
    return str(address) if address else None


def lockout_response(request: HttpRequest, original_response: HttpResponse | None, credentials: Any) -> HttpResponse:
    """The page a locked-out login gets (429), on /login/ and /admin/login/ alike."""
    context = {
        "username": (credentials or {}).get("username") or request.POST.get("username", ""),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)),
    }
    return render(request, "registration/locked_out.html", context, status=429)
