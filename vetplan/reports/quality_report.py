"""年度质量报告: chapters, tables and charts built from the indicator values.

The chapters, the tables' rows and the sentences are data (data/quality_report.json), so a
year's 职成司 notice is followed by editing that file. The figures are the indicator values
(`indicators.values.indicator_values`) of the report's region (地区年报) or school (学校年报), the
same figures the dashboard shows, written the way the dashboard writes them (`display`). A published report
is its stored copy; a draft is built afresh.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cn2an
from django.db.models import QuerySet
from django.template.defaultfilters import floatformat
from django.utils import timezone

from vetplan.indicators import queries
from vetplan.indicators.completeness import Coverage, Finality
from vetplan.indicators.models import Dataset, DataValue, Indicator, TargetStatus
from vetplan.indicators.values import indicator_values
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Target
from vetplan.reports import charts
from vetplan.reports.content import Block, Chart, Heading, Paragraph, ReportDocument, Table, from_json
from vetplan.reports.models import QualityReport
from vetplan.reports.supervision_report import DASH, supervision_office

LAYOUT_FILE = Path(__file__).parent / "data" / "quality_report.json"
PARTS = {"numerator": 0, "denominator": 1, "value": 2}  # the position in a Figures row
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:\.(numerator|denominator))?\}")
CHALLENGES = "challenges"  # the narrative key of the 面临挑战 chapter
TABLE_WIDTHS = [4.2, 1.4, 1.4, 1.2]


@functools.cache
def layout() -> dict[str, Any]:
    return json.loads(LAYOUT_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def chapter_labels() -> list[tuple[str, str]]:
    """(key, heading) of every chapter editors may write text for, in the report's order."""
    return [(c["key"], c["heading"]) for c in layout()["chapters"]] + [(CHALLENGES, "面临挑战")]


def display(value: float | None) -> str:
    """A figure as the dashboard writes it (`floatformat:"-2"`), or a dash."""
    return DASH if value is None else str(floatformat(value, "-2"))


def change(previous: float | None, current: float | None) -> str:
    if previous is None or current is None:
        return DASH
    delta = current - previous
    text = display(abs(delta))
    return f"+{text}" if delta > 0 else f"-{text}" if delta < 0 else "0"


# ---------------------------------------------------------------- figures


@dataclass
class Figures:
    """One subject's indicator values: (code, year) → (numerator, denominator, value)."""

    indicators: dict[str, Indicator]
    values: dict[tuple[str, int], tuple[float | None, float | None, float | None]] = field(default_factory=dict)

    def get(self, code: str, year: int, part: str = "value") -> float | None:
        row = self.values.get((code, year))
        return None if row is None else row[PARTS[part]]


def load_figures(report: QualityReport, years: Iterable[int]) -> Figures:
    indicators = {i.code: i for i in Indicator.objects.all()}
    subject = {"organizations": [report.organization_id]} if report.organization_id else {"regions": [report.region_id]}
    rows = indicator_values(**subject, years=list(years))  # type: ignore[arg-type]
    return Figures(indicators, {(f.code, f.year): (f.numerator, f.denominator, f.value) for f in rows})


def latest_year(region: Region, organization: Organization | None = None) -> int | None:
    """The last year with figures for the subject: the default year of a new report."""
    subject = {"organizations": [organization]} if organization else {"regions": [region]}
    return max((f.year for f in indicator_values(**subject)), default=None)  # type: ignore[arg-type]


def schools_of(region: Region) -> QuerySet[Organization]:
    """The schools of a region and the regions below it, in tree order."""
    schools = Organization.objects.filter(type=Organization.Type.SCHOOL, region__path__startswith=region.path)
    return schools.select_related("region").order_by("path")


# ---------------------------------------------------------------- the document


def quality_report(report: QualityReport, today: dt.date) -> ReportDocument:
    """The published copy (also after a withdrawal: what was issued), or a draft built now."""
    if report.was_published and report.content:
        return from_json(report.content)
    return build_quality_report(report, today)


def report_coverage(report: QualityReport, finality: Finality | None = None) -> list[Coverage]:
    """Who has reported the report's year: the region's data sets, or the school's own data."""
    finality = finality or Finality()
    school = report.organization
    if school is not None:
        reported = DataValue.objects.filter(
            organization__path__startswith=school.path,
            year=report.year,
            element__dataset=Dataset.SCHOOL,
            element__computed=False,
        ).exists()
        closed = report.year in finality.closed_years(school.region)
        return [Coverage(Dataset.SCHOOL, report.year, int(reported), 1, closed)]
    coverages = [finality.coverage(report.region, dataset, report.year) for dataset in Dataset.values]
    return [c for c in coverages if c.owed]


def provisional_coverage(report: QualityReport) -> str:
    """学校 1/3 已填报 when the report's year is provisional; empty when it is final."""
    return "，".join(c.label for c in report_coverage(report) if not c.final)


def build_quality_report(report: QualityReport, today: dt.date) -> ReportDocument:
    builder = _Builder(report)
    blocks: list[Block] = []
    if not report.was_published:
        blocks.append(Paragraph("（草稿，尚未发布。）"))
        pending = provisional_coverage(report)
        if pending:
            blocks.append(
                Paragraph(
                    f"本报告{report.year}年数据为暂定数据（{pending}）：应报单位全部填报或督导室数据截止后，"
                    "方为正式数据。"
                )
            )
    elif report.published_provisional:
        blocks.append(
            Paragraph(
                f"说明：本报告发布时{report.year}年数据尚未齐全（{report.published_provisional}），相关数字为暂定数。"
            )
        )
    if report.organization_id:
        blocks += [Heading("内容真实性责任声明"), *[Paragraph(p) for p in layout()["responsibility_statement"]]]
    blocks += builder.chapters()
    issued = timezone.localdate(report.published_at) if report.is_published and report.published_at else today
    issuer = report.subject_name if report.organization_id else supervision_office(report.region) or report.region.name
    return ReportDocument(title=report.title, issuer=issuer, date=issued, blocks=blocks)


class _Builder:
    def __init__(self, report: QualityReport) -> None:
        self.report = report
        self.year = report.year
        self.regional = report.organization_id is None
        self.years = list(range(report.year - layout()["trend_years"] + 1, report.year + 1))
        self.figures = load_figures(report, self.years)
        self.provisional = self._provisional_years()
        self.tables = 0
        self.charts = 0
        self.numeral = 0
        self.shown: list[str] = []  # indicator codes shown in tables (for 面临挑战)

    def applies(self, spec: dict[str, Any]) -> bool:
        return not (spec.get("regional_only") and not self.regional) and not (spec.get("school_only") and self.regional)

    def _provisional_years(self) -> set[int]:
        finality = Finality()
        school = self.report.organization
        if school is not None:
            return {y for y in self.years if not finality.unit_final(school, [Dataset.SCHOOL], y)}
        region = self.report.region
        owed = [d for d in Dataset.values if finality.coverage(region, d, self.year).owed]
        return {y for y in self.years if not finality.region_final(region, owed, y)}

    def year_label(self, year: int) -> str:
        return f"{year}年（暂定）" if year in self.provisional else f"{year}年"

    def heading(self, text: str) -> Heading:
        self.numeral += 1
        return Heading(f"{cn2an.an2cn(self.numeral)}、{text}")

    def narrative(self, key: str) -> list[Block]:
        text = str(self.report.narratives.get(key, "") or "")
        return [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]

    def chapters(self) -> list[Block]:
        blocks: list[Block] = []
        for chapter in layout()["chapters"]:
            body = self.chapter_body(chapter)
            if body:
                blocks += [self.heading(chapter["heading"]), *body]
        blocks += [self.heading("规划目标推进情况"), *self.targets()]
        blocks += [self.heading("面临挑战"), *self.challenges()]
        if self.regional:
            annex = self.school_annex()
            if annex:
                blocks += [Heading("附表"), annex]
        return blocks

    def chapter_body(self, chapter: dict[str, Any]) -> list[Block]:
        body: list[Block] = [Paragraph(s) for s in self.sentences(chapter.get("sentences", []))]
        body += self.narrative(chapter["key"])
        for spec in chapter.get("tables", []):
            table = self.table(spec)
            if table is not None:
                body.append(table)
        for spec in chapter.get("charts", []):
            if self.applies(spec):
                chart = self.chart(spec)
                if chart is not None:
                    body.append(chart)
        return body

    # -- sentences

    def sentences(self, specs: list[str | dict[str, Any]]) -> list[str]:
        out = []
        for spec in specs:
            entry = {"text": spec} if isinstance(spec, str) else spec
            if not self.applies(entry):
                continue
            text = self.fill(entry["text"])
            if text is not None:
                out.append(text)
        return out

    def fill(self, text: str) -> str | None:
        """The sentence with its figures, or None when one of them has no value this year."""
        missing = False

        def figure(match: re.Match[str]) -> str:
            nonlocal missing
            code, part = match.group(1), match.group(2) or "value"
            if code == "year":
                return str(self.year)
            if code == "subject":
                return "本校" if not self.regional else self.report.region.name
            value = self.figures.get(code, self.year, part)
            if value is None:
                missing = True
            return display(value)

        filled = PLACEHOLDER.sub(figure, text)
        return None if missing else filled

    # -- tables and charts

    def label(self, spec: dict[str, Any]) -> str:
        indicator = self.figures.indicators[spec["indicator"]]
        name = spec.get("label") or indicator.name
        unit = spec.get("unit", indicator.unit if "label" not in spec else "")
        if unit == ":1":
            return f"{name}（x:1）"
        return f"{name}（{unit}）" if unit else name

    def table(self, spec: dict[str, Any]) -> Table | None:
        previous, current = self.year - 1, self.year
        rows = []
        for row in spec["rows"]:
            if not self.applies(row):
                continue
            part = row.get("part", "value")
            before, now = (self.figures.get(row["indicator"], y, part) for y in (previous, current))
            if before is None and now is None:
                continue
            if part == "value":
                self.shown.append(row["indicator"])
            rows.append([self.label(row), display(before), display(now), change(before, now)])
        if not rows:
            return None
        self.tables += 1
        return Table(
            title=f"表{self.tables}　{spec['title']}",
            columns=["指标", self.year_label(previous), self.year_label(current), "增减"],
            rows=rows,
            widths=TABLE_WIDTHS,
        )

    def chart(self, spec: dict[str, Any]) -> Chart | None:
        codes = spec["indicators"]
        unit = self.figures.indicators[codes[0]].unit
        if spec["kind"] == "schools":
            values = [self.school_figures.get((s.pk, codes[0])) for s in self.schools]
            if not any(v is not None for v in values):
                return None
            png = charts.bar_chart([s.short_name or s.name for s in self.schools], values, unit)
            period = f"{self.year}年"
        else:
            series = {self.figures.indicators[c].name: [self.figures.get(c, y) for y in self.years] for c in codes}
            if not any(v is not None for values in series.values() for v in values):
                return None
            png = charts.line_chart(self.years, series, "" if unit == ":1" else unit)
            period = f"{self.years[0]}—{self.year}年"
        self.charts += 1
        return Chart(title=f"图{self.charts}　{spec['title']}（{period}）", png=png)

    @functools.cached_property
    def schools(self) -> list[Organization]:
        return list(schools_of(self.report.region))

    @functools.cached_property
    def school_figures(self) -> dict[tuple[int, str], float | None]:
        """(school, indicator code) → the year's value, for the chart and the annex (one query)."""
        rows = indicator_values(organizations=self.schools, years=[self.year])
        return {(f.organization_id, f.code): f.value for f in rows}  # type: ignore[misc]

    @functools.cached_property
    def target_rows(self) -> list[queries.TargetRow]:
        return queries.target_rows(self.plan_targets())

    # -- targets and challenges

    def plan_targets(self) -> Any:
        if self.regional:
            return Target.objects.active().filter(plan__region=self.report.region, scope_organization__isnull=True)
        return Target.objects.active().filter(scope_organization_id=self.report.organization_id)

    def targets(self) -> list[Block]:
        targets = self.plan_targets()
        rows = self.target_rows
        if not rows:
            return [Paragraph("规划未对本单位设定单独的量化目标。")]
        counts = "、".join(f"{c['label']}{c['count']}项" for c in queries.status_counts(targets) if c["count"])
        blocks: list[Block] = [
            Paragraph(f"截至{timezone.localdate():%Y年%m月%d日}，规划设定的{len(rows)}项量化目标中，{counts}。")
        ]
        self.tables += 1
        blocks.append(
            Table(
                title=f"表{self.tables}　规划目标推进情况",
                columns=["目标", "目标值", "最新值", "状态"],
                rows=[
                    [
                        row.target.indicator_text,
                        row.target.goal_label,
                        f"{display(row.latest_value)}（{row.latest_year}年）" if row.latest_year else DASH,
                        row.label,
                    ]
                    for row in rows
                ],
                widths=TABLE_WIDTHS,
            )
        )
        return blocks

    def challenges(self) -> list[Block]:
        items = []
        lagging = {TargetStatus.Status.AT_RISK, TargetStatus.Status.OFF_TRACK}
        for row in self.target_rows:
            if row.status in lagging:
                deadline = f"（{row.target.deadline_year}年）" if row.target.deadline_year else ""
                items.append(
                    f"“{row.target.indicator_text}”{row.label}：最新值{display(row.latest_value)}，"
                    f"目标{row.target.goal_label}{deadline}。"
                )
        for code in dict.fromkeys(self.shown):
            indicator = self.figures.indicators[code]
            before, now = self.figures.get(code, self.year - 1), self.figures.get(code, self.year)
            if before is None or now is None or before == now:
                continue
            worse = now < before if indicator.direction == Indicator.Direction.HIGHER else now > before
            if worse:
                verb = "降至" if now < before else "升至"
                items.append(f"{indicator.name}由{self.year - 1}年的{display(before)}{verb}{display(now)}。")
        blocks: list[Block] = [Paragraph(f"{n}. {text}") for n, text in enumerate(items, start=1)]
        blocks += self.narrative(CHALLENGES)
        return blocks or [Paragraph("本年度各项指标未见下滑，规划目标均按计划推进。")]

    def school_annex(self) -> Table | None:
        spec = layout()["school_annex"]
        codes = spec["indicators"]
        rows = [[s.name, *[display(self.school_figures.get((s.pk, c))) for c in codes]] for s in self.schools]
        if not rows:
            return None
        self.tables += 1
        return Table(
            title=f"表{self.tables}　{spec['title']}（{self.year}年）",
            columns=["学校", *[self.label({"indicator": c}) for c in codes]],
            rows=rows,
            widths=TABLE_WIDTHS,
        )
