"""The plan import flow: upload → review → confirm (or discard). Named state changes for drafts.

An upload is checked (type, size, content), read by the extraction readers and extracted
into a `PlanImportDraft`; the review page edits the draft's document; confirming saves
Plan, Targets and Tasks through `import_plan_document` in the same transaction that marks
the draft confirmed, so a failure part-way leaves nothing behind.
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
from django.db.models import QuerySet
from django.http import Http404

from vetplan.core.access import scope_of
from vetplan.extraction import SUPPORTED_SUFFIXES, DocumentReadError, extract_text
from vetplan.extraction.readers import decode_text, read_document
from vetplan.orgs.models import Organization, Region
from vetplan.plans.models import Plan, PlanImportDraft
from vetplan.plans.services import PlanImportError, import_plan_document, resolve_units

# Extra key the review stores in the draft's document beside the spec's meta/targets/tasks:
# the organisation type chosen for each new unit name.
UNIT_TYPES_KEY = "unit_types"


class ImportFileError(ValueError):
    """An upload that cannot become a draft; the message names the file and the reason."""


class DraftStateError(PlanImportError):
    """The draft was already confirmed or discarded (another window, a double click)."""


# ---------------------------------------------------------------------------- upload


@transaction.atomic
def create_import_draft(upload: UploadedFile | Path | str, region: Region, by: Any) -> PlanImportDraft:
    """Check and read an uploaded file (or a file on disk), extract it and store the draft."""
    name, data = _read_upload(upload)
    text = read_plan_bytes(name, data)
    return PlanImportDraft.objects.create(
        region=region,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        source_name=name[:255],
        source_text=text,
        document=extract_text(text).to_dict(),
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
        ok = (
            zipfile.is_zipfile(io.BytesIO(data)) and "word/document.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
        )
        kind = "Word（.docx）文档"
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
class UnitRow:
    """A unit name of the draft: matched to an organisation, or proposed as a new one."""

    name: str
    organization: Organization | None = None
    same_as: str = ""  # a new unit that merges into the earlier new unit of this name
    proposed_type: str = ""

    @property
    def is_new(self) -> bool:
        return self.organization is None and not self.same_as


@dataclass
class ReviewRows:
    meta: dict[str, Any]
    targets: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    units: list[UnitRow] = field(default_factory=list)

    @property
    def new_units(self) -> list[UnitRow]:
        return [unit for unit in self.units if unit.is_new]


def review_rows(draft: PlanImportDraft) -> ReviewRows:
    """What the review page shows: the document's rows and every unit name with its resolution."""
    document = draft.document or {}
    resolution = resolve_units(document, draft.region)
    chosen = document.get(UNIT_TYPES_KEY) or {}
    units = [UnitRow(name, organization=org) for name, org in resolution.resolved.items()]
    units += [UnitRow(name, proposed_type=chosen.get(name) or guess_unit_type(name)) for name in resolution.unresolved]
    units += [UnitRow(name, same_as=first) for name, first in resolution.same_as.items()]
    order = {name: i for i, name in enumerate(_unit_names(document))}
    units.sort(key=lambda unit: order.get(unit.name, len(order)))
    return ReviewRows(
        meta=dict(document.get("meta") or {}),
        targets=[dict(row) for row in document.get("targets", [])],
        tasks=[dict(row) for row in document.get("tasks", [])],
        units=units,
    )


def guess_unit_type(name: str) -> str:
    """A first guess at the type of a new unit, for the review page's select (a person confirms)."""
    if any(word in name for word in ("督导",)):
        return Organization.Type.SUPERVISION
    if any(
        word in name for word in ("学校", "中学", "小学", "学院", "大学", "职高", "职专", "中专", "技校", "职教中心")
    ):
        return Organization.Type.SCHOOL
    if any(word in name for word in ("公司", "集团", "工厂", "合作社")):
        return Organization.Type.ENTERPRISE
    if any(word in name for word in ("协会", "商会", "学会", "联合会", "研究会")):
        return Organization.Type.ASSOCIATION
    if name.endswith(("镇", "乡", "街道", "办事处")) or any(
        w in name for w in ("乡镇", "镇政府", "乡政府", "镇人民政府")
    ):
        return Organization.Type.TOWNSHIP
    return Organization.Type.GOVERNMENT


def _unit_names(document: Mapping[str, Any]) -> list[str]:
    names: dict[str, None] = {}
    for task in document.get("tasks", []):
        for name in [*task.get("lead_units", []), *task.get("responsible_units", [])]:
            names.setdefault(name)
    return list(names)


@transaction.atomic
def update_draft(
    draft: PlanImportDraft, by: Any, edited_document: Mapping[str, Any], unit_types: Mapping[str, str] | None = None
) -> PlanImportDraft:
    """Store the reviewed document (and the types chosen for new units) on a pending draft."""
    draft = _lock_pending(draft)
    document = {key: value for key, value in edited_document.items() if key != UNIT_TYPES_KEY}
    types = {**(draft.document.get(UNIT_TYPES_KEY) or {}), **(edited_document.get(UNIT_TYPES_KEY) or {})}
    types.update(unit_types or {})
    document[UNIT_TYPES_KEY] = {name: t for name, t in types.items() if name in set(_unit_names(document))}
    draft.document = document
    draft.save(update_fields=["document"])
    return draft


@transaction.atomic
def confirm_import(
    draft: PlanImportDraft,
    by: Any,
    new_unit_type: str | None = None,
    new_unit_types: Mapping[str, str] | None = None,
    edited_document: Mapping[str, Any] | None = None,
) -> Plan:
    """Save the draft as Plan, Targets and Tasks and mark it confirmed, all or nothing.

    A new unit's type is, first to last: `new_unit_types[name]`, the type chosen in an
    earlier review save, `new_unit_type`, the guess from its name.
    """
    if edited_document is not None:
        draft = update_draft(draft, by, edited_document, new_unit_types)
    draft = _lock_pending(draft)
    document = draft.document
    chosen = {**(document.get(UNIT_TYPES_KEY) or {}), **(new_unit_types or {})}
    types = {
        name: chosen.get(name) or new_unit_type or guess_unit_type(name)
        for name in resolve_units(document, draft.region).unresolved
    }
    plan = import_plan_document(
        document,
        region=draft.region,
        by=by,
        source_name=draft.source_name,
        source_text=draft.source_text,
        new_unit_types=types,
    )
    # Imported here: the indicators app builds on plans, so plans does not import it at load time.
    from vetplan.indicators.services import link_targets_to_indicators

    link_targets_to_indicators(plan.targets.all(), by=by)
    draft.status = PlanImportDraft.Status.CONFIRMED
    draft.plan = plan
    draft.save(update_fields=["status", "plan"])
    return plan


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
