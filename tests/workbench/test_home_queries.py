"""The home page and the header counts run a bounded number of queries, however much work is waiting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import County
from tests.factories import OrganizationFactory, TargetFactory, make_task
from tests.plans.import_drafts import make_draft
from vetplan.indicators.models import Dataset
from vetplan.indicators.services import link_targets_to_indicators, remind_missing
from vetplan.orgs.models import Organization
from vetplan.plans.models import Task
from vetplan.supervision import services
from vetplan.workbench.services import Notice, notify

# Most of a page's queries are the session, the user, the role, and the overview below the list.
BOUNDS = {"supervisor": 36, "school_reporter": 30, "department_reporter": 30}


@pytest.fixture(autouse=True)
def _on_a_working_day() -> Iterator[None]:
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        yield


def add_work(county: County, start: int, count: int) -> None:
    """`count` of everything: reports owed, returned and waiting, 督办 items, orders, drafts, notices,
    targets (the home panel) and schools (who owe data)."""
    supervisor = county.users["supervisor"]
    for n in range(start, start + count):
        TargetFactory(plan=county.plan, indicator_text="中职毕业生就业率" if n % 2 else "职普比")
        OrganizationFactory(name=f"测试县学校{n}", type=Organization.Type.SCHOOL, region=county.region)
        owed = make_task(county.plan, f"o{n}", lead=[county.school, county.hr], deadline=dt.date(2026, 6, 20))
        late = make_task(county.plan, f"l{n}", lead=[county.school], deadline=dt.date(2026, 3, 31))
        services.escalate_missing_reports(dt.date(2026, 4, 15), tasks=Task.objects.filter(pk=late.pk))
        services.urge_supervision_item(late.supervision_items.get(), by=supervisor)
        back = make_task(county.plan, f"r{n}", lead=[county.school, county.hr], deadline=dt.date(2026, 12, 31))
        for unit in (county.school, county.hr):
            report = services.submit_progress_report(
                back, by=supervisor, organization=unit, period=2026, task_status="in_progress", percent=20,
                narrative="进展。",
            )  # fmt: skip
            services.return_progress_report(report, by=supervisor, comment="请补充。")
            services.submit_progress_report(
                owed, by=supervisor, organization=unit, period=2025, task_status="in_progress", percent=10,
                narrative="上年进展。",
            )  # fmt: skip
        for unit in (county.school, county.hr):
            for verified in (False, True):
                order = services.issue_rectification_order(
                    county.region, by=supervisor, organization=unit, finding=f"问题{n}", deadline=dt.date(2026, 7, 1)
                )
                if verified:
                    services.submit_rectification(order, by=supervisor, follow_up="已整改。")
        make_draft(county.region, supervisor)
        services.draft_bulletin(county.region, by=supervisor, kind="general", title=f"通报{n}", body="正文")
        notify([Notice(county.school, "urged", f"通知{n}"), Notice(county.hr, "urged", f"通知{n}")])
    link_targets_to_indicators(county.plan.targets.all())
    remind_missing(county.region, Dataset.SCHOOL, 2024 - start, by=supervisor)


def queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("persona", sorted(BOUNDS))
def test_the_home_page_query_count_does_not_grow_with_the_work(
    persona: str, county: County, client_as: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)
    client = client_as(county.users[persona])
    add_work(county, 0, 11)  # more than a section lists (10), so each section counts its rows
    few = queries(client, reverse("home")), queries(client, reverse("workbench:badges"))
    add_work(county, 11, 10)
    many = queries(client, reverse("home")), queries(client, reverse("workbench:badges"))
    assert many == few
    assert many[0] <= BOUNDS[persona]
