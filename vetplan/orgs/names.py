"""Unit-name normalisation for matching the names plans use to organisations. Pure, no Django.

Plans name the same unit many ways: 区教体局 / 区教育体育局 / 教体局, 县人社局 /
县人力资源和社会保障局. Matching is on a normalised key: no whitespace or brackets, and the
region's own name or a bare 县/区/市 prefix removed, so `示范县教体局`, `县教体局` and `教体局`
meet. Full names and abbreviations are tied together by the aliases an organisation carries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOISE = re.compile(r"[\s\u3000“”\"'《》<>（）()【】\[\]·•]")
_ADMIN_PREFIX = re.compile(r"^(?:县|区|市|州|旗)(?=.{2,})")


def region_prefixes(region_names: Iterable[str]) -> list[str]:
    """Name variants of the regions a unit may be prefixed with, longest first (示范县, 示范)."""
    variants: set[str] = set()
    for name in region_names:
        name = _NOISE.sub("", name)
        if not name:
            continue
        variants.add(name)
        stem = re.sub(r"(?:自治县|自治州|县|区|市|州|旗|省)$", "", name)
        if len(stem) >= 2:
            variants.add(stem)
    return sorted(variants, key=len, reverse=True)


def unit_key(name: str, prefixes: Iterable[str] = ()) -> str:
    """The matching key of a unit name: `示范县教体局` and `县教体局` both give `教体局`."""
    key = _NOISE.sub("", name)
    for prefix in prefixes:
        if key.startswith(prefix) and len(key) > len(prefix) + 1:
            key = key[len(prefix) :]
            break
    return _ADMIN_PREFIX.sub("", key)
