"""The REST API (django-ninja): push data values in bulk; read targets, statuses and indicator values.

Every call carries `Authorization: Bearer <token>`; the token's user acts with its own role
and unit, checked here (the role-rule middleware exempts this namespace because the
session does not apply): reporters push data for their own unit only, supervisors for
any unit of their region, and reads show what the user's pages show.
OpenAPI schema: /api/openapi.json, browsable at /api/docs.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import NinjaAPI, Schema, Status
from ninja.errors import HttpError

from vetplan.api.auth import TokenAuth
from vetplan.api.docs import LocalSwagger
from vetplan.core.access import scope_of
from vetplan.indicators import queries
from vetplan.indicators.models import Indicator
from vetplan.indicators.services import DataError, record_data_values
from vetplan.indicators.validation import DataBatch, Location
from vetplan.indicators.values import indicator_values as figures_of
from vetplan.orgs.access import visible_organizations

api = NinjaAPI(
    title="vetplan API",
    version="1",
    urls_namespace="api",
    auth=TokenAuth(),
    docs=LocalSwagger(),
    description="县域职业教育规划实施与督导系统接口：批量报送数据、读取目标状态与指标值。",
)


class DataValueIn(Schema):
    organization: int | str  # the unit's id, or its name / short name
    year: int | str
    element: str  # a data element code, e.g. teachers_dual_qualified
    value: float | str | None


class DataValuesIn(Schema):
    values: list[DataValueIn]


class PushResult(Schema):
    saved: int
    indicator_values_updated: int
    target_statuses_updated: int


class ErrorsOut(Schema):
    errors: list[str]


class IndicatorOut(Schema):
    code: str
    name: str
    synonyms: list[str]
    numerator: str
    denominator: str
    factor: float
    unit: str
    direction: str


class TargetOut(Schema):
    id: int
    plan_id: int
    indicator_text: str
    goal: str
    deadline_year: int | None
    indicator: str | None
    status: str
    status_label: str
    latest_year: int | None
    latest_value: float | None
    projected_value: float | None


class SeriesOut(Schema):
    title: str
    unit: str
    goal: float
    goal_max: float | None
    deadline: int | None
    status: str
    series: list[list[float]]
    projection: list[list[float]]


class IndicatorValueOut(Schema):
    indicator: str
    organization_id: int | None
    region_id: int | None
    year: int
    numerator: float | None
    denominator: float | None
    value: float | None


def _signed_in(request: HttpRequest) -> Any:
    user = request.auth  # type: ignore[attr-defined]
    if scope_of(user).is_anonymous:
        raise HttpError(403, "该令牌的用户没有角色或单位。")
    return user


@api.post("/data-values", response={200: PushResult, 422: ErrorsOut}, summary="批量报送数据值（全部通过检查才保存）")
def push_data_values(request: HttpRequest, payload: DataValuesIn) -> Any:
    user = _signed_in(request)
    batch = DataBatch(user)
    for index, item in enumerate(payload.values):
        where = Location(f"values[{index}]")
        org = batch.organization(item.organization, Location(f"values[{index}].organization"))
        year = batch.year(item.year, Location(f"values[{index}].year"), org)
        element = batch.element(item.element, Location(f"values[{index}].element"))
        if item.value is None:
            batch.error(Location(f"values[{index}].value"), "数值为空")
            continue
        batch.add(org, year, element, item.value, Location(f"{where.text}.value"))
    try:
        result = record_data_values(batch, by=user, source="api")
    except DataError as exc:
        return Status(422, {"errors": exc.errors})
    return Status(
        200,
        {
            "saved": len(batch.entries),
            "indicator_values_updated": result.indicator_values,
            "target_statuses_updated": result.target_statuses,
        },
    )


@api.get("/indicators", response=list[IndicatorOut], summary="指标目录")
def list_indicators(request: HttpRequest) -> Any:
    _signed_in(request)
    return list(Indicator.objects.all())


@api.get("/targets", response=list[TargetOut], summary="目标及其状态（与看板一致）")
def list_targets(request: HttpRequest) -> Any:
    user = _signed_in(request)
    return [
        {
            "id": row.target.pk,
            "plan_id": row.target.plan_id,
            "indicator_text": row.target.indicator_text,
            "goal": row.target.goal_label,
            "deadline_year": row.target.deadline_year,
            "indicator": row.target.indicator.code if row.target.indicator else None,
            "status": row.status,
            "status_label": row.label,
            "latest_year": row.latest_year,
            "latest_value": row.latest_value,
            "projected_value": row.projected_value,
        }
        for row in queries.target_rows(queries.visible_targets(user))
    ]


@api.get("/targets/status-counts", response=dict[str, int], summary="各状态目标数")
def target_status_counts(request: HttpRequest) -> Any:
    user = _signed_in(request)
    return {c["status"]: c["count"] for c in queries.status_counts(queries.visible_targets(user))}


@api.get("/targets/{target_id}/series", response=SeriesOut, summary="目标的实际值序列、目标线与预测")
def target_series(request: HttpRequest, target_id: int) -> Any:
    user = _signed_in(request)
    target = queries.visible_targets(user).select_related("plan__region", "indicator").filter(pk=target_id).first()
    if target is None:
        raise HttpError(404, "没有找到该目标。")
    return queries.target_chart(target).as_json()


@api.get("/indicator-values", response=list[IndicatorValueOut], summary="单位的指标值（含下属单位汇总）")
def indicator_values(request: HttpRequest, organization: int, year: int | None = None) -> Any:
    user = _signed_in(request)
    if not visible_organizations(user).filter(pk=organization).exists():
        raise HttpError(404, "没有找到该单位。")
    rows = figures_of(organizations=[organization], years=[year] if year is not None else None)
    return [
        {
            "indicator": iv.code,
            "organization_id": iv.organization_id,
            "region_id": iv.region_id,
            "year": iv.year,
            "numerator": iv.numerator,
            "denominator": iv.denominator,
            "value": iv.value,
        }
        for iv in rows
    ]
