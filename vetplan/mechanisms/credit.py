"""产教融合 credit: each recognised enterprise's yearly investment and surcharges, checked, then the statement.

The enterprise enters its eligible investment and its 教育费附加 + 地方教育附加 payable per year
(only for a year it is a recognised 产教融合型企业); the 发展改革 department checks the
investment and 税务 the surcharges. The statement (`vetplan.policy.credit`) runs over the
checked years in order and stops at the first unchecked one (its carry-forward depends on
it). A recognition withdrawn in a year, or an investment taken back, claws back the credit
used. The lines are stored with the rate version they used and write the enterprise's
抵免金额 and 投资额 (万元) for the county's indicators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from vetplan.core.access import scope_of
from vetplan.core.versioning import check_version
from vetplan.mechanisms import parameters
from vetplan.mechanisms.figures import save_figures
from vetplan.mechanisms.models import CreditLine, CreditYear
from vetplan.orgs.models import Organization
from vetplan.orgs.roles import Role
from vetplan.policy.credit import CreditYear as PolicyYear
from vetplan.policy.credit import credit_statement
from vetplan.policy.params import ParameterTable
from vetplan.registries.models import Enterprise, Recognition

INVESTMENT, PAYABLE = "investment", "payable"  # what a checker checks
CHECKER_WORDS = {INVESTMENT: ("发展和改革", "发展改革", "发改"), PAYABLE: ("税务",)}
CHECK_LABELS = {INVESTMENT: "投资额（发展改革部门核实）", PAYABLE: "应缴附加（税务部门核实）"}


class CreditError(ValueError):
    pass


def checks_of(user: Any) -> set[str]:
    """What the user may check: the investment (发改), the surcharges (税务), both (admin) or nothing."""
    scope = scope_of(user)
    if scope.role == Role.ADMIN:
        return {INVESTMENT, PAYABLE}
    if scope.role != Role.DEPARTMENT or scope.organization_id is None:
        return set()
    org = Organization.objects.get(pk=scope.organization_id)
    names = " ".join([org.name, org.short_name, *org.aliases])
    return {what for what, words in CHECKER_WORDS.items() if any(word in names for word in words)}


def recognised_in(enterprise: Enterprise, year: int) -> bool:
    return any(r.valid_in(year) for r in enterprise.recognitions.all())


@transaction.atomic
def enter_year(
    enterprise: Enterprise,
    year: int,
    *,
    investment: Decimal,
    payable: Decimal,
    withdrawn: bool = False,
    note: str = "",
    by: Any,
    version: Any = None,
) -> CreditYear:
    """The enterprise's figures for a year; a change clears the checks of what changed."""
    if not recognised_in(enterprise, year) and not withdrawn:
        raise CreditError(f"{enterprise.name} {year} 年不是产教融合型企业（见企业名册中的认定记录），该年投资不能抵免")
    row = CreditYear.objects.select_for_update().filter(enterprise=enterprise, year=year).first()
    if row is not None:
        check_version(row, version)
    else:
        row = CreditYear(enterprise=enterprise, year=year, entered_by=by)
    if row.pk is None or row.investment != investment or row.withdrawn != withdrawn:
        row.investment_checked_by, row.investment_checked_at = None, None
    if row.pk is None or row.payable != payable:
        row.payable_checked_by, row.payable_checked_at = None, None
    row.investment, row.payable, row.withdrawn, row.note = investment, payable, withdrawn, note
    row.entered_by = by
    row.save()
    refresh([enterprise.pk], by=by)
    return row


@transaction.atomic
def check_year(row: CreditYear, what: str, *, by: Any, version: Any = None) -> CreditYear:
    if what not in checks_of(by):
        raise CreditError(f"您不能核实{CHECK_LABELS.get(what, what)}")
    check_version(row, version)
    now = timezone.now()
    if what == INVESTMENT:
        row.investment_checked_by, row.investment_checked_at = by, now
    else:
        row.payable_checked_by, row.payable_checked_at = by, now
    row.save()
    refresh([row.enterprise_id], by=by)
    return row


def _policy_years(enterprise: Enterprise, rows: list[CreditYear]) -> tuple[list[PolicyYear], list[CreditYear]]:
    """The checked years up to the first unchecked one, with the withdrawals; and the years left waiting."""
    withdrawn_years = {r.withdrawn_on.year for r in enterprise.recognitions.all() if r.withdrawn_on is not None}
    years: list[PolicyYear] = []
    waiting: list[CreditYear] = []
    by_year = {row.year: row for row in rows}
    for year in sorted(set(by_year) | withdrawn_years):
        row = by_year.get(year)
        if waiting or (row is not None and not row.checked):
            if row is not None:
                waiting.append(row)
            continue
        if row is None:  # recognition withdrawn in a year without figures
            years.append(PolicyYear(year, 0.0, 0.0, withdrawn=True))
        else:
            years.append(
                PolicyYear(year, float(row.investment), float(row.payable), row.withdrawn or year in withdrawn_years)
            )
    return years, waiting


@transaction.atomic
def refresh(enterprise_ids: Iterable[int], *, by: Any = None, params: ParameterTable | None = None) -> int:
    """Recompute the enterprises' statements; store the lines and the figures. How many lines."""
    params = params or parameters.table()
    enterprises = list(
        Enterprise.objects.filter(pk__in=set(enterprise_ids)).prefetch_related("recognitions", "credit_years")
    )
    if not enterprises:
        return 0
    CreditLine.objects.filter(enterprise__in=enterprises).delete()
    lines, figures = [], {}
    for enterprise in enterprises:
        years, _ = _policy_years(enterprise, list(enterprise.credit_years.all()))
        invested = {y.year: y.investment for y in years}
        payable = {y.year: y.payable for y in years}
        for line in credit_statement(years, params):
            lines.append(
                CreditLine(
                    enterprise=enterprise,
                    year=line.year,
                    investment=_money(invested[line.year]),
                    payable=_money(payable[line.year]),
                    rate=line.rate,
                    earned=_money(line.earned),
                    carried_in=_money(line.carried_in),
                    available=_money(line.available),
                    used=_money(line.used),
                    carried_out=_money(line.carried_out),
                    clawback=_money(line.clawback),
                    parameter_version=line.parameter_version,
                    explanation=asdict(line.explanation),
                )
            )
            if enterprise.organization_id:
                figures[(enterprise.organization_id, line.year)] = {
                    "integration_investment": round(invested[line.year] / 10000, 6),
                    "integration_credit": round(line.used / 10000, 6),  # a claw-back is shown as 应补缴
                }
    CreditLine.objects.bulk_create(lines)
    save_figures(figures, by=by, where="产教融合抵免台账")
    return len(lines)


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2)))


@dataclass(frozen=True)
class Statement:
    enterprise: Enterprise
    lines: list[CreditLine]
    waiting: list[CreditYear]  # entered, not yet checked (or after an unchecked year)
    recognitions: list[Recognition]

    @property
    def total_used(self) -> Decimal:
        return sum((line.used for line in self.lines), Decimal(0))

    @property
    def total_clawback(self) -> Decimal:
        return sum((line.clawback for line in self.lines), Decimal(0))

    @property
    def balance(self) -> Decimal:
        return self.lines[-1].carried_out if self.lines else Decimal(0)


STATEMENT_PREFETCH = (
    Prefetch("recognitions", queryset=Recognition.objects.order_by("recognised_on")),
    Prefetch("credit_lines", queryset=CreditLine.objects.order_by("year")),
    Prefetch(
        "credit_years",
        queryset=CreditYear.objects.select_related("investment_checked_by", "payable_checked_by").order_by("year"),
    ),
)


def with_statements(enterprises: QuerySet[Enterprise]) -> QuerySet[Enterprise]:
    """The enterprises with what their statements read, in four queries however many there are."""
    return enterprises.prefetch_related(*STATEMENT_PREFETCH)


def statement(enterprise: Enterprise) -> Statement:
    """The enterprise's statement (load it `with_statements` for a list)."""
    cache = getattr(enterprise, "_prefetched_objects_cache", {})
    if "credit_lines" not in cache:
        enterprise = with_statements(Enterprise.objects.filter(pk=enterprise.pk)).get()
    rows = list(enterprise.credit_years.all())
    _, waiting = _policy_years(enterprise, rows)
    return Statement(enterprise, list(enterprise.credit_lines.all()), waiting, list(enterprise.recognitions.all()))


def county_totals(enterprises: Iterable[Enterprise], year: int) -> dict[str, Any]:
    """Recognised enterprises that year and the credit used (元) in the county."""
    enterprises = list(enterprises)
    used: dict[int, Decimal] = defaultdict(Decimal)
    for line in CreditLine.objects.filter(enterprise__in=enterprises, year=year):
        used[line.enterprise_id] += line.used
    recognised = [e for e in enterprises if any(r.valid_in(year) for r in e.recognitions.all())]
    return {"recognised": len(recognised), "used": sum(used.values(), Decimal(0)), "year": year}
