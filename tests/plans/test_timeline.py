"""Reading 时间进度 into a deadline or a yearly recurrence (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from vetplan.plans.timeline import dates_in_text, parse_timeline, task_schedule


@pytest.mark.parametrize(
    ("text", "deadline", "yearly"),
    [
        ("2025年底前", dt.date(2025, 12, 31), False),
        ("2024年6月底前", dt.date(2024, 6, 30), False),
        ("2024年2月", dt.date(2024, 2, 29), False),
        ("2023—2025年", dt.date(2025, 12, 31), False),
        ("2023年启动，2025年完成", dt.date(2025, 12, 31), False),
        ("2026年上半年", dt.date(2026, 6, 30), False),
        ("持续实施", None, True),
        ("长期坚持", None, True),
        ("2022年起每年", None, True),
        ("", None, False),
        (None, None, False),
        ("按上级要求", None, False),
    ],
)
def test_it_reads_the_timeline_column(text: str | None, deadline: dt.date | None, yearly: bool) -> None:
    parsed = parse_timeline(text)
    assert (parsed.deadline, parsed.yearly) == (deadline, yearly)


def test_it_ignores_an_impossible_month() -> None:
    assert parse_timeline("2025年13月").deadline == dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("timeline", "deadline", "start"),
    [
        ("2017年起实施", None, 2017),
        ("2018年春季学期开始实施", None, 2018),
        ("自2019年起", None, 2019),
        ("2018年秋季学期开学前完成", dt.date(2018, 8, 31), None),
        ("2019年春季学期开学前", dt.date(2019, 2, 28), None),
    ],
)
def test_a_start_date_in_the_column_is_never_a_deadline(
    timeline: str, deadline: dt.date | None, start: int | None
) -> None:
    parsed = parse_timeline(timeline)
    assert (parsed.deadline, parsed.yearly, parsed.start_year) == (deadline, deadline is None, start)


@pytest.mark.parametrize(
    ("text", "deadline", "yearly"),
    [
        ("到2022年底,建设1个市级思政教育工作室。", dt.date(2022, 12, 31), False),
        ("2022年6月底前完成专业布局调整。", dt.date(2022, 6, 30), False),
        ("到2024年前，建成2个职业体验基地。", dt.date(2024, 12, 31), False),
        ("加强实训设施建设，2022年达到国家办学标准。", dt.date(2022, 12, 31), False),
        ("到2022年完成试点，到2025年全面推开。", dt.date(2025, 12, 31), False),
        ("自2019年1月1日起，对试点企业按投资额的30%抵免教育费附加。", None, True),
        ("从2017年起，落实公办高等职业院校年生均财政拨款水平不低于12000元。", None, True),
        ("自2018年春季学期开始实施新的招生办法。", None, True),
        ("长期坚持校企合作。", None, True),
        ("持续推进专业建设。", None, True),
        ("每年开展技能大赛。", None, True),
        ("完善职业教育督导评估办法。", None, False),
    ],
)
def test_it_reads_deadlines_and_start_dates_in_a_tasks_wording(
    text: str, deadline: dt.date | None, yearly: bool
) -> None:
    parsed = dates_in_text(text)
    assert (parsed.deadline, parsed.yearly) == (deadline, yearly)


def test_a_task_with_no_date_anywhere_reports_yearly_and_says_so() -> None:
    schedule = task_schedule(None, "完善职业教育督导评估办法。")
    assert (schedule.deadline, schedule.yearly, schedule.source) == (None, True, "default")
    assert task_schedule("2025年底前", "到2030年完成").deadline == dt.date(2025, 12, 31)  # the column first
    assert task_schedule("按上级要求", "到2024年完成").source == "text"
