"""Object-level access: units see and change only what belongs to them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.conftest import County
from vetplan.plans.models import Task


def test_an_outsider_cannot_see_another_countys_plan(county: County, client_as: Any) -> None:
    response = client_as(county.users["outsider"]).get(reverse("plans:plan_detail", args=[county.plan.pk]))
    assert response.status_code == 404


def test_an_outsider_cannot_report_on_another_countys_task(county: County, client_as: Any) -> None:
    url = reverse("plans:task_status", args=[county.shared_task.pk])
    response = client_as(county.users["outsider"]).post(url, {"status": "done"})
    assert response.status_code == 404
    county.shared_task.refresh_from_db()
    assert county.shared_task.status == Task.Status.NOT_STARTED


def test_a_school_reporter_cannot_report_on_a_task_of_another_unit(county: County, client_as: Any) -> None:
    url = reverse("plans:task_status", args=[county.bureau_task.pk])
    response = client_as(county.users["school_reporter"]).post(url, {"status": "done"})
    assert response.status_code == 404  # not its task: it does not even see it


def test_a_department_reporter_sees_but_cannot_change_a_task_it_does_not_share(county: County, client_as: Any) -> None:
    client = client_as(county.users["department_reporter"])
    assert client.get(reverse("plans:task_detail", args=[county.bureau_task.pk])).status_code == 200
    response = client.post(reverse("plans:task_status", args=[county.bureau_task.pk]), {"status": "done"})
    assert response.status_code == 403
    county.bureau_task.refresh_from_db()
    assert county.bureau_task.status == Task.Status.NOT_STARTED


def test_a_school_reporter_updates_its_own_tasks_status(county: County, client_as: Any) -> None:
    url = reverse("plans:task_status", args=[county.shared_task.pk])
    response = client_as(county.users["school_reporter"]).post(url, {"status": "in_progress"})
    assert response.status_code == 302
    county.shared_task.refresh_from_db()
    assert county.shared_task.status == Task.Status.IN_PROGRESS


def test_a_supervisor_of_another_county_cannot_edit_this_plan(county: County, client_as: Any) -> None:
    from tests.factories import OrganizationFactory, member
    from vetplan.orgs.roles import Role

    office = OrganizationFactory(name="邻县督导室", region=county.other_region)
    response = client_as(member(office, Role.SUPERVISOR)).post(
        reverse("plans:plan_edit", args=[county.plan.pk]), {"title": "篡改"}
    )
    assert response.status_code == 404
    county.plan.refresh_from_db()
    assert county.plan.title == "测试县职业教育行动计划"


def test_the_school_reporter_sees_only_its_own_tasks_in_the_list(county: County, client_as: Any) -> None:
    response = client_as(county.users["school_reporter"]).get(reverse("plans:task_list"))
    assert list(response.context["page"].object_list) == [county.shared_task]
