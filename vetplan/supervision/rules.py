"""Role rules for supervision: URL name → roles allowed (object checks in access.py)."""

from __future__ import annotations

from vetplan.orgs.roles import EVERYONE, SIGNED_IN, SUPERVISORS

RULES = {
    # Reporters see their own unit's 督办 items, reports and orders; supervisors the region's.
    "supervision:overview": SIGNED_IN,
    "supervision:report_list": SIGNED_IN,
    # Reporters too, but only for their own unit among the task's units (access.py).
    "supervision:report_create": SIGNED_IN,
    "supervision:report_detail": SIGNED_IN,
    "supervision:report_revise": SIGNED_IN,
    "supervision:report_review": SUPERVISORS,
    "supervision:evidence_download": SIGNED_IN,
    "supervision:my_reminders": SIGNED_IN,
    "supervision:unit_reminders": SIGNED_IN,
    "supervision:item_urge": SUPERVISORS,
    "supervision:round_list": SIGNED_IN,
    "supervision:round_create": SUPERVISORS,
    "supervision:round_detail": SIGNED_IN,
    "supervision:round_scores": SUPERVISORS,
    # The round's own criteria and what its results lead to (结果运用): the region's 督导室.
    "supervision:criterion_create": SUPERVISORS,
    "supervision:criterion_delete": SUPERVISORS,
    "supervision:consequence_create": SUPERVISORS,
    "supervision:consequence_link": SUPERVISORS,
    # The public bulletin page: published bulletins only, except for supervisors.
    "supervision:bulletin_list": EVERYONE,
    "supervision:bulletin_detail": EVERYONE,
    "supervision:bulletin_create": SUPERVISORS,
    "supervision:bulletin_edit": SUPERVISORS,
    # 发布 shows what becomes public and asks to confirm; 撤回 needs a reason.
    "supervision:bulletin_publish": SUPERVISORS,
    "supervision:bulletin_withdraw": SUPERVISORS,
    "supervision:interview_list": SIGNED_IN,
    "supervision:interview_create": SUPERVISORS,
    "supervision:order_list": SIGNED_IN,
    "supervision:order_create": SUPERVISORS,
    "supervision:order_detail": SIGNED_IN,
    "supervision:order_edit": SUPERVISORS,
    # The unit under the order reports its rectification (access.py); supervisors verify.
    "supervision:order_follow_up": SIGNED_IN,
    "supervision:order_verify": SUPERVISORS,
    "supervision:meeting_list": SIGNED_IN,
    "supervision:meeting_create": SUPERVISORS,
    "supervision:meeting_detail": SIGNED_IN,
    "supervision:meeting_edit": SUPERVISORS,
    "supervision:decision_task": SUPERVISORS,
    # 督导操作记录 of the region (plans, data and supervision), and its Excel export.
    "supervision:audit_trail": SUPERVISORS,
    "supervision:audit_export": SUPERVISORS,
}
