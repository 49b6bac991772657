"""Two schools of one county saving at the same moment: both land, and the county's figure counts both."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, transaction

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import figure, save
from vetplan.indicators.catalogue import ensure_catalogue
from vetplan.orgs.models import Organization

pytestmark = pytest.mark.django_db(transaction=True)


def test_saves_in_one_county_queue_instead_of_failing(county: County, db_vendor: str) -> None:
    if db_vendor != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time")
    ensure_catalogue()  # transactional tests run last, after others have flushed the migrated catalogue
    supervisor = county.users["supervisor"]
    other = OrganizationFactory(name="测试县第二职业高级中学", type=Organization.Type.SCHOOL, region=county.region)
    first_saved, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def in_thread(work: Any) -> Any:
        def run() -> None:
            try:
                work()
            except BaseException as error:  # reported to the test below
                errors.append(error)
            finally:
                connection.close()

        return threading.Thread(target=run)

    def first() -> None:
        with transaction.atomic():  # the first save holds its transaction open a while
            save(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=70)
            first_saved.set()
            release.wait(10)

    def second() -> None:
        save(supervisor, other, 2025, teachers_specialised=50, teachers_dual_qualified=20)

    a, b = in_thread(first), in_thread(second)
    a.start()
    assert first_saved.wait(10), errors
    b.start()
    b.join(0.5)
    assert b.is_alive(), "the second save waits for the first"
    release.set()
    a.join(10)
    b.join(10)
    assert errors == []
    county_value = figure("dual_qualified_share", 2025, region=county.region).value
    assert county_value == pytest.approx(100 * 90 / 150)
