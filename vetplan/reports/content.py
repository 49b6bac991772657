"""What a report says, independent of how it is laid out. Pure, no Django.

A generator gathers figures into a `ReportDocument`; the docx, xlsx and pdf formatters only
lay it out. So the Word file, the Excel file and the page show the same numbers.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, field
from typing import Any


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


# ---------------------------------------------------------------- a stored copy (published reports)


def to_json(document: ReportDocument) -> dict[str, Any]:
    """A JSON-safe copy of the document (charts as base64 PNG), so a published report stays as published."""
    return {
        "title": document.title,
        "issuer": document.issuer,
        "doc_number": document.doc_number,
        "date": document.date.isoformat() if document.date else None,
        "blocks": [_block_to_json(block) for block in document.blocks],
    }


def from_json(data: dict[str, Any]) -> ReportDocument:
    return ReportDocument(
        title=data["title"],
        issuer=data.get("issuer", ""),
        doc_number=data.get("doc_number", ""),
        date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
        blocks=[_block_from_json(block) for block in data.get("blocks", [])],
    )


def _block_to_json(block: Block) -> dict[str, Any]:
    if isinstance(block, Heading):
        return {"type": "heading", "text": block.text, "level": block.level}
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text}
    if isinstance(block, Table):
        return {
            "type": "table",
            "title": block.title,
            "columns": block.columns,
            "rows": block.rows,
            "widths": block.widths,
        }
    return {"type": "chart", "title": block.title, "png": base64.b64encode(block.png).decode("ascii")}


def _block_from_json(data: dict[str, Any]) -> Block:
    kind = data["type"]
    if kind == "heading":
        return Heading(data["text"], data.get("level", 1))
    if kind == "paragraph":
        return Paragraph(data["text"])
    if kind == "table":
        return Table(data["title"], data["columns"], data["rows"], data.get("widths", []))
    if kind == "chart":
        return Chart(data["title"], base64.b64decode(data["png"]))
    raise ValueError(f"unknown report block type: {kind!r}")
