"""The parameter table a county runs on: the shipped defaults with the administrator's versions over them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from vetplan.core.versioning import check_version
from vetplan.mechanisms.models import ParameterVersion
from vetplan.policy.params import DEFAULTS, Parameter, ParameterTable


def table() -> ParameterTable:
    """Defaults, with a stored version replacing the default of the same name and year."""
    versions = {(p.name, p.since): p for p in DEFAULTS}
    for row in ParameterVersion.objects.all():
        versions[(row.name, row.since)] = Parameter(row.name, row.value, row.since, row.source, row.label)
    return ParameterTable(versions.values())


def known_names() -> dict[str, str]:
    """Parameter name → label, in the shipped order."""
    names: dict[str, str] = {}
    for parameter in DEFAULTS:
        names.setdefault(parameter.name, parameter.label)
    return names


@dataclass(frozen=True)
class VersionRow:
    parameter: Parameter
    stored: ParameterVersion | None  # None: the shipped default


def versions_by_name() -> dict[str, list[VersionRow]]:
    stored = {(row.name, row.since): row for row in ParameterVersion.objects.select_related("changed_by")}
    rows: dict[str, list[VersionRow]] = {}
    seen = set()
    for parameter in DEFAULTS:
        key = (parameter.name, parameter.since)
        row = stored.get(key)
        shown = Parameter(row.name, row.value, row.since, row.source, row.label) if row else parameter
        rows.setdefault(parameter.name, []).append(VersionRow(shown, row))
        seen.add(key)
    for key, row in stored.items():
        if key not in seen:
            rows.setdefault(row.name, []).append(
                VersionRow(Parameter(row.name, row.value, row.since, row.source, row.label), row)
            )
    for versions in rows.values():
        versions.sort(key=lambda v: v.parameter.since)
    return rows


@transaction.atomic
def set_parameter(
    name: str, since: int, value: float, source: str, *, by: Any, note: str = "", version: Any = None
) -> ParameterVersion:
    """Set the value `name` takes from `since` on. Years before keep the version they had."""
    labels = known_names()
    if name not in labels:
        raise ValueError(f"没有参数“{name}”")
    row = ParameterVersion.objects.select_for_update().filter(name=name, since=since).first()
    if row is not None and version is not None:
        check_version(row, version)
    if row is None:
        row = ParameterVersion(name=name, since=since, label=labels[name])
    row.value, row.source, row.note, row.changed_by = value, source, note, by
    row.save()
    return row
