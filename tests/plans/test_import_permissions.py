"""Only supervisors import, each for its own region; another county's draft does not exist for them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import County
from tests.factories import OrganizationFactory, member
from tests.plans.import_drafts import make_draft, plan_file
from vetplan.orgs.models import Organization
from vetplan.orgs.roles import Role
from vetplan.plans.models import Plan, PlanImportDraft

NON_SUPERVISORS = ["department_reporter", "school_reporter", "enterprise_reporter", "outsider"]


@pytest.fixture
def draft(county: County) -> PlanImportDraft:
    return make_draft(county.region, county.users["supervisor"])


def urls(draft: PlanImportDraft) -> dict[str, str]:
    return {
        "upload": "/plans/import/",
        "review": f"/plans/import/{draft.pk}/",
        "confirm": f"/plans/import/{draft.pk}/confirm/",
        "discard": f"/plans/import/{draft.pk}/discard/",
    }


@pytest.mark.parametrize("persona", NON_SUPERVISORS)
def test_it_refuses_every_import_page_to_non_supervisors(
    persona: str, county: County, draft: Any, client_as: Any
) -> None:
    client = client_as(county.users[persona])
    for name, url in urls(draft).items():
        assert client.get(url).status_code == 403, name
        assert client.post(url, {"file": plan_file()}).status_code == 403, name
    assert PlanImportDraft.objects.count() == 1 and Plan.objects.count() == 2
    draft.refresh_from_db()
    assert draft.status == PlanImportDraft.Status.PENDING


def test_it_sends_anonymous_visitors_to_the_login_page(county: County, draft: Any, client_as: Any) -> None:
    response = client_as(None).get(f"/plans/import/{draft.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_another_countys_supervisor_cannot_see_the_draft(county: County, draft: Any, client_as: Any) -> None:
    office = OrganizationFactory(name="邻县教育督导室", type=Organization.Type.SUPERVISION, region=county.other_region)
    client = client_as(member(office, Role.SUPERVISOR, username="duban2"))
    for name, url in urls(draft).items():
        if name == "upload":
            continue
        assert client.get(url).status_code == (405 if name in ("confirm", "discard") else 404), name
        assert client.post(url, {}).status_code == 404, name
    assert draft.source_name not in client.get("/plans/import/").content.decode()
    draft.refresh_from_db()
    assert draft.status == PlanImportDraft.Status.PENDING


def test_the_admin_reviews_any_countys_draft(county: County, client_as: Any) -> None:
    other = make_draft(county.other_region, county.users["county_admin"])
    assert client_as(county.users["county_admin"]).get(f"/plans/import/{other.pk}/").status_code == 200


def test_confirm_and_discard_accept_only_post(county: County, draft: Any, client_as: Any) -> None:
    client = client_as(county.users["supervisor"])
    assert client.get(f"/plans/import/{draft.pk}/confirm/").status_code == 405
    assert client.get(f"/plans/import/{draft.pk}/discard/").status_code == 405
