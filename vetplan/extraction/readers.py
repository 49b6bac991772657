"""Reading plan documents: .txt (UTF-8, GB18030, UTF-16), .docx, .pdf and .html as plain text.

Tables become one line per row with tab-separated cells, in document order, one cell per
column of the table's grid so that every row lines up with its header. A vertically merged
cell (rowspan, Word's vMerge) repeats its value in every row it covers: a 牵头单位 written
once for two tasks leads both. A horizontally merged cell (colspan, gridSpan) gives its value
once, in its first column, and leaves the columns it covers empty: a section title or a long
sentence is not read again from every column it spans.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .archives import DOCX_LIMITS, ArchiveError, check_zip

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


class DocumentReadError(Exception):
    """A document that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"无法读取 {self.path.name}：{reason}")


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOMs first, then UTF-8, then GB18030 (a superset of GBK and GB2312)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def read_txt(path: Path) -> str:
    try:
        return decode_text(path.read_bytes())
    except UnicodeDecodeError as error:
        raise DocumentReadError(path, "文本编码无法识别（支持 UTF-8、GB18030、UTF-16）") from error


def _docx_lines(path: Path) -> Iterator[str]:
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, document).text
        elif tag == "tbl":
            yield from _table_lines(Table(child, document))


def _cell_text(text: str) -> str:
    """A cell on one line: its paragraphs joined by a space (split_units splits on it)."""
    return re.sub(r"\s*\n\s*", " ", text.strip()).replace("\t", " ")


def _table_lines(table: object) -> Iterator[str]:
    """One line per row, one cell per grid column (see merged_grid_row)."""
    from docx.table import Table

    assert isinstance(table, Table)  # noqa: S101 - narrows the type for mypy
    for row in table.rows:
        # python-docx gives the root cell of a vertical merge in every row it covers, and
        # the same cell once per grid column it spans.
        cells: list[str] = [""] * int(getattr(row, "grid_cols_before", 0) or 0)
        previous: object = None
        for cell in row.cells:
            cells.append("" if cell._tc is previous else _cell_text(cell.text))
            previous = cell._tc
        cells.extend([""] * int(getattr(row, "grid_cols_after", 0) or 0))
        yield "\t".join(cells)


def read_docx(path: Path) -> str:
    try:
        check_zip(path, DOCX_LIMITS)  # before python-docx unpacks anything
    except ArchiveError as error:
        raise DocumentReadError(path, error.reason) from error
    except zipfile.BadZipFile as error:
        raise DocumentReadError(path, "不是有效的 Word（.docx）文件") from error
    try:
        return "\n".join(_docx_lines(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise DocumentReadError(path, "不是有效的 Word（.docx）文件") from error


def read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise DocumentReadError(path, "不是有效的 PDF 文件") from error
    text = unify_radicals("\n".join(pages))
    if not text.strip():
        raise DocumentReadError(path, "PDF 没有文字层（可能是扫描件）")
    return text


# Kangxi Radicals and CJK Radicals Supplement: PDF text layers often map 示, 高, 行 ... to
# these look-alike code points (⽰, ⾼, ⾏), which no rule or unit name would then match.
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def unify_radicals(text: str) -> str:
    """Replace radical code points by the ideographs they stand for (NFKC, radicals only,
    so full-width punctuation such as （） and ： stays as the plans print it)."""
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def read_html(path: Path) -> str:
    from bs4 import BeautifulSoup

    try:
        markup = decode_text(path.read_bytes())
    except UnicodeDecodeError as error:
        raise DocumentReadError(path, "网页编码无法识别") from error
    soup = BeautifulSoup(markup, "html.parser")
    for hidden in soup(["script", "style", "noscript", "head"]):
        hidden.decompose()
    for table in soup.find_all("table"):
        rows = ["\t".join(cells) for cells in _html_grid(table)]
        table.replace_with(soup.new_string("\n" + "\n".join(rows) + "\n"))
    for br in soup.find_all("br"):
        br.replace_with(soup.new_string("\n"))
    blocks = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "section", "article", "tr"]
    for element in soup.find_all(blocks):
        element.insert_after(soup.new_string("\n"))
    return soup.get_text()


def _span(cell: Any, name: str) -> int:
    """A rowspan/colspan attribute as a count of rows or columns (nonsense counts as 1)."""
    try:
        span = int(str(cell.get(name) or 1).strip())
    except ValueError:
        return 1
    return min(span, 1000) if span > 0 else 1


def _html_grid(table: Any) -> list[list[str]]:
    """The table's rows laid out on its grid, spans filled as the module docstring says."""
    grid: dict[tuple[int, int], str] = {}
    rows = table.find_all("tr")
    for row_index, row in enumerate(rows):
        column = 0
        for cell in row.find_all(["td", "th"], recursive=False):
            while (row_index, column) in grid:
                column += 1
            text = _cell_text(cell.get_text(" ", strip=True))
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            for down in range(rowspan):
                for across in range(colspan):
                    grid[(row_index + down, column + across)] = text if across == 0 else ""
            column += colspan
    lines: list[list[str]] = []
    for row_index in range(len(rows)):
        width = 1 + max((c for r, c in grid if r == row_index), default=-1)
        lines.append([grid.get((row_index, c), "") for c in range(width)])
    return lines


READERS: dict[str, Callable[[Path], str]] = {
    ".txt": read_txt,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
}


def read_document(path: Path | str) -> str:
    """The document's text; raises DocumentReadError naming the file and the reason."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentReadError(path, f"不支持的文件类型 {path.suffix or '（无扩展名）'}")
    if not path.is_file():
        raise DocumentReadError(path, "文件不存在")
    try:
        return reader(path)
    except DocumentReadError:
        raise
    except OSError as error:
        raise DocumentReadError(path, f"读取失败（{error.strerror or error}）") from error
    except Exception as error:  # third-party parsers raise many kinds of errors on broken files
        raise DocumentReadError(path, f"文件已损坏或格式不正确（{type(error).__name__}）") from error
