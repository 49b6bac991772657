"""The CJK fonts printed reports need (Debian's fonts-noto-cjk, installed by the setup), the error
that names the package when a machine lacks them, and the cut-down faces a PDF embeds. Pure, no
Django."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

FONT_PACKAGE = "fonts-noto-cjk"


class FontMissingError(RuntimeError):
    """The CJK fonts are not installed; the message says which package to install."""


def missing(family: str, purpose: str) -> FontMissingError:
    return FontMissingError(
        f"{purpose}需要中文字体“{family}”，本机未安装。请安装 Debian 软件包 {FONT_PACKAGE}"
        f"（apt-get install {FONT_PACKAGE}）后重试。"
    )


# Tables the PDF does not use: it places each glyph itself (no OpenType layout, no vertical text).
_UNUSED_TABLES = ("GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG", "vhea", "vmtx", "DSIG")


def subset_font(path: Path, index: int, characters: Iterable[str]) -> bytes:
    """The face `index` of the font file `path`, cut down to the glyphs of `characters`.

    The Noto CJK faces hold some 65,000 glyphs in 20–27 MB. HarfBuzz's subsetter (C) cuts one in a
    few milliseconds where fontTools, which fpdf2 uses, reads and cuts it in seconds; so every PDF
    gets faces of its own characters only, and nothing is cached. CFF subroutines are inlined, which
    makes the cut face quicker for fpdf2 to read again when it writes the file. A character the face
    lacks is simply not in the result (the caller looks in its cmap).
    """
    import uharfbuzz as hb

    face = hb.Face(hb.Blob.from_file_path(str(path)), index)
    wanted = hb.SubsetInput()
    wanted.unicode_set.update(ord(character) for character in characters)
    dropped = wanted.sets(hb.SubsetInputSets.DROP_TABLE_TAG)
    for tag in _UNUSED_TABLES:
        dropped.add(int.from_bytes(tag.encode("ascii"), "big"))
    wanted.flags = hb.SubsetFlags.DESUBROUTINIZE | hb.SubsetFlags.NO_LAYOUT_CLOSURE | hb.SubsetFlags.NOTDEF_OUTLINE
    try:
        cut = hb.subset(face, wanted)
    except RuntimeError:  # HarfBuzz could not read the face: not a font we can print with
        raise FontMissingError(
            f"无法读取字体文件 {path}（第 {index} 个字体）。请重新安装 Debian 软件包 {FONT_PACKAGE}。"
        ) from None
    return bytes(cut.blob.data)
