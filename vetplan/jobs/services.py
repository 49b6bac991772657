"""Named state changes for background jobs (queue, claim, progress, finish) and the worker loop.

A job is claimed in one short transaction: SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL (a
second worker skips the row the first is taking), then a conditional UPDATE queued → running
that only one worker can win (SQLite, which serialises writers, relies on it alone). The work
itself runs outside that transaction; its handler saves in its own.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.jobs.files import remove_job_file
from vetplan.jobs.models import Job
from vetplan.jobs.registry import handler_for

logger = logging.getLogger(__name__)

# A running job whose worker has not written for this long is dead (the worker was killed).
STALE_AFTER = dt.timedelta(minutes=30)
# Progress is written at most this often (seconds), so a fast loop does not flood the database.
PROGRESS_EVERY = 0.5


class JobFailed(Exception):
    """Raised by a handler: the job fails with this message and result (its errors, links)."""

    def __init__(self, message: str, result: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.result = result or {}


@transaction.atomic
def queue_job(kind: str, *, label: str, params: dict[str, Any], by: Any) -> Job:
    """A job waiting for `vetplan worker`; its creator and the supervisors of the creator's region see it."""
    user = by if getattr(by, "is_authenticated", False) else None
    return Job.objects.create(
        kind=kind, label=label[:200], params=params, created_by=user, region_id=scope_of(user).region_id
    )


def claim_next_job() -> Job | None:
    """The oldest queued job, now running and this worker's; None when there is none to take."""
    with transaction.atomic():
        job = Job.objects.select_for_update(skip_locked=True).filter(status=Job.Status.QUEUED).order_by("pk").first()
        if job is None:
            return None
        now = timezone.now()
        taken = Job.objects.filter(pk=job.pk, status=Job.Status.QUEUED).update(
            status=Job.Status.RUNNING, started_at=now, updated_at=now, message="开始处理"
        )
    if not taken:
        return None  # another worker won it; the loop asks again
    job.refresh_from_db()
    return job


class Progress:
    """What a handler calls as it goes: `progress(done, total, message)`; written at most every PROGRESS_EVERY s."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self._written = 0.0

    def __call__(self, done: int, total: int | None = None, message: str | None = None, *, now: bool = False) -> None:
        clock = time.monotonic()
        if not now and clock - self._written < PROGRESS_EVERY:
            return
        self._written = clock
        fields: dict[str, Any] = {"progress": max(0, done), "updated_at": timezone.now()}
        if total is not None:
            fields["total"] = max(0, total)
        if message is not None:
            fields["message"] = message[:300]
        Job.objects.filter(pk=self.job.pk).update(**fields)


def run_job(job: Job) -> Job:
    """Run a claimed job to its end: done with the handler's result, or failed saying why."""
    handler = handler_for(job.kind)
    try:
        if handler is None:
            raise JobFailed(f"未知的作业类型“{job.kind}”。")
        result = handler(job, Progress(job))
    except JobFailed as failure:
        return _finish(job, Job.Status.FAILED, failure.message, failure.result)
    except Exception as error:  # a bug or a lost database: the job says so, the worker goes on
        logger.exception("job %s (%s) failed", job.pk, job.kind)
        return _finish(job, Job.Status.FAILED, f"处理时出错（{type(error).__name__}），请联系系统管理员。", {})
    return _finish(job, Job.Status.DONE, str(result.get("summary") or "已完成。"), result)


def _finish(job: Job, status: str, message: str, result: dict[str, Any]) -> Job:
    now = timezone.now()
    fields: dict[str, Any] = {
        "status": status,
        "message": message[:300],
        "result": result,
        "finished_at": now,
        "updated_at": now,
    }
    if status == Job.Status.DONE and job.total is not None:
        fields["progress"] = job.total
    Job.objects.filter(pk=job.pk).update(**fields)
    remove_job_file(job.params.get("file"))
    job.refresh_from_db()
    return job


def fail_stale_jobs(now: dt.datetime | None = None) -> int:
    """Running jobs whose worker stopped writing (killed mid-job) fail, so nobody waits on them forever."""
    now = now or timezone.now()
    stale = list(Job.objects.filter(status=Job.Status.RUNNING, updated_at__lt=now - STALE_AFTER))
    for job in stale:
        _finish(job, Job.Status.FAILED, "处理中断（后台进程已停止），未保存任何数据，请重新提交。", {})
    return len(stale)


def run_worker(
    *,
    once: bool = False,
    interval: float = 2.0,
    stop: threading.Event | None = None,
    log: Callable[[str], None] = logger.info,
) -> int:
    """Take queued jobs one at a time until `stop` is set (`once`: until none is waiting); how many ran."""
    stop = stop or threading.Event()
    ran = 0
    while not stop.is_set():
        if not connection.in_atomic_block:  # (a caller's transaction, as in tests, is never closed under it)
            close_old_connections()  # a long-lived process: no connection outlives the database's patience
        fail_stale_jobs()
        job = claim_next_job()
        if job is None:
            if once:
                break
            stop.wait(interval)
            continue
        log(f"作业 #{job.pk}（{job.label}）开始")
        job = run_job(job)
        ran += 1
        log(f"作业 #{job.pk} {job.get_status_display()}：{job.message}")
    return ran
