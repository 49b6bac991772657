"""How the plan import review arrives: one JSON document, `review`, not thousands of fields.

A plan of a thousand tasks has over ten thousand review fields, ten times Django's
DATA_UPLOAD_MAX_NUMBER_FIELDS. The page's script (static/js/import_review.js) posts the fields it
would have posted as {"name": "value" | ["value", ...]}; `posted_review` turns that back into the
name → value data the review forms validate, so both ways in are checked by the same forms.

A browser without scripts still posts field by field, which works for a plan small enough; for a
larger one the page says beforehand that it needs JavaScript (`needs_script`), since such a post is
refused by Django (TooManyFieldsSent) while the CSRF check reads it, before any view runs: the
visitor gets the 400 page (templates/400.html).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import HttpRequest, QueryDict

if TYPE_CHECKING:
    from vetplan.plans.import_forms import ImportReviewForm

REVIEW_FIELD = "review"
# Twelve fields a row at most, for the most rows a draft may have (imports.MAX_PLAN_ROWS), and the units.
MAX_REVIEW_FIELDS = 100_000


class ReviewPostError(ValueError):
    """A posted review that cannot be read; the message says why, in Chinese."""


def posted_review(request: HttpRequest) -> QueryDict:
    """The review's fields: from its JSON document when there is one, else as posted."""
    if REVIEW_FIELD not in request.POST:
        return request.POST
    return review_fields(request.POST[REVIEW_FIELD])


def needs_script(form: ImportReviewForm) -> bool:
    """Whether the review form has more fields than Django accepts one by one."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    if limit is None:
        return False
    formsets = (form.targets, form.tasks, form.units)
    count = len(form.meta.fields) + len(form.batch.fields)
    count += sum(
        len(formset.management_form.fields) + sum(len(f.fields) for f in formset.forms) for formset in formsets
    )
    return bool(count + 1 > limit)  # and the CSRF token


def review_fields(posted: str) -> QueryDict:
    """The review's fields from its JSON document: {"name": "value" | ["value", ...], ...}."""
    try:
        fields = json.loads(posted)
    except (ValueError, RecursionError):  # RecursionError: a document nested thousands deep
        raise ReviewPostError("提交的审核内容无法读取，请刷新审核页后重新提交。") from None
    if not isinstance(fields, dict) or len(fields) > MAX_REVIEW_FIELDS:
        raise ReviewPostError("提交的审核内容格式有误，请刷新审核页后重新提交。")
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in values):
            raise ReviewPostError(f"提交的审核内容格式有误：字段“{name[:40]}”的值应为文字。")
        data.setlist(name, values)
    return data
