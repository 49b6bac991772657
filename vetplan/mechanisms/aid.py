"""Student aid: a school's payment roster per term (免学费, 国家助学金, 雨露计划) from its student records.

`generate` applies the rules (`vetplan.policy.aid`) to the school's students for the term with
the parameters in force that year and stores the roster, each award with the parameter
version it used; a regenerated roster keeps the awards the school took off (with the reason).
`not_on_roster` lists the students who look eligible now but are not on the stored roster
(new 脱贫户 flags, a student added after it was made, or taken off), so nobody is missed. The
year's totals per school (amounts and students) are written as figures for the indicators.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Sum

from vetplan.mechanisms import parameters
from vetplan.mechanisms.figures import save_figures
from vetplan.mechanisms.models import AidAward, AidRoster, SchoolCategory
from vetplan.orgs.models import Organization
from vetplan.policy.aid import Award, Pupil, roster
from vetplan.policy.params import ParameterTable
from vetplan.registries.models import Student

KIND_OF = {"免学费": AidAward.Kind.FEE, "国家助学金": AidAward.Kind.GRANT, "雨露计划": AidAward.Kind.YULU}
FIGURES = {
    AidAward.Kind.FEE: ("aid_fee_amount", "aid_fee_students"),
    AidAward.Kind.GRANT: ("aid_national_amount", "aid_national_students"),
    AidAward.Kind.YULU: ("aid_yulu_roster_amount", "aid_yulu_roster_students"),
}


def grade_in(student_enrolment_year: int, year: int, term: int) -> int:
    """The grade in a term: 2026 autumn for a 2026 entrant is grade 1, 2027 spring still grade 1."""
    return year - student_enrolment_year + (1 if term == AidRoster.Term.AUTUMN else 0)


def pupils(school: Organization, year: int, term: int, params: ParameterTable) -> tuple[list[Pupil], dict[str, int]]:
    """The school's students as the rules see them in the term; and 学籍号 → student id."""
    stored_fee = SchoolCategory.objects.filter(school=school).values_list("tuition_fee", flat=True).first()
    fee = float(stored_fee) if stored_fee is not None else params.value("aid.tuition_fee", year)
    rows = Student.objects.filter(school=school).values_list(
        "pk",
        "student_number",
        "name",
        "enrolment_year",
        "status",
        "family_difficulty",
        "poverty",
        "school_major__major__category",
        "school_major__major__name",
    )
    out, ids = [], {}
    for pk, number, name, entered, status, difficulty, poverty, category, major in rows.iterator(chunk_size=5000):
        ids[number] = pk
        out.append(
            Pupil(
                key=number,
                name=name,
                grade=grade_in(entered, year, term),
                enrolled=status == Student.Status.ENROLLED,
                agricultural=bool(category and "农林牧渔" in category) or bool(major and "农业" in major),
                difficulty=difficulty,
                poverty=poverty,
                fee=fee,
            )
        )
    return out, ids


def _explanation(award: Award) -> dict[str, Any]:
    return asdict(award.explanation)


@transaction.atomic
def generate(school: Organization, year: int, term: int, *, by: Any, params: ParameterTable | None = None) -> AidRoster:
    """Make (or remake) the school's roster for the term; what the school took off stays off."""
    params = params or parameters.table()
    students, ids = pupils(school, year, term, params)
    awards = roster(students, params, year)
    sheet, _ = AidRoster.objects.select_for_update().get_or_create(school=school, year=year, term=term)
    removed = {
        (student, kind): reason
        for student, kind, reason in sheet.awards.exclude(removed_reason="").values_list(
            "student_id", "kind", "removed_reason"
        )
    }
    sheet.awards.all().delete()
    versions = sorted({award.parameter_version for award in awards if award.parameter_version})
    sheet.parameter_version = ",".join(versions)[:200]
    sheet.generated_by = by
    sheet.save()
    AidAward.objects.bulk_create(
        (
            AidAward(
                roster=sheet,
                student_id=ids[award.pupil],
                kind=KIND_OF[award.kind],
                amount=Decimal(str(award.amount_per_term)),
                parameter_version=award.parameter_version,
                explanation=_explanation(award),
                removed_reason=removed.get((ids[award.pupil], KIND_OF[award.kind]), ""),
            )
            for award in awards
        ),
        batch_size=5000,
    )
    write_figures([school.pk], [year], by=by)
    return sheet


@transaction.atomic
def remove(award: AidAward, reason: str, *, by: Any) -> AidAward:
    reason = reason.strip()
    if not reason:
        raise ValueError("请填写移出名册的原因")
    award.removed_reason = reason[:100]
    award.save(update_fields=["removed_reason"])
    write_figures([award.roster.school_id], [award.roster.year], by=by)
    return award


@transaction.atomic
def restore(award: AidAward, *, by: Any) -> AidAward:
    award.removed_reason = ""
    award.save(update_fields=["removed_reason"])
    write_figures([award.roster.school_id], [award.roster.year], by=by)
    return award


def write_figures(school_ids: Iterable[int], years: Iterable[int], *, by: Any) -> int:
    """The year's aid paid per school (both terms' rosters, taken-off awards excluded)."""
    school_ids, years = list(school_ids), list(years)
    figures: dict[tuple[int, int], dict[str, float]] = defaultdict(dict)
    for school, year in ((s, y) for s in school_ids for y in years):
        for amount_code, students_code in FIGURES.values():
            figures[(school, year)].update({amount_code: 0.0, students_code: 0.0})
    rows = (
        AidAward.objects.filter(roster__school_id__in=school_ids, roster__year__in=years, removed_reason="")
        .values_list("roster__school_id", "roster__year", "kind")
        .annotate(amount=Sum("amount"), students=Count("student_id", distinct=True))
        .order_by()
    )
    for school, year, kind, amount, students in rows:
        amount_code, students_code = FIGURES[kind]
        figures[(school, year)].update({amount_code: float(amount), students_code: students})
    return save_figures(figures, by=by, where="资助发放名册")


@dataclass(frozen=True)
class Missing:
    student_id: int
    student_number: str
    name: str
    kind: str
    amount: Decimal
    reason: str  # why it is not on the roster: 移出原因, or 名册生成后新符合条件
    explanation: dict[str, Any]


def not_on_roster(sheet: AidRoster, params: ParameterTable | None = None) -> list[Missing]:
    """Students who look eligible now but are not (or no longer) on the roster."""
    params = params or parameters.table()
    students, ids = pupils(sheet.school, sheet.year, sheet.term, params)
    on = {}
    for student, kind, reason in sheet.awards.values_list("student_id", "kind", "removed_reason"):
        on[(student, kind)] = reason
    names = {pupil.key: pupil.name for pupil in students}
    out = []
    for award in roster(students, params, sheet.year):
        key = (ids[award.pupil], KIND_OF[award.kind])
        if key in on and not on[key]:
            continue
        out.append(
            Missing(
                ids[award.pupil],
                award.pupil,
                names[award.pupil],
                award.kind,
                Decimal(str(award.amount_per_term)),
                f"已移出：{on[key]}" if on.get(key) else "名册生成后新符合条件（或名册生成时未在册）",
                _explanation(award),
            )
        )
    return out
