"""年度质量报告 pages: the public reads what is published; drafts stay with the region's supervisors."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.factories import member
from tests.indicators.helpers import save
from tests.reports.pdf_pages import pdf_text
from vetplan.orgs.roles import Role
from vetplan.reports import services
from vetplan.reports.models import QualityReport


@pytest.fixture
def reports(county: County) -> dict[str, QualityReport]:
    """The county's 2025 report published, the school's a draft."""
    supervisor = county.users["supervisor"]
    save(supervisor, county.school, 2025, teachers_specialised=100, teachers_dual_qualified=75)
    county_report, school_report = services.create_quality_reports(county.region, year=2025, by=supervisor)
    services.publish_quality_report(county_report, by=supervisor)
    return {"published": county_report, "draft": school_report}


def test_an_anonymous_visitor_reads_and_downloads_the_published_report(
    client: Any, reports: dict[str, QualityReport]
) -> None:
    published = reports["published"]
    listing = client.get(reverse("reports:quality_list")).content.decode()
    assert published.title in listing and reports["draft"].title not in listing
    page = client.get(reverse("reports:quality_detail", args=[published.pk]))
    assert page.status_code == 200
    assert "双师型教师占专业课教师比例（%）" in page.content.decode() and "75" in page.content.decode()
    download = client.get(reverse("reports:quality_download", args=[published.pk, "pdf"]))
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert "测试县职业教育质量年度报告（2025年度）" in pdf_text(download.content)


@pytest.mark.parametrize("persona", ["anonymous", "school_reporter", "department_reporter", "outsider"])
def test_a_draft_is_not_found_except_by_supervisors(
    persona: str, county: County, client_as: Any, reports: dict[str, QualityReport]
) -> None:
    client = client_as(county.users[persona])
    draft = reports["draft"]
    assert client.get(reverse("reports:quality_detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("reports:quality_download", args=[draft.pk, "docx"])).status_code == 404
    assert draft.title not in client.get(reverse("reports:quality_list")).content.decode()


def test_another_regions_supervisor_does_not_see_the_draft(
    county: County, client_as: Any, reports: dict[str, QualityReport]
) -> None:
    from vetplan.orgs.models import Organization

    office = Organization.objects.create(
        name="邻县教育督导室", type=Organization.Type.SUPERVISION, region=county.other_region
    )
    client = client_as(member(office, Role.SUPERVISOR, username="linxian-duban"))
    assert client.get(reverse("reports:quality_detail", args=[reports["draft"].pk])).status_code == 404
    assert client.get(reverse("reports:quality_detail", args=[reports["published"].pk])).status_code == 200


def test_a_supervisor_creates_writes_and_publishes(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    save(county.users["supervisor"], county.school, 2025, teachers_specialised=100, teachers_dual_qualified=75)
    form = client.get(reverse("reports:quality_create")).content.decode()
    assert 'value="2025"' in form  # the latest year with figures
    response = client.post(
        reverse("reports:quality_create"), {"year": 2025, "regional": "on", "schools": [county.school.pk]}
    )
    assert response.status_code == 302
    report = QualityReport.objects.get(organization=None)
    assert QualityReport.objects.count() == 2 and not report.is_published

    client.post(reverse("reports:quality_edit", args=[report.pk]), {"challenges": "实训基地建设滞后于规划进度。"})
    page = client.get(reverse("reports:quality_detail", args=[report.pk])).content.decode()
    assert "实训基地建设滞后于规划进度。" in page and "草稿" in page

    client.post(reverse("reports:quality_publish", args=[report.pk]))
    report.refresh_from_db()
    assert report.is_published and report.published_by == county.users["supervisor"]
    assert client_as(None).get(reverse("reports:quality_detail", args=[report.pk])).status_code == 200


def test_create_needs_a_subject_and_names_the_problem(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    response = client.post(reverse("reports:quality_create"), {"year": 2025})
    assert response.status_code == 200 and "请至少选择地区年报或一所学校" in response.content.decode()
    assert not QualityReport.objects.exists()


def test_a_draft_can_be_discarded_but_not_a_published_report(
    county: County, client_as: Any, reports: dict[str, QualityReport]
) -> None:
    client = client_as(county.users["supervisor"])
    client.post(reverse("reports:quality_discard", args=[reports["draft"].pk]))
    assert not QualityReport.objects.filter(pk=reports["draft"].pk).exists()
    response = client.post(reverse("reports:quality_discard", args=[reports["published"].pk]), follow=True)
    assert "已经发布" in response.content.decode()
    assert QualityReport.objects.filter(pk=reports["published"].pk).exists()


def test_the_report_page_lists_every_kind(county: County, client_as: Any, reports: dict[str, QualityReport]) -> None:
    from tests.reports.supervision_data import published_bulletin, scored_round

    round_, bulletin = scored_round(county), published_bulletin(county)
    supervisor_page = client_as(county.users["supervisor"]).get(reverse("reports:report_list")).content.decode()
    for url in (
        reverse("reports:task_list", args=[county.plan.pk, "docx"]),
        reverse("reports:round_report", args=[round_.pk, "pdf"]),
        reverse("reports:bulletin", args=[bulletin.pk, "xlsx"]),
        reverse("reports:quality_download", args=[reports["published"].pk, "pdf"]),
        reverse("reports:quality_download", args=[reports["draft"].pk, "docx"]),
    ):
        assert url in supervisor_page
    school_page = client_as(county.users["school_reporter"]).get(reverse("reports:report_list")).content.decode()
    assert reverse("reports:round_report", args=[round_.pk, "pdf"]) not in school_page
    assert reverse("reports:quality_download", args=[reports["draft"].pk, "docx"]) not in school_page
    assert reverse("reports:quality_download", args=[reports["published"].pk, "pdf"]) in school_page


@pytest.mark.parametrize("view_name", ["reports:quality_list", "reports:report_list"])
def test_the_lists_query_count_does_not_grow_with_the_reports(
    view_name: str, county: County, client_as: Any, django_assert_max_num_queries: Any
) -> None:
    from tests.factories import OrganizationFactory
    from tests.reports.supervision_data import draft_bulletin
    from vetplan.orgs.models import Organization

    for n in range(25):
        OrganizationFactory(name=f"测试县第{n}职业学校", type=Organization.Type.SCHOOL, region=county.region)
        draft_bulletin(county, title=f"通报{n}")
    services.create_quality_reports(county.region, year=2025, by=county.users["supervisor"])
    client = client_as(county.users["supervisor"])
    with django_assert_max_num_queries(16):
        response = client.get(reverse(view_name))
    assert response.status_code == 200 and response.content.decode().count("草稿") >= 10


def test_a_published_report_is_laid_out_once(
    client: Any, reports: dict[str, QualityReport], monkeypatch: Any, settings: Any, tmp_path: Any
) -> None:
    from vetplan.reports import views
    from vetplan.reports.formatters import FORMATTERS

    settings.CACHES = {**settings.CACHES, "reports": {**settings.CACHES["reports"], "LOCATION": tmp_path}}
    calls = []
    real = FORMATTERS["docx"]
    monkeypatch.setitem(views.FORMATTERS, "docx", lambda document: calls.append(1) or real(document))
    url = reverse("reports:quality_download", args=[reports["published"].pk, "docx"])
    first, second = client.get(url), client.get(url)
    assert first.content == second.content and len(calls) == 1


def test_the_audit_trail_shows_who_published_the_report(
    county: County, client_as: Any, reports: dict[str, QualityReport]
) -> None:
    page = client_as(county.users["supervisor"]).get(reverse("supervision:audit_trail"), {"model": "qualityreport"})
    body = page.content.decode()
    assert page.status_code == 200 and "年度质量报告" in body and reports["published"].title in body
    assert "已发布" in body  # the status change, 草稿 → 已发布


def test_the_regional_report_heads_its_year(county: County, reports: dict[str, QualityReport]) -> None:
    assert list(QualityReport.objects.all()) == [reports["published"], reports["draft"]]


def test_a_server_without_its_fonts_says_which_package(
    client: Any, reports: dict[str, QualityReport], monkeypatch: Any, settings: Any, tmp_path: Any
) -> None:
    from vetplan.reports import views
    from vetplan.reports.fonts import missing

    settings.CACHES = {**settings.CACHES, "reports": {**settings.CACHES["reports"], "LOCATION": tmp_path}}

    def no_fonts(document: Any) -> bytes:
        raise missing("Noto Serif CJK SC", "生成 PDF ")

    monkeypatch.setitem(views.FORMATTERS, "pdf", no_fonts)
    response = client.get(reverse("reports:quality_download", args=[reports["published"].pk, "pdf"]))
    assert response.status_code == 503 and "fonts-noto-cjk" in response.content.decode()
