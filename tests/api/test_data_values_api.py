"""The API: token authentication, bulk pushes checked like the Excel upload, and the dashboard's figures."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from tests.conftest import County
from vetplan.api.models import ApiToken, create_api_token
from vetplan.indicators.models import DataValue
from vetplan.indicators.services import link_targets_to_indicators


@pytest.fixture
def api(client: Any) -> Any:
    def call(user: Any, method: str, path: str, body: Any = None) -> Any:
        headers = {}
        if user is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {create_api_token(user)[1]}"
        if method == "post":
            return client.post(f"/api{path}", json.dumps(body), content_type="application/json", **headers)
        return client.get(f"/api{path}", **headers)

    return call


def values(org: Any, **figures: Any) -> dict[str, Any]:
    return {"values": [{"organization": org, "year": 2025, "element": k, "value": v} for k, v in figures.items()]}


def test_it_requires_a_token(county: County, api: Any, client: Any) -> None:
    assert api(None, "post", "/data-values", values(county.school.pk, teachers_specialised=1)).status_code == 401
    bad = client.get("/api/targets", HTTP_AUTHORIZATION="Bearer not-a-token")
    assert bad.status_code == 401


def test_a_school_reporter_pushes_its_own_values(county: County, api: Any) -> None:
    link_targets_to_indicators([county.target])
    body = values(county.school.pk, teachers_specialised=100, teachers_dual_qualified=80)
    response = api(county.users["school_reporter"], "post", "/data-values", body)
    assert response.status_code == 200, response.content
    # 双师型 share over 专业课教师 and over 专任教师, each for the school and its county and region above.
    assert response.json() == {"saved": 2, "indicator_values_updated": 6, "target_statuses_updated": 1}
    assert DataValue.objects.filter(organization=county.school, source="api").count() == 2


def test_a_reporter_cannot_push_another_units_values(county: County, api: Any) -> None:
    for persona in ("school_reporter", "department_reporter", "enterprise_reporter", "outsider"):
        body = values("测试县教育体育局", enrolment_general=1000)
        response = api(county.users[persona], "post", "/data-values", body)
        assert response.status_code == 422, persona
        assert "values[0].organization" in response.json()["errors"][0]
    assert not DataValue.objects.exists()


def test_supervisors_push_any_unit_of_their_region(county: County, api: Any) -> None:
    for persona in ("supervisor", "county_admin"):
        response = api(county.users[persona], "post", "/data-values", values("县职教中心", teachers_specialised=10))
        assert response.status_code == 200, persona


def test_one_bad_value_saves_nothing(county: County, api: Any) -> None:
    body = values(county.school.pk, teachers_specialised=50, teachers_dual_qualified=60)
    body["values"].append({"organization": county.school.pk, "year": "二〇二五", "element": "nope", "value": "x"})
    response = api(county.users["supervisor"], "post", "/data-values", body)
    errors = response.json()["errors"]
    assert response.status_code == 422
    assert any(e.startswith("values[2].year") for e in errors) and any(
        e.startswith("values[2].element") for e in errors
    )
    assert any(e == "values[1].value：双师型教师数（60）不能大于专业课教师数（50）" for e in errors)
    assert not DataValue.objects.exists()


def test_it_reads_the_dashboards_figures_within_the_users_scope(county: County, api: Any) -> None:
    link_targets_to_indicators([county.target])
    api(
        county.users["school_reporter"],
        "post",
        "/data-values",
        values(county.school.pk, teachers_specialised=10, teachers_dual_qualified=9),
    )
    targets = api(county.users["school_reporter"], "get", "/targets").json()
    assert [(t["id"], t["status"], t["latest_value"]) for t in targets] == [(county.target.pk, "achieved", 90.0)]
    assert api(county.users["outsider"], "get", "/targets").json() == []
    counts = api(county.users["supervisor"], "get", "/targets/status-counts").json()
    assert counts["achieved"] == 1
    series = api(county.users["supervisor"], "get", f"/targets/{county.target.pk}/series").json()
    assert series["series"] == [[2025, 90.0]] and series["goal"] == 70
    assert api(county.users["outsider"], "get", f"/targets/{county.target.pk}/series").status_code == 404
    own = api(county.users["school_reporter"], "get", f"/indicator-values?organization={county.school.pk}").json()
    assert {"indicator": "dual_qualified_share", "value": 90.0}.items() <= own[0].items()
    assert (
        api(county.users["school_reporter"], "get", f"/indicator-values?organization={county.hr.pk}").status_code == 404
    )


def test_the_catalogue_and_the_openapi_schema_are_published(county: County, api: Any, client: Any) -> None:
    codes = [i["code"] for i in api(county.users["supervisor"], "get", "/indicators").json()]
    assert "dual_qualified_share" in codes
    schema = client.get("/api/openapi.json").json()
    assert "/api/data-values" in schema["paths"]


def test_the_command_creates_a_token_stored_only_as_a_hash(county: County) -> None:
    out = StringIO()
    call_command("create_api_token", "zhijiao1", "--name", "学校系统对接", stdout=out)
    token = out.getvalue().strip()
    row = ApiToken.objects.get(user=county.users["school_reporter"])
    assert len(token) > 30 and token not in row.token_hash and row.prefix == token[:8]


def test_a_token_of_a_user_without_a_role_is_refused(county: County, api: Any, django_user_model: Any) -> None:
    stranger = django_user_model.objects.create_user(username="stranger")
    assert api(stranger, "get", "/targets").status_code == 403
    assert api(stranger, "post", "/data-values", values(county.school.pk, teachers_specialised=1)).status_code == 403
