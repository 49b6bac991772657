"""A round scored as the plan says: measured target status, 不参评 for a unit with nothing due, the
round's own criterion, and the consequences of the results linked to what carries them out.

The 2026 round covers the school (填报单位 of an achieved target), the enterprise (leads a task
linked to a 严重滞后 target) and the county government (nothing due, no target: 不参评).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.conftest import County
from tests.factories import TargetFactory, make_task
from tests.supervision.matrix import pdf
from vetplan.indicators.services import record_target_report
from vetplan.plans.models import Task
from vetplan.reports.supervision_report import result_row
from vetplan.supervision import services
from vetplan.supervision.models import Assessment, Consequence, InspectionRound, Interview


def close(task: Task, unit: Any, supervisor: Any) -> None:
    """Done the only way a task is done: a closing report the 督导室 accepts."""
    report = services.submit_progress_report(
        task, by=None, organization=unit, period=2026, task_status="done", percent=100, narrative="已完成。",
        files=[pdf()],
    )  # fmt: skip
    services.accept_progress_report(report, by=supervisor)


@pytest.fixture
def round_(county: County) -> InspectionRound:
    supervisor = county.users["supervisor"]
    school_task = make_task(county.plan, "5", lead=[county.school], deadline=dt.date(2026, 6, 30))
    enterprise_task = make_task(county.plan, "6", lead=[county.enterprise], deadline=dt.date(2026, 6, 30))
    close(school_task, county.school, supervisor)
    close(enterprise_task, county.enterprise, supervisor)
    achieved = TargetFactory(plan=county.plan, indicator_text="校企合作订单班数", value=5, unit="个",
                             deadline_year=2025, reporting_unit=county.school)  # fmt: skip
    behind = TargetFactory(plan=county.plan, indicator_text="共建实训基地数", value=4, unit="个", deadline_year=2025)
    enterprise_task.targets.add(behind)
    record_target_report(achieved, by=None, year=2025, value=6)
    record_target_report(behind, by=None, year=2025, value=1)
    made = services.create_round(
        county.region, by=supervisor, year=2026, title="2026年度职业教育定期督导",
        units=[county.school, county.enterprise, county.government],
    )  # fmt: skip
    services.add_round_criterion(made, by=supervisor, name="校企合作情况", weight=Decimal(20), max_score=Decimal(10))
    return made


def assessment(round_: InspectionRound, unit: Any) -> Assessment:
    return round_.assessments.get(organization=unit)


def test_a_round_follows_the_plan_not_ranking_the_idle_and_scoring_measured_targets(
    county: County, client_as: Any, round_: InspectionRound
) -> None:
    assert {t.status_row.status for t in county.plan.targets.exclude(pk=county.target.pk)} == {
        "achieved",
        "off_track",
    }
    criterion = round_.criteria.get()
    school, enterprise = assessment(round_, county.school), assessment(round_, county.enterprise)
    client = client_as(county.users["supervisor"])
    response = client.post(
        reverse("supervision:round_scores", args=[round_.pk]),
        {
            f"{school.pk}-quality_score": "90",
            f"{enterprise.pk}-quality_score": "90",
            f"{school.pk}-c{criterion.pk}": "8",
            f"{enterprise.pk}-c{criterion.pk}": "6",
        },
    )
    assert response.status_code == 302
    school, enterprise, idle = (assessment(round_, u) for u in (county.school, county.enterprise, county.government))

    # Both: the shared task (open) and their own (done) due in 2026 → 按时完成 50.
    # School: 已达成 → 100; (50*40 + 100*40 + 90*20 + 80*20) / 120 = 78.3.
    assert (school.on_time_score, school.attainment_score, school.total) == (50, 100, Decimal("78.3"))
    assert school.attainment_basis == "牵头目标1项：已达成1、正常推进0、存在风险0、严重滞后0"
    assert (school.rank, school.get_grade_display()) == (1, "良好")
    # Enterprise: its task's target is 严重滞后 → 目标达成 0: (2000 + 0 + 1800 + 60*20) / 120 = 41.7.
    assert (enterprise.attainment_score, enterprise.total, enterprise.rank) == (0, Decimal("41.7"), 2)
    assert "严重滞后1" in enterprise.attainment_basis
    # The government had nothing due and leads no target: listed, not ranked, no grade.
    assert (idle.tasks_due, idle.total, idle.rank, idle.get_grade_display()) == (0, None, None, "不参评")

    page = BeautifulSoup(
        client_as(county.users["department_reporter"])
        .get(reverse("supervision:round_detail", args=[round_.pk]))
        .content,
        "html.parser",
    )
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("#assessments tbody tr")]
    assert [row[:2] for row in rows] == [["1", "县职教中心"], ["2", "县华信机械"], ["—", "测试县人民政府"]]
    assert rows[2][7:9] == ["—", "不参评"]
    assert rows == [result_row(a) for a in services.round_results(round_)]  # the 督导报告 says the same
    details = page.select_one("#unit-details").get_text()
    assert "校企合作情况" in details and "8.0" in details and "严重滞后1" in details
    assert "存在风险50分" in page.select_one("#scoring-rules").get_text()


def test_an_unscored_criterion_leaves_its_weight_to_the_others(county: County, round_: InspectionRound) -> None:
    services.score_round(round_, by=None)
    school = assessment(round_, county.school)
    assert school.total == Decimal("75.0")  # (50*40 + 100*40) / 80: no quality, no 校企合作 points


def test_score_table_saves_only_what_changed_and_refuses_a_stale_row(
    county: County, client_as: Any, round_: InspectionRound
) -> None:
    from tests.factories import member
    from vetplan.orgs.roles import Role

    criterion = round_.criteria.get()
    school, enterprise = assessment(round_, county.school), assessment(round_, county.enterprise)
    url = reverse("supervision:round_detail", args=[round_.pk])
    one, two = county.users["supervisor"], member(county.supervision, Role.SUPERVISOR, username="duban2")

    def opened(user: Any) -> dict[str, Any]:
        """The table as a browser would post it back unchanged (values, hidden initials, versions)."""
        page = BeautifulSoup(client_as(user).get(url).content.decode(), "html.parser")
        form = page.select_one(f"form[action='{reverse('supervision:round_scores', args=[round_.pk])}']")
        data = {i["name"]: i.get("value", "") for i in form.select("input") if i.get("name")}
        return {k: v for k, v in data.items() if k != "csrfmiddlewaretoken"}

    first, second = opened(one), opened(two)
    scores = reverse("supervision:round_scores", args=[round_.pk])
    assert client_as(one).post(scores, {**first, f"{school.pk}-quality_score": "90"}).status_code == 302
    # The second changed another row only: saved, and the first person's score stays.
    assert client_as(two).post(scores, {**second, f"{enterprise.pk}-c{criterion.pk}": "6"}).status_code == 302
    school.refresh_from_db()
    assert school.quality_score == 90
    assert enterprise.criterion_scores.get().points == 6

    # Now both change the school's 校企合作 points from the same page: the second is told, not saved.
    first, second = opened(one), opened(two)
    client_as(one).post(scores, {**first, f"{school.pk}-c{criterion.pk}": "8"})
    refused = client_as(two).post(
        scores, {**second, f"{school.pk}-c{criterion.pk}": "5", f"{enterprise.pk}-quality_score": "70"}
    )
    text = refused.content.decode()
    assert refused.status_code == 200 and "县职教中心“校企合作情况”得分（现为 8.0）" in text and "王督学" in text
    enterprise.refresh_from_db()
    assert school.criterion_scores.get().points == 8 and enterprise.quality_score is None  # nothing half-saved


def test_consequences_are_linked_to_what_carries_them_out(
    county: County, client_as: Any, round_: InspectionRound
) -> None:
    services.score_round(round_, by=None)
    client = client_as(county.users["supervisor"])
    enterprise = assessment(round_, county.enterprise)
    client.post(
        reverse("supervision:consequence_create", args=[round_.pk]),
        {"assessment": enterprise.pk, "kind": "interview", "note": "目标严重滞后"},
    )
    consequence = Consequence.objects.get()
    assert consequence.carrier is None
    page = client.get(reverse("supervision:round_detail", args=[round_.pk])).content.decode()
    create = reverse("supervision:interview_create") + f"?consequence={consequence.pk}"
    assert "待落实" in page and create in page
    assert client.get(create).context["form"].initial["organization"] == county.enterprise.pk
    client.post(
        create,
        {"organization": county.enterprise.pk, "held_on": "2026-11-20", "interviewee": "华信机械总经理",
         "interviewer": "王督学", "reason": "共建实训基地严重滞后", "agreed": "年底前完成2个基地"},
    )  # fmt: skip
    consequence.refresh_from_db()
    assert consequence.interview == Interview.objects.get()

    # 表彰 is carried out by a 通报 that names the unit; one that does not is refused.
    school = assessment(round_, county.school)
    other = services.draft_bulletin(county.region, by=None, kind="praise", title="表扬县人社局", body="x",
                                    organizations=[county.hr])  # fmt: skip
    with pytest.raises(services.SupervisionError, match="没有点名县职教中心"):
        services.record_consequence(school, by=None, kind="commendation", carried_by=other)
    praise = services.draft_bulletin(county.region, by=None, kind="praise", title="表扬县职教中心", body="x",
                                     organizations=[county.school], round=round_)  # fmt: skip
    commendation = services.record_consequence(school, by=None, kind="commendation", carried_by=praise)
    assert commendation.bulletin == praise
    with pytest.raises(services.SupervisionError, match="须由整改通知落实"):
        services.record_consequence(school, by=None, kind="rectification", carried_by=praise)
    assert (
        client_as(county.users["department_reporter"])
        .post(reverse("supervision:consequence_create", args=[round_.pk]), {"assessment": school.pk, "kind": "funding"})
        .status_code
        == 403
    )


def test_the_results_page_runs_in_a_fixed_number_of_queries(
    county: County, client_as: Any, round_: InspectionRound, django_assert_max_num_queries: Any
) -> None:
    services.score_round(round_, by=None)
    for a in round_.assessments.all():
        services.record_consequence(a, by=None, kind="annual_review")
    client = client_as(county.users["supervisor"])
    with django_assert_max_num_queries(30):
        assert client.get(reverse("supervision:round_detail", args=[round_.pk])).status_code == 200
