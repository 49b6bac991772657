from __future__ import annotations

from vetplan.extraction.units import split_units


def test_it_splits_on_enumeration_commas_and_commas() -> None:
    assert split_units("区教体局、区人社局，一职高") == ["区教体局", "区人社局", "一职高"]


def test_it_drops_etcetera_and_what_follows() -> None:
    assert split_units("区科工局等区直有关部门、税务局等") == ["区科工局", "税务局"]


def test_it_drops_the_duty_note() -> None:
    assert split_units("区教体局（按职责分工负责）") == ["区教体局"]


def test_it_joins_a_name_broken_over_lines() -> None:
    assert split_units("区委组织部、区人力资源社会保障\n局") == ["区委组织部", "区人力资源社会保障局"]


def test_it_splits_he_between_units_but_not_inside_a_name() -> None:
    units = split_units("区工业和信息化局、市发展改革委和各县(市、区)政府及相关部门")
    assert units == ["区工业和信息化局", "市发展改革委", "各县(市、区)政府", "相关部门"]


def test_it_keeps_brackets_inside_a_name() -> None:
    assert split_units("市农业局(市畜牧局)、市政府办公室(市政府外侨办)") == [
        "市农业局(市畜牧局)",
        "市政府办公室(市政府外侨办)",
    ]


def test_it_returns_nothing_for_an_empty_cell() -> None:
    assert split_units("　") == []
    assert split_units(None) == []


def test_it_drops_people_written_with_their_title() -> None:
    assert split_units("张三 副县长、县教育局") == ["县教育局"]
    assert split_units("副县长李四、县财政局") == ["县财政局"]
    assert split_units("王五（副区长）") == []


def test_it_drops_a_label_left_in_the_cell() -> None:
    assert split_units("配合单位 县财政局") == ["县财政局"]
