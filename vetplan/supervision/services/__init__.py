"""Named state changes for supervision. Views, commands and tests all call these.

Each runs in one transaction and records the acting user in the change history.
"""

from __future__ import annotations

from vetplan.supervision.evidence import EvidenceError
from vetplan.supervision.services._common import SupervisionError
from vetplan.supervision.services.actions import (
    add_meeting_decision,
    bulletin_public_content,
    close_rectification_order,
    create_meeting,
    draft_bulletin,
    issue_rectification_order,
    publish_bulletin,
    record_interview,
    return_rectification,
    submit_rectification,
    turn_decision_into_task,
    update_bulletin,
    update_meeting,
    update_rectification_order,
    withdraw_bulletin,
)
from vetplan.supervision.services.consequences import carrier_field, link_consequence, record_consequence
from vetplan.supervision.services.escalation import EscalationResult, escalate_missing_reports, urge_supervision_item
from vetplan.supervision.services.reports import (
    RESUBMIT_DAYS,
    accept_progress_report,
    closing_refusal,
    closing_units,
    resubmit_progress_report,
    return_progress_report,
    submit_progress_report,
)
from vetplan.supervision.services.rounds import (
    KEEP,
    add_round_criterion,
    create_round,
    enter_round_scores,
    gather_facts,
    led_target_tallies,
    led_tasks_done_share,
    record_assessment,
    remove_round_criterion,
    round_results,
    score_round,
)

__all__ = [
    "KEEP",
    "enter_round_scores",
    "add_round_criterion",
    "carrier_field",
    "led_target_tallies",
    "link_consequence",
    "record_consequence",
    "remove_round_criterion",
    "bulletin_public_content",
    "RESUBMIT_DAYS",
    "closing_refusal",
    "closing_units",
    "round_results",
    "EscalationResult",
    "EvidenceError",
    "SupervisionError",
    "accept_progress_report",
    "add_meeting_decision",
    "close_rectification_order",
    "create_meeting",
    "create_round",
    "draft_bulletin",
    "escalate_missing_reports",
    "gather_facts",
    "issue_rectification_order",
    "led_tasks_done_share",
    "publish_bulletin",
    "record_assessment",
    "record_interview",
    "resubmit_progress_report",
    "return_progress_report",
    "return_rectification",
    "score_round",
    "submit_progress_report",
    "submit_rectification",
    "turn_decision_into_task",
    "update_bulletin",
    "update_meeting",
    "update_rectification_order",
    "withdraw_bulletin",
    "urge_supervision_item",
]
