"""Unit names (责任单位 / 牵头单位): splitting a cell or clause into one name per unit."""

from __future__ import annotations

import re

from .roles import BARE_LABEL, FIRST_LISTED_LEADS, UNIT_LABEL, has_title, is_title_word

# Endings of an organisation's name; a 和/及 right after one of them separates two units,
# while 和 inside a name (区工业和信息化局) does not follow such an ending.
UNIT_ENDINGS = (
    "局", "委", "办", "府", "部", "门", "会", "处", "心", "校", "院", "室", "团", "联",
    "社", "站", "所", "队", "厅", "署", "司", "组", "位", "行", "镇", "乡", "街道", "区", "县",
    "高", "中", "园", "馆", "协", "企业", "公司",
)  # fmt: skip
SEPARATORS = "、，,;；/ \u3000\t\n"
# Notes that are not units: the duty note, and the first-listed-leads note when a cell holds it.
_DROPPED = re.compile(
    rf"[（(]\s*按职责分工负责\s*[）)]|[（(][^（）()]*?(?:{FIRST_LISTED_LEADS.pattern})[^（）()]*[）)]"
)
_LABEL = re.compile(rf"^\s*(?:{UNIT_LABEL.pattern})")
_CONJUNCTION = re.compile(r"(?<=[^\s、，,])([和及与])(?=[^\s])")


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    """Split on any separator character that is not inside () or （）."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if char in separators and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part for part in parts if part.strip()]


def _ends_like_unit(text: str) -> bool:
    stripped = re.sub(r"[（(][^（()）]*[）)]$", "", text)
    return stripped.endswith(UNIT_ENDINGS)


def looks_like_unit(name: str) -> bool:
    """Ends as an organisation's name does (县教育局, 各乡镇), a bracketed note aside."""
    return _ends_like_unit(name)


def _split_conjunctions(name: str) -> list[str]:
    """Split '市发展改革委和各县(市、区)政府' but not '区工业和信息化局'."""
    for match in _CONJUNCTION.finditer(name):
        left, right = name[: match.start()], name[match.end() :]
        if len(right) >= 2 and (_ends_like_unit(left.replace("等", "")) or right.startswith("各")):
            return [*_split_conjunctions(left), *_split_conjunctions(right)]
    return [name]


def _drop_etcetera(name: str) -> str:
    """'区科工局等区直有关部门' → '区科工局'; '税务局等' → '税务局'."""
    head, _, _ = name.partition("等")
    return head if head else name


def normalise_unit(name: str) -> str:
    name = _DROPPED.sub("", name)
    name = _LABEL.sub("", name)
    name = re.sub(r"\s+", "", name)
    return name.strip("。.;；:：“”\"'").strip()


def join_broken_lines(text: str) -> str:
    """Join a name broken over lines ('区人力资源社会保障\\n局'), keep a break after a separator."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return ""
    joined = lines[0]
    for line in lines[1:]:
        separator = "" if joined[-1] not in SEPARATORS and not _is_whole_unit_line(joined, line) else "、"
        joined = joined + separator + line
    return joined


def _is_whole_unit_line(previous: str, line: str) -> bool:
    last = _split_outside_brackets(previous, SEPARATORS)[-1] if previous else ""
    return _ends_like_unit(last) and len(line) > 3 and _ends_like_unit(line)


def _is_person(name: str) -> bool:
    """'张三副县长', '副县长张三', '张三（副县长）': a title and no organisation's ending."""
    return has_title(name) and not _ends_like_unit(name)


def _looks_like_given_name(name: str) -> bool:
    return re.fullmatch(r"[\u4e00-\u9fff]{2,3}", name) is not None and not name.endswith(UNIT_ENDINGS)


def _drop_people(names: list[str]) -> list[str]:
    """Drop people, and the name beside a title written apart from it ('张三 副县长')."""
    dropped: set[int] = set()
    for index, name in enumerate(names):
        if not _is_person(name):
            continue
        dropped.add(index)
        if is_title_word(name):
            for beside in (index - 1, index + 1):
                if 0 <= beside < len(names) and beside not in dropped and _looks_like_given_name(names[beside]):
                    dropped.add(beside)
                    break
    return [name for index, name in enumerate(names) if index not in dropped]


def split_units(text: str | None) -> list[str]:
    """One string per unit: split on 、，,; and spaces, on 和/及 between units, drop 等…, people."""
    if not text:
        return []
    text = _DROPPED.sub("", join_broken_lines(text))
    units: list[str] = []
    for piece in _split_outside_brackets(text, SEPARATORS):
        for part in _split_conjunctions(normalise_unit(piece)):
            name = normalise_unit(_drop_etcetera(part))
            if name and name not in units and name not in {"无", "—", "-", "／"} and not BARE_LABEL.fullmatch(name):
                units.append(name)
    return _drop_people(units)
