"""Figures from records: the data elements a registry produces, computed and saved like any data.

A unit that keeps a registry (it has records in it) gets the registry's data elements for the
year computed from its records and written through the indicator engine's save path with the
source `registry`; the data form shows those fields read-only and the form, Excel and API
refuse to overwrite them, so nothing is entered twice. A unit without records keeps entering
the totals by hand.

Teachers, students and majors are the current records, counted for the current reporting
year (teachers' enterprise practice also for any year: its episodes are dated); enterprises'
yearly data and training courses are counted for every year they name.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from vetplan.indicators.models import DataElement
from vetplan.indicators.services import save_entries
from vetplan.indicators.sources import REGISTRY_SOURCE
from vetplan.indicators.validation import Entry, Location
from vetplan.orgs.models import Organization
from vetplan.policy.practice import PRACTICE_REQUIRED_DAYS, practice_days
from vetplan.registries.models import (
    Certificate,
    Enterprise,
    EnterpriseYear,
    PracticeEpisode,
    Recognition,
    SchoolMajor,
    Student,
    Teacher,
    TrainingCourse,
)

SOURCE = REGISTRY_SOURCE
ELEMENTS = {
    "teachers": (
        "teachers_full_time",
        "teachers_specialised",
        "teachers_dual_qualified",
        "teachers_practice_compliant",
        "teachers_part_time",
    ),
    "students": ("enrolment_vocational", "intake_vocational", "students_with_certificate"),
    "majors": ("majors_total", "majors_matching_industry"),
    "enterprises": ("integration_enterprises", "internship_posts", "employees_large_enterprise"),
    "trainings": ("training_person_times",),
}
REGISTRY_OF_ELEMENT = {code: registry for registry, codes in ELEMENTS.items() for code in codes}

Figures = dict[tuple[int, int], dict[str, float]]  # (unit id, year) → element code → value


def teacher_figures(school_ids: Iterable[int], year: int) -> Figures:
    ids = list(school_ids)
    end = dt.date(year, 12, 31)
    figures: Figures = {}
    specialised = Q(
        employment=Teacher.Employment.FULL_TIME, role__in=[Teacher.Role.SPECIALISED, Teacher.Role.PRACTICAL]
    )
    rows = (
        Teacher.objects.filter(school_id__in=ids)
        .values("school_id")
        .annotate(
            full_time=Count("pk", filter=Q(employment=Teacher.Employment.FULL_TIME)),
            specialised=Count("pk", filter=specialised),
            dual=Count("pk", filter=specialised & ~Q(dual_level="") & Q(dual_date__lte=end)),
            part_time=Count("pk", filter=Q(employment=Teacher.Employment.PART_TIME)),
        )
        .order_by()
    )
    for row in rows:
        figures[(row["school_id"], year)] = {
            "teachers_full_time": row["full_time"],
            "teachers_specialised": row["specialised"],
            "teachers_dual_qualified": row["dual"],
            "teachers_part_time": row["part_time"],
            "teachers_practice_compliant": 0,
        }
    episodes: dict[int, list[tuple[dt.date, dt.date, int]]] = defaultdict(list)
    school_of: dict[int, int] = {}
    for teacher_id, school_id, start, stop, days in PracticeEpisode.objects.filter(
        Q(teacher__school_id__in=ids) & Q(teacher__employment=Teacher.Employment.FULL_TIME),
        teacher__role__in=[Teacher.Role.SPECIALISED, Teacher.Role.PRACTICAL],
    ).values_list("teacher_id", "teacher__school_id", "start", "end", "days"):
        episodes[teacher_id].append((start, stop, days))
        school_of[teacher_id] = school_id
    for teacher_id, rows_of_teacher in episodes.items():
        if practice_days(rows_of_teacher, end) >= PRACTICE_REQUIRED_DAYS:
            figures[(school_of[teacher_id], year)]["teachers_practice_compliant"] += 1
    return figures


def student_figures(school_ids: Iterable[int], year: int) -> Figures:
    ids = list(school_ids)
    end = dt.date(year, 12, 31)
    enrolled = Q(status=Student.Status.ENROLLED)
    certified = Student.objects.filter(
        enrolled, pk__in=Certificate.objects.filter(issued_on__lte=end).values("student_id")
    )
    with_certificate = dict(
        certified.filter(school_id__in=ids).values_list("school_id").annotate(n=Count("pk")).order_by()
    )
    rows = (
        Student.objects.filter(school_id__in=ids)
        .values("school_id")
        .annotate(enrolled=Count("pk", filter=enrolled), intake=Count("pk", filter=Q(enrolment_year=year)))
        .order_by()
    )
    return {
        (row["school_id"], year): {
            "enrolment_vocational": row["enrolled"],
            "intake_vocational": row["intake"],
            "students_with_certificate": with_certificate.get(row["school_id"], 0),
        }
        for row in rows
    }


def major_figures(school_ids: Iterable[int], year: int) -> Figures:
    figures: Figures = {}
    for major in SchoolMajor.objects.filter(school_id__in=list(school_ids)):
        row = figures.setdefault((major.school_id, year), {"majors_total": 0, "majors_matching_industry": 0})
        if major.open_in(year):
            row["majors_total"] += 1
            row["majors_matching_industry"] += bool(major.industry)
    return figures


def enterprise_figures(enterprise_ids: Iterable[int]) -> Figures:
    ids = list(enterprise_ids)
    org_of = dict(Enterprise.objects.filter(pk__in=ids).values_list("pk", "organization_id"))
    figures: Figures = {}
    recognitions = defaultdict(list)
    for recognition in Recognition.objects.filter(enterprise_id__in=ids):
        recognitions[recognition.enterprise_id].append(recognition)
    for year in EnterpriseYear.objects.filter(enterprise_id__in=ids):
        figures[(org_of[year.enterprise_id], year.year)] = {
            "internship_posts": year.posts_offered,
            "employees_large_enterprise": year.staff if year.above_scale else 0,
            "integration_enterprises": int(any(r.valid_in(year.year) for r in recognitions[year.enterprise_id])),
        }
    for enterprise_id, rows in recognitions.items():
        for recognition in rows:
            key = (org_of[enterprise_id], recognition.recognised_on.year)
            figures.setdefault(key, {"integration_enterprises": 1})
    return figures


def training_figures(provider_ids: Iterable[int]) -> Figures:
    figures: Figures = defaultdict(dict)
    for provider_id, year, trainees in TrainingCourse.objects.filter(provider_id__in=list(provider_ids)).values_list(
        "provider_id", "start__year", "trainees"
    ):
        row = figures[(provider_id, year)]
        row["training_person_times"] = row.get("training_person_times", 0) + trainees
    return dict(figures)


def refresh(registry: str, units: Iterable[int], *, by: Any = None, year: int | None = None) -> int:
    """Compute the registry's figures for the units and save them; how many values were written."""
    unit_ids = set(units)
    if not unit_ids:
        return 0
    year = year or timezone.localdate().year
    if registry == "teachers":
        figures = teacher_figures(unit_ids, year)
    elif registry == "students":
        figures = student_figures(unit_ids, year)
    elif registry == "majors":
        figures = major_figures(unit_ids, year)
    elif registry == "enterprises":
        figures = enterprise_figures(
            Enterprise.objects.filter(organization_id__in=unit_ids).values_list("pk", flat=True)
        )
    elif registry == "trainings":
        figures = training_figures(unit_ids)
    else:
        raise ValueError(f"unknown registry {registry}")
    elements = {e.code: e for e in DataElement.objects.filter(code__in=ELEMENTS[registry])}
    orgs = Organization.objects.in_bulk({unit for unit, _ in figures})
    entries = [
        Entry(orgs[unit], figure_year, elements[code], float(value), Location(f"{registry}名册"))
        for (unit, figure_year), values in figures.items()
        for code, value in values.items()
        if code in elements and unit in orgs
    ]
    save_entries(entries, by=by, source=SOURCE)
    return len(entries)
