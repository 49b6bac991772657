"""Roles a user can hold, and the pseudo-role of an anonymous visitor (used in role rule tables)."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    ADMIN = "admin", "系统管理员"
    SUPERVISOR = "supervisor", "督导室"  # supervision office of the education bureau
    DEPARTMENT = "department_reporter", "部门填报员"
    SCHOOL = "school_reporter", "学校填报员"
    ENTERPRISE = "enterprise_reporter", "企业填报员"


ANONYMOUS = "anonymous"

# Role groups used by the rule tables; one name per idea so the tables read as sentences.
EVERYONE = frozenset({ANONYMOUS, *Role.values})
SIGNED_IN = frozenset(Role.values)
SUPERVISORS = frozenset({Role.ADMIN, Role.SUPERVISOR})
REPORTERS = frozenset({Role.DEPARTMENT, Role.SCHOOL, Role.ENTERPRISE})
ADMINS = frozenset({Role.ADMIN})
