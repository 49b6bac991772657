"""Zip bombs for the upload tests: Office files of about 1 MB that unpack to hundreds of MB or a GiB.

The big member is deflated once per 8 MiB piece and repeated: after a full flush the compressor
starts afresh, so every piece of zeros compresses to the same bytes and the archive is written
in well under a second, with its true CRC, instead of deflating a GiB each time.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

MIB = 1024 * 1024
GIB = 1024 * MIB

CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b'<Override PartName="/xl/workbook.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b"</Types>"
)
DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Target="word/document.xml" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    b"</Relationships>"
)
XLSX_RELS = DOCX_RELS.replace(b"word/document.xml", b"xl/workbook.xml")
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="\xe6\x95\xb0\xe6\x8d\xae" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = DOCX_RELS.replace(b"word/document.xml", b"worksheets/sheet1.xml").replace(
    b"relationships/officeDocument", b"relationships/worksheet"
)

PARAGRAPH = "<w:p><w:r><w:t>到2027年，建成3个以上县级产教融合实训基地。</w:t></w:r></w:p>".encode()
DOCX_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
)
DOCX_TAIL = b"</w:body></w:document>"
ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c><c><v>2024</v></c><c><v>1</v></c></row>'
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = b"</sheetData></worksheet>"


def zeros_docx(path: Path, size: int = GIB) -> Path:
    """A .docx whose word/document.xml is `size` bytes of zeros."""
    return _write(path, _docx_parts(), "word/document.xml", b"", b"\0", size, b"")


def xml_docx(path: Path, size: int = 300 * MIB) -> Path:
    """A .docx whose word/document.xml is `size` bytes of valid XML (the same paragraph over and over)."""
    return _write(path, _docx_parts(), "word/document.xml", DOCX_HEAD, PARAGRAPH, size, DOCX_TAIL)


def zeros_xlsx(path: Path, size: int = GIB) -> Path:
    """An .xlsx (sheet 数据) whose worksheet is `size` bytes of zeros."""
    return _write(path, _xlsx_parts(), "xl/worksheets/sheet1.xml", b"", b"\0", size, b"")


def xml_xlsx(path: Path, size: int = 300 * MIB) -> Path:
    """An .xlsx whose worksheet is `size` bytes of valid rows."""
    return _write(path, _xlsx_parts(), "xl/worksheets/sheet1.xml", SHEET_HEAD, ROW, size, SHEET_TAIL)


def many_members_zip(path: Path, members: int = 20_000, main: str = "word/document.xml") -> Path:
    """A small archive of tens of thousands of empty members (a zip's other way to exhaust a reader)."""
    entries = [("[Content_Types].xml", CONTENT_TYPES), (main, b"<x/>")]
    entries += [(f"customXml/item{n}.xml", b"") for n in range(members)]
    return _archive(path, [(name, *_deflated(data)) for name, data in entries])


def _docx_parts() -> list[tuple[str, bytes]]:
    return [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", DOCX_RELS)]


def _xlsx_parts() -> list[tuple[str, bytes]]:
    return [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", XLSX_RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    ]


def _write(
    path: Path, parts: list[tuple[str, bytes]], big: str, head: bytes, unit: bytes, size: int, tail: bytes
) -> Path:
    piece_input = unit * max(1, (8 * MIB) // len(unit))
    count = max(1, (size - len(head) - len(tail)) // len(piece_input))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    piece = compressor.compress(piece_input) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.compress(tail) + compressor.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(piece_input, crc)
    crc = zlib.crc32(tail, crc)
    unpacked = len(head) + count * len(piece_input) + len(tail)
    members = [(name, *_deflated(data)) for name, data in parts]
    members.append((big, [first, *([piece] * count), last], crc, unpacked))
    return _archive(path, members)


def _deflated(data: bytes) -> tuple[list[bytes], int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return [compressor.compress(data) + compressor.flush()], zlib.crc32(data), len(data)


def _archive(path: Path, members: list[tuple[str, list[bytes], int, int]]) -> Path:
    """Write a plain (non-ZIP64) zip of deflated members: local headers, data, central directory."""
    directory = []
    with open(path, "wb") as out:
        for name, chunks, crc, unpacked in members:
            encoded = name.encode()
            packed = sum(len(c) for c in chunks)
            offset = out.tell()
            out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, packed, unpacked, len(encoded), 0))
            out.write(encoded)
            for chunk in chunks:
                out.write(chunk)
            directory.append(
                struct.pack(
                    "<4s6H3L5H2L",
                    b"PK\x01\x02",
                    20,
                    20,
                    0,
                    8,
                    0,
                    0,
                    crc,
                    packed,
                    unpacked,
                    len(encoded),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
                + encoded
            )
        start = out.tell()
        for entry in directory:
            out.write(entry)
        size = out.tell() - start
        out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), size, start, 0))
    return path
