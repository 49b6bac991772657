"""专业名册: the majors each school runs (from the national catalogue), their years and industries.

Two sheets: 开设专业 (school, catalogue code, opening and closing year, the 重点产业 it serves;
keyed by school and code) and 招生 (a school's major, a year, intake and enrolment).
专业与产业匹配度 follows: the open majors that serve a key industry over all open majors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from vetplan.registries.base import ImportContext, ListColumn, Registry
from vetplan.registries.models import CatalogueMajor, MajorEnrolment, SchoolMajor
from vetplan.registries.pipeline import Column, ImportResult, Row, SheetSpec, integer, row_error, text, upsert

MAJORS = SheetSpec(
    "开设专业",
    (
        Column("学校", "school", text(128), required=True),
        Column("专业代码", "code", text(8), required=True, note="《职业教育专业目录（2021年）》的6位代码"),
        Column("开设年份", "opened", integer(1949, 2100), required=True),
        Column("停办年份", "closed", integer(1949, 2100)),
        Column("服务的重点产业", "industry", text(100), note="如：装备制造、现代农业；不对接重点产业留空"),
    ),
)
ENROLMENT = SheetSpec(
    "招生",
    (
        Column("学校", "school", text(128), required=True),
        Column("专业代码", "code", text(8), required=True),
        Column("年份", "year", integer(1949, 2100), required=True),
        Column("招生数", "intake", integer(0, 100_000)),
        Column("在校生数", "enrolled", integer(0, 100_000)),
    ),
    required=False,
)


@dataclass
class MajorPlan:
    majors: list[SchoolMajor] = field(default_factory=list)
    enrolments: list[tuple[tuple[int, int], MajorEnrolment]] = field(default_factory=list)


def catalogue_by_code() -> dict[str, CatalogueMajor]:
    """The newest edition's majors by code (a K suffix for 国家控制布点 is accepted)."""
    majors: dict[str, CatalogueMajor] = {}
    for major in CatalogueMajor.objects.order_by("edition"):
        majors[major.code] = major
    return majors


class MajorRegistry(Registry):
    code = "majors"
    label = "专业名册"
    model = SchoolMajor
    sheets = (MAJORS, ENROLMENT)
    search_fields = ("major__name", "major__code", "industry")
    list_columns = (
        ListColumn("学校", lambda m: m.school.display_name),
        ListColumn("专业代码", lambda m: m.major.code),
        ListColumn("专业名称", lambda m: m.major.name),
        ListColumn("层次", lambda m: m.major.get_level_display()),
        ListColumn("开设年份", "opened_year"),
        ListColumn("停办年份", lambda m: m.closed_year or "—"),
        ListColumn("服务的重点产业", lambda m: m.industry or "—"),
    )

    def check(self, rows: dict[str, list[Row]], context: ImportContext, result: ImportResult) -> MajorPlan:
        catalogue = catalogue_by_code()
        plan = MajorPlan()
        seen: dict[tuple[int, str], int] = {}
        for row in rows[MAJORS.name]:
            values = row.values
            school = self.unit(row, MAJORS, "school", context, result)
            code = (values["code"] or "").rstrip("Kk")
            major = catalogue.get(code)
            if values["code"] and major is None:
                result.add_error(row_error(row, MAJORS, "code", "专业目录中没有这个代码"))
            if values["closed"] and values["opened"] and values["closed"] < values["opened"]:
                result.add_error(row_error(row, MAJORS, "closed", f"停办年份早于开设年份 {values['opened']}"))
            if school is None or major is None:
                continue
            key = (school.pk, major.code)
            if key in seen:
                result.add_error(row_error(row, MAJORS, "code", f"与第 {seen[key]} 行重复（同一学校、专业）"))
                continue
            seen[key] = row.number
            plan.majors.append(
                SchoolMajor(
                    school=school,
                    major=major,
                    opened_year=values["opened"],
                    closed_year=values["closed"],
                    industry=values["industry"] or "",
                )
            )
        known = set(seen) | set(
            SchoolMajor.objects.filter(school__in=set(context.units.values())).values_list("school_id", "major__code")
        )
        years: set[tuple[int, str, int]] = set()
        for row in rows[ENROLMENT.name]:
            values = row.values
            school = self.unit(row, ENROLMENT, "school", context, result)
            code = (values["code"] or "").rstrip("Kk")
            if school is None or not code:
                continue
            if (school.pk, code) not in known:
                result.add_error(row_error(row, ENROLMENT, "code", "该校没有开设这个专业（先在“开设专业”表中填写）"))
                continue
            if (school.pk, code, values["year"]) in years:
                result.add_error(row_error(row, ENROLMENT, "year", "与本表另一行重复（同一学校、专业、年份）"))
                continue
            years.add((school.pk, code, values["year"]))
            enrolment = MajorEnrolment(
                year=values["year"], intake=values["intake"] or 0, enrolled=values["enrolled"] or 0
            )
            plan.enrolments.append(((school.pk, catalogue[code].pk), enrolment))
        return plan

    def write(self, plan: MajorPlan, context: ImportContext, result: ImportResult) -> None:
        schools = {m.school_id for m in plan.majors} | {school for (school, _), _ in plan.enrolments}
        existing = {(m.school_id, m.major_id): m for m in SchoolMajor.objects.filter(school__in=schools)}
        saved = upsert(
            SchoolMajor,
            lambda m: (m.school_id, m.major_id),
            plan.majors,
            existing,
            ["opened_year", "closed_year", "industry"],
            result,
            context.user,
        )
        by_key = {**existing, **saved}
        for key, enrolment in plan.enrolments:
            enrolment.school_major = by_key[key]
        stored = {
            (e.school_major_id, e.year): e
            for e in MajorEnrolment.objects.filter(school_major__in=[m.pk for m in by_key.values()])
        }
        upsert(
            MajorEnrolment,
            lambda e: (e.school_major_id, e.year),
            [e for _, e in plan.enrolments],
            stored,
            ["intake", "enrolled"],
            result,
            context.user,
        )

    def units_of(self, plan: Any) -> set[int]:
        return {m.school_id for m in plan.majors} | {school for (school, _), _ in plan.enrolments}

    def detail(self, record: Any) -> dict[str, Any]:
        return {
            "related": [("年度招生", record.enrolments.order_by("year"), ["year", "intake", "enrolled"])],
            "facts": [("专业大类", record.major.category), ("专业类", record.major.class_name)],
        }
