"""Reading 时间进度 into a deadline or a yearly recurrence (pure, no database)."""

from __future__ import annotations

import datetime as dt

import pytest

from vetplan.plans.timeline import parse_timeline


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
