"""Units named on labelled lines and in brackets after a numbered item."""

from __future__ import annotations

import pytest

from vetplan.extraction import extract_text


def units(text: str) -> list[tuple[str | None, list[str], list[str]]]:
    return [(task.seq, task.lead_units, task.responsible_units) for task in extract_text(text).tasks]


def test_it_reads_an_ascii_colon_lead_line_and_the_responsible_line_after_it() -> None:
    text = "二、重点任务\n1.加强实训基地建设。新建实训楼。\n\n牵头单位:区发改局\n\n责任单位：区财政局、区教育局\n"
    assert units(text) == [("1", ["区发改局"], ["区财政局", "区教育局"])]


@pytest.mark.parametrize(
    ("lead_label", "other_label"),
    [
        ("牵头单位：", "责任单位："),
        ("牵头单位:", "配合单位:"),
        ("牵头单位 ", "协办单位 "),
        ("牵头责任单位：", "参与单位："),
        ("主要责任单位：", "负责单位："),
        ("牵头部门：", "配合部门："),
    ],
)
def test_it_reads_every_label_on_lines_of_their_own(lead_label: str, other_label: str) -> None:
    text = f"1.扩大招生规模。\n{lead_label}县教育局\n{other_label}县财政局、县人社局\n2.改善办学条件。\n"
    assert units(text) == [("1", ["县教育局"], ["县财政局", "县人社局"])]


def test_it_keeps_a_lone_responsible_list_as_responsible_units() -> None:
    assert units("1.扩大招生规模。\n负责单位：县教育局、县财政局\n") == [("1", [], ["县教育局", "县财政局"])]


def test_it_reads_a_lone_lead_line_as_the_lead() -> None:
    assert units("1.扩大招生规模。\n牵头单位：县教育局\n") == [("1", ["县教育局"], [])]


def test_it_continues_a_label_broken_after_an_enumeration_comma() -> None:
    text = "3.开展职业培训。\n牵头单位：县人社局\n配合单位：县教育局、\n县农业农村局\n4.加强督导。\n"
    assert units(text) == [("3", ["县人社局"], ["县教育局", "县农业农村局"])]


def test_it_ends_the_item_at_a_paragraph_after_its_units() -> None:
    text = "1.扩大招生规模。\n牵头单位：县教育局\n各部门要加强协作，形成合力。\n"
    assert units(text) == [("1", ["县教育局"], [])]


def test_it_reads_two_bracketed_labels_in_a_row() -> None:
    text = "5.开展技能培训。（牵头单位：县人社局）（参与单位：县教育局、县总工会）\n"
    assert units(text) == [("5", ["县人社局"], ["县教育局", "县总工会"])]


def test_it_reads_an_inline_lead_by_its_verb() -> None:
    text = "4.深化产教融合，培育产教融合型企业（县发改局牵头，县教育局、县工信局配合）。\n"
    assert units(text) == [("4", ["县发改局"], ["县教育局", "县工信局"])]


def test_it_reads_a_lead_marked_after_a_unit() -> None:
    text = "6.落实教师待遇。（责任单位：县人社局（牵头）、县教育局、县财政局）\n"
    assert units(text) == [("6", ["县人社局"], ["县教育局", "县财政局"])]


def test_it_keeps_the_leader_out_of_the_units() -> None:
    text = "7.落实技术技能人才待遇。\n主要责任单位：县委组织部；分管领导：张三副县长；配合单位：县人社局\n"
    assert units(text) == [("7", ["县委组织部"], ["县人社局"])]


def test_it_does_not_read_a_bracket_of_prose_as_units() -> None:
    assert units("1.完善制度（由县政府统筹，各方参与）。\n") == []


@pytest.mark.parametrize("lead_label", ["牵头单位", "牵头责任单位", "主要责任单位", "主责部门"])
def test_it_reads_labels_that_follow_the_wording_in_the_same_paragraph(lead_label: str) -> None:
    text = f"1.建设实训基地。{lead_label}：县教育局；配合单位：县财政局\n"
    assert units(text) == [("1", ["县教育局"], ["县财政局"])]
