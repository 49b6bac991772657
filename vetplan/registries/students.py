"""学生名册: each school's students by major, their certificates and their internships.

Three sheets: 学生 (keyed by 学籍号), 证书 (a student's 1+X or 职业技能等级 certificate, keyed
by student, name and level) and 实习 (岗位实习, keyed by student and start date).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from vetplan.registries.base import ImportContext, ListColumn, Registry
from vetplan.registries.identity import gender_of
from vetplan.registries.majors import catalogue_by_code
from vetplan.registries.models import Certificate, Enterprise, Internship, SchoolMajor, Student
from vetplan.registries.pipeline import (
    Column,
    ImportResult,
    Row,
    SheetSpec,
    choice,
    date,
    decimal_number,
    id_number,
    integer,
    row_error,
    text,
    upsert,
    yes_no,
)

STUDENTS = SheetSpec(
    "学生",
    (
        Column("学校", "school", text(128), required=True),
        Column("学籍号", "number", text(30), required=True),
        Column("姓名", "name", text(50), required=True),
        Column("身份证号", "id_number", id_number, note="18位，末位校验码按 GB 11643 检查"),
        Column("性别", "gender", choice([("M", "男"), ("F", "女")]), note="填写身份证号时可留空"),
        Column("专业代码", "major", text(8), required=True, note="该校在专业名册中开设的专业"),
        Column("年级", "grade", integer(1, 6), required=True),
        Column("入学年份", "enrolled", integer(1990, 2100), required=True),
        Column("学籍状态", "status", choice(Student.Status.choices), required=True),
        Column("家庭经济困难", "difficulty", yes_no),
        Column("脱贫户/监测对象", "poverty", choice(Student.Poverty.choices[1:])),
        Column("联系电话", "phone", text(20)),
    ),
)
CERTIFICATES = SheetSpec(
    "证书",
    (
        Column("学籍号", "student", text(30), required=True),
        Column("证书类型", "kind", choice(Certificate.Kind.choices), required=True),
        Column("证书名称", "name", text(100), required=True),
        Column("等级", "level", text(20), required=True, note="1+X：初级、中级、高级；职业技能等级：五级至一级"),
        Column("发证机构", "issuer", text(100)),
        Column("发证日期", "issued_on", date, required=True),
    ),
    required=False,
)
INTERNSHIPS = SheetSpec(
    "实习",
    (
        Column("学籍号", "student", text(30), required=True),
        Column("实习单位", "enterprise", text(200), required=True),
        Column("统一社会信用代码", "credit_code", text(18), note="企业名册中的企业可填，以便关联"),
        Column("实习岗位", "post", text(100), required=True),
        Column("开始日期", "start", date, required=True),
        Column("结束日期", "end", date, required=True),
        Column("三方协议", "agreement", yes_no),
        Column("实习责任保险", "insurance", yes_no),
        Column("月报酬（元）", "pay", decimal_number),
    ),
    required=False,
)


@dataclass
class StudentPlan:
    students: list[Student] = field(default_factory=list)
    certificates: list[tuple[str, Certificate]] = field(default_factory=list)
    internships: list[tuple[str, Internship]] = field(default_factory=list)


class StudentRegistry(Registry):
    code = "students"
    label = "学生名册"
    model = Student
    sheets = (STUDENTS, CERTIFICATES, INTERNSHIPS)
    search_fields = ("name", "student_number", "id_number")
    personal_fields = ("id_number", "phone")
    list_columns = (
        ListColumn("学校", lambda s: s.school.display_name),
        ListColumn("学籍号", "student_number"),
        ListColumn("姓名", "name"),
        ListColumn("身份证号", "id_number", masked=True),
        ListColumn("专业", lambda s: s.school_major.major.name if s.school_major else "—"),
        ListColumn("年级", "grade"),
        ListColumn("学籍状态", lambda s: s.get_status_display()),
    )

    def check(self, rows: dict[str, list[Row]], context: ImportContext, result: ImportResult) -> StudentPlan:
        plan = StudentPlan()
        schools = set(context.units.values())
        majors = {
            (m.school_id, m.major.code): m
            for m in SchoolMajor.objects.filter(school__in=schools).select_related("major")
        }
        catalogue = catalogue_by_code()
        seen: dict[str, int] = {}
        for row in rows[STUDENTS.name]:
            values = row.values
            school = self.unit(row, STUDENTS, "school", context, result)
            number = values["number"]
            if number in seen:
                result.add_error(row_error(row, STUDENTS, "number", f"与第 {seen[number]} 行重复"))
                continue
            if number:
                seen[number] = row.number
            code = (values["major"] or "").rstrip("Kk")
            major = majors.get((school.pk, code)) if school else None
            if code and code not in catalogue:
                result.add_error(row_error(row, STUDENTS, "major", "专业目录中没有这个代码"))
            elif school and code and major is None:
                result.add_error(row_error(row, STUDENTS, "major", "该校没有开设这个专业（请先导入专业名册）"))
            gender = values["gender"] or (gender_of(values["id_number"]) if values["id_number"] else None)
            if gender is None and number and "id_number" not in row.invalid:
                result.add_error(row_error(row, STUDENTS, "gender", "未填身份证号时须填写性别"))
            if not (school and major and number and gender) or not result.ok:
                continue
            plan.students.append(
                Student(
                    school=school,
                    school_major=major,
                    student_number=number,
                    id_number=values["id_number"] or "",
                    name=values["name"],
                    gender=gender,
                    grade=values["grade"],
                    enrolment_year=values["enrolled"],
                    status=values["status"],
                    family_difficulty=bool(values["difficulty"]),
                    poverty=values["poverty"] or "",
                    phone=values["phone"] or "",
                )
            )
        known = set(seen) | set(Student.objects.filter(school__in=schools).values_list("student_number", flat=True))
        certificates: set[tuple[str, str, str]] = set()
        for row in rows[CERTIFICATES.name]:
            values = row.values
            if values["student"] and values["student"] not in known:
                result.add_error(row_error(row, CERTIFICATES, "student", "学生名册中没有此学籍号"))
            key = (values["student"], values["name"], values["level"])
            if key in certificates:
                result.add_error(row_error(row, CERTIFICATES, "name", "与本表另一行重复（同一学生、证书、等级）"))
            certificates.add(key)
            if result.ok and all(key):
                certificate = Certificate(
                    kind=values["kind"],
                    name=values["name"],
                    level=values["level"],
                    issuer=values["issuer"] or "",
                    issued_on=values["issued_on"],
                )
                plan.certificates.append((values["student"], certificate))
        enterprises = dict(Enterprise.objects.values_list("credit_code", "pk"))
        starts: set[tuple[str, dt.date]] = set()
        for row in rows[INTERNSHIPS.name]:
            values = row.values
            if values["student"] and values["student"] not in known:
                result.add_error(row_error(row, INTERNSHIPS, "student", "学生名册中没有此学籍号"))
            start, end = values["start"], values["end"]
            if start and end and end < start:
                result.add_error(row_error(row, INTERNSHIPS, "end", f"结束日期早于开始日期 {start}"))
            if (values["student"], start) in starts:
                result.add_error(row_error(row, INTERNSHIPS, "start", "与本表另一行重复（同一学生、开始日期）"))
            starts.add((values["student"], start))
            if result.ok and values["student"] and start and end:
                internship = Internship(
                    enterprise_id=enterprises.get((values["credit_code"] or "").upper()),
                    enterprise_name=values["enterprise"],
                    post=values["post"],
                    start=start,
                    end=end,
                    agreement=bool(values["agreement"]),
                    insurance=bool(values["insurance"]),
                    monthly_pay=values["pay"],
                )
                plan.internships.append((values["student"], internship))
        return plan

    def write(self, plan: StudentPlan, context: ImportContext, result: ImportResult) -> None:
        numbers = [s.student_number for s in plan.students]
        existing: dict[tuple[Any, ...], Any] = {}
        for start in range(0, len(numbers), 5000):
            chunk = Student.objects.filter(student_number__in=numbers[start : start + 5000])
            existing.update({(s.student_number,): s for s in chunk})
        fields = [
            "school", "school_major", "id_number", "name", "gender", "grade", "enrolment_year",
            "status", "family_difficulty", "poverty", "phone",
        ]  # fmt: skip
        upsert(Student, lambda s: (s.student_number,), plan.students, existing, fields, result, context.user)
        wanted = {n for n, _ in plan.certificates} | {n for n, _ in plan.internships}
        students = dict(Student.objects.filter(student_number__in=wanted).values_list("student_number", "pk"))
        for number, certificate in plan.certificates:
            certificate.student_id = students[number]
        stored = {
            (c.student_id, c.name, c.level): c for c in Certificate.objects.filter(student_id__in=students.values())
        }
        upsert(
            Certificate,
            lambda c: (c.student_id, c.name, c.level),
            [c for _, c in plan.certificates],
            stored,
            ["kind", "issuer", "issued_on"],
            result,
            context.user,
        )
        for number, internship in plan.internships:
            internship.student_id = students[number]
        placed = {(i.student_id, i.start): i for i in Internship.objects.filter(student_id__in=students.values())}
        upsert(
            Internship,
            lambda i: (i.student_id, i.start),
            [i for _, i in plan.internships],
            placed,
            ["enterprise", "enterprise_name", "post", "end", "agreement", "insurance", "monthly_pay"],
            result,
            context.user,
        )

    def units_of(self, plan: Any) -> set[int]:
        return {s.school_id for s in plan.students} | set(
            Student.objects.filter(pk__in=[c.student_id for _, c in plan.certificates]).values_list(
                "school_id", flat=True
            )
        )

    def detail(self, record: Any) -> dict[str, Any]:
        return {
            "related": [
                ("职业技能证书", record.certificates.all(), ["name", "level", "issuer", "issued_on"]),
                ("岗位实习", record.internships.all(), ["enterprise_name", "post", "start", "end"]),
            ],
            "facts": [("涉农专业", "是" if record.agricultural else "否")],
        }
