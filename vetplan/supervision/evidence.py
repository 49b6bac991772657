"""Checking evidence uploads by what they are (magic bytes), not by what they are called.

Allowed: pdf, docx, xlsx, jpg, png, up to MAX_EVIDENCE_BYTES each. A docx or xlsx is a zip
whose member list names its main part (`word/document.xml`, `xl/workbook.xml`). A checked file
is stored under `stored_name` (random, with the extension of its kind), never the uploader's
name, and served only by a view that checks who asks. Every evidence upload goes through
here: progress reports and rectification orders (supervision) and target reports (indicators).
"""

from __future__ import annotations

import secrets
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_UPLOAD = 10

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}
ALLOWED_LABEL = "PDF、Word（docx）、Excel（xlsx）、JPG、PNG"


class EvidenceError(ValueError):
    """An upload that is not an allowed evidence file; the message says why, in Chinese."""


@dataclass(frozen=True)
class EvidenceKind:
    extension: str
    content_type: str


def sniff(stream: IO[bytes], name: str, size: int) -> EvidenceKind:
    """The kind of file `stream` holds, or EvidenceError (too big, empty or not allowed)."""
    if size > MAX_EVIDENCE_BYTES:
        raise EvidenceError(f"“{name}”超过 {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB 的大小限制。")
    if size == 0:
        raise EvidenceError(f"“{name}”是空文件。")
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    extension = _kind_of(stream, head)
    stream.seek(0)
    if extension is None:
        raise EvidenceError(f"“{name}”的内容不是允许的文件类型（{ALLOWED_LABEL}）。")
    return EvidenceKind(extension, CONTENT_TYPES[extension])


def stored_name(kind: EvidenceKind) -> str:
    """A random file name for a checked upload: no path tricks, no clashes, nothing of the uploader's."""
    return f"{secrets.token_hex(16)}{kind.extension}"


def content_type_of(name: str) -> str:
    """The content type to serve a stored evidence file with, by the extension `stored_name` gave it."""
    return CONTENT_TYPES.get(PurePosixPath(name).suffix.lower(), "application/octet-stream")


def _kind_of(stream: IO[bytes], head: bytes) -> str | None:
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if "[Content_Types].xml" not in names:
            return None
        if "word/document.xml" in names:
            return ".docx"
        if "xl/workbook.xml" in names:
            return ".xlsx"
    return None
