"""社会培训: courses run by departments and schools; 培训人次 follows from their trainees.

One sheet: 培训班 (the providing unit, its kind — 人社, 农业农村, 退役军人, 工会, 学校 — a course
number of its own, dates, trainees and certificates issued; keyed by unit and course number).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vetplan.orgs.models import Organization
from vetplan.registries.base import ImportContext, ListColumn, Registry
from vetplan.registries.models import TrainingCourse
from vetplan.registries.pipeline import (
    Column,
    ImportResult,
    Row,
    SheetSpec,
    choice,
    date,
    integer,
    row_error,
    text,
    upsert,
)

COURSES = SheetSpec(
    "培训班",
    (
        Column("举办单位", "provider", text(128), required=True),
        Column("举办部门类别", "kind", choice(TrainingCourse.ProviderKind.choices), required=True),
        Column("班次编号", "code", text(40), required=True, note="本单位内唯一，再次导入按此更新"),
        Column("培训名称", "name", text(200), required=True),
        Column("开班日期", "start", date, required=True),
        Column("结业日期", "end", date, required=True),
        Column("培训人数", "trainees", integer(1, 100_000), required=True),
        Column("取证人数", "certificates", integer(0, 100_000)),
    ),
)


@dataclass
class CoursePlan:
    courses: list[TrainingCourse] = field(default_factory=list)


class TrainingRegistry(Registry):
    code = "trainings"
    label = "社会培训"
    model = TrainingCourse
    sheets = (COURSES,)
    owner_field = "provider"
    unit_types = (Organization.Type.GOVERNMENT, Organization.Type.SCHOOL, Organization.Type.ASSOCIATION)
    search_fields = ("name", "code")
    list_columns = (
        ListColumn("举办单位", lambda c: c.provider.display_name),
        ListColumn("类别", lambda c: c.get_provider_kind_display()),
        ListColumn("培训名称", "name"),
        ListColumn("开班日期", "start"),
        ListColumn("结业日期", "end"),
        ListColumn("培训人数", "trainees"),
        ListColumn("取证人数", "certificates_issued"),
    )

    def check(self, rows: dict[str, list[Row]], context: ImportContext, result: ImportResult) -> CoursePlan:
        plan = CoursePlan()
        seen: dict[tuple[int, str], int] = {}
        for row in rows[COURSES.name]:
            values = row.values
            provider = self.unit(row, COURSES, "provider", context, result)
            start, end = values["start"], values["end"]
            if start and end and end < start:
                result.add_error(row_error(row, COURSES, "end", f"结业日期早于开班日期 {start}"))
            if values["certificates"] and values["trainees"] and values["certificates"] > values["trainees"]:
                result.add_error(row_error(row, COURSES, "certificates", "取证人数不能多于培训人数"))
            if provider is None or not values["code"]:
                continue
            key = (provider.pk, values["code"])
            if key in seen:
                result.add_error(row_error(row, COURSES, "code", f"与第 {seen[key]} 行重复（同一单位、班次编号）"))
                continue
            seen[key] = row.number
            if result.ok:
                plan.courses.append(
                    TrainingCourse(
                        provider=provider,
                        provider_kind=values["kind"],
                        code=values["code"],
                        name=values["name"],
                        start=start,
                        end=end,
                        trainees=values["trainees"],
                        certificates_issued=values["certificates"] or 0,
                    )
                )
        return plan

    def write(self, plan: CoursePlan, context: ImportContext, result: ImportResult) -> None:
        providers = {c.provider_id for c in plan.courses}
        existing = {(c.provider_id, c.code): c for c in TrainingCourse.objects.filter(provider_id__in=providers)}
        fields = ["provider_kind", "name", "start", "end", "trainees", "certificates_issued"]
        upsert(TrainingCourse, lambda c: (c.provider_id, c.code), plan.courses, existing, fields, result, context.user)

    def units_of(self, plan: Any) -> set[int]:
        return {c.provider_id for c in plan.courses}

    def detail(self, record: Any) -> dict[str, Any]:
        return {"related": [], "facts": []}
