"""At province scale no page lists every unit: a province supervisor's pages stay under 500 table
rows and 200 <option>s (and 200 checkboxes), however many units (and plans) the province has.

The province is the synthetic one (`generate-synthetic`), of modest size: 600 units in 15 counties,
enough that a page listing every unit, or every unit as an option or a checkbox, fails.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import PlanFactory, TargetFactory, make_task
from vetplan.core.access import role_rules
from vetplan.indicators.compute import recompute_all
from vetplan.indicators.services import link_targets_to_indicators
from vetplan.indicators.synthetic import CITY_SUPERVISOR, PROVINCE, PROVINCE_SUPERVISOR, generate_synthetic
from vetplan.orgs.models import Organization, Region
from vetplan.orgs.roles import Role
from vetplan.plans.models import Plan

MAX_ROWS = 500
MAX_OPTIONS = 200
UNITS = 600
PLANS = 250


def pages_without_arguments() -> list[str]:
    """Every page a supervisor may open whose URL takes no argument."""
    names: list[str] = []

    def walk(patterns: list[Any], namespace: str = "") -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace in ("admin", "api"):
                    continue
                walk(pattern.url_patterns, f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace)
            elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.converters:
                names.append(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    rules = role_rules()
    return [n for n in names if Role.SUPERVISOR in rules.get(n, ()) and n not in ("logout",)]


def test_no_province_page_lists_every_unit(db: Any, client: Any, django_user_model: Any) -> None:
    generate_synthetic(orgs=UNITS, years=2, elements=50)
    recompute_all()
    province = Region.objects.get(code=PROVINCE[0])
    city = Region.objects.filter(parent=province).order_by("code").first()
    county = Region.objects.filter(parent=city).order_by("code").first()
    assert city is not None and county is not None
    units = list(Organization.objects.filter(region__path__startswith=province.path).order_by("pk"))
    assert len(units) > UNITS
    plan = PlanFactory(title="合成省职业教育行动计划", region=province)
    # Every county's plans: the plan filters search them rather than list them.
    counties = list(Region.objects.filter(parent__parent=province).order_by("pk"))
    Plan.objects.bulk_create(
        Plan(title=f"{counties[n % len(counties)].name}职业教育实施方案{n}", region=counties[n % len(counties)],
             issued_on=dt.date(2024, 1, 1))
        for n in range(PLANS)
    )  # fmt: skip
    target = TargetFactory(plan=plan)
    link_targets_to_indicators([target])
    # A task of many units (its edit form shows those it has chosen, ticked, and searches the rest).
    task = make_task(plan, "1", lead=units[:3], shared=units[3:120])
    government = Organization.objects.filter(region=county, parent=None).first()
    assert government is not None
    urls = [reverse(name) for name in pages_without_arguments()]
    urls += [
        reverse("indicators:dashboard") + f"?region={city.pk}",
        reverse("indicators:dashboard") + f"?region={county.pk}",
        reverse("indicators:dashboard") + f"?org={government.pk}",
        reverse("indicators:target_detail", args=[target.pk]),
        reverse("indicators:target_detail", args=[target.pk]) + f"?region={county.pk}",
        reverse("plans:plan_detail", args=[plan.pk]),
        reverse("plans:task_detail", args=[task.pk]),
        reverse("plans:task_edit", args=[task.pk]),
        reverse("plans:task_create", args=[plan.pk]),
        reverse("plans:target_edit", args=[target.pk]),
        reverse("plans:target_create", args=[plan.pk]),
        reverse("orgs:unit_search") + "?name=units&groups=1",
        reverse("plans:plan_search") + "?name=plan",
        reverse("plans:task_list") + f"?plan={plan.pk}",
    ]
    too_long = []
    for username in (PROVINCE_SUPERVISOR, CITY_SUPERVISOR):
        client.force_login(django_user_model.objects.get(username=username))
        opened = 0
        for url in urls:
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            html = response.content.decode()
            opened += 1
            rows = len(re.findall(r"<tr[\s>]", html))
            options = len(re.findall(r"<option[\s>]", html))
            boxes = len(re.findall(r'type="checkbox"', html))
            if rows > MAX_ROWS or options > MAX_OPTIONS or boxes > MAX_OPTIONS:
                too_long.append(f"{username} {url}: {rows} rows, {options} options, {boxes} checkboxes")
        assert opened > 30, f"{username}: only {opened} pages opened"
    assert too_long == [], "\n".join(too_long)
