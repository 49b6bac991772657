from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from vetplan.extraction import DocumentReadError, extract_file
from vetplan.extraction.readers import read_document

TEXT = "职业教育方案\n到2025年，建成2个实训基地。\n"


def test_it_reads_gb18030_text(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_document(path) == TEXT


def test_it_reads_utf8_with_bom_and_utf16_with_bom(tmp_path: Path) -> None:
    bom8, bom16 = tmp_path / "a.txt", tmp_path / "b.txt"
    bom8.write_bytes(TEXT.encode("utf-8-sig"))
    bom16.write_bytes(TEXT.encode("utf-16"))
    assert read_document(bom8) == TEXT
    assert read_document(bom16) == TEXT


def test_it_reads_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("湖滨区职业教育行动计划")
    document.add_paragraph("到2025年，建成3个市级实训基地。")
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["序号", "工作任务", "责任单位"], strict=True):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["1", "建成市级实训基地。", "区教育局、区财政局"], strict=True):
        cell.text = text
    document.add_paragraph("附则。")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    lines = read_document(path).split("\n")
    assert lines == [
        "湖滨区职业教育行动计划",
        "到2025年，建成3个市级实训基地。",
        "序号\t工作任务\t责任单位",
        "1\t建成市级实训基地。\t区教育局、区财政局",
        "附则。",
    ]
    plan = extract_file(path)
    assert plan.tasks[0].responsible_units == ["区教育局", "区财政局"]
    assert (plan.targets[0].value, plan.targets[0].deadline) == (3, 2025)


def test_it_reads_html_tables_as_tab_separated_rows(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(
        "<html><body><p>方案</p><table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr>"
        "<tr><td>1</td><td>建设基地。</td><td>县教育局</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert "1\t建设基地。\t县教育局" in read_document(path).split("\n")


def test_it_names_the_file_and_reason_for_a_broken_pdf(tmp_path: Path) -> None:
    path = tmp_path / "foo.pdf"
    path.write_bytes(b"not a pdf at all")
    with pytest.raises(DocumentReadError, match="无法读取 foo.pdf：不是有效的 PDF 文件"):
        read_document(path)


def test_it_names_the_file_for_a_broken_docx(tmp_path: Path) -> None:
    path = tmp_path / "bad.docx"
    path.write_bytes(b"PK not really a zip")
    with pytest.raises(DocumentReadError, match="bad.docx"):
        extract_file(path)


def test_it_rejects_unsupported_suffixes(tmp_path: Path) -> None:
    path = tmp_path / "plan.xls"
    path.write_bytes(b"x")
    with pytest.raises(DocumentReadError, match="不支持的文件类型"):
        read_document(path)


def test_it_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DocumentReadError, match="文件不存在"):
        read_document(tmp_path / "missing.txt")


def test_it_turns_radical_look_alikes_back_into_ideographs() -> None:
    from vetplan.extraction.readers import unify_radicals

    assert unify_radicals("⽰范县⾼质量发展⾏动计划（2024年）：") == "示范县高质量发展行动计划（2024年）："


def test_it_repeats_a_vertically_merged_docx_cell_and_keeps_the_columns_aligned(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=4, cols=4)
    rows = [
        ["序号", "重点任务", "牵头单位", "配合单位"],
        ["", "", "", ""],
        ["1", "新建实训楼。", "县教育局", "县财政局"],
        ["2", "改造实训室。", "", "县人社局"],
    ]
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    table.cell(1, 0).merge(table.cell(1, 3)).text = "一、基础能力建设"
    table.cell(2, 2).merge(table.cell(3, 2)).text = "县教育局"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    assert read_document(path).split("\n") == [
        "序号\t重点任务\t牵头单位\t配合单位",
        "一、基础能力建设\t\t\t",
        "1\t新建实训楼。\t县教育局\t县财政局",
        "2\t改造实训室。\t县教育局\t县人社局",
    ]


def test_it_puts_a_docx_cell_of_several_paragraphs_on_one_line(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["1", "新建实训楼。\n改造实训室。", "县教育局\n县财政局"], strict=True):
        cell.text = text
    path = tmp_path / "paragraphs.docx"
    document.save(str(path))
    assert read_document(path) == "1\t新建实训楼。 改造实训室。\t县教育局 县财政局"


def test_it_lays_html_rowspan_and_colspan_on_the_grid(tmp_path: Path) -> None:
    path = tmp_path / "spans.html"
    path.write_text(
        "<table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th></tr>"
        "<tr><td colspan='4'>一、基础能力建设</td></tr>"
        "<tr><td>1</td><td>建设基地。</td><td rowspan='2'>县教育局</td><td>县财政局</td></tr>"
        "<tr><td>2</td><td>培养教师。</td><td>县人社局</td></tr></table>",
        encoding="utf-8",
    )
    lines = [line for line in read_document(path).split("\n") if line]
    assert lines == [
        "序号\t工作任务\t牵头单位\t责任单位",
        "一、基础能力建设\t\t\t",
        "1\t建设基地。\t县教育局\t县财政局",
        "2\t培养教师。\t县教育局\t县人社局",
    ]
