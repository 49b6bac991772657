"""What a report says, independent of how it is laid out. Pure, no Django.

A generator gathers figures into a `ReportDocument`; the docx, xlsx and pdf formatters only
lay it out. So the Word file, the Excel file and the page show the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: 一、 (黑体); 2: （一） (楷体)


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    title: str
    columns: list[str]
    rows: list[list[str]]
    # Relative column widths (the formatters scale them to the page); equal when empty.
    widths: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Chart:
    title: str
    png: bytes


Block = Heading | Paragraph | Table | Chart


@dataclass
class ReportDocument:
    title: str
    issuer: str = ""
    doc_number: str = ""
    date: dt.date | None = None
    blocks: list[Block] = field(default_factory=list)

    def tables(self) -> list[Table]:
        return [block for block in self.blocks if isinstance(block, Table)]
