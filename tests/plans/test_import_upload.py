"""Uploading a plan document: type, size and content are checked before anything is stored."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import County
from tests.plans.import_drafts import SMALL_PLAN, plan_file
from vetplan.plans.models import PlanImportDraft

URL = "/plans/import/"


def upload(client: Any, file: Any, **extra: Any) -> Any:
    return client.post(URL, {"file": file, **extra})


def test_the_upload_url_is_named() -> None:
    assert reverse("plans:import_upload") == URL


def test_it_shows_the_upload_form_to_a_supervisor(county: County, client_as: Any) -> None:
    response = client_as(county.users["supervisor"]).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "导入规划文件" in html and 'type="file"' in html
    # A supervisor imports for its own region (the default) or one below it, never another county.
    assert f'<option value="{county.region.pk}" selected>测试县</option>' in html and "邻县" not in html


def test_a_supervisor_cannot_import_into_another_county(county: County, client_as: Any) -> None:
    other = county.other_region
    assert other is not None
    response = upload(client_as(county.users["supervisor"]), plan_file(), region=str(other.pk))
    assert response.status_code == 200 and "请在列表中选择实施区域" in response.content.decode()
    assert not PlanImportDraft.objects.exists()


def test_it_extracts_an_upload_into_a_draft_of_the_supervisors_region(county: County, client_as: Any) -> None:
    response = upload(client_as(county.users["supervisor"]), plan_file())
    draft = PlanImportDraft.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/plans/import/{draft.pk}/"
    assert draft.region == county.region and draft.created_by == county.users["supervisor"]
    assert draft.source_name == "测试县职业教育提质行动方案.txt" and draft.source_text == SMALL_PLAN
    assert [t["value"] for t in draft.document["targets"]] == [70, 95, 3]
    assert draft.status == PlanImportDraft.Status.PENDING


def test_it_reads_gb18030_text(county: County, client_as: Any) -> None:
    file = SimpleUploadedFile("方案.txt", SMALL_PLAN.encode("gb18030"))
    upload(client_as(county.users["supervisor"]), file)
    assert PlanImportDraft.objects.get().document["meta"]["title"] == "测试县职业教育提质行动方案"


def test_it_reads_a_docx_upload(county: County, client_as: Any) -> None:
    import docx

    document = docx.Document()
    for line in SMALL_PLAN.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    upload(client_as(county.users["supervisor"]), SimpleUploadedFile("方案.docx", buffer.getvalue()))
    assert len(PlanImportDraft.objects.get().document["targets"]) == 3


def assert_refused(response: Any, *phrases: str) -> None:
    assert response.status_code == 200
    html = response.content.decode()
    for phrase in phrases:
        assert phrase in html, phrase
    assert PlanImportDraft.objects.count() == 0


def test_it_refuses_a_file_of_the_wrong_type_and_saves_nothing(county: County, client_as: Any) -> None:
    response = upload(client_as(county.users["supervisor"]), SimpleUploadedFile("指标.xlsx", b"PK\x03\x04 data"))
    assert_refused(response, "无法读取 指标.xlsx", "不支持的文件类型 .xlsx")


def test_it_refuses_a_file_whose_content_is_not_what_its_name_says(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    assert_refused(upload(client, SimpleUploadedFile("方案.docx", "不是压缩包".encode())), "方案.docx", "不是Word")
    assert_refused(upload(client, SimpleUploadedFile("方案.pdf", b"<html>")), "方案.pdf", "不是PDF")
    assert_refused(
        upload(client, SimpleUploadedFile("方案.txt", b"PK\x03\x04\x00\x00\x08")), "方案.txt", "扩展名与内容不符"
    )
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert_refused(upload(client, SimpleUploadedFile("方案.docx", zipped.getvalue())), "不是Word（.docx）文档")


def test_a_document_the_reader_cannot_read_becomes_a_form_error(county: County, client_as: Any) -> None:
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "这不是 XML")
    response = upload(client_as(county.users["supervisor"]), SimpleUploadedFile("坏文件.docx", broken.getvalue()))
    assert_refused(response, "无法读取 坏文件.docx：")


def test_it_refuses_an_oversize_file(county: County, client_as: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    big = SimpleUploadedFile("大文件.txt", ("职业教育" * 400).encode())
    assert_refused(upload(client_as(county.users["supervisor"]), big), "无法读取 大文件.txt", "超过上限")


def test_it_refuses_an_empty_file_and_a_missing_one(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    assert_refused(upload(client, SimpleUploadedFile("空.txt", b"")), "上传的文件是空的")
    assert_refused(upload(client, SimpleUploadedFile("空白.txt", b"  \n ")), "无法读取 空白.txt：文件是空的")
    assert_refused(client.post(URL, {}), "请选择要导入的规划文件")


def test_the_admin_chooses_the_county_region(county: County, client_as: Any) -> None:
    client = client_as(county.users["county_admin"])
    assert 'name="region"' in client.get(URL).content.decode()
    assert_refused(upload(client, plan_file()), "请选择规划的实施区域")
    upload(client, plan_file(), region=county.other_region.pk)
    assert PlanImportDraft.objects.get().region == county.other_region


def test_it_lists_the_pending_drafts_of_the_region(county: County, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    upload(client, plan_file())
    assert "待审核的导入" in client.get(URL).content.decode()


def test_the_plan_list_links_to_the_import_for_supervisors_only(county: County, client_as: Any) -> None:
    assert "导入规划文件" in client_as(county.users["supervisor"]).get("/plans/").content.decode()
    assert "导入规划文件" not in client_as(county.users["department_reporter"]).get("/plans/").content.decode()
