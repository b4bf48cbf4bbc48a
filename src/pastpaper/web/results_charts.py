"""A class's results as SVG charts, written as text on the server (as ``marks_chart`` is):
the marks of one question as bars, and the class's weekly mean as a line. Each has a
``<title>`` and a ``<desc>`` that say in words what it shows; the page gives the same figures
in a table beside it.

Both are pure functions of plain figures: the same figures give the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from pastpaper.study.results import QuestionMarks, WeekMean

__all__ = ["distribution_svg", "weekly_svg"]

#: The charts' size in SVG units (they scale to the page's width).
WIDTH, HEIGHT = 480, 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 48, 16, 16, 44


def _open(ident: str, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="results-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" aria-labelledby="{ident}-title {ident}-desc">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]


def _y(share: float) -> float:
    """Where ``share`` (0 to 1 of the axis) goes up the chart (SVG's y runs downwards)."""
    return _TOP + (HEIGHT - _TOP - _BOTTOM) * (1 - share)


def _frame(top_label: str, caption: str) -> list[str]:
    """The axes, a gridline at the top with its label, and the caption under the x axis."""
    bottom, right = HEIGHT - _BOTTOM, WIDTH - _RIGHT
    return [
        '<g class="axes" aria-hidden="true">',
        f'<line class="grid" x1="{_LEFT}" y1="{_TOP}" x2="{right}" y2="{_TOP}"/>',
        f'<text x="{_LEFT - 6}" y="{_TOP + 5}" text-anchor="end">{escape(top_label)}</text>',
        f'<text x="{_LEFT - 6}" y="{bottom + 5}" text-anchor="end">0</text>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{bottom}"/>',
        f'<line x1="{_LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>',
        f'<text x="{(_LEFT + right) / 2}" y="{HEIGHT - 6}" text-anchor="middle">'
        f"{escape(caption)}</text>",
        "</g>",
    ]


def distribution_svg(marks: QuestionMarks) -> str:
    """Bars of how many students have each mark of the question, 0 on the left.

    >>> from pastpaper.study.results import QuestionMarks
    >>> q = QuestionMarks(question_id=3, course="c", topic="t", question="Why?", max_marks=2,
    ...                   counts=(1, 0, 2))
    >>> distribution_svg(q).count('class="bar"')
    3
    """
    ident = f"marks-{marks.question_id}"
    tallest = max(marks.counts)
    said = "; ".join(
        f"{n} {'has' if n == 1 else 'have'} {m}" for m, n in enumerate(marks.counts) if n
    )
    parts = _open(
        ident,
        f"Marks for question {marks.question_id}",
        f"{marks.answered} student{'' if marks.answered == 1 else 's'} answered, "
        f"out of {marks.max_marks}: {said}.",
    )
    parts += _frame(str(tallest), "Mark")
    span = (WIDTH - _LEFT - _RIGHT) / len(marks.counts)
    bottom = HEIGHT - _BOTTOM
    for mark, count in enumerate(marks.counts):
        x = _LEFT + span * mark
        top = _y(count / tallest) if tallest else bottom
        parts.append(
            f'<rect class="bar" x="{x + span * 0.15:.1f}" y="{top:.1f}" '
            f'width="{span * 0.7:.1f}" height="{bottom - top:.1f}">'
            f"<title>{mark} marks: {count}</title></rect>"
        )
        parts.append(
            f'<text aria-hidden="true" x="{x + span / 2:.1f}" y="{bottom + 18}" '
            f'text-anchor="middle">{mark}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def weekly_svg(weeks: Sequence[WeekMean], title: str = "The class's mean mark by week") -> str:
    """A line of the class's mean percentage each week, placed by date, oldest on the left.

    >>> weekly_svg([]).count("<circle")
    0
    """
    if weeks:
        first, last = weeks[0], weeks[-1]
        said = f"{len(weeks)} week{'s' if len(weeks) != 1 else ''} with marked answers"
        said += f", from {first.percent:g}% in the week of {first.week.isoformat()}"
        if len(weeks) > 1:
            said += f" to {last.percent:g}% in the week of {last.week.isoformat()}"
        said += "."
    else:
        said = "No answer has been marked yet."
    parts = _open("weekly", title, said)
    parts += _frame("100%", "Week")
    right = WIDTH - _RIGHT
    if not weeks:
        parts.append(
            f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">'
            "No marked answers yet</text></svg>"
        )
        return "\n".join(parts)
    days = max((weeks[-1].week - weeks[0].week).days, 1)
    spots = [
        (
            (_LEFT + right) / 2
            if len(weeks) == 1
            else _LEFT + (right - _LEFT) * (w.week - weeks[0].week).days / days,
            _y(w.percent / 100),
        )
        for w in weeks
    ]
    parts.append(
        '<polyline class="line" fill="none" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in spots)
        + '"/>'
    )
    for (x, y), week in zip(spots, weeks, strict=True):
        parts.append(
            f'<circle class="point" cx="{x:.1f}" cy="{y:.1f}" r="4"><title>'
            f"week of {week.week.isoformat()}: {week.percent:g}% over {week.attempts} "
            "answers</title></circle>"
        )
    bottom = HEIGHT - _BOTTOM
    parts.append(
        f'<text aria-hidden="true" x="{_LEFT}" y="{bottom + 18}" text-anchor="start">'
        f"{weeks[0].week.isoformat()}</text>"
    )
    if len(weeks) > 1:
        parts.append(
            f'<text aria-hidden="true" x="{right}" y="{bottom + 18}" text-anchor="end">'
            f"{weeks[-1].week.isoformat()}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)
