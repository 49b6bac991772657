"""The audit trail's Excel export: the filtered entries, times as dates, no cell that runs as a formula."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tests.conftest import County
from tests.factories import OrganizationFactory, member
from vetplan.orgs.roles import Role
from vetplan.supervision import services
from vetplan.supervision.views import audit

EXPORT = "supervision:audit_export"


def workbook_rows(client: Any, **filters: Any) -> list[tuple[Any, ...]]:
    response = client.get(reverse(EXPORT), filters)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"] and ".xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    return list(sheet.iter_rows(values_only=True))


def order_for(county: County, unit: Any, finding: str, by: Any = None) -> Any:
    return services.issue_rectification_order(
        county.region, by=by, organization=unit, finding=finding, deadline=dt.date(2026, 12, 31)
    )


def test_the_export_holds_the_filtered_trail_with_times_as_dates(county: County, client_as: Any) -> None:
    order_for(county, county.hr, "人社局的问题")
    with time_machine.travel(dt.datetime(2026, 5, 1, 0, 30, 15, 250000, tzinfo=dt.UTC), tick=False):
        order_for(county, county.school, "职教中心的问题", by=county.users["supervisor"])
    rows = workbook_rows(client_as(county.users["supervisor"]), unit=county.school.pk, model="rectificationorder")
    title, note, header, *entries = rows
    assert title[0] == "督导操作记录" and "共 1 条" in note[0]
    assert "类别：整改通知；单位：测试县职业技术教育中心" in note[0]
    assert header[:5] == ("时间", "操作人", "类别", "对象", "操作")
    assert len(entries) == 1
    when, user, category, obj, action, _ = entries[0]
    assert when == dt.datetime(2026, 5, 1, 8, 30, 15)  # a date cell, in local time (Asia/Shanghai)
    assert (user, category, action) == ("王督学", "整改通知", "创建") and "职教中心的问题" in obj
    by_name = workbook_rows(client_as(county.users["supervisor"]), user="王督", model="rectificationorder")
    assert "类别：整改通知；操作人：王督" in by_name[1][0] and len(by_name) == 4
    by_system = workbook_rows(client_as(county.users["supervisor"]), user="系统", model="rectificationorder")
    assert "操作人：系统" in by_system[1][0] and "人社局的问题" in by_system[3][3]


def test_text_that_would_run_as_a_formula_is_neutralised(county: County, client_as: Any) -> None:
    supervisor = county.users["supervisor"]
    attacker = OrganizationFactory(name="@SUM(1+1)", region=county.region)
    author = member(attacker, Role.SUPERVISOR, username="plus", first_name="+1+2")
    services.draft_bulletin(county.region, by=supervisor, kind="general", title='=HYPERLINK("http://x.example","点击")',
                            body="正文")  # fmt: skip
    order_for(county, attacker, "-2+3", by=author)
    response = client_as(supervisor).get(reverse(EXPORT))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    assert all(cell.data_type != "f" for cell in cells)
    texts = [cell.value for cell in cells if isinstance(cell.value, str)]
    assert '\'=HYPERLINK("http://x.example","点击")' in texts
    assert "'+1+2" in texts and "'@SUM(1+1) · -2+3" in texts
    assert not [t for t in texts if t[0] in "=+-@"]


def test_a_large_export_says_what_it_left_out(county: County, client_as: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audit, "EXPORT_LIMIT", 3)
    monkeypatch.setattr(audit, "EXPORT_CHUNK", 2)
    for n in range(4):
        order_for(county, county.hr, f"问题{n}")
    title, note, header, *entries = workbook_rows(client_as(county.users["supervisor"]), model="rectificationorder")
    assert len(entries) == 3 and "共 4 条，只导出最近的 3 条" in note[0]
    assert [e[3].rpartition("问题")[2] for e in entries] == ["3", "2", "1"]


def test_reporters_cannot_export_the_trail(county: County, client_as: Any) -> None:
    response = client_as(county.users["department_reporter"]).get(reverse(EXPORT))
    assert response.status_code == 403
