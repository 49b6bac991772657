"""Values as people read them: names for ids, local times, choice labels, a report's chapters.

`Names` gathers the ids a page of entries refers to and then loads them with one query per
kind of object, so a page names its users, units, tasks and rounds without a query per entry.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Field, Model
from django.utils import timezone

from vetplan.reports.quality_report import chapter_labels
from vetplan.supervision.audit.sources import NAME_DEFER, NAME_JOINS

DASH = "—"


def user_name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username()) if user is not None else "系统"


class Names:
    """Names of related objects by (model, id): ask with `want`, `load` once, read with `name`."""

    def __init__(self) -> None:
        self._wanted: dict[type[Model], set[Any]] = defaultdict(set)
        self._known: dict[tuple[type[Model], Any], str] = {}

    def want(self, model: type[Model], pk: Any) -> None:
        if pk is not None and (model, pk) not in self._known:
            self._wanted[model].add(pk)

    def want_fields(self, model: type[Model], record: Any) -> None:
        """Every object the record's foreign keys point at."""
        for field in model._meta.concrete_fields:
            if field.many_to_one or field.one_to_one:
                self.want(field.related_model, getattr(record, field.attname, None))  # type: ignore[arg-type]

    def load(self) -> None:
        user_model = get_user_model()
        for model, ids in self._wanted.items():
            objects = model._default_manager.filter(pk__in=ids)
            if model in NAME_JOINS:
                objects = objects.select_related(*NAME_JOINS[model])
            if model in NAME_DEFER:
                objects = objects.defer(*NAME_DEFER[model])
            for obj in objects:
                self._known[(model, obj.pk)] = user_name(obj) if model is user_model else str(obj)
        self._wanted.clear()

    def name(self, model: type[Model], pk: Any) -> str:
        if pk is None:
            return DASH
        return self._known.get((model, pk)) or f"{model._meta.verbose_name}（已删除）"


def display(field: Field[Any, Any], value: Any, names: Names) -> str:
    """One field's value as a sentence would write it."""
    if value is None or value == "" or value == [] or value == {}:
        return DASH
    if field.many_to_one or field.one_to_one:
        return names.name(field.related_model, value)  # type: ignore[arg-type]
    if field.choices:
        try:
            return str(dict(field.flatchoices).get(value, value))
        except TypeError:  # an unhashable value (a JSON list or dict) is never a choice
            pass
    return plain(value, field)


def plain(value: Any, field: Field[Any, Any] | None = None) -> str:
    if isinstance(value, dt.datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return local.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dict):
        labels = _json_labels(field)
        return "；".join(f"{labels.get(str(k), k)}：{plain(v)}" for k, v in value.items()) or DASH
    if isinstance(value, list | tuple):
        return "、".join(plain(v) for v in value) or DASH
    return str(value)


def _json_labels(field: Field[Any, Any] | None) -> dict[str, str]:
    # 年度质量报告's text is stored per chapter key: show the chapter's heading.
    if field is not None and field.name == "narratives" and field.model._meta.label_lower == "reports.qualityreport":
        return dict(chapter_labels())
    return {}


class Fields:
    """A record's fields as displayed, for `str.format_map`: "{organization} · {period}年"."""

    def __init__(self, model: type[Model], record: Any, names: Names) -> None:
        self.model, self.record, self.names = model, record, names

    def raw(self, name: str) -> Any:
        return getattr(self.record, self.model._meta.get_field(name).attname)  # type: ignore[union-attr]

    def __getitem__(self, name: str) -> str:
        field = self.model._meta.get_field(name)
        return display(field, self.raw(name), self.names)  # type: ignore[arg-type]
