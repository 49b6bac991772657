"""A job is seen by its creator and the supervisors (督导室) of the creator's region, and by nobody else."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from vetplan.jobs.models import Job
from vetplan.jobs.services import queue_job


@pytest.fixture
def school_job(county: County) -> Job:
    return queue_job("test.ok", label="Excel 导入数据：school.xlsx", params={}, by=county.users["school_reporter"])


@pytest.mark.parametrize(
    ("persona", "sees"),
    [
        ("school_reporter", True),  # its creator
        ("supervisor", True),  # the county's 督导室
        ("county_admin", True),
        ("department_reporter", False),
        ("enterprise_reporter", False),
        ("outsider", False),  # another county's school
    ],
)
def test_a_job_is_visible_to_its_creator_and_the_regions_supervisors(
    county: County, client_as: Any, school_job: Job, persona: str, sees: bool
) -> None:
    client = client_as(county.users[persona])
    for name in ("jobs:job_detail", "jobs:job_progress"):
        response = client.get(reverse(name, kwargs={"job_pk": school_job.pk}))
        assert response.status_code == (200 if sees else 404), (name, persona)


def test_another_countys_supervisor_does_not_see_it(county: County, client_as: Any, school_job: Job) -> None:
    from tests.factories import OrganizationFactory, member
    from vetplan.orgs.models import Organization
    from vetplan.orgs.roles import Role

    office = OrganizationFactory(name="邻县教育督导室", type=Organization.Type.SUPERVISION, region=county.other_region)
    client = client_as(member(office, Role.SUPERVISOR, username="linxian-duban"))
    assert client.get(reverse("jobs:job_detail", kwargs={"job_pk": school_job.pk})).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(county: County, client_as: Any, school_job: Job) -> None:
    response = client_as(None).get(reverse("jobs:job_detail", kwargs={"job_pk": school_job.pk}))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
