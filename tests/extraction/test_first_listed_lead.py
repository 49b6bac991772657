"""Plans that say the first listed unit leads (排在首位的为牵头单位)."""

from __future__ import annotations

import pytest

from vetplan.extraction import extract_text

TABLE = "序号\t工作任务\t责任单位\n1\t建设实训基地。\t县教育局、县财政局、县人社局\n2\t开展技能培训。\t县人社局\n"


def leads(text: str) -> list[tuple[list[str], list[str]]]:
    return [(task.lead_units, task.responsible_units) for task in extract_text(text).tasks]


@pytest.mark.parametrize(
    "note",
    [
        "注：排在首位的为牵头单位。",
        "说明：责任单位中排名第一的为牵头单位。",
        "备注：第一个单位为牵头单位，其他为配合单位。",
        "（列第一位的为牵头单位）",
        "各项任务中排在第一位的单位牵头，其余单位按职责分工负责。",
        "牵头单位为排在首位的单位。",
    ],
)
def test_it_makes_the_first_listed_unit_the_lead_wherever_the_note_stands(note: str) -> None:
    expected = [(["县教育局"], ["县财政局", "县人社局"]), (["县人社局"], [])]
    assert leads(TABLE + note + "\n") == expected
    assert leads(note + "\n\n" + TABLE) == expected


def test_it_leaves_the_units_as_they_are_without_the_note() -> None:
    assert leads(TABLE) == [([], ["县教育局", "县财政局", "县人社局"]), ([], ["县人社局"])]


def test_it_keeps_an_explicit_lead() -> None:
    text = "注：排在首位的为牵头单位。\n1.建设实训基地。\n牵头单位：县发改局\n责任单位：县教育局、县财政局\n"
    assert leads(text) == [(["县发改局"], ["县教育局", "县财政局"])]


def test_it_reads_the_note_in_the_header_cell_and_applies_it_to_inline_items() -> None:
    text = "序号\t工作任务\t责任单位（排名第一的为牵头单位）\n1\t建设实训基地。\t县教育局、县财政局\n"
    assert leads(text) == [(["县教育局"], ["县财政局"])]
    inline = "说明：排在首位的为牵头单位。\n1.扩大招生。（责任单位：县教育局、县财政局）\n"
    assert leads(inline) == [(["县教育局"], ["县财政局"])]


def test_it_is_not_fooled_by_a_first_school_that_leads() -> None:
    text = "由县第一职业中学牵头组建职教集团。\n" + TABLE
    assert leads(text)[0] == ([], ["县教育局", "县财政局", "县人社局"])
