"""What a target's figure is measured in: its unit (with scale) and its level of education. Pure, no Django.

A target may only be compared with an indicator that measures the same kind of thing:

- the same unit class, converted by scale: 3.6万人 is 36000 人, 1.5亿元 150000000 元,
  5‰ 0.5 %; 个, 所, 门, 项 and 家 all count things; 人 and 名 count people;
- the same level: a 高职 target (高等职业院校毕业生就业率) is never measured on a 中职
  indicator, and one that covers both (职业院校在校生规模) on neither.
"""

from __future__ import annotations

from dataclasses import dataclass

# unit → (class, scale to the class's base unit)
UNIT_SCALES: dict[str, tuple[str, float]] = {
    "%": ("percent", 1),
    "％": ("percent", 1),
    "‰": ("percent", 0.1),
    "人": ("persons", 1),
    "名": ("persons", 1),
    "位": ("persons", 1),
    "千人": ("persons", 1e3),
    "万人": ("persons", 1e4),
    "万名": ("persons", 1e4),
    "人次": ("person_times", 1),
    "万人次": ("person_times", 1e4),
    "元": ("money", 1),
    "千元": ("money", 1e3),
    "万元": ("money", 1e4),
    "亿元": ("money", 1e8),
    "个": ("count", 1),
    "所": ("count", 1),
    "家": ("count", 1),
    "门": ("count", 1),
    "项": ("count", 1),
    "种": ("count", 1),
    "处": ("count", 1),
    "支": ("count", 1),
    "座": ("count", 1),
    "期": ("count", 1),
    "次": ("count", 1),
    "批": ("count", 1),
    ":1": ("ratio", 1),
    "比": ("ratio", 1),
    "平方米": ("area", 1),
    "万平方米": ("area", 1e4),
    "亩": ("land", 1),
    "天": ("days", 1),
    "日": ("days", 1),
    "月": ("months", 1),
    "个月": ("months", 1),
    "年": ("years", 1),
    "倍": ("times", 1),
}

SECONDARY, HIGHER, ALL = "secondary", "higher", "all"  # 中职, 高职/本科, both
LEVEL_LABELS = {SECONDARY: "中职", HIGHER: "高职（专科、本科）", ALL: "各级职业院校", "": "不分层次"}
_SECONDARY_WORDS = ("中职", "中等职业", "职业高中", "职高", "中专", "技工学校", "职教中心", "职业中学")
_HIGHER_WORDS = ("高职", "高等职业", "大学", "本科", "高校", "专科", "职业技术学院", "师专", "高专")
_ALL_WORDS = ("职业院校", "各级各类", "各级、各类")


def unit_class(unit: str) -> str | None:
    entry = UNIT_SCALES.get((unit or "").strip())
    return entry[0] if entry else None


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """`value` in `from_unit` expressed in `to_unit`, or None when they measure different things."""
    source, target = UNIT_SCALES.get((from_unit or "").strip()), UNIT_SCALES.get((to_unit or "").strip())
    if source is None or target is None or source[0] != target[0]:
        return None
    converted = value * source[1] / target[1]
    return round(converted, 6)


def level_of(text: str) -> str:
    """中职 (secondary), 高职 (higher), both (all), or "" when the text names no level."""
    text = text or ""
    secondary = any(word in text for word in _SECONDARY_WORDS)
    higher = any(word in text for word in _HIGHER_WORDS)
    if secondary and higher:
        return ALL
    if secondary:
        return SECONDARY
    if higher:
        return HIGHER
    if any(word in text for word in _ALL_WORDS):
        return ALL
    return ""


def levels_fit(target_level: str, indicator_level: str) -> bool:
    """An indicator for any level fits every target; a target naming no level fits every indicator."""
    return not indicator_level or not target_level or target_level == indicator_level


@dataclass(frozen=True)
class Fit:
    ok: bool
    value: float | None = None  # the target's value in the indicator's unit
    value_max: float | None = None
    reason: str = ""  # why it does not fit, for the review page


def fit(
    *, value: float, value_max: float | None, unit: str, text: str, indicator_unit: str, indicator_level: str
) -> Fit:
    """Whether a target (value, unit, wording) can be measured by an indicator, and its value there."""
    converted = convert(value, unit, indicator_unit)
    if converted is None:
        return Fit(False, reason=f"单位不一致（目标：{unit or '无'}，指标：{indicator_unit or '无'}）")
    level = level_of(text)
    if not levels_fit(level, indicator_level):
        return Fit(False, reason=f"层次不一致（目标：{LEVEL_LABELS[level]}，指标：{LEVEL_LABELS[indicator_level]}）")
    upper = convert(value_max, unit, indicator_unit) if value_max is not None else None
    return Fit(True, converted, upper)
