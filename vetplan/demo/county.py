"""The fictional 示范县: its regions, units, demo users and sample plan.

Region codes in the 99 range are not used by GB/T 2260, so demo data can never be
mistaken for a real county's.
"""

from __future__ import annotations

from pathlib import Path

from vetplan.orgs.roles import Role

SAMPLE_PLAN = Path(__file__).with_name("sample_plan.txt")

PROVINCE = ("990000", "示范省")
CITY = ("990100", "示范市")
COUNTY = ("990102", "示范县")
TOWNSHIPS = [("990102001", "城关镇"), ("990102002", "东河镇"), ("990102003", "西山乡")]

GOVERNMENT = "示范县人民政府"

# (name, short name, aliases); parent is the county government.
DEPARTMENTS = [
    ("示范县教育体育局", "县教体局", ["教体局", "县教育体育局", "县教育局"]),
    ("示范县人力资源和社会保障局", "县人社局", ["人社局", "县人力资源社会保障局"]),
    ("示范县财政局", "县财政局", []),
    ("示范县发展和改革局", "县发改局", ["发改局", "县发展改革局"]),
    ("国家税务总局示范县税务局", "县税务局", ["税务局"]),
    ("示范县科技和工业信息化局", "县科工局", ["科工局", "县工信局"]),
    ("示范县农业农村局", "县农业农村局", []),
    ("中共示范县委机构编制委员会办公室", "县委编办", ["编办"]),
    ("示范县乡村振兴局", "县乡村振兴局", []),
]
SUPERVISION_OFFICE = ("示范县人民政府教育督导室", "县督导室", ["县政府教育督导室", "县教育督导委员会办公室"])

SCHOOLS = [
    ("示范县职业技术教育中心", "县职教中心", ["职教中心"]),
    ("示范县第一职业高级中学", "县一职高", ["一职高"]),
    ("示范县技工学校", "县技工学校", ["技工学校"]),
]
ENTERPRISES = [
    ("示范县华信机械制造有限公司", "县华信机械", ["华信机械"]),
    ("示范县绿源农业科技有限公司", "县绿源农业", ["绿源农业"]),
    ("示范县星河电子科技有限公司", "县星河电子", ["星河电子"]),
    ("示范县康宁养老服务有限公司", "县康宁养老", ["康宁养老"]),
    ("示范县顺达物流有限公司", "县顺达物流", ["顺达物流"]),
]

# (username, full name, organisation name, role, what they may do)
USERS = [
    ("admin", "系统管理员", GOVERNMENT, Role.ADMIN, "一切，包括用户管理"),
    ("duban", "王督学", SUPERVISION_OFFICE[0], Role.SUPERVISOR, "修改本县规划、目标、任务"),
    ("renshe", "李科长", "示范县人力资源和社会保障局", Role.DEPARTMENT, "更新本局牵头或参与任务的进展"),
    ("zhijiao", "赵老师", "示范县职业技术教育中心", Role.SCHOOL, "更新本校任务进展"),
    ("huaxin", "陈经理", "示范县华信机械制造有限公司", Role.ENTERPRISE, "更新本企业任务进展，填报产教融合投资额"),
    ("fagai", "孙科长", "示范县发展和改革局", Role.DEPARTMENT, "核实产教融合型企业的投资额"),
    ("shuiwu", "周科长", "国家税务总局示范县税务局", Role.DEPARTMENT, "核实企业应缴教育费附加和地方教育附加"),
]
DEMO_PASSWORD = "vetplan-demo"  # noqa: S105 (a published demo login, never a production secret)

# Progress the demo shows: task seq → status.
TASK_STATUS = {"1": "done", "4": "in_progress", "11": "in_progress", "12": "done", "3": "in_progress"}
