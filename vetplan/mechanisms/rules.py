"""Role rules for the mechanisms: URL name → roles allowed (object checks in the views' access helpers)."""

from __future__ import annotations

from vetplan.orgs.roles import ADMINS, SIGNED_IN, SUPERVISORS, Role

REGION = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.DEPARTMENT})  # who sees the whole region

RULES = {
    "mechanisms:index": SIGNED_IN,
    # Parameters: everyone signed in reads them (they explain the figures); the administrator sets them.
    "mechanisms:parameters": SIGNED_IN,
    "mechanisms:parameter_edit": ADMINS,
    # 办学条件达标: the region's schools (a school: its own); the 督导室 sets a school's standard and reassesses.
    "mechanisms:conditions": SIGNED_IN,
    "mechanisms:conditions_export": SIGNED_IN,
    "mechanisms:conditions_kind": SUPERVISORS,
    "mechanisms:conditions_recompute": SUPERVISORS,
    # Teachers: the region's schools (a school: its own) and the practice gaps of their teachers.
    "mechanisms:teachers": SIGNED_IN,
    "mechanisms:teachers_export": SIGNED_IN,
    # 产教融合 credit: the enterprise enters its figures; 发改 and 税务 check them (checked in the service).
    "mechanisms:credit": SIGNED_IN,
    "mechanisms:credit_statement": REGION | {Role.ENTERPRISE},
    "mechanisms:credit_docx": REGION | {Role.ENTERPRISE},
    "mechanisms:credit_enter": {Role.ENTERPRISE, Role.ADMIN},
    "mechanisms:credit_check": {Role.DEPARTMENT, Role.ADMIN},
    # Internship posts: the region's 规上 enterprises (an enterprise: its own).
    "mechanisms:internships": SIGNED_IN,
    "mechanisms:internships_export": SIGNED_IN,
    # Funding: surcharge share and 生均拨款 for everyone in the region; distributions made by the 督导室/教育局.
    "mechanisms:funding": SIGNED_IN,
    "mechanisms:distribution": SIGNED_IN,
    "mechanisms:distribution_export": REGION,
    "mechanisms:distribution_edit": SUPERVISORS,
    # Student aid: the school makes and keeps its rosters; the region sees totals and the eligibility check's count.
    "mechanisms:aid": SIGNED_IN,
    "mechanisms:aid_roster": {Role.SCHOOL, Role.ADMIN},
    "mechanisms:aid_generate": {Role.SCHOOL},
    "mechanisms:aid_award": {Role.SCHOOL},
    "mechanisms:aid_export": {Role.SCHOOL, Role.ADMIN},
}
