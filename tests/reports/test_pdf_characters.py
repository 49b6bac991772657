"""Every character a report says is in its PDF, in order, as text a reader can search and copy.

Each PDF embeds Noto CJK faces cut to the characters it prints (issue 14: the whole faces took
seconds per file); a character the cut leaves out would print as nothing at all.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.reports.pdf_pages import pdf_text, unprinted
from vetplan.demo.loader import load_demo_county
from vetplan.orgs.models import Organization
from vetplan.plans.models import Plan
from vetplan.reports.content import Heading, Paragraph, ReportDocument, Table
from vetplan.reports.formatters import pdf as pdf_formatter
from vetplan.reports.formatters.pdf import to_pdf
from vetplan.reports.kinds import KINDS
from vetplan.supervision.models import Bulletin, InspectionRound

RARE = "王堃"  # 堃: outside GB 2312, in every Noto CJK face
SANS_ONLY = "𠀤鿫"  # in Noto Sans CJK SC, not in Noto Serif CJK SC


def embedded_fonts(content: bytes) -> set[str]:
    return {
        str(font["/BaseFont"])
        for page in PdfReader(io.BytesIO(content)).pages
        for font in page["/Resources"]["/Font"].values()  # type: ignore[index]
    }


def test_every_demo_pdf_prints_every_character_of_its_document(db: Any) -> None:
    region = load_demo_county().region
    today = timezone.localdate()
    subjects = {
        "task-list": Plan.objects.get(region=region),
        "round": InspectionRound.objects.get(region=region),
        "bulletin": Bulletin.objects.get(region=region, status=Bulletin.Status.PUBLISHED),
        "quality (county)": KINDS["quality"].load({"region": region.pk}),
    }
    for school in Organization.objects.filter(region=region, type=Organization.Type.SCHOOL):
        subjects[f"quality ({school.name})"] = KINDS["quality"].load({"school": school.pk})
    assert len(subjects) >= 6, "the demo has schools"
    for name, subject in subjects.items():
        document = KINDS[name.split(" ")[0]].generate(subject, today)
        assert unprinted(to_pdf(document), document) == "", name


def test_characters_outside_the_common_set_are_printed() -> None:
    document = ReportDocument(
        title=f"关于{RARE}同志赴{SANS_ONLY}村调研的通报",
        issuer="测试县教育督导室",
        blocks=[
            Heading(f"一、{SANS_ONLY}村概况"),
            Heading(f"（一）{RARE}同志", level=2),
            Paragraph(f"{RARE}同志在{SANS_ONLY}村调研职业教育，完成率96.07%。"),
            Table(title=f"表1　{SANS_ONLY}村", columns=["姓名", f"{SANS_ONLY}村"], rows=[[RARE, SANS_ONLY]]),
        ],
    )
    content = to_pdf(document)
    assert unprinted(content, document) == ""
    # The Serif faces lack 𠀤 and 鿫: they come from the Sans face of the same weight.
    assert any(name.endswith("NotoSansCJKSC") for name in embedded_fonts(content))


def test_a_character_left_out_of_the_faces_is_laid_out_again_not_dropped(monkeypatch: pytest.MonkeyPatch) -> None:
    document = ReportDocument(title="督导报告（2025年度）", blocks=[Paragraph(f"{RARE}同志：完成率96.07%。")])
    # As if a string the formatter prints were missing from printed_characters().
    monkeypatch.setattr(pdf_formatter, "printed_characters", lambda document: frozenset("督导报告"))
    content = to_pdf(document)
    assert unprinted(content, document) == ""


def test_fpdf2_reads_faces_cut_to_the_document_not_the_installed_ones(tmp_path: Path) -> None:
    document = ReportDocument(title="督导报告", blocks=[Table(title="表", columns=["单位"], rows=[["县教体局"]])])
    characters = pdf_formatter.printed_characters(document)
    pdf = pdf_formatter._layout(document, characters, tmp_path)
    for face in pdf_formatter.FACES:
        glyphs = pdf.fonts[face].ttfont["maxp"].numGlyphs
        assert glyphs <= len(characters) + 1, f"{face}: {glyphs} glyphs for {len(characters)} characters"
    assert "督导报告" in pdf_text(bytes(pdf.output()))
