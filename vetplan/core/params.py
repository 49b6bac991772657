"""Integers from outside (URL paths, query strings, API fields, uploaded cells): ASCII digits, in range.

Python's `str.isdigit()` is true for "³" and "①", which `int()` then refuses, and `int()` takes
"٣" or "１２"; an id written past the database's integer range is an overflow. So every integer a
request carries goes through `parse_int` (or `query_int`), and `UrlIntegerRangeMiddleware` turns an
`<int:...>` path value out of range into a 404 before any view sees it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

MAX_ID = 2**63 - 1  # BigAutoField, on SQLite and PostgreSQL alike
YEAR_RANGE = (1, 9999)  # what datetime.date accepts
_ASCII_INTEGER = re.compile(r"[0-9]{1,19}")


def parse_int(value: Any, *, low: int = 1, high: int = MAX_ID) -> int | None:
    """`value` as an integer in [low, high] when it is one, or ASCII digits spelling one; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _ASCII_INTEGER.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if low <= number <= high else None


def query_int(request: HttpRequest, name: str, *, low: int = 1, high: int = MAX_ID) -> int | None:
    """The query-string parameter `name` as an integer in [low, high] (an id by default), or None."""
    return parse_int(request.GET.get(name), low=low, high=high)


def query_year(request: HttpRequest, name: str = "year") -> int | None:
    return query_int(request, name, low=YEAR_RANGE[0], high=YEAR_RANGE[1])


class UrlIntegerRangeMiddleware:
    """An `<int:...>` path value out of range is a page that does not exist (404), never an overflow (500)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], view_args: Any, view_kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        for name, value in view_kwargs.items():
            if isinstance(value, int) and not isinstance(value, bool):
                low, high = YEAR_RANGE if name == "year" else (0, MAX_ID)
                if not low <= value <= high:
                    raise Http404("没有找到该页面。")
        return None
