"""URL kwargs and payloads for the registry views in tests/core/test_permission_matrix.py.

Every signed-in persona may use the registry pages for the records of the units it sees and
imports for: a teacher of the county's school for most, the county's 人社局 training course for
the department reporter, the enterprise's own record for the enterprise reporter. Only a
school exports a person's record on request (its own teacher here).
"""

from __future__ import annotations

from typing import Any

from tests.conftest import County
from tests.registries.helpers import company, person
from vetplan.registries.models import Enterprise, Teacher, TrainingCourse

WRITE_VIEWS = {"registries:person_export"}


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, Any]:
    if persona == "enterprise_reporter" and view_name != "registries:person_export":
        record = Enterprise.objects.create(
            organization=county.enterprise, credit_code=company(1), name=county.enterprise.name, region=county.region
        )
        return {"code": "enterprises", "pk": record.pk}
    if persona == "department_reporter" and view_name != "registries:person_export":
        course = TrainingCourse.objects.create(
            provider=county.hr, provider_kind="hr", code="2026-01", name="电工培训", start="2026-03-01",
            end="2026-03-10", trainees=40,
        )  # fmt: skip
        return {"code": "trainings", "pk": course.pk}
    teacher = Teacher.objects.create(
        school=county.school,
        name="王老师",
        id_number=person(7, "19800101"),
        gender="M",
        birth_date="1980-01-01",
        employment=Teacher.Employment.FULL_TIME,
        role=Teacher.Role.SPECIALISED,
    )
    return {"code": "teachers", "pk": teacher.pk}


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    return {}
