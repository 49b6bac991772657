"""Internship posts: each 规模以上 enterprise's required posts (⌈2% × 职工总数⌉) against posts offered and filled.

Staff, the 规上 flag and the posts offered come from the enterprise registry's yearly rows;
posts filled are the internships recorded in the student registry at that enterprise
starting that year. Each enterprise-year writes 应设 (1 for a 规上 enterprise), 达标 (1 or
0) and the posts required, so the county's share of 规上 enterprises meeting the quota is
an indicator.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from vetplan.mechanisms import parameters
from vetplan.mechanisms.figures import save_figures
from vetplan.policy.internships import PostQuota, post_quota
from vetplan.policy.params import ParameterTable
from vetplan.registries.models import EnterpriseYear, Internship


@dataclass(frozen=True)
class QuotaRow:
    row: EnterpriseYear
    quota: PostQuota | None  # None: not 规上 that year


def quotas(years: Iterable[EnterpriseYear], params: ParameterTable | None = None) -> list[QuotaRow]:
    rows = list(years)
    params = params or parameters.table()
    keys = {(row.enterprise_id, row.year) for row in rows}
    filled = {
        (enterprise, year): n
        for enterprise, year, n in Internship.objects.filter(
            enterprise_id__in={e for e, _ in keys}, start__year__in={y for _, y in keys}
        )
        .values_list("enterprise_id", "start__year")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return [
        QuotaRow(
            row,
            post_quota(
                row.enterprise.name,
                row.year,
                row.staff,
                row.above_scale,
                row.posts_offered,
                filled.get((row.enterprise_id, row.year), 0),
                params,
            ),
        )
        for row in rows
    ]


def refresh(enterprise_org_ids: Iterable[int], *, by: Any = None) -> int:
    """Write the quota figures of the enterprises' years."""
    rows = EnterpriseYear.objects.filter(Q(enterprise__organization_id__in=list(enterprise_org_ids))).select_related(
        "enterprise"
    )
    figures = {}
    for item in quotas(rows):
        org = item.row.enterprise.organization_id
        if org is None:
            continue
        quota = item.quota
        figures[(org, item.row.year)] = {
            "internship_quota_due": int(quota is not None),
            "internship_quota_met": int(quota is not None and not quota.below),
            "internship_posts_required": quota.required if quota else 0,
        }
    return save_figures(figures, by=by, where="实习岗位")
