"""The API docs page (/api/docs): Swagger UI from vetplan's own static files, no CDN, no inline script.

django-ninja's default page loads Swagger UI from a CDN (a blank page offline) with an inline script
that the Content-Security-Policy refuses. This one uses the copy scripts/fetch_assets.py installs.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

SWAGGER_SETTINGS = {
    "layout": "BaseLayout",
    "deepLinking": True,
    "validatorUrl": None,  # Swagger UI would otherwise ask an outside validator about the schema
}


class LocalSwagger(DocsBase):
    template = "api/docs.html"

    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        settings = {**SWAGGER_SETTINGS, "url": self.get_openapi_url(api, kwargs)}
        return render(request, self.template, {"api": api, "swagger_settings": settings})
