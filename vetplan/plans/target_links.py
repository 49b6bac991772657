"""Which catalogue indicator measures a target, on which unit, in which unit of measure.

A target is linked only to an indicator it fits (`measures.fit`: unit class and level), its
value is stored in the indicator's unit (3.6万人 → 36000 人; the document's wording stays in
its sentence), and a target that names a unit (`一职高按编制数额自主招聘兼职教师的比例`) is
measured on that unit's figure. A target naming a unit the region does not have
(`云阳职教中心年招生人数` imported into another county) is not linked: it would otherwise be
measured on the whole county's figure.

The catalogue is read by name (`apps.get_model`): the indicators app builds on plans.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps

from vetplan.orgs.models import Organization
from vetplan.orgs.names import clean
from vetplan.orgs.resolution import OrganizationResolver
from vetplan.plans.indicator_match import CatalogueIndex, propose_indicator
from vetplan.plans.measures import fit

# A named school or college at the start of a target's wording: 云阳职教中心, 重庆幼儿师专梨园校区.
_NAMED_UNIT = re.compile(
    r"^([\u4e00-\u9fff]{2,10}?(?:职业技术教育中心|职教中心|职业中等专业学校|职业高级中学|职业中学|职高|职专|中专|技校"
    r"|技工学校|幼儿师专|师专|高专|职业技术学院|职业学院|学院|大学)(?:[\u4e00-\u9fff]{2,6}?校区)?)"
)
_GENERIC_UNIT = re.compile(
    r"^(?:全|各|本|我|中等|高等|职业|公办|民办|省级|市级|县级|区级|新建|建成|骨干|优质|示范|特色|品牌)"
)
_SCOPE_WORDS = ("全县", "全区", "全市", "本县", "本区", "我县", "我区", "县", "区", "市")
MIN_SCOPE_NAME = 3


def indicator_model() -> Any:
    return apps.get_model("indicators", "Indicator")


def catalogue() -> CatalogueIndex:
    """The indicator catalogue, prepared for matching (one query)."""
    return CatalogueIndex(indicator_model().objects.all())


@dataclass
class TargetLink:
    """What linking proposes for a target row; `indicator` None means hand-reported (手工填报)."""

    indicator: Any = None  # an Indicator row
    value: float | None = None  # in the indicator's unit
    value_max: float | None = None
    unit: str = ""
    scope: Organization | None = None
    note: str = ""  # why it is not linked, or what was converted

    @property
    def code(self) -> str:
        return self.indicator.code if self.indicator is not None else ""


def find_scope(text: str, resolver: OrganizationResolver) -> tuple[Organization | None, str]:
    """(the unit of the region the target names, or None; the name of a unit it names that is not found)."""
    wording = clean(text)
    best: Organization | None = None
    best_length = 0
    for org in resolver.organizations:
        if not org.region.path.startswith(resolver.region.path):
            continue
        for name in {org.name, org.short_name, *(org.aliases or [])}:
            name = clean(name or "")
            if len(name) < MIN_SCOPE_NAME or len(name) <= best_length:
                continue
            position = wording.find(name)
            if position >= 0 and _starts_a_name(wording, position, resolver):
                best, best_length = org, len(name)
    if best is not None:
        return best, ""
    named = _NAMED_UNIT.match(wording)
    if named and not _GENERIC_UNIT.match(named.group(1)):
        return None, named.group(1)
    return None, ""


def _starts_a_name(wording: str, position: int, resolver: OrganizationResolver) -> bool:
    """The match starts the wording, or follows only a scope word or the region's own name (全县一职高)."""
    before = wording[:position]
    return not before or before in _SCOPE_WORDS or before in resolver.region_names


def check_fit(indicator: Any, *, value: float, value_max: float | None, unit: str, text: str) -> Any:
    return fit(
        value=value,
        value_max=value_max,
        unit=unit,
        text=text,
        indicator_unit=indicator.unit,
        indicator_level=indicator.level,
    )


def link_for(
    row: Mapping[str, Any],
    index: CatalogueIndex,
    resolver: OrganizationResolver,
    indicators: Mapping[str, Any],
) -> TargetLink:
    """The link for an extracted (or reviewed) target row.

    `row["indicator_code"]`, when the reviewer set it, is the indicator to use ("" for none);
    otherwise the catalogue's best fitting indicator is proposed.
    """
    text = str(row.get("indicator") or row.get("indicator_text") or "")
    value = _float(row.get("value"))
    value_max = _float(row.get("value_max"))
    unit = str(row.get("unit") or "")
    if value is None:
        return TargetLink(note="目标值不是数字")
    scope, missing = find_scope(text, resolver)
    if "indicator_code" in row:
        code = str(row.get("indicator_code") or "")
        if not code:
            return TargetLink(scope=scope, note="审核时选择手工填报")
    else:
        match = propose_indicator(text, value, value_max, unit, index)
        if match is None:
            return TargetLink(scope=scope, note="目录中没有相符的指标")
        code = match.code
    indicator = indicators.get(code)
    if indicator is None:
        return TargetLink(scope=scope, note=f"指标代码 {code} 不存在")
    if missing:
        return TargetLink(scope=scope, note=f"目标针对“{missing}”，本区域没有该单位，无法按其数据计量")
    fitted = check_fit(indicator, value=value, value_max=value_max, unit=unit, text=text)
    if not fitted.ok:
        return TargetLink(scope=scope, note=f"不能关联“{indicator.name}”：{fitted.reason}")
    note = ""
    if unit != indicator.unit:
        note = f"{_plain(value)}{unit} 按指标单位记为 {_plain(fitted.value)}{indicator.unit}"
    return TargetLink(indicator, fitted.value, fitted.value_max, indicator.unit, scope, note)


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _plain(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"
