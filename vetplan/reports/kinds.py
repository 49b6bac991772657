"""The kinds of report: each is one generator over one subject (a plan, a round, a bulletin, a
年度质量报告 of a region or a school).

`vetplan report KIND ...` and the benchmarks read this table; the download views check access to
the subject themselves (reports/views.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models

from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan
from vetplan.reports.bulletin import bulletin_report
from vetplan.reports.content import ReportDocument
from vetplan.reports.models import QualityReport
from vetplan.reports.quality_report import latest_year, quality_report
from vetplan.reports.supervision_report import round_report
from vetplan.reports.task_list import task_list_report
from vetplan.supervision.models import Bulletin, InspectionRound

# The command's options that name a subject: option → label.
SUBJECT_OPTIONS = {
    "plan": "规划编号",
    "round": "督导轮次编号",
    "bulletin": "通报编号",
    "region": "区域编号（地区年报）",
    "school": "学校编号（学校年报）",
    "year": "年度（默认：有数据的最近一年）",
}


class SubjectError(LookupError):
    """The options do not name a subject; the message says what is missing, in Chinese."""


@dataclass(frozen=True)
class ReportKind:
    label: str
    usage: str
    load: Callable[[dict[str, Any]], Any]
    generate: Callable[[Any, dt.date], ReportDocument]


def _by_pk(model: type[models.Model], option: str, label: str) -> Callable[[dict[str, Any]], Any]:
    def load(options: dict[str, Any]) -> Any:
        pk = options.get(option)
        if pk is None:
            raise SubjectError(f"须用 --{option} 指定{label}编号。")
        found = model._default_manager.filter(pk=pk).first()
        if found is None:
            raise SubjectError(f"没有编号为 {pk} 的{label}。")
        return found

    return load


def load_quality_report(options: dict[str, Any]) -> QualityReport:
    """The stored report of the subject and year (published: as published), or a draft not saved."""
    school = None
    if options.get("school") is not None:
        school = Organization.objects.filter(pk=options["school"], type=Organization.Type.SCHOOL).first()
        if school is None:
            raise SubjectError(f"没有编号为 {options['school']} 的学校。")
        region = school.region
    elif options.get("region") is not None:
        found = Region.objects.filter(pk=options["region"]).first()
        if found is None:
            raise SubjectError(f"没有编号为 {options['region']} 的区域。")
        region = found
    else:
        raise SubjectError("须用 --region 指定区域（地区年报）或用 --school 指定学校（学校年报）。")
    year = options.get("year") or latest_year(region, school)
    if year is None:
        raise SubjectError(f"{school.name if school else region.name}还没有指标数据，请用 --year 指定年度。")
    stored = QualityReport.objects.filter(organization=school, year=year)
    stored = stored.filter(region=region) if school is None else stored
    return stored.first() or QualityReport(region=region, organization=school, year=year)


KINDS = {
    "task-list": ReportKind("任务清单（附件表格式）", "--plan N", _by_pk(Plan, "plan", "规划"), task_list_report),
    "round": ReportKind("督导报告", "--round N", _by_pk(InspectionRound, "round", "督导轮次"), round_report),
    "bulletin": ReportKind("督导通报", "--bulletin N", _by_pk(Bulletin, "bulletin", "通报"), bulletin_report),
    "quality": ReportKind(
        "职业教育质量年度报告", "--region N | --school N [--year Y]", load_quality_report, quality_report
    ),
}
