"""The plan import flow: upload → review → confirm (or discard). Named state changes for drafts.

An upload is checked (type, size, content), read by the extraction readers and extracted
into a `PlanImportDraft`; the review page edits the draft's document (rows, the reviewer's
unit choices, deadlines, indicator links) and shows what confirming would do with each row;
confirming saves Plan, Targets and Tasks through `import_plan_document` in the same
transaction that marks the draft confirmed, so a failure part-way leaves nothing behind.

Extra keys the review keeps in the document beside the spec's meta/targets/tasks: a task
row's `deadline` and `recurrence` and a target row's `indicator_code` when the reviewer set
them, and `unit_choices` (see `plans.units`).
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404

from vetplan.core.access import scope_of
from vetplan.extraction import SUPPORTED_SUFFIXES, DocumentReadError, extract_text
from vetplan.extraction.archives import DOCX_LIMITS, ArchiveError, check_zip
from vetplan.extraction.readers import decode_text, read_document
from vetplan.orgs.models import Organization, Region
from vetplan.plans import target_links
from vetplan.plans.indicator_match import CatalogueIndex
from vetplan.plans.models import Plan, PlanImportDraft, Task, text_digest
from vetplan.plans.services import ImportSummary, PlanImportError, import_plan_document, schedule_of
from vetplan.plans.timeline import Timeline, task_schedule
from vetplan.plans.units import CHOICES_KEY, LEGACY_TYPES_KEY, PlanUnit, resolve_plan_units, unit_choices, unit_names


class ImportFileError(ValueError):
    """An upload that cannot become a draft; the message names the file and the reason."""


class DraftStateError(PlanImportError):
    """The draft was already confirmed or discarded (another window, a double click)."""


# ---------------------------------------------------------------------------- upload


# A county's plan has tens of tasks, a province's a few hundred: more is not one plan (a whole
# statute book, a merged file), and its review page would not be usable.
MAX_PLAN_ROWS = 2000
# The five real plans hold 5,000–10,000 characters. A text a hundred times longer is refused before
# extraction, which takes seconds a megabyte (a 9 MB text once became a draft of 58,616 tasks).
MAX_PLAN_CHARACTERS = 1_000_000


@transaction.atomic
def create_import_draft(upload: UploadedFile | Path | str, region: Region, by: Any) -> PlanImportDraft:
    """Check and read an uploaded file (or a file on disk), extract it and store the draft."""
    name, data = _read_upload(upload)
    text = read_plan_bytes(name, data)
    if len(text) > MAX_PLAN_CHARACTERS:
        raise ImportFileError(
            f"无法导入 {name}：全文 {len(text)} 字，超过每份规划 {MAX_PLAN_CHARACTERS // 10000} 万字的上限。"
            "请确认文件是一份实施方案或行动计划；确实更长的，请拆分为几份文件分别导入。"
        )
    document = extract_text(text)
    for rows, what in ((document.tasks, "项任务"), (document.targets, "个量化目标")):
        if len(rows) > MAX_PLAN_ROWS:
            raise ImportFileError(
                f"无法导入 {name}：提取到 {len(rows)} {what}，超过每份规划 {MAX_PLAN_ROWS} {what}的上限。"
                "请确认文件是一份实施方案或行动计划；确实更多的，请拆分为几份文件分别导入。"
            )
    return PlanImportDraft.objects.create(
        region=region,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        source_name=name[:255],
        source_text=text,
        document=document.to_dict(),
    )


def read_plan_bytes(name: str, data: bytes) -> str:
    """The text of an uploaded plan document, or ImportFileError naming the file and reason."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = "、".join(s for s in SUPPORTED_SUFFIXES if s != ".htm")
        raise ImportFileError(
            f"无法读取 {name}：不支持的文件类型 {suffix or '（无扩展名）'}，请上传 {supported} 文件。"
        )
    _check_size(name, len(data))
    if not data.strip():
        raise ImportFileError(f"无法读取 {name}：文件是空的。")
    _sniff(name, suffix, data)
    with tempfile.TemporaryDirectory(prefix="vetplan-import-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            text = read_document(path)
        except DocumentReadError as error:
            raise ImportFileError(f"无法读取 {name}：{error.reason}") from error
    if not text.strip():
        raise ImportFileError(f"无法读取 {name}：文件中没有文字。")
    return text


def _read_upload(upload: UploadedFile | Path | str) -> tuple[str, bytes]:
    if isinstance(upload, Path | str):
        path = Path(upload)
        _check_size(path.name, path.stat().st_size)
        return path.name, path.read_bytes()
    name = Path(upload.name or "未命名文件").name
    if upload.size is not None:
        _check_size(name, upload.size)
    upload.seek(0)
    return name, b"".join(upload.chunks())


def _check_size(name: str, size: int) -> None:
    limit = int(settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0)
    if limit and size > limit:
        raise ImportFileError(f"无法读取 {name}：文件大小 {size / 1048576:.1f} MB，超过上限 {limit / 1048576:.1f} MB。")


def _sniff(name: str, suffix: str, data: bytes) -> None:
    """Refuse a file whose content is not what its name says (a renamed .xlsx, an image ...)."""
    if suffix == ".docx":
        ok, kind = zipfile.is_zipfile(io.BytesIO(data)), "Word（.docx）文档"
        if ok:
            try:
                check_zip(data, DOCX_LIMITS)  # a zip bomb is refused before anything is unpacked
            except ArchiveError as error:
                raise ImportFileError(f"无法读取 {name}：{error.reason}。") from error
            except zipfile.BadZipFile:
                ok = False
            else:
                ok = "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    elif suffix == ".pdf":
        ok, kind = data.startswith(b"%PDF"), "PDF 文件"
    else:
        try:
            text = decode_text(data)
        except UnicodeDecodeError:
            text = "\x00"
        ok = "\x00" not in text and (suffix == ".txt" or "<" in text)
        kind = "文本文件（UTF-8、GB18030 或 UTF-16 编码）" if suffix == ".txt" else "网页文件"
    if not ok:
        raise ImportFileError(f"无法读取 {name}：文件内容不是{kind}，扩展名与内容不符。")


# ---------------------------------------------------------------------------- review


@dataclass
class TargetReview:
    """A target row of the draft with the link confirming would make."""

    row: dict[str, Any]
    link: target_links.TargetLink
    proposed_code: str  # what the catalogue proposes for the row as extracted (the form's default)


@dataclass
class TaskReview:
    row: dict[str, Any]
    schedule: Timeline
    derived: Timeline  # the schedule of the row as extracted (the form's default)
    owners: list[Organization]  # who owes the report: the leads, else every responsible unit
    lead_count: int

    @property
    def without_owner(self) -> bool:
        return not self.owners

    @property
    def without_date(self) -> bool:
        return self.schedule.source == "default"


@dataclass
class ReviewRows:
    meta: dict[str, Any]
    targets: list[TargetReview] = field(default_factory=list)
    tasks: list[TaskReview] = field(default_factory=list)
    units: list[PlanUnit] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)  # what a name may be mapped to
    indicators: list[Any] = field(default_factory=list)
    duplicates: list[Plan] = field(default_factory=list)

    @property
    def tasks_without_owner(self) -> list[int]:
        return [i for i, task in enumerate(self.tasks, 1) if task.without_owner]

    @property
    def tasks_without_date(self) -> list[int]:
        return [i for i, task in enumerate(self.tasks, 1) if task.without_date]

    @property
    def targets_without_indicator(self) -> list[int]:
        return [i for i, target in enumerate(self.targets, 1) if target.link.indicator is None]

    @property
    def units_to_review(self) -> list[PlanUnit]:
        return [unit for unit in self.units if unit.needs_review]


def review_rows(draft: PlanImportDraft) -> ReviewRows:
    """What the review page shows: each row with what confirming would do with it. A bounded number of queries."""
    document = draft.document or {}
    units = resolve_plan_units(document, draft.region)
    resolver = units.resolver
    indicators = list(target_links.indicator_model().objects.order_by("seq", "pk"))
    by_code = {i.code: i for i in indicators}
    index = CatalogueIndex(indicators)
    rows = ReviewRows(
        meta=dict(document.get("meta") or {}),
        units=list(units),
        organizations=resolver.organizations,
        indicators=indicators,
        duplicates=duplicate_plans(draft),
    )
    for row in document.get("targets", []):
        proposed = target_links.link_for(
            {k: v for k, v in row.items() if k != "indicator_code"}, index, resolver, by_code
        )
        link = target_links.link_for(row, index, resolver, by_code) if "indicator_code" in row else proposed
        rows.targets.append(TargetReview(dict(row), link, proposed.code))
    for row in document.get("tasks", []):
        lead = units.organizations(row.get("lead_units") or [])
        owners = lead or units.organizations(row.get("responsible_units") or [])
        try:
            schedule = schedule_of(row)
        except PlanImportError:
            schedule = task_schedule(row.get("timeline"), row.get("text"))
        derived = task_schedule(row.get("timeline"), row.get("text"))
        rows.tasks.append(TaskReview(dict(row), schedule, derived, owners, len(lead)))
    return rows


def duplicate_plans(draft: PlanImportDraft) -> list[Plan]:
    """Plans of the draft's region that are this document: the same 文号, or the same text."""
    meta = (draft.document or {}).get("meta") or {}
    same = Q(source_digest=text_digest(draft.source_text))
    if (meta.get("doc_number") or "").strip():
        same |= Q(doc_number=meta["doc_number"].strip())
    return list(Plan.objects.filter(same, region__path__startswith=draft.region.path).order_by("pk")[:5])


@transaction.atomic
def update_draft(draft: PlanImportDraft, by: Any, edited_document: Mapping[str, Any]) -> PlanImportDraft:
    """Store the reviewed document (with the reviewer's unit choices) on a pending draft."""
    draft = _lock_pending(draft)
    document = dict(edited_document)
    names = set(unit_names(document))
    document[CHOICES_KEY] = {name: c for name, c in unit_choices(document).items() if name in names}
    document.pop(LEGACY_TYPES_KEY, None)
    draft.document = document
    draft.save(update_fields=["document"])
    return draft


BATCH_ACTIONS = {"lead": "设置牵头单位", "deadline": "设置完成时限", "recurrence": "设置报告周期"}


def apply_batch(document: dict[str, Any], rows: list[int], action: str, value: Any) -> int:
    """Set 牵头单位, deadline or recurrence on the task rows (0-based) of a document; how many changed."""
    tasks = document.get("tasks", [])
    changed = 0
    for index in rows:
        if not 0 <= index < len(tasks):
            continue
        task = dict(tasks[index])
        if action == "lead":
            names = [name for name in value if name]
            task["lead_units"] = names
            task["responsible_units"] = [n for n in task.get("responsible_units", []) if n not in names]
        elif action == "deadline":
            task["deadline"] = value.isoformat() if value else None
            task["recurrence"] = Task.Recurrence.ONCE if value else task.get("recurrence")
        elif action == "recurrence":
            task["recurrence"] = value
            if value == Task.Recurrence.YEARLY:
                task["deadline"] = None
        else:
            raise PlanImportError(f"未知的批量操作：{action}")
        tasks[index] = task
        changed += 1
    document["tasks"] = tasks
    return changed


@transaction.atomic
def confirm_import(
    draft: PlanImportDraft,
    by: Any,
    edited_document: Mapping[str, Any] | None = None,
    summary: ImportSummary | None = None,
) -> Plan:
    """Save the draft as Plan, Targets and Tasks and mark it confirmed, all or nothing."""
    if edited_document is not None:
        draft = update_draft(draft, by, edited_document)
    draft = _lock_pending(draft)
    plan = import_plan_document(
        draft.document,
        region=draft.region,
        by=by,
        source_name=draft.source_name,
        source_text=draft.source_text,
        summary=summary,
    )
    draft.status = PlanImportDraft.Status.CONFIRMED
    draft.plan = plan
    draft.save(update_fields=["status", "plan"])
    return plan


class DuplicatePlanError(PlanImportError):
    """The document is already a plan of the region (the same 文号 or the same text)."""


@transaction.atomic
def import_file(
    path: Path | str, region: Region, by: Any, *, allow_duplicate: bool = False
) -> tuple[Plan, ImportSummary]:
    """The batch import (`vetplan import`): the web flow's services without the review."""
    draft = create_import_draft(path, region=region, by=by)
    duplicates = duplicate_plans(draft)
    if duplicates and not allow_duplicate:
        names = "、".join(f"#{p.pk}“{p.title}”" for p in duplicates)
        raise DuplicatePlanError(f"{draft.source_name} 与{region.name}已有的规划 {names} 是同一份文件")
    summary = ImportSummary()
    return confirm_import(draft, by, summary=summary), summary


@transaction.atomic
def discard_import(draft: PlanImportDraft, by: Any) -> PlanImportDraft:
    draft = _lock_pending(draft)
    draft.status = PlanImportDraft.Status.DISCARDED
    draft.save(update_fields=["status"])
    return draft


def _lock_pending(draft: PlanImportDraft) -> PlanImportDraft:
    locked = PlanImportDraft.objects.select_for_update().get(pk=draft.pk)
    if locked.status != PlanImportDraft.Status.PENDING:
        raise DraftStateError(f"导入草稿“{locked.source_name}”{locked.get_status_display()}，不能再修改。")
    return locked


# ---------------------------------------------------------------------------- access


def visible_import_drafts(user: Any) -> QuerySet[PlanImportDraft]:
    """Drafts of the user's region (any region for the admin); only supervisors import."""
    scope = scope_of(user)
    if not scope.supervises:
        return PlanImportDraft.objects.none()
    return PlanImportDraft.objects.filter(scope.region_q()).select_related("region", "created_by")


def get_import_draft_for_user(user: Any, pk: int) -> PlanImportDraft:
    """A draft of the user's region; another county's draft looks the same as a missing one."""
    draft = visible_import_drafts(user).filter(pk=pk).first()
    if draft is None:
        raise Http404("没有找到该导入草稿。")
    return draft


def import_region_for(user: Any) -> Region | None:
    """The region a supervisor imports for: its own. The admin chooses one on the form."""
    scope = scope_of(user)
    if scope.sees_everything or scope.region_id is None:
        return None
    return Region.objects.get(pk=scope.region_id)
