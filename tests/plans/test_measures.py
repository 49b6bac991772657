"""Units with scale and levels of education: what a target may be measured by (pure, no database)."""

from __future__ import annotations

import pytest

from vetplan.plans.measures import ALL, HIGHER, SECONDARY, convert, fit, level_of


@pytest.mark.parametrize(
    ("value", "unit", "to", "expected"),
    [
        (3.6, "万人", "人", 36000),
        (6, "万人次", "人次", 60000),
        (1.5, "亿元", "元", 150_000_000),
        (12, "千元", "元", 12000),
        (5, "‰", "%", 0.5),
        (3, "所", "个", 3),
        (2, "名", "人", 2),
        (70, "%", "%", 70),
        (1, ":1", ":1", 1),
    ],
)
def test_it_converts_within_a_unit_class(value: float, unit: str, to: str, expected: float) -> None:
    assert convert(value, unit, to) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("unit", "to"), [("万人", "人次"), ("%", "人"), ("月", "%"), (":1", "人"), ("", "%"), ("个", "元")]
)
def test_it_never_converts_between_classes(unit: str, to: str) -> None:
    assert convert(1, unit, to) is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("中等职业教育在校生规模", SECONDARY),
        ("中职毕业生就业率", SECONDARY),
        ("高等职业院校毕业生就业率", HIGHER),
        ("全日制在校大学生规模", HIGHER),
        ("职业院校在校生规模", ALL),
        ("建成标准化数字校园的中等职业学校、高等职业院校比例", ALL),
        ("“双师型”教师占专业课教师比例", ""),
        ("高中阶段教育职普比", ""),
    ],
)
def test_it_reads_the_level_a_target_names(text: str, level: str) -> None:
    assert level_of(text) == level


def test_a_target_fits_an_indicator_of_its_unit_class_and_level_only() -> None:
    ok = fit(
        value=3.6,
        value_max=None,
        unit="万人",
        text="中等职业教育在校生规模",
        indicator_unit="人",
        indicator_level=SECONDARY,
    )
    assert ok.ok and ok.value == 36000
    wrong_unit = fit(value=1, value_max=None, unit=":1", text="招生规模比", indicator_unit="人", indicator_level="")
    assert not wrong_unit.ok and "单位不一致" in wrong_unit.reason
    wrong_level = fit(
        value=12000,
        value_max=None,
        unit="元",
        text="公办高等职业院校生均财政拨款",
        indicator_unit="元",
        indicator_level=SECONDARY,
    )
    assert not wrong_level.ok and "层次不一致" in wrong_level.reason
    both = fit(
        value=5.7,
        value_max=None,
        unit="万人",
        text="职业院校在校生规模",
        indicator_unit="人",
        indicator_level=SECONDARY,
    )
    assert not both.ok  # 中职 and 高职 together are never measured on 中职 alone
