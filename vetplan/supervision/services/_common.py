"""Helpers shared by the supervision services."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from vetplan.core.history import acting_user, record_by
from vetplan.supervision.evidence import MAX_FILES_PER_UPLOAD, EvidenceError, EvidenceKind, sniff, stored_name
from vetplan.supervision.models import EvidenceFile, ProgressReport, RectificationOrder


class SupervisionError(ValueError):
    """A state change that is not allowed now; the message says why, in Chinese."""


def save(obj: Any, by: Any, **changes: Any) -> Any:
    """Apply `changes`, record who made them in the history, save."""
    for name, value in changes.items():
        setattr(obj, name, value)
    record_by(obj, by)
    obj.save()
    return obj


def check_evidence(files: Iterable[UploadedFile]) -> list[tuple[UploadedFile, EvidenceKind]]:
    """Every file checked before any is saved (all or nothing)."""
    files = list(files)
    if len(files) > MAX_FILES_PER_UPLOAD:
        raise EvidenceError(f"每次最多上传 {MAX_FILES_PER_UPLOAD} 个文件。")
    return [(f, sniff(f, f.name or "文件", f.size or 0)) for f in files]


def store_evidence(
    checked: list[tuple[UploadedFile, EvidenceKind]],
    *,
    by: Any,
    report: ProgressReport | None = None,
    order: RectificationOrder | None = None,
) -> list[EvidenceFile]:
    stored = []
    for upload, kind in checked:
        evidence = EvidenceFile(
            report=report,
            order=order,
            original_name=(upload.name or "文件")[-255:],
            content_type=kind.content_type,
            size=upload.size or 0,
            uploaded_by=acting_user(by),
        )
        evidence.file.save(stored_name(kind), upload, save=False)
        stored.append(save(evidence, by))
    return stored
