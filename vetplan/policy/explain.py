"""Why a number is what it is: the inputs, the rule, its source and the arithmetic. Pure."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Explanation:
    rule: str  # the rule in words: 生均校舍建筑面积 ≥ 20 m²
    source: str  # the document: 教职成〔2010〕12号
    arithmetic: str  # 48,000 m² ÷ 2,600 人 = 18.5 m² < 20 m²
    inputs: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (name, value as shown)

    def lines(self) -> list[str]:
        out = [f"规则：{self.rule}（{self.source}）"]
        out += [f"{name}：{value}" for name, value in self.inputs]
        out.append(f"计算：{self.arithmetic}")
        return out


def number(value: float, digits: int = 1) -> str:
    """12,345 or 18.5: thousands separated, trailing zeros dropped."""
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text
