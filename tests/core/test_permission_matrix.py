"""Every role against every view, driven by the apps' role rule tables.

A view without a rule fails `test_every_view_has_a_role_rule`; a rule that lets the
wrong role in, or keeps the right one out, fails the matrix.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import PERSONA_ROLE, PERSONAS, County
from tests.indicators import matrix as indicators_matrix
from tests.jobs import matrix as jobs_matrix
from tests.mechanisms import matrix as mechanisms_matrix
from tests.plans.import_drafts import MINIMAL_PLAN, make_draft
from tests.registries import matrix as registries_matrix
from tests.reports import matrix as reports_matrix
from tests.supervision import matrix as supervision_matrix
from tests.workbench import matrix as workbench_matrix
from vetplan.core.access import role_rules

EXEMPT_NAMESPACES = {"admin", "api"}  # the API checks its token user itself (tests/api/)


def walk(patterns: list[Any], namespace: str = "") -> list[str]:
    names = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in EXEMPT_NAMESPACES:
                continue
            names += walk(pattern.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.append(f"{namespace}{pattern.name}")
    return names


def test_every_view_has_a_role_rule() -> None:
    missing = sorted(set(walk(get_resolver().url_patterns)) - set(role_rules()))
    assert missing == [], f"views without a role rule: {missing}"


def test_every_rule_names_a_real_view() -> None:
    assert sorted(set(role_rules()) - set(walk(get_resolver().url_patterns))) == []


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, int]:
    user = county.users[persona]
    own_org = user.membership.organization if user is not None and view_name not in WRITE_VIEWS else county.hr
    pattern_kwargs = {
        "plan_pk": county.plan.pk,
        "target_pk": county.target.pk,
        "task_pk": county.shared_task.pk,  # every reporter persona's unit shares this task
        "org_pk": own_org.pk,  # a reporter reads its own unit's page
        "fmt": "xlsx",
        # An import draft of the county, uploaded by its supervisor (only built for the import views).
        "draft_pk": make_draft(county.region, county.users["supervisor"], MINIMAL_PLAN).pk
        if view_name.startswith("plans:import_")
        else 0,
    }
    if view_name.startswith("supervision:"):
        pattern_kwargs.update(supervision_matrix.kwargs_for(view_name, county, persona))
    if view_name.startswith("indicators:"):
        pattern_kwargs.update(indicators_matrix.kwargs_for(view_name, county, persona))
    if view_name.startswith("reports:"):
        pattern_kwargs.update(reports_matrix.kwargs_for(view_name, county, persona))
    if view_name.startswith("registries:"):
        pattern_kwargs.update(registries_matrix.kwargs_for(view_name, county, persona))
    if view_name.startswith("mechanisms:"):
        pattern_kwargs.update(mechanisms_matrix.kwargs_for(view_name, county, persona))
    if view_name.startswith("workbench:"):
        pattern_kwargs.update(workbench_matrix.kwargs_for(view_name, county, persona))
    if view_name.startswith("jobs:"):
        pattern_kwargs.update(jobs_matrix.kwargs_for(view_name, county, persona))
    resolver = get_resolver()
    namespace, _, name = view_name.rpartition(":")
    possibilities = (resolver.namespace_dict[namespace][1] if namespace else resolver).reverse_dict.getlist(name)
    params = possibilities[0][0][0][1]
    return {p: pattern_kwargs[p] for p in params}


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    """Valid input for each write view, so an allowed role succeeds rather than meets a form error."""
    if view_name.startswith("supervision:"):
        return supervision_matrix.payload_for(view_name, county)
    if view_name.startswith("indicators:"):
        return indicators_matrix.payload_for(view_name, county)
    if view_name.startswith("reports:"):
        return reports_matrix.payload_for(view_name, county)
    if view_name.startswith("registries:"):
        return registries_matrix.payload_for(view_name, county)
    if view_name.startswith("mechanisms:"):
        return mechanisms_matrix.payload_for(view_name, county)
    if view_name.startswith("workbench:"):
        return workbench_matrix.payload_for(view_name, county)
    return {
        "plans:plan_edit": {"title": "测试县职业教育行动计划（修订）", "period_start": 2024, "period_end": 2027},
        "plans:target_create": {
            "indicator_text": "毕业生就业率",
            "comparator": ">=",
            "value": "95",
            "unit": "%",
            "kind": "target",
        },
        "plans:target_edit": {
            "indicator_text": "双师型教师比例",
            "comparator": ">=",
            "value": "75",
            "unit": "%",
            "kind": "target",
        },
        "plans:task_create": {"seq": "9", "text": "新增任务。", "recurrence": "once", "status": "not_started"},
        "plans:task_edit": {"seq": "1", "text": "修改后的任务。", "recurrence": "once", "status": "in_progress"},
        "plans:task_status": {"status": "in_progress"},
        "plans:import_confirm": {
            "meta-title": "测试县职业教育导入演示方案",
            **{
                f"{rows}-{count}_FORMS": "0" for rows in ("targets", "tasks", "units") for count in ("TOTAL", "INITIAL")
            },
        },
        "plans:import_discard": {},
        "orgs:org_edit": {"name": "测试县人力资源和社会保障局", "short_name": "县人社局", "type": "government"},
        "login": {"username": "nobody", "password": "wrong"},
        "logout": {},
    }.get(view_name, {})


WRITE_VIEWS = {"plans:plan_edit", "plans:plan_archive", "plans:target_create", "plans:target_edit", "plans:task_create", "plans:task_edit",
               "plans:task_status", "plans:import_confirm", "plans:import_discard", "orgs:org_edit",
               "logout"} | supervision_matrix.WRITE_VIEWS | indicators_matrix.WRITE_VIEWS | reports_matrix.WRITE_VIEWS \
    | registries_matrix.WRITE_VIEWS | mechanisms_matrix.WRITE_VIEWS | workbench_matrix.WRITE_VIEWS  # fmt: skip
CASES = [(view, persona) for view in sorted(role_rules()) for persona in PERSONAS]


@pytest.mark.parametrize(("view_name", "persona"), CASES)
def test_role_rule_matrix(
    view_name: str, persona: str, county: County, client_as: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path)  # evidence files uploaded by the supervision views
    client = client_as(county.users[persona])
    url = reverse(view_name, kwargs=kwargs_for(view_name, county, persona))
    allowed = PERSONA_ROLE[persona] in role_rules()[view_name]
    if view_name in WRITE_VIEWS:
        response = client.post(url, payload_for(view_name, county))
    else:
        response = client.get(url)
    if allowed:
        assert response.status_code in (200, 302), f"{persona} should be allowed {view_name}"
        if response.status_code == 302:
            assert "/login/" not in response["Location"] or view_name == "logout"
    elif persona == "anonymous" and view_name not in WRITE_VIEWS:
        assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 403, f"{persona} should be refused {view_name}"
        assert "无权访问" in response.content.decode()
