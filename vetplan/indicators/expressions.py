"""Indicator expressions over data elements: a tiny safe evaluator (never Python's eval).

An expression is arithmetic over element codes and numbers: `+ - * /`, unary minus and
parentheses, e.g. `fiscal_appropriation_vet * 10000`. It is parsed once with `ast` and
only those node types are accepted. A parsed expression can be evaluated in Python over a
mapping of element totals, or rendered as SQL over columns that hold those totals (the
full recomputation runs in the database); both treat a missing element as "no data"
(None / NULL) and a division by zero as no value.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class ExpressionError(ValueError):
    """An expression that uses anything beyond numbers, element codes and + - * / ( )."""


@dataclass(frozen=True)
class Expression:
    source: str
    tree: ast.expr | None  # None: the empty expression (an indicator without a denominator)

    @property
    def elements(self) -> frozenset[str]:
        if self.tree is None:
            return frozenset()
        return frozenset(node.id for node in ast.walk(self.tree) if isinstance(node, ast.Name))

    def evaluate(self, values: Mapping[str, float | None]) -> float | None:
        return None if self.tree is None else _evaluate(self.tree, values)

    def to_sql(self, column: Callable[[str], str]) -> str:
        """SQL for the expression; `column(code)` names the SQL column holding an element's total."""
        if self.tree is None:
            return "NULL"
        return _sql(self.tree, column)


@lru_cache(maxsize=512)
def parse(source: str) -> Expression:
    text = (source or "").strip()
    if not text:
        return Expression("", None)
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as exc:
        raise ExpressionError(f"表达式 {text!r} 无法解析：{exc.msg}") from None
    _check(tree, text)
    return Expression(text, tree)


def _check(node: ast.AST, text: str) -> None:
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        _check(node.left, text)
        _check(node.right, text)
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.UAdd | ast.USub):
        _check(node.operand, text)
    elif (
        isinstance(node, ast.Constant)
        and type(node.value) in (int, float)
        or isinstance(node, ast.Name)
        and node.id.isidentifier()
        and node.id.isascii()
    ):
        return
    else:
        raise ExpressionError(f"表达式 {text!r} 含有不允许的内容：{type(node).__name__}")


def _evaluate(node: ast.expr, values: Mapping[str, float | None]) -> float | None:
    if isinstance(node, ast.Constant):
        return _constant(node)
    if isinstance(node, ast.Name):
        value = values.get(node.id)
        return None if value is None else float(value)
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, values)
        return None if operand is None else (-operand if isinstance(node.op, ast.USub) else operand)
    assert isinstance(node, ast.BinOp)  # noqa: S101 (guaranteed by _check)
    left, right = _evaluate(node.left, values), _evaluate(node.right, values)
    if left is None or right is None:
        return None
    op = _OPS[type(node.op)]
    if op == "+":
        return left + right
    if op == "-":
        return left - right
    if op == "*":
        return left * right
    return None if right == 0 else left / right


def _sql(node: ast.expr, column: Callable[[str], str]) -> str:
    if isinstance(node, ast.Constant):
        return repr(_constant(node))
    if isinstance(node, ast.Name):
        return column(node.id)
    if isinstance(node, ast.UnaryOp):
        sign = "-" if isinstance(node.op, ast.USub) else ""
        return f"({sign}{_sql(node.operand, column)})"
    assert isinstance(node, ast.BinOp)  # noqa: S101 (guaranteed by _check)
    op = _OPS[type(node.op)]
    left, right = _sql(node.left, column), _sql(node.right, column)
    if op == "/":
        right = f"NULLIF({right}, 0)"  # PostgreSQL raises on /0, SQLite yields NULL: make both NULL
    return f"({left} {op} {right})"


def _constant(node: ast.Constant) -> float:
    value = node.value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ExpressionError(f"不允许的常量：{value!r}")
    return float(value)


def indicator_value(
    numerator: float | None, denominator: float | None, factor: float, has_denominator: bool
) -> float | None:
    """factor × numerator / denominator, or factor × numerator for a count indicator."""
    if numerator is None:
        return None
    if not has_denominator:
        return factor * numerator
    if denominator is None or denominator == 0:
        return None
    return factor * numerator / denominator
