"""产教融合 credit on the Django side: the enterprise enters, 发改 and 税务 check, the statement carries forward
and claws back, the figures feed the indicators, and the Word statement says what the page says."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from docx import Document

from tests.conftest import County
from tests.factories import OrganizationFactory, member
from tests.indicators.helpers import figure
from tests.registries.helpers import company
from vetplan.core.versioning import current_version
from vetplan.indicators.models import DataValue
from vetplan.mechanisms import credit
from vetplan.mechanisms.models import CreditLine, CreditYear
from vetplan.orgs.models import Organization
from vetplan.orgs.roles import Role
from vetplan.registries.models import Enterprise, Recognition

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(county: County) -> dict[str, Any]:
    enterprise = Enterprise.objects.create(
        organization=county.enterprise, credit_code=company(1), name=county.enterprise.name, region=county.region
    )
    Recognition.objects.create(
        enterprise=enterprise,
        level=Recognition.Level.PROVINCIAL,
        recognised_on=dt.date(2023, 6, 1),
        body="省发展改革委",
    )
    fagai = OrganizationFactory(
        name="测试县发展和改革局", short_name="县发改局", region=county.region, parent=county.government
    )
    tax = OrganizationFactory(
        name="国家税务总局测试县税务局", short_name="县税务局", region=county.region, parent=county.government
    )
    return {
        "enterprise": enterprise,
        "fagai": member(fagai, Role.DEPARTMENT, username="fagai1"),
        "tax": member(tax, Role.DEPARTMENT, username="shuiwu1"),
    }


def _enter_and_check(setup: dict[str, Any], county: County, year: int, investment: int, payable: int) -> CreditYear:
    row = credit.enter_year(
        setup["enterprise"], year, investment=Decimal(investment), payable=Decimal(payable),
        by=county.users["enterprise_reporter"],
    )  # fmt: skip
    credit.check_year(row, credit.INVESTMENT, by=setup["fagai"])
    credit.check_year(row, credit.PAYABLE, by=setup["tax"])
    return row


def test_credit_beyond_surcharges_carries_two_years_and_is_used_up_in_the_third(county: County, setup: dict) -> None:
    _enter_and_check(setup, county, 2023, 2_000_000, 150_000)  # 600,000 earned, 150,000 used
    _enter_and_check(setup, county, 2024, 0, 200_000)  # 450,000 carried, 200,000 used
    _enter_and_check(setup, county, 2025, 0, 400_000)  # 250,000 carried, all used
    lines = [
        (line.year, line.earned, line.carried_in, line.available, line.used, line.carried_out)
        for line in CreditLine.objects.filter(enterprise=setup["enterprise"]).order_by("year")
    ]
    assert lines == [
        (2023, 600_000, 0, 600_000, 150_000, 450_000),
        (2024, 0, 450_000, 450_000, 200_000, 250_000),
        (2025, 0, 250_000, 250_000, 250_000, 0),
    ]
    # The county's indicators: the credit used (万元) and the recognised enterprises.
    used = figure("integration_credit_total", 2024, region=county.region)
    assert used.value == 20


def test_a_withdrawn_recognition_claws_back_the_credit_used(county: County, setup: dict) -> None:
    _enter_and_check(setup, county, 2023, 1_000_000, 100_000)  # 300,000 earned, 100,000 used
    _enter_and_check(setup, county, 2024, 0, 120_000)  # 120,000 used, 80,000 carried
    recognition = setup["enterprise"].recognitions.get()
    recognition.withdrawn_on = dt.date(2025, 3, 1)
    recognition.save()
    credit.refresh([setup["enterprise"].pk])
    last = CreditLine.objects.get(enterprise=setup["enterprise"], year=2025)
    assert (last.used, last.clawback, last.carried_in, last.carried_out) == (0, 220_000, 80_000, 0)
    with pytest.raises(credit.CreditError, match="2026 年不是产教融合型企业"):
        credit.enter_year(setup["enterprise"], 2026, investment=Decimal(1), payable=Decimal(1), by=None)


def test_an_unchecked_year_waits_and_holds_back_the_years_after_it(county: County, setup: dict) -> None:
    _enter_and_check(setup, county, 2023, 1_000_000, 100_000)
    credit.enter_year(setup["enterprise"], 2024, investment=Decimal(0), payable=Decimal(50_000), by=None)
    _enter_and_check(setup, county, 2025, 0, 50_000)
    statement = credit.statement(setup["enterprise"])
    assert [line.year for line in statement.lines] == [2023]
    assert [row.year for row in statement.waiting] == [2024, 2025]
    row = CreditYear.objects.get(year=2024)
    credit.check_year(row, credit.INVESTMENT, by=setup["fagai"])
    credit.check_year(row, credit.PAYABLE, by=setup["tax"])
    assert [line.year for line in credit.statement(setup["enterprise"]).lines] == [2023, 2024, 2025]
    # A changed figure needs its check again.
    credit.enter_year(setup["enterprise"], 2024, investment=Decimal(0), payable=Decimal(60_000), by=None)
    row.refresh_from_db()
    assert row.investment_checked_at is not None and row.payable_checked_at is None


def test_only_the_enterprise_enters_and_only_fagai_and_tax_check(county: County, setup: dict, client_as: Any) -> None:
    enterprise = setup["enterprise"]
    row = credit.enter_year(enterprise, 2024, investment=Decimal(1000), payable=Decimal(100), by=None)
    assert credit.checks_of(setup["fagai"]) == {credit.INVESTMENT}
    assert credit.checks_of(setup["tax"]) == {credit.PAYABLE}
    assert credit.checks_of(county.users["department_reporter"]) == set()
    with pytest.raises(credit.CreditError):
        credit.check_year(row, credit.INVESTMENT, by=county.users["department_reporter"])
    # Another enterprise's reporter neither sees nor enters this one.
    other = OrganizationFactory(name="测试县另一企业", type=Organization.Type.ENTERPRISE, region=county.region)
    stranger = client_as(member(other, Role.ENTERPRISE, username="other1"))
    assert stranger.get(reverse("mechanisms:credit_statement", args=[enterprise.pk])).status_code == 404
    assert stranger.get(reverse("mechanisms:credit_enter", args=[enterprise.pk])).status_code == 404
    # The tax office checks through the page; a stale version (someone changed the figures) is refused.
    client = client_as(setup["tax"])
    url = reverse("mechanisms:credit_check", args=[row.pk])
    stale = current_version(row)
    credit.enter_year(enterprise, 2024, investment=Decimal(1000), payable=Decimal(200), by=None)
    client.post(url, {"what": "payable", "version": stale})
    row.refresh_from_db()
    assert row.payable_checked_at is None
    client.post(url, {"what": "payable", "version": current_version(row)})
    row.refresh_from_db()
    assert row.payable_checked_by == setup["tax"]


def test_the_enterprise_enters_a_year_on_the_form(county: County, setup: dict, client_as: Any) -> None:
    client = client_as(county.users["enterprise_reporter"])
    url = reverse("mechanisms:credit_enter", args=[setup["enterprise"].pk])
    response = client.post(url, {"year": "2024", "investment": "500000", "payable": "80000", "version": "0"})
    assert response.status_code == 302
    row = CreditYear.objects.get(enterprise=setup["enterprise"], year=2024)
    assert row.investment == 500000 and row.entered_by == county.users["enterprise_reporter"]
    refused = client.post(url, {"year": "2021", "investment": "1", "payable": "1", "version": "0"})
    assert "2021 年不是产教融合型企业" in refused.content.decode()
    negative = client.post(url, {"year": "2024", "investment": "-5", "payable": "1", "version": "0"})
    assert negative.status_code == 200 and not CreditYear.objects.filter(investment=-5).exists()


def test_the_word_statement_has_the_table_and_explanations_equal_to_the_page(
    county: County, setup: dict, client_as: Any
) -> None:
    _enter_and_check(setup, county, 2023, 2_000_000, 150_000)
    _enter_and_check(setup, county, 2024, 100_000, 200_000)
    client = client_as(county.users["supervisor"])
    page = client.get(reverse("mechanisms:credit_statement", args=[setup["enterprise"].pk]))
    html = page.content.decode()
    response = client.get(reverse("mechanisms:credit_docx", args=[setup["enterprise"].pk]))
    document = Document(io.BytesIO(response.content))
    table = document.tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0][:3] == ["年度", "投资额", "抵免比例"]
    assert rows[1] == ["2023", "2,000,000.00", "30%", "600,000.00", "0.00", "600,000.00", "150,000.00",
                       "150,000.00", "450,000.00", "0.00"]  # fmt: skip
    assert rows[2][4] == "450,000.00" and rows[2][7] == "200,000.00" and rows[2][8] == "280,000.00"
    page_cells = re.findall(r'<td class="num">([\d,.]+)</td>', html)
    for row in rows[1:]:
        for cell in [row[1], *row[3:]]:
            assert cell in page_cells
    text = "\n".join(p.text for p in document.paragraphs)
    assert "财税〔2019〕46号" in text and "2,000,000 × 30% + 0 = 600,000" in text
    assert "累计抵免 350,000.00 元" in text and "结转以后年度 280,000.00 元" in text
    assert (
        DataValue.objects.get(organization=county.enterprise, year=2023, element__code="integration_credit").value == 15
    )


def test_the_list_reads_a_fixed_number_of_queries_however_many_enterprises(
    county: County, setup: dict, client_as: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _enter_and_check(setup, county, 2023, 1_000_000, 100_000)
    client = client_as(county.users["supervisor"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("mechanisms:credit"), {"year": 2023}).status_code == 200
        return len(queries)

    one = count()
    for n in range(2, 7):
        org = OrganizationFactory(name=f"测试县企业{n}", type=Organization.Type.ENTERPRISE, region=county.region)
        enterprise = Enterprise.objects.create(
            organization=org, credit_code=company(n), name=org.name, region=county.region
        )
        Recognition.objects.create(
            enterprise=enterprise, level=Recognition.Level.CITY, recognised_on=dt.date(2023, 1, 1), body="市发展改革委"
        )
        credit.enter_year(enterprise, 2023, investment=Decimal(10_000), payable=Decimal(1_000), by=None)
    assert count() == one
