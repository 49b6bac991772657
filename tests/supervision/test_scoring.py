"""Scoring the units of a supervision round: one pure function, weights and criteria as parameters."""

from __future__ import annotations

from decimal import Decimal

import pytest

from vetplan.supervision.scoring import (
    ACHIEVED,
    AT_RISK,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    CustomCriterion,
    TargetTally,
    UnitFacts,
    Weights,
    score_units,
)


def facts(
    unit: str,
    due: int,
    on_time: int,
    attainment: str | None,
    quality: str | None,
    silence: int = 0,
    custom: dict[str, Decimal] | None = None,
) -> UnitFacts:
    return UnitFacts(
        unit=unit,
        name=unit,
        tasks_due=due,
        tasks_on_time=on_time,
        attainment=None if attainment is None else Decimal(attainment),
        quality=None if quality is None else Decimal(quality),
        silence_count=silence,
        custom=custom or {},
    )


def test_it_weighs_the_criteria_grades_and_ranks() -> None:
    scores = score_units(
        [facts("人社局", 4, 2, "0.5", "80"), facts("教体局", 2, 2, "1", "90"), facts("职教中心", 1, 0, "0", "50")],
        Weights(),
    )
    assert [(s.name, s.total, s.grade_label, s.rank) for s in scores] == [
        ("教体局", Decimal("98.0"), "优秀", 1),  # (100*40 + 100*40 + 90*20) / 100
        ("人社局", Decimal("56.0"), "不合格", 2),  # (50*40 + 50*40 + 80*20) / 100
        ("职教中心", Decimal("10.0"), "不合格", 3),
    ]


def test_the_weights_are_parameters() -> None:
    unit = [facts("人社局", 4, 2, "1", "80")]
    assert score_units(unit, Weights(on_time=Decimal(100), attainment=Decimal(0), quality=Decimal(0)))[0].total == 50
    assert score_units(unit, Weights(on_time=Decimal(0), attainment=Decimal(1), quality=Decimal(0)))[0].total == 100


def test_a_missing_criterion_leaves_its_weight_to_the_others() -> None:
    [score] = score_units([facts("企业", 2, 1, None, None)], Weights())
    assert score.total == Decimal("50.0") and score.attainment is None and score.quality is None


def test_repeated_silence_counts_against_the_unit() -> None:
    quiet, silent = score_units(
        [facts("甲", 1, 1, "1", "100"), facts("乙", 1, 1, "1", "100", silence=3)], Weights(silence_penalty=Decimal(5))
    )
    assert (quiet.total, silent.total, silent.penalty, silent.grade_label) == (100, 85, 15, "良好")


def test_equal_totals_share_a_rank() -> None:
    scores = score_units(
        [facts("甲", 1, 1, None, None), facts("乙", 1, 1, None, None), facts("丙", 2, 1, None, None)], Weights()
    )
    assert [s.rank for s in scores] == [1, 1, 3]


def test_a_unit_with_nothing_due_is_listed_but_not_ranked() -> None:
    idle, busy = facts("甲", 0, 0, None, "100"), facts("乙", 2, 1, None, "70")
    scores = score_units([idle, busy], Weights())
    assert [(s.name, s.rank, s.total, s.grade_label) for s in scores] == [
        ("乙", 1, Decimal("56.7"), "不合格"),  # (50*40 + 70*20) / 60
        ("甲", None, None, "不参评"),
    ]
    assert not scores[1].assessed and scores[1].quality == 100  # still shows what there is


def test_nothing_due_leaves_on_time_out_rather_than_full_marks() -> None:
    [score] = score_units([facts("甲", 0, 0, "0.5", "70")], Weights())  # leads measured targets only
    assert score.on_time is None and score.total == Decimal("56.7")  # (50*40 + 70*20) / 60


def test_target_statuses_earn_their_points_and_no_data_is_not_counted() -> None:
    tally = TargetTally({ACHIEVED: 1, ON_TRACK: 1, AT_RISK: 1, OFF_TRACK: 1, NO_DATA: 2})
    assert tally.attainment() == Decimal("0.625")  # (100 + 100 + 50 + 0) / 400
    assert tally.basis() == "牵头目标6项：已达成1、正常推进1、存在风险1、严重滞后1；无数据2项不计分"
    assert TargetTally({NO_DATA: 3}).attainment() is None
    assert TargetTally({OFF_TRACK: 1}).attainment() == 0


def test_a_rounds_own_criterion_is_scaled_to_its_maximum_and_weighted() -> None:
    criterion = CustomCriterion("cooperation", "校企合作情况", weight=Decimal(20), max_score=Decimal(10))
    weights = Weights(on_time=Decimal(40), attainment=Decimal(40), quality=Decimal(20), custom=(criterion,))
    with_points = facts("甲", 1, 1, "1", "100", custom={"cooperation": Decimal(5)})
    without = facts("乙", 1, 1, "1", "100")
    first, second = score_units([with_points, without], weights)
    assert (first.name, first.custom["cooperation"], first.total) == ("乙", None, Decimal("100.0"))
    assert (second.custom["cooperation"], second.total) == (Decimal("50.0"), Decimal("91.7"))  # 11000 / 120
    with pytest.raises(ValueError, match="校企合作情况"):
        score_units([facts("丙", 1, 1, None, None, custom={"cooperation": Decimal(11)})], weights)
    with pytest.raises(ValueError, match="满分"):
        CustomCriterion("x", "毕业生留威就业率", weight=Decimal(10), max_score=Decimal(0))


@pytest.mark.parametrize(
    ("total", "grade"), [("90", "优秀"), ("89.9", "良好"), ("75", "良好"), ("60", "合格"), ("59.9", "不合格")]
)
def test_grades_follow_the_thresholds(total: str, grade: str) -> None:
    [score] = score_units([facts("甲", 1, 0, None, total)], Weights(on_time=Decimal(0)))
    assert score.grade_label == grade


def test_nonsense_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="负数"):
        Weights(on_time=Decimal(-1))
    with pytest.raises(ValueError, match="大于零"):
        Weights(on_time=Decimal(0), attainment=Decimal(0), quality=Decimal(0))
    with pytest.raises(ValueError, match="按时完成数"):
        score_units([facts("甲", 1, 2, None, None)], Weights())
