"""通报 (公报): a bulletin's text, its kind and the units it names, with their round results.

Published bulletins are public; a draft is only for the region's supervisors
(supervision.access.get_bulletin_for_user, used by the download view).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from vetplan.orgs.models import Organization
from vetplan.reports.content import Block, Heading, Paragraph, ReportDocument, Table
from vetplan.reports.supervision_report import DASH, or_dash, supervision_office
from vetplan.supervision.models import Bulletin
from vetplan.supervision.services.rounds import round_results

UNIT_COLUMNS = ["序号", "单位"]
RESULT_COLUMNS = ["序号", "单位", "总分", "等次", "排名"]


def bulletin_report(bulletin: Bulletin, today: dt.date) -> ReportDocument:
    """Dated on publication; a draft carries the day it is printed; a withdrawn one says so first."""
    withdrawn = bulletin.status == Bulletin.Status.WITHDRAWN
    published = bulletin.status == Bulletin.Status.PUBLISHED or withdrawn
    blocks: list[Block] = [] if published else [Paragraph("（草稿，尚未发布。）")]
    if withdrawn:
        when = timezone.localtime(bulletin.withdrawn_at) if bulletin.withdrawn_at else None
        date = f"于{when:%Y年%m月%d日}" if when else ""
        blocks.append(Paragraph(f"（本通报已{date}撤回，不再有效。撤回原因：{bulletin.withdrawal_reason}）"))
    blocks += [Paragraph(part.strip()) for part in bulletin.body.splitlines() if part.strip()]
    units = sorted(bulletin.organizations.all(), key=lambda unit: unit.name)
    if units:
        blocks += [Heading(f"{_named_as(bulletin)}单位"), _units_table(bulletin, units)]
    return ReportDocument(
        title=bulletin.title,
        issuer=supervision_office(bulletin.region),
        date=timezone.localdate(bulletin.published_at) if published and bulletin.published_at else today,
        blocks=blocks,
    )


def _named_as(bulletin: Bulletin) -> str:
    return {Bulletin.Kind.PRAISE: "通报表扬", Bulletin.Kind.CRITICISM: "通报批评"}.get(bulletin.kind, "涉及")


def _units_table(bulletin: Bulletin, units: list[Organization]) -> Table:
    """The units; with the round's total, grade and rank when the bulletin reports on a round."""
    if bulletin.round is None:
        rows = [[str(n), unit.display_name] for n, unit in enumerate(units, start=1)]
        return Table(title="", columns=UNIT_COLUMNS, rows=rows, widths=[0.6, 6.0])
    results = {a.organization_id: a for a in round_results(bulletin.round)}
    rows = []
    for n, unit in enumerate(units, start=1):
        result = results.get(unit.pk)
        figures = (
            [or_dash(result.total), result.get_grade_display() or DASH, or_dash(result.rank)] if result else [DASH] * 3
        )
        rows.append([str(n), unit.display_name, *figures])
    return Table(
        title=f"{bulletin.round.title}结果", columns=RESULT_COLUMNS, rows=rows, widths=[0.6, 4.0, 1.0, 1.0, 1.0]
    )
