"""Indicator names: a short Chinese name of what a number measures, built from its sentence.

The string rules here are shared by `targets._indicator`, which picks the rule that fits a
mention (proportion of a base, amount standard, frequency, duration, parallel items …).
They only reshape words of the sentence; nothing is looked up per document.
"""

from __future__ import annotations

import re

# Verbs that say what is counted (新建 2 所, 认定 2 个 ≠ 2 所, 2 个), kept in front of the counted object.
# Plain build verbs (建设, 打造, 培育 …) are dropped: the object names the indicator.
KEEP_VERBS = re.compile(r"新建|新增|认定|加入|掌握|完成|引进|举办|选派|开设|申报|遴选")
_BUILD_VERB = re.compile(r"^(?:建成|建设|打造|创建|培育|培养|建立|组建|成立|设立|争创|创成|办好)")
_ANYWHERE = re.compile(r"原则上")
_LEADING = re.compile(
    r"^(?:切实|认真|进一步|逐步|积极|大力|着力|落实好?|可以|可(?!持续|视)|允许|支持|鼓励|按照|按|开展|打造|将|把)+"
)
_MODAL = re.compile(r"要|应|须|必须")
_GENERIC = re.compile(
    r"^(?:每[生人年月校]|左右|上下|以上|以下|以内|政策|要求|规定|目标|标准|水平|工作|任务|的|[和及与或、])*$"
)
_TRAILING_GENERIC = re.compile(r"(?:的)?(?:政策|规定|要求)$")
# Words of tax and fee provisions that qualify the object but do not name it.
_FILLERS = re.compile(r"该(?:企业|单位|学校)|当年|应缴|应交|应纳")
# '等' closes a list ('…经费等国家、省有关政策'), but not inside 中等, 高等, 同等 …
_LIST_END = re.compile(r"(?<![中高初同平对均])等(?![级次同于])")
_ACTION_LEAD = re.compile(r"^\s*(?:及|或)?(?:以上|以下|以内|左右|上下)?\s*(?:的)?(?:比例|比重)?\s*")
_RATE_END = re.compile(r"(?:率|比例|比重|占比|比|度|水平|覆盖面|指数|份额)$")
_COUNT_UNITS = ("所", "个", "家", "支")
ABBREVIATIONS = {"中职": "中等职业学校", "高职": "高等职业院校"}
_ATTRIBUTE = re.compile(r"^(?:建筑面积|占地面积|校舍面积|年招生|招生人数|招生规模|全日制|在校生|办学规模)")
_INSTITUTION = re.compile(r"^([\u4e00-\u9fff]{2,14}?(?:校区|中心|学校|学院|分校|职高|园区))")
_INSTITUTION_VERBS = re.compile(r"^(?:加快|推进|推动|支持|加大|实施|完成|加强|扩大|办好)+")


def is_generic(name: str) -> bool:
    """True for names made only of function words: 左右, 政策, 每生每年 …"""
    return bool(_GENERIC.match(name.strip(" 、，,（()）")))


def strip_parentheses(text: str) -> str:
    """Strip edge punctuation, keeping a closing bracket that matches an opening one."""
    text = text.strip(" 、，,")
    while text and text[-1] in "（(":
        text = text[:-1].rstrip(" 、，,")
    while text and text[0] in "）)":
        text = text[1:].lstrip(" 、，,")
    while text and text[-1] in "）)" and text.count("（") + text.count("(") < text.count("）") + text.count(")"):
        text = text[:-1]
    while text and text[0] in "（(" and text.count("）") + text.count(")") < text.count("（") + text.count("("):
        text = text[1:]
    return text.strip(" 、，,")


def cut_open_parenthesis(text: str) -> str:
    """'（中职' at the end of a suffix opens an annotation of the next number: drop it."""
    for opening, closing in (("（", "）"), ("(", ")")):
        if text.count(opening) > text.count(closing):
            text = text[: text.rfind(opening)]
    return text


def tidy(name: str) -> str:
    """Drop leading adverbs and verbs (可, 允许, 切实落实, 按照 …) and 原则上 wherever it is."""
    name = _ANYWHERE.sub("", name)
    previous = None
    while previous != name:
        previous = name
        name = _LEADING.sub("", strip_parentheses(name))
    return strip_parentheses(name)


def subject(text: str) -> str:
    """Who applies a proportion: '企业可', '规模以上企业原则上' → '企业', '规模以上企业'."""
    return re.sub(r"(?:可以|可|应当|应|要|须|均)+$", "", tidy(text))


def drop_build_verb(name: str) -> str:
    """'建成市级“双优”中职学校' → '市级“双优”中职学校': the object names what is counted."""
    rest = _BUILD_VERB.sub("", name)
    return rest if len(rest) >= 2 else name


def drop_modals(text: str) -> str:
    return _MODAL.sub("", text)


def action(text: str) -> str:
    """What a proportion is applied to: '的比例，抵免该企业当年应缴教育费附加' → '抵免教育费附加'."""
    text = _ACTION_LEAD.sub("", text)
    text = _LIST_END.split(text, maxsplit=1)[0]
    text = _FILLERS.sub("", text)
    text = _TRAILING_GENERIC.sub("", text.strip(" 、，,"))
    return strip_parentheses(text)


def proportion(subject: str, base: str, applied: str) -> str:
    """'企业按职工总数的2%设置实习岗位' → '企业按职工总数设置实习岗位的比例'."""
    body = f"{base}{applied}"
    return f"{subject}按{body}的比例" if subject else f"{body}的比例"


def standard(obj: str) -> str:
    """'每生每年2000元标准发放国家助学金' → '国家助学金标准'."""
    obj = strip_parentheses(obj)
    return obj if obj.endswith("标准") else f"{obj}标准"


def merge_overlap(left: str, right: str) -> str:
    """Join two phrases, writing once what ends one and starts the other ('到企业' + '企业实践')."""
    for size in range(min(len(left), len(right)), 0, -1):
        if left.endswith(right[:size]):
            return left + right[size:]
    return left + right


def duration(subject: str, obj: str) -> str:
    """'专业课教师每5年到企业开展6个月的企业实践' → '专业课教师每5年到企业实践时间'."""
    name = merge_overlap(subject, obj)
    return name if name.endswith(("时间", "时长", "学时", "课时")) else f"{name}时间"


def frequency(obj: str, verb: str, earlier: str) -> str:
    """'每年至少召开2次会议' → '会议召开次数', widened by an earlier '联席会议'."""
    if len(obj) <= 3:
        wider = re.findall(rf"([\u4e00-\u9fff]{{2}}){re.escape(obj)}", earlier)
        if wider:
            obj = wider[-1] + obj
    return f"{obj}{verb}次数"


def distribute(subjects: str) -> list[str]:
    """'中、高等职业院校毕业生就业率' → ['中等职业院校毕业生就业率', '高等职业院校毕业生就业率']."""
    parts = [part for part in re.split(r"、|和|与|及", subjects) if part]
    if len(parts) < 2:
        return parts
    last = parts[-1]
    return [part + last[len(part) :] if len(part) < len(last) else part for part in parts[:-1]] + [last]


def expand(name: str) -> str:
    """A bare abbreviation (中职, 高职) names the school type in full."""
    return ABBREVIATIONS.get(name, name)


def count_of(name: str, unit: str) -> str:
    """A subject counted in 所/个 ('职业院校调整到13所') is the number of them: '职业院校数'."""
    if unit in _COUNT_UNITS and not name.endswith(("数", "量")):
        return f"{name}数"
    return name


def rate_of(name: str) -> str:
    """A percentage of a subject: 'A占B' → 'A占B的比例', '专业教师“双师型”' → '…比例'."""
    if _RATE_END.search(name):
        return name
    return f"{name}的比例" if "占" in name else f"{name}比例"


def with_institution(name: str, earlier: str) -> str:
    """An attribute (建筑面积, 年招生人数 …) of the institution the sentence opens with."""
    if not _ATTRIBUTE.match(name) or not earlier:
        return name
    first = _INSTITUTION_VERBS.sub("", re.split(r"[，,；;：:]", earlier)[0])
    match = _INSTITUTION.match(first)
    return match.group(1) + name if match else name
