"""Files a job works on (an uploaded workbook), kept under var/ by a random name until the job is over."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings

_NAME = re.compile(r"^[0-9a-f]{32}\.[a-z0-9]{1,8}$")


def job_files_dir() -> Path:
    folder = Path(settings.VETPLAN_JOB_FILES_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def store_job_file(upload: Any, suffix: str) -> str:
    """Copy an upload (chunk by chunk) under a random name of ours; the name to keep in the job's params."""
    name = f"{secrets.token_hex(16)}{suffix.lower()}"
    upload.seek(0)
    with open(job_file_path(name), "wb") as out:
        chunks = upload.chunks() if hasattr(upload, "chunks") else iter(lambda: upload.read(1 << 20), b"")
        for chunk in chunks:
            out.write(chunk)
    upload.seek(0)
    return name


def job_file_path(name: str) -> Path:
    """The stored file's path; only names this module made (no path can be smuggled in through params)."""
    if not _NAME.match(name or ""):
        raise ValueError(f"not a job file name: {name!r}")
    return job_files_dir() / name


def remove_job_file(name: str | None) -> None:
    if name and _NAME.match(name):
        job_file_path(name).unlink(missing_ok=True)
