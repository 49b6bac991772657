"""Reading the unit names plans use (责任单位, 牵头单位). Pure, no Django.

Plans name the same unit many ways (区教体局 / 区教育体育局 / 教体局, 县人社局 /
县人力资源和社会保障局), name units of other jurisdictions with the same words (in a 县
plan, 县教育局 is the county's bureau and 市教育局 the city's), and name groups and fields
rather than units (各乡镇, 各职业院校, 相关部门, a bare 教育 or 财政). `parse_unit_name`
takes a name apart into what the resolver needs:

- `level`: the jurisdiction a bare prefix points at (县/区/旗 → county, 市/州 → city,
  省 → province), or the named region it starts with (`region_name`: 示范县, 内黄县);
- `core`: the rest in a canonical form where full names and abbreviations meet
  (人力资源和社会保障局 → 人社局, 发展和改革委员会 → 发改委);
- `group`: a generic phrase (all townships, all schools, all departments, every county's
  government) or one to ignore (相关部门, 各有关单位): never an organisation of its own;
- `field`: a bare field word (教育, 财政, 扶贫): the department that holds that field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

PROVINCE, CITY, COUNTY, TOWNSHIP = "province", "city", "county", "township"
LEVEL_OF_WORD = {"省": PROVINCE, "市": CITY, "州": CITY, "盟": CITY, "县": COUNTY, "区": COUNTY, "旗": COUNTY}

# Groups: generic phrases that name several units, or none in particular.
TOWNSHIPS, SCHOOLS, DEPARTMENTS, COUNTY_GOVERNMENTS, IGNORE = (
    "townships",
    "schools",
    "departments",
    "county_governments",
    "ignore",
)
GROUP_LABELS = {
    TOWNSHIPS: "各乡镇（街道）",
    SCHOOLS: "各职业院校",
    DEPARTMENTS: "各部门",
    COUNTY_GOVERNMENTS: "各县（市、区）政府",
    IGNORE: "泛指，不对应具体单位",
}
_GROUPS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        TOWNSHIPS,
        re.compile(r"^各?(?:乡镇|乡|镇|街道|办事处|镇街|乡镇街道|镇街道|乡镇办事处|乡镇街道办事处)(?:人民政府|政府)?$"),
    ),
    (TOWNSHIPS, re.compile(r"^各(?:乡|镇|乡镇|街道)(?:\([^)]*\))?(?:人民政府|政府|办事处)?$")),
    (
        SCHOOLS,
        re.compile(
            r"^各?(?:级各类)?(?:中等|高等)?(?:职业院校|职业学校|中职学校|职业技术学校|技工院校|技工学校|高职院校|院校|学校)$"
        ),
    ),
    (DEPARTMENTS, re.compile(r"^(?:[县区市旗]直|[县区市旗]政府|政府)?各(?:部门|单位|委办局)$")),
    (COUNTY_GOVERNMENTS, re.compile(r"^各?县(?:\([^)]*\)|市区|区市|区)(?:人民政府|政府)?$")),
    (COUNTY_GOVERNMENTS, re.compile(r"^各县(?:人民政府|政府)?$")),
    (IGNORE, re.compile(r"相关|有关|其他|其它|成员单位|专班|领导小组|各级|社会各界|各地|各类|等部门$|等单位$")),
)

# Canonical forms, longest first: both the plan's names and the organisations' names pass
# through them, so `人力资源和社会保障局`, `人力资源社会保障局` and `人社局` meet.
_CANONICAL: tuple[tuple[str, str], ...] = (
    ("中国共产党", ""),
    ("中共", ""),
    ("国家税务总局", ""),
    ("人民政府", "政府"),
    ("科技和工业信息化", "科工"),
    ("科学技术和工业信息化", "科工"),
    ("人力资源和社会保障", "人社"),
    ("人力资源社会保障", "人社"),
    ("发展和改革", "发改"),
    ("发展改革", "发改"),
    ("教育和体育", "教体"),
    ("教育体育", "教体"),
    ("工业和信息化", "工信"),
    ("工业信息化", "工信"),
    ("经济和信息化", "经信"),
    ("科学技术", "科技"),
    ("住房和城乡建设", "住建"),
    ("住房城乡建设", "住建"),
    ("自然资源和规划", "自然资源"),
    ("卫生和健康", "卫健"),
    ("卫生健康", "卫健"),
    ("退役军人事务", "退役军人"),
    ("文化广电和旅游", "文旅"),
    ("文化广电旅游", "文旅"),
    ("文化和旅游", "文旅"),
    ("文广旅", "文旅"),
    ("市场监督管理", "市场监管"),
    ("地方金融监督管理", "地方金融监管"),
    ("机构编制委员会办公室", "编办"),
    ("委编办", "编办"),
    ("编委办", "编办"),
    ("妇女联合会", "妇联"),
    ("残疾人联合会", "残联"),
    ("科学技术协会", "科协"),
    ("工商业联合会", "工商联"),
    ("共青团", "团"),
    ("委员会", "委"),
    ("办公室", "办"),
)
# A field word and the canonical name stems of the departments that may hold it: a county
# that merged education and sports has a 教体局, one that renamed its 扶贫办 a 乡村振兴局.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "教育": ("教育", "教体"),
    "体育": ("体育", "教体", "文体"),
    "扶贫": ("扶贫", "乡村振兴"),
    "乡村振兴": ("乡村振兴", "扶贫"),
    "科技": ("科技", "科工"),
    "工信": ("工信", "科工", "经信"),
    "工业": ("工信", "科工", "经信"),
    "文旅": ("文旅", "文广新", "文体旅"),
    "农业": ("农业农村", "农业"),
    "农业农村": ("农业农村", "农业"),
    "人社": ("人社",),
    "发改": ("发改",),
    "财政": ("财政",),
    "民政": ("民政",),
    "住建": ("住建",),
    "税务": ("税务",),
}
# What ends the name of an organisation (局, 委, 中心 ...), as opposed to a field word.
UNIT_ENDINGS = (
    "局", "委", "办", "府", "部", "门", "会", "处", "心", "校", "院", "室", "团", "联", "协",
    "社", "站", "所", "队", "厅", "署", "司", "组", "行", "镇", "乡", "街道", "高", "中", "园",
    "馆", "企业", "公司", "集团", "基地", "大", "专", "职",
)  # fmt: skip
DEPARTMENT_ENDINGS = ("局", "委", "办")
_NOISE = re.compile(r"[\s\u3000“”\"'《》<>【】\[\]·•]")
_BRACKETED = re.compile(r"\([^()]*\)")
# 市场监管局 starts with 市 but is no city's; 县域, 县级, 区属 ... are not prefixes either.
_NOT_A_PREFIX = re.compile(r"^(?:市场|[县区市]域|[县区市省]级|[县区市]属|区块)")
# A name that starts with another region's own name: 内黄县政府, 安阳市教育局.
_NAMED_REGION = re.compile(r"^([\u4e00-\u9fff]{2,6}?(?:自治县|自治州|省|市|县|区|旗|州|盟))(?=\S)")
_NOT_A_REGION_STEM = re.compile(r"园|开发|高新|经济|工业|新区|景|片|社|校|城|服务|中心|职业|学|社区|试验|示范|功能")
_INSTITUTION_TAIL = re.compile(r"(?:政府|局|委|办|人大|政协|法院|检察院|部|厅|总工会|团委|妇联|残联|科协)$")


@dataclass(frozen=True)
class UnitName:
    raw: str
    core: str  # canonical, without the jurisdiction: 人社局, 教体局, 政府, 一职高
    level: str = ""  # the jurisdiction a bare prefix points at (county, city, province), "" for none
    region_name: str = ""  # the region the name starts with (示范县, 内黄县), "" for none
    group: str = ""  # one of the groups above, "" for a unit
    field: str = ""  # a bare field word (教育, 财政): the department that holds it
    rest: str = ""  # the name after its jurisdiction, as written: 县委编办 → 委编办

    @property
    def stem(self) -> str:
        """The core without its department ending: 人社局 → 人社, for the ending-blind match."""
        for ending in DEPARTMENT_ENDINGS:
            if self.core.endswith(ending) and len(self.core) > len(ending) + 1:
                return self.core[: -len(ending)]
        return self.core

    def fields(self) -> tuple[str, ...]:
        """The stems a department holding this name's field may carry (教育局 → 教育, 教体)."""
        word = self.field or self.stem
        return FIELD_SYNONYMS.get(word, (word,))


def clean(name: str) -> str:
    """Full-width folded (（）→ ()), without whitespace and quotes."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name or ""))


def canonical(text: str) -> str:
    for long, short in _CANONICAL:
        text = text.replace(long, short)
    return text


def group_of(name: str) -> str:
    text = clean(name)
    for group, pattern in _GROUPS:
        if pattern.search(text):
            return group
    return ""


def region_name_variants(name: str) -> list[str]:
    """示范县 → [示范县, 示范]; 环翠区 → [环翠区, 环翠]; the stem only when it has two characters or more."""
    name = clean(name)
    variants = [name] if name else []
    stem = re.sub(r"(?:自治县|自治州|县|区|市|州|旗|盟|省)$", "", name)
    if len(stem) >= 2 and stem != name:
        variants.append(stem)
    return variants


def parse_unit_name(name: str, region_names: Iterable[str] = ()) -> UnitName:
    """Take a unit name apart; `region_names` are the known regions' names and stems, longest first."""
    raw = name
    text = clean(name)
    group = group_of(text)
    text = _BRACKETED.sub("", text) or text  # 市农业局(市畜牧局) → 市农业局
    text = text.replace("国家税务总局", "").removeprefix("中共").removeprefix("中国共产党")
    region_name = ""
    for known in region_names:
        if text.startswith(known) and len(text) > len(known) + 1:
            region_name, text = known, text[len(known) :]
            break
    level = ""
    if not region_name:
        named = _NAMED_REGION.match(text)
        after = text[named.end() :] if named else ""
        if named and _INSTITUTION_TAIL.search(after) and not _NOT_A_REGION_STEM.search(named.group(1)):
            region_name, text = named.group(1), after
    if len(text) == 3 and text[0] == "团" and text[1] in LEVEL_OF_WORD and text[2] == "委":
        level, text = LEVEL_OF_WORD[text[1]], "团委"  # 团县委 → the county's 团委
    elif not region_name and text[:1] in LEVEL_OF_WORD and len(text) >= 3 and not _NOT_A_PREFIX.match(text):
        level, text = LEVEL_OF_WORD[text[0]], text[1:]
    rest = text
    if text.startswith("委") and len(text) >= 3:
        text = text[1:]  # 县委编办 → 编办, 区委组织部 → 组织部
    core = canonical(text)
    is_field = not group and not level and not region_name and 2 <= len(text) <= 10 and not text.endswith(UNIT_ENDINGS)
    field = core if is_field else ""
    return UnitName(raw, core, level, region_name, group, field, rest)


def unit_key(name: str, region_names: Iterable[str] = ()) -> str:
    """The matching key of a name: `示范县教体局`, `县教体局`, `县教育体育局` and `教体局` give `教体局`."""
    return parse_unit_name(name, region_names).core or clean(name)


def region_prefixes(region_names: Iterable[str]) -> list[str]:
    """Name variants of regions a unit may be prefixed with, longest first (示范县, 示范)."""
    variants = {variant for name in region_names for variant in region_name_variants(name)}
    return sorted(variants, key=len, reverse=True)
