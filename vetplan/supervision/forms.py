"""Input checks for the supervision pages; the services do the rest."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone

from vetplan.core.versioning import versioned
from vetplan.orgs.pickers import UnitField, UnitsField
from vetplan.plans.models import Plan, Task
from vetplan.plans.pickers import plan_widget
from vetplan.supervision.evidence import ALLOWED_LABEL, MAX_EVIDENCE_BYTES
from vetplan.supervision.models import Bulletin
from vetplan.supervision.services.reports import RESUBMIT_DAYS

EVIDENCE_HELP = f"可多选；允许 {ALLOWED_LABEL}，每个不超过 {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB。"
DATE = forms.DateInput(attrs={"type": "date"})


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceField(forms.FileField):
    """Several files at once; the content checks are the services' (evidence.py)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", EVIDENCE_HELP)
        kwargs.setdefault("label", "佐证材料")
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(EvidenceField, self).clean(f, initial) for f in files if f]


TASK_STATUS_CHOICES = [
    (Task.Status.NOT_STARTED.value, "未开始"),
    (Task.Status.IN_PROGRESS.value, "进行中"),
    (Task.Status.DONE.value, "已完成（申请办结）"),
]
TASK_STATUS_HELP = (
    "选择“已完成（申请办结）”即向督导室申请办结：完成进度须为 100%，并附佐证材料；"
    "只有牵头单位（未指定牵头单位的，为责任单位）可以申请，经督导室审核通过后任务方为完成。"
)


class ReportFieldsForm(forms.Form):
    """What a progress report says; a report saying 已完成 is a closing request (申请办结)."""

    task_status = forms.ChoiceField(label="任务进展", choices=TASK_STATUS_CHOICES, help_text=TASK_STATUS_HELP)
    percent = forms.IntegerField(label="完成进度（%）", min_value=0, max_value=100)
    narrative = forms.CharField(label="进展情况", widget=forms.Textarea(attrs={"rows": 6}), max_length=10_000)
    evidence = EvidenceField()

    def check_closing(self, refusal: str | None, *, has_evidence: bool = False) -> None:
        """The services refuse the same; here each reason sits beside its field."""
        data = self.cleaned_data
        if data.get("task_status") != Task.Status.DONE:
            return
        if refusal:
            self.add_error("task_status", refusal)
        if data.get("percent") is not None and data["percent"] != 100:
            self.add_error("percent", "申请办结时完成进度应为 100%。")
        if not (data.get("evidence") or has_evidence):
            self.add_error("evidence", "申请办结须附佐证材料（如验收报告、工作总结）。")


class ProgressReportForm(ReportFieldsForm):
    organization = forms.ModelChoiceField(queryset=None, label="报告单位", empty_label=None)  # type: ignore[arg-type]
    period = forms.IntegerField(label="报告年度", min_value=2000, max_value=2100)
    field_order = ["organization", "period", "task_status", "percent", "narrative", "evidence"]

    def __init__(self, *args: Any, units: list[Any], closing_refusal: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organization"]
        field.queryset = type(units[0]).objects.filter(pk__in=[u.pk for u in units]) if units else None  # type: ignore[attr-defined]
        field.initial = units[0].pk if units else None
        field.required = False  # defaults to the first unit: the reporter's own, or the unit that owes the report
        if len(units) == 1:
            field.widget = forms.HiddenInput()
        self.units = units
        self.closing_refusal = closing_refusal  # organization -> why it may not close the task, or None

    def clean_organization(self) -> Any:
        return self.cleaned_data.get("organization") or (self.units[0] if self.units else None)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unit = data.get("organization")
        if unit is not None and self.closing_refusal is not None:
            self.check_closing(self.closing_refusal(unit))
        return data


class ReportRevisionForm(ReportFieldsForm):
    """A returned report revised; carries the version it was opened at (no lost writes)."""

    def __init__(self, *args: Any, report: Any, closing_refusal: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, report)
        self.report = report
        self.closing_refusal = closing_refusal

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.check_closing(self.closing_refusal, has_evidence=self.report.evidence.exists())
        return data


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(label="审核结论", choices=[("accept", "通过"), ("return", "退回修改")])
    comment = forms.CharField(label="审核意见", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    resubmit_by = forms.DateField(
        label="重新提交期限",
        widget=DATE,
        required=False,
        help_text=f"退回时适用；留空为 {RESUBMIT_DAYS} 天后。期限内重新提交的不计逾期。",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", "退回时须写明审核意见。")
        resubmit_by = data.get("resubmit_by")
        if data.get("decision") == "return" and resubmit_by and resubmit_by < timezone.localdate():
            self.add_error("resubmit_by", "重新提交期限不能早于今天。")
        return data


class UrgeForm(forms.Form):
    message = forms.CharField(label="催办内容", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class BulletinForm(forms.Form):
    """A new draft, or an existing one (`bulletin`: the form carries the version it was opened at)."""

    kind = forms.ChoiceField(label="类型", choices=Bulletin.Kind.choices)
    title = forms.CharField(label="标题", max_length=200)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 8}))
    organizations = UnitsField(label="涉及单位", required=False, groups=True)

    def __init__(self, *args: Any, units: Any, bulletin: Bulletin | None = None, **kwargs: Any) -> None:
        if bulletin is not None:
            kwargs.setdefault(
                "initial",
                {
                    "kind": bulletin.kind,
                    "title": bulletin.title,
                    "body": bulletin.body,
                    "organizations": [o.pk for o in bulletin.organizations.all()],
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["organizations"].queryset = units  # type: ignore[attr-defined]
        if bulletin is not None:
            versioned(self, bulletin)


class PublishForm(forms.Form):
    """发布 confirmed: the draft as the confirmation page showed it (its version)."""

    confirm = forms.BooleanField(
        label="我已核对以上内容，确认向公众发布", error_messages={"required": "请勾选确认后再发布。"}
    )

    def __init__(self, *args: Any, bulletin: Bulletin, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, bulletin)


class WithdrawForm(forms.Form):
    """撤回 a published bulletin: the reason is shown on its public page."""

    reason = forms.CharField(
        label="撤回原因",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text="将在通报页面向公众显示。",
        error_messages={"required": "请填写撤回原因。"},
    )

    def __init__(self, *args: Any, bulletin: Bulletin, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        versioned(self, bulletin)

    def clean_reason(self) -> str:
        reason: str = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("请填写撤回原因。")
        return reason


class InterviewForm(forms.Form):
    organization = UnitField(label="约谈单位")
    held_on = forms.DateField(label="约谈日期", widget=DATE)
    interviewee = forms.CharField(label="被约谈人", max_length=200)
    interviewer = forms.CharField(label="约谈人", max_length=200)
    reason = forms.CharField(label="约谈事由", widget=forms.Textarea(attrs={"rows": 3}))
    agreed = forms.CharField(label="约谈议定事项", widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = units  # type: ignore[attr-defined]


class OrderForm(forms.Form):
    organization = UnitField(label="整改单位")
    finding = forms.CharField(label="发现的问题", widget=forms.Textarea(attrs={"rows": 3}))
    requirement = forms.CharField(label="整改要求", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    deadline = forms.DateField(label="整改期限", widget=DATE)

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = units  # type: ignore[attr-defined]


class OrderEditForm(forms.Form):
    """Correcting an open order (the unit it names stays); carries the version it was opened at."""

    finding = forms.CharField(label="发现的问题", widget=forms.Textarea(attrs={"rows": 3}))
    requirement = forms.CharField(label="整改要求", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    deadline = forms.DateField(label="整改期限", widget=DATE)

    def __init__(self, *args: Any, order: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial", {"finding": order.finding, "requirement": order.requirement, "deadline": order.deadline}
        )
        super().__init__(*args, **kwargs)
        versioned(self, order)


class FollowUpForm(forms.Form):
    follow_up = forms.CharField(label="整改情况", widget=forms.Textarea(attrs={"rows": 5}))
    evidence = EvidenceField()

    def __init__(self, *args: Any, order: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"follow_up": order.follow_up})
        super().__init__(*args, **kwargs)
        versioned(self, order)


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(label="核验结论", choices=[("close", "核验通过，销号"), ("return", "退回重改")])
    verification = forms.CharField(label="核验意见", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("verification") or "").strip():
            self.add_error("verification", "退回时须写明核验意见。")
        return data


class MeetingForm(forms.Form):
    title = forms.CharField(label="会议名称", max_length=200)
    held_on = forms.DateField(label="召开日期", widget=DATE)
    members = UnitsField(label="成员单位", groups=True)
    minutes = forms.CharField(label="会议纪要", widget=forms.Textarea(attrs={"rows": 6}), required=False)
    decisions = forms.CharField(
        label="议定事项", widget=forms.Textarea(attrs={"rows": 4}), required=False, help_text="每行一项。"
    )

    def __init__(self, *args: Any, units: Any, meeting: Any = None, **kwargs: Any) -> None:
        if meeting is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": meeting.title,
                    "held_on": meeting.held_on,
                    "members": [o.pk for o in meeting.members.all()],
                    "minutes": meeting.minutes,
                },
            )
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = units  # type: ignore[attr-defined]
        if meeting is not None:
            self.fields["decisions"].label = "新增议定事项"
            self.fields["decisions"].help_text = "每行一项；已有的议定事项不变。"
            versioned(self, meeting)

    def clean_decisions(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data.get("decisions", "").splitlines() if line.strip()]


class DecisionTaskForm(forms.Form):
    plan = forms.ModelChoiceField(queryset=Plan.objects.none(), label="纳入规划")
    seq = forms.CharField(label="任务序号", max_length=32)
    text = forms.CharField(label="任务内容", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    lead_units = UnitsField(label="牵头单位")
    responsible_units = UnitsField(label="责任单位", required=False)
    deadline = forms.DateField(label="完成时限", widget=DATE, required=False)

    def __init__(self, *args: Any, plans: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans  # type: ignore[attr-defined]
        self.fields["plan"].widget = plan_widget(plans)  # a province's hundreds of plans: searched
        self.fields["lead_units"].queryset = units  # type: ignore[attr-defined]
        self.fields["responsible_units"].queryset = units  # type: ignore[attr-defined]
