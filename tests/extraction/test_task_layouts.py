"""Each layout counties publish their task lists in, one sample plan each under documents/.

Every plan has its expected extraction beside it (NAME.expected.json, the spec's shape); the
tests hold the tasks to it exactly: number, wording, lead units, responsible units, timeline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.table import Table

from vetplan.extraction import PlanDocument, extract_file

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DOCUMENTS / f"{name}.expected.json").read_text(encoding="utf-8"))
    return data


def assert_matches_expected(plan: PlanDocument, name: str) -> None:
    wanted = expected(name)
    assert plan.meta.to_dict() == wanted["meta"]
    assert [task.to_dict() for task in plan.tasks] == wanted["tasks"]


def leads(plan: PlanDocument) -> list[list[str]]:
    return [task.lead_units for task in plan.tasks]


def test_it_reads_labelled_unit_lines_with_any_colon_or_spacing() -> None:
    plan = extract_file(DOCUMENTS / "labelled_units.txt")
    assert_matches_expected(plan, "labelled_units")
    assert leads(plan) == [
        ["县教育体育局"],  # 牵头单位: with an ASCII colon
        ["县教育体育局"],  # 牵头责任单位：
        ["县教育体育局", "县人力资源社会保障局"],  # 主要责任单位：
        ["县经济和信息化局"],  # 牵头单位 with a space
        ["县人力资源社会保障局"],
    ]


def test_it_reads_a_table_copied_from_a_web_page_with_bars() -> None:
    plan = extract_file(DOCUMENTS / "separated_bars.txt")
    assert_matches_expected(plan, "separated_bars")
    assert plan.tasks[4].lead_units == ["县委组织部", "县人力资源和社会保障局"]
    assert plan.tasks[4].responsible_units == []


def test_it_reads_a_table_copied_with_full_width_bars_and_section_rows() -> None:
    plan = extract_file(DOCUMENTS / "fullwidth_bars.txt")
    assert_matches_expected(plan, "fullwidth_bars")
    assert [task.seq for task in plan.tasks] == ["1", "2", "3", "4"]


def test_it_reads_a_tab_separated_table_and_leaves_the_leader_out() -> None:
    plan = extract_file(DOCUMENTS / "tab_leader_table.txt")
    assert_matches_expected(plan, "tab_leader_table")
    units = {unit for task in plan.tasks for unit in task.lead_units + task.responsible_units}
    assert not any("县长" in unit or unit in ("刘建军", "周丽") for unit in units)


def test_it_reads_a_table_with_one_cell_per_line_and_names_broken_over_lines() -> None:
    plan = extract_file(DOCUMENTS / "one_cell_per_line.txt")
    assert_matches_expected(plan, "one_cell_per_line")
    assert plan.tasks[1].responsible_units == ["县发展和改革局", "县财政局", "县自然资源局"]


def test_it_makes_the_first_listed_unit_lead_where_the_plan_says_so() -> None:
    plan = extract_file(DOCUMENTS / "first_listed_lead.txt")
    assert_matches_expected(plan, "first_listed_lead")
    assert leads(plan) == [["县教育局"], ["县经济和信息化局"], ["县教育局"], ["县税务局"]]


def test_it_reads_an_html_table_with_rowspan_and_colspan() -> None:
    plan = extract_file(DOCUMENTS / "rowspan_table.html")
    assert_matches_expected(plan, "rowspan_table")
    assert leads(plan)[:2] == [["县教育和体育局"], ["县教育和体育局"]]  # one cell spanning two rows
    assert plan.tasks[3].timeline == "每年12月底前"


def write_merged_cells_plan(path: Path) -> None:
    """宁陵县's plan: a task table with section rows merged across, a 牵头单位 merged down over
    two tasks, a 分管县领导 merged down over two, and a cell of two paragraphs."""
    document = Document()
    for line in [
        "宁陵县人民政府办公室",
        "关于印发宁陵县职业教育助力乡村振兴实施方案的通知",
        "宁政办〔2022〕21号",
        "各乡镇人民政府，县人民政府各部门：",
        "《宁陵县职业教育助力乡村振兴实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。",
        "宁陵县人民政府办公室",
        "2022年5月30日",
        "宁陵县职业教育助力乡村振兴实施方案",
        "一、工作目标",
        "到2024年，全县涉农专业在校生达到1200人，培育高素质农民2000人以上，建成乡村振兴实训基地3个。",
        "二、重点任务",
        "重点任务分工见下表。",
    ]:
        document.add_paragraph(line)
    rows = [
        ["序号", "重点任务", "分管县领导", "牵头单位", "配合单位", "完成时限"],
        ["一、人才培养", "", "", "", "", ""],
        ["1", "扩大涉农专业招生规模，在校生达到1200人。", "赵国强 副县长", "县教育体育局", "县农业农村局", "2024年9月"],
        ["2", "建设酥梨、白蜡条等特色产业实训基地3个。", "赵国强 副县长", "", "县财政局、县自然资源局", "2024年12月"],
        ["二、技能培训", "", "", "", "", ""],
        [
            "3",
            "实施高素质农民培育工程，培育高素质农民2000人以上。",
            "孙红梅 副县长",
            "县农业农村局",
            "县人力资源和社会保障局、县教育体育局\n各乡镇人民政府",
            "每年12月底前",
        ],
        ["4", "开展农村电商技能培训。", "", "县商务局", "县人力资源和社会保障局", "2023年6月"],
    ]
    table: Table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    for section_row in (1, 4):
        table.cell(section_row, 0).merge(table.cell(section_row, 5)).text = rows[section_row][0]
    table.cell(2, 3).merge(table.cell(3, 3)).text = "县教育体育局"
    table.cell(5, 2).merge(table.cell(6, 2)).text = "孙红梅 副县长"
    document.add_paragraph("三、保障措施")
    document.add_paragraph("各牵头单位要细化工作方案，每半年向县政府报告一次工作进展。")
    document.save(str(path))


def test_it_reads_a_word_table_with_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "merged_cells.docx"
    write_merged_cells_plan(path)
    plan = extract_file(path)
    assert_matches_expected(plan, "merged_cells_docx")
    assert leads(plan) == [["县教育体育局"], ["县教育体育局"], ["县农业农村局"], ["县商务局"]]


@pytest.mark.parametrize("path", sorted(DOCUMENTS.glob("*.expected.json")), ids=lambda path: path.name)
def test_every_expected_file_has_the_spec_shape(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data) == {"meta", "targets", "tasks"}
    assert set(data["meta"]) == {"title", "issuer", "doc_number", "date", "region"}
    for target in data["targets"]:
        assert set(target) == {"indicator", "comparator", "value", "value_max", "unit", "deadline", "kind", "sentence"}
    for task in data["tasks"]:
        assert set(task) == {"seq", "text", "lead_units", "responsible_units", "timeline"}
        assert not set(task["lead_units"]) & set(task["responsible_units"])
