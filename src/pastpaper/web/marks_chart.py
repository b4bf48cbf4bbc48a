"""A student's marks over time as an SVG chart, written as text on the server: no chart
library, no JavaScript, and a title and a description a screen reader reads out.

``marks_svg`` is a pure function of the marks: the same marks give the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from html import escape
from typing import Protocol

__all__ = ["MARKS_HEIGHT", "MARKS_WIDTH", "Marked", "marks_svg"]

#: The chart's size in SVG units (it scales to the page's width).
MARKS_WIDTH = 640
MARKS_HEIGHT = 280
#: Room for the axes' labels: left, right, top, bottom.
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 20, 20, 48


class Marked(Protocol):
    """One marked attempt: when, the mark, and the most it could have had."""

    @property
    def at(self) -> datetime: ...
    @property
    def mark(self) -> int: ...
    @property
    def max(self) -> int: ...


def marks_svg(marks: Sequence[Marked], title: str = "Your marks over time") -> str:
    """An SVG line-and-points chart of ``marks`` as a percentage of the most each could
    have had, oldest on the left, with axis labels, a ``<title>`` and a ``<desc>``.

    >>> marks_svg([]).count("<circle")
    0
    """
    points = sorted((m for m in marks if m.max > 0), key=lambda m: m.at)
    description = _describe(points)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="marks-chart" role="img" '
        f'viewBox="0 0 {MARKS_WIDTH} {MARKS_HEIGHT}" aria-labelledby="marks-title marks-desc">',
        f'<title id="marks-title">{escape(title)}</title>',
        f'<desc id="marks-desc">{escape(description)}</desc>',
        *_axes(points),
    ]
    if points:
        spots = [(_x(i, len(points)), _y(100 * m.mark / m.max)) for i, m in enumerate(points)]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in spots)
        parts.append(f'<polyline class="line" fill="none" points="{line}"/>')
        for (x, y), m in zip(spots, points, strict=True):
            when = m.at.date().isoformat()
            parts.append(
                f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="5">'
                f"<title>{when}: {m.mark} of {m.max}</title></circle>"
            )
    else:
        parts.append(
            f'<text x="{MARKS_WIDTH / 2}" y="{MARKS_HEIGHT / 2}" text-anchor="middle">'
            "No marked answers yet</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _describe(points: Sequence[Marked]) -> str:
    """The chart in words: how many marks, the first and the last."""
    if not points:
        return "No answer has been marked yet."
    first, last = points[0], points[-1]
    said = f"{len(points)} marked answer{'s' if len(points) != 1 else ''}"
    said += f", from {first.mark} of {first.max} on {first.at.date().isoformat()}"
    if len(points) > 1:
        said += f" to {last.mark} of {last.max} on {last.at.date().isoformat()}"
    return said + "."


def _x(index: int, count: int) -> float:
    """Where the ``index``-th of ``count`` marks goes across: evenly spaced, one in the middle."""
    span = MARKS_WIDTH - _LEFT - _RIGHT
    return _LEFT + (span / 2 if count == 1 else span * index / (count - 1))


def _y(percent: float) -> float:
    """Where ``percent`` goes up the chart (SVG's y runs downwards)."""
    span = MARKS_HEIGHT - _TOP - _BOTTOM
    return _TOP + span * (1 - percent / 100)


def _axes(points: Sequence[Marked]) -> list[str]:
    """The axes, the gridlines at 0, 50 and 100 per cent, and the labels."""
    bottom, right = MARKS_HEIGHT - _BOTTOM, MARKS_WIDTH - _RIGHT
    parts = ['<g class="axes" aria-hidden="true">']
    for percent in (0, 50, 100):
        y = _y(percent)
        parts.append(f'<line class="grid" x1="{_LEFT}" y1="{y}" x2="{right}" y2="{y}"/>')
        parts.append(f'<text x="{_LEFT - 8}" y="{y + 5}" text-anchor="end">{percent}%</text>')
    parts.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{bottom}"/>')
    parts.append(f'<line x1="{_LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>')
    if points:
        first, last = points[0].at.date().isoformat(), points[-1].at.date().isoformat()
        parts.append(f'<text x="{_LEFT}" y="{bottom + 20}" text-anchor="start">{first}</text>')
        if len(points) > 1:
            parts.append(f'<text x="{right}" y="{bottom + 20}" text-anchor="end">{last}</text>')
    parts.append(
        f'<text x="{(_LEFT + right) / 2}" y="{MARKS_HEIGHT - 6}" text-anchor="middle">'
        "Marked answers, oldest first</text>"
    )
    parts.append("</g>")
    return parts
