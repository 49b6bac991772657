"""Which column of a task table holds what: the header names counties use."""

from __future__ import annotations

from vetplan.extraction import extract_text
from vetplan.extraction.document import Task


def tasks(*rows: str) -> list[Task]:
    return extract_text("\n".join(rows) + "\n").tasks


def test_it_never_reads_the_leader_column_as_units() -> None:
    found = tasks(
        "序号\t重点任务\t分管县领导\t牵头单位\t配合单位\t完成时限",
        "1\t建设实训基地。\t张三 副县长\t县教育局\t县财政局\t2024年底前",
    )
    assert (found[0].lead_units, found[0].responsible_units, found[0].timeline) == (
        ["县教育局"],
        ["县财政局"],
        "2024年底前",
    )


def test_it_never_reads_a_leader_column_named_like_a_role_as_units() -> None:
    found = tasks("序号\t工作任务\t牵头领导\t责任单位", "1\t建设实训基地。\t李四\t县教育局、县财政局")
    assert (found[0].lead_units, found[0].responsible_units) == ([], ["县教育局", "县财政局"])


def test_it_reads_a_lead_responsibility_column_beside_a_partner_column() -> None:
    found = tasks("序号\t工作任务\t牵头责任单位\t配合单位\t时间节点", "1\t建设实训基地。\t县教育局\t县财政局\t2025年")
    assert (found[0].lead_units, found[0].responsible_units, found[0].timeline) == (
        ["县教育局"],
        ["县财政局"],
        "2025年",
    )


def test_it_reads_a_main_responsibility_column_as_the_lead() -> None:
    found = tasks("序号\t工作任务\t主要责任单位\t责任单位", "1\t建设实训基地。\t县教育局\t县财政局、县人社局")
    assert (found[0].lead_units, found[0].responsible_units) == (["县教育局"], ["县财政局", "县人社局"])


def test_it_gathers_every_partner_column() -> None:
    found = tasks(
        "序号\t工作任务\t牵头单位\t责任单位\t配合单位",
        "1\t建设实训基地。\t县教育局\t县财政局\t县人社局、各乡镇",
    )
    assert found[0].responsible_units == ["县财政局", "县人社局", "各乡镇"]


def test_it_reads_the_task_after_the_seq_column_when_a_category_comes_first() -> None:
    found = tasks(
        "重点任务\t序号\t具体任务\t牵头单位\t配合单位",
        "一、基础能力\t1\t建设实训基地。\t县教育局\t县财政局",
    )
    assert (found[0].seq, found[0].text) == ("1", "建设实训基地。")


def test_it_does_not_repeat_the_lead_among_the_partners() -> None:
    found = tasks("序号\t工作任务\t牵头单位\t责任单位", "1\t建设实训基地。\t县教育局\t县教育局、县财政局")
    assert (found[0].lead_units, found[0].responsible_units) == (["县教育局"], ["县财政局"])


def test_it_reads_a_row_whose_first_cell_is_empty() -> None:
    found = tasks(
        "类别\t序号\t工作任务\t责任单位",
        "基础能力\t1\t建设实训基地。\t县教育局",
        "\t2\t培养专业教师。\t县人社局",
    )
    assert [(task.seq, task.responsible_units) for task in found] == [("1", ["县教育局"]), ("2", ["县人社局"])]


def test_it_reads_a_step_column_as_no_unit_column() -> None:
    found = tasks("序号\t工作任务\t实施步骤\t责任单位", "1\t建设实训基地。\t分两期实施\t县教育局")
    assert (found[0].lead_units, found[0].responsible_units) == ([], ["县教育局"])
