"""Unit pickers: a search endpoint limited to the user's scope, never a silent cut, group choices."""

from __future__ import annotations

from typing import Any

from django.http import QueryDict
from django.urls import reverse

from tests.conftest import County
from tests.factories import OrganizationFactory
from vetplan.orgs.models import Organization
from vetplan.orgs.pickers import PICKER_LIMIT, group_value
from vetplan.supervision.access import units_in_scope
from vetplan.supervision.round_forms import RoundForm


def search(client: Any, **params: str) -> str:
    response = client.get(reverse("orgs:unit_search"), {"name": "units", "multi": "1", **params})
    assert response.status_code == 200
    return str(response.content.decode())


def test_it_lists_a_small_countys_units_in_full(county: County, client_as: Any) -> None:
    html = search(client_as(county.users["supervisor"]))
    for unit in (county.government, county.education, county.hr, county.school, county.enterprise):
        assert f'value="{unit.pk}"' in html
    assert "仅列出" not in html


def test_it_never_finds_units_outside_the_users_region(county: County, client_as: Any) -> None:
    html = search(client_as(county.users["supervisor"]), picker_q="邻县")
    assert "邻县职业中专" not in html
    assert "没有匹配的单位" in html


def test_a_region_outside_the_users_scope_finds_nothing(county: County, client_as: Any) -> None:
    assert county.other_region is not None
    html = search(client_as(county.users["supervisor"]), region=str(county.other_region.pk))
    assert "没有匹配的单位" in html


def test_a_school_reporter_finds_only_its_own_unit(county: County, client_as: Any) -> None:
    html = search(client_as(county.users["school_reporter"]))
    assert f'value="{county.school.pk}"' in html
    assert f'value="{county.education.pk}"' not in html


def test_it_says_how_many_more_when_the_list_is_cut(county: County, client_as: Any) -> None:
    for n in range(PICKER_LIMIT + 10):
        OrganizationFactory(name=f"测试县职业学校{n}", type=Organization.Type.SCHOOL, region=county.region)
    html = search(client_as(county.users["supervisor"]), picker_q="职业学校")
    assert html.count('type="checkbox"') == PICKER_LIMIT
    assert f"共 {PICKER_LIMIT + 10} 个单位，仅列出前 {PICKER_LIMIT} 个" in html


def test_it_offers_the_countys_schools_as_one_choice(county: County, client_as: Any) -> None:
    html = search(client_as(county.users["supervisor"]), groups="1", picker_q="测试县")
    assert group_value(county.region, Organization.Type.SCHOOL) in html
    assert "测试县全部学校" in html


def test_a_group_choice_adds_every_school_of_the_county(county: County) -> None:
    data = QueryDict(mutable=True)
    data.update({"title": "专项督导", "year": "2025", "kind": "special", "weight_on_time": "40"})
    data.update({"weight_attainment": "40", "weight_quality": "20", "silence_penalty": "2"})
    data.setlist("units", [group_value(county.region, Organization.Type.SCHOOL), str(county.hr.pk)])
    form = RoundForm(data, units=units_in_scope(county.users["supervisor"]))
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data["units"]) == {county.school, county.hr}


def test_a_group_of_another_region_adds_nothing(county: County) -> None:
    assert county.other_region is not None
    data = QueryDict(mutable=True)
    data.update({"title": "专项督导", "year": "2025", "kind": "special", "weight_on_time": "40"})
    data.update({"weight_attainment": "40", "weight_quality": "20", "silence_penalty": "2"})
    data.setlist("units", [group_value(county.other_region, Organization.Type.SCHOOL)])
    form = RoundForm(data, units=units_in_scope(county.users["supervisor"]))
    assert not form.is_valid()
    assert "units" in form.errors


def test_the_task_filter_is_a_search_box(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    html = client.get(reverse("plans:task_list"), {"unit": county.hr.pk}).content.decode()
    assert 'class="unit-picker-search"' in html
    assert f'value="{county.hr.pk}" checked' in html
    assert '<select name="unit"' not in html
