"""The units a plan's tasks name: resolved within the plan's region, with the reviewer's choices.

Every name of the document gets one `PlanUnit` saying what confirming the import does with
it: use a unit found (`org`), expand a group to its units (`group`), leave it out with a
note (`ignore`), create a new unit (`create`, in the region its name points at, merged with
an earlier new name of the same key) or use the unit the reviewer chose (`map`, and the name
becomes that unit's alias, so the next import finds it by itself).

The reviewer's choices live in the draft's document under `unit_choices`:
`{name: {"action": "map" | "create" | "ignore", "organization": pk, "type": type}}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from vetplan.orgs.models import Organization, Region
from vetplan.orgs.resolution import OrganizationResolver, UnitMatch

CHOICES_KEY = "unit_choices"
LEGACY_TYPES_KEY = "unit_types"  # drafts saved before unit_choices: {name: type}
MAP, CREATE, IGNORE = "map", "create", "ignore"
ACTION_LABELS = {MAP: "对应到已有单位", CREATE: "新建单位", IGNORE: "忽略"}
KIND_LABELS = {
    "org": "已匹配",
    "group": "单位组",
    "ignore": "不作为单位",
    "new": "新单位",
    "foreign": "外地单位",
    "ambiguous": "多个可能",
}


@dataclass
class PlanUnit:
    name: str
    match: UnitMatch
    action: str  # "org" | "group" | "ignore" | "create" | "map" | "same_as"
    organization: Organization | None = None  # the unit found or chosen
    new_type: str = ""
    new_name: str = ""
    new_region: Region | None = None
    same_as: str = ""  # a new name merged into an earlier new name
    chosen: bool = False  # the reviewer decided, rather than the resolver
    note: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.match.kind]

    @property
    def organizations(self) -> list[Organization]:
        """The units that carry a task for this name once the import is confirmed."""
        if self.action in ("org", "map", "create", "same_as"):
            return [self.organization] if self.organization is not None else []
        if self.action == "group":
            return list(self.match.members)
        return []

    @property
    def needs_review(self) -> bool:
        """Shown in the review banner: nothing found, a guess to confirm, or a choice to make."""
        return not self.chosen and self.match.kind in ("new", "foreign", "ambiguous")


@dataclass
class PlanUnits:
    resolver: OrganizationResolver
    units: dict[str, PlanUnit] = field(default_factory=dict)

    def __getitem__(self, name: str) -> PlanUnit:
        return self.units[name]

    def __iter__(self) -> Any:
        return iter(self.units.values())

    def to_create(self) -> list[PlanUnit]:
        return [unit for unit in self.units.values() if unit.action == CREATE]

    def organizations(self, names: list[str]) -> list[Organization]:
        found: dict[int, Organization] = {}
        for name in names:
            unit = self.units.get(name)
            for org in unit.organizations if unit else []:
                found.setdefault(org.pk, org)
        return list(found.values())


def unit_names(document: Mapping[str, Any]) -> list[str]:
    names: dict[str, None] = {}
    for task in document.get("tasks", []):
        for name in [*task.get("lead_units", []), *task.get("responsible_units", [])]:
            names.setdefault(name)
    return list(names)


def unit_choices(document: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    choices = {name: {"action": CREATE, "type": t} for name, t in (document.get(LEGACY_TYPES_KEY) or {}).items()}
    choices.update(document.get(CHOICES_KEY) or {})
    return choices


def guess_unit_type(name: str) -> str:
    """A first guess at the type of a new unit, for the review page's select (a person confirms)."""
    if "督导" in name:
        return Organization.Type.SUPERVISION
    if any(
        w in name for w in ("学校", "中学", "小学", "学院", "大学", "职高", "职专", "中专", "技校", "职教中心", "师专")
    ):
        return Organization.Type.SCHOOL
    if any(word in name for word in ("公司", "集团", "工厂", "合作社")):
        return Organization.Type.ENTERPRISE
    if any(word in name for word in ("协会", "商会", "学会", "联合会", "研究会")):
        return Organization.Type.ASSOCIATION
    if name.endswith(("镇", "乡", "街道", "办事处")) or any(w in name for w in ("乡镇", "镇政府", "乡政府")):
        return Organization.Type.TOWNSHIP
    return Organization.Type.GOVERNMENT


def resolve_plan_units(
    document: Mapping[str, Any],
    region: Region,
    choices: Mapping[str, Mapping[str, Any]] | None = None,
    resolver: OrganizationResolver | None = None,
) -> PlanUnits:
    """What confirming does with every unit name of the document (three queries for the resolver)."""
    resolver = resolver or OrganizationResolver(region)
    by_pk = {org.pk: org for org in resolver.organizations}
    chosen = {**unit_choices(document), **(choices or {})}
    result = PlanUnits(resolver=resolver)
    new_by_key: dict[str, str] = {}
    for name in unit_names(document):
        match = resolver.match(name)
        choice = chosen.get(name) or {}
        unit = _default(name, match)
        action = choice.get("action")
        if action == MAP and _int(choice.get("organization")) in by_pk:
            unit.action, unit.organization, unit.chosen = MAP, by_pk[_int(choice.get("organization"))], True
        elif action == IGNORE:
            unit.action, unit.organization, unit.chosen = IGNORE, None, True
            unit.note = unit.note or "审核时选择忽略"
        elif action == CREATE and match.kind != "foreign":
            unit.action, unit.organization, unit.chosen = CREATE, None, True
            unit.new_region = match.region
            unit.new_name = match.proposed_name or name
        if unit.action == CREATE:
            unit.new_region = unit.new_region or region
            unit.new_type = choice.get("type") or guess_unit_type(name)
            key = resolver.key(name)
            if key in new_by_key:
                unit.action, unit.same_as = "same_as", new_by_key[key]
            else:
                new_by_key[key] = name
        result.units[name] = unit
    return result


def _default(name: str, match: UnitMatch) -> PlanUnit:
    if match.kind == "org":
        return PlanUnit(name, match, "org", organization=match.organization, note=match.note)
    if match.kind == "group":
        return PlanUnit(name, match, "group", note=match.note)
    if match.kind == "new":
        return PlanUnit(
            name, match, CREATE, new_name=match.proposed_name or name, new_region=match.region, note=match.note
        )
    return PlanUnit(name, match, IGNORE, note=match.note)  # ignore, foreign, ambiguous: a person decides


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
