"""企业名册: the region's enterprises, their yearly staff and posts, recognition and cooperation.

Four sheets: 企业 (keyed by 统一社会信用代码; each enterprise reports its figures as a unit of
the region, created on first import), 年度数据 (staff, 规模以上 in that year's statistics,
internship posts offered), 产教融合型企业认定 and 校企合作 (订单班, 现代学徒制, 实训基地, 共建专业).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from vetplan.core.access import scope_of
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.services import create_organization
from vetplan.registries.base import ImportContext, ListColumn, Registry
from vetplan.registries.majors import catalogue_by_code
from vetplan.registries.models import Cooperation, Enterprise, EnterpriseYear, Recognition
from vetplan.registries.pipeline import (
    Column,
    ImportRefused,
    ImportResult,
    Row,
    SheetSpec,
    choice,
    credit_code,
    date,
    integer,
    row_error,
    text,
    upsert,
    yes_no,
)

ENTERPRISES = SheetSpec(
    "企业",
    (
        Column("统一社会信用代码", "code", credit_code, required=True, note="18位，校验位按 GB 32100 检查"),
        Column("企业名称", "name", text(200), required=True),
        Column("行业代码", "industry", text(5), note="GB/T 4754-2017 小类代码，如 3411"),
    ),
)
YEARS = SheetSpec(
    "年度数据",
    (
        Column("统一社会信用代码", "code", text(18), required=True),
        Column("年份", "year", integer(1990, 2100), required=True),
        Column("职工人数", "staff", integer(0, 10_000_000), required=True),
        Column("规模以上", "above_scale", yes_no, note="当年统计口径是否规模以上（规上）企业"),
        Column("提供实习岗位数", "posts", integer(0, 1_000_000)),
    ),
    required=False,
)
RECOGNITIONS = SheetSpec(
    "产教融合型企业认定",
    (
        Column("统一社会信用代码", "code", text(18), required=True),
        Column("认定级别", "level", choice(Recognition.Level.choices), required=True),
        Column("认定日期", "recognised_on", date, required=True),
        Column("认定机关", "body", text(100), required=True),
        Column("撤销日期", "withdrawn_on", date),
    ),
    required=False,
)
COOPERATIONS = SheetSpec(
    "校企合作",
    (
        Column("统一社会信用代码", "code", text(18), required=True),
        Column("学校", "school", text(128), required=True),
        Column("专业代码", "major", text(8)),
        Column("合作形式", "kind", choice(Cooperation.Kind.choices), required=True),
        Column("年份", "year", integer(1990, 2100), required=True),
        Column("人数", "headcount", integer(0, 100_000)),
    ),
    required=False,
)


@dataclass
class EnterprisePlan:
    enterprises: list[Enterprise] = field(default_factory=list)
    years: list[tuple[str, EnterpriseYear]] = field(default_factory=list)
    recognitions: list[tuple[str, Recognition]] = field(default_factory=list)
    cooperations: list[tuple[str, Cooperation]] = field(default_factory=list)


class EnterpriseRegistry(Registry):
    code = "enterprises"
    label = "企业名册"
    model = Enterprise
    sheets = (ENTERPRISES, YEARS, RECOGNITIONS, COOPERATIONS)
    owner_field = "organization"
    unit_types = (Organization.Type.ENTERPRISE,)
    search_fields = ("name", "credit_code", "industry_code")
    list_columns = (
        ListColumn("企业名称", "name"),
        ListColumn("统一社会信用代码", "credit_code"),
        ListColumn("行业代码", lambda e: e.industry_code or "—"),
        ListColumn("所在区域", lambda e: e.region.name),
    )

    def may_import(self, user: Any) -> bool:
        scope = scope_of(user)
        return scope.supervises or scope.role == "department" or super().may_import(user)

    def records(self, user: Any) -> QuerySet[Any]:
        scope = scope_of(user)
        records = Enterprise.objects.select_related("region", "organization")
        if scope.sees_everything:
            return records
        if scope.sees_region:
            return records.filter(region__path__startswith=scope.region_path)
        return records.filter(organization_id=scope.organization_id or -1)

    def check(self, rows: dict[str, list[Row]], context: ImportContext, result: ImportResult) -> EnterprisePlan:
        plan = EnterprisePlan()
        scope = scope_of(context.user)
        own = scope.organization_id if not scope.sees_region else None
        mine = {e.credit_code: e for e in self.records(context.user)}
        seen: dict[str, int] = {}
        for row in rows[ENTERPRISES.name]:
            code = row.values["code"]
            if code in seen:
                result.add_error(row_error(row, ENTERPRISES, "code", f"与第 {seen[code]} 行重复"))
                continue
            if code:
                seen[code] = row.number
            if own is not None and code and code not in mine:
                result.add_error(row_error(row, ENTERPRISES, "code", "企业用户只能填报本企业"))
            if code and result.ok:
                plan.enterprises.append(
                    Enterprise(credit_code=code, name=row.values["name"], industry_code=row.values["industry"] or "")
                )
        known = set(seen) | set(mine)
        schools = _schools(context)
        catalogue = catalogue_by_code()
        keys: set[tuple[Any, ...]] = set()
        for spec, target in ((YEARS, plan.years), (RECOGNITIONS, plan.recognitions), (COOPERATIONS, plan.cooperations)):
            for row in rows[spec.name]:
                values = row.values
                code = (values["code"] or "").upper()
                if code and code not in known:
                    result.add_error(row_error(row, spec, "code", "企业名册中没有这个统一社会信用代码"))
                    continue
                if spec is YEARS:
                    key: tuple[Any, ...] = ("year", code, values["year"])
                    record: Any = EnterpriseYear(
                        year=values["year"],
                        staff=values["staff"] or 0,
                        above_scale=bool(values["above_scale"]),
                        posts_offered=values["posts"] or 0,
                    )
                elif spec is RECOGNITIONS:
                    key = ("recognition", code, values["level"], values["recognised_on"])
                    if (
                        values["withdrawn_on"]
                        and values["recognised_on"]
                        and values["withdrawn_on"] < values["recognised_on"]
                    ):
                        result.add_error(row_error(row, spec, "withdrawn_on", "撤销日期早于认定日期"))
                    record = Recognition(
                        level=values["level"],
                        recognised_on=values["recognised_on"],
                        body=values["body"],
                        withdrawn_on=values["withdrawn_on"],
                    )
                else:
                    school = schools.get(values["school"] or "")
                    if values["school"] and school is None:
                        result.add_error(row_error(row, spec, "school", "本区域没有这所学校"))
                    major_code = (values["major"] or "").rstrip("Kk")
                    major = catalogue.get(major_code) if major_code else None
                    if major_code and major is None:
                        result.add_error(row_error(row, spec, "major", "专业目录中没有这个代码"))
                    key = ("cooperation", code, values["school"], major_code, values["kind"], values["year"])
                    record = Cooperation(
                        school=school, major=major, kind=values["kind"], year=values["year"],
                        headcount=values["headcount"] or 0,
                    )  # fmt: skip
                if key in keys:
                    result.add_error(row_error(row, spec, "code", "与本表另一行重复"))
                keys.add(key)
                if result.ok:
                    target.append((code, record))  # type: ignore[arg-type]
        return plan

    def write(self, plan: EnterprisePlan, context: ImportContext, result: ImportResult) -> None:
        region = Region.objects.filter(pk=scope_of(context.user).region_id).first()
        codes = [e.credit_code for e in plan.enterprises]
        existing = {(e.credit_code,): e for e in Enterprise.objects.filter(credit_code__in=codes)}
        for enterprise in plan.enterprises:
            stored = existing.get((enterprise.credit_code,))
            if stored is not None:
                enterprise.organization_id, enterprise.region_id = stored.organization_id, stored.region_id
                continue
            if region is None:
                raise ImportRefused("您的账号没有所属区域，不能新增企业。")
            # The enterprise reports its figures as a unit of the region: the one of that name, or a new one.
            org = Organization.objects.filter(region=region, name=enterprise.name).first() or create_organization(
                name=enterprise.name, type=Organization.Type.ENTERPRISE, region=region, by=context.user
            )
            enterprise.organization, enterprise.region_id = org, org.region_id
        upsert(
            Enterprise, lambda e: (e.credit_code,), plan.enterprises, existing, ["name", "industry_code"], result,
            context.user,
        )  # fmt: skip
        wanted = {code for code, _ in plan.years + plan.recognitions + plan.cooperations}  # type: ignore[operator]
        by_code = {e.credit_code: e for e in Enterprise.objects.filter(credit_code__in=wanted)}
        for code, record in [*plan.years, *plan.recognitions, *plan.cooperations]:
            record.enterprise = by_code[code]
        ids = [e.pk for e in by_code.values()]
        upsert(
            EnterpriseYear,
            lambda y: (y.enterprise_id, y.year),
            [y for _, y in plan.years],
            {(y.enterprise_id, y.year): y for y in EnterpriseYear.objects.filter(enterprise_id__in=ids)},
            ["staff", "above_scale", "posts_offered"],
            result,
            context.user,
        )
        upsert(
            Recognition,
            lambda r: (r.enterprise_id, r.level, r.recognised_on),
            [r for _, r in plan.recognitions],
            {(r.enterprise_id, r.level, r.recognised_on): r for r in Recognition.objects.filter(enterprise_id__in=ids)},
            ["body", "withdrawn_on"],
            result,
            context.user,
        )
        upsert(
            Cooperation,
            lambda c: (c.enterprise_id, c.school_id, c.major_id, c.kind, c.year),
            [c for _, c in plan.cooperations],
            {
                (c.enterprise_id, c.school_id, c.major_id, c.kind, c.year): c
                for c in Cooperation.objects.filter(enterprise_id__in=ids)
            },
            ["headcount"],
            result,
            context.user,
        )

    def units_of(self, plan: Any) -> set[int]:
        return {e.organization_id for e in plan.enterprises} | {
            r.enterprise.organization_id for _, r in [*plan.years, *plan.recognitions]
        }

    def detail(self, record: Any) -> dict[str, Any]:
        return {
            "related": [
                ("年度数据", record.years.order_by("year"), ["year", "staff", "above_scale", "posts_offered"]),
                ("产教融合型企业认定", record.recognitions.all(), ["level", "recognised_on", "body", "withdrawn_on"]),
                (
                    "校企合作",
                    record.cooperations.select_related("school", "major"),
                    ["school", "major", "kind", "year", "headcount"],
                ),
            ],
            "facts": [("单位", record.organization.name)],
        }


def _schools(context: ImportContext) -> dict[str, Organization]:
    scope = scope_of(context.user)
    schools = Organization.objects.filter(type=Organization.Type.SCHOOL)
    if not scope.sees_everything:
        schools = schools.filter(Q(region__path__startswith=scope.region_path) if scope.region_path else Q(pk__in=[]))
    out: dict[str, Organization] = {}
    for school in schools:
        for name in {school.name, school.short_name, *(school.aliases or [])}:
            if name:
                out.setdefault(name, school)
    return out
