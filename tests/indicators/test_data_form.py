"""Entering one unit's data by form: reporters their own unit, supervisors any unit of the region."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from tests.conftest import County
from tests.indicators.helpers import figure
from vetplan.indicators.models import DataValue, TargetStatus
from vetplan.indicators.services import link_targets_to_indicators


def url(org: Any, year: int = 2025) -> str:
    return reverse("indicators:data_form", kwargs={"org_pk": org.pk, "year": year})


def test_it_saves_a_school_reporters_own_data_and_refreshes_the_figures(county: County, client_as: Any) -> None:
    link_targets_to_indicators([county.target])
    client = client_as(county.users["school_reporter"])
    response = client.post(url(county.school), {"teachers_specialised": "100", "teachers_dual_qualified": "72"})
    assert response.status_code == 302
    value = DataValue.objects.get(organization=county.school, element__code="teachers_dual_qualified")
    assert value.value == 72 and value.entered_by == county.users["school_reporter"] and value.source == "form"
    county_figure = figure("dual_qualified_share", 2025, region=county.region)
    assert county_figure.value == 72
    assert TargetStatus.objects.get(target=county.target).status == "achieved"


def test_the_form_shows_the_stored_values(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    client.post(url(county.school), {"teachers_specialised": "100"})
    assert 'value="100"' in client.get(url(county.school)).content.decode()


def test_it_refuses_a_reporter_writing_another_units_data(county: County, client_as: Any) -> None:
    # A department reporter sees the region's units but writes only its own.
    client = client_as(county.users["department_reporter"])
    assert client.post(url(county.school), {"teachers_specialised": "10"}).status_code == 403
    # A school reporter does not even see the other units.
    client = client_as(county.users["school_reporter"])
    assert client.post(url(county.hr), {"enrolment_general": "10"}).status_code == 404
    assert not DataValue.objects.exists()


def test_an_outsider_does_not_see_the_unit(county: County, client_as: Any) -> None:
    client = client_as(county.users["outsider"])
    assert client.get(url(county.school)).status_code == 404
    assert client.post(url(county.school), {"teachers_specialised": "1"}).status_code == 404


def test_a_supervisor_writes_any_unit_of_the_region(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    assert client.post(url(county.school), {"teachers_specialised": "50"}).status_code == 302
    assert DataValue.objects.filter(organization=county.school).count() == 1


def test_it_checks_rules_between_elements_and_saves_nothing(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    response = client.post(url(county.school), {"teachers_specialised": "50", "teachers_dual_qualified": "60"})
    assert response.status_code == 200
    assert "双师型教师数（60）不能大于专业课教师数（50）" in response.content.decode()
    assert not DataValue.objects.exists()


def test_it_refuses_fractions_of_people(county: County, client_as: Any) -> None:
    client = client_as(county.users["school_reporter"])
    response = client.post(url(county.school), {"teachers_specialised": "50.5"})
    assert response.status_code == 200 and not DataValue.objects.exists()
