"""Where printed Chinese text may break into lines. Pure, no Django.

Chinese breaks between any two characters, with three exceptions a reader notices at once:
a number, a date or a Latin word cut in two ("202" / "5年度"); a closing mark at the start of a
line ("。", "）", "、" — 避头); an opening mark at the end of one ("（", "《", "“" — 避尾).
`wrap` breaks a text into lines no wider than a measure, between units that respect all three;
only a unit wider than a whole line is cut between its characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A number, a date, a range or a Latin word, with what joins its parts: 3.6, 96.07, 1,200,
# 2026-10-21, 2024—2027, 8:30, GB/T, A+.
_WORD = r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]"
_ATOM = re.compile(rf"{_WORD}+(?:[.,:/_+\-—–~～·'’]{_WORD}+)*|—+|…+|\s|.", re.DOTALL)
# Marks that never start a line (they close or follow what precedes them) ...
NO_LINE_START = frozenset("，。、；：？！）］｝〕〉》」』】〗〙〛”’％‰℃°·,.;:?!)]}%")
# ... and marks that never end one (they open what follows).
NO_LINE_END = frozenset("（［｛〔〈《「『【〖〘〚“‘([{¥￥$#")
# A number keeps the measure word that follows it (2025年, 12项, 3.6万人) on its line.
MEASURE_WORDS = frozenset("年月日时分秒岁万亿元人个次项所名家届期倍")


def units(text: str) -> list[str]:
    """The pieces a line may break between: atoms, each with the marks that must stay with it."""
    pieces: list[str] = []
    for match in _ATOM.finditer(text):
        atom = match.group()
        if pieces and not atom.isspace() and not pieces[-1].isspace():
            follows_number = pieces[-1][-1].isdigit() and atom in MEASURE_WORDS
            if atom[0] in NO_LINE_START or pieces[-1][-1] in NO_LINE_END or follows_number:
                pieces[-1] += atom
                continue
        pieces.append(atom)
    return pieces


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """The lines of `text` (its own line breaks kept), each no wider than `width` by `measure`.

    Spaces at a break are dropped, except at the start of the text (a 　　 indent stays).
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, width, measure))
    return lines


def _wrap_paragraph(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    lines: list[str] = []
    line, used = "", 0.0

    def fill(pieces: list[str]) -> None:
        """Lay pieces one after the other, a piece wider than a line split into smaller ones."""
        nonlocal line, used
        for piece in pieces:
            size = measure(piece)
            if size > width and len(piece) > 1:
                # A unit wider than a line: first between its atoms (a number apart from its
                # brackets), only then between characters (a number longer than a line).
                atoms = _ATOM.findall(piece)
                fill(atoms if len(atoms) > 1 else list(piece))
                continue
            if line and used + size > width:
                lines.append(line.rstrip(" "))
                line, used = "", 0.0
                if piece.isspace():  # the break takes the space
                    continue
            if not line and piece == " " and lines:
                continue  # no space at the start of a continued line
            line += piece
            used += size

    fill(units(text))
    lines.append(line.rstrip(" "))
    return lines
