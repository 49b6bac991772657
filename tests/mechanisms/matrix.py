"""URL kwargs and payloads for the mechanism views in tests/core/test_permission_matrix.py.

The county's enterprise is a recognised 产教融合型企业 with a year entered; its school has a
student on an aid roster; the county has a fund distribution. An enterprise reporter reaches
its own enterprise, a school reporter its own roster.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.conftest import County
from tests.registries.helpers import company
from vetplan.mechanisms.models import AidAward, AidRoster, CreditYear, FundDistribution
from vetplan.registries.models import Enterprise, Recognition, Student

WRITE_VIEWS = {
    "mechanisms:conditions_recompute",
    "mechanisms:credit_check",
    "mechanisms:aid_generate",
    "mechanisms:aid_award",
}


def _enterprise(county: County) -> Enterprise:
    enterprise, created = Enterprise.objects.get_or_create(
        organization=county.enterprise,
        defaults={"credit_code": company(1), "name": county.enterprise.name, "region": county.region},
    )
    if created:
        Recognition.objects.create(
            enterprise=enterprise,
            level=Recognition.Level.PROVINCIAL,
            recognised_on=dt.date(2024, 5, 1),
            body="省发展改革委",
        )
    return enterprise


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, Any]:
    out: dict[str, Any] = {"name": "aid.national_grant", "org_pk": county.school.pk}
    if view_name.startswith("mechanisms:credit"):
        enterprise = _enterprise(county)
        row, _ = CreditYear.objects.get_or_create(
            enterprise=enterprise, year=2025, defaults={"investment": 1_000_000, "payable": 50_000}
        )
        out["pk"] = row.pk if view_name == "mechanisms:credit_check" else enterprise.pk
    elif view_name.startswith("mechanisms:distribution"):
        out["pk"] = FundDistribution.objects.get_or_create(
            region=county.region, year=2026, title="职业教育专项资金", defaults={"fund": 1_000_000}
        )[0].pk
    elif view_name.startswith("mechanisms:aid_"):
        student, _ = Student.objects.get_or_create(
            student_number="G990102200901010011",
            defaults={
                "school": county.school, "name": "李同学", "gender": "F", "grade": 1, "enrolment_year": 2026,
                "family_difficulty": True,
            },
        )  # fmt: skip
        roster, _ = AidRoster.objects.get_or_create(school=county.school, year=2026, term=2)
        award, _ = AidAward.objects.get_or_create(
            roster=roster, student=student, kind=AidAward.Kind.GRANT, defaults={"amount": 1000}
        )
        out["pk"] = award.pk if view_name == "mechanisms:aid_award" else roster.pk
    return out


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    return {
        "mechanisms:conditions_recompute": {"year": "2026"},
        "mechanisms:credit_check": {"what": "investment"},
        "mechanisms:aid_generate": {"year": "2026", "term": "2"},
        "mechanisms:aid_award": {"action": "restore"},
    }.get(view_name, {})
