"""The extraction result: a plan's meta data, quantitative targets and assigned tasks.

`PlanDocument.to_dict()` produces exactly the JSON shape of the extraction spec
(/work/shared/gold/GUIDE.md): ``{"meta": {...}, "targets": [...], "tasks": [...]}``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Number = int | float

META_FIELDS = ("title", "issuer", "doc_number", "date", "region")
COMPARATOR_WORDS = {">=": "不低于", "<=": "不高于", "=": "等于", "~": "约", "between": "介于"}


def _optional_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _optional_number(value: Any) -> Number | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else number


def _optional_int(value: Any) -> int | None:
    number = _optional_number(value)
    return None if number is None else int(number)


def _str_list(value: Any) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


@dataclass
class Meta:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None  # YYYY-MM-DD, the signing date 成文日期
    region: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in META_FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meta:
        return cls(**{name: _optional_str(data.get(name)) for name in META_FIELDS})


@dataclass
class Target:
    indicator: str
    comparator: str  # one of >=, <=, =, ~, between
    value: Number
    unit: str
    sentence: str
    value_max: Number | None = None
    deadline: int | None = None
    kind: str = "target"  # target (a level to reach) or norm (a rule to apply)

    def to_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator,
            "comparator": self.comparator,
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "deadline": self.deadline,
            "kind": self.kind,
            "sentence": self.sentence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        return cls(
            indicator=str(data.get("indicator") or ""),
            comparator=str(data.get("comparator") or ">="),
            value=_optional_number(data.get("value")) or 0,
            value_max=_optional_number(data.get("value_max")),
            unit=str(data.get("unit") or ""),
            deadline=_optional_int(data.get("deadline")),
            kind=str(data.get("kind") or "target"),
            sentence=str(data.get("sentence") or ""),
        )

    def describe(self) -> str:
        if self.comparator == "between":
            amount = f"{self.value}—{self.value_max}{self.unit}"
        else:
            amount = f"{self.comparator} {self.value}{self.unit}"
        deadline = f"{self.deadline}年" if self.deadline else "长期"
        return f"{self.indicator}：{amount}（期限：{deadline}；{'规范' if self.kind == 'norm' else '目标'}）"


@dataclass
class Task:
    seq: str | None
    text: str
    lead_units: list[str] = field(default_factory=list)  # 牵头单位
    responsible_units: list[str] = field(default_factory=list)  # 责任单位
    timeline: str | None = None  # 时间进度 / 完成时限

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "text": self.text,
            "lead_units": list(self.lead_units),
            "responsible_units": list(self.responsible_units),
            "timeline": self.timeline,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Task:
        return cls(
            seq=_optional_str(data.get("seq")),
            text=str(data.get("text") or ""),
            lead_units=_str_list(data.get("lead_units")),
            responsible_units=_str_list(data.get("responsible_units")),
            timeline=_optional_str(data.get("timeline")),
        )

    def describe(self) -> str:
        units = "、".join(self.lead_units + self.responsible_units) or "未列明"
        timeline = f"；时限：{self.timeline}" if self.timeline else ""
        text = self.text if len(self.text) <= 40 else self.text[:40] + "…"
        return f"[{self.seq or '-'}] {text}（单位：{units}{timeline}）"


@dataclass
class PlanDocument:
    meta: Meta = field(default_factory=Meta)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "meta": self.meta.to_dict(),
            "targets": [target.to_dict() for target in self.targets],
            "tasks": [task.to_dict() for task in self.tasks],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanDocument:
        meta = data.get("meta")
        targets = data.get("targets")
        tasks = data.get("tasks")
        return cls(
            meta=Meta.from_dict(meta if isinstance(meta, dict) else {}),
            targets=[Target.from_dict(t) for t in targets or [] if isinstance(t, dict)],
            tasks=[Task.from_dict(t) for t in tasks or [] if isinstance(t, dict)],
        )

    def summary(self) -> str:
        """A readable Chinese multi-line summary for the command line."""
        labels = {
            "title": "标题",
            "issuer": "发文机关",
            "doc_number": "文号",
            "date": "成文日期",
            "region": "地区",
        }
        lines = [f"{labels[name]}：{getattr(self.meta, name) or '（无）'}" for name in META_FIELDS]
        lines.append(f"量化目标：{len(self.targets)} 项")
        lines.extend(f"  {index}. {target.describe()}" for index, target in enumerate(self.targets, 1))
        lines.append(f"任务：{len(self.tasks)} 项")
        lines.extend(f"  {task.describe()}" for task in self.tasks)
        return "\n".join(lines)
