"""个人信息: 身份证号 and phone masked everywhere but on the record's own school's detail page; logged."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from tests.conftest import County
from tests.registries.helpers import person
from vetplan.registries.identity import mask_id
from vetplan.registries.models import PersonalDataAccess, Teacher


def a_teacher(county: County) -> Teacher:
    return Teacher.objects.create(
        school=county.school,
        name="王老师",
        id_number=person(7, "19800101"),
        gender="M",
        birth_date="1980-01-01",
        employment=Teacher.Employment.FULL_TIME,
        role=Teacher.Role.SPECIALISED,
        phone="13812345678",
    )


def test_a_department_user_sees_the_identity_number_masked(county: County, client_as: Any) -> None:
    teacher = a_teacher(county)
    client = client_as(county.users["department_reporter"])
    page = client.get(f"/registries/teachers/{teacher.pk}/").content.decode()
    assert mask_id(teacher.id_number) in page and teacher.id_number not in page
    assert "138****5678" in page and "13812345678" not in page
    assert "个人信息已隐藏" in page
    assert not PersonalDataAccess.objects.exists()
    listing = client.get("/registries/teachers/").content.decode()
    assert teacher.id_number not in listing


def test_the_records_school_sees_it_unmasked_on_the_detail_page_and_the_view_is_logged(
    county: County, client_as: Any
) -> None:
    teacher = a_teacher(county)
    user = county.users["school_reporter"]
    client = client_as(user)
    assert teacher.id_number not in client.get("/registries/teachers/").content.decode()  # the list stays masked
    page = client.get(f"/registries/teachers/{teacher.pk}/").content.decode()
    assert teacher.id_number in page and "13812345678" in page and "本次查看已记录" in page
    log = PersonalDataAccess.objects.get()
    assert (log.user, log.registry, log.object_id, log.purpose) == (user, "teachers", teacher.pk, "detail")


def test_exports_mask_unless_the_records_are_the_users_own(county: County, client_as: Any) -> None:
    teacher = a_teacher(county)

    def exported(persona: str) -> list[Any]:
        content = client_as(county.users[persona]).get("/registries/teachers/export.xlsx").content
        sheet = load_workbook(io.BytesIO(content)).active
        return [cell.value for row in sheet.iter_rows(min_row=2) for cell in row]

    assert mask_id(teacher.id_number) in exported("supervisor")
    assert teacher.id_number in exported("school_reporter")
    assert PersonalDataAccess.objects.filter(purpose="export", records=1).count() == 1


def test_a_school_exports_a_persons_record_on_request_and_it_is_logged(county: County, client_as: Any) -> None:
    teacher = a_teacher(county)
    response = client_as(county.users["school_reporter"]).post(f"/registries/teachers/{teacher.pk}/person-export/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert teacher.id_number in [cell.value for row in sheet.iter_rows() for cell in row]
    assert PersonalDataAccess.objects.get().purpose == "person_export"
    refused = client_as(county.users["outsider"]).post(f"/registries/teachers/{teacher.pk}/person-export/")
    assert refused.status_code == 404
