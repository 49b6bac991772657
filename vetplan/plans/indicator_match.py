"""Linking extracted targets to catalogue indicators by name or synonym. Pure, no Django.

A target's indicator text (`全县“双师型”教师占专业课教师比例`) is matched against a
catalogue of indicators, each a code, a name and synonyms. The catalogue arrives with the
indicator app; this function works on whatever catalogue it is given, so the caller decides
where the catalogue comes from and what to do with the matches.

Matching is on a normalised form (full-width folded, no whitespace, quotes, brackets or
punctuation, no leading 全县/全区/全市 scope words): an exact match on the name or a synonym
wins; otherwise the longest catalogue term contained in the target's text, if only one
indicator has a term of that length. Terms shorter than three characters never match by
containment (`比例` is in half of all indicators).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

_NOISE = re.compile(r"[\s\u3000“”‘’\"'《》<>〈〉（）()【】\[\]{}·•、，,。.；;：:!！?？\-—–_/]")
_SCOPE_PREFIX = re.compile(r"^(?:全省|全市|全州|全县|全区|全旗|本县|本区|本市|我县|我区|我市|各地)")
MIN_CONTAINED_TERM = 3


@dataclass(frozen=True)
class CatalogueIndicator:
    code: str
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class IndicatorMatch:
    code: str
    name: str
    exact: bool  # True: the whole text is the name or a synonym; False: it contains one


def normalise_indicator(text: str) -> str:
    """The matching form of an indicator name: `全县“双师型”教师 比例` → `双师型教师比例`."""
    folded = unicodedata.normalize("NFKC", text or "").lower()
    return _SCOPE_PREFIX.sub("", _NOISE.sub("", folded))


def link_targets_to_catalogue(targets: Iterable[Any], catalogue: Iterable[Any]) -> list[IndicatorMatch | None]:
    """For each target (a str, a mapping or an object with `indicator`/`indicator_text`), its match or None.

    Catalogue entries may be `CatalogueIndicator`s, `(code, name, synonyms)` tuples, mappings
    with those keys, or objects with those attributes (an Indicator model row).
    """
    entries = [_entry(item) for item in catalogue]
    exact: dict[str, CatalogueIndicator | None] = {}
    terms: list[tuple[str, CatalogueIndicator]] = []
    for entry in entries:
        for term in {normalise_indicator(t) for t in (entry.name, *entry.synonyms)}:
            if not term:
                continue
            # Two indicators sharing a term make that term ambiguous: it links to neither.
            exact[term] = None if term in exact and exact[term] != entry else entry
            if len(term) >= MIN_CONTAINED_TERM:
                terms.append((term, entry))
    terms.sort(key=lambda pair: len(pair[0]), reverse=True)
    return [_match(normalise_indicator(_indicator_text(t)), exact, terms) for t in targets]


def _match(
    text: str, exact: Mapping[str, CatalogueIndicator | None], terms: Sequence[tuple[str, CatalogueIndicator]]
) -> IndicatorMatch | None:
    if not text:
        return None
    if text in exact:
        entry = exact[text]
        return IndicatorMatch(entry.code, entry.name, exact=True) if entry else None
    found: CatalogueIndicator | None = None
    found_length = 0
    for term, entry in terms:
        if len(term) < found_length:
            break
        if term in text:
            if found is not None and found != entry:
                return None  # two indicators fit equally well: leave it to a person
            found, found_length = entry, len(term)
    return IndicatorMatch(found.code, found.name, exact=False) if found else None


def _entry(item: Any) -> CatalogueIndicator:
    if isinstance(item, CatalogueIndicator):
        return item
    if isinstance(item, tuple | list):
        code, name, *rest = item
        synonyms = rest[0] if rest else ()
    elif isinstance(item, Mapping):
        code, name, synonyms = item["code"], item["name"], item.get("synonyms") or ()
    else:
        code, name, synonyms = item.code, item.name, getattr(item, "synonyms", None) or ()
    if isinstance(synonyms, str):
        synonyms = [s for s in re.split(r"[、,，;；\n]", synonyms) if s.strip()]
    return CatalogueIndicator(str(code), str(name), tuple(str(s) for s in synonyms))


def _indicator_text(target: Any) -> str:
    if isinstance(target, str):
        return target
    if isinstance(target, Mapping):
        return str(target.get("indicator") or target.get("indicator_text") or "")
    return str(getattr(target, "indicator_text", None) or getattr(target, "indicator", None) or "")
