"""An element created after the totals table (a catalogue grown by an update) gets its columns on its first save."""

from __future__ import annotations

from tests.conftest import County
from tests.indicators.helpers import figure, save
from vetplan.indicators.models import DataElement, Indicator
from vetplan.indicators.totals import element_columns


def test_a_new_element_used_by_an_indicator_is_summed_from_its_first_save(county: County) -> None:
    element = DataElement.objects.create(code="test_new_bases", name="测试新数据项", dataset="school")
    Indicator.objects.create(code="test_new_bases_total", name="实训基地总数", numerator="test_new_bases", unit="个")
    assert element.pk not in element_columns()
    admin = county.users["county_admin"]
    save(admin, county.school, 2025, test_new_bases=3)
    save(admin, county.education, 2025, test_new_bases=2)
    assert element.pk in element_columns()
    assert figure("test_new_bases_total", 2025, region=county.region).value == 5
    assert figure("test_new_bases_total", 2025, organization=county.school).value == 3
