"""Teacher rules per school and county: the 双师型 share on both denominators, 兼职教师 against ≈20% and the
30% cap, and the 专业课教师 short of six months of enterprise practice in five years (from the registry)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from vetplan.indicators.models import DataValue
from vetplan.mechanisms import parameters
from vetplan.orgs.models import Organization
from vetplan.policy.params import ParameterTable
from vetplan.policy.practice import Episode
from vetplan.policy.teachers import (
    FULL_TIME,
    SPECIALISED,
    PartTime,
    PracticeGap,
    Share,
    Staff,
    dual_share,
    part_time,
    practice_gaps,
)
from vetplan.registries.models import PracticeEpisode, Teacher

CODES = {
    "teachers_full_time": "full_time",
    "teachers_specialised": "specialised",
    "teachers_dual_qualified": "dual",
    "teachers_part_time": "part_time",
}


@dataclass(frozen=True)
class TeacherFigures:
    name: str
    staff: Staff | None  # None: nothing reported that year
    dual_specialised: Share | None
    dual_full_time: Share | None
    part_time: PartTime | None


def _figures(name: str, values: dict[str, float], params: ParameterTable, year: int) -> TeacherFigures:
    if not values:
        return TeacherFigures(name, None, None, None, None)
    staff = Staff(**{field: int(values.get(code, 0)) for code, field in CODES.items()})
    return TeacherFigures(
        name,
        staff,
        dual_share(staff, SPECIALISED, params, year),
        dual_share(staff, FULL_TIME, params, year),
        part_time(staff, params, year),
    )


def school_figures(
    schools: list[Organization], year: int, params: ParameterTable | None = None
) -> tuple[list[tuple[Organization, TeacherFigures]], TeacherFigures]:
    """Each school's figures and the county's (sums of the schools', never an average of shares)."""
    params = params or parameters.table()
    values: dict[int, dict[str, float]] = defaultdict(dict)
    for school, code, value in DataValue.objects.filter(
        organization__in=schools, year=year, element__code__in=list(CODES)
    ).values_list("organization_id", "element__code", "value"):
        values[school][code] = value
    totals: dict[str, float] = defaultdict(float)
    for own in values.values():
        for code, value in own.items():
            totals[code] += value
    rows = [(school, _figures(school.display_name, values.get(school.pk, {}), params, year)) for school in schools]
    return rows, _figures("合计", dict(totals), params, year)


@dataclass(frozen=True)
class GapRow:
    teacher: Teacher
    gap: PracticeGap


def gaps(schools: list[Organization], as_of: dt.date, params: ParameterTable | None = None) -> list[GapRow]:
    """专业课专任教师 under six months in the five years to `as_of`, or falling under within five years."""
    params = params or parameters.table()
    teachers = {
        t.pk: t
        for t in Teacher.objects.filter(
            school__in=schools,
            employment=Teacher.Employment.FULL_TIME,
            role__in=[Teacher.Role.SPECIALISED, Teacher.Role.PRACTICAL],
        ).select_related("school")
    }
    episodes: dict[int, list[Episode]] = defaultdict(list)
    for teacher, start, end, days in PracticeEpisode.objects.filter(teacher_id__in=list(teachers)).values_list(
        "teacher_id", "start", "end", "days"
    ):
        episodes[teacher].append((start, end, days))
    found = practice_gaps([(str(pk), episodes.get(pk, [])) for pk in teachers], as_of, params)
    return [GapRow(teachers[int(gap.teacher)], gap) for gap in found]
