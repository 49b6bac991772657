"""Re-open a PDF as a reader would: its text (pypdf) and its pages as pictures (pdftoppm, when installed);
and compare its text with the document it lays out."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from vetplan.reports.content import Chart, Heading, Paragraph, ReportDocument, Table


def pdf_pages(content: bytes) -> list[str]:
    """Each page's text without whitespace.

    pypdf reads fpdf2's two-byte CID codes with a NUL between glyphs, where poppler's pdftotext
    reads them cleanly; both are dropped so the text compares as written.
    """
    pages = PdfReader(io.BytesIO(content)).pages
    return ["".join(page.extract_text().replace("\x00", "").split()) for page in pages]


def pdf_text(content: bytes) -> str:
    return "".join(pdf_pages(content))


def render_first_page(content: bytes, tmp_path: Path) -> Image.Image | None:
    """The first page as a picture at 50 dpi, or None where poppler-utils is not installed."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        return None
    source = tmp_path / "report.pdf"
    source.write_bytes(content)
    subprocess.run([pdftoppm, "-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile", source, tmp_path / "page"],  # noqa: S603
                   check=True, timeout=60)  # fmt: skip
    return Image.open(tmp_path / "page.png").convert("L")


def ink_share(image: Image.Image) -> float:
    """The share of the page that is not white: 0 for a blank page."""
    histogram = image.histogram()
    return 1 - sum(histogram[250:]) / (image.width * image.height)


def pdf_lines(content: bytes) -> list[list[str]]:
    """Each page's lines of text (one per baseline), without whitespace inside a line."""
    pages = PdfReader(io.BytesIO(content)).pages
    lines = [page.extract_text().replace("\x00", "").split("\n") for page in pages]
    return [[squashed for line in page if (squashed := "".join(line.split()))] for page in lines]


def document_strings(document: ReportDocument) -> list[str]:
    """What a report says, in the order it is printed: the heading lines, then every block."""
    date = f"{document.date.year}年{document.date.month}月{document.date.day}日" if document.date else ""
    strings = [document.doc_number, document.title, document.issuer, date]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            strings.append(block.text)
        elif isinstance(block, Table):
            strings += [block.title, *block.columns, *(str(value) for row in block.rows for value in row)]
        elif isinstance(block, Chart):
            strings.append(block.title)
    return strings


def unprinted(content: bytes, document: ReportDocument) -> str:
    """Where the PDF's text departs from the document's, or "" when it prints every character in order.

    Each page ends with its number `—N—`; a page that continues a table starts with its header row
    again. Whitespace does not count.
    """
    expected = "".join("".join(text.split()) for text in document_strings(document))
    headers = ["".join("".join(column.split()) for column in table.columns) for table in document.tables()]
    position = 0
    for number, page in enumerate(pdf_pages(content), start=1):
        footer = f"—{number}—"
        if not page.endswith(footer):
            return f"page {number} does not end with its number: …{page[-20:]}"
        page = page.removesuffix(footer)
        if not expected.startswith(page, position):
            repeated = [
                h for h in headers if h and page.startswith(h) and expected.startswith(page[len(h) :], position)
            ]
            if not repeated:
                at = next((i for i, c in enumerate(page) if expected[position + i : position + i + 1] != c), len(page))
                return f"page {number}: printed …{page[max(0, at - 10) : at + 10]}…, the document says …{expected[position + max(0, at - 10) : position + at + 10]}…"
            page = page[len(repeated[0]) :]
        position += len(page)
    if position != len(expected):
        return f"not printed: {expected[position : position + 40]}…"
    return ""
