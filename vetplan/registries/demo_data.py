"""The demo county's registries: its schools' majors, teachers and students, its enterprises and training.

Seeded, so every load is the same county (the dates follow today); sized like the county the
indicator demo describes (indicators/demo_data.py) and continuing its trends into the current year,
which the registries count: 316 teachers (双师型 just under 70% of the 专业课教师, about one in five
short of six months of enterprise practice in five years), about 5,100 students (some 3,750 在籍 in
three grades of 26 open majors, the rest last year's graduates and a few who left; 涉农 majors,
家庭困难, 脱贫户 and 监测对象 students, certificates, 岗位实习), the five enterprises (华信机械 and
绿源农业 recognised 产教融合型企业; 顺达物流 规上 this year but short of its internship posts) and
this year's training courses (tables in demo_tables.py). The enterprises' earlier rows carry the
figures the indicator demo typed for them, or nothing for the two it left out, so counting them
changes none of those years' values or their completeness.

Records are written in bulk, with their first history row except the students, their certificates
and internships (thousands of rows; their history starts with the first real change); the figures
then follow from them through `figures.refresh`, the same path an import takes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from vetplan.orgs.models import Organization, Region
from vetplan.registries import figures
from vetplan.registries.catalogue import ensure_major_catalogue
from vetplan.registries.demo_tables import (
    CERTIFICATES,
    COOPERATIONS,
    COURSES,
    DEFAULT_CERTIFICATE,
    DUAL_BODIES,
    ENTERPRISES,
    GIVEN,
    HOSTS,
    MAJORS,
    OTHER_HOSTS,
    PRACTICE_SHORT,
    STAFF,
    SURNAMES,
)
from vetplan.registries.identity import credit_with_check, with_check_digit
from vetplan.registries.models import (
    CatalogueMajor,
    Certificate,
    Cooperation,
    Enterprise,
    EnterpriseYear,
    Internship,
    MajorEnrolment,
    PracticeEpisode,
    Recognition,
    SchoolMajor,
    Student,
    Teacher,
    TrainingCourse,
)

SEED = 20261130
REGION_CODE = "990102"  # 示范县: 身份证号 and 信用代码 of its people and enterprises begin with it
REASON = "示范数据"


class People:
    """Names, 身份证号 of the county (unique, valid check digit, the gender digit right) and phones."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def name(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))

    def id_number(self, born: dt.date, gender: str) -> str:
        while True:  # the third sequence digit is odd for a man, even for a woman
            sequence = self.rng.randrange(500) * 2 + (1 if gender == "M" else 0)
            number = with_check_digit(f"{REGION_CODE}{born:%Y%m%d}{sequence:03d}")
            if number not in self.used:
                self.used.add(number)
                return number

    def phone(self) -> str:
        return f"1{self.rng.choice('3589')}{self.rng.randrange(10**9):09d}"

    def born(self, year: int) -> dt.date:
        return dt.date(year, 1, 1) + dt.timedelta(days=self.rng.randrange(365))


def load_demo_registries(region: Region, today: dt.date) -> None:
    """Write the demo county's registries and the figures that follow from them."""
    rng = random.Random(SEED)  # noqa: S311 (seeded demo data, not a secret)
    people = People(rng)
    units = {o.display_name: o for o in Organization.objects.filter(region__path__startswith=region.path)}
    schools = {name: units[name] for name in MAJORS if name in units}
    enterprises = _enterprises(region, units, today.year)
    majors = _majors(schools)
    hosts = [e.name for e in enterprises.values()] + OTHER_HOSTS
    _teachers(schools, people, hosts, today)
    students = _students(schools, majors, people, today.year)
    _cooperations(enterprises, schools, majors, today.year)
    _internships(students, enterprises, rng, today.year)
    _courses(units, rng, today.year)
    school_ids = [s.pk for s in schools.values()]
    for registry in ("majors", "teachers", "students"):
        figures.refresh(registry, school_ids)
    figures.refresh("enterprises", [e.organization_id for e in enterprises.values()])
    figures.refresh("trainings", [units[name].pk for name in COURSES if name in units])


def _enterprises(region: Region, units: dict[str, Organization], year: int) -> dict[str, Enterprise]:
    records, years, recognitions = {}, [], []
    for name, (serial, industry, *_) in ENTERPRISES.items():
        org = units.get(name)
        if org is None:
            continue
        code = credit_with_check(f"91{REGION_CODE}MA{serial}")
        records[name] = Enterprise(
            organization=org, credit_code=code, name=org.name, industry_code=industry, region=region
        )
    bulk_create_with_history(list(records.values()), Enterprise, default_change_reason=REASON)
    records = {org_name: Enterprise.objects.get(credit_code=record.credit_code) for org_name, record in records.items()}
    for name, record in records.items():
        _, _, figures_by_year, recognition = ENTERPRISES[name]
        for when, (staff, above_scale, posts) in figures_by_year.items():
            if when and when >= year:
                continue
            years.append(
                EnterpriseYear(
                    enterprise=record, year=when or year, staff=staff, above_scale=above_scale, posts_offered=posts
                )
            )
        if recognition:
            level, on, body = recognition
            recognitions.append(Recognition(enterprise=record, level=level, recognised_on=on, body=body))
    bulk_create_with_history(years, EnterpriseYear, default_change_reason=REASON)
    bulk_create_with_history(recognitions, Recognition, default_change_reason=REASON)
    return records


def _majors(schools: dict[str, Organization]) -> dict[tuple[str, str], SchoolMajor]:
    ensure_major_catalogue()  # loaded by migration, but gone after a test database is flushed
    catalogue = {m.code: m for m in CatalogueMajor.objects.filter(edition=2021)}
    rows = [
        SchoolMajor(
            school=schools[name], major=catalogue[code], opened_year=opened, closed_year=closed, industry=industry
        )
        for name, majors in MAJORS.items()
        if name in schools
        for code, opened, closed, industry, _ in majors
    ]
    bulk_create_with_history(rows, SchoolMajor, default_change_reason=REASON)
    return {
        (m.school.display_name, m.major.code): m
        for m in SchoolMajor.objects.filter(school__in=schools.values()).select_related("school", "major")
    }


def _teachers(schools: dict[str, Organization], people: People, hosts: Sequence[str], today: dt.date) -> None:
    rng = people.rng
    teachers: list[Teacher] = []
    for name, school in schools.items():
        specialised, practical, general, part_time, external, dual, _ = STAFF[name]
        kinds = (
            [(Teacher.Employment.FULL_TIME, Teacher.Role.SPECIALISED)] * specialised
            + [(Teacher.Employment.FULL_TIME, Teacher.Role.PRACTICAL)] * practical
            + [(Teacher.Employment.FULL_TIME, Teacher.Role.GENERAL)] * general
            + [(Teacher.Employment.PART_TIME, Teacher.Role.SPECIALISED)] * (part_time - 3)
            + [(Teacher.Employment.PART_TIME, Teacher.Role.PRACTICAL)] * 3
            + [(Teacher.Employment.EXTERNAL, Teacher.Role.SPECIALISED)] * external
        )
        dual_ones = set(rng.sample(range(specialised + practical), dual))  # among the 专业课 专任教师
        for n, (employment, role) in enumerate(kinds):
            gender = rng.choice("MF")
            born = people.born(rng.randrange(today.year - 58, today.year - 24))
            full_time = employment == Teacher.Employment.FULL_TIME
            level, title = _title(rng, today.year - born.year) if full_time else ("", "")
            teacher = Teacher(
                school=school, name=people.name(), id_number=people.id_number(born, gender), gender=gender,
                birth_date=born, employment=employment, role=role, title=title, title_level=level,
                staffed=full_time and rng.random() < 0.92, phone=people.phone(),
            )  # fmt: skip
            if n in dual_ones:
                teacher.dual_level = rng.choices(
                    [Teacher.DualLevel.JUNIOR, Teacher.DualLevel.INTERMEDIATE, Teacher.DualLevel.SENIOR], [3, 5, 2]
                )[0]
                teacher.dual_date = dt.date(rng.randrange(2019, today.year), rng.choice((6, 12)), 20)
                teacher.dual_body = DUAL_BODIES[teacher.dual_level]
            teachers.append(teacher)
    episodes: list[PracticeEpisode] = []
    for teacher in bulk_create_with_history(teachers, Teacher, default_change_reason=REASON):
        if not teacher.teaches_specialised:
            continue
        days = rng.randrange(20, 170) if rng.random() < PRACTICE_SHORT else rng.randrange(190, 320)
        episodes += _episodes(teacher, days, rng, hosts, today)
    bulk_create_with_history(episodes, PracticeEpisode, default_change_reason=REASON)


def _title(rng: random.Random, age: int) -> tuple[str, str]:
    if age < 30:
        return Teacher.TitleLevel.JUNIOR, "助理讲师"
    if age < 40:
        return rng.choice([(Teacher.TitleLevel.JUNIOR, "助理讲师"), (Teacher.TitleLevel.INTERMEDIATE, "讲师")])
    if age < 50:
        return rng.choice([(Teacher.TitleLevel.INTERMEDIATE, "讲师"), (Teacher.TitleLevel.DEPUTY_SENIOR, "高级讲师")])
    return rng.choice([(Teacher.TitleLevel.DEPUTY_SENIOR, "高级讲师"), (Teacher.TitleLevel.SENIOR, "正高级讲师")])


def _episodes(
    teacher: Teacher, days: int, rng: random.Random, hosts: Sequence[str], today: dt.date
) -> list[PracticeEpisode]:
    """Stays of about `days` in all, one per slice of the five years to today; one in five teachers also
    has an older stay that straddles the window's start, so only part of it counts."""
    out = []
    if rng.random() < 0.2:
        start = today - dt.timedelta(days=5 * 365 + rng.randrange(30, 90))
        out.append((start, start + dt.timedelta(days=rng.randrange(60, 150))))
    pieces = rng.choice((1, 2, 2, 3))
    first, last = today - dt.timedelta(days=5 * 365 - 60), today - dt.timedelta(days=14)
    width = (last - first).days // pieces
    for piece in range(pieces):
        length = max(7, days // pieces)
        start = first + dt.timedelta(days=piece * width + rng.randrange(max(1, width - length)))
        out.append((start, start + dt.timedelta(days=length - 1)))
    return [
        PracticeEpisode(
            teacher=teacher, enterprise=rng.choice(hosts), start=start, end=end, days=(end - start).days + 1
        )
        for start, end in out
    ]


def _students(
    schools: dict[str, Organization], majors: dict[tuple[str, str], SchoolMajor], people: People, year: int
) -> list[Student]:
    """Three grades in 在籍 (a few transferred or withdrawn) and last year's graduates, by the majors' shares."""
    rng = people.rng
    students, certificates = [], []
    for s, (name, school) in enumerate(schools.items()):
        offered = [(majors[(name, code)], share) for code, _, closed, _, share in MAJORS[name] if share]
        per_grade = STAFF[name][6]
        for entered in range(year - 3, year + 1):
            for n in range(per_grade if entered > year - 3 else round(per_grade * 0.93)):
                major = rng.choices([m for m, _ in offered], [w for _, w in offered])[0]
                gender = rng.choice("MF")
                poverty = rng.choices(["", Student.Poverty.LIFTED, Student.Poverty.MONITORED], [935, 50, 15])[0]
                if entered == year - 3:
                    status = Student.Status.GRADUATED
                else:
                    status = rng.choices(
                        [Student.Status.ENROLLED, Student.Status.TRANSFERRED, Student.Status.WITHDRAWN], [97, 1.5, 1.5]
                    )[0]
                students.append(
                    Student(
                        school=school,
                        school_major=major,
                        student_number=f"99{s + 1:02d}{entered}{n + 1:05d}",
                        id_number=people.id_number(people.born(entered - 15), gender),
                        name=people.name(),
                        gender=gender,
                        grade=min(3, year - entered + 1),
                        enrolment_year=entered,
                        status=status,
                        family_difficulty=bool(poverty) or rng.random() < 0.1,
                        poverty=poverty,
                        phone=people.phone() if rng.random() < 0.7 else "",
                    )  # fmt: skip
                )
    # Without a first history row (a student's history starts with the first real change): for 5,000
    # students and what hangs off them it would double the demo's load time. The database returns the
    # new keys (PostgreSQL, SQLite ≥ 3.35), so the students need not be read back.
    stored = Student.objects.bulk_create(students, batch_size=1000)
    for student in stored:
        final = student.enrolment_year <= year - 2
        if final and student.status != Student.Status.TRANSFERRED and rng.random() < 0.55:
            kind, title, level, issuer = CERTIFICATES.get(
                student.school_major.major.category if student.school_major else "", DEFAULT_CERTIFICATE
            )
            issued = dt.date(student.enrolment_year + 2, 6, rng.randrange(10, 28))
            certificates.append(
                Certificate(student=student, kind=kind, name=title, level=level, issuer=issuer, issued_on=issued)
            )
    Certificate.objects.bulk_create(certificates, batch_size=1000)
    _enrolments(stored, year)
    return stored


def _enrolments(students: list[Student], year: int) -> None:
    """专业年度招生: each major's intake and 在校生 for the last three years, counted from the students."""
    intake = Counter((s.school_major_id, s.enrolment_year) for s in students)
    enrolled: Counter[tuple[int | None, int]] = Counter()
    for s in students:
        for y in range(s.enrolment_year, s.enrolment_year + 3):
            if y < year or s.status == Student.Status.ENROLLED:
                enrolled[(s.school_major_id, y)] += 1
    MajorEnrolment.objects.bulk_create(
        MajorEnrolment(school_major_id=major, year=y, intake=intake[(major, y)], enrolled=enrolled[(major, y)])
        for major in {s.school_major_id for s in students}
        if major is not None
        for y in range(year - 2, year + 1)
    )


def _cooperations(
    enterprises: dict[str, Enterprise],
    schools: dict[str, Organization],
    majors: dict[tuple[str, str], SchoolMajor],
    year: int,
) -> None:
    rows = [
        Cooperation(
            enterprise=enterprises[firm],
            school=schools[school],
            major=majors[(school, code)].major,
            kind=kind,
            year=when,
            headcount=headcount - 4 * (year - when),
        )  # fmt: skip
        for firm, school, code, kind, headcount in COOPERATIONS
        if firm in enterprises and school in schools
        for when in (year - 1, year)
    ]
    bulk_create_with_history(rows, Cooperation, default_change_reason=REASON)


def _internships(
    students: list[Student], enterprises: dict[str, Enterprise], rng: random.Random, year: int
) -> list[Internship]:
    """岗位实习 in the final year: this year's third grade from September, last year's from the September before;
    the local enterprises fill at most the posts they offered that year, the rest go to employers in the city."""
    offered = {
        (e.enterprise_id, e.year): e.posts_offered
        for e in EnterpriseYear.objects.filter(enterprise__in=enterprises.values())
    }
    filled: Counter[tuple[int, int]] = Counter()
    rows = []
    for student in students:
        if student.enrolment_year > year - 2 or student.status in (
            Student.Status.TRANSFERRED,
            Student.Status.WITHDRAWN,
        ):
            continue
        if rng.random() > 0.6:
            continue
        start_year = student.enrolment_year + 2
        category = student.school_major.major.category if student.school_major else ""
        host = enterprises.get(HOSTS.get(category, ""))
        if host is not None and filled[(host.pk, start_year)] < offered.get((host.pk, start_year), 0) - 1:
            filled[(host.pk, start_year)] += 1
            enterprise, name = host, host.name
        else:
            enterprise, name = None, rng.choice(OTHER_HOSTS)
        start = dt.date(start_year, 9, rng.choice((1, 8, 15)))
        rows.append(
            Internship(
                student=student,
                enterprise=enterprise,
                enterprise_name=name,
                post=rng.choice(("操作工", "技术员助理", "客服专员", "运营助理", "质检员", "护理员")),
                start=start,
                end=dt.date(start_year + 1, 1, 20),
                agreement=rng.random() < 0.97,
                insurance=rng.random() < 0.94,
                monthly_pay=Decimal(rng.randrange(18, 33) * 100),
            )  # fmt: skip
        )
    return Internship.objects.bulk_create(rows, batch_size=1000)


def _courses(units: dict[str, Organization], rng: random.Random, year: int) -> None:
    rows = []
    for provider_name, (kind, courses) in COURSES.items():
        provider = units.get(provider_name)
        if provider is None:
            continue
        n = 0
        for title, size, classes in courses:
            for k in range(classes):
                n += 1
                start = dt.date(year, 1, 8) + dt.timedelta(days=k * 300 // classes + rng.randrange(20))
                trainees = size + rng.randrange(-8, 9)
                rows.append(
                    TrainingCourse(
                        provider=provider,
                        provider_kind=_commissioned_by(title) or kind,
                        code=f"{year}-{n:03d}",
                        name=f"{title}（第{k + 1}期）",
                        start=start,
                        end=start + dt.timedelta(days=rng.choice((7, 10, 15, 20, 30))),
                        trainees=trainees,
                        certificates_issued=round(trainees * rng.uniform(0.75, 0.95)),
                    )  # fmt: skip
                )
    bulk_create_with_history(rows, TrainingCourse, default_change_reason=REASON)


def _commissioned_by(title: str) -> str | None:
    """A school's course run for a department's programme counts under that department's category."""
    if "退役军人" in title:
        return TrainingCourse.ProviderKind.VETERANS
    if "农" in title and "电商" not in title:
        return TrainingCourse.ProviderKind.AGRICULTURE
    return None
