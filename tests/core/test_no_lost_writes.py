"""Twenty people save the same data form and the same task at once: nothing is lost silently.

Each person opens the page first (all of them before anyone saves), changes a field of their
own and saves at the same moment. Afterwards every change has either survived or its person
was told that someone else changed the record, naming what changed. On PostgreSQL and on
SQLite (a file database in WAL mode, one connection per thread, as under gunicorn).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from tests.conftest import County
from tests.factories import member
from tests.indicators.helpers import save
from tests.plans.import_drafts import form_data
from vetplan.indicators.catalogue import ensure_catalogue
from vetplan.indicators.models import DataElement, DataValue
from vetplan.indicators.validation import element_rules
from vetplan.orgs.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)
PEOPLE = 20
CONFLICT = "您打开页面后"


def at_once(work: list[Callable[[], Any]]) -> list[Any]:
    """Run every callable in its own thread, released together; their results (or exceptions)."""
    start = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(index: int) -> None:
        try:
            start.wait(30)
            results[index] = work[index]()
        except BaseException as error:  # reported by the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def opened(user: Any, url: str, form_id: str) -> tuple[Client, dict[str, Any]]:
    client = Client()
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return client, form_data(response.content.decode(), form_id)


def test_twenty_people_saving_one_data_form_lose_nothing(county: County) -> None:
    ensure_catalogue()  # transactional tests run after others have flushed the migrated catalogue
    in_rules = {code for left, _, right in element_rules() for code in (left, right)}
    fields = [e for e in DataElement.objects.filter(dataset="school", computed=False) if e.code not in in_rules]
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, **{e.code: 10 for e in fields})
    people = [member(county.school, Role.SCHOOL, username=f"tianbao{i}") for i in range(PEOPLE)]
    url = f"/data/entry/{county.school.pk}/2025/"
    sessions = [opened(person, url, "data-form") for person in people]
    choices = [(fields[i % len(fields)], 100 + i) for i in range(PEOPLE)]

    def saver(i: int) -> Callable[[], str]:
        client, data = sessions[i]
        element, value = choices[i]

        def post() -> str:
            response = client.post(url, {**data, element.code: str(value)}, follow=True)
            return str(response.content.decode())

        return post

    pages = at_once([saver(i) for i in range(PEOPLE)])
    stored = dict(DataValue.objects.filter(organization=county.school, year=2025).values_list("element__code", "value"))
    saved = conflicts = 0
    for (element, value), page in zip(choices, pages, strict=True):
        assert isinstance(page, str), page
        if "已保存 2025 年数据 1 项" in page:
            saved += 1
            assert stored[element.code] == value, f"{element.name}: {value} was saved and then lost"
        else:
            assert f"“{element.name}”：您打开页面时为 10" in page, page[:2000]
            conflicts += 1
    assert saved >= min(PEOPLE, len(fields)) and saved + conflicts == PEOPLE


def test_twenty_people_saving_one_task_lose_nothing(county: County) -> None:
    task = county.shared_task
    people = [county.users["supervisor"], *(member(county.supervision, Role.SUPERVISOR) for _ in range(PEOPLE - 1))]
    url = f"/tasks/{task.pk}/edit/"
    sessions = [opened(person, url, "edit-form") for person in people]

    def saver(i: int) -> Callable[[], str]:
        client, data = sessions[i]

        def post() -> str:
            response = client.post(url, {**data, "section": f"第{i}人修改的所属部分"}, follow=True)
            return str(response.content.decode())

        return post

    pages = at_once([saver(i) for i in range(PEOPLE)])
    task.refresh_from_db()
    saved = [i for i, page in enumerate(pages) if isinstance(page, str) and "任务已保存" in page]
    told = [i for i, page in enumerate(pages) if isinstance(page, str) and CONFLICT in page and "所属部分" in page]
    assert len(saved) == 1 and len(saved) + len(told) == PEOPLE, [p if not isinstance(p, str) else "" for p in pages]
    assert task.section == f"第{saved[0]}人修改的所属部分"


def test_the_dual_qualified_rule_holds_when_two_saves_race(county: County) -> None:
    """双师型教师数 ≤ 专业课教师数: one person lowers 专业课 to 60, another raises 双师型 to 80, at once."""
    ensure_catalogue()
    admin = county.users["county_admin"]
    year = 2025
    for trial in range(20):
        save(admin, county.school, year, teachers_specialised=100, teachers_dual_qualified=50)
        outcomes = at_once(
            [
                lambda year=year: save(admin, county.school, year, teachers_specialised=60),
                lambda year=year: save(admin, county.school, year, teachers_dual_qualified=80),
            ]
        )
        values = dict(
            DataValue.objects.filter(organization=county.school, year=year).values_list("element__code", "value")
        )
        assert values["teachers_dual_qualified"] <= values["teachers_specialised"], (trial, values, outcomes)
        refused = [o for o in outcomes if isinstance(o, Exception)]
        assert len(refused) == 1 and "不能大于" in str(refused[0]), outcomes
