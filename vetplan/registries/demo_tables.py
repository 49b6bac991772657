"""The demo county's registry records as tables: majors per school, staff, enterprises, courses, certificates.

Read by `demo_data.py`, which turns them into records (see its docstring for what they show).
"""

from __future__ import annotations

import datetime as dt

from vetplan.registries.models import Certificate, Cooperation, Recognition, TrainingCourse

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建文晨宇欣怡浩然子涵思雨俊杰佳琪梓轩雪婷"

# school short name → its majors: (code, opened, closed or None, 重点产业 served or "", share of the students)
MAJORS: dict[str, list[tuple[str, int, int | None, str, int]]] = {
    "县职教中心": [
        ("660301", 2008, None, "装备制造", 14), ("660103", 2010, None, "装备制造", 10),
        ("660105", 2016, None, "装备制造", 6), ("710201", 2006, None, "电子信息", 12),
        ("710103", 2012, None, "电子信息", 9), ("730701", 2017, None, "商贸物流", 9),
        ("730801", 2019, None, "商贸物流", 6), ("610112", 2009, None, "现代农业", 8),
        ("610113", 2014, None, "现代农业", 6), ("610301", 2011, None, "现代农业", 5),
        ("730301", 2006, None, "", 8), ("740201", 2013, None, "", 7), ("680402", 2006, 2022, "", 0),
    ],
    "县一职高": [
        ("710201", 2005, None, "电子信息", 16), ("710210", 2015, None, "电子信息", 10),
        ("730701", 2018, None, "商贸物流", 12), ("790303", 2020, None, "康养服务", 11),
        ("720201", 2012, None, "康养服务", 14), ("740101", 2016, None, "文化旅游", 9),
        ("700206", 2010, None, "商贸物流", 10), ("770101", 2019, None, "", 12), ("730301", 2005, None, "", 6),
    ],
    "县技工学校": [
        ("700206", 2009, None, "商贸物流", 26), ("660103", 2011, None, "装备制造", 24),
        ("640402", 2017, None, "装备制造", 16), ("610113", 2013, None, "现代农业", 18), ("740201", 2015, None, "", 16),
    ],
}  # fmt: skip
# school short name → (专任 专业课, 专任 实习指导, 专任 公共基础课, 兼职, 外聘, 双师型, students per grade)
STAFF = {
    "县职教中心": (84, 6, 32, 19, 6, 62, 590),
    "县一职高": (66, 4, 12, 15, 4, 48, 440),
    "县技工学校": (42, 4, 10, 9, 3, 32, 265),
}
PRACTICE_SHORT = 0.2  # the share of 专业课教师 short of 180 days in the five years
# enterprise short name → (信用代码 serial, 行业代码, {year: (staff, 规上, posts offered)}, recognition or None);
# year 0 is the current year, when 顺达物流 enters the 规上 statistics with 3 posts of the 6 it owes, and the
# county's posts still come to 2% of its 规上 staff (38 of 1,900), as the plan asks.
ENTERPRISES: dict[str, tuple[str, str, dict[int, tuple[int, bool, int]], tuple[str, dt.date, str] | None]] = {
    "县华信机械": (
        "0000001",
        "3421",
        {2024: (800, True, 14), 2025: (800, True, 16), 0: (800, True, 17)},
        (Recognition.Level.PROVINCIAL, dt.date(2023, 4, 20), "示范省发展和改革委员会"),
    ),
    "县绿源农业": (
        "0000002",
        "0141",
        {2024: (300, True, 5), 2025: (300, True, 6), 0: (300, True, 6)},
        (Recognition.Level.CITY, dt.date(2025, 5, 28), "示范市发展和改革委员会"),
    ),
    "县星河电子": ("0000003", "3989", {2024: (500, True, 9), 2025: (500, True, 10), 0: (500, True, 10)}, None),
    # Not 规上 and offering no posts before this year: their earlier rows add nothing to the county's sums,
    # but they keep those years complete (a unit that reports once owes the data set every year).
    "县康宁养老": (
        "0000004",
        "8514",
        {**{y: (45 + 5 * (y - 2021), False, 0) for y in range(2021, 2026)}, 0: (70, False, 2)},
        None,
    ),
    "县顺达物流": (
        "0000005",
        "5431",
        {**{y: (150 + 20 * (y - 2021), False, 0) for y in range(2021, 2026)}, 0: (300, True, 3)},
        None,
    ),
}
# (enterprise, school, major, kind, headcount) for the current year
COOPERATIONS = [
    ("县华信机械", "县职教中心", "660301", Cooperation.Kind.ORDER_CLASS, 42),
    ("县华信机械", "县技工学校", "660103", Cooperation.Kind.APPRENTICESHIP, 24),
    ("县星河电子", "县职教中心", "710103", Cooperation.Kind.TRAINING_BASE, 60),
    ("县星河电子", "县一职高", "710201", Cooperation.Kind.ORDER_CLASS, 36),
    ("县绿源农业", "县职教中心", "610112", Cooperation.Kind.JOINT_MAJOR, 30),
    ("县康宁养老", "县一职高", "790303", Cooperation.Kind.APPRENTICESHIP, 18),
]
OTHER_HOSTS = ["示范市宏达汽车服务有限公司", "示范市仁和医院", "示范市云帆电子商务有限公司", "示范市锦江酒店有限公司"]
# provider short name → (kind, [(course, trainees per class, classes)]): about 3,450 person-times this year,
# up from the indicator demo's 3,300 in 2025
COURSES = {
    "县人社局": (TrainingCourse.ProviderKind.HR, [
        ("电工职业技能培训", 80, 6), ("焊工职业技能培训", 60, 5), ("养老护理员培训", 70, 5),
        ("育婴员培训", 60, 4), ("电子商务师（农村电商）培训", 90, 5), ("中式烹调师培训", 50, 4),
        ("家政服务员培训", 60, 3), ("叉车司机培训", 40, 4),
    ]),
    "县职教中心": (TrainingCourse.ProviderKind.SCHOOL, [
        ("数控车工技能提升培训", 40, 5), ("电子商务直播带货培训", 60, 4), ("退役军人适应性技能培训", 45, 3),
        ("高素质农民培育（设施蔬菜）", 50, 4), ("农机操作与维修培训", 40, 3),
    ]),
    "县一职高": (TrainingCourse.ProviderKind.SCHOOL, [("老年照护培训", 40, 3), ("幼儿照护培训", 35, 2)]),
}  # fmt: skip
CERTIFICATES = {  # 专业大类 → (kind, name, level, issuer)
    "装备制造大类": (Certificate.Kind.ONE_PLUS_X, "工业机器人操作与运维", "初级", "1+X证书培训评价组织"),
    "电子与信息大类": (Certificate.Kind.ONE_PLUS_X, "Web前端开发", "初级", "1+X证书培训评价组织"),
    "财经商贸大类": (Certificate.Kind.ONE_PLUS_X, "网店运营推广", "初级", "1+X证书培训评价组织"),
    "农林牧渔大类": (Certificate.Kind.SKILL, "农业技术员", "四级/中级工", "示范省职业技能鉴定中心"),
    "医药卫生大类": (Certificate.Kind.ONE_PLUS_X, "老年照护", "初级", "1+X证书培训评价组织"),
    "公共管理与服务大类": (Certificate.Kind.ONE_PLUS_X, "老年照护", "初级", "1+X证书培训评价组织"),
    "交通运输大类": (Certificate.Kind.ONE_PLUS_X, "汽车运用与维修", "初级", "1+X证书培训评价组织"),
    "教育与体育大类": (Certificate.Kind.ONE_PLUS_X, "幼儿照护", "初级", "1+X证书培训评价组织"),
}
DEFAULT_CERTIFICATE = (Certificate.Kind.SKILL, "电工", "五级/初级工", "示范省职业技能鉴定中心")

DUAL_BODIES = {"junior": "示范县教育体育局", "intermediate": "示范市教育局", "senior": "示范省教育厅"}

# 专业大类 → the local enterprise that takes its interns
HOSTS = {
    "装备制造大类": "县华信机械",
    "电子与信息大类": "县星河电子",
    "农林牧渔大类": "县绿源农业",
    "公共管理与服务大类": "县康宁养老",
    "财经商贸大类": "县顺达物流",
}
