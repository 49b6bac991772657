"""Who leads and who helps: the words plans use for a unit's role in a task.

A plan names the leading unit (牵头单位) and the units that take part (责任单位, 配合单位 …)
in table headers, in labelled lines (``牵头单位：县教育局``, ``配合单位 县财政局``), inside
brackets (``（牵头单位：…；责任单位：…）``, ``（县教育局牵头，县财政局配合）``, ``县教育局（牵头）``),
or once for the whole document (``排在首位的为牵头单位``). A 分管领导 column or label names a
person, never a unit.
"""

from __future__ import annotations

import re
from enum import Enum


class Role(Enum):
    LEAD = "lead"  # 牵头单位, 牵头责任单位, 主要责任单位
    RESPONSIBLE = "responsible"  # 责任单位, 配合单位, 协办单位, 参与单位, 负责单位 …
    PERSON = "person"  # 分管领导, 责任人: a person, never a unit
    OTHER = "other"  # 完成时限, 备注 …: not about who does the work


# Longer words first: 牵头责任 is a lead, 协同配合 one word, not 协同 then 配合.
_LEAD_WORDS = "牵头责任|主要责任|牵头|主责"
_RESPONSIBLE_WORDS = "协同配合|责任|配合|协办|协同|参与|负责|主办|承办|实施"
ROLE_WORDS = f"{_LEAD_WORDS}|{_RESPONSIBLE_WORDS}"
_PERSON_WORDS = re.compile(r"领导|责任人|负责人|联系人|分管(?!单位|部门)")
_LEAD_HEADER = re.compile(_LEAD_WORDS)
# A header naming units: 单位/部门/主体/处室 in it, or a role word alone ("配合"); not 实施步骤.
_RESPONSIBLE_HEADER = re.compile(rf"单位|部门|主体|处室|科室|^(?:{_RESPONSIBLE_WORDS})$")

# A label introducing a list of units: the role word, 单位 or 部门, then a colon (either
# width) or at least one space. A bare role word ("牵头：") needs the colon.
UNIT_LABEL = re.compile(rf"(?P<role>{ROLE_WORDS})(?:(?:单位|部门)(?:\s*[:：]\s*|[ \u3000]+)|\s*[:：]\s*)")
# Any other short label inside a bracket or a labelled line (分管领导：, 完成时限：): it ends
# the units before it.
_OTHER_LABEL = re.compile(r"[\u4e00-\u9fff]{2,8}\s*[:：]\s*")
# A label standing alone, as a unit column's header cell repeated in a row might.
BARE_LABEL = re.compile(rf"(?:{ROLE_WORDS})(?:单位|部门)")
# A line that is a labelled list of units ("牵头单位:区发改局", "配合单位 县财政局").
UNIT_LABEL_LINE = re.compile(rf"^\s*(?:{ROLE_WORDS})(?:单位|部门)(?:\s*[:：]|[ \u3000]+\S)")

# "排在首位的为牵头单位", "排名第一的为牵头单位", "第一个单位为牵头单位", "列第一位的为牵头单位",
# "牵头单位为排在第一位的单位": the first-listed unit of each task leads.
FIRST_LISTED_LEADS = re.compile(
    r"(?:首位|第一[位个家名]?|第1[位个名]?|首个|首家|最前)(?:的|者|位的|个的)?(?:责任)?(?:单位|部门)?"
    r"(?:为|是|系|作为|即|即为)?\s*牵头"
    r"|牵头(?:单位|部门)?(?:为|是|系)[^。；;，,\n]{0,8}?(?:首位|第一|第1|首个|最前)"
)

# People: a job title, alone ("副县长") or with a name ("张三副县长", "副县长张三", "张三（副县长）").
_TITLE = r"(?:常务)?副?(?:县|区|市|州|旗|镇|乡)长|副?书记|副?主任|副?部长|副?局长|常委|副?秘书长|副?主席|调研员"
_TITLE_ONLY = re.compile(rf"^(?:{_TITLE})$")
_HAS_TITLE = re.compile(_TITLE)


def header_role(name: str) -> Role | None:
    """The role a table column's header gives its units, or None when it names no units."""
    if _PERSON_WORDS.search(name):
        return Role.PERSON
    if _LEAD_HEADER.search(name):
        return Role.LEAD
    if _RESPONSIBLE_HEADER.search(name):
        return Role.RESPONSIBLE
    return None


def label_role(word: str) -> Role:
    """The role of a label's word (the part before 单位/部门 or the colon)."""
    if re.fullmatch(_LEAD_WORDS, word):
        return Role.LEAD
    if re.fullmatch(_RESPONSIBLE_WORDS, word):
        return Role.RESPONSIBLE
    return Role.PERSON if _PERSON_WORDS.search(word) else Role.OTHER


def labelled_fields(text: str) -> list[tuple[Role, str]]:
    """'牵头单位：县教育局；分管领导：张三；配合单位：县财政局' → [(LEAD, '县教育局'), (PERSON, '张三'),
    (RESPONSIBLE, '县财政局')]; text before the first label is not returned."""
    labels: list[tuple[int, int, Role]] = []
    for match in UNIT_LABEL.finditer(text):
        labels.append((match.start(), match.end(), label_role(match.group("role"))))
    for match in _OTHER_LABEL.finditer(text):
        if not any(start <= match.start() < end or match.start() <= start < match.end() for start, end, _ in labels):
            word = re.sub(r"[:：\s]", "", match.group())
            labels.append((match.start(), match.end(), label_role(word)))
    labels.sort()
    fields: list[tuple[Role, str]] = []
    for index, (_, end, role) in enumerate(labels):
        stop = labels[index + 1][0] if index + 1 < len(labels) else len(text)
        fields.append((role, text[end:stop].strip(" \u3000；;，,。")))
    return fields


def says_first_listed_leads(text: str) -> bool:
    return FIRST_LISTED_LEADS.search(text) is not None


def is_title_word(name: str) -> bool:
    return _TITLE_ONLY.match(name) is not None


def has_title(name: str) -> bool:
    return _HAS_TITLE.search(name) is not None
