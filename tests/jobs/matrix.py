"""URL kwargs for the job pages in tests/core/test_permission_matrix.py: each persona's own job
(the supervisor's for an anonymous visitor, who is sent to log in before any object check)."""

from __future__ import annotations

from typing import Any

from tests.conftest import County
from vetplan.jobs.services import queue_job


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, Any]:
    by = county.users[persona] or county.users["supervisor"]
    return {"job_pk": queue_job("indicators.data_upload", label="Excel 导入数据：data.xlsx", params={}, by=by).pk}
