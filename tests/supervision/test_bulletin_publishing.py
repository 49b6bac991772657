"""发布 asks first, showing what becomes public; 撤回 needs a reason and the public page says so."""

from __future__ import annotations

import html
from typing import Any

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.conftest import County
from tests.reports.supervision_data import scored_round
from vetplan.supervision import services
from vetplan.supervision.models import Bulletin


def draft(county: County, **changes: Any) -> Bulletin:
    fields: dict[str, Any] = {
        "kind": Bulletin.Kind.CRITICISM,
        "title": "关于任务落实滞后的通报",
        "body": "县华信机械实训基地建设滞后，予以通报批评。",
        "organizations": [county.enterprise],
        **changes,
    }
    return services.draft_bulletin(county.region, by=county.users["supervisor"], **fields)


def test_publishing_shows_exactly_what_becomes_public_and_waits_for_confirmation(
    county: County, client_as: Any
) -> None:
    bulletin = draft(county)
    client = client_as(county.users["supervisor"])
    url = reverse("supervision:bulletin_publish", args=[bulletin.pk])
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    assert page.select_one("#public-title").get_text(strip=True) == "关于任务落实滞后的通报"
    assert "县华信机械实训基地建设滞后，予以通报批评。" in page.select_one("#public-body").get_text()
    assert page.select_one("#public-units").get_text(strip=True) == "县华信机械"

    unconfirmed = client.post(url, {})
    assert unconfirmed.status_code == 200 and "请勾选确认后再发布" in unconfirmed.content.decode()
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.DRAFT
    assert client_as(None).get(reverse("supervision:bulletin_detail", args=[bulletin.pk])).status_code == 404

    assert client_as(county.users["supervisor"]).post(url, {"confirm": "on"}).status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PUBLISHED and bulletin.published_at is not None


def test_the_confirmation_shows_the_round_results_the_downloads_carry(county: County, client_as: Any) -> None:
    round_ = scored_round(county)
    bulletin = draft(county, round=round_, organizations=[county.school, county.enterprise])
    school = round_.assessments.get(organization=county.school)
    page = client_as(county.users["supervisor"]).get(reverse("supervision:bulletin_publish", args=[bulletin.pk]))
    rows = BeautifulSoup(page.content.decode(), "html.parser").select("#public-results tbody tr")
    cells = [[td.get_text(strip=True) for td in row.find_all("td")] for row in rows]
    assert ["县职教中心", str(school.total), school.get_grade_display(), str(school.rank)] in cells


def test_a_withdrawn_bulletin_says_when_and_why_and_is_no_longer_offered(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    bulletin = services.publish_bulletin(draft(county), by=supervisor)
    client = client_as(supervisor)
    url = reverse("supervision:bulletin_withdraw", args=[bulletin.pk])
    refused = client.post(url, {"reason": "   "})
    assert refused.status_code == 200 and "请填写撤回原因" in refused.content.decode()
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.PUBLISHED

    assert client.post(url, {"reason": "经核实，该单位已于规定期限内完成建设，通报有误。"}).status_code == 302
    bulletin.refresh_from_db()
    assert bulletin.status == Bulletin.Status.WITHDRAWN and bulletin.withdrawn_at is not None

    public = client_as(None)
    page = public.get(reverse("supervision:bulletin_detail", args=[bulletin.pk])).content.decode()
    notice = BeautifulSoup(page, "html.parser").select_one("#withdrawal").get_text()
    assert "本通报已撤回" in notice and "经核实，该单位已于规定期限内完成建设，通报有误。" in notice
    assert f"{bulletin.withdrawn_at.astimezone().year}年" in notice
    assert "予以通报批评" not in page  # the text is no longer offered as current
    assert reverse("reports:bulletin", args=[bulletin.pk, "pdf"]) not in page
    download = public.get(reverse("reports:bulletin", args=[bulletin.pk, "pdf"]))
    assert download.status_code == 403 and "已于" in html.unescape(download.content.decode())
    listing = public.get(reverse("supervision:bulletin_list")).content.decode()
    assert "关于任务落实滞后的通报" in listing and "已撤回" in listing
    listed = client_as(supervisor).get(reverse("reports:report_list")).context["bulletins"]
    assert bulletin.pk not in [b.pk for b in listed]  # not among the documents offered for download

    statuses = list(bulletin.history.order_by("history_id").values_list("status", flat=True))
    assert statuses[-2:] == ["published", "withdrawn"] and "draft" in statuses
    trail = client_as(supervisor).get(reverse("supervision:audit_trail")).content.decode()
    assert "已发布 → 已撤回" in trail and "草稿 → 已发布" in trail


def test_only_a_published_bulletin_can_be_withdrawn_and_a_withdrawn_one_not_republished(
    county: County, client_as: Any
) -> None:
    supervisor = county.users["supervisor"]
    bulletin = draft(county)
    response = client_as(supervisor).post(reverse("supervision:bulletin_withdraw", args=[bulletin.pk]), {"reason": "x"})
    assert "只有已发布的通报可以撤回" in response.content.decode()
    services.publish_bulletin(bulletin, by=supervisor)
    services.withdraw_bulletin(bulletin, by=supervisor, reason="数据有误。")
    response = client_as(supervisor).post(
        reverse("supervision:bulletin_publish", args=[bulletin.pk]), {"confirm": "on"}
    )
    bulletin.refresh_from_db()
    assert response.status_code == 403 and bulletin.status == Bulletin.Status.WITHDRAWN


def test_reporters_cannot_withdraw_or_edit(county: County, client_as: Any) -> None:
    bulletin = services.publish_bulletin(draft(county), by=county.users["supervisor"])
    client = client_as(county.users["department_reporter"])
    assert client.post(reverse("supervision:bulletin_withdraw", args=[bulletin.pk]), {"reason": "x"}).status_code == 403
    other = draft(county)
    assert client.post(reverse("supervision:bulletin_edit", args=[other.pk]), {"title": "x"}).status_code == 403
