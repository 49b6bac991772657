"""Plan-document extraction: meta, quantitative targets and tasks from a VET plan (no Django)."""

from __future__ import annotations

from .document import Meta, PlanDocument, Target, Task
from .engine import extract_file, extract_text
from .readers import SUPPORTED_SUFFIXES, DocumentReadError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "DocumentReadError",
    "Meta",
    "PlanDocument",
    "Target",
    "Task",
    "extract_file",
    "extract_text",
]
