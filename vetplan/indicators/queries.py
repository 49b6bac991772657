"""The figures the dashboard, the home panel and the API show: one set of functions, so numbers agree."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.indicators.compute import goal_of, target_figures
from vetplan.indicators.models import STATUS_CSS, Indicator, TargetStatus
from vetplan.indicators.status import Assessment, target_status
from vetplan.indicators.values import indicator_values
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.roles import Role
from vetplan.plans.access import visible_plans
from vetplan.plans.models import Target

STATUS_ORDER = [s.value for s in TargetStatus.Status]


def visible_targets(user: Any, include_archived: bool = False) -> QuerySet[Target]:
    """The public sees every target in aggregate (the home panel); signed-in users their plans'."""
    if scope_of(user).is_anonymous:
        return Target.objects.active()
    return Target.objects.filter(plan__in=visible_plans(user, include_archived))


def can_report_target(user: Any, target: Target) -> bool:
    """Who reports a target without an indicator: its reporting unit (填报单位), and the supervisors and
    department reporters of the plan's region; nobody once the plan is archived."""
    scope = scope_of(user)
    if target.plan.archived_at is not None:
        return False
    if target.reporting_unit_id and scope.owns(target.reporting_unit.path):
        return True
    return (scope.supervises or scope.role == Role.DEPARTMENT) and scope.in_region(target.plan.region.path)


def status_counts(targets: QuerySet[Target]) -> list[dict[str, Any]]:
    """[{status, label, css, count}] in the fixed order; a target never computed counts as 无数据."""
    counts = dict.fromkeys(STATUS_ORDER, 0)
    for row in targets.values("status_row__status").annotate(n=Count("pk")).order_by():
        counts[row["status_row__status"] or TargetStatus.Status.NO_DATA] += row["n"]
    return [
        {"status": s, "label": TargetStatus.Status(s).label, "css": STATUS_CSS[s], "count": counts[s]}
        for s in STATUS_ORDER
    ]


@dataclass
class TargetRow:
    target: Target
    status: str
    latest_year: int | None
    latest_value: float | None
    projected_value: float | None
    pending_year: int | None = None  # a newer year still provisional (暂定), not judged
    pending_value: float | None = None
    pending_coverage: str = ""

    @property
    def label(self) -> str:
        return str(TargetStatus.Status(self.status).label)

    @property
    def css(self) -> str:
        return STATUS_CSS[self.status]


def target_rows(targets: QuerySet[Target]) -> list[TargetRow]:
    rows = []
    for t in targets.select_related("plan", "indicator", "status_row").order_by("plan_id", "seq", "pk"):
        s = getattr(t, "status_row", None)
        rows.append(
            TargetRow(
                t,
                s.status if s else TargetStatus.Status.NO_DATA,
                s.latest_year if s else None,
                s.latest_value if s else None,
                s.projected_value if s else None,
                s.pending_year if s else None,
                s.pending_value if s else None,
                s.pending_coverage if s else "",
            )
        )
    return rows


@dataclass
class TargetChart:
    target: Target
    assessment: Assessment
    series: list[tuple[int, float]]
    projection: list[tuple[int, float]] = field(default_factory=list)
    pending: tuple[int, float, str] | None = None  # the newest provisional year: shown apart, not judged

    def as_json(self) -> dict[str, Any]:
        t = self.target
        return {
            "title": t.indicator_text,
            "unit": t.indicator.unit if t.indicator else t.unit,
            "goal": float(t.value),
            "goal_max": float(t.value_max) if t.value_max is not None else None,
            "deadline": t.deadline_year,
            "status": self.assessment.status,
            "series": [[y, round(v, 4)] for y, v in self.series],
            "projection": [[y, round(v, 4)] for y, v in self.projection],
            "pending": [[self.pending[0], round(self.pending[1], 4)]] if self.pending else [],
        }


def target_chart(target: Target) -> TargetChart:
    figures = target_figures([target])[target.pk]
    series = figures.final
    assessment = target_status(goal_of(target), series, timezone.localdate().year)
    projection = []
    if assessment.slope is not None and assessment.intercept is not None and series:
        last = series[-1][0]
        end = max(target.deadline_year or last, last)
        projection = [(y, assessment.intercept + assessment.slope * y) for y in range(last, end + 1)]
    return TargetChart(target, assessment, series, projection, figures.pending)


@dataclass
class Drilldown:
    """Indicator values of units (rows) for linked indicators (columns) in one year."""

    year: int | None
    indicators: list[Indicator]
    units: list[Organization]
    values: dict[tuple[int, int], float | None]
    regions: list[Region] = field(default_factory=list)
    region_values: dict[tuple[int, int], float | None] = field(default_factory=dict)

    def rows(self) -> list[tuple[Organization, list[float | None]]]:
        return [(u, [self.values.get((u.pk, i.pk)) for i in self.indicators]) for u in self.units]

    def region_rows(self) -> list[tuple[Region, list[float | None]]]:
        return [(r, [self.region_values.get((r.pk, i.pk)) for i in self.indicators]) for r in self.regions]


def drilldown(
    units: QuerySet[Organization], targets: QuerySet[Target], year: int | None = None, region: Region | None = None
) -> Drilldown:
    indicator_ids = targets.exclude(indicator=None).values("indicator_id")
    indicators = list(Indicator.objects.filter(pk__in=indicator_ids))
    unit_list = list(units.order_by("type", "path")[:200])
    figures = indicator_values(organizations=unit_list, regions=[region] if region else [], indicators=indicators)
    if year is None:
        year = max((f.year for f in figures if f.organization_id is not None), default=None)
    values = {(f.organization_id, f.indicator_id): f.value for f in figures if f.year == year and f.organization_id}
    drill = Drilldown(year, indicators, unit_list, values)  # type: ignore[arg-type]
    if region is not None:
        drill.regions = [region]
        drill.region_values = {
            (f.region_id, f.indicator_id): f.value  # type: ignore[misc]
            for f in figures
            if f.year == year and f.region_id is not None
        }
    return drill


def drill_units(user: Any, parent: Organization | None) -> QuerySet[Organization]:
    """The units one level down: the parent's children (and itself), or the top units of the user's scope."""
    from vetplan.orgs.access import visible_organizations

    visible = visible_organizations(user)
    if parent is not None:
        return visible.filter(Q(parent=parent) | Q(pk=parent.pk))
    scope = scope_of(user)
    if not scope.sees_region and scope.organization_id:
        return visible.filter(pk=scope.organization_id)
    return visible.filter(
        Q(parent__isnull=True) | Q(parent__parent__isnull=True),
        type__in=[Organization.Type.SCHOOL, Organization.Type.GOVERNMENT, Organization.Type.ENTERPRISE],
    )


def unit_series(target: Target, units: list[Organization]) -> dict[int, dict[int, float | None]]:
    """{unit pk: {year: value}} of the target's indicator for each unit (the drill-down under a target)."""
    out: dict[int, dict[int, float | None]] = defaultdict(dict)
    if not target.indicator_id:
        return out
    for figure in indicator_values(organizations=units, indicators=[target.indicator]):  # type: ignore[list-item]
        out[figure.organization_id][figure.year] = figure.value  # type: ignore[index]
    return out


def user_region(user: Any) -> Region | None:
    """The region whose totals head the dashboard: the user's own, for those who see a region."""
    scope = scope_of(user)
    if not scope.sees_region or scope.region_id is None:
        return None
    return Region.objects.filter(pk=scope.region_id).first()
