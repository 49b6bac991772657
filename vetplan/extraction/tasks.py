"""Tasks: units of work the plan assigns to named units.

Two sources: rows of an annex table (任务清单, 任务分工, 进度安排表) with a 序号 column, and
numbered items carrying an inline (责任单位：…) or （牵头单位：…；责任单位：…）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import Task
from .layout import Block, Heading, parse_heading
from .units import split_units

_SEQ_HEADER = re.compile(r"^序号$|^编号$|^序$")
_TEXT_HEADER = re.compile(r"任务|内容|措施|事项|工作|举措|要求|目标")
_LEAD_HEADER = re.compile(r"牵头")
_RESPONSIBLE_HEADER = re.compile(r"责任|负责|配合|协办|参与|主办|承办|实施单位|单位|部门")
_TIME_HEADER = re.compile(r"时限|时间|进度|完成时")
_SEQ_CELL = re.compile(r"^[（(]?(\d{1,3}|[一二三四五六七八九十]{1,3})[）)]?[.．、]?$")
_UNIT_MARKER = re.compile(r"[（(]\s*(?:牵头|责任|配合|负责|主责|协办|参与|主办)(?:单位|部门)\s*[:：]")
_BARE_UNIT_MARKER = re.compile(r"^(?:牵头|责任|配合|负责|主责|协办|参与|主办)(?:单位|部门)\s*[:：]")
_UNIT_FIELD = re.compile(r"(牵头|责任|配合|负责|主责|协办|参与|主办)(?:单位|部门)\s*[:：]\s*")


@dataclass
class Columns:
    seq: int
    text: int
    lead: int | None
    responsible: int | None
    timeline: int | None


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _header_columns(cells: list[str]) -> Columns | None:
    names = [re.sub(r"[（(][^）)]*[）)]", "", _squash(cell)) for cell in cells]
    seq = next((i for i, name in enumerate(names) if _SEQ_HEADER.match(name)), None)
    if seq is None:
        return None
    text = next((i for i, name in enumerate(names) if i != seq and _TEXT_HEADER.search(name)), None)
    lead = next((i for i, name in enumerate(names) if _LEAD_HEADER.search(name)), None)
    responsible = next(
        (i for i, name in enumerate(names) if i not in (seq, text, lead) and _RESPONSIBLE_HEADER.search(name)),
        None,
    )
    timeline = next((i for i, name in enumerate(names) if i not in (seq, text) and _TIME_HEADER.search(name)), None)
    if text is None or (lead is None and responsible is None):
        return None
    if responsible is None:  # a single unit column is the responsible one
        lead, responsible = None, lead
    return Columns(seq, text, lead, responsible, timeline)


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _row_task(cells: list[str], columns: Columns) -> Task | None:
    seq_match = _SEQ_CELL.match(_squash(_cell(cells, columns.seq)))
    text = _cell(cells, columns.text).replace("\n", "").strip()
    if not seq_match or not text:
        return None
    timeline = _squash(_cell(cells, columns.timeline)) or None
    return Task(
        seq=seq_match.group(1),
        text=text,
        lead_units=split_units(_cell(cells, columns.lead)),
        responsible_units=split_units(_cell(cells, columns.responsible)),
        timeline=timeline,
    )


def table_tasks(blocks: list[Block]) -> list[Task]:
    tasks: list[Task] = []
    columns: Columns | None = None
    for block in blocks:
        if not block.is_row:
            continue
        header = _header_columns(block.cells)
        if header is not None:
            columns = header
            continue
        if columns is not None:
            task = _row_task(block.cells, columns)
            if task is not None:
                tasks.append(task)
    return tasks


def _unit_fields(text: str) -> tuple[list[str], list[str]]:
    """'牵头单位：县教育局；责任单位：县财政局、县人社局' → (lead, responsible)."""
    fields: dict[str, str] = {}
    matches = list(_UNIT_FIELD.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        fields[match.group(1)] = text[match.end() : end].strip(" ；;，,。)）")
    lead = fields.pop("牵头", "")
    others = "、".join(value for value in fields.values() if value)
    if not others:
        return [], split_units(lead)
    return split_units(lead), split_units(others)


def _split_marker(text: str) -> tuple[str, str] | None:
    """Split a paragraph into its wording and its (责任单位：…) part."""
    matches = list(_UNIT_MARKER.finditer(text))
    if matches:
        start = matches[-1].start()
        return text[:start].rstrip(), text[start + 1 :].rstrip(" 。.")
    bare = _BARE_UNIT_MARKER.search(text)
    if bare:
        return "", text
    marker = re.search(r"(?:^|[。；;\s])((?:牵头|责任)(?:单位|部门)\s*[:：].*)$", text)
    if marker:
        return text[: marker.start(1)].rstrip(), marker.group(1)
    return None


def _strip_closing(units: str) -> str:
    """Drop the one closing bracket that ends '(责任单位:…)' but keep '各县(市、区)'."""
    depth = 0
    for index, char in enumerate(units):
        if char in "（(":
            depth += 1
        elif char in "）)":
            if depth == 0:
                return units[:index]
            depth -= 1
    return units


def _item_seq(heading: Heading, chapter: str | None) -> str:
    if heading.label.isdigit():
        return heading.label
    if heading.level == 2 and chapter:
        return f"{chapter}({heading.label})"
    return heading.label


def inline_tasks(blocks: list[Block]) -> list[Task]:
    tasks: list[Task] = []
    chapter: str | None = None
    item: tuple[Heading, str] | None = None
    for block in blocks:
        if block.is_row:
            continue
        heading = parse_heading(block.text)
        if heading is not None and heading.level == 1:
            chapter = heading.label
        if heading is not None:
            item = (heading, "")
        parts = _split_marker(block.text)
        if parts is None:
            if item is not None and heading is None:
                item = (item[0], item[1] + block.text)
            continue
        wording, units = parts
        lead, responsible = _unit_fields(_strip_closing(units))
        if heading is not None:
            text = parse_heading(wording).rest if parse_heading(wording) else wording  # type: ignore[union-attr]
            seq: str | None = _item_seq(heading, chapter)
        elif item is not None:
            text = item[0].rest + item[1] + wording
            seq = _item_seq(item[0], chapter)
        else:
            text, seq = wording, None
        if text.strip() and (lead or responsible):
            tasks.append(Task(seq=seq, text=text.strip(), lead_units=lead, responsible_units=responsible))
        item = None
    return tasks


def extract_tasks(blocks: list[Block]) -> list[Task]:
    return table_tasks(blocks) + inline_tasks(blocks)
