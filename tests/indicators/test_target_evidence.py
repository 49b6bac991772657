"""A target report's 佐证材料 is checked like progress evidence: type by content, size, a random stored
name, and served by a view that checks who asks (the link used to point at an unserved /media/ URL)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import County
from tests.factories import TargetFactory
from vetplan.indicators.models import TargetReport
from vetplan.indicators.services import record_target_report
from vetplan.plans.models import Target

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
STORED = re.compile(r"target_reports/\d{4}/[0-9a-f]{32}\.(pdf|png)")


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


@pytest.fixture
def target(county: County) -> Target:
    return TargetFactory(plan=county.plan, indicator_text="建成县级产教融合实训基地", value=2, unit="个")


def post(client: Any, target: Target, name: str, content: bytes) -> Any:
    url = reverse("indicators:target_report", kwargs={"target_pk": target.pk})
    return client.post(url, {"year": "2025", "value": "2", "evidence": SimpleUploadedFile(name, content)}, follow=True)


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("佐证.pdf", PDF),
        ("../../../etc/x.png", PNG),  # the uploader's path and name are not used
    ],
)
def test_an_allowed_file_is_stored_under_a_random_name_and_its_link_serves_it(
    county: County, client_as: Any, target: Target, media: Path, name: str, content: bytes
) -> None:
    client = client_as(county.users["department_reporter"])
    page = post(client, target, name, content).content.decode()
    assert "已保存目标完成情况" in page
    report = TargetReport.objects.get(target=target)
    assert STORED.fullmatch(report.evidence.name), report.evidence.name
    assert [path.resolve() for path in files_under(media.parent)] == [(media / report.evidence.name).resolve()]

    link = reverse("indicators:target_evidence", kwargs={"target_pk": target.pk, "report_pk": report.pk})
    assert f'href="{link}"' in client.get(reverse("indicators:target_detail", args=[target.pk])).content.decode()
    response = client_as(county.users["supervisor"]).get(link)
    assert response.status_code == 200 and b"".join(response.streaming_content) == content
    assert response["Content-Type"] == ("application/pdf" if name.endswith(".pdf") else "image/png")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("说明.html", b"<html><script>alert(1)</script></html>"),
        ("setup.exe", b"MZ\x90\x00\x03" + b"\x00" * 200),
        ("../../../etc/x.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("伪装.pdf", b"<html>not a pdf</html>"),  # the name is not what decides
    ],
)
def test_a_file_of_another_type_is_refused_and_nothing_is_saved(
    county: County, client_as: Any, target: Target, media: Path, name: str, content: bytes
) -> None:
    page = post(client_as(county.users["department_reporter"]), target, name, content).content.decode()
    assert "未保存：" in page and "的内容不是允许的文件类型（PDF、Word（docx）、Excel（xlsx）、JPG、PNG）" in page
    assert not TargetReport.objects.exists()
    assert files_under(media.parent) == []


def test_a_50_mb_file_is_refused_and_nothing_is_saved(
    county: County, client_as: Any, target: Target, media: Path
) -> None:
    content = PDF + b"\x00" * (50_000_000 - len(PDF))
    page = post(client_as(county.users["department_reporter"]), target, "扫描件.pdf", content).content.decode()
    assert "未保存：“扫描件.pdf”超过 10 MB 的大小限制。" in page
    assert not TargetReport.objects.exists()
    assert files_under(media.parent) == []


def test_the_evidence_is_served_only_to_those_who_see_the_target(
    county: County, client_as: Any, target: Target
) -> None:
    report = record_target_report(
        target, by=county.users["supervisor"], year=2025, value=2, evidence=SimpleUploadedFile("佐证.pdf", PDF)
    )
    link = reverse("indicators:target_evidence", kwargs={"target_pk": target.pk, "report_pk": report.pk})
    for persona in ("county_admin", "supervisor", "department_reporter", "school_reporter", "enterprise_reporter"):
        assert client_as(county.users[persona]).get(link).status_code == 200, persona
    assert client_as(county.users["outsider"]).get(link).status_code == 404
    anonymous = client_as(None).get(link)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("login"))
    # Another target's address for the same report, and a report without a file, find nothing.
    other = reverse("indicators:target_evidence", kwargs={"target_pk": county.target.pk, "report_pk": report.pk})
    assert client_as(county.users["supervisor"]).get(other).status_code == 404
    bare = record_target_report(county.target, by=county.users["supervisor"], year=2025, value=1)
    bare_link = reverse("indicators:target_evidence", kwargs={"target_pk": county.target.pk, "report_pk": bare.pk})
    assert client_as(county.users["supervisor"]).get(bare_link).status_code == 404
