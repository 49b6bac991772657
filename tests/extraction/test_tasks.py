from __future__ import annotations

from vetplan.extraction import extract_text
from vetplan.extraction.document import Task


def tasks(text: str) -> list[Task]:
    return extract_text(text).tasks


def test_it_reads_inline_responsible_units_with_the_item_number() -> None:
    found = tasks("9.实施教师队伍建设计划。推进校企共建培训基地。(责任单位:县委编办、县教育局、县人社局)\n")
    assert [(t.seq, t.responsible_units) for t in found] == [("9", ["县委编办", "县教育局", "县人社局"])]
    assert found[0].text == "实施教师队伍建设计划。推进校企共建培训基地。"


def test_it_labels_an_item_without_digits_with_its_heading() -> None:
    text = "五、保障机制\n（二）强化督导评估。建立督导评估制度。（责任单位：县教育局、县人社局）\n"
    assert [t.seq for t in tasks(text)] == ["五(二)"]


def test_it_splits_inline_lead_and_responsible_units() -> None:
    found = tasks("1.建设实训基地。（牵头单位：县教育局；责任单位：县财政局、县人社局）\n")
    assert (found[0].lead_units, found[0].responsible_units) == (["县教育局"], ["县财政局", "县人社局"])


def test_it_reads_lead_and_partner_units_on_the_next_line() -> None:
    found = tasks("1.改善办学条件。新建实训楼。\n牵头单位：县教育局；配合单位：县财政局\n")
    assert (found[0].seq, found[0].lead_units, found[0].responsible_units) == ("1", ["县教育局"], ["县财政局"])


def test_it_reads_a_tab_separated_table_with_timeline() -> None:
    text = "序号\t工作任务\t负责单位\t时间进度\n一、布局调整\t\t\t\n3\t推进布局调整。\t市教育局和各县(市、区)政府\t2018年秋季学期开学前完成\n"
    found = tasks(text)
    assert [(t.seq, t.responsible_units, t.timeline) for t in found] == [
        ("3", ["市教育局", "各县(市、区)政府"], "2018年秋季学期开学前完成")
    ]


def test_it_reads_a_table_with_one_cell_per_line_and_repeated_headers() -> None:
    text = (
        "\t序号\n\t任务内容\n\t牵头单位\n\t责任单位\n\n"
        "\t1\n\t加强实训设施建设。\n\t区教育体育局\n\t区发改局、区财政局\n\n"
        "\t序号\n\t任务内容\n\t牵头单位\n\t责任单位\n\n"
        "\t2\n\t落实技术技能人才待遇。\n\t区委组织部、区人力资源社会保障\n局\n\t\u3000\n"
    )
    found = tasks(text)
    assert [(t.seq, t.lead_units, t.responsible_units) for t in found] == [
        ("1", ["区教育体育局"], ["区发改局", "区财政局"]),
        ("2", ["区委组织部", "区人力资源社会保障局"], []),
    ]


def test_it_puts_a_single_unit_column_into_responsible_units() -> None:
    text = "序号\t工作任务\t牵头单位\n1\t建设实训基地。\t县教育局\n"
    found = tasks(text)
    assert (found[0].lead_units, found[0].responsible_units) == ([], ["县教育局"])


def test_it_invents_no_tasks_from_prose() -> None:
    assert tasks("一、重点任务\n1.建设实训基地。县教育局要加强统筹。\n") == []


def test_it_rebuilds_a_one_cell_per_line_table_with_a_leader_column() -> None:
    text = (
        "序号\n重点任务\n分管县领导\n牵头单位\n配合单位\n完成时限\n"
        "1\n扩大中职招生规模。\n王明 副县长\n县教育局\n县发改局、县人社局\n2024年9月\n"
        "2\n开展新型职业农民培训。\n县农业农村局\n县人社局\n持续推进\n"
    )
    assert [(t.seq, t.lead_units, t.responsible_units, t.timeline) for t in tasks(text)] == [
        ("1", ["县教育局"], ["县发改局", "县人社局"], "2024年9月"),
        ("2", ["县农业农村局"], ["县人社局"], "持续推进"),
    ]


def test_it_joins_a_unit_name_broken_early_in_a_one_cell_per_line_table() -> None:
    text = "序号\n工作任务\n牵头单位\n责任单位\n1\n新建实训楼。\n县教育局\n县财政局、县自\n然资源局\n"
    assert [(t.lead_units, t.responsible_units) for t in tasks(text)] == [(["县教育局"], ["县财政局", "县自然资源局"])]
