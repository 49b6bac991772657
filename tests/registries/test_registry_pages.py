"""Registry pages and exports: a fixed number of queries however many records; yes/no written as 是/否."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import County
from tests.registries.helpers import catalogue, person
from vetplan.registries.models import SchoolMajor, Student


def students(county: County, count: int) -> list[Student]:
    major, _ = SchoolMajor.objects.get_or_create(
        school=county.school, major=catalogue()["660301"], defaults={"opened_year": 2015}
    )
    start = Student.objects.count()
    return Student.objects.bulk_create(
        Student(
            school=county.school,
            school_major=major,
            student_number=f"S{start + n:04d}",
            name=f"学生{n}",
            id_number=person(start + n),
            gender="M",
            grade=1,
            enrolment_year=2026,
            family_difficulty=n % 2 == 0,
        )  # fmt: skip
        for n in range(count)
    )


def queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_student_export_reads_a_fixed_number_of_queries(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    students(county, 2)
    few = queries(client, "/registries/students/export.xlsx")
    students(county, 6)
    assert queries(client, "/registries/students/export.xlsx") == few
    assert queries(client, "/registries/students/") == queries(client, "/registries/students/?q=学生")


def test_the_detail_page_writes_yes_and_no(county: County, client_as: Any) -> None:
    poor, other = students(county, 2)
    client = client_as(county.users["supervisor"])
    assert "<th>家庭经济困难</th><td>是</td>" in client.get(f"/registries/students/{poor.pk}/").content.decode()
    assert "<th>家庭经济困难</th><td>否</td>" in client.get(f"/registries/students/{other.pk}/").content.decode()
