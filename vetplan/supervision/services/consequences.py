"""结果运用: the consequences a round's results lead to, each linked to the record that carries
it out (a 通报 for 表彰, 资金奖补 and 纳入年度考核; an interview for 约谈; an order for 限期整改)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from vetplan.core.history import acting_user
from vetplan.core.versioning import check_version
from vetplan.supervision.models import Assessment, Bulletin, Consequence, Interview, RectificationOrder
from vetplan.supervision.services._common import SupervisionError, save

Carrier = Bulletin | Interview | RectificationOrder
CARRIER_LABELS = {"bulletin": "通报", "interview": "约谈记录", "order": "整改通知"}


@transaction.atomic
def record_consequence(
    assessment: Assessment, *, by: Any, kind: str, note: str = "", carried_by: Carrier | None = None
) -> Consequence:
    """Record what a unit's result leads to; `carried_by` links the record that carries it out now
    (else it is 待落实 until linked, or until a record is created for it)."""
    if kind not in Consequence.Kind.values:
        raise SupervisionError(f"未知的结果运用：{kind}")
    consequence = Consequence(assessment=assessment, kind=kind, note=note.strip(), created_by=acting_user(by))
    consequence.full_clean()
    save(consequence, by)
    if carried_by is not None:
        _link(consequence, carried_by, by)
    return consequence


@transaction.atomic
def link_consequence(consequence: Consequence, *, by: Any, carried_by: Carrier, version: Any = None) -> Consequence:
    """Link the 通报, interview or order that carries the consequence out (replacing an earlier link)."""
    check_version(consequence, version)
    consequence = Consequence.objects.select_related("assessment__round__region", "assessment__organization").get(
        pk=consequence.pk
    )
    return _link(consequence, carried_by, by)


def carrier_field(kind: str) -> str:
    return Consequence.CARRIER[Consequence.Kind(kind)]


def _link(consequence: Consequence, record: Carrier, by: Any) -> Consequence:
    field = carrier_field(consequence.kind)
    expected = {"bulletin": Bulletin, "interview": Interview, "order": RectificationOrder}[field]
    if not isinstance(record, expected):
        raise SupervisionError(
            f"“{consequence.get_kind_display()}”须由{CARRIER_LABELS[field]}落实，不能关联{record._meta.verbose_name}。"
        )
    assessment = consequence.assessment
    unit, round_ = assessment.organization, assessment.round
    if not record.region.path.startswith(round_.region.path):
        raise SupervisionError(f"该{CARRIER_LABELS[field]}不属于本轮督导的区域。")
    if isinstance(record, Bulletin):
        if not record.organizations.filter(pk=unit.pk).exists():
            raise SupervisionError(
                f"该通报没有点名{unit.display_name}，不能用于落实对它的“{consequence.get_kind_display()}”。"
            )
        if record.status == Bulletin.Status.WITHDRAWN:
            raise SupervisionError("该通报已撤回，不能用于落实结果运用。")
    elif record.organization_id != unit.pk:
        raise SupervisionError(f"该{CARRIER_LABELS[field]}针对的不是{unit.display_name}。")
    links = {"bulletin": None, "interview": None, "order": None, field: record}
    return save(consequence, by, **links)  # type: ignore[no-any-return]
