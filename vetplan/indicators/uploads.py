"""An Excel data upload, small or large: checked and saved in the request, or queued for `vetplan worker`.

Small uploads are read and saved at once, as before. An upload over the background thresholds
(`VETPLAN_BACKGROUND_UPLOAD_BYTES`, `VETPLAN_BACKGROUND_UPLOAD_ROWS`) is stored under var/ by a
random name and queued as a job; the worker runs the same reading and the same saving service,
writing its progress for the job page. Either way every row is checked first and all or nothing
is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.urls import reverse

from vetplan.indicators.compute import RecomputeResult
from vetplan.indicators.excel import UploadError, inspect_upload, read_upload, runs_in_background
from vetplan.indicators.services import DataError, record_data_values
from vetplan.jobs.files import job_file_path, store_job_file
from vetplan.jobs.models import Job
from vetplan.jobs.registry import job_handler
from vetplan.jobs.services import JobFailed, Progress, queue_job

DATA_UPLOAD = "indicators.data_upload"


@dataclass
class UploadOutcome:
    job: Job | None = None  # queued: the page to follow
    saved: int = 0
    result: RecomputeResult | None = None


def import_data_file(upload: Any, *, by: Any) -> UploadOutcome:
    """Save an uploaded data template now, or queue it when large; DataError names what is wrong."""
    try:
        shape = inspect_upload(upload)
    except UploadError as error:
        raise DataError([str(error)]) from None
    if runs_in_background(shape):
        return UploadOutcome(job=queue_data_upload(upload, by=by, rows=shape.rows))
    batch = read_upload(by, upload)
    result = record_data_values(batch, by=by, source="excel")
    return UploadOutcome(saved=len(batch.entries), result=result)


def queue_data_upload(upload: Any, *, by: Any, rows: int | None = None) -> Job:
    name = Path(getattr(upload, "name", None) or "data.xlsx").name
    stored = store_job_file(upload, ".xlsx")
    return queue_job(
        DATA_UPLOAD,
        label=f"Excel 导入数据：{name}",
        params={"file": stored, "name": name, "rows": rows},
        by=by,
    )


@job_handler(DATA_UPLOAD)
def run_data_upload(job: Job, progress: Progress) -> dict[str, Any]:
    """The worker's side of a queued upload: read every row (with progress), then save all or nothing."""
    user = job.created_by
    again = [["重新上传", reverse("indicators:data_upload")]]
    if user is None:
        raise JobFailed("提交人的账号已删除，未保存任何数据。", {"links": again})
    progress(0, job.params.get("rows"), "正在逐行检查……", now=True)

    read = [0, job.params.get("rows")]

    def reading(done: int, total: int | None) -> None:
        read[:] = [done, total or read[1]]
        progress(done, read[1], f"正在逐行检查：已读取 {done} 行")

    with open(job_file_path(job.params["file"]), "rb") as stream:
        batch = read_upload(user, stream, progress=reading)
    progress(read[0], read[0], f"检查完毕，正在保存 {len(batch.entries)} 个数据值……", now=True)
    try:
        result = record_data_values(batch, by=user, source="excel")
    except DataError as error:
        raise JobFailed(
            f"发现 {error.total} 处错误，未保存任何数据。",
            {"errors": error.errors, "error_total": error.total, "links": again},
        ) from None
    return {
        "summary": f"已导入 {len(batch.entries)} 个数据值，更新指标值 {result.indicator_values} 个。",
        "saved": len(batch.entries),
        "links": [["返回数据填报", reverse("indicators:data_entry")], ["继续上传", reverse("indicators:data_upload")]],
    }
