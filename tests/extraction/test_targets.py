from __future__ import annotations

from vetplan.extraction import extract_text
from vetplan.extraction.document import Target


def targets(text: str) -> list[Target]:
    return extract_text(text).targets


def only(text: str) -> Target:
    found = targets(text)
    assert len(found) == 1, [t.to_dict() for t in found]
    return found[0]


def test_it_reads_yishang_as_at_least() -> None:
    target = only("建成2个以上县级实训基地。")
    assert (target.comparator, target.value, target.unit) == (">=", 2, "个")


def test_it_reads_a_bare_level_to_reach_as_at_least() -> None:
    target = only("毕业生就业率达到95%。")
    assert (target.comparator, target.value, target.unit) == (">=", 95, "%")


def test_it_reads_bu_di_yu_as_at_least() -> None:
    assert only("教育费附加用于职业教育的比例不低于30%。").comparator == ">="


def test_it_reads_upper_bounds() -> None:
    assert only("生师比不高于18:1。").comparator == "<="
    assert only("班额控制在45人以内。").comparator == "<="


def test_it_reads_a_ratio() -> None:
    target = only("专任教师生师比不超过20:1。")
    assert (target.value, target.unit) == (20, ":1")


def test_it_reads_zuoyou_as_about() -> None:
    target = only("在校生规模达到5.7万人左右。")
    assert (target.comparator, target.value, target.unit) == ("~", 5.7, "万人")


def test_it_reads_ranges_as_between() -> None:
    target = only("重点建设1—2个省级特色专业群。")
    assert (target.comparator, target.value, target.value_max, target.unit) == ("between", 1, 2, "个")


def test_it_reads_rates_to_apply_as_equal() -> None:
    assert only("企业可按投资额的30%抵免教育费附加。").comparator == "="
    target = only("按照每生每年2000元标准发放国家助学金。")
    assert (target.comparator, target.value, target.unit, target.kind) == ("=", 2000, "元", "norm")


def test_it_reads_parity_as_a_one_to_one_ratio() -> None:
    target = only("实现高中阶段职普比大体相当。")
    assert (target.comparator, target.value, target.unit) == ("~", 1, ":1")
    assert "职普比" in target.indicator


def test_it_converts_chinese_numerals_after_a_target_verb() -> None:
    target = only("规划新建一所区属中等职业学校。")
    assert (target.value, target.unit) == (1, "所")


def test_it_shares_a_trailing_comparator_across_a_pair() -> None:
    found = targets("中、高等职业院校毕业生就业率分别保持在95%和90%以上。")
    assert [(t.comparator, t.value) for t in found] == [(">=", 95), (">=", 90)]


def test_it_applies_zuoyou_after_a_parenthesis_to_every_number() -> None:
    found = targets("职业院校调整到13所（中职10所、高职3所）左右。")
    assert [(t.comparator, t.value) for t in found] == [("~", 13), ("~", 10), ("~", 3)]


def test_it_ignores_years_slogans_and_document_numbers() -> None:
    text = "根据《意见》（国发〔2019〕4号），用5年时间，推进“1+X”证书和“3+2”贯通，树牢“四个意识”。"
    assert targets(text) == []


def test_it_ignores_thresholds_that_qualify_a_noun() -> None:
    assert targets("从具有3年以上企业工作经历的人员中招聘，支持在校生3500人以上的学校。") == []


def test_it_ignores_amounts_that_describe_the_past() -> None:
    assert targets("全县现有职业学校3所，已建成实训基地5个。") == []


def test_it_takes_the_deadline_from_its_sentence() -> None:
    assert only("到2024年前，建成2个职业体验基地。").deadline == 2024


def test_it_reads_a_starting_year_as_the_deadline() -> None:
    assert only("2022年起，每年完成2800人次以上的职业技能培训任务。").deadline == 2022


def test_it_reads_the_five_year_plan_period_as_2025() -> None:
    assert only("“十四五”期间，培育5个以上名师工作室。").deadline == 2025


def test_it_applies_a_goal_section_deadline_to_its_items() -> None:
    text = "一、主要目标\n到2025年，体系基本形成。\n——建成2个以上实训基地。\n二、重点任务\n1.打造3个特色专业。\n"
    found = targets(text)
    assert [(t.value, t.deadline) for t in found] == [(2, 2025), (3, None)]


def test_it_applies_a_list_deadline_to_every_item() -> None:
    text = "到2026年，实现以下目标：\n（1）建成2个实训基地；\n（2）培训技能人才500人次。\n"
    assert [t.deadline for t in targets(text)] == [2026, 2026]


def test_it_leaves_standing_norms_without_a_deadline() -> None:
    assert only("教育费附加用于职业教育的比例不低于30%。").deadline is None


def test_it_merges_a_provision_restated_in_the_annex() -> None:
    text = "到2025年，建成2个市级示范实训基地。\n\n序号\t工作任务\t责任单位\n1\t建成2个市级示范实训基地。\t县教育局\n"
    assert len(targets(text)) == 1


def test_it_copies_the_sentence_without_bullets() -> None:
    assert (
        only("——打造2个以上特色专业，实现办学条件全部达标。").sentence == "打造2个以上特色专业，实现办学条件全部达标。"
    )
