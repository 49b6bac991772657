"""PDF output with fpdf2, in the same 公文 layout as the Word file: A4, 公文 margins, the title
centred large, bold headings, body text and table cells wrapped, header rows repeated on
every page, page numbers `— 1 —` at the foot, charts embedded.

fpdf2 is pure Python and embeds a subset of the font it is given, so the file shows the same on
every reader. The fonts are Noto Serif / Sans CJK SC from Debian's `fonts-noto-cjk`, which the
setup installs (scripts/ensure_system_packages.sh); a machine without them gets a clear error.
"""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, WrapMode, XPos, YPos
from fpdf.fonts import FontFace

from vetplan.reports.content import Chart, Heading, Paragraph, ReportDocument, Table
from vetplan.reports.fonts import missing

NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
SERIF, SERIF_BOLD, SANS_BOLD = "serif", "serif-bold", "sans-bold"
# Our face → (fontconfig pattern, file name in Debian's package, when fontconfig is absent).
FACES = {
    SERIF: ("Noto Serif CJK SC:style=Regular", "NotoSerifCJK-Regular.ttc"),  # for 仿宋 body text
    SERIF_BOLD: ("Noto Serif CJK SC:style=Bold", "NotoSerifCJK-Bold.ttc"),  # for the 小标宋 title, 楷体 headings
    SANS_BOLD: ("Noto Sans CJK SC:style=Bold", "NotoSansCJK-Bold.ttc"),  # for 黑体 headings and table headers
}

SIZE_TITLE = 22  # 二号
SIZE_BODY = 16  # 三号
SIZE_TABLE = 10.5  # 五号
LINE_BODY = 28 * 25.4 / 72  # 固定值 28 磅, in mm
LINE_TABLE = 6.0
MARGINS = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
HEADER_FILL = (232, 236, 241)
CHART_WIDTH = 150.0
KEEP_HEADING = 2 * LINE_BODY  # a heading and a line of what follows it
KEEP_TABLE = LINE_BODY + 3 * LINE_TABLE  # the title, the header row and a first row


@dataclass(frozen=True)
class FontFile:
    path: Path
    index: int  # the face's number inside a .ttc collection


def to_pdf(document: ReportDocument) -> bytes:
    landscape = any(len(table.columns) > 4 for table in document.tables())
    pdf = _OfficialPDF(orientation="L" if landscape else "P", unit="mm", format="A4")
    for face, font in cjk_fonts().items():
        pdf.add_font(face, "", str(font.path), collection_font_number=font.index)
    pdf.set_margins(MARGINS["left"], MARGINS["top"], MARGINS["right"])
    pdf.set_auto_page_break(auto=True, margin=MARGINS["bottom"])
    pdf.set_title(document.title)
    pdf.set_lang("zh-CN")
    pdf.set_creator("vetplan")
    pdf.add_page()
    _title(pdf, document)
    for block in document.blocks:
        if isinstance(block, Heading):
            _keep_with_next(pdf, KEEP_HEADING)
            _text(pdf, block.text, SANS_BOLD if block.level == 1 else SERIF_BOLD, SIZE_BODY, indent=True)
        elif isinstance(block, Paragraph):
            _text(pdf, block.text, SERIF, SIZE_BODY, indent=True)
        elif isinstance(block, Table):
            _table(pdf, block)
        elif isinstance(block, Chart):
            _chart(pdf, block)
    return bytes(pdf.output())


class _OfficialPDF(FPDF):
    def footer(self) -> None:
        self.set_y(-MARGINS["bottom"] + 7)  # 公文: the number sits about 7 mm below the text block
        self.set_font(SERIF, size=14)
        self.cell(0, 8, f"— {self.page_no()} —", align=Align.C)


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


def _title(pdf: FPDF, document: ReportDocument) -> None:
    if document.doc_number:
        _text(pdf, document.doc_number, SERIF, SIZE_BODY, align=Align.C)
    _text(pdf, document.title, SERIF_BOLD, SIZE_TITLE, align=Align.C, line_height=12)
    if document.issuer or document.date:
        date = f"{document.date.year}年{document.date.month}月{document.date.day}日" if document.date else ""
        _text(pdf, "　".join(x for x in (document.issuer, date) if x), SERIF, SIZE_BODY, align=Align.C)
    pdf.ln(4)


def _text(
    pdf: FPDF,
    text: str,
    face: str,
    size: float,
    *,
    indent: bool = False,
    align: Align = Align.J,
    line_height: float = LINE_BODY,
) -> None:
    pdf.set_font(face, size=size)
    if indent:
        text = "　　" + text  # two full-width spaces: the 公文 first-line indent of two characters
    pdf.multi_cell(0, line_height, text, align=align, wrapmode=WrapMode.CHAR, new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _keep_with_next(pdf: FPDF, height: float) -> None:
    """Start a new page rather than leave a heading or a table title alone at the foot of one."""
    if pdf.will_page_break(height):
        pdf.add_page()


def _table(pdf: FPDF, block: Table) -> None:
    _keep_with_next(pdf, KEEP_TABLE)
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
        padding=1.2,
    ) as table:
        table.row(block.columns)
        for values in block.rows:
            table.row([str(value) for value in values])
    pdf.ln(4)


def _chart(pdf: FPDF, block: Chart) -> None:
    width = min(CHART_WIDTH, pdf.epw)
    pdf.image(io.BytesIO(block.png), x=(pdf.w - width) / 2, w=width)
    if block.title:
        _text(pdf, block.title, SERIF, SIZE_TABLE, align=Align.C, line_height=LINE_TABLE)
