"""PDF output with fpdf2, in the same 公文 layout as the Word file: A4, 公文 margins, the title
centred large, bold headings, body text and table cells wrapped, header rows repeated on
every page, page numbers `— 1 —` at the foot, charts embedded.

fpdf2 is pure Python and embeds a subset of the font it is given, so the file shows the same on
every reader. The fonts are Noto Serif / Sans CJK SC from Debian's `fonts-noto-cjk`, which the
setup installs (scripts/ensure_system_packages.sh); a machine without them gets a clear error.
Those faces hold some 65,000 glyphs each, which fpdf2 would read and cut for seconds per file; so
each file first gets faces cut by HarfBuzz to the characters it prints (fonts.subset_font, a few
milliseconds), and fpdf2 reads only those. A character a Serif face lacks comes from the Sans face
of the same weight (Noto Sans CJK has a few dozen rare characters more), never as an empty box.

Lines are broken here (line_breaks.wrap), not by fpdf2: a number, a date or a Latin word is never
cut in two, and no line starts with 。 or ends with （. A table's title and header row stay on the
page of its first row, and a heading on the page of what follows it.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import Align, WrapMode, XPos, YPos
from fpdf.fonts import FontFace, TTFFont
from PIL import Image

from vetplan.reports.content import Block, Chart, Heading, Paragraph, ReportDocument, Table
from vetplan.reports.fonts import missing, subset_font
from vetplan.reports.line_breaks import wrap

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
SERIF, SERIF_BOLD, SANS_BOLD, SANS = "serif", "serif-bold", "sans-bold", "sans"
# Our face → (fontconfig pattern, file name in Debian's package, when fontconfig is absent).
FACES = {
    SERIF: ("Noto Serif CJK SC:style=Regular", "NotoSerifCJK-Regular.ttc"),  # for 仿宋 body text
    SERIF_BOLD: ("Noto Serif CJK SC:style=Bold", "NotoSerifCJK-Bold.ttc"),  # for the 小标宋 title, 楷体 headings
    SANS_BOLD: ("Noto Sans CJK SC:style=Bold", "NotoSansCJK-Bold.ttc"),  # for 黑体 headings and table headers
}
# Where a face's missing characters come from: the Sans face of its weight, when it has them.
FALLBACKS = {SERIF: SANS, SERIF_BOLD: SANS_BOLD}
FALLBACK_FACES = {SANS: ("Noto Sans CJK SC:style=Regular", "NotoSansCJK-Regular.ttc")}

SIZE_TITLE = 22  # 二号
SIZE_BODY = 16  # 三号
SIZE_TABLE = 10.5  # 五号
SIZE_PAGE_NUMBER = 14  # 四号
LINE_BODY = 28 * 25.4 / 72  # 固定值 28 磅, in mm
LINE_TITLE = 12.0
LINE_TABLE = 6.0
MARGINS = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
HEADER_FILL = (232, 236, 241)
CHART_WIDTH = 150.0
CELL_PADDING = 1.2
INDENT = "　　"  # two full-width spaces: the 公文 first-line indent of two characters
PAGE_NUMBER = "— {} —"
# Our own lines are a hair narrower than fpdf2's, so it never breaks them again on a rounding.
SLACK = 0.05


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int  # the face's number inside a .ttc collection


def to_pdf(document: ReportDocument) -> bytes:
    characters = printed_characters(document)
    with tempfile.TemporaryDirectory(prefix="vetplan-pdf-") as scratch:
        content, dropped = _output(_layout(document, characters, Path(scratch)))
        if dropped - characters:  # printed but not foreseen by printed_characters(): lay out again with them
            content, _ = _output(_layout(document, characters | dropped, Path(scratch) / "again"))
        return content


def _output(pdf: _OfficialPDF) -> tuple[bytes, frozenset[str]]:
    """The file, and the characters left out of it for want of a glyph (the last page's number is printed here)."""
    try:
        return bytes(pdf.output()), pdf.dropped_characters()
    finally:
        pdf.close_fonts()


def printed_characters(document: ReportDocument) -> frozenset[str]:
    """Every character the file prints, so its faces are cut to hold them all."""
    return frozenset("".join(_printed(document)) + PAGE_NUMBER.format("0123456789"))


def _printed(document: ReportDocument) -> Iterator[str]:
    yield from (document.doc_number, document.title, _issuer_line(document), INDENT)
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield block.title
            yield from block.columns
            yield from (str(value) for values in block.rows for value in values)
        elif isinstance(block, Chart):
            yield block.title


def _issuer_line(document: ReportDocument) -> str:
    date = f"{document.date.year}年{document.date.month}月{document.date.day}日" if document.date else ""
    return "　".join(x for x in (document.issuer, date) if x)


def _layout(document: ReportDocument, characters: frozenset[str], scratch: Path) -> _OfficialPDF:
    landscape = any(len(table.columns) > 4 for table in document.tables())
    pdf = _OfficialPDF(orientation="L" if landscape else "P", unit="mm", format="A4")
    _add_faces(pdf, characters, scratch)
    pdf.set_margins(MARGINS["left"], MARGINS["top"], MARGINS["right"])
    pdf.set_auto_page_break(auto=True, margin=MARGINS["bottom"])
    pdf.set_title(document.title)
    pdf.set_lang("zh-CN")
    pdf.set_creator("vetplan")
    pdf.add_page()
    _title(pdf, document)
    for number, block in enumerate(document.blocks):
        if isinstance(block, Heading):
            _keep_with_next(pdf, _opening_height(pdf, document.blocks[number:]))
            _text(pdf, block.text, _heading_face(block), SIZE_BODY, indent=True)
        elif isinstance(block, Paragraph):
            _text(pdf, block.text, SERIF, SIZE_BODY, indent=True)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Chart):
            _chart(pdf, block)
    return pdf


class _OfficialPDF(FPDF):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fallbacks: dict[str, str] = {}  # face → the face that prints the characters it lacks
        self._widths: dict[tuple[str, float], dict[str, float]] = {}

    def measure(self, face: str, size: float) -> Callable[[str], float]:
        """Sets the face and size, and measures text in them; a report measures the same characters
        over and over, so each width is measured once."""
        self.set_font(face, size=size)
        widths = self._widths.setdefault((face, size), {})

        def width(text: str) -> float:
            if text not in widths:
                widths[text] = self.get_string_width(text)
            return widths[text]

        return width

    def footer(self) -> None:
        self.set_y(-MARGINS["bottom"] + 7)  # 公文: the number sits about 7 mm below the text block
        self.set_font(SERIF, size=SIZE_PAGE_NUMBER)
        self.cell(0, 8, PAGE_NUMBER.format(self.page_no()), align=Align.C)

    def get_fallback_font(self, char: str, style: str = "") -> str | None:
        """The Sans face of the current face's weight, for a character the current face lacks."""
        fallback = self.fallbacks.get(self.font_family)
        if fallback is not None and ord(char) in self.fonts[fallback].cmap:
            return fallback
        return None

    def dropped_characters(self) -> frozenset[str]:
        """Characters fpdf2 left out because the face in use had no glyph for them."""
        return frozenset(chr(code) for font in self._faces() for code in font.missing_glyphs)

    def close_fonts(self) -> None:
        """Close the cut faces' files now (fontTools reads them lazily), not when the collector gets to them."""
        for font in self._faces():
            font.close()

    def _faces(self) -> list[TTFFont]:
        return [font for font in self.fonts.values() if isinstance(font, TTFFont)]


def _add_faces(pdf: _OfficialPDF, characters: frozenset[str], scratch: Path) -> None:
    """Each face cut to the document's characters; a fallback face where a face lacks some of them."""
    scratch.mkdir(parents=True, exist_ok=True)
    for face, font in cjk_fonts().items():
        _add_face(pdf, face, font, characters, scratch)
    for face, fallback in FALLBACKS.items():
        lacking = frozenset(c for c in characters if ord(c) not in pdf.fonts[face].cmap and c.isprintable())
        if not lacking:
            continue
        if fallback not in pdf.fonts:
            font = _fallback_font(fallback)
            if font is None:
                continue
            _add_face(pdf, fallback, font, lacking, scratch)
        pdf.fallbacks[face] = fallback
    if pdf.fallbacks:
        pdf.set_fallback_fonts(sorted(set(pdf.fallbacks.values())), exact_match=False)


def _add_face(pdf: _OfficialPDF, face: str, font: FontFile, characters: frozenset[str], scratch: Path) -> None:
    path = scratch / f"{face}.otf"
    path.write_bytes(subset_font(font.path, font.index, sorted(characters)))
    pdf.add_font(face, "", str(path))
    # fpdf2 cuts the face again to the glyphs used when it writes the file; measuring every glyph's
    # outline for the font's bounding box there costs more than all the rest. The PDF takes its
    # bounding box from the face's own `head` table, which HarfBuzz keeps.
    pdf.fonts[face].ttfont.recalcBBoxes = False


def _fallback_font(face: str) -> FontFile | None:
    try:
        return _find_font(*FALLBACK_FACES[face])
    except RuntimeError:  # FontMissingError: the fallback is a nicety, the main faces are required
        return None


def cjk_fonts() -> dict[str, FontFile]:
    """The installed font file of each face we use; raises FontMissingError naming the package."""
    return {face: _find_font(*FACES[face]) for face in FACES}


@functools.cache
def _find_font(pattern: str, file_name: str) -> FontFile:
    family = pattern.split(":", 1)[0]
    fc_match = shutil.which("fc-match")
    if fc_match:
        # Fixed argv, no shell: fontconfig answers with the file and the face inside it.
        answer = subprocess.run(  # noqa: S603
            [fc_match, "-f", "%{family}|%{file}|%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout
        families, _, rest = answer.partition("|")
        matched, _, index = rest.partition("|")
        if family in families.split(",") and Path(matched).is_file():
            return FontFile(Path(matched), int(index or 0))
    known = NOTO_DIR / file_name
    if known.is_file():
        return FontFile(known, _collection_index(known, family))
    raise missing(family, "生成 PDF ")


def _collection_index(path: Path, family: str) -> int:
    from fontTools.ttLib import TTCollection

    with TTCollection(str(path), lazy=True) as collection:
        for index, font in enumerate(collection.fonts):
            if font["name"].getDebugName(1) == family:
                return index
    return 0


def _title(pdf: _OfficialPDF, document: ReportDocument) -> None:
    if document.doc_number:
        _text(pdf, document.doc_number, SERIF, SIZE_BODY, align=Align.C)
    _text(pdf, document.title, SERIF_BOLD, SIZE_TITLE, align=Align.C, line_height=LINE_TITLE)
    if document.issuer or document.date:
        _text(pdf, _issuer_line(document), SERIF, SIZE_BODY, align=Align.C)
    pdf.ln(4)


def _heading_face(heading: Heading) -> str:
    return SANS_BOLD if heading.level == 1 else SERIF_BOLD


def _text(
    pdf: _OfficialPDF,
    text: str,
    face: str,
    size: float,
    *,
    indent: bool = False,
    align: Align = Align.J,
    line_height: float = LINE_BODY,
) -> None:
    pdf.set_x(pdf.l_margin)
    lines = _lines(pdf, INDENT + text if indent else text, face, size)
    pdf.multi_cell(
        0, line_height, "\n".join(lines), align=align, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )


def _lines(pdf: _OfficialPDF, text: str, face: str, size: float, width: float | None = None) -> list[str]:
    """The text's lines across the text block (or `width`), in `face` at `size` (which stays set)."""
    if width is None:
        width = pdf.epw - 2 * pdf.c_margin  # what fpdf2's multi_cell leaves for text across the block
    return wrap(text, width - SLACK, pdf.measure(face, size))


def _keep_with_next(pdf: _OfficialPDF, height: float) -> None:
    """Start a new page rather than leave a heading or a table's title and header alone at the foot of one."""
    if pdf.will_page_break(height):
        pdf.add_page()


def _opening_height(pdf: _OfficialPDF, blocks: Sequence[Block]) -> float:
    """How much of the page the first block needs, with the opening of what follows a heading:
    a heading never ends a page, nor does a table's title or header row."""
    block = blocks[0]
    if isinstance(block, Heading):
        height = len(_lines(pdf, INDENT + block.text, _heading_face(block), SIZE_BODY)) * LINE_BODY
        return height + (_opening_height(pdf, blocks[1:]) if len(blocks) > 1 else 0.0)
    if isinstance(block, Paragraph):
        return LINE_BODY
    if isinstance(block, Table):
        return _WrappedTable(pdf, block).opening_height
    return _chart_height(pdf, block)


class _WrappedTable:
    """A table's title and cells broken into lines for their column widths, and the heights that follow."""

    def __init__(self, pdf: _OfficialPDF, block: Table) -> None:
        self.page_height = pdf.page_break_trigger - pdf.t_margin
        widths = block.widths or [1.0] * len(block.columns)
        # fpdf2 shares the text block's width by the relative widths; padding on both sides of a cell.
        text_widths = [pdf.epw * width / sum(widths) - 2 * CELL_PADDING for width in widths]
        self.title = _lines(pdf, block.title, SANS_BOLD, SIZE_BODY) if block.title else []
        self.header = self._cells(pdf, block.columns, text_widths, SANS_BOLD)
        self.rows = [self._cells(pdf, [str(value) for value in values], text_widths, SERIF) for values in block.rows]

    @staticmethod
    def _cells(pdf: _OfficialPDF, values: list[str], widths: list[float], face: str) -> list[str]:
        # A row longer than the header (fpdf2 allows it) takes the last column's width for the rest.
        return [
            "\n".join(_lines(pdf, value, face, SIZE_TABLE, widths[min(column, len(widths) - 1)]))
            for column, value in enumerate(values)
        ]

    @staticmethod
    def row_height(cells: list[str]) -> float:
        return max((cell.count("\n") + 1 for cell in cells), default=1) * LINE_TABLE + 2 * CELL_PADDING

    @property
    def opening_height(self) -> float:
        """What must share a page: the title, the header row and the first row; or the whole table
        when it is short (a third of a page at most), so a few rows are not split to leave one alone."""
        height = len(self.title) * LINE_BODY + self.row_height(self.header)
        whole = height + sum(self.row_height(row) for row in self.rows)
        if whole <= self.page_height / 3:
            return whole
        return height + (self.row_height(self.rows[0]) if self.rows else 0.0)


def _table(pdf: _OfficialPDF, block: Table) -> None:
    wrapped = _WrappedTable(pdf, block)
    _keep_with_next(pdf, wrapped.opening_height)
    if block.title:
        _text(pdf, block.title, SANS_BOLD, SIZE_BODY, align=Align.C)
    pdf.set_font(SERIF, size=SIZE_TABLE)
    headings = FontFace(family=SANS_BOLD, size_pt=SIZE_TABLE, fill_color=HEADER_FILL)
    with pdf.table(
        col_widths=tuple(block.widths) if block.widths else None,
        headings_style=headings,
        line_height=LINE_TABLE,
        repeat_headings=1,  # on every page, as annex tables print
        text_align=Align.L,
        wrapmode=WrapMode.CHAR,
        padding=CELL_PADDING,
    ) as table:
        table.row(wrapped.header)
        for cells in wrapped.rows:
            table.row(cells)
    pdf.ln(4)


def _chart_size(pdf: _OfficialPDF, block: Chart) -> tuple[float, float]:
    width = min(CHART_WIDTH, pdf.epw)
    with Image.open(io.BytesIO(block.png)) as picture:
        return width, width * picture.height / picture.width


def _chart_height(pdf: _OfficialPDF, block: Chart) -> float:
    caption = len(_lines(pdf, block.title, SERIF, SIZE_TABLE)) * LINE_TABLE if block.title else 0.0
    return _chart_size(pdf, block)[1] + caption


def _chart(pdf: _OfficialPDF, block: Chart) -> None:
    _keep_with_next(pdf, _chart_height(pdf, block))  # the caption stays under its chart
    width, _ = _chart_size(pdf, block)
    pdf.image(io.BytesIO(block.png), x=(pdf.w - width) / 2, w=width)
    if block.title:
        _text(pdf, block.title, SERIF, SIZE_TABLE, align=Align.C, line_height=LINE_TABLE)
