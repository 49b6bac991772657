from __future__ import annotations

from vetplan.extraction import extract_text

NOTICE = """
云岭县人民政府
关于印发《云岭县推动职业教育高质量
发展实施方案》的通知
云岭府发〔2022〕7号
各乡镇人民政府：
现印发给你们，请认真组织实施。
云岭县人民政府
2022年3月30日

云岭县推动职业教育高质量发展实施方案
为推动职业教育发展，依据《意见》（渝府发〔2021〕35号）精神，制定本方案。
云岭县人民政府办公室    2022年3月31日印发
"""


def test_it_takes_the_plan_title_not_the_cover_letter() -> None:
    assert extract_text(NOTICE).meta.title == "云岭县推动职业教育高质量发展实施方案"


def test_it_takes_the_issuer_from_the_notice() -> None:
    assert extract_text(NOTICE).meta.issuer == "云岭县人民政府"


def test_it_takes_the_documents_own_number_not_a_cited_one() -> None:
    assert extract_text(NOTICE).meta.doc_number == "云岭府发〔2022〕7号"


def test_it_takes_the_signing_date_not_the_printing_date() -> None:
    assert extract_text(NOTICE).meta.date == "2022-03-30"


def test_it_reads_a_date_in_chinese_numerals() -> None:
    assert extract_text("某县方案\n二〇二一年四月二十八日\n").meta.date == "2021-04-28"


def test_it_takes_the_region_from_the_title() -> None:
    assert extract_text(NOTICE).meta.region == "云岭县"


def test_it_joins_a_title_broken_over_lines_and_drops_the_draft_mark() -> None:
    meta = extract_text("浉水区加快推进职业教育创新发展高地\n建设“一地一策”实施方案\n（征求意见稿）\n\n正文。").meta
    assert meta.title == "浉水区加快推进职业教育创新发展高地建设“一地一策”实施方案"
    assert (meta.issuer, meta.doc_number, meta.date) == (None, None, None)
