"""A plan printed to PDF (by chromium, with its text layer) reads like the text it came from."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest

from vetplan.demo.county import SAMPLE_PLAN
from vetplan.extraction import extract_file, extract_text

pytestmark = [pytest.mark.browser]


def test_a_text_layer_pdf_yields_the_same_plan(page: Any, tmp_path: Path) -> None:
    text = SAMPLE_PLAN.read_text(encoding="utf-8")
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page.set_content(f"<html><body style='font-family: \"Noto Sans CJK SC\"; font-size: 11pt'>{body}</body></html>")
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf))

    from_pdf, from_text = extract_file(pdf), extract_text(text)
    assert from_pdf.meta.title == from_text.meta.title
    assert from_pdf.meta.doc_number == "示政发〔2024〕3号"
    goals = {(t.indicator, t.value) for t in from_text.targets}
    assert len(goals & {(t.indicator, t.value) for t in from_pdf.targets}) >= len(goals) - 2
