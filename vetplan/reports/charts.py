"""Static charts for printed reports, drawn with matplotlib (Agg, no display) as PNG. Pure, no Django.

The Chinese text is set in Noto Sans CJK SC from `fonts-noto-cjk`, which the setup installs; a
machine without it gets the same clear error as the PDF output (FontMissingError), not boxes.
Figures are built with `matplotlib.figure.Figure`, not pyplot, so nothing is shared between
threads or requests. matplotlib is imported when a chart is first drawn, not when the web app
starts (it takes a second or two to import).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from vetplan.reports.fonts import missing

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FAMILY = "Noto Sans CJK SC"
SIZE = (6.4, 3.2)  # inches; 150 mm wide on the page
DPI = 200
COLOURS = ["#1f5fa8", "#d9822b", "#3b8f5a", "#a83a3a", "#6b5ca8"]
GOAL_COLOUR = "#a83a3a"


@functools.cache
def _font_family() -> str:
    from matplotlib import font_manager

    try:
        font_manager.findfont(font_manager.FontProperties(family=FAMILY), fallback_to_default=False)
    except ValueError:
        raise missing(FAMILY, "生成图表") from None
    return FAMILY


def _figure() -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=SIZE, dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _style(axes: object, unit: str) -> None:
    axes.spines[["top", "right"]].set_visible(False)  # type: ignore[attr-defined]
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)  # type: ignore[attr-defined]
    axes.set_axisbelow(True)  # type: ignore[attr-defined]
    if unit:  # written across, above the axis, as Chinese statistical charts do
        axes.set_title(f"单位：{unit}", loc="left", fontsize=8, color="#555555")  # type: ignore[attr-defined]


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def line_chart(
    years: Sequence[int], series: dict[str, Sequence[float | None]], unit: str = "", goal: float | None = None
) -> bytes:
    """One line per series over the years (gaps where a year has no value); an optional goal line."""
    from matplotlib import rc_context

    with rc_context({"font.family": _font_family(), "font.size": 9, "axes.unicode_minus": False}):
        figure = _figure()
        axes = figure.add_subplot()
        for n, (label, values) in enumerate(series.items()):
            points = [(y, v) for y, v in zip(years, values, strict=True) if v is not None]
            axes.plot(
                [str(y) for y, _ in points],
                [v for _, v in points],
                marker="o",
                color=COLOURS[n % len(COLOURS)],
                label=label,
            )
            for y, v in points:
                axes.annotate(_label(v), (str(y), v), textcoords="offset points", xytext=(0, 5), ha="center")
        if goal is not None:
            axes.axhline(goal, color=GOAL_COLOUR, linestyle="--", linewidth=1, label="目标值")
        _style(axes, unit)
        axes.legend(frameon=False, loc="best")
        return _png(figure)


def bar_chart(labels: Sequence[str], values: Sequence[float | None], unit: str = "") -> bytes:
    """One bar per label (a unit, a year); a missing value leaves its place empty."""
    from matplotlib import rc_context

    with rc_context({"font.family": _font_family(), "font.size": 9, "axes.unicode_minus": False}):
        figure = _figure()
        axes = figure.add_subplot()
        heights = [v if v is not None else 0.0 for v in values]
        bars = axes.bar(list(labels), heights, color=COLOURS[0], width=0.55)
        for bar, value in zip(bars, values, strict=True):
            if value is not None:
                axes.annotate(
                    _label(value),
                    (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    textcoords="offset points",
                    xytext=(0, 3),
                    ha="center",
                )
        _style(axes, unit)
        return _png(figure)


def _label(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.1f}"
