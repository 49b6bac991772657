"""Indicator names: short names of what a number measures, as people read them in review."""

from __future__ import annotations

import pytest

from vetplan.extraction import extract_text
from vetplan.extraction.naming import distribute, is_generic, merge_overlap, strip_parentheses, tidy


def names(text: str) -> list[str]:
    return [target.indicator for target in extract_text(text).targets]


def name(text: str) -> str:
    found = names(text)
    assert len(found) == 1, found
    return found[0]


def test_a_proportion_of_a_base_names_the_base_and_what_it_is_applied_to() -> None:
    assert name("企业可按投资额的30%抵免该企业当年应缴教育费附加和地方教育附加。") == (
        "企业按投资额抵免教育费附加和地方教育附加的比例"
    )
    assert name("可按投资额的30%抵免教育费附加和地方教育附加。") == "投资额抵免教育费附加和地方教育附加的比例"


def test_a_proportion_keeps_its_subject_and_drops_yuanzeshang() -> None:
    assert name("规模以上企业原则上按职工总数的2%设置职业院校学生实习岗位。") == (
        "规模以上企业按职工总数设置职业院校学生实习岗位的比例"
    )


def test_a_proportion_takes_its_object_from_the_next_clause_when_its_own_is_empty() -> None:
    assert name("可按投资额30%的比例，抵免该企业当年应缴教育费附加。") == "投资额抵免教育费附加的比例"


def test_a_proportion_ends_its_object_at_deng_and_drops_a_trailing_policy() -> None:
    assert name("企业按照职工工资总额的1.5—2.5%提取教育培训经费等国家有关政策。") == (
        "企业按职工工资总额提取教育培训经费的比例"
    )
    assert name("落实按投资额30%抵免教育费附加政策。") == "投资额抵免教育费附加的比例"


def test_a_share_of_funds_used_for_something_is_named_as_that_proportion() -> None:
    assert name("技术推广经费的10—20%用于农村职业教育。") == "技术推广经费用于农村职业教育的比例"


def test_an_amount_paid_per_student_is_named_as_the_standard_of_what_is_paid() -> None:
    assert name("县财政按每生每年2000元标准发放中职国家助学金。") == "中职国家助学金标准"


def test_two_standards_in_a_list_get_one_name_each() -> None:
    text = "按照每生每年2000元标准发放国家助学金、每生每年2000元标准发放“雨露计划”扶贫助学补助。"
    assert names(text) == ["国家助学金标准", "“雨露计划”扶贫助学补助标准"]


def test_a_count_the_subject_is_adjusted_to_is_named_as_the_number_of_it() -> None:
    assert names("各级、各类职业院校调整到13所（中职10所、高职3所）左右。") == [
        "各级、各类职业院校数",
        "中等职业学校数",
        "高等职业院校数",
    ]


def test_a_count_of_built_objects_is_named_by_the_object_without_the_build_verb() -> None:
    assert name("打造2个以上特色专业。") == "特色专业"
    assert name("建成市级“双优”中职学校1所。") == "市级“双优”中职学校"


def test_a_count_keeps_a_verb_that_says_what_is_counted() -> None:
    assert name("新建2所高职院校。") == "新建高职院校"


def test_items_of_a_list_do_not_swallow_the_verb_of_the_next_item() -> None:
    assert names("建设1个市级思政教育工作室、打造1个特色文化育人品牌。") == ["市级思政教育工作室", "特色文化育人品牌"]


def test_parallel_subjects_share_the_object_named_after_the_last_number() -> None:
    assert names("全市要重点建设2—3所、每个县（市）要重点建设1所骨干中等职业学校。") == [
        "全市重点建设骨干中等职业学校",
        "每个县（市）重点建设骨干中等职业学校",
    ]


def test_fenbie_gives_each_number_its_own_subject() -> None:
    assert names("中、高等职业院校毕业生就业率分别保持在95%和90%以上。") == [
        "中等职业院校毕业生就业率",
        "高等职业院校毕业生就业率",
    ]


def test_a_share_of_a_whole_keeps_zhan_and_ends_in_the_proportion() -> None:
    assert name("“双师型”教师占专业课教师总数70%以上。") == "“双师型”教师占专业课教师总数的比例"
    assert name("“双师型”教师占专业课教师总数的比例达到70%以上。") == "“双师型”教师占专业课教师总数的比例"


def test_a_percentage_of_units_that_all_reach_a_level_names_that_level() -> None:
    assert name("全市90%以上中等职业学校、高等职业院校均建成标准化数字校园。") == (
        "建成标准化数字校园的中等职业学校、高等职业院校比例"
    )


def test_a_duration_of_practice_is_named_as_its_time() -> None:
    assert name("专业课教师原则上每5年到企业开展6个月的企业实践。") == "专业课教师每5年到企业实践时间"


def test_a_frequency_of_meetings_is_named_from_the_meeting_and_its_verb() -> None:
    text = "成立职业教育工作联席会议，每年至少召开2次会议。"
    assert name(text) == "联席会议召开次数"


def test_an_attribute_takes_the_name_of_the_institution_the_sentence_opens_with() -> None:
    assert name("云阳职教中心提质扩容，年招生人数3000人以上。") == "云阳职教中心年招生人数"
    assert names("加快梨园校区建设进度，建筑面积达到15万平方米，全日制大学在校生规模达到5000人以上。") == [
        "梨园校区建筑面积",
        "梨园校区全日制大学在校生规模",
    ]


def test_a_trailing_policy_word_is_never_the_name() -> None:
    assert name("落实地方教育附加费用于职业教育的比例不低于30%的政策。") == "地方教育附加费用于职业教育的比例"


def test_leading_adverbs_and_verbs_are_stripped() -> None:
    assert name("切实落实教育费附加用于职业教育的比例不低于30%。") == "教育费附加用于职业教育的比例"
    assert name("允许学校按编制数额20%左右的比例自主招聘兼职教师。") == "学校按编制数额自主招聘兼职教师的比例"


def test_a_parity_names_the_ratio() -> None:
    assert name("落实好职普招生大体相当的要求。") == "职普招生比"


def test_a_bracket_that_belongs_to_the_name_is_kept_closed() -> None:
    assert name("创建1所有实体依托的示范性社区学院（学校）。") == "示范性社区学院（学校）"


@pytest.mark.parametrize("word", ["左右", "政策", "每生每年", "以上", "、", ""])
def test_function_words_alone_are_generic(word: str) -> None:
    assert is_generic(word)


@pytest.mark.parametrize(
    "text",
    [
        "各级、各类职业院校调整到13所（中职10所、高职3所）左右。",
        "按照每生每年2000元标准发放国家助学金、每生每年2000元标准发放“雨露计划”扶贫助学补助。",
        "落实地方教育附加费用于职业教育的比例不低于30%的政策。",
        "成立职业教育工作联席会议，每年至少召开2次会议。",
    ],
)
def test_no_name_is_only_a_function_word(text: str) -> None:
    assert all(not is_generic(found) for found in names(text))


def test_helpers_reshape_words_without_inventing_any() -> None:
    assert merge_overlap("到企业", "企业实践") == "到企业实践"
    assert distribute("中、高等职业院校就业率") == ["中等职业院校就业率", "高等职业院校就业率"]
    assert tidy("可按照投资额") == "投资额"
    assert strip_parentheses("示范性社区学院（学校）") == "示范性社区学院（学校）"
    assert strip_parentheses("（中职") == "中职"
