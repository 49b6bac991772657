"""The CJK fonts printed reports need (Debian's fonts-noto-cjk, installed by the setup), and the
error that names the package when a machine lacks them. Pure, no Django."""

from __future__ import annotations

FONT_PACKAGE = "fonts-noto-cjk"


class FontMissingError(RuntimeError):
    """The CJK fonts are not installed; the message says which package to install."""


def missing(family: str, purpose: str) -> FontMissingError:
    return FontMissingError(
        f"{purpose}需要中文字体“{family}”，本机未安装。请安装 Debian 软件包 {FONT_PACKAGE}"
        f"（apt-get install {FONT_PACKAGE}）后重试。"
    )
