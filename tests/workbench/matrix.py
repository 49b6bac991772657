"""Objects and payloads for the workbench views in tests/core/test_permission_matrix.py."""

from __future__ import annotations

from typing import Any

from tests.conftest import County
from vetplan.workbench.models import Notification
from vetplan.workbench.services import Notice, notify

WRITE_VIEWS = {"workbench:notification_read", "workbench:notification_read_all"}


def kwargs_for(view_name: str, county: County, persona: str) -> dict[str, int]:
    if view_name == "workbench:notification_read":
        # The persona's own notice (anonymous: the supervisor's, which it may not touch).
        recipient = county.users[persona] or county.users["supervisor"]
        notify([Notice(recipient.membership.organization, Notification.Kind.URGED, "请尽快报送进展报告。", "/tasks/")])
        return {"notification_pk": Notification.objects.get(recipient=recipient).pk}
    return {}


def payload_for(view_name: str, county: County) -> dict[str, Any]:
    return {"workbench:notification_read": {"open": "1"}}.get(view_name, {})
