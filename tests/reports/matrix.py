"""Objects for the report views in tests/core/test_permission_matrix.py, built through the real services."""

from __future__ import annotations

from tests.conftest import County
from tests.reports.supervision_data import published_bulletin, scored_round


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, int]:
    name = view_name.rpartition(":")[2]
    if name == "round_report":
        return {"round_pk": scored_round(county).pk}
    if name == "bulletin":
        return {"bulletin_pk": published_bulletin(county).pk}
    return {}
