"""What every registry is: its model, its sheets and columns, its rules, who sees and imports it.

A registry subclass declares `code`, `label`, `model`, `sheets`, the list's columns and search
fields, and implements `check` (rows → records, cross-row errors) and `write` (upsert). The
views, the template, the import and the export are shared (`views.py`, `pipeline.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.db import models
from django.db.models import Q, QuerySet

from vetplan.core.access import scope_of
from vetplan.indicators.access import reportable_organizations
from vetplan.orgs.access import visible_organizations
from vetplan.orgs.models import Organization
from vetplan.registries import figures
from vetplan.registries.pipeline import (
    ImportRefused,
    ImportResult,
    Row,
    SheetSpec,
    collector_paused,
    read_rows,
    row_error,
    save_all,
)


@dataclass
class ImportContext:
    """What a check may refer to: the units the user may import for, by every name they go by."""

    user: Any
    units: dict[str, Organization] = field(default_factory=dict)

    @classmethod
    def for_user(cls, user: Any, unit_types: Sequence[str]) -> ImportContext:
        context = cls(user)
        for org in reportable_organizations(user).filter(type__in=unit_types):
            for name in {org.name, org.short_name, *(org.aliases or [])}:
                if name:
                    context.units.setdefault(name.strip(), org)
        return context


@dataclass(frozen=True)
class ListColumn:
    label: str
    value: Any  # a callable record → text, or an attribute name
    masked: bool = False  # personal data: masked unless the viewer may see it


class Registry:
    code: ClassVar[str]
    label: ClassVar[str]
    model: ClassVar[type[models.Model]]
    sheets: ClassVar[tuple[SheetSpec, ...]]
    owner_field: ClassVar[str] = "school"  # the unit a record belongs to
    unit_types: ClassVar[tuple[str, ...]] = (Organization.Type.SCHOOL,)
    search_fields: ClassVar[tuple[str, ...]] = ("name",)
    list_columns: ClassVar[tuple[ListColumn, ...]] = ()
    personal_fields: ClassVar[tuple[str, ...]] = ()  # 身份证号, phone: masked outside the own school

    # -- who sees what

    def records(self, user: Any) -> QuerySet[Any]:
        """Records of the units the user sees (a reporter: its own unit's; others: their region's)."""
        units = visible_organizations(user)
        return self.model._default_manager.filter(**{f"{self.owner_field}__in": units})  # type: ignore[attr-defined]

    def may_import(self, user: Any) -> bool:
        return reportable_organizations(user).filter(type__in=self.unit_types).exists()

    def sees_unmasked(self, user: Any, record: Any) -> bool:
        """The record's own unit, on its detail page (the view logs it)."""
        scope = scope_of(user)
        owner = getattr(record, self.owner_field)
        return bool(owner) and scope.organization_id == owner.pk and not scope.is_anonymous

    def search(self, records: QuerySet[Any], q: str) -> QuerySet[Any]:
        condition = Q()
        for name in self.search_fields:
            condition |= Q(**{f"{name}__icontains": q})
        return records.filter(condition)

    # -- import

    def import_file(
        self, data: bytes, user: Any, progress: Callable[[int | None, str], None] | None = None
    ) -> ImportResult:
        """Check every row of every sheet; save all of them or none. `progress(rows read or None, message)`
        follows a background import through reading, checking and saving."""
        with collector_paused():
            return self._import(data, user, progress or (lambda done, message: None))

    def _import(self, data: bytes, user: Any, progress: Callable[[int | None, str], None]) -> ImportResult:
        result = ImportResult()
        try:
            rows = read_rows(data, self.sheets, result, lambda done: progress(done, f"正在读取：已读取 {done} 行"))
        except ImportRefused as error:
            result.add_error(str(error))
            return result
        progress(None, "读取完毕，正在逐行检查……")
        context = ImportContext.for_user(user, self.unit_types)
        plan = self.check(rows, context, result)
        del rows  # the plan holds what is saved: the parsed cells can go before the records are written
        if result.ok:
            progress(None, "检查通过，正在保存……")

            def save() -> None:
                self.write(plan, context, result)
                if result.created or result.updated:
                    figures.refresh(self.code, self.units_of(plan), by=user)

            save_all(save)
        return result

    def units_of(self, plan: Any) -> set[int]:
        """The units whose figures the imported records change."""
        raise NotImplementedError

    def check(self, rows: dict[str, list[Row]], context: ImportContext, result: ImportResult) -> Any:
        raise NotImplementedError

    def write(self, plan: Any, context: ImportContext, result: ImportResult) -> None:
        raise NotImplementedError

    def unit(self, row: Row, spec: SheetSpec, key: str, context: ImportContext, result: ImportResult) -> Any:
        """The unit a row names, if the user may import for it; else an error naming the cell."""
        name = row.values.get(key)
        org = context.units.get(name or "")
        if org is None and name:
            result.add_error(row_error(row, spec, key, "不是本账号可以填报的单位"))
        return org
