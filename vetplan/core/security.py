"""Site-wide request hardening: a cap on the request body, read from the headers before the body."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger("vetplan.security")


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
