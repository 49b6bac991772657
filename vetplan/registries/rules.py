"""Role rules for the registries: URL name → roles allowed (object checks in base.Registry)."""

from __future__ import annotations

from vetplan.orgs.roles import SIGNED_IN, Role

RULES = {
    # Everyone signed in sees the records of the units they see (a reporter: its own unit's).
    "registries:index": SIGNED_IN,
    "registries:list": SIGNED_IN,
    "registries:detail": SIGNED_IN,
    "registries:template": SIGNED_IN,
    "registries:export": SIGNED_IN,
    # Importing: for the units the user may report for (Registry.may_import, checked in the view).
    "registries:import": SIGNED_IN,
    # 应本人申请导出: the record's own school only (teachers and students; checked in the view).
    "registries:person_export": {Role.SCHOOL},
}
