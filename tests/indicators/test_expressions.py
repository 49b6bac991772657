"""The safe expression evaluator: arithmetic over element codes, nothing else (pure)."""

from __future__ import annotations

import pytest

from vetplan.indicators.expressions import ExpressionError, parse


def test_it_evaluates_arithmetic_over_element_codes() -> None:
    expression = parse("(a + b) * 2 - c / 4")
    assert expression.elements == {"a", "b", "c"}
    assert expression.evaluate({"a": 1, "b": 2, "c": 8}) == 4


def test_a_missing_element_or_a_division_by_zero_is_no_value() -> None:
    assert parse("a / b").evaluate({"a": 1}) is None
    assert parse("a / b").evaluate({"a": 1, "b": 0}) is None
    assert parse("").evaluate({"a": 1}) is None


@pytest.mark.parametrize(
    "source",
    ["__import__('os')", "a.b", "a ** 2", "a if b else c", "[a]", "a < b", "'text'", "lambda: 1", "a; b", "a % b"],
)
def test_it_refuses_anything_beyond_plus_minus_times_divide(source: str) -> None:
    with pytest.raises(ExpressionError):
        parse(source)


def test_it_renders_sql_with_null_safe_division() -> None:
    sql = parse("-a * 10000 / b").to_sql(lambda code: f"col_{code}")
    assert sql == "(((-col_a) * 10000.0) / NULLIF(col_b, 0))"
