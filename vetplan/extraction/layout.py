"""From raw text to blocks: body paragraphs, table rows and heading labels.

Tables come in two flattened shapes: one row per line with tab-separated cells (docx, html,
some txt), or one cell per line, each cell line starting with a tab, rows separated by blank
lines and long cells continuing on lines without a tab.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .roles import UNIT_LABEL_LINE

CN_NUM = "一二三四五六七八九十"
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(r"^(第[一二三四五六七八九十百]+[章部分节])\s*(.*)$")),
    (1, re.compile(rf"^([{CN_NUM}]+)\s*[、.．]\s*(.*)$")),
    (2, re.compile(rf"^[（(]\s*([{CN_NUM}]+)\s*[）)]\s*[、.．]?\s*(.*)$")),
    (3, re.compile(r"^(\d{1,2})\s*(?:[、.．]|\s)(?!\d)\s*(.*)$")),
    (4, re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*(.*)$")),
    (4, re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$")),
)
SENTENCE_END = "。；;！？!?"
BULLETS = re.compile(r"^\s*(?:——|—|--|-|•|·|●|○|■|□|▪|◆|\*)\s*")


@dataclass
class Heading:
    level: int
    label: str
    rest: str


@dataclass
class Block:
    """A body paragraph (cells empty) or a table row (cells filled)."""

    text: str
    cells: list[str] = field(default_factory=list)

    @property
    def is_row(self) -> bool:
        return bool(self.cells)


def parse_heading(text: str) -> Heading | None:
    stripped = text.strip()
    for level, pattern in _HEADING_PATTERNS:
        match = pattern.match(stripped)
        if match:
            return Heading(level, match.group(1), match.group(2))
    return None


def is_title_like(text: str) -> bool:
    """A short line without punctuation: a section title or a heading, never half a sentence."""
    stripped = text.strip()
    return 0 < len(stripped) <= 30 and not any(mark in stripped for mark in "。；;，,：:")


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\xa0", " ").replace("\u200b", "")
    return text


def _is_tab_cell(line: str, in_row: bool) -> bool:
    """A one-cell line starting with a tab; a blank one is an empty cell only inside a row."""
    return line.startswith("\t") and "\t" not in line.strip("\t") and (in_row or line.strip() != "")


def _is_tab_row(line: str) -> bool:
    """Cells separated by tabs; a row whose first cell is empty starts with a tab too."""
    if not line.strip():
        return False
    return "\t" in line.strip() or (not line.startswith("\t") and "\t" in line)


def _row_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.rstrip("\n").split("\t")]


def _flush_paragraph(blocks: list[Block], lines: list[str]) -> None:
    if lines:
        blocks.append(Block("".join(lines)))
        lines.clear()


def _flush_row(blocks: list[Block], cells: list[str]) -> None:
    if cells:
        clean = [cell.strip() for cell in cells]
        blocks.append(Block("\t".join(clean), clean))
        cells.clear()


def _starts_new_paragraph(line: str) -> bool:
    return (
        parse_heading(line) is not None
        or bool(BULLETS.match(line))
        or line.startswith(("附件", "附 件"))
        or bool(UNIT_LABEL_LINE.match(line))
    )


def _ends_paragraph(previous: str, line: str) -> bool:
    """A labelled list of units ends at its line unless the list breaks after a separator."""
    ends_label = bool(UNIT_LABEL_LINE.match(previous)) and previous[-1] not in "、，,"
    return previous[-1] in SENTENCE_END + "：:" or is_title_like(previous) or ends_label or _starts_new_paragraph(line)


def split_blocks(text: str) -> list[Block]:
    """Turn text into paragraphs and table rows in document order."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    cells: list[str] = []
    for raw in normalise_text(text).split("\n"):
        line = raw.rstrip(" \u3000\r\xa0")
        if _is_tab_cell(line, bool(cells)):
            _flush_paragraph(blocks, paragraph)
            cells.append(line.strip())
        elif _is_tab_row(line):
            _flush_paragraph(blocks, paragraph)
            _flush_row(blocks, cells)
            blocks.append(Block(line.strip(), _row_cells(line.strip("\n"))))
        elif not line.strip():
            _flush_paragraph(blocks, paragraph)
            _flush_row(blocks, cells)
        elif cells:
            cells[-1] = cells[-1] + "\n" + line.strip()
        else:
            stripped = line.strip()
            if paragraph and _ends_paragraph(paragraph[-1], stripped):
                _flush_paragraph(blocks, paragraph)
            paragraph.append(stripped)
    _flush_paragraph(blocks, paragraph)
    _flush_row(blocks, cells)
    return blocks


def split_sentences(text: str) -> list[str]:
    """Sentences up to and including their 。；, without list bullets."""
    sentences: list[str] = []
    current: list[str] = []
    for char in text:
        current.append(char)
        if char in SENTENCE_END:
            sentences.append("".join(current))
            current = []
    if current:
        sentences.append("".join(current))
    return [BULLETS.sub("", s).strip() for s in sentences if s.strip()]
