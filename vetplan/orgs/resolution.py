"""Finding the organisations a plan means by its unit names, within the plan's jurisdiction.

A plan governs one region. `OrganizationResolver(region)` reads that region's units, the
units of the regions above it and the regions' names once (three queries), then answers
each name from memory:

- a name with a jurisdiction (`县教育局`, `市教育局`, `示范县教育体育局`) is looked for among
  the units of that region only: in a 县 plan `市教育局` is the city's bureau, never the
  county's own, and a name of a region the system does not know (`内黄县政府`) is foreign;
- a name without one (`一职高`, `税务局`) anywhere in the plan's region;
- first by the exact name, short name or alias, then by the canonical core (人社局 =
  人力资源和社会保障局), then ending-blind (发改委 = 发改局) and by field (教育局 = 教体局,
  扶贫 = 乡村振兴局) among departments, each tier only when exactly one unit fits;
- generic phrases become groups that expand to the region's townships, schools, departments
  or county governments, or are ignored (相关部门, 各有关单位); a bare field word that finds no
  department is ignored too. None of them is ever created as an organisation.

What is left is `new`: the review offers to create it (in the region its name points at),
map it to an existing unit or ignore it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from vetplan.orgs.models import Organization, Region
from vetplan.orgs.names import (
    COUNTY,
    DEPARTMENTS,
    GROUP_LABELS,
    IGNORE,
    SCHOOLS,
    TOWNSHIPS,
    UnitName,
    clean,
    parse_unit_name,
    region_name_variants,
)

LEVEL_RANK = {Region.Level.PROVINCE: 1, Region.Level.CITY: 2, Region.Level.COUNTY: 3, Region.Level.TOWNSHIP: 4}
GOVERNMENT_CORE = "政府"


@dataclass
class UnitMatch:
    """What a unit name of a plan stands for."""

    name: str
    kind: str  # "org" | "group" | "ignore" | "new" | "foreign" | "ambiguous"
    organization: Organization | None = None
    members: list[Organization] = field(default_factory=list)  # a group's units
    region: Region | None = None  # where a new unit would be created
    proposed_name: str = ""
    candidates: list[Organization] = field(default_factory=list)  # an ambiguous name's choices
    note: str = ""

    @property
    def organizations(self) -> list[Organization]:
        """The units that carry the task for this name: the unit, a group's units, or none."""
        if self.organization is not None:
            return [self.organization]
        return list(self.members)


class OrganizationResolver:
    """Resolves the unit names of a plan governing `region`; built once per import or review page."""

    def __init__(self, region: Region) -> None:
        self.region = region
        ancestor_paths = [region.path[: i + 1] for i, ch in enumerate(region.path) if ch == "/"]
        regions = list(
            Region.objects.filter(path__in=ancestor_paths) | Region.objects.filter(path__startswith=region.path)
        )
        self.regions = {r.pk: r for r in regions}
        self.ancestors = sorted((r for r in regions if r.path in ancestor_paths), key=lambda r: len(r.path))
        self._region_by_name: dict[str, Region] = {}
        for r in sorted(regions, key=lambda r: len(r.path)):  # a shared stem (示范) is the higher region's
            for variant in region_name_variants(r.name):
                self._region_by_name.setdefault(variant, r)
        self.region_names = sorted(self._region_by_name, key=len, reverse=True)
        ancestor_ids = [r.pk for r in self.ancestors if r.pk != region.pk]
        orgs = Organization.objects.filter(region__path__startswith=region.path) | Organization.objects.filter(
            region_id__in=ancestor_ids
        )
        self.organizations = list(orgs.select_related("region").order_by("path", "pk"))
        self._by_raw: dict[str, list[Organization]] = defaultdict(list)
        self._by_core: dict[str, list[Organization]] = defaultdict(list)
        self._by_stem: dict[str, list[Organization]] = defaultdict(list)
        for org in self.organizations:
            for name in {org.name, org.short_name, *(org.aliases or [])}:
                if not name:
                    continue
                parsed = parse_unit_name(name, self.region_names)
                _add(self._by_raw[clean(name)], org)
                _add(self._by_core[parsed.core], org)
                if org.type == Organization.Type.GOVERNMENT:
                    _add(self._by_stem[parsed.stem], org)

    # ------------------------------------------------------------------ public

    def match(self, name: str) -> UnitMatch:
        parsed = parse_unit_name(name, self.region_names)
        if parsed.group:
            return self._group(name, parsed)
        exact = [org for org in self._by_raw.get(clean(name), []) if self._reachable(org)]
        if len(exact) == 1:
            return UnitMatch(name, "org", organization=exact[0])
        jurisdiction, exact_region, foreign = self._jurisdiction(parsed)
        if foreign:
            return UnitMatch(
                name, "foreign", note=f"“{parsed.region_name}”不在本规划的区域内，可忽略，或对应到已有单位"
            )
        if jurisdiction is None:  # a lower level named in a higher plan: 县教育局 in a city's plan
            return self._each_below(name, parsed)
        found = self._find(parsed, jurisdiction, exact_region)
        if len(found) == 1:
            return UnitMatch(name, "org", organization=found[0])
        if len(found) > 1:
            return UnitMatch(name, "ambiguous", candidates=found, note="有多个单位符合，请选择", region=jurisdiction)
        if parsed.field:
            return UnitMatch(name, "ignore", note=f"“{name}”是部门泛称，本区域没有找到对应部门")
        return UnitMatch(name, "new", region=jurisdiction, proposed_name=self._proposed_name(parsed, jurisdiction))

    def resolve(self, name: str) -> Organization | None:
        return self.match(name).organization

    def key(self, name: str) -> str:
        """Names with the same key in the same region are one new unit (区税务局, 税务局)."""
        parsed = parse_unit_name(name, self.region_names)
        jurisdiction, _, _ = self._jurisdiction(parsed)
        return f"{jurisdiction.pk if jurisdiction else ''}:{parsed.core}"

    # ------------------------------------------------------------------ helpers

    def _reachable(self, org: Organization) -> bool:
        return org.region_id in self.regions

    def _jurisdiction(self, parsed: UnitName) -> tuple[Region | None, bool, bool]:
        """(region the name points at, only that region's own units?, foreign?)."""
        if parsed.region_name:
            named = self._region_by_name.get(parsed.region_name)
            if named is None:
                return None, True, True
            return named, named.pk != self.region.pk or parsed.level != "", False
        if not parsed.level:
            return self.region, False, False
        own_rank = LEVEL_RANK.get(self.region.level, 3)
        rank = LEVEL_RANK[parsed.level]
        if rank == own_rank or (parsed.level == Region.Level.CITY and self._is_county_level_city()):
            return self.region, True, False
        if rank < own_rank:
            above = [r for r in self.ancestors if LEVEL_RANK.get(r.level) == rank]
            if above:
                return above[-1], True, False
            return None, True, True
        return None, True, False

    def _is_county_level_city(self) -> bool:
        return self.region.level == Region.Level.COUNTY and self.region.name.endswith("市")

    def _find(self, parsed: UnitName, region: Region, exact_region: bool) -> list[Organization]:
        def inside(org: Organization) -> bool:
            if exact_region:
                return org.region_id == region.pk
            return org.region.path.startswith(region.path)

        for candidates in (
            self._by_core.get(parsed.core, []),
            [] if parsed.field else self._by_stem.get(parsed.stem, []),
            [org for stem in parsed.fields() for org in self._by_stem.get(stem, [])],
        ):
            found = _unique(org for org in candidates if inside(org))
            if found:
                return found
        return []

    def _proposed_name(self, parsed: UnitName, region: Region) -> str:
        if parsed.level or parsed.region_name:
            return f"{region.name}{parsed.rest}"
        return clean(parsed.raw)

    def _group(self, name: str, parsed: UnitName) -> UnitMatch:
        if parsed.group == IGNORE:
            return UnitMatch(name, "ignore", note=f"“{name}”是泛指，不对应具体单位，导入时不作为责任单位")
        subtree = [org for org in self.organizations if org.region.path.startswith(self.region.path)]
        if parsed.group == TOWNSHIPS:
            members = [org for org in subtree if org.type == Organization.Type.TOWNSHIP]
        elif parsed.group == SCHOOLS:
            members = [org for org in subtree if org.type == Organization.Type.SCHOOL]
        elif parsed.group == DEPARTMENTS:
            members = [
                org
                for org in subtree
                if org.type == Organization.Type.GOVERNMENT
                and org.region_id == self.region.pk
                and parse_unit_name(org.name, self.region_names).core != GOVERNMENT_CORE
            ]
        else:  # COUNTY_GOVERNMENTS: the government of every county-level region of the plan
            counties = {
                r.pk for r in self.regions.values() if r.level == COUNTY and r.path.startswith(self.region.path)
            }
            members = [org for org in subtree if org.region_id in counties and self._is_government(org)]
        label = GROUP_LABELS[parsed.group]
        if not members:
            return UnitMatch(name, "ignore", note=f"“{name}”指{label}，本区域还没有这类单位")
        return UnitMatch(name, "group", members=members, note=f"“{name}”指{label}，展开为 {len(members)} 个单位")

    def _each_below(self, name: str, parsed: UnitName) -> UnitMatch:
        """`县教育局` in a city's plan: the matching unit of every county below the city."""
        level = parsed.level
        below = [r for r in self.regions.values() if r.level == level and r.path.startswith(self.region.path)]
        members = [org for r in below for org in self._find(parsed, r, True)[:1]]
        if not members:
            return UnitMatch(name, "ignore", note=f"“{name}”指下级各地的单位，本区域没有找到")
        return UnitMatch(name, "group", members=members, note=f"“{name}”指下级各地的单位，展开为 {len(members)} 个单位")

    def _is_government(self, org: Organization) -> bool:
        return org.type == Organization.Type.GOVERNMENT and any(
            parse_unit_name(n, self.region_names).core == GOVERNMENT_CORE for n in (org.name, org.short_name) if n
        )


def _add(items: list[Organization], org: Organization) -> None:
    if org not in items:
        items.append(org)


def _unique(orgs: Iterable[Organization]) -> list[Organization]:
    return list({org.pk: org for org in orgs}.values())
