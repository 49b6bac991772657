"""Annex tables flattened to one cell per line without tabs (as PDF text layers give them).

`rebuild_flat_tables` finds a header (序号, then column names, one per line) and rewrites the
rows that follow into tab-separated lines, so the task reader sees one table shape only.
"""

from __future__ import annotations

import re

from .units import UNIT_ENDINGS

HEADER_WORDS = re.compile(r"任务|内容|措施|事项|工作|单位|时限|时间|进度|备注|目标|指标|部门|要求|举措|分工")
UNIT_COLUMN = re.compile(r"单位|部门")
TIME_COLUMN = re.compile(r"时限|时间|进度")
TIME_TEXT = re.compile(r"\d{4}\s*年|\d+\s*月|年底|底前|持续|长期|每年|季度|完成|实施|推进|常态")
FOOTER = re.compile(r"^(?:抄送|主办|印发|附件|注[:：]|备注[:：]|[^\s]{2,20}\d{4}年\d{1,2}月\d{1,2}日印发)")
_SEQ = re.compile(r"^[（(]?(\d{1,3})[）)]?[.．、]?$")


def _squash(line: str) -> str:
    return re.sub(r"\s+", "", line)


def _is_header_name(line: str) -> bool:
    name = re.sub(r"[（(][^）)]*[）)]", "", _squash(line))
    return 0 < len(name) <= 12 and bool(HEADER_WORDS.search(name))


def _read_header(lines: list[str], start: int) -> tuple[list[str], int]:
    """Column names after a '序号' line; returns (names, index after the header)."""
    names = ["序号"]
    index = start + 1
    while index < len(lines):
        line = _squash(lines[index])
        if not line:
            index += 1
        elif _is_header_name(line):
            names.append(line)
            index += 1
        elif re.fullmatch(r"[（(][^）)]*[）)]", line) and len(names) > 1:
            names[-1] += line
            index += 1
        else:
            break
    return names, index


def _looks_like_units(line: str) -> bool:
    if "。" in line or len(line) > 80:
        return False
    parts = [p for p in re.split(r"[、，,；;\s]+", re.sub(r"[（(][^）)]*[）)]", "", line)) if p]
    return bool(parts) and all(p.rstrip("等").endswith(UNIT_ENDINGS) or len(p) <= 4 for p in parts)


def _continues_name(previous: str, line: str) -> bool:
    """'区人力资源社会保障' then '局、区财政局': the line starts with the rest of a broken name."""
    if previous.endswith(("。", "、", "，", "；")) or previous.rstrip("等").endswith(UNIT_ENDINGS):
        return False
    head = re.split(r"[、，,；;\s]", line, maxsplit=1)[0]
    return 0 < len(head) <= 2


def _merge_fragments(cells: list[str]) -> list[str]:
    merged: list[str] = []
    for cell in cells:
        if merged and _continues_name(merged[-1], cell):
            merged[-1] += cell
        else:
            merged.append(cell)
    return merged


def _fits_column(name: str, line: str) -> bool:
    if TIME_COLUMN.search(name):
        return bool(TIME_TEXT.search(line)) and len(line) <= 30
    return bool(UNIT_COLUMN.search(name)) and _looks_like_units(line)


def _assign_columns(names: list[str], cells: list[str]) -> list[str]:
    """Spread a row's lines over the columns: time and unit columns from the end, text first."""
    columns = names[1:]
    cells = _merge_fragments(cells)
    if len(cells) == len(columns):
        return cells
    tail: list[str] = []
    remaining = list(cells)
    for name in reversed(columns[1:]):
        if len(remaining) > 1 and _fits_column(name, remaining[-1]):
            tail.insert(0, remaining.pop())
        else:
            tail.insert(0, "")
    return ["".join(remaining), *tail]


def _read_rows(lines: list[str], index: int, names: list[str]) -> tuple[list[str], int]:
    rows: list[str] = []
    seq: str | None = None
    cells: list[str] = []
    while index < len(lines):
        line = _squash(lines[index])
        seq_match = _SEQ.match(line)
        if line == "序号":
            _, index = _read_header(lines, index)
            continue
        if FOOTER.match(line):
            break
        if re.match(r"^[一二三四五六七八九十]+[、.．]", line) and not seq_match:
            index += 1
            continue
        if seq_match and (seq is None or int(seq_match.group(1)) == int(seq) + 1):
            if seq is not None:
                rows.append("\t".join([seq, *_assign_columns(names, cells)]))
            seq, cells = seq_match.group(1), []
        elif line and seq is not None:
            cells.append(lines[index].strip())
        elif line and seq is None and not rows:
            rows.append(lines[index])  # a section title inside the table
        index += 1
    if seq is not None:
        rows.append("\t".join([seq, *_assign_columns(names, cells)]))
    return rows, index


def rebuild_flat_tables(text: str) -> str:
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" not in line and _squash(line) == "序号":
            names, after = _read_header(lines, index)
            if len(names) >= 3:
                rows, index = _read_rows(lines, after, names)
                out.append("\t".join(names))
                out.extend(rows)
                continue
        out.append(line)
        index += 1
    return "\n".join(out)
