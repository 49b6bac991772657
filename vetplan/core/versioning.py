"""No lost writes: every edit form carries the version of the record it was opened at.

The version is the id of the record's newest history row (every edited model keeps its
history), so no model needs a column of its own. A service saving an edit locks the row,
compares, and refuses a save against a newer version with `StaleEdit`, which lists what the
other person changed; the view shows it beside the user's own input, with the form now at the
newest version, so submitting again re-applies the user's change knowingly.

On SQLite every transaction begins IMMEDIATE (settings), so the lock-compare-write is
serialised there too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

from vetplan.core.history import HistoryEntry, history_entries

VERSION_FIELD = "version"


def current_version(obj: Any) -> int:
    """The id of the record's newest history row (0 for a record without history)."""
    if obj is None or obj.pk is None:
        return 0
    return int(obj.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0)


class StaleEdit(Exception):
    """A save against a version older than the record's: nothing was saved."""

    def __init__(self, obj: Any, opened_at: int, latest: int) -> None:
        self.obj = obj
        self.opened_at = opened_at
        self.latest = latest
        self.changes: list[HistoryEntry] = history_entries(obj, limit=20, since=opened_at or None)
        super().__init__(self.message())

    def message(self) -> str:
        parts = []
        for entry in self.changes:
            fields = "；".join(f"{c.label}：{c.old} → {c.new}" for c in entry.changes) or entry.action
            parts.append(f"{entry.user} 于 {entry.when:%Y-%m-%d %H:%M} {fields}")
        done = "。".join(parts) if parts else "其他人已修改了这条记录"
        return f"您打开页面后，{done}。您的修改没有保存：请核对后再次提交，即以您的内容为准。"


def check_version(obj: Any, version: Any) -> None:
    """Inside the saving transaction: lock the row, then refuse when it changed since `version`.

    `version` None means the caller did not open a form (a command, the API, a test): no check.
    """
    if version in (None, "") or obj.pk is None:
        return
    model: type[models.Model] = type(obj)
    list(model._default_manager.select_for_update().filter(pk=obj.pk).values_list("pk", flat=True))
    latest = current_version(obj)
    try:
        opened_at = int(version)
    except (TypeError, ValueError):
        opened_at = -1
    if opened_at != latest:
        raise StaleEdit(obj, max(opened_at, 0), latest)


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, min_value=0, **kwargs)


def versioned(form: forms.BaseForm, obj: Any) -> None:
    """Give an edit form its hidden version field, set to the record's version when the form is opened."""
    form.fields[VERSION_FIELD] = VersionField()
    if not form.is_bound:
        form.initial[VERSION_FIELD] = current_version(obj)


def pop_version(data: dict[str, Any]) -> Any:
    return data.pop(VERSION_FIELD, None)


def show_conflict(form: forms.BaseForm, error: StaleEdit) -> None:
    """Keep the user's input, say what the other person changed, and move the form to the newest version."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix(VERSION_FIELD)] = str(error.latest)
    form.data = data
    form.add_error(None, error.message())


def save_edit(
    form: forms.BaseForm, save: Callable[..., Any], refused: tuple[type[Exception], ...] = (ValidationError,)
) -> bool:
    """Call `save(version=..., **cleaned_data)` for a valid edit form; True when it saved.

    A stale version, or a change the service refuses (`refused`), is shown on the form with the
    user's input kept, and gives False: the edit views' one way of saving.
    """
    data = dict(form.cleaned_data)
    version = pop_version(data)
    try:
        save(version=version, **data)
    except StaleEdit as conflict:
        show_conflict(form, conflict)
        return False
    except refused as error:
        form.add_error(None, error if isinstance(error, ValidationError) else str(error))
        return False
    return True
