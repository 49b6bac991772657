"""A job's page, and the fragment it polls (htmx, every 2 s) until the job is over."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from vetplan.jobs.access import get_job_for_user


def job_detail(request: HttpRequest, job_pk: int) -> HttpResponse:
    job = get_job_for_user(request.user, job_pk)
    return render(request, "jobs/job_detail.html", {"job": job})


def job_progress(request: HttpRequest, job_pk: int) -> HttpResponse:
    job = get_job_for_user(request.user, job_pk)
    return render(request, "jobs/_job_progress.html", {"job": job})
