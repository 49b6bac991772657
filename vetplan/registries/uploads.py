"""A registry import, small or large: checked and saved in the request, or queued for `vetplan worker`.

The same thresholds as the Excel data upload (`VETPLAN_BACKGROUND_UPLOAD_BYTES`): a larger file
is stored under var/ by a random name and imported by the worker through the same
`Registry.import_file` (every row checked first, all or nothing), its progress on the job page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse

from vetplan.jobs.files import job_file_path, store_job_file
from vetplan.jobs.models import Job
from vetplan.jobs.registry import job_handler
from vetplan.jobs.services import JobFailed, Progress, queue_job
from vetplan.registries.base import Registry
from vetplan.registries.kinds import REGISTRIES
from vetplan.registries.pipeline import ImportResult

REGISTRY_IMPORT = "registries.import"


@dataclass
class ImportOutcome:
    job: Job | None = None  # queued: the page to follow
    result: ImportResult | None = None  # imported in the request


def runs_in_background(upload: Any) -> bool:
    return (getattr(upload, "size", 0) or 0) > settings.VETPLAN_BACKGROUND_UPLOAD_BYTES


def import_registry_file(registry: Registry, upload: Any, *, by: Any) -> ImportOutcome:
    """Import an uploaded template now, or queue it when large."""
    if runs_in_background(upload):
        name = Path(getattr(upload, "name", None) or "registry.xlsx").name
        stored = store_job_file(upload, ".xlsx")
        job = queue_job(
            REGISTRY_IMPORT,
            label=f"导入{registry.label}：{name}",
            params={"registry": registry.code, "file": stored, "name": name},
            by=by,
        )
        return ImportOutcome(job=job)
    return ImportOutcome(result=registry.import_file(upload.read(), by))


@job_handler(REGISTRY_IMPORT)
def run_registry_import(job: Job, progress: Progress) -> dict[str, Any]:
    """The worker's side of a queued import: read, check and save all or nothing, with progress."""
    registry = REGISTRIES.get(job.params.get("registry", ""))
    if registry is None:
        raise JobFailed("未知的名册，未保存任何记录。")
    again = [["重新导入", reverse("registries:import", kwargs={"code": registry.code})]]
    user = job.created_by
    if user is None:
        raise JobFailed("提交人的账号已删除，未保存任何记录。", {"links": again})
    if not registry.may_import(user):
        raise JobFailed("提交人的账号已不能导入该名册，未保存任何记录。", {"links": again})
    progress(0, None, "正在读取文件……", now=True)
    data = job_file_path(job.params["file"]).read_bytes()

    read = 0

    def report(done: int | None, message: str) -> None:
        nonlocal read
        if done is None:  # a stage begins: said at once
            progress(read, read or None, message, now=True)
        else:
            read = done
            progress(done, None, message)

    result = registry.import_file(data, user, progress=report)
    if not result.ok:
        raise JobFailed(result.summary(), {"errors": result.errors, "error_total": result.error_count, "links": again})
    return {
        "summary": f"{registry.label}导入完成：{result.summary()}",
        "created": result.created,
        "updated": result.updated,
        "links": [
            [f"查看{registry.label}", reverse("registries:list", kwargs={"code": registry.code})],
            ["继续导入", reverse("registries:import", kwargs={"code": registry.code})],
        ],
    }
