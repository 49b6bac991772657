"""Internship posts: a 规模以上 enterprise offers posts for 2% of its staff. Pure."""

from __future__ import annotations

import math
from dataclasses import dataclass

from vetplan.policy.explain import Explanation, number
from vetplan.policy.params import ParameterTable


@dataclass(frozen=True)
class PostQuota:
    enterprise: str
    year: int
    staff: int
    required: int
    offered: int
    filled: int
    below: bool
    explanation: Explanation

    @property
    def missing(self) -> int:
        """Posts still to offer to meet the quota."""
        return max(self.required - self.offered, 0)


def post_quota(
    enterprise: str, year: int, staff: int, above_scale: bool, offered: int, filled: int, params: ParameterTable
) -> PostQuota | None:
    """None for an enterprise that is not 规上 that year (the rule applies to 规模以上 enterprises)."""
    if not above_scale:
        return None
    share = params.get("internship.post_share", year)
    required = math.ceil(staff * share.value / 100)
    return PostQuota(
        enterprise,
        year,
        staff,
        required,
        offered,
        filled,
        offered < required,
        Explanation(
            f"规模以上企业按职工总数的 {number(share.value)}% 设置实习岗位",
            share.source,
            f"⌈{staff} × {number(share.value)}%⌉ = {required} 个；提供 {offered} 个，已安排 {filled} 人",
        ),
    )
