"""Annex tables that arrive as text without tab-separated rows, rewritten into them so the
task reader sees one table shape only.

`rebuild_flat_tables`: one cell per line without tabs (as PDF text layers give them); it finds
a header (序号, then column names, one per line) and rebuilds the rows that follow.

`rebuild_separated_tables`: text copied from a web page, each cell closed by a bar
(``1 | 加强实训基地建设 | 县教育局 | 县财政局 |`` or with ｜); a row may wrap over lines.
"""

from __future__ import annotations

import re

from .units import UNIT_ENDINGS

HEADER_WORDS = re.compile(
    r"任务|内容|措施|事项|工作|单位|时限|时间|进度|节点|备注|目标|指标|部门|要求|举措|分工|领导|责任人|负责人"
)
UNIT_COLUMN = re.compile(r"单位|部门")
PERSON_COLUMN = re.compile(r"领导|责任人|负责人|联系人")
# '张三', '张三 副县长', '副县长 张三', '张三（副县长）': a leader's cell.
PERSON_TEXT = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,4}\s*[（(]?)?(?:常务)?副?(?:县|区|市|州|旗)长(?:[）)]?\s*[\u4e00-\u9fff]{2,4})?$"
    r"|^[\u4e00-\u9fff]{2,3}$"
)
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
    """'区人力资源社会保障' then '局、区财政局', or '县财政局、县自' then '然资源局': the line
    starts with the rest of a name broken at the end of the previous one."""
    if previous.endswith(("。", "、", "，", "；")) or previous.rstrip("等").endswith(UNIT_ENDINGS):
        return False
    head = re.split(r"[、，,；;\s]", line, maxsplit=1)[0]
    if 0 < len(head) <= 2:
        return True
    # In a list of units the last name began like one (县…, 各…) and the line's head ends like one.
    last = re.split(r"[、，,；;]", previous)[-1]
    return (
        "、" in previous
        and "。" not in previous
        and re.match(r"[县区市省州盟旗镇乡各]", last) is not None
        and head.endswith(UNIT_ENDINGS)
    )


def _merge_fragments(cells: list[str]) -> list[str]:
    merged: list[str] = []
    for cell in cells:
        if merged and _continues_name(merged[-1], cell):
            merged[-1] += cell
        else:
            merged.append(cell)
    return merged


def _fits_column(name: str, line: str) -> bool:
    if PERSON_COLUMN.search(name):
        return PERSON_TEXT.match(line.strip()) is not None
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


_BAR = re.compile(r"[|｜]")
_RULE_CELL = re.compile(r"^:?-{2,}:?$")


def _bar_cells(line: str) -> tuple[list[str], bool]:
    """A line's cells and whether its last cell is closed by a bar."""
    stripped = line.strip()
    parts = [part.strip() for part in _BAR.split(stripped)]
    if stripped[:1] in "|｜" and len(parts) > 3:  # '| a | b |' opens with a bar; a lone '|' is an empty cell
        parts = parts[1:]
    closed = stripped[-1:] in ("|", "｜")
    return (parts[:-1] if closed else parts), closed


def _is_bar_header(line: str) -> bool:
    cells, _ = _bar_cells(line)
    return len(cells) >= 3 and any(_squash(cell) in ("序号", "编号") for cell in cells)


def _read_bar_rows(lines: list[str], index: int, width: int) -> tuple[list[str], int]:
    """Rows of `width` cells from `index`; ends at a line without a bar between rows."""
    rows: list[str] = []
    row: list[str] = []
    open_cell = False  # the row's last cell goes on over the next line
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        if not _BAR.search(line):
            if not row or (not open_cell and FOOTER.match(_squash(line))):
                break
            cells, closed = [line], False
        else:
            cells, closed = _bar_cells(line)
        if all(_RULE_CELL.match(cell) for cell in cells):  # a Markdown |---|---| rule
            index += 1
            continue
        if open_cell and cells:
            row[-1] += cells.pop(0)
        if not row and len(cells) == 1 and closed and not _SEQ.match(_squash(cells[0])):
            rows.append(cells[0])  # a section title across the whole table
        else:
            row.extend(cells)
        open_cell = not closed
        if len(row) >= width and not open_cell:
            rows.append("\t".join(row))
            row = []
        index += 1
    if row:
        rows.append("\t".join(row))
    return rows, index


def rebuild_separated_tables(text: str) -> str:
    """Rewrite bar-separated tables whose header has a 序号 cell into tab-separated rows."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if "\t" not in line and _is_bar_header(line):
            header, _ = _bar_cells(line)
            rows, index = _read_bar_rows(lines, index + 1, len(header))
            out.append("\t".join(header))
            out.extend(rows)
            continue
        out.append(line)
        index += 1
    return "\n".join(out)
