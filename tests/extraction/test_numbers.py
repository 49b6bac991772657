from __future__ import annotations

from vetplan.extraction.numbers import parse_number, parse_range


def test_it_converts_liang_to_two() -> None:
    assert parse_number("两") == 2


def test_it_converts_ten_hundred_thousand() -> None:
    assert parse_number("十") == 10
    assert parse_number("一百") == 100
    assert parse_number("三千") == 3000


def test_it_converts_mixed_wan() -> None:
    assert parse_number("1.5万") == 15000
    assert parse_number("两万") == 20000


def test_it_keeps_decimals_and_whole_numbers_apart() -> None:
    assert parse_number("5.7") == 5.7
    assert isinstance(parse_number("2.0"), int)


def test_it_rejects_words_that_are_not_numbers() -> None:
    assert parse_number("职业") is None
    assert parse_number("") is None


def test_it_reads_ranges_with_any_dash() -> None:
    assert parse_range("1—2个") == (1, 2, "个")
    assert parse_range("10—20%") == (10, 20, "%")
    assert parse_range("2-3所") == (2, 3, "所")
