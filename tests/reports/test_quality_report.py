"""年度质量报告: chapters and tables from hand-made data values, publication, the command."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import save
from vetplan.orgs.models import Organization
from vetplan.reports import services
from vetplan.reports.content import Chart, Heading, Paragraph, ReportDocument, Table, from_json, to_json
from vetplan.reports.models import QualityReport
from vetplan.reports.quality_report import LAYOUT_FILE, layout, quality_report

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def figures(county: County) -> Organization:
    """Two schools; the second reports 2025 only. Returns the second school."""
    supervisor = county.users["supervisor"]
    second = OrganizationFactory(name="测试县第二职业高级中学", type=Organization.Type.SCHOOL, region=county.region)
    save(supervisor, county.school, 2024, teachers_specialised=80, teachers_dual_qualified=48,
         enrolment_vocational=1500, graduates_secondary=500, graduates_secondary_employed=470)  # fmt: skip
    save(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=75,
         enrolment_vocational=1600, graduates_secondary=520, graduates_secondary_employed=480)  # fmt: skip
    save(supervisor, second, 2025, teachers_specialised=50, teachers_dual_qualified=20, enrolment_vocational=400)
    return second


def draft(county: County, school: Organization | None = None) -> QualityReport:
    supervisor = county.users["supervisor"]
    if school is None:
        return services.create_quality_reports(county.region, year=2025, by=supervisor, schools=[])[0]
    return services.create_quality_reports(county.region, year=2025, by=supervisor, regional=False, schools=[school])[0]


def rows_of(document: ReportDocument) -> dict[str, list[str]]:
    """Every table row by its first cell."""
    return {row[0]: row for table in document.tables() for row in table.rows}


def test_the_county_report_is_a_ratio_of_sums_over_its_schools(county: County, figures: Organization) -> None:
    document = quality_report(draft(county), TODAY)
    assert document.title == "测试县职业教育质量年度报告（2025年度）"
    row = rows_of(document)["双师型教师占专业课教师比例（%）"]
    # 2024: 48 / 80; 2025: (75 + 20) / (100 + 50), never the mean of 75% and 40%.
    assert row == ["双师型教师占专业课教师比例（%）", "60", "63.33", "+3.33"]
    assert rows_of(document)["中职在校生规模（人）"][1:] == ["1500", "2000", "+500"]
    assert rows_of(document)["专业课教师数（人）"][1:] == ["80", "150", "+70"]


def test_the_school_report_has_the_statement_and_its_own_figures(county: County, figures: Organization) -> None:
    document = quality_report(draft(county, county.school), TODAY)
    assert document.title == "测试县职业技术教育中心质量年度报告（2025年度）"
    assert document.blocks[1] == Heading("内容真实性责任声明")
    assert rows_of(document)["双师型教师占专业课教师比例（%）"][1:] == ["60", "75", "+15"]
    assert "职业学校数（所）" not in rows_of(document)  # regional rows stay in the county's report
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert "附表" not in headings


def test_rows_sentences_and_chapters_without_figures_are_left_out(county: County, figures: Organization) -> None:
    report = draft(county)
    document = quality_report(report, TODAY)
    text = " ".join(b.text for b in document.blocks if isinstance(b, Paragraph))
    assert "生均财政拨款" not in text and "生均财政拨款（元）" not in rows_of(document)  # nothing reported
    assert "中职在校生2000人" not in text  # the sentence also needs 年招生, which nobody reported
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert not any("文化传承" in h for h in headings)
    assert not any(t.title.endswith("落实政策表") for t in document.tables())

    services.update_narratives(report, {"culture": "开展非遗技艺进校园活动12场。", "bogus": "x"}, by=None)
    document = quality_report(report, TODAY)
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert any(h.endswith("、文化传承") for h in headings)
    assert Paragraph("开展非遗技艺进校园活动12场。") in document.blocks
    assert report.narratives == {"culture": "开展非遗技艺进校园活动12场。"}
    numerals = [h.split("、")[0] for h in headings if "、" in h]
    assert numerals == ["一", "二", "三", "四", "五", "六", "七", "八", "九"][: len(numerals)]  # no gaps


def test_the_challenges_name_what_got_worse(county: County, figures: Organization) -> None:
    document = quality_report(draft(county), TODAY)
    text = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    # 就业率 (higher is better) fell from 94% to 480 / 520 = 92.31%.
    assert any("中职毕业生就业率由2024年的94降至92.31" in t for t in text)
    assert not any("双师型教师占专业课教师比例由" in t for t in text)  # it rose


def test_charts_show_the_trend_and_each_school(county: County, figures: Organization) -> None:
    document = quality_report(draft(county), TODAY)
    charts = [b for b in document.blocks if isinstance(b, Chart)]
    assert any("在校生规模" in c.title for c in charts)
    assert any(c.title.startswith("图") and "各学校双师型" in c.title for c in charts)
    assert all(c.png.startswith(b"\x89PNG") for c in charts)


def test_a_published_report_stays_as_published(county: County, figures: Organization) -> None:
    report = services.publish_quality_report(draft(county), by=county.users["supervisor"])
    before = quality_report(report, TODAY)
    assert not any(b == Paragraph("（草稿，尚未发布。）") for b in before.blocks)
    save(county.users["supervisor"], county.school, 2025, teachers_dual_qualified=90)
    report.refresh_from_db()
    assert quality_report(report, TODAY) == before
    with pytest.raises(services.ReportError, match="已经发布"):
        services.update_narratives(report, {"culture": "x"}, by=None)
    with pytest.raises(services.ReportError, match="已经发布"):
        services.discard_quality_report(report, by=None)
    assert report.history.count() == 2  # created, published


def test_creating_keeps_existing_reports_and_refuses_other_regions(county: County, figures: Organization) -> None:
    supervisor = county.users["supervisor"]
    first = services.create_quality_reports(county.region, year=2025, by=supervisor)
    assert {r.organization for r in first} == {None, county.school, figures}
    assert services.create_quality_reports(county.region, year=2025, by=supervisor) == []
    outside = Organization.objects.get(name="邻县职业中专")
    with pytest.raises(services.ReportError, match="邻县职业中专"):
        services.create_quality_reports(county.region, year=2025, by=supervisor, schools=[outside])
    with pytest.raises(services.ReportError):
        services.create_quality_reports(county.region, year=1999, by=supervisor)
    assert QualityReport.objects.count() == 3


def test_the_command_writes_the_report_and_names_what_is_missing(
    county: County, figures: Organization, tmp_path: Path
) -> None:
    out = tmp_path / "county.docx"
    call_command("report", "quality", "--region", str(county.region.pk), "--out", str(out))
    document = Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == "测试县职业教育质量年度报告（2025年度）"  # the latest year with figures
    assert len(document.inline_shapes) >= 2  # the charts
    assert QualityReport.objects.count() == 0  # printing does not create a draft
    with pytest.raises(CommandError, match="--region"):
        call_command("report", "quality")
    with pytest.raises(CommandError, match="没有编号为 999999 的学校"):
        call_command("report", "quality", "--school", "999999")


def test_a_document_survives_its_stored_copy() -> None:
    document = ReportDocument(
        title="标题",
        issuer="督导室",
        date=TODAY,
        blocks=[
            Heading("一、概况"),
            Paragraph("正文"),
            Table("表1", ["a", "b"], [["1", "2"]], [1, 2]),
            Chart("图1", b"\x89PNG"),
        ],
    )
    assert from_json(json.loads(json.dumps(to_json(document)))) == document


def test_the_layout_names_only_catalogue_indicators() -> None:
    catalogue = json.loads((LAYOUT_FILE.parents[2] / "indicators" / "data" / "catalogue.json").read_text("utf-8"))
    codes = {i["code"] for i in catalogue["indicators"]}
    used = {row["indicator"] for c in layout()["chapters"] for t in c.get("tables", []) for row in t["rows"]}
    used |= {code for c in layout()["chapters"] for chart in c.get("charts", []) for code in chart["indicators"]}
    used |= set(layout()["school_annex"]["indicators"])
    assert used and used <= codes, used - codes
