"""`vetplan worker`: oldest job first, one at a time, each taken once; failures and dead workers said plainly."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tests.conftest import County
from vetplan.jobs import registry
from vetplan.jobs.models import Job
from vetplan.jobs.services import JobFailed, Progress, claim_next_job, fail_stale_jobs, queue_job, run_worker


@pytest.fixture
def ran(monkeypatch: Any) -> list[int]:
    """Test handlers: `test.ok` records its job, `test.refused` fails with a result, `test.broken` raises."""
    log: list[int] = []
    handlers = dict(registry._HANDLERS)

    def ok(job: Job, progress: Progress) -> dict[str, Any]:
        progress(1, 2, "一半", now=True)
        log.append(job.pk)
        return {"summary": f"作业 {job.params['n']} 完成"}

    def refused(job: Job, progress: Progress) -> dict[str, Any]:
        raise JobFailed("发现 2 处错误", {"errors": ["第 1 行", "第 2 行"], "error_total": 2})

    def broken(job: Job, progress: Progress) -> dict[str, Any]:
        raise RuntimeError("boom")

    handlers.update({"test.ok": ok, "test.refused": refused, "test.broken": broken})
    monkeypatch.setattr(registry, "_HANDLERS", handlers)
    return log


def queue(county: County, kind: str = "test.ok", n: int = 1) -> Job:
    return queue_job(kind, label=f"测试作业 {n}", params={"n": n}, by=county.users["supervisor"])


def test_the_worker_runs_the_queued_jobs_oldest_first_then_exits(county: County, ran: list[int]) -> None:
    jobs = [queue(county, n=n) for n in range(3)]
    call_command("worker", "--once", verbosity=0)
    assert ran == [job.pk for job in jobs]
    for job in jobs:
        job.refresh_from_db()
        assert job.status == Job.Status.DONE and job.message == f"作业 {job.params['n']} 完成"
        assert job.started_at is not None and job.finished_at is not None and job.finished_at >= job.started_at
    assert claim_next_job() is None


def test_a_refused_job_keeps_its_errors_and_a_broken_one_does_not_stop_the_worker(
    county: County, ran: list[int]
) -> None:
    refused, broken, after = queue(county, "test.refused"), queue(county, "test.broken"), queue(county)
    assert run_worker(once=True, log=lambda line: None) == 3
    refused.refresh_from_db()
    broken.refresh_from_db()
    assert refused.status == Job.Status.FAILED and refused.result["errors"] == ["第 1 行", "第 2 行"]
    assert broken.status == Job.Status.FAILED and "处理时出错（RuntimeError）" in broken.message
    assert ran == [after.pk]


def test_an_unknown_kind_fails_saying_so(county: County) -> None:
    job = queue(county, "test.nobody")
    run_worker(once=True, log=lambda line: None)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "未知的作业类型" in job.message


def test_a_job_whose_worker_died_fails_instead_of_running_forever(county: County) -> None:
    job = queue(county)
    assert claim_next_job() == job  # taken, then the worker is killed
    assert fail_stale_jobs(timezone.now() + dt.timedelta(minutes=10)) == 0  # still within its time
    assert fail_stale_jobs(timezone.now() + dt.timedelta(hours=1)) == 1
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and "处理中断" in job.message


@pytest.mark.django_db(transaction=True)
def test_two_workers_never_take_the_same_job(county: County) -> None:
    jobs = [queue(county, n=n) for n in range(6)]
    taken: list[int] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def worker() -> None:
        try:
            start.wait(5)
            while (job := claim_next_job()) is not None:
                taken.append(job.pk)
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert sorted(taken) == sorted(job.pk for job in jobs)  # each job once, none left behind
    assert set(Job.objects.values_list("status", flat=True)) == {Job.Status.RUNNING}
