"""Tasks: units of work the plan assigns to named units.

Two sources: rows of an annex table (任务清单, 任务分工, 进度安排表) with a 序号 column, and
numbered items carrying their units inline (（责任单位：…）, （牵头单位：…；责任单位：…）,
（县教育局牵头，县财政局配合）) or on labelled lines after them (牵头单位：…, 配合单位 …).
Where the plan says that the first listed unit leads, it leads every task without a lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import Task
from .layout import Block, Heading, parse_heading
from .roles import ROLE_WORDS, UNIT_LABEL, UNIT_LABEL_LINE, Role, header_role, labelled_fields, says_first_listed_leads
from .units import looks_like_unit, split_units

_SEQ_HEADER = re.compile(r"^序号$|^编号$|^序$")
_TEXT_HEADER = re.compile(r"任务|内容|措施|事项|工作|举措|要求|目标")
_TIME_HEADER = re.compile(r"时限|时间|进度|完成时|节点|期限")
_SEQ_CELL = re.compile(r"^[（(]?(\d{1,3}|[一二三四五六七八九十]{1,3})[）)]?[.．、]?$")
_BRACKETED_LABEL = re.compile(rf"[（(]\s*(?:{UNIT_LABEL.pattern})")
_TRAILING_LABEL = re.compile(rf"(?:^|[。；;\s])((?:{ROLE_WORDS})(?:单位|部门)\s*[:：].*)$")
# '（县教育局牵头，县财政局、县人社局配合）' closing a paragraph.
_TRAILING_BRACKET = re.compile(r"[（(]([^（）()]{2,200})[）)]\s*[。.；;]?\s*$")
_VERB_CLAUSE = re.compile(
    r"^由?(?P<units>.+?)(?P<verb>牵头(?:负责|实施|落实)?|配合|参与|协办|协助|按职责分工负责|分工负责|共同负责|负责|落实)$"
)
# '县教育局（牵头）' in a list of units.
_LEAD_MARK = re.compile(r"[（(]\s*牵头(?:单位|部门)?\s*[）)]$")
_CJK_GAP = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")


@dataclass
class Columns:
    seq: int
    text: int
    lead: int | None
    responsible: list[int]
    timeline: int | None


@dataclass
class Roles:
    """The units of one task by role; a unit named as both leads."""

    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)

    def add(self, role: Role, units: list[str]) -> None:
        for unit in units:
            marked = _LEAD_MARK.search(unit)
            name, unit_role = (unit[: marked.start()], Role.LEAD) if marked else (unit, role)
            target = self.lead if unit_role is Role.LEAD else self.responsible
            if name and name not in target:
                target.append(name)

    def settled(self) -> tuple[list[str], list[str]]:
        return list(self.lead), [unit for unit in self.responsible if unit not in self.lead]

    def __bool__(self) -> bool:
        return bool(self.lead or self.responsible)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _column_kind(name: str) -> Role | str | None:
    """'seq', 'time', 'text', a unit Role, Role.PERSON, or None for a column we do not read."""
    if _SEQ_HEADER.match(name):
        return "seq"
    role = header_role(name)
    if role is Role.PERSON:
        return role
    if _TIME_HEADER.search(name) and not re.search(r"单位|部门", name):
        return "time"
    if role is not None:
        return role
    return "text" if _TEXT_HEADER.search(name) else None


def _header_columns(cells: list[str]) -> Columns | None:
    names = [re.sub(r"[（(][^）)]*[）)]", "", _squash(cell)) for cell in cells]
    kinds = [_column_kind(name) for name in names]
    seq = next((i for i, kind in enumerate(kinds) if kind == "seq"), None)
    if seq is None:
        return None
    texts = [i for i, kind in enumerate(kinds) if kind == "text"]
    # A category column (重点任务) may come before 序号; the task's own wording follows it.
    text = next((i for i in texts if i > seq), texts[0] if texts else None)
    leads = [i for i, kind in enumerate(kinds) if kind is Role.LEAD]
    responsible = [i for i, kind in enumerate(kinds) if kind is Role.RESPONSIBLE]
    timeline = next((i for i, kind in enumerate(kinds) if kind == "time"), None)
    if text is None or not (leads or responsible):
        return None
    if not responsible:  # a single unit column is the responsible one
        return Columns(seq, text, None, leads[:1], timeline)
    return Columns(seq, text, leads[0] if leads else None, responsible, timeline)


def _cell(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    return cells[index]


def _row_task(cells: list[str], columns: Columns) -> Task | None:
    seq_match = _SEQ_CELL.match(_squash(_cell(cells, columns.seq)))
    text = _CJK_GAP.sub("", _cell(cells, columns.text).replace("\n", "")).strip()
    if not seq_match or not text:
        return None
    roles = Roles()
    roles.add(Role.LEAD, split_units(_cell(cells, columns.lead)))
    for index in columns.responsible:
        roles.add(Role.RESPONSIBLE, split_units(_cell(cells, index)))
    lead, responsible = roles.settled()
    timeline = _squash(_cell(cells, columns.timeline)) or None
    return Task(seq=seq_match.group(1), text=text, lead_units=lead, responsible_units=responsible, timeline=timeline)


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


def _strip_closing(units: str) -> str:
    """Drop the closing bracket that ends '(责任单位:…)' and what follows, keep '各县(市、区)'."""
    depth = 0
    for index, char in enumerate(units):
        if char in "（(":
            depth += 1
        elif char in "）)":
            if depth == 0:
                return units[:index]
            depth -= 1
    return units


def _labelled_roles(text: str) -> Roles:
    """'牵头单位：县教育局；分管领导：张三；配合单位：县财政局' → lead and responsible units."""
    roles = Roles()
    for role, value in labelled_fields(text):
        if role in (Role.LEAD, Role.RESPONSIBLE):
            roles.add(role, split_units(_strip_closing(value)))
    return roles


def _verb_roles(content: str) -> Roles | None:
    """'县教育局牵头，县财政局、县人社局配合' → roles; None unless a unit leads and all are units."""
    roles = Roles()
    for clause in re.split(r"[，,；;]", content):
        clause = _squash(clause)
        if not clause:
            continue
        match = _VERB_CLAUSE.match(clause)
        units = split_units(match.group("units")) if match else []
        if not match or not units or not all(looks_like_unit(unit) for unit in units):
            return None
        roles.add(Role.LEAD if match.group("verb").startswith("牵头") else Role.RESPONSIBLE, units)
    return roles if roles.lead else None


def _first_of_bracket_run(text: str) -> int | None:
    """Where the bracketed labels closing a paragraph start: '（牵头单位：…）（配合单位：…）'."""
    matches = list(_BRACKETED_LABEL.finditer(text))
    if not matches:
        return None
    start = matches[-1].start()
    for match in reversed(matches[:-1]):
        between = text[match.end() : start]
        if "。" in between or not re.search(r"[）)][\s，,；;、]*$", between):
            break
        start = match.start()
    return start


def _split_marker(text: str) -> tuple[str, Roles] | None:
    """Split a paragraph into its wording and the units it names, if it names any."""
    start = _first_of_bracket_run(text)
    if start is not None:
        return text[:start].rstrip(), _labelled_roles(text[start + 1 :].rstrip(" 。."))
    if UNIT_LABEL_LINE.match(text):
        return "", _labelled_roles(text)
    marker = _TRAILING_LABEL.search(text)
    if marker:
        return text[: marker.start(1)].rstrip(), _labelled_roles(marker.group(1))
    bracket = _TRAILING_BRACKET.search(text)
    roles = _verb_roles(bracket.group(1)) if bracket else None
    if bracket and roles:
        return text[: bracket.start()].rstrip(), roles
    return None


def _item_seq(heading: Heading, chapter: str | None) -> str:
    if heading.label.isdigit():
        return heading.label
    if heading.level == 2 and chapter:
        return f"{chapter}({heading.label})"
    return heading.label


@dataclass
class _Item:
    """A numbered item being read: its wording so far and the units named for it."""

    seq: str | None
    text: str
    roles: Roles = field(default_factory=Roles)

    def task(self) -> Task | None:
        if not self.text.strip() or not self.roles:
            return None
        lead, responsible = self.roles.settled()
        return Task(seq=self.seq, text=self.text.strip(), lead_units=lead, responsible_units=responsible)


def _close(item: _Item | None, tasks: list[Task]) -> None:
    task = item.task() if item is not None else None
    if task is not None:
        tasks.append(task)


def _wording_of(wording: str) -> str:
    heading = parse_heading(wording)
    return heading.rest if heading is not None else wording


def inline_tasks(blocks: list[Block]) -> list[Task]:
    tasks: list[Task] = []
    chapter: str | None = None
    item: _Item | None = None
    for block in blocks:
        if block.is_row:
            continue
        heading = parse_heading(block.text)
        marker = _split_marker(block.text)
        if heading is not None:
            if heading.level == 1:
                chapter = heading.label
            _close(item, tasks)
            item = _Item(_item_seq(heading, chapter), heading.rest)
            if marker is not None:
                item.text = _wording_of(marker[0])
                item.roles = marker[1]
        elif marker is None:
            if item is not None and item.roles:  # the units closed the item
                _close(item, tasks)
                item = None
            elif item is not None:
                item.text += block.text
        else:
            wording, roles = marker
            if item is None or (item.roles and wording):  # a paragraph of its own, no number
                _close(item, tasks)
                item = _Item(None, wording)
            else:
                item.text += wording
            item.roles.add(Role.LEAD, roles.lead)
            item.roles.add(Role.RESPONSIBLE, roles.responsible)
    _close(item, tasks)
    return tasks


def _first_listed_leads(tasks: list[Task]) -> None:
    """The plan says the first listed unit leads: it does, in every task without a lead."""
    for task in tasks:
        if not task.lead_units and task.responsible_units:
            task.lead_units = task.responsible_units[:1]
            task.responsible_units = task.responsible_units[1:]


def extract_tasks(blocks: list[Block]) -> list[Task]:
    tasks = table_tasks(blocks) + inline_tasks(blocks)
    if any(says_first_listed_leads(block.text) for block in blocks):
        _first_listed_leads(tasks)
    return tasks
