"""Which units have reported a data set for a year, and which years' figures are final.

A region's figure for a year is 暂定 (provisional) until every unit that owes the data set has
reported it, or the 督导室 closes the year (数据截止). Target statuses, projections, the home
counts and the quality report use final years only.

Who owes a data set (学校数据, 部门数据, 企业数据): every school of the region owes the school
data set every year (they report to the national statistics); any other unit owes a data set
once it has reported it in some year (a department that reports 培训人次, an enterprise that
reports internship posts). A unit that has never reported a data set is not counted as
missing it — the county's 督导室 sees the list and can 催报 or close the year.

Finality by subject: a region's year is final when every data set its figures use is complete
in the region's subtree, or the region (or a region above it) closed the year; a unit's own
figure (a target on a named school) is final when the unit itself has reported those data sets
for the year, or its region closed the year.

Who reported what is read from the register of vetplan.indicators.reported (one row per unit,
data set and year), never from a province's values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from vetplan.indicators.models import DataElement, Dataset, DataYearClosing, ReportedYear
from vetplan.orgs.models import Organization, Region

DATASET_TYPES = {
    Dataset.SCHOOL: [Organization.Type.SCHOOL],
    Dataset.ENTERPRISE: [Organization.Type.ENTERPRISE],
    Dataset.DEPARTMENT: [
        Organization.Type.GOVERNMENT,
        Organization.Type.TOWNSHIP,
        Organization.Type.ASSOCIATION,
        Organization.Type.SUPERVISION,
    ],
}
UNIT_WORD = {Dataset.SCHOOL: "学校", Dataset.DEPARTMENT: "部门", Dataset.ENTERPRISE: "企业"}


@dataclass(frozen=True)
class Coverage:
    dataset: str
    year: int
    reported: int
    owed: int
    closed: bool = False

    @property
    def complete(self) -> bool:
        return self.reported >= self.owed

    @property
    def final(self) -> bool:
        return self.closed or self.complete

    @property
    def label(self) -> str:
        """学校 1/3 已填报."""
        return f"{UNIT_WORD[self.dataset]} {self.reported}/{self.owed} 已填报"

    @property
    def state(self) -> str:
        if self.complete:
            return "已齐全"
        return "已截止" if self.closed else "暂定"


@dataclass
class Finality:
    """Coverage of regions and units, computed once per batch of targets or one page (a few queries each)."""

    _codes: dict[str, str] = field(default_factory=dict)  # element code → dataset
    _regions: dict[int, dict[str, tuple[int, dict[int, int]]]] = field(default_factory=dict)
    _closed: dict[int, set[int]] = field(default_factory=dict)
    _units: dict[int, dict[str, set[int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._codes = dict(DataElement.objects.values_list("code", "dataset"))

    def datasets_of(self, element_codes: Iterable[str]) -> set[str]:
        return {self._codes[code] for code in element_codes if code in self._codes}

    def coverage(self, region: Region, dataset: str, year: int) -> Coverage:
        if region.pk not in self._regions:
            self._regions[region.pk] = region_coverage(region)
        owed, reported = self._regions[region.pk][dataset]
        return Coverage(dataset, year, reported.get(year, 0), owed, year in self.closed_years(region))

    def closed_years(self, region: Region) -> set[int]:
        if region.pk not in self._closed:
            self._closed[region.pk] = closed_years(region)
        return self._closed[region.pk]

    def region_final(self, region: Region, datasets: Iterable[str], year: int) -> bool:
        return all(self.coverage(region, dataset, year).final for dataset in datasets)

    def pending_label(self, region: Region, datasets: Iterable[str], year: int) -> str:
        """学校 1/3 已填报 for each data set of the year that is not final yet."""
        gaps = [self.coverage(region, dataset, year) for dataset in sorted(datasets)]
        return "，".join(c.label for c in gaps if not c.final)

    def unit_final(self, unit: Organization, datasets: Iterable[str], year: int) -> bool:
        if year in self.closed_years(unit.region):
            return True
        if unit.pk not in self._units:
            reported: dict[str, set[int]] = defaultdict(set)
            rows = ReportedYear.objects.filter(organization__path__startswith=unit.path).values_list("dataset", "year")
            for dataset, reported_year in rows.distinct():
                reported[dataset].add(reported_year)
            self._units[unit.pk] = reported
        return all(year in self._units[unit.pk].get(dataset, set()) for dataset in datasets)


def region_coverage(region: Region) -> dict[str, tuple[int, dict[int, int]]]:
    """{data set: (units owing it, {year: units that reported it})} of the region and below: two
    queries for every data set. A unit of the set's types with a row in the register owes the set
    (it reported it), so the rows counted are those of units of the right types."""
    units = Organization.objects.filter(region__path__startswith=region.path)
    owed = units.aggregate(**{dataset: Count("pk", filter=_owes(dataset)) for dataset in Dataset.values})
    right_type = Q()
    for dataset, types in DATASET_TYPES.items():
        right_type |= Q(dataset=dataset, organization__type__in=types)
    reported: dict[str, dict[int, int]] = defaultdict(dict)
    rows = (
        ReportedYear.objects.filter(right_type, organization__region__path__startswith=region.path)
        .values_list("dataset", "year")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for dataset, year, n in rows:
        reported[dataset][year] = n
    return {dataset: (owed[dataset], reported[dataset]) for dataset in Dataset.values}


def closed_years(region: Region) -> set[int]:
    """The years closed (数据截止) for the region, by itself or a region above it. One query."""
    above = [region.path[: i + 1] for i, ch in enumerate(region.path) if ch == "/"]
    return set(DataYearClosing.objects.filter(region__path__in=above, closed=True).values_list("year", flat=True))


def owing_units(region: Region, dataset: str) -> list[int]:
    """The ids of the units of the region (and below) that owe the data set (see the module docstring)."""
    return list(_owing(region, dataset).values_list("pk", flat=True))


def _owing(region: Region, dataset: str) -> QuerySet[Organization]:
    return Organization.objects.filter(_owes(dataset), region__path__startswith=region.path)


def _owes(dataset: str) -> Q:
    """Whether the unit owes the data set: a school the school data set always, a unit of the set's
    types once it has reported the set in some year (a row in the register: an index probe)."""
    reported = Q(Exists(ReportedYear.objects.filter(organization_id=OuterRef("pk"), dataset=dataset)))
    owes = Q(type=Organization.Type.SCHOOL) | reported if dataset == Dataset.SCHOOL else reported
    return Q(type__in=DATASET_TYPES[dataset]) & owes


def missing_units(region: Region, dataset: str, year: int) -> list[Organization]:
    """The units that owe the data set for the year and have not reported it, in tree order."""
    reported = ReportedYear.objects.filter(organization_id=OuterRef("pk"), dataset=dataset, year=year)
    return list(_owing(region, dataset).exclude(Exists(reported)).order_by("path"))


def unit_missing_years(unit: Organization, dataset: str, years: Iterable[int]) -> list[int]:
    """The years among `years` for which the unit owes the data set (the rule of `owing_units`), has
    not reported it, and its region has not closed the year; oldest first. Two queries."""
    if unit.type not in DATASET_TYPES[dataset]:
        return []
    reported = set(ReportedYear.objects.filter(organization=unit, dataset=dataset).values_list("year", flat=True))
    if not reported and not (dataset == Dataset.SCHOOL and unit.type == Organization.Type.SCHOOL):
        return []
    closed = closed_years(unit.region)
    return sorted(year for year in set(years) if year not in reported and year not in closed)


@dataclass
class YearRow:
    """One year of a region on the 填报进度 page: each data set's coverage and the closing."""

    year: int
    coverages: list[Coverage]
    closing: DataYearClosing | None

    @property
    def final(self) -> bool:
        return all(c.final for c in self.coverages)


def region_progress(region: Region, years: Iterable[int], finality: Finality | None = None) -> list[YearRow]:
    """填报进度 of a region: the data sets owed there, year by year (newest first); a page that judges
    coverage itself passes its `finality`, so each data set's coverage is counted once."""
    finality = finality or Finality()
    closings = {c.year: c for c in DataYearClosing.objects.filter(region=region).select_related("changed_by")}
    rows = []
    for year in sorted(years, reverse=True):
        coverages = [finality.coverage(region, dataset, year) for dataset in Dataset.values]
        rows.append(YearRow(year, [c for c in coverages if c.owed], closings.get(year)))
    return rows
