"""Linking extracted targets to catalogue indicators by name, synonym or key terms. Pure, no Django.

A target's indicator text (`全县“双师型”教师占专业课教师比例`) is matched against a
catalogue of indicators, each a code, a name, synonyms and term sets (`双师型+比例`: every
term must occur). The catalogue arrives with the indicator app; these functions work on
whatever catalogue they are given, so the caller decides where the catalogue comes from and
what to do with the matches.

Matching is on a normalised form (full-width folded, no whitespace, quotes, brackets or
punctuation, no leading 全县/全区/全市 scope words): an exact match on the name or a synonym
wins; otherwise the best-scoring indicator, scored by the length of the longest catalogue
term contained in the text or of a term set all of whose terms are, if only one indicator
has that score. Terms shorter than three characters never match alone by containment
(`比例` is in half of all indicators).

When a target's value and unit are known (`propose_indicator`), only indicators it can be
measured by are considered (`measures.fit`: the same unit class after scaling, the same
level), so `3.6万人` is never compared with a count of schools and a 高职 target never with
a 中职 indicator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .measures import fit

_NOISE = re.compile(r"[\s\u3000“”‘’\"'《》<>〈〉（）()【】\[\]{}·•、，,。.；;：:!！?？\-—–_/]")
_SCOPE_PREFIX = re.compile(r"^(?:全省|全市|全州|全县|全区|全旗|本县|本区|本市|我县|我区|我市|各地)")
MIN_CONTAINED_TERM = 3


@dataclass(frozen=True)
class CatalogueIndicator:
    code: str
    name: str
    synonyms: tuple[str, ...] = ()
    unit: str = ""
    level: str = ""  # measures.SECONDARY / HIGHER / ALL, "" for any level
    terms: tuple[tuple[str, ...], ...] = ()  # term sets: ("双师型", "比例") matches when both occur


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

    Names only: no unit or level check (see `propose_indicator` for that). Catalogue entries
    may be `CatalogueIndicator`s, `(code, name, synonyms)` tuples, mappings with those keys,
    or objects with those attributes (an Indicator model row).
    """
    index = CatalogueIndex(catalogue)
    return [index.best(normalise_indicator(_indicator_text(t))) for t in targets]


def propose_indicator(
    text: str, value: float, value_max: float | None, unit: str, catalogue: CatalogueIndex | Iterable[Any]
) -> IndicatorMatch | None:
    """The indicator a target (its wording, value and unit) is measured by, among those it fits."""
    index = catalogue if isinstance(catalogue, CatalogueIndex) else CatalogueIndex(catalogue)

    def fits(entry: CatalogueIndicator) -> bool:
        return fit(
            value=value,
            value_max=value_max,
            unit=unit,
            text=text,
            indicator_unit=entry.unit,
            indicator_level=entry.level,
        ).ok

    return index.best(normalise_indicator(text), fits)


class CatalogueIndex:
    """The catalogue's terms, prepared once for many targets."""

    def __init__(self, catalogue: Iterable[Any]) -> None:
        self.entries = [_entry(item) for item in catalogue]
        self.by_code = {entry.code: entry for entry in self.entries}
        self.exact: dict[str, list[CatalogueIndicator]] = {}
        self.contained: list[tuple[str, CatalogueIndicator]] = []
        self.term_sets: list[tuple[tuple[str, ...], CatalogueIndicator]] = []
        for entry in self.entries:
            for term in {normalise_indicator(t) for t in (entry.name, *entry.synonyms)}:
                if not term:
                    continue
                bucket = self.exact.setdefault(term, [])
                if entry not in bucket:
                    bucket.append(entry)
                if len(term) >= MIN_CONTAINED_TERM:
                    self.contained.append((term, entry))
            for terms in entry.terms:
                normalised = tuple(normalise_indicator(t) for t in terms if normalise_indicator(t))
                if normalised:
                    self.term_sets.append((normalised, entry))

    def best(self, text: str, fits: Callable[[CatalogueIndicator], bool] = lambda entry: True) -> IndicatorMatch | None:
        if not text:
            return None
        exact = [entry for entry in self.exact.get(text, []) if fits(entry)]
        if exact:
            # Two indicators sharing a name make it ambiguous: it links to neither.
            return IndicatorMatch(exact[0].code, exact[0].name, exact=True) if len(exact) == 1 else None
        scores: dict[str, int] = {}
        for term, entry in self.contained:
            if term in text:
                scores[entry.code] = max(scores.get(entry.code, 0), len(term))
        for terms, entry in self.term_sets:
            if all(term in text for term in terms):
                scores[entry.code] = max(scores.get(entry.code, 0), sum(len(term) for term in terms))
        ranked = sorted(((score, code) for code, score in scores.items() if fits(self.by_code[code])), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
            return None  # nothing fits, or two indicators fit equally well: leave it to a person
        entry = self.by_code[ranked[0][1]]
        return IndicatorMatch(entry.code, entry.name, exact=False)


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
    unit, level, terms = _get(item, "unit"), _get(item, "level"), _get(item, "terms") or ()
    return CatalogueIndicator(
        str(code),
        str(name),
        tuple(str(s) for s in synonyms),
        unit=str(unit or ""),
        level=str(level or ""),
        terms=tuple(tuple(t.split("+")) if isinstance(t, str) else tuple(t) for t in terms),
    )


def _get(item: Any, key: str) -> Any:
    return item.get(key) if isinstance(item, Mapping) else getattr(item, key, None)


def _indicator_text(target: Any) -> str:
    if isinstance(target, str):
        return target
    if isinstance(target, Mapping):
        return str(target.get("indicator") or target.get("indicator_text") or "")
    return str(getattr(target, "indicator_text", None) or getattr(target, "indicator", None) or "")
