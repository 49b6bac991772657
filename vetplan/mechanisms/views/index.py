"""政策机制: the overview of the plans' mechanisms with the county's headline figures."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from vetplan.mechanisms.views.common import user_region

SECTIONS = [
    (
        "办学条件达标",
        "mechanisms:conditions",
        "各校校园占地、校舍、专任教师、仪器设备、图书对照国家标准，逐项判定达标并给出差距。",
    ),
    (
        "教师队伍",
        "mechanisms:teachers",
        "双师型教师比例（分母写明）、兼职教师比例与上限、五年累计企业实践不足六个月的专业课教师。",
    ),
    (
        "产教融合抵免",
        "mechanisms:credit",
        "产教融合型企业按投资额 30% 抵免教育费附加和地方教育附加，逐年结转，撤销认定时补缴。",
    ),
    ("实习岗位", "mechanisms:internships", "规模以上企业按职工总数 2% 设置实习岗位，列出未达标企业。"),
    ("经费", "mechanisms:funding", "教育费附加用于职业教育的比例、生均财政拨款、县级职业教育资金按公式分配。"),
    ("学生资助", "mechanisms:aid", "免学费、国家助学金、雨露计划发放名册，以及符合条件但未在名册中的学生。"),
    (
        "政策参数",
        "mechanisms:parameters",
        "各项标准、比例和金额按年度生效，注明依据；改动下一年度的参数不影响已计算的年度。",
    ),
]


def index(request: HttpRequest) -> HttpResponse:
    region = user_region(request)
    return render(request, "mechanisms/index.html", {"region": region, "sections": SECTIONS})
