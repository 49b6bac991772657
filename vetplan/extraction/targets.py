"""Quantitative provisions: goals, counts, sizes, rates and standing norms.

Each number that carries a unit is read with its comparator (以上 → >=, 以下 → <=, 左右 → ~,
ranges → between, amounts or rates to apply → =), the indicator it measures, and the
deadline from its sentence or from the goal section or list it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import naming
from .deadlines import deadline_near, first_deadline
from .document import Target
from .layout import BULLETS, Block, parse_heading, split_sentences
from .numbers import NUMBER_PATTERN, RANGE_DASHES, is_chinese_numeral, parse_number

UNITS = (
    "万人次", "万平方米", "平方米", "万人", "人次", "万元", "亿元", "元", "个百分点", "百分点",
    "%", "％", "个月", "个", "所", "人", "名", "门", "项", "倍", "种", "家", "支", "座", "套",
    "台", "条", "场", "次", "学时", "课时", "天",
)  # fmt: skip
CHINESE_UNITS = ("所", "个", "种", "名", "门", "项", "倍", "家", "支")
UNIT_NORMAL = {"％": "%", "个月": "月"}
_UNIT = "|".join(re.escape(unit) for unit in UNITS)
_MENTION = re.compile(
    rf"(?P<low>{NUMBER_PATTERN})\s*(?:%|％)?\s*[{RANGE_DASHES}]\s*(?P<high>{NUMBER_PATTERN})\s*(?P<runit>{_UNIT})"
    rf"|(?P<ratio>\d+(?:\.\d+)?)\s*[:：∶]\s*1(?!\d)"
    rf"|(?P<num>{NUMBER_PATTERN})\s*(?P<unit>{_UNIT})"
)
CLAUSE_BREAKS = "，,：:；;。！？"
_AFTER = (
    (re.compile(r"^(?:及|或)?以上"), ">="),
    (re.compile(r"^(?:及|或)?以下|^以内"), "<="),
    (re.compile(r"^(?:左右|上下)"), "~"),
)
_BEFORE = re.compile(
    r"(不低于|不少于|至少|超过|大于|高于|多于|不超过|不高于|不多于|控制在|低于|少于|小于|大约|约|按照|按)"
)
_BEFORE_COMPARATOR = {
    "不超过": "<=", "不高于": "<=", "不多于": "<=", "控制在": "<=", "低于": "<=", "少于": "<=",
    "小于": "<=", "大约": "~", "约": "~", "按照": "=", "按": "=",
}  # fmt: skip
_CONTINUATION = re.compile(rf"^\s*(?:[和、及与或至]|以及)\s*[\u4e00-\u9fff]{{0,4}}\s*{NUMBER_PATTERN}\s*(?:{_UNIT})?")
_PARENTHESIS = re.compile(r"^\s*[（(][^（()）]*[）)]")
_CLOSE = re.compile(r"^[^（(）)]*?[）)]")
_CHINESE_NUMERAL_VERBS = re.compile(
    r"(建成|新建|建设|打造|创建|培育|认定|掌握|培养|设立|开设|组建|成立|新增|增加|达到|扩大|提高到|建立|"
    r"争创|创成|申报|遴选|选派|引进|举办|至少|不少于|超过|发展|办好|设置)$"
)
_PAST = re.compile(r"已经|已有|已建|已达|现有|目前|截至目前|累计|共有|去年|上年")
_QUALIFIER_NOUN = re.compile(r"(?:生|数|工|员|模|值|入|额|资)$")
_NORM_WORDS = re.compile(r"经费|附加|拨款|生均|资金|抵免|补助|助学金|工资|收入|岗位|税")
_INDICATOR_LEAD = re.compile(
    r"^(?:其中|同时|并|力争|争取|确保|努力|全力|实现|推动|要|使|将|把|按照|按|到(?:“?十[三四五]五”?末|\d{4}年(?:年?底|末)?)"
    r"|\d{4}年(?:年?底|末)?(?:前|起)?|“?十[三四五]五”?期间|我区|我县|我市|全区|全县|全市|全省|均)+"
)
_INDICATOR_TAIL = re.compile(
    r"(?:要|均|分别|应|须|必须|原则上|稳定|持续|逐步|力争|争取|达到|达|提高到|提升到|增加到|增至|保持在|保持|"
    r"稳定在|调整到|调整至|扩大|不低于|不少于|至少|超过|大于|高于|不超过|不高于|控制在|低于|约|大约|按照|按|"
    r"为|是|在|的|有|占|建成|新建|建设|打造|创建|培育|认定|培养|设立|开设|组建|成立|新增|增加|建立|再)+$"
)


OBJECT_VERBS = (
    "建成|新建|建设|打造|创建|培育|认定|培养|设立|开设|组建|成立|新增|建立|争创|创成|申报|遴选|引进|举办|完成|开展|"
    "加入|掌握|建|办好"
)
_OBJECT_VERB = re.compile(rf"({OBJECT_VERBS})(?:\s*(?:至少|不少于|超过|约))?$")
_LEADING_VERB = re.compile(rf"^(?:{OBJECT_VERBS})")


@dataclass
class Mention:
    start: int
    end: int
    comparator: str
    value: float | int
    value_max: float | int | None
    unit: str


def _quote_mask(sentence: str) -> list[bool]:
    """True for characters inside “…”, 《…》 or "…" (names and slogans, never targets)."""
    mask: list[bool] = []
    depth = 0
    plain_quote_open = False
    for char in sentence:
        if char in "“《":
            depth += 1
        elif char == '"':
            plain_quote_open = not plain_quote_open
        mask.append(depth > 0 or plain_quote_open)
        if char in "”》":
            depth = max(0, depth - 1)
    return mask


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = max(sentence.rfind(mark, 0, start) for mark in CLAUSE_BREAKS) + 1
    rights = [index for index in (sentence.find(mark, end) for mark in CLAUSE_BREAKS) if index >= 0]
    return left, min(rights) if rights else len(sentence)


def _after_comparator(sentence: str, end: int) -> str | None:
    """Comparator written after the number: 以上, 以下, 左右 — also past '和90%' or '（中职10所）'."""
    rest = sentence[end:]
    for _ in range(6):
        skipped = _CONTINUATION.match(rest) or _PARENTHESIS.match(rest)
        if not skipped:
            break
        rest = rest[skipped.end() :]
    closing = _CLOSE.match(rest)
    if closing and "，" not in closing.group(0):
        rest = rest[closing.end() :]
        paren = _PARENTHESIS.match(rest)
        rest = rest[paren.end() :] if paren else rest
    for pattern, comparator in _AFTER:
        if pattern.match(rest.lstrip()):
            return comparator
    return None


def _before_comparator(prefix: str, unit: str) -> str | None:
    matches = list(_BEFORE.finditer(prefix))
    if matches:
        word = matches[-1].group(1)
        comparator = _BEFORE_COMPARATOR.get(word, ">=")
        if comparator != "=" or "的" in prefix[matches[-1].end() :] or prefix.endswith(word):
            return comparator
    if unit in ("元", "万元") and "每" in prefix:
        return "="
    if re.search(r"每\s*(?:\d+|[一二两三四五])\s*年", prefix):
        return "="
    return None


def _comparator(sentence: str, clause_start: int, start: int, end: int, unit: str) -> str:
    after = _after_comparator(sentence, end)
    if after:
        return after
    if sentence[end:].startswith("的比例") and re.search(r"按", sentence[clause_start:start]):
        return "="
    return _before_comparator(sentence[clause_start:start], unit) or ">="


def _excluded(sentence: str, match: re.Match[str], mask: list[bool], clause_start: int) -> bool:
    start, end = match.start(), match.end()
    prefix = sentence[clause_start:start]
    if mask[start] or sentence[max(0, start - 1) : start] in ("第", "+", "＋"):
        return True
    if sentence[end : end + 1] in ("+", "＋") or re.search(r"具有|具备|工作经历", prefix[-6:]):
        return True
    if _PAST.search(prefix):
        return True
    if re.match(r"\s*(?:以上|以下)的", sentence[end:]) and _QUALIFIER_NOUN.search(prefix):
        return True
    number = match.group("num")
    if number and is_chinese_numeral(number):
        return _chinese_numeral_excluded(prefix, match.group("unit"))
    return False


def _chinese_numeral_excluded(prefix: str, unit: str) -> bool:
    """Chinese numerals count only as objects of a target verb: 新建一所, 至少掌握一种."""
    return unit not in CHINESE_UNITS or prefix.endswith("成为") or not _CHINESE_NUMERAL_VERBS.search(prefix)


def _mention(sentence: str, match: re.Match[str], clause_start: int) -> Mention | None:
    start, end = match.start(), match.end()
    if match.group("ratio"):
        value = parse_number(match.group("ratio"))
        comparator = _comparator(sentence, clause_start, start, end, ":1")
        return None if value is None else Mention(start, end, comparator, value, None, ":1")
    if match.group("low"):
        low, high = parse_number(match.group("low")), parse_number(match.group("high"))
        unit = UNIT_NORMAL.get(match.group("runit"), match.group("runit"))
        if low is None or high is None or low >= high:
            return None
        return Mention(start, end, "between", low, high, unit)
    value = parse_number(match.group("num"))
    unit = UNIT_NORMAL.get(match.group("unit"), match.group("unit"))
    if value is None:
        return None
    return Mention(start, end, _comparator(sentence, clause_start, start, end, unit), value, None, unit)


def _clean_indicator(text: str) -> str:
    text = BULLETS.sub("", text).strip(" 、，,的")
    text = _INDICATOR_LEAD.sub("", text)
    text = _INDICATOR_TAIL.sub("", text)
    return text.strip(" 、，,（(")


_LEVEL_VERB = re.compile(r"(?:调整到|调整至|控制在|压缩到|压减到|达到|保持在|增加到|增至)\s*$")
_PROPORTION_VERB = re.compile(r"^\s*(?:用于|投入|安排|提取)")
_STANDARD = re.compile(r"^\s*(?:的)?(?:标准)?(?:发放|补助|资助|奖励|补贴|给予|拨付)(?P<object>.+)")
_FREQUENCY_VERB = re.compile(r"(召开|举办|举行|开展|组织)\s*(?:至少|不少于)?\s*$")
_DURATION_UNITS = ("月", "天", "学时", "课时")
_DURATION_TAIL = re.compile(r"(?:开展|参加|进行|累计|不少于|至少|达到)+$")
_COMPARATOR_AFTER = re.compile(r"^\s*(?:及|或)?(?:以上|以下|以内|左右|上下)")


def _object(after: str) -> tuple[str, bool]:
    """The noun after a number, up to the next item of a list; and whether such an item follows."""
    suffix = _COMPARATOR_AFTER.sub("", after)
    next_number = _MENTION.search(suffix)
    listed = False
    if next_number:
        suffix = suffix[: next_number.start()]
        listed = "、" in suffix
        suffix = suffix.rsplit("、", 1)[0] if listed else suffix
        suffix = re.sub(r"[和、及与或]+$", "", suffix)
    suffix = naming.cut_open_parenthesis(suffix)
    suffix = suffix.rsplit("的", 1)[-1] if "的" in suffix[1:] else suffix.lstrip("的")
    return naming.strip_parentheses(suffix), listed


def _tail_object(after: str) -> str:
    """The object after the last number of a list: '2—3所、每个县要建设1所骨干学校' → '骨干学校'."""
    mentions = list(_MENTION.finditer(after))
    obj = _object(after[mentions[-1].end() :])[0] if mentions else ""
    return "" if naming.is_generic(obj) else obj


def _parenthetical_item(before: str, unit: str) -> str | None:
    """'调整到13所（中职10所、高职3所）' → the item inside the brackets: '中等职业学校数'."""
    opening = max(before.rfind("（"), before.rfind("("))
    if opening < 0 or max(before.rfind("）"), before.rfind(")")) > opening:
        return None
    item = re.split(r"[、，,]", before[opening + 1 :])[-1]
    item = naming.strip_parentheses(re.sub(r"^(?:其中|含)", "", item))
    return naming.count_of(naming.expand(item), unit) if len(item) >= 2 and not _MENTION.search(item) else None


def _respective_item(before: str) -> str | None:
    """'中、高等职业院校毕业生就业率分别保持在95%和90%' → one subject for each number."""
    split = before.find("分别")
    if split <= 0:
        return None
    parts = naming.distribute(_clean_indicator(before[:split]))
    index = len(_MENTION.findall(before[split:]))
    return parts[index] if len(parts) >= 2 and index < len(parts) else None


def _proportion(sentence: str, before: str, after: str, unit: str, clause: tuple[int, int]) -> str | None:
    """'按投资额的30%抵免…' and 'X经费的10—20%用于Y': the proportion of a base applied to something."""
    if unit != "%":
        return None
    by = list(re.finditer(r"按照?", before))
    if by:
        subject = naming.subject(_clean_indicator(before[: by[-1].start()]))
        base = before[by[-1].end() :].strip().rstrip("的")
        if not base or _MENTION.search(base):
            return None
        applied = naming.action(_object_span(after))
        following = sentence[clause[1] + 1 :] if sentence[clause[1] : clause[1] + 1] in "，," else ""
        if not applied and following:
            next_clause = following[: _clause_bounds(following, 0, 0)[1]]
            applied = "" if _MENTION.search(next_clause) else naming.action(next_clause)
        return naming.proportion(subject, base, applied)
    if before.endswith("的") and _PROPORTION_VERB.match(after):
        base = _clean_indicator(before[:-1])
        applied = naming.action(_object_span(after))
        return naming.proportion("", base, applied) if base and applied else None
    return None


def _object_span(after: str) -> str:
    next_number = _MENTION.search(after)
    return after[: next_number.start()] if next_number else after


def _standard(after: str, unit: str) -> str | None:
    """'每生每年2000元标准发放国家助学金' → '国家助学金标准'."""
    match = _STANDARD.match(after) if unit in ("元", "万元") else None
    if not match:
        return None
    obj, _ = _object(match.group("object"))
    return naming.standard(obj) if len(obj) >= 2 else None


def _frequency(sentence: str, before: str, after: str, unit: str, clause_start: int) -> str | None:
    """'每年至少召开2次会议' → '会议召开次数'."""
    verb = _FREQUENCY_VERB.search(before) if unit in ("次", "场") else None
    obj = _object(after)[0] if verb else ""
    return naming.frequency(obj, verb.group(1), sentence[:clause_start]) if verb and obj else None


def _duration(before: str, after: str, unit: str) -> str | None:
    """'专业课教师原则上每5年到企业开展6个月的企业实践' → '专业课教师每5年到企业实践时间'."""
    if unit not in _DURATION_UNITS:
        return None
    subject = _DURATION_TAIL.sub("", naming.tidy(_clean_indicator(before)))
    obj = _object(after)[0]
    return naming.duration(subject, obj) if len(subject) >= 2 and obj else None


def _parallel_lead(before: str) -> str | None:
    """In 'A要建设2所、B要建设1所X', the item's own subject and verb: 'B建设'."""
    if "、" not in before:
        return None
    head, item = before.rsplit("、", 1)
    verb = _OBJECT_VERB.search(item)
    if not verb or _MENTION.search(item) or not _MENTION.search(head):
        return None
    subject = re.sub(r"重点|着力|大力|积极", "", naming.drop_modals(item[: verb.start()]))
    return naming.drop_modals(item).strip() if len(subject.strip()) >= 2 else None


def _own_lead(before: str) -> str:
    item = before.rsplit("、", 1)[-1]
    return naming.strip_parentheses(re.sub(r"至少|不少于|超过|约", "", naming.drop_modals(item)))


def _plain(before: str, after: str, unit: str) -> str:
    prefix = _clean_indicator(before)
    suffix, listed = _object(after)
    if naming.is_generic(suffix):
        suffix = ""
    if len(suffix) >= 2 and not suffix.startswith(("用于", "提取", "设置", "安排", "抵免", "比例", "标准")):
        if unit == "%" and re.search(r"[均都]", suffix):
            group, done = re.split(r"[均都]", suffix, maxsplit=1)
            return f"{done}的{group}比例" if group and done else suffix
        lead = _parallel_lead(before)
        if lead:
            return lead + suffix
        verb = _OBJECT_VERB.search(before)
        kept = verb.group(1) if verb and naming.KEEP_VERBS.fullmatch(verb.group(1)) else ""
        return kept + suffix
    if listed and not suffix:
        shared = _tail_object(after)
        if len(shared) >= 2:
            return _own_lead(before) + shared
    if prefix and not naming.is_generic(prefix):
        prefix = naming.drop_build_verb(prefix)
        if unit == "%":
            return naming.rate_of(prefix)
        return naming.count_of(prefix, unit) if _LEVEL_VERB.search(before) else prefix
    return suffix


def _indicator(sentence: str, mention: Mention, clause: tuple[int, int]) -> str:
    before = sentence[clause[0] : mention.start]
    after = sentence[mention.end : clause[1]]
    unit = mention.unit
    name = (
        _parenthetical_item(before, unit)
        or _respective_item(before)
        or _proportion(sentence, before, after, unit, clause)
        or _standard(after, unit)
        or _frequency(sentence, before, after, unit, clause[0])
        or _duration(before, after, unit)
        or _plain(before, after, unit)
    )
    name = naming.tidy(name) or name
    return naming.with_institution(name, sentence[: clause[0]])


def _shared_subjects(indicator: str, prefix: str) -> list[str]:
    """'中职在校生和全日制在校大学生规模均达到10000人' holds for both subjects: one target each."""
    if "均" not in prefix or len(_MENTION.findall(prefix)) != 0:
        return [indicator]
    parts = re.split(r"和|与|及|、", indicator)
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return [indicator]
    tail = parts[-1][-2:]
    return [part if part.endswith(tail) else part + tail for part in parts]


def _ratio_parity(sentence: str, mask: list[bool]) -> Iterator[tuple[int, int, str]]:
    """'职普比大体相当', 'A与B招生规模大体相当' → a ratio of about 1:1."""
    for match in re.finditer(r"大体相当|大致相当|基本相当", sentence):
        if mask[match.start()]:
            continue
        start, _ = _clause_bounds(sentence, match.start(), match.end())
        subject = _clean_indicator(
            re.sub(r"^(?:坚持|落实好?|切实落实|保持|实现|确保)+", "", sentence[start : match.start()])
        )
        if subject and not subject.endswith("比"):
            subject += "比"  # 'A与B招生规模大体相当' names the ratio of A to B
        yield match.start(), match.end(), subject or "职普比"


def sentence_targets(sentence: str, deadline: int | None) -> list[Target]:
    """Every quantitative provision of one sentence, in order of appearance."""
    mask = _quote_mask(sentence)
    targets: list[Target] = []
    for match in _MENTION.finditer(sentence):
        clause = _clause_bounds(sentence, match.start(), match.end())
        if _excluded(sentence, match, mask, clause[0]):
            continue
        mention = _mention(sentence, match, clause[0])
        if mention is None:
            continue
        clause_text = sentence[clause[0] : clause[1]]
        is_norm = mention.comparator == "=" or _NORM_WORDS.search(clause_text) or "按" in clause_text
        own = deadline_near(sentence, mention.start)
        prefix = sentence[clause[0] : mention.start]
        for indicator in _shared_subjects(_indicator(sentence, mention, clause), prefix):
            targets.append(
                Target(
                    indicator=indicator,
                    comparator=mention.comparator,
                    value=mention.value,
                    value_max=mention.value_max,
                    unit=mention.unit,
                    deadline=own if own is not None else deadline,
                    kind="norm" if is_norm else "target",
                    sentence=sentence,
                )
            )
    for start, _end, subject in _ratio_parity(sentence, mask):
        own = deadline_near(sentence, start)
        targets.append(
            Target(subject, "~", 1, ":1", sentence, deadline=own if own is not None else deadline, kind="target")
        )
    return targets


def _goal_heading(block: Block) -> int | None:
    """The level of a heading that opens a goal section (主要目标, 工作目标, 发展目标 …)."""
    heading = parse_heading(block.text)
    title = (heading.rest if heading else block.text).split("。")[0]
    if "目标" in title[:16] and len(title) <= 30:
        return heading.level if heading else 1
    return None


def _context_deadlines(blocks: list[Block]) -> list[int | None]:
    """Deadline inherited by each block: from its goal section, or from a list introduced with '：'."""
    inherited: list[int | None] = [None] * len(blocks)
    goal_level: int | None = None
    goal_deadline: int | None = None
    list_deadline: int | None = None
    for index, block in enumerate(blocks):
        heading = parse_heading(block.text) if not block.is_row else None
        if goal_level is not None and heading is not None and heading.level <= goal_level:
            goal_level, goal_deadline = None, None
        level = _goal_heading(block) if not block.is_row else None
        if level is not None:
            goal_level, goal_deadline = level, None
        if goal_level is not None and goal_deadline is None:
            goal_deadline = first_deadline(block.text)
        is_item = heading is not None or bool(BULLETS.match(block.text))
        if list_deadline is not None and not is_item:
            list_deadline = None
        inherited[index] = goal_deadline if goal_deadline is not None else list_deadline
        if block.text.rstrip().endswith(("：", ":")) and not block.is_row:
            list_deadline = first_deadline(block.text)
    return inherited


def _similar(a: str, b: str) -> float:
    def grams(text: str) -> set[str]:
        text = re.sub(r"[\s“”\"'《》（）()、，,。；;：:]", "", text)
        return {text[i : i + 2] for i in range(len(text) - 1)} or {text}

    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def _same_provision(a: Target, b: Target) -> bool:
    if (a.comparator, a.value, a.value_max, a.unit) != (b.comparator, b.value, b.value_max, b.unit):
        return False
    if a.sentence == b.sentence:
        return a.indicator == b.indicator
    core_a, core_b = _core(a.indicator), _core(b.indicator)
    contained = len(core_a) >= 3 and len(core_b) >= 3 and (core_a in core_b or core_b in core_a)
    return _similar(a.indicator, b.indicator) >= 0.6 or contained


def _core(indicator: str) -> str:
    """The measured noun without the verb that precedes it."""
    return _LEADING_VERB.sub("", indicator)


def merge_restated(targets: list[Target]) -> list[Target]:
    """A provision restated later (body, then annex table) is one entry; keep the first wording."""
    kept: list[Target] = []
    for target in targets:
        earlier = next((other for other in kept if _same_provision(other, target)), None)
        if earlier is None:
            kept.append(target)
        elif earlier.deadline is None and target.deadline is not None:
            earlier.deadline = target.deadline
    return kept


def _block_sentences(block: Block) -> list[str]:
    if not block.is_row:
        return split_sentences(block.text)
    return [sentence for cell in block.cells for sentence in split_sentences(cell.replace("\n", ""))]


def _strip_label(sentence: str) -> str:
    heading = parse_heading(sentence)
    return heading.rest if heading and heading.rest else sentence


def extract_targets(blocks: list[Block]) -> list[Target]:
    inherited = _context_deadlines(blocks)
    targets: list[Target] = []
    for block, deadline in zip(blocks, inherited, strict=True):
        for sentence in _block_sentences(block):
            targets.extend(sentence_targets(_strip_label(sentence), deadline))
    return merge_restated(targets)
