"""Linking targets to catalogue indicators by name or synonym (pure: no database)."""

from __future__ import annotations

from types import SimpleNamespace

from vetplan.plans.indicator_match import (
    CatalogueIndicator,
    IndicatorMatch,
    link_targets_to_catalogue,
    normalise_indicator,
    propose_indicator,
)

CATALOGUE = [
    CatalogueIndicator("dual_qualified_ratio", "双师型教师占专业课教师比例", ("双师型教师比例", "双师比")),
    CatalogueIndicator("employment_rate", "中职毕业生就业率", ("毕业生就业率",)),
    CatalogueIndicator("vet_general_ratio", "职普比", ("职普比例",)),
]


def codes(matches: list[IndicatorMatch | None]) -> list[str | None]:
    return [m.code if m else None for m in matches]


def test_it_ignores_quotes_spaces_brackets_and_scope_words() -> None:
    assert normalise_indicator("全县“双师型”教师 占专业课教师（在编）比例") == "双师型教师占专业课教师在编比例"
    assert normalise_indicator("ＡＢＣ比例") == "abc比例"


def test_it_links_a_target_named_exactly_like_an_indicator() -> None:
    [match] = link_targets_to_catalogue(["“双师型”教师占专业课教师比例"], CATALOGUE)
    assert match == IndicatorMatch("dual_qualified_ratio", "双师型教师占专业课教师比例", exact=True)


def test_it_links_a_target_named_by_a_synonym() -> None:
    assert codes(link_targets_to_catalogue(["全县双师型教师比例", "职普比例"], CATALOGUE)) == [
        "dual_qualified_ratio",
        "vet_general_ratio",
    ]


def test_it_links_a_longer_text_containing_a_name_and_says_so() -> None:
    [match] = link_targets_to_catalogue(["全县中等职业学校毕业生就业率"], CATALOGUE)
    assert match is not None and match.code == "employment_rate" and not match.exact


def test_it_leaves_unknown_indicators_unlinked() -> None:
    assert codes(link_targets_to_catalogue(["产教融合型企业数量", ""], CATALOGUE)) == [None, None]


def test_it_does_not_link_by_a_short_contained_term() -> None:
    catalogue = [CatalogueIndicator("ratio", "比例")]
    assert codes(link_targets_to_catalogue(["兼职教师比例", "比例"], catalogue)) == [None, "ratio"]


def test_it_refuses_to_choose_between_two_equally_good_indicators() -> None:
    catalogue = [CatalogueIndicator("a", "实训基地数"), CatalogueIndicator("b", "培训基地数")]
    assert codes(link_targets_to_catalogue(["县级实训基地数和培训基地数"], catalogue)) == [None]
    shared = [CatalogueIndicator("a", "就业率"), CatalogueIndicator("b", "升学率", ("就业率",))]
    assert codes(link_targets_to_catalogue(["就业率"], shared)) == [None]


def test_it_prefers_the_longest_contained_term() -> None:
    catalogue = [CatalogueIndicator("short", "就业率"), CatalogueIndicator("long", "毕业生就业率")]
    assert codes(link_targets_to_catalogue(["中职毕业生就业率达到"], catalogue)) == ["long"]


def test_it_accepts_tuples_mappings_and_model_like_rows_and_targets() -> None:
    catalogue = [
        ("a", "职业技能培训人次", ["培训人次"]),
        {"code": "b", "name": "产教融合型企业数", "synonyms": "产教融合企业数、融合型企业数"},
        SimpleNamespace(code="c", name="实习岗位数", synonyms=None),
    ]
    targets = [
        {"indicator": "培训人次"},
        SimpleNamespace(indicator_text="融合型企业数"),
        SimpleNamespace(indicator="学生实习岗位数"),
    ]
    assert codes(link_targets_to_catalogue(targets, catalogue)) == ["a", "b", "c"]


def test_it_works_on_an_empty_catalogue() -> None:
    assert link_targets_to_catalogue(["双师型教师比例"], []) == [None]


MEASURED = [
    CatalogueIndicator("enrolment_size", "中职在校生规模", ("在校生规模",), unit="人", level="secondary"),
    CatalogueIndicator("enrolment_higher", "高职在校生规模", ("高等职业教育在校生规模",), unit="人", level="higher"),
    CatalogueIndicator("annual_intake", "中职年招生人数", ("招生规模",), unit="人", level="secondary"),
    CatalogueIndicator("intake_ratio", "职普招生比", ("招生规模比",), unit=":1", level="secondary"),
    CatalogueIndicator("dual", "双师型教师占专业课教师比例", (), unit="%", terms=(("双师型", "比例"),)),
]


def test_it_proposes_only_an_indicator_the_target_can_be_measured_by() -> None:
    def code(text: str, value: float, unit: str) -> str | None:
        match = propose_indicator(text, value, None, unit, MEASURED)
        return match.code if match else None

    assert code("中等职业教育在校生规模", 3.6, "万人") == "enrolment_size"
    assert code("高等职业教育在校生规模", 2.1, "万人") == "enrolment_higher"
    assert code("职业院校在校生规模", 5.7, "万人") is None  # neither level alone
    assert code("中等职业学校和普通高中招生规模比", 1, ":1") == "intake_ratio"  # never 年招生人数 (人)
    assert code("专业教师“双师型”比例", 50, "%") == "dual"  # by its term set
    assert code("双师型教师培训人数", 200, "人") is None  # the terms fit, the unit does not
