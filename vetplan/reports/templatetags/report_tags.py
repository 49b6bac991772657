"""`{% report_downloads "reports:round_report" round.pk %}`: a button per output format."""

from __future__ import annotations

from django import template
from django.urls import reverse

from vetplan.reports.formatters import FORMATTERS

register = template.Library()

FORMAT_LABELS = {"docx": "Word", "xlsx": "Excel", "pdf": "PDF"}


@register.inclusion_tag("reports/_downloads.html")
def report_downloads(url_name: str, pk: int) -> dict[str, object]:
    links = [(FORMAT_LABELS.get(fmt, fmt.upper()), reverse(url_name, args=[pk, fmt])) for fmt in FORMATTERS]
    return {"links": links}
