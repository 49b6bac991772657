"""Where printed Chinese text breaks into lines: never inside a number, 避头尾 kept. Pure, no database."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vetplan.reports.line_breaks import NO_LINE_END, NO_LINE_START, units, wrap


def em(text: str) -> float:
    """A Chinese character is one em wide, a digit, a Latin letter or an ASCII mark half of one."""
    return sum(0.5 if ord(character) < 0x2E80 and character not in "—…" else 1.0 for character in text)


def test_it_breaks_a_title_before_its_bracketed_year_rather_than_inside_the_year() -> None:
    # 19 em a line: cut by character, the year went "（202" / "5年度）" (issue 14).
    lines = wrap("示范县职业技术教育中心质量年度报告（2025年度）", 19, em)
    assert lines == ["示范县职业技术教育中心质量年度报告", "（2025年度）"]


def test_numbers_dates_ranges_and_latin_words_are_one_unit() -> None:
    assert "100分，" in units("正常推进100分，存在风险")
    assert "2026-10-21" in units("落实于2026-10-21")
    assert units("计划（2024—2027年）") == ["计", "划", "（2024—2027年）"]
    assert "3.6万" in units("达3.6万人")
    assert "GB/T" in units("按 GB/T 9704 排版")


def test_a_closing_mark_never_starts_a_line_and_an_opening_mark_never_ends_one() -> None:
    lines = wrap("平均得分53.1分，县科工局排名第一。", 16, em)
    assert lines == ["平均得分53.1分，县科工局排名第", "一。"]
    for line in wrap("本年度《实施方案》（试行）“双师型”教师，占比达到百分之六十。" * 3, 7, em):
        assert line[0] not in NO_LINE_START, line
        assert line[-1] not in NO_LINE_END, line


def test_a_unit_wider_than_the_line_is_cut_between_its_atoms_then_by_character() -> None:
    # 9 em with its brackets, 7 without: the number stays whole, a bracket goes to its own line.
    assert any("12345678901234" in line for line in wrap("（12345678901234）", 8, em))
    assert wrap("编号12345678901234567890", 6, em) == ["编号12345678", "901234567890"]


def test_spaces_at_a_break_go_but_the_indent_stays() -> None:
    assert wrap("　　第一段 second line here", 5, em) == ["　　第一段", "second", "line here"]
    assert wrap("一\n二", 10, em) == ["一", "二"]


TEXT = st.text(alphabet=st.sampled_from(list("职业教育质量年度报告") + list("0123456789.-%") + list("，。（）《》、 ")))


@given(TEXT, st.integers(min_value=2, max_value=30))
def test_it_keeps_every_character_and_fits_the_width(text: str, width: int) -> None:
    lines = wrap(text, width, em)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert em(line) <= width, line


def break_offsets(text: str, lines: list[str]) -> list[int]:
    """Where in `text` each line but the last ends (spaces dropped at a break are skipped)."""
    offsets, at = [], 0
    for line in lines:
        while not text.startswith(line, at):
            at += 1
        at += len(line)
        offsets.append(at)
    return offsets[:-1]


@given(TEXT, st.integers(min_value=2, max_value=30))
def test_it_never_cuts_a_number_that_fits_on_a_line(text: str, width: int) -> None:
    breaks = break_offsets(text, wrap(text, width, em))
    for number in re.finditer(r"[0-9]+(?:[.\-][0-9]+)*", text):
        if em(number.group()) <= width:
            assert not any(number.start() < at < number.end() for at in breaks), (number.group(), breaks)
