"""Our own sample plans under documents/, written in the style of county VET plans."""

from __future__ import annotations

from pathlib import Path

from vetplan.extraction import PlanDocument, extract_file

DOCUMENTS = Path(__file__).resolve().parent / "documents"


def extract(name: str) -> PlanDocument:
    return extract_file(DOCUMENTS / name)


def test_it_reads_numbered_measures_with_lead_and_partner_units() -> None:
    plan = extract("numbered_measures.txt")
    assert plan.meta.title == "青川县职业教育提质培优行动方案"
    assert (plan.meta.issuer, plan.meta.date, plan.meta.region) == ("青川县人民政府办公室", "2023-05-12", "青川县")
    assert [task.seq for task in plan.tasks] == ["1", "2", "3"]
    assert plan.tasks[0].lead_units == ["县教育局"]
    assert plan.tasks[0].responsible_units == ["县发展改革局", "县财政局", "县自然资源局"]
    by_value = {(t.comparator, t.value, t.unit): t for t in plan.targets}
    assert by_value[("~", 2500, "人")].deadline == 2025
    assert by_value[(">=", 1500, "人次")].deadline is None


def test_it_reads_a_table_with_completion_deadlines() -> None:
    plan = extract("deadline_table.txt")
    assert [task.timeline for task in plan.tasks] == ["2024年6月底前", "2024年9月", "持续推进"]
    assert plan.tasks[0].responsible_units == ["县发展改革局", "县教育局", "县税务局"]
    assert {(t.comparator, t.value, t.unit) for t in plan.targets} == {
        (">=", 2, "家"),
        (">=", 600, "人"),
        ("<=", 18, ":1"),
    }


def test_it_rebuilds_a_table_flattened_to_one_cell_per_line() -> None:
    plan = extract("flat_table.txt")
    assert [task.seq for task in plan.tasks] == ["1", "2", "3"]
    assert plan.tasks[0].lead_units == ["区教育局"]
    assert plan.tasks[0].responsible_units == ["区人力资源社会保障局", "区财政局"]


def test_it_reads_a_gb18030_plan_with_inline_units() -> None:
    plan = extract("gb18030_plan.txt")
    assert plan.meta.title == "西山县职业教育质量提升方案"
    assert plan.tasks[1].lead_units == ["县人社局"]
    assert plan.tasks[1].responsible_units == ["县教育局", "县总工会"]


def test_it_returns_no_tasks_for_a_plan_without_a_task_list() -> None:
    plan = extract("no_tasks.txt")
    assert plan.tasks == []
    keys = {(t.comparator, t.value, t.value_max, t.unit) for t in plan.targets}
    assert {(">=", 4000, None, "人"), ("~", 1, None, ":1"), ("between", 1, 2, "个"), ("=", 2500, None, "元")} <= keys


def test_it_reads_an_html_plan_with_a_table() -> None:
    plan = extract("plan_with_table.html")
    assert (plan.meta.title, plan.meta.issuer, plan.meta.date) == (
        "北湖区职业教育发展行动计划",
        "北湖区人民政府",
        "2022-08-01",
    )
    assert [(t.seq, t.lead_units, t.timeline) for t in plan.tasks] == [
        ("1", ["区教育局"], "2025年底"),
        ("2", ["区人力资源社会保障局"], "每年6月"),
    ]
    assert plan.tasks[1].responsible_units == ["区教育局", "区工业和信息化局"]
