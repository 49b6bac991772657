"""Internship posts, funding and teacher rules on the Django side, and the parameter table's page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from tests.conftest import County
from tests.factories import OrganizationFactory
from tests.indicators.helpers import figure
from tests.mechanisms.helpers import put
from tests.registries.helpers import catalogue, company, person
from vetplan.core.versioning import current_version
from vetplan.mechanisms import parameters
from vetplan.mechanisms.models import FundDistribution, ParameterVersion
from vetplan.orgs.models import Organization
from vetplan.registries.models import Enterprise, EnterpriseYear, MajorEnrolment, PracticeEpisode, SchoolMajor, Teacher

pytestmark = pytest.mark.django_db


def _enterprise(county: County, n: int, org: Organization | None = None) -> Enterprise:
    org = org or OrganizationFactory(name=f"测试县企业{n}", type=Organization.Type.ENTERPRISE, region=county.region)
    return Enterprise.objects.create(organization=org, credit_code=company(n), name=org.name, region=county.region)


def test_the_post_quota_lists_enterprises_below_and_feeds_the_county_share(county: County, client_as: Any) -> None:
    from vetplan.registries import figures

    a, b, c = _enterprise(county, 1, county.enterprise), _enterprise(county, 2), _enterprise(county, 3)
    EnterpriseYear.objects.create(enterprise=a, year=2025, staff=1010, above_scale=True, posts_offered=21)  # needs 21
    EnterpriseYear.objects.create(enterprise=b, year=2025, staff=500, above_scale=True, posts_offered=9)  # needs 10
    EnterpriseYear.objects.create(enterprise=c, year=2025, staff=80, above_scale=False, posts_offered=0)
    figures.refresh("enterprises", [e.organization_id for e in (a, b, c)])
    share = figure("internship_quota_share", 2025, region=county.region)
    assert (share.numerator, share.denominator, share.value) == (1, 2, 50)
    page = client_as(county.users["supervisor"]).get(reverse("mechanisms:internships"), {"year": 2025})
    assert [item.row.enterprise.name for item in page.context["below"]] == ["测试县企业2"]
    assert "⌈500 × 2%⌉ = 10 个" in page.content.decode() and "还差 1 个" in page.content.decode()
    own = client_as(county.users["enterprise_reporter"]).get(reverse("mechanisms:internships"), {"year": 2025})
    assert [item.row.enterprise_id for item in own.context["rows"]] == [a.pk]


def test_a_distribution_weights_categories_and_quality_and_sums_to_the_fund(county: County, client_as: Any) -> None:
    other = OrganizationFactory(name="测试县第一职业高级中学", type=Organization.Type.SCHOOL, region=county.region)
    majors = catalogue()
    for school, code, enrolled in (
        (county.school, "660301", 300),
        (county.school, "610101", 100),
        (other, "710201", 200),
    ):
        major = SchoolMajor.objects.create(school=school, major=majors[code], opened_year=2020)
        MajorEnrolment.objects.create(school_major=major, year=2026, intake=0, enrolled=enrolled)
    client = client_as(county.users["supervisor"])
    url = reverse("mechanisms:distribution_edit")
    form = client.get(url, {"year": 2026}).context["form"]
    fields = {name: field.initial for name, field in form.fields.items() if name.startswith(("weight_", "quality_"))}
    categories = {form.fields[name].label: name for name in fields}
    fields[categories["装备制造大类系数"]] = 1.5
    fields[f"quality_{other.pk}"] = 1.2
    response = client.post(
        url,
        {
            "year": 2026,
            "title": "职业教育专项资金",
            "fund": "1000000",
            "basis": "测试县财政局文件",
            **fields,
            "version": 0,
        },
    )
    assert response.status_code == 302
    item = FundDistribution.objects.get()
    allocations = {a.school_id: a for a in item.allocations.all()}
    # 县职教中心: 300 × 1.5 + 100 × 1 = 550; 一职高: 200 × 1 × 1.2 = 240; total 790.
    assert allocations[county.school.pk].weight == 550 and allocations[other.pk].weight == pytest.approx(240)
    assert allocations[county.school.pk].amount == round(1_000_000 * 550 / 790)
    assert sum(a.amount for a in allocations.values()) == 1_000_000
    assert "1,000,000 × 550 ÷ 790 = 696,203 元" in allocations[county.school.pk].explanation["arithmetic"]
    # A school sees its own line only.
    own = client_as(county.users["school_reporter"]).get(reverse("mechanisms:distribution", args=[item.pk]))
    assert [a.school_id for a in own.context["allocations"]] == [county.school.pk]


def test_the_surcharge_share_uses_the_base_named_by_the_parameter(county: County, client_as: Any) -> None:
    put(county.education, 2025, local_surcharge_collected=1000, local_surcharge_to_vet=280, surcharge_collected=1500,
        surcharge_to_vet=500)  # fmt: skip
    page = client_as(county.users["department_reporter"]).get(reverse("mechanisms:funding"), {"year": 2025})
    rows = {label: (f.value, f.meets, base) for label, f, base in page.context["surcharge_rows"]}
    assert rows["地方教育附加"] == (28.0, False, True) and rows["教育费附加"][0] == pytest.approx(33.33, abs=0.01)


def test_per_student_funding_against_the_floor(county: County, client_as: Any) -> None:
    college = OrganizationFactory(name="测试县职业技术学院", type=Organization.Type.SCHOOL, region=county.region)
    put(college, 2025, enrolment_higher=5000, school_appropriation=5500)  # 11,000 元 < 12,000
    put(county.school, 2025, enrolment_vocational=1000, school_appropriation=1500)
    page = client_as(county.users["supervisor"]).get(reverse("mechanisms:funding"), {"year": 2025})
    rows = {row.school.pk: row.figure for row in page.context["schools"]}
    assert rows[college.pk].value == 11000 and rows[college.pk].meets is False
    assert rows[county.school.pk].value == 15000 and rows[county.school.pk].meets is None  # no 中职 floor set
    parameters.set_parameter("funding.secondary_floor", 2020, 16000, "某省中职生均拨款标准", by=None)
    page = client_as(county.users["supervisor"]).get(reverse("mechanisms:funding"), {"year": 2025})
    assert {row.school.pk: row.figure.meets for row in page.context["schools"]}[county.school.pk] is False


def test_the_teacher_page_states_both_denominators_and_the_practice_gaps(county: County, client_as: Any) -> None:
    put(county.school, 2025, teachers_full_time=100, teachers_specialised=60, teachers_dual_qualified=36,
        teachers_part_time=25)  # fmt: skip
    teacher = Teacher.objects.create(
        school=county.school, name="王老师", id_number=person(7, "19800101"), gender="M", birth_date="1980-01-01",
        employment=Teacher.Employment.FULL_TIME, role=Teacher.Role.SPECIALISED,
    )  # fmt: skip
    PracticeEpisode.objects.create(
        teacher=teacher, enterprise="测试县华信机械", start=dt.date(2022, 7, 1), end=dt.date(2022, 12, 31), days=120
    )
    page = client_as(county.users["supervisor"]).get(reverse("mechanisms:teachers"), {"year": 2025})
    figures = page.context["county"]
    assert figures.dual_specialised.value == 60 and figures.dual_full_time.value == 36
    assert figures.part_time.share_of_full_time == 25 and figures.part_time.share_of_all == 20
    [gap] = page.context["gaps"]
    assert gap.teacher == teacher and gap.gap.days == 120 and gap.gap.missing == 60
    assert "36 人 ÷ 60 人 × 100 = 60%" in page.content.decode()


def test_the_administrator_sets_a_parameter_from_a_year_and_a_stale_form_is_refused(
    county: County, client_as: Any
) -> None:
    admin = client_as(county.users["county_admin"])
    url = reverse("mechanisms:parameter_edit", args=["aid.national_grant"])
    assert admin.post(url, {"since": 2024, "value": 2300, "source": "某省文件", "version": 0}).status_code == 302
    row = ParameterVersion.objects.get(name="aid.national_grant", since=2024)
    assert parameters.table().value("aid.national_grant", 2023) == 2000
    assert parameters.table().value("aid.national_grant", 2024) == 2300
    stale = current_version(row)
    parameters.set_parameter("aid.national_grant", 2024, 2400, "某省文件（修订）", by=None, version=stale)
    response = admin.post(f"{url}?since=2024", {"since": 2024, "value": 2350, "source": "某省文件", "version": stale})
    assert response.status_code == 200 and "您的修改没有保存" in response.content.decode()
    assert parameters.table().value("aid.national_grant", 2024) == 2400
    listing = client_as(county.users["school_reporter"]).get(reverse("mechanisms:parameters")).content.decode()
    assert "国家助学金（元/生/年）" in listing and "2,400" not in listing and "2400" in listing
