"""Who sees a job: its creator, and the supervisors (督导室) of the creator's region; the admin all."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from vetplan.core.access import scope_of
from vetplan.jobs.models import Job


def visible_jobs(user: Any) -> QuerySet[Job]:
    scope = scope_of(user)
    if scope.is_anonymous:
        return Job.objects.none()
    if scope.sees_everything:
        return Job.objects.all()
    mine = Q(created_by_id=user.pk)
    if scope.supervises:
        mine |= scope.region_q()
    return Job.objects.filter(mine)


def get_job_for_user(user: Any, pk: int) -> Job:
    """A job the user may see; anyone else's looks the same as a missing one."""
    job = visible_jobs(user).select_related("created_by").filter(pk=pk).first()
    if job is None:
        raise Http404("没有找到该作业。")
    return job
