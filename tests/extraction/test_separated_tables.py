"""Tables copied from web pages, each cell closed by a bar (| or ｜)."""

from __future__ import annotations

from vetplan.extraction import extract_text
from vetplan.extraction.tables import rebuild_separated_tables


def rows(text: str) -> list[tuple[str | None, str, list[str], list[str], str | None]]:
    return [(t.seq, t.text, t.lead_units, t.responsible_units, t.timeline) for t in extract_text(text).tasks]


def test_it_reads_one_row_per_line_closed_by_bars() -> None:
    text = (
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "1 | 加强实训基地建设 | 县教育局 | 县财政局、县人社局 | 2024年底前 |\n"
    )
    assert rows(text) == [("1", "加强实训基地建设", ["县教育局"], ["县财政局", "县人社局"], "2024年底前")]


def test_it_reads_full_width_bars_and_empty_cells() -> None:
    text = "序号｜工作任务｜牵头单位｜责任单位｜时间进度｜\n2｜开展技能培训。｜县人社局｜｜2025年｜\n"
    assert rows(text) == [("2", "开展技能培训。", ["县人社局"], [], "2025年")]


def test_it_joins_a_row_wrapped_over_lines_and_a_row_of_one_cell_per_line() -> None:
    text = (
        "序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "1 | 深化产教融合，推动\n校企共建实训基地 | 县发改局 | 县教育局 | 2025年 |\n"
        "2 |\n开展技能培训 |\n县人社局 |\n |\n持续推进 |\n"
    )
    assert rows(text) == [
        ("1", "深化产教融合，推动校企共建实训基地", ["县发改局"], ["县教育局"], "2025年"),
        ("2", "开展技能培训", ["县人社局"], [], "持续推进"),
    ]


def test_it_keeps_a_section_title_row_and_stops_at_the_note_after_the_table() -> None:
    text = "序号 | 工作任务 | 责任单位 |\n一、基础能力建设 |\n1 | 建设基地。 | 县教育局 |\n注：各单位按职责分工负责。\n"
    assert rebuild_separated_tables(text).split("\n") == [
        "序号\t工作任务\t责任单位",
        "一、基础能力建设",
        "1\t建设基地。\t县教育局",
        "注：各单位按职责分工负责。",
        "",
    ]


def test_it_reads_a_markdown_table() -> None:
    text = "| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| 1 | 建设基地。 | 县教育局、县财政局 |\n"
    assert rows(text) == [("1", "建设基地。", [], ["县教育局", "县财政局"], None)]


def test_it_leaves_bars_outside_a_task_table_alone() -> None:
    text = "无障碍浏览 | 登录 | 注册\n到2025年，建成2个实训基地。\n"
    assert rebuild_separated_tables(text) == text
