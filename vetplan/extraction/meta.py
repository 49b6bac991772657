"""Meta data of a plan: its own title, issuer, document number, signing date and region."""

from __future__ import annotations

import re

from .document import Meta
from .numbers import parse_number

PLAN_WORDS = (
    "实施方案",
    "行动计划",
    "实施意见",
    "意见",
    "方案",
    "计划",
    "规划",
    "办法",
    "措施",
    "纲要",
    "细则",
    "通知",
)
ISSUER_ENDINGS = (
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "领导小组",
    "委员会",
    "办公室",
    "教育局",
    "教育体育局",
)
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}\s*[〔［\[【（(]\s*(?:19|20)\d{2}\s*[〕］\]】）)]\s*\d{1,4}\s*号")
_DATE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_CN_DATE = re.compile(
    r"^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$"
)
_NOTICE = re.compile(r"^(.*?)关于(?:印发|转发|下发)[《〈]?(.+?)[》〉]?的通知$")
_REGION = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}?(?:省|自治区))?([\u4e00-\u9fff]{1,8}?(?:市|州|盟))?([\u4e00-\u9fff]{1,8}?(?:自治县|县|区|旗))?"
)
_DRAFT = re.compile(r"[（(](?:征求意见稿|送审稿|讨论稿|试行|草案|修订稿)[）)]")
_DIGIT = {
    "〇": "0",
    "零": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
}
_DIGIT["九"] = "9"


def _squash(text: str) -> str:
    return re.sub(r"[\s\u3000]+", "", text)


def _head_lines(text: str, limit: int = 60) -> list[str]:
    lines = [_squash(line) for line in text.split("\n")]
    return [line for line in lines if line][:limit]


def _joined_candidates(lines: list[str]) -> list[str]:
    """Titles may be broken over up to three short lines."""
    candidates: list[str] = []
    for start in range(len(lines)):
        joined = ""
        for line in lines[start : start + 3]:
            if len(line) > 45 or "。" in line or "：" in line[:-1]:
                break
            joined += line
            candidates.append(joined)
    return candidates


def _notice_title(lines: list[str]) -> tuple[str, str] | None:
    """(issuer part, plan title) of '…关于印发《…》的通知', from the tightest line window."""
    found = [match for match in map(_NOTICE.match, _joined_candidates(lines)) if match]
    if not found:
        return None
    best = min(found, key=lambda match: len(match.group(1)))
    return best.group(1), best.group(2)


def _plan_title(lines: list[str], skip: str | None) -> str | None:
    for start, line in enumerate(lines):
        if _DOC_NUMBER.fullmatch(line) or line.endswith("文件") or "。" in line or "印发" in line:
            continue
        joined = ""
        for part in lines[start : start + 3]:
            if "。" in part or len(part) > 45 or _DOC_NUMBER.fullmatch(part):
                break
            joined += _DRAFT.sub("", part) if _DRAFT.fullmatch(part) is None else ""
            if joined.endswith(PLAN_WORDS) and joined != skip and len(joined) >= 6:
                return joined
    return None


def extract_title(lines: list[str]) -> str | None:
    notice = _notice_title(lines)
    if notice:
        return notice[1]
    return _plan_title(lines, None)


def extract_issuer(lines: list[str], all_lines: list[str]) -> str | None:
    notice = _notice_title(lines)
    if notice and notice[0].endswith(ISSUER_ENDINGS):
        return _strip_region_prefix_noise(notice[0])
    for index, line in enumerate(all_lines[:-1]):  # a signature: the body's name, then the date alone
        if line.endswith(ISSUER_ENDINGS) and len(line) <= 30 and _parse_date(all_lines[index + 1]):
            return line
    for line in lines[:8]:
        if line.endswith("文件") and line[:-2].endswith(ISSUER_ENDINGS):
            return line[:-2]
        match = re.match(rf"^(.+?(?:{'|'.join(ISSUER_ENDINGS)}))关于", line)
        if match and "印发" not in line:
            return match.group(1)
    return None


def _strip_region_prefix_noise(issuer: str) -> str:
    return re.sub(r"^.*?(?:发布机构|机关)", "", issuer)


def extract_doc_number(text: str) -> str | None:
    for match in _DOC_NUMBER.finditer(text):
        before = text[max(0, match.start() - 1) : match.start()]
        after = text[match.end() : match.end() + 1]
        if before in ("（", "(", "》", "〉") or after in ("）", ")"):
            continue
        return _squash(re.sub(r"^(?:文号|发文字号|索引号)", "", match.group(0)))
    return None


def _parse_date(line: str) -> str | None:
    match = _DATE.match(line)
    if match:
        year, month, day = (int(group) for group in match.groups())
    else:
        cn = _CN_DATE.match(line)
        if not cn:
            return None
        year = int("".join(_DIGIT[char] for char in cn.group(1)))
        month = int(parse_number(cn.group(2)) or 0)
        day = int(parse_number(cn.group(3)) or 0)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def extract_date(text: str) -> str | None:
    """The signing date: the first line that holds a date and nothing else (not '…印发')."""
    for line in text.split("\n"):
        date = _parse_date(_squash(line).strip("（）()"))
        if date:
            return date
    return None


def extract_region(title: str | None, issuer: str | None) -> str | None:
    for source in (title, issuer):
        if not source:
            continue
        match = _REGION.match(source)
        if match and (match.group(2) or match.group(1)):
            return match.group(2) or match.group(1)
    return None


def extract_meta(text: str) -> Meta:
    lines = _head_lines(text)
    title = extract_title(lines)
    issuer = extract_issuer(lines, _head_lines(text, limit=100_000))
    return Meta(
        title=title,
        issuer=issuer,
        doc_number=extract_doc_number(text),
        date=extract_date(text),
        region=extract_region(title, issuer),
    )
