"""教师名册: each school's teachers, their 双师型 recognition and their enterprise practice.

Two sheets: 教师 (one row per teacher, keyed by 身份证号) and 企业实践 (one row per episode,
naming the teacher by 身份证号, keyed by teacher, start date and enterprise). The rolling
five-year practice sum (`practice_days`) is what the 6-months-in-5-years rule checks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from vetplan.policy.practice import PRACTICE_REQUIRED_DAYS, practice_days
from vetplan.registries.base import ImportContext, ListColumn, Registry
from vetplan.registries.identity import birth_date_of, gender_of
from vetplan.registries.models import PracticeEpisode, Teacher
from vetplan.registries.pipeline import (
    Column,
    ImportResult,
    Row,
    SheetSpec,
    choice,
    date,
    id_number,
    integer,
    row_error,
    text,
    upsert,
    yes_no,
)

TEACHERS = SheetSpec(
    "教师",
    (
        Column("学校", "school", text(128), required=True),
        Column("姓名", "name", text(50), required=True),
        Column("身份证号", "id_number", id_number, required=True, note="18位，末位校验码按 GB 11643 检查"),
        Column("任职类型", "employment", choice(Teacher.Employment.choices), required=True),
        Column("教师类别", "role", choice(Teacher.Role.choices), required=True),
        Column("职称", "title", text(50)),
        Column("职称级别", "title_level", choice(Teacher.TitleLevel.choices[1:])),
        Column("是否在编", "staffed", yes_no),
        Column(
            "双师型等级", "dual_level", choice(Teacher.DualLevel.choices[1:]), note="初级、中级、高级；不是双师型留空"
        ),
        Column("双师型认定日期", "dual_date", date),
        Column("认定机构", "dual_body", text(100)),
        Column("联系电话", "phone", text(20)),
    ),
)
PRACTICE = SheetSpec(
    "企业实践",
    (
        Column("教师身份证号", "teacher", id_number, required=True),
        Column("实践企业", "enterprise", text(200), required=True),
        Column("开始日期", "start", date, required=True),
        Column("结束日期", "end", date, required=True),
        Column("实践天数", "days", integer(1, 3660), note="留空按起止日期计算"),
    ),
    required=False,
)


@dataclass
class TeacherPlan:
    teachers: list[Teacher] = field(default_factory=list)
    episodes: list[tuple[str, PracticeEpisode]] = field(default_factory=list)


class TeacherRegistry(Registry):
    code = "teachers"
    label = "教师名册"
    model = Teacher
    sheets = (TEACHERS, PRACTICE)
    search_fields = ("name", "id_number", "title")
    personal_fields = ("id_number", "phone")
    list_columns = (
        ListColumn("学校", lambda t: t.school.display_name),
        ListColumn("姓名", "name"),
        ListColumn("身份证号", "id_number", masked=True),
        ListColumn("任职类型", lambda t: t.get_employment_display()),
        ListColumn("教师类别", lambda t: t.get_role_display()),
        ListColumn("职称", "title"),
        ListColumn("双师型", lambda t: t.get_dual_level_display() if t.dual_level else "—"),
    )

    def check(self, rows: dict[str, list[Row]], context: ImportContext, result: ImportResult) -> TeacherPlan:
        plan = TeacherPlan()
        seen: dict[str, int] = {}
        for row in rows[TEACHERS.name]:
            values = row.values
            school = self.unit(row, TEACHERS, "school", context, result)
            number = values["id_number"]
            if number in seen:
                result.add_error(row_error(row, TEACHERS, "id_number", f"与第 {seen[number]} 行重复"))
                continue
            if number:
                seen[number] = row.number
            if values["dual_level"] and not values["dual_date"]:
                result.add_error(row_error(row, TEACHERS, "dual_date", "双师型教师须填写认定日期"))
            if school is None or not number or not result.ok:
                continue
            plan.teachers.append(
                Teacher(
                    school=school,
                    name=values["name"],
                    id_number=number,
                    gender=gender_of(number),
                    birth_date=birth_date_of(number),
                    employment=values["employment"],
                    role=values["role"],
                    title=values["title"] or "",
                    title_level=values["title_level"] or "",
                    staffed=bool(values["staffed"]),
                    dual_level=values["dual_level"] or "",
                    dual_date=values["dual_date"],
                    dual_body=values["dual_body"] or "",
                    phone=values["phone"] or "",
                )
            )
        known = set(seen) | set(
            Teacher.objects.filter(school__in=set(context.units.values())).values_list("id_number", flat=True)
        )
        episodes: set[tuple[str, dt.date, str]] = set()
        for row in rows[PRACTICE.name]:
            values = row.values
            if values["teacher"] and values["teacher"] not in known:
                result.add_error(row_error(row, PRACTICE, "teacher", "教师名册中没有此身份证号"))
            start, end = values["start"], values["end"]
            if start and end and end < start:
                result.add_error(row_error(row, PRACTICE, "end", f"结束日期早于开始日期 {start}"))
            key = (values["teacher"], start, values["enterprise"])
            if key in episodes:
                result.add_error(row_error(row, PRACTICE, "start", "与本表另一行重复（同一教师、开始日期、企业）"))
            episodes.add(key)
            if not result.ok or not (start and end and values["teacher"]):
                continue
            days = values["days"] or (end - start).days + 1
            if days > (end - start).days + 1:
                result.add_error(row_error(row, PRACTICE, "days", f"超过起止日期之间的 {(end - start).days + 1} 天"))
                continue
            episode = PracticeEpisode(enterprise=values["enterprise"], start=start, end=end, days=days)
            plan.episodes.append((values["teacher"], episode))
        return plan

    def write(self, plan: TeacherPlan, context: ImportContext, result: ImportResult) -> None:
        numbers = [t.id_number for t in plan.teachers]
        existing = {(t.id_number,): t for t in Teacher.objects.filter(id_number__in=numbers)}
        fields = [
            "school", "name", "gender", "birth_date", "employment", "role", "title", "title_level",
            "staffed", "dual_level", "dual_date", "dual_body", "phone",
        ]  # fmt: skip
        upsert(Teacher, lambda t: (t.id_number,), plan.teachers, existing, fields, result, context.user)
        wanted = {number for number, _ in plan.episodes}
        teachers = {t.id_number: t for t in Teacher.objects.filter(id_number__in=wanted)}
        for number, episode in plan.episodes:
            episode.teacher = teachers[number]
        stored = {
            (e.teacher_id, e.start, e.enterprise): e
            for e in PracticeEpisode.objects.filter(teacher__in=teachers.values())
        }
        upsert(
            PracticeEpisode,
            lambda e: (e.teacher_id, e.start, e.enterprise),
            [episode for _, episode in plan.episodes],
            stored,
            ["end", "days"],
            result,
            context.user,
        )

    def units_of(self, plan: Any) -> set[int]:
        return {t.school_id for t in plan.teachers} | {e.teacher.school_id for _, e in plan.episodes if e.teacher_id}

    def detail(self, record: Any) -> dict[str, Any]:
        as_of = timezone.localdate()
        rows = [(e.start, e.end, e.days) for e in record.practice.all()]
        return {
            "related": [("企业实践", record.practice.all(), ["enterprise", "start", "end", "days"])],
            "facts": [
                ("近五年企业实践天数", f"{practice_days(rows, as_of)} 天（要求 {PRACTICE_REQUIRED_DAYS} 天）"),
            ],
        }
