"""Pages run a bounded number of queries, however many tasks a plan has (no N+1)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.factories import TargetFactory, make_task

# The home page (我的待办 over every domain) has its own bound: tests/workbench/test_home_queries.py.
PAGES = [
    ("plans:plan_list", lambda c: []),
    ("plans:plan_detail", lambda c: [c.plan.pk]),
    ("plans:target_list", lambda c: []),
    ("plans:task_list", lambda c: []),
    ("orgs:org_list", lambda c: []),
    ("orgs:org_detail", lambda c: [c.education.pk]),
]


@pytest.mark.parametrize(("view_name", "args"), PAGES)
def test_the_page_query_count_does_not_grow_with_the_plan(
    view_name: str, args: Any, county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(40):
        make_task(county.plan, f"x{n}", lead=[county.education], shared=[county.hr, county.school])
        TargetFactory(plan=county.plan)
    client = client_as(county.users["supervisor"])
    url = reverse(view_name, args=args(county))
    with django_assert_max_num_queries(16):
        response = client.get(url)
    assert response.status_code == 200
