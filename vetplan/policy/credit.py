"""产教融合型企业 credit against 教育费附加 and 地方教育附加 (财税〔2019〕46号). Pure.

Each year: `available = 30% × eligible investment + carried in`; `used = min(available, the
year's 教育费附加 + 地方教育附加 payable)`; `carried out = available − used` (no time limit is
stated). When recognition is withdrawn or the investment taken back, the credit already used
for that investment is repaid (claw-back) and what is still carried is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vetplan.policy.explain import Explanation, number
from vetplan.policy.params import ParameterTable


@dataclass(frozen=True)
class CreditYear:
    year: int
    investment: float  # eligible investment of the year (元)
    payable: float  # 教育费附加 + 地方教育附加 payable that year (元)
    withdrawn: bool = False  # recognition withdrawn or the investment taken back this year


@dataclass(frozen=True)
class CreditLine:
    year: int
    rate: float  # %
    earned: float
    carried_in: float
    available: float
    used: float
    carried_out: float
    clawback: float  # credit used earlier to be repaid this year
    parameter_version: str
    explanation: Explanation


def credit_statement(years: Sequence[CreditYear], params: ParameterTable) -> list[CreditLine]:
    lines: list[CreditLine] = []
    carried = 0.0
    used_so_far = 0.0
    for year in sorted(years, key=lambda y: y.year):
        rate = params.get("credit.rate", year.year)
        if year.withdrawn:
            line = CreditLine(
                year.year, rate.value, 0.0, carried, 0.0, 0.0, 0.0, used_so_far, params.version(["credit.rate"], year.year),
                Explanation(
                    "认定撤销或投资撤回：已抵免的金额应补缴，结转余额作废",
                    rate.source,
                    f"补缴 {number(used_so_far, 2)} 元；作废结转 {number(carried, 2)} 元",
                ),
            )  # fmt: skip
            lines.append(line)
            carried, used_so_far = 0.0, 0.0
            continue
        earned = round(year.investment * rate.value / 100, 2)
        available = round(earned + carried, 2)
        used = round(min(available, year.payable), 2)
        out = round(available - used, 2)
        lines.append(
            CreditLine(
                year.year,
                rate.value,
                earned,
                carried,
                available,
                used,
                out,
                0.0,
                params.version(["credit.rate"], year.year),
                Explanation(
                    f"可抵免额 = 投资额 × {number(rate.value)}% + 上年结转；当年抵免 = min(可抵免额, 应缴教育费附加及地方教育附加)",
                    rate.source,
                    f"{number(year.investment, 2)} × {number(rate.value)}% + {number(carried, 2)} = {number(available, 2)}；"
                    f"min({number(available, 2)}, {number(year.payable, 2)}) = {number(used, 2)}；"
                    f"结转 {number(available, 2)} − {number(used, 2)} = {number(out, 2)}",
                    (("投资额", f"{number(year.investment, 2)} 元"), ("应缴附加", f"{number(year.payable, 2)} 元")),
                ),
            )
        )
        carried, used_so_far = out, used_so_far + used
    return lines
