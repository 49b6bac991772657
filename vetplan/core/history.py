"""Change history as people read it: who changed which fields, from what to what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from vetplan.orgs.models import Organization

CHANGE_TYPES = {"+": "创建", "~": "修改", "-": "删除"}


def acting_user(by: Any) -> Any:
    """The user a change is recorded under: None for the system (commands, the demo) or a visitor."""
    return by if getattr(by, "is_authenticated", False) else None


def record_by(obj: Any, by: Any) -> None:
    """Name who makes the next save of `obj` in its history (read by django-simple-history)."""
    obj._history_user = acting_user(by)


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime
    user: str
    action: str
    changes: list[FieldChange]


def history_entries(obj: Any, limit: int = 50, since: int | None = None) -> list[HistoryEntry]:
    """Newest first; each entry lists the fields that differ from the previous record.

    `since`: only the changes made after the history record with that id (what others changed
    since a form was opened at that version).
    """
    rows = obj.history.select_related("history_user").order_by("-history_date", "-history_id")
    if since:
        rows = rows.filter(history_id__gte=since)
    records = list(rows[: limit + 1])
    if since and records and records[-1].history_id == since:
        limit = min(limit, len(records) - 1)  # the record the form was opened at is the base, not a change
    model = type(obj)
    org_names: dict[int, str] | None = None
    entries = []
    for record, previous in zip(records, [*records[1:], None], strict=False):
        if len(entries) == limit:
            break
        changes: list[FieldChange] = []
        if previous is not None:
            for change in record.diff_against(previous).changes:
                field = model._meta.get_field(change.field)
                if field.many_to_many:
                    if org_names is None:
                        org_names = dict(Organization.objects.values_list("pk", "name"))
                    old, new = _m2m_names(change.old, org_names), _m2m_names(change.new, org_names)
                else:
                    old, new = _display(field, change.old), _display(field, change.new)
                changes.append(FieldChange(change.field, str(field.verbose_name), old, new))
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                user=(user.get_full_name() or user.get_username()) if user else "系统",
                action=CHANGE_TYPES.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
    return entries


def _display(field: Any, value: Any) -> str:
    if value is None or value == "":
        return "—"
    choices = dict(field.flatchoices) if getattr(field, "choices", None) else {}
    return str(choices.get(value, value))


def _m2m_names(rows: list[dict[str, Any]] | None, names: dict[int, str]) -> str:
    ids = [row.get("organization") for row in rows or []]
    return "、".join(names.get(i, str(i)) for i in ids if i is not None) or "—"
