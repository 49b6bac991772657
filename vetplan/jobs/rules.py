"""Role rules for the jobs app: URL name → roles allowed (the object check is access.get_job_for_user)."""

from __future__ import annotations

from vetplan.orgs.roles import SIGNED_IN

RULES = {
    # Its creator, and the supervisors of the creator's region.
    "jobs:job_detail": SIGNED_IN,
    "jobs:job_progress": SIGNED_IN,
}
