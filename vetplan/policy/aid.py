"""Student aid per student and year: 免学费, 国家助学金 and 雨露计划. Pure.

- 免学费: every full-time 中职 student of grades 1–3 (the approved fee, excluding 住宿费);
- 国家助学金: grades 1–2, studying an 涉农专业 or from a family in economic difficulty; the
  provincial average (1,500 元 until 2019, 2,000 元 from the 2019 autumn term; a parameter);
- 雨露计划: children of 脱贫户 and 监测对象 (an amount set by the province or county; a parameter).
Amounts are per year, paid half per term. Each result records the parameter version it used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from vetplan.policy.explain import Explanation, number
from vetplan.policy.params import ParameterTable

GRANT, YULU = ("aid.national_grant",), ("aid.yulu",)


@dataclass(frozen=True)
class Pupil:
    key: str  # 学籍号
    name: str
    grade: int
    enrolled: bool  # 在籍, full-time
    agricultural: bool  # 涉农专业
    difficulty: bool  # 家庭经济困难
    poverty: str  # "" / lifted (脱贫户) / monitored (监测对象)
    fee: float = 0.0  # the approved tuition fee per year (免学费 amount)


@dataclass(frozen=True)
class Award:
    pupil: str
    kind: str  # 免学费 / 国家助学金 / 雨露计划
    amount_per_year: float
    amount_per_term: float
    parameter_version: str
    explanation: Explanation


@lru_cache(maxsize=1024)
def _fee_explanation(fee: float) -> Explanation:
    return Explanation(
        "中职全日制正式学籍一至三年级学生免学费（不含住宿费）",
        "财教〔2012〕376号 ⚠待核",
        f"学费 {number(fee, 0)} 元/年",
    )


@lru_cache(maxsize=1024)
def _grant_explanation(grade: int, reason: str, amount: float, source: str) -> Explanation:
    return Explanation(
        "一、二年级涉农专业或家庭经济困难学生享受国家助学金",
        source,
        f"{grade}年级、{reason}：{number(amount, 0)} 元/年，每学期 {number(amount / 2, 0)} 元",
    )


@lru_cache(maxsize=1024)
def _yulu_explanation(who: str, amount: float, source: str) -> Explanation:
    return Explanation(
        "脱贫户和监测对象家庭子女就读职业院校享受雨露计划补助", source, f"{who}：{number(amount, 0)} 元/年"
    )


def awards(pupil: Pupil, params: ParameterTable, year: int) -> list[Award]:
    out: list[Award] = []
    if not pupil.enrolled:
        return out
    if 1 <= pupil.grade <= 3 and pupil.fee:
        out.append(Award(pupil.key, "免学费", pupil.fee, round(pupil.fee / 2, 2), "", _fee_explanation(pupil.fee)))
    if pupil.grade in (1, 2) and (pupil.agricultural or pupil.difficulty):
        grant = params.get("aid.national_grant", year)
        reason = "涉农专业" if pupil.agricultural else "家庭经济困难"
        out.append(
            Award(
                pupil.key,
                "国家助学金",
                grant.value,
                round(grant.value / 2, 2),
                params.version(GRANT, year),
                _grant_explanation(pupil.grade, reason, grant.value, grant.source),
            )
        )
    if pupil.poverty in ("lifted", "monitored"):
        yulu = params.get("aid.yulu", year)
        who = "脱贫户" if pupil.poverty == "lifted" else "监测对象"
        out.append(
            Award(
                pupil.key,
                "雨露计划",
                yulu.value,
                round(yulu.value / 2, 2),
                params.version(YULU, year),
                _yulu_explanation(who, yulu.value, yulu.source),
            )
        )
    return out


def roster(pupils: Iterable[Pupil], params: ParameterTable, year: int) -> list[Award]:
    return [award for pupil in pupils for award in awards(pupil, params, year)]


def missing_from_roster(
    pupils: Sequence[Pupil], paid: set[tuple[str, str]], params: ParameterTable, year: int
) -> list[Award]:
    """Awards a student looks eligible for that the payment roster (学籍号, kind) does not have."""
    return [award for award in roster(pupils, params, year) if (award.pupil, award.kind) not in paid]
