"""Helpers for the import-flow tests: a small plan document, drafts, and the review form's data."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from vetplan.plans.imports import create_import_draft
from vetplan.plans.models import PlanImportDraft

SMALL_PLAN = """测试县职业教育提质行动方案

一、主要目标
到2027年，全县“双师型”教师占专业课教师总数的比例达到70%以上。
到2026年，中等职业学校毕业生就业率保持在95%以上。
到2027年，建成3个以上县级产教融合实训基地。

二、重点任务清单

序号\t工作任务\t牵头单位\t责任单位\t时间进度
1\t实施职业学校办学条件达标工程。\t县教体局\t县人社局、县新能源局\t2025年底前
2\t建设县级产教融合实训基地3个以上。\t县新能源局\t新能源局、各乡镇\t2027年6月底前
"""

MINIMAL_PLAN = "测试县职业教育导入演示方案\n"


def plan_file(text: str = SMALL_PLAN, name: str = "测试县职业教育提质行动方案.txt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/plain")


def make_draft(region: Any, by: Any, text: str = SMALL_PLAN) -> PlanImportDraft:
    """A draft built through the real upload service, as the upload page builds it."""
    return create_import_draft(plan_file(text), region=region, by=by)


class _FormFields(HTMLParser):
    """The name → value pairs a browser would submit from one form (no file inputs)."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, Any] = {}
        self._textarea: str | None = None
        self._select: str | None = None
        self._first_option: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button", "file"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.data[name] = a.get("value") or "on"
            else:
                self.data[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select, self._first_option = name, None
        elif tag == "option" and self._select:
            if self._first_option is None:
                self._first_option = a.get("value", "")
            if "selected" in a:
                self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select:
            self.data.setdefault(self._select, self._first_option or "")
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.data[self._textarea] += data


def form_data(html: str, form_id: str = "review-form") -> dict[str, Any]:
    parser = _FormFields(form_id)
    parser.feed(html)
    # A textarea's first newline is not part of its value (HTML parsing rule).
    return {k: v[1:] if isinstance(v, str) and v.startswith("\n") else v for k, v in parser.data.items()}


def review_post(data: dict[str, Any]) -> dict[str, str]:
    """The review form's fields as the page posts them: one JSON document (static/js/import_review.js)."""
    fields = {name: value for name, value in data.items() if name != "csrfmiddlewaretoken"}
    return {"review": json.dumps(fields, ensure_ascii=False)}
