"""Re-open a PDF as a reader would: its text (pypdf) and its pages as pictures (pdftoppm, when installed)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader


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
