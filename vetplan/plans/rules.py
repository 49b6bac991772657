"""Role rules for the plans app: URL name → roles allowed (object checks in access.py)."""

from __future__ import annotations

from vetplan.orgs.roles import SIGNED_IN, SUPERVISORS

RULES = {
    "plans:plan_list": SIGNED_IN,
    "plans:plan_detail": SIGNED_IN,
    "plans:plan_search": SIGNED_IN,  # the plan filter's search box: the user's own plans only
    "plans:plan_edit": SUPERVISORS,
    # 归档 and 恢复: the supervisors of the plan's region (access.py).
    "plans:plan_archive": SUPERVISORS,
    # Importing a plan document is a supervisor's job: its own region (the admin: any county).
    "plans:import_upload": SUPERVISORS,
    "plans:import_review": SUPERVISORS,
    "plans:import_confirm": SUPERVISORS,
    "plans:import_discard": SUPERVISORS,
    "plans:target_list": SIGNED_IN,
    "plans:target_create": SUPERVISORS,
    "plans:target_edit": SUPERVISORS,
    "plans:task_list": SIGNED_IN,
    "plans:task_detail": SIGNED_IN,
    "plans:task_create": SUPERVISORS,
    "plans:task_edit": SUPERVISORS,
    # Reporters too, but only on tasks their organisation leads or shares (access.py).
    "plans:task_status": SIGNED_IN,
}
