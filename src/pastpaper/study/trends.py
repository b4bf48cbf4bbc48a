"""Trends: which question families and command words were asked in which years, for how many marks.

One row per past-paper question, in the order of the notes; the helpers pivot the rows into
the tables a teacher reads (family by year, command words by year) and ``trends_chart``
draws them.

    >>> from pastpaper.ingest import parse_notes
    >>> notes = '''4: Khrushchev
    ...
    ... 1999: Why did Khrushchev denounce Stalin? (10)
    ... 2001: Explain why Khrushchev attacked Stalin. (5)
    ...
    ... To secure his own power.'''
    >>> rows = trends(parse_notes(notes).course)
    >>> [(row.year, row.command_word, row.marks) for row in rows]
    [(1999, 'why', 10), (2001, 'explain', 5)]
    >>> family_grid(rows)
    {'Why did Khrushchev denounce Stalin?': {1999: 10, 2001: 5}}
"""

from __future__ import annotations

import textwrap
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from pastpaper.course import Course, QuestionFamily
from pastpaper.model import Frozen
from pastpaper.study.charts import chart_format, figure_svg, new_figure, save_figure, shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "FAMILY_LABEL_WIDTH",
    "TrendRow",
    "command_words_by_year",
    "family_grid",
    "family_label",
    "trends",
    "trends_chart",
    "trends_figure",
    "trends_svg",
    "undated",
    "years",
]

#: The longest a family's label may be, in characters.
FAMILY_LABEL_WIDTH = 60


class TrendRow(Frozen):
    """One past-paper question as the trends see it.

    ``family`` labels the question's family (``family_label``), unique within the course;
    ``year`` and ``marks`` are None where the notes print none.
    """

    topic: str
    family: str
    year: int | None
    command_word: str
    marks: int | None
    question: str


def family_label(family: QuestionFamily) -> str:
    """A short label for a family: the tersest wording of its questions, shortened.

    The shortest question usually states the theme and nothing else; of two as short,
    the more recent wins.

    >>> from pastpaper.course import Question
    >>> family_label(QuestionFamily(questions=(
    ...     Question(year=2000, text="Describe the key features of de-Stalinisation."),
    ...     Question(year=2001, text="In what ways did Khrushchev carry out his policy?"),
    ... )))
    'Describe the key features of de-Stalinisation.'
    """
    if not family.questions:
        return "(no questions)"
    tersest = min(family.questions, key=lambda q: (len(" ".join(q.text.split())), -(q.year or 0)))
    return shorten(tersest.text, FAMILY_LABEL_WIDTH)


def trends(course: Course) -> list[TrendRow]:
    """Every question of the course as a row, in the order of the notes.

    Two families that would get the same label are told apart by a number: "(2)".
    """
    rows: list[TrendRow] = []
    taken: Counter[str] = Counter()
    for topic in course.topics:
        for family in topic.families:
            label = family_label(family)
            taken[label] += 1
            if taken[label] > 1:
                label = f"{label} ({taken[label]})"
            rows += [
                TrendRow(
                    topic=topic.title,
                    family=label,
                    year=question.year,
                    command_word=question.command_word,
                    marks=question.marks,
                    question=" ".join(question.text.split()),
                )
                for question in family.questions
            ]
    return rows


def years(rows: list[TrendRow]) -> list[int]:
    """The years questions were asked in, earliest first."""
    return sorted({row.year for row in rows if row.year is not None})


def undated(rows: list[TrendRow]) -> list[TrendRow]:
    """The questions printed without a year: listed, but they cannot be placed on a chart."""
    return [row for row in rows if row.year is None]


def family_grid(rows: list[TrendRow]) -> dict[str, dict[int, int | None]]:
    """Family by year: the marks each family's question carried in each year it was asked.

    Families come in the order of the notes, and years earliest first; a family asked twice
    in one year gets the two questions' marks added up. None means asked that year but
    printed without marks. A family whose questions have no year has an empty row.
    """
    grid: dict[str, dict[int, int | None]] = {row.family: {} for row in rows}
    for row in sorted(rows, key=lambda r: r.year or 0):
        if row.year is None:
            continue
        cells = grid[row.family]
        before = cells.get(row.year)
        if row.marks is None:
            cells[row.year] = before
        else:
            cells[row.year] = (before or 0) + row.marks
    return grid


def command_words_by_year(rows: list[TrendRow]) -> dict[int, dict[str, int]]:
    """Year by command word: how many questions of each year used each command word.

    >>> rows = [TrendRow(topic="4", family="f", year=2000, command_word=word, marks=None,
    ...                  question="q") for word in ("why", "describe", "why")]
    >>> command_words_by_year(rows)
    {2000: {'why': 2, 'describe': 1}}
    """
    counts: dict[int, Counter[str]] = {year: Counter() for year in years(rows)}
    for row in rows:
        if row.year is not None:
            counts[row.year][row.command_word] += 1
    return {year: dict(counter.most_common()) for year, counter in counts.items()}


def trends_chart(rows: list[TrendRow], path: Path, *, force: bool = False) -> list[TrendRow]:
    """Draw the trends to ``path`` (.svg or .png) and return the questions left off it.

    Families run down the chart and years along it. Each question is a marker in its
    family's row and its year's column, sized and numbered by its marks and coloured by
    its command word; a hollow marker was printed without marks. A question with no year
    has no place on the chart: it is named in a note under the chart and returned.
    """
    chart_format(path)  # a wrong suffix is an error before any drawing
    figure, left_off = trends_figure(rows)
    save_figure(figure, path, force=force)
    return left_off


def trends_svg(rows: list[TrendRow]) -> str:
    """The trends chart of ``rows`` as SVG text (see ``trends_chart``), for a web page."""
    return figure_svg(trends_figure(rows)[0])


def trends_figure(rows: list[TrendRow]) -> tuple[Figure, list[TrendRow]]:
    """The trends chart of ``rows``, drawn but not saved, and the questions left off it."""
    placed = [row for row in rows if row.year is not None]
    left_off = undated(rows)
    families = list(dict.fromkeys(row.family for row in placed))
    figure = new_figure(9, max(2.5, 0.65 * len(families) + 1.6))
    axes = figure.add_subplot()
    if not placed:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No question has a year: nothing to chart.", ha="center")
    else:
        _draw_trends(axes, placed, families)
    notes = ["Marker size and number: marks. Hollow marker: no marks printed."]
    if left_off:
        notes.append(
            f"Not shown, no year: {len(left_off)} question{'s' if len(left_off) > 1 else ''} ("
            + "; ".join(shorten(row.question, 50) for row in left_off[:3])
            + ("; …" if len(left_off) > 3 else "")
            + ")."
        )
    axes.annotate(
        "\n".join(notes),
        xy=(0, 0),
        xycoords="axes fraction",
        xytext=(0, -40),
        textcoords="offset points",
        va="top",
        fontsize=8,
    )
    return figure, left_off


def _draw_trends(axes: Axes, rows: list[TrendRow], families: list[str]) -> None:
    from matplotlib import colormaps
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    palette = colormaps["tab10"]
    words = list(dict.fromkeys(row.command_word for row in rows))
    colour = {word: palette(index % 10) for index, word in enumerate(words)}
    row_of = {family: index for index, family in enumerate(families)}
    # Questions of one family in one year stand side by side, not on top of each other.
    cell: Counter[tuple[str, int | None]] = Counter((row.family, row.year) for row in rows)
    seen: Counter[tuple[str, int | None]] = Counter()
    for row in rows:
        assert row.year is not None
        key = (row.family, row.year)
        x = row.year + 0.3 * (seen[key] - (cell[key] - 1) / 2)
        seen[key] += 1
        y = row_of[row.family]
        size = 60 + 22 * (row.marks or 0)
        axes.scatter(
            [x],
            [y],
            s=size,
            color=colour[row.command_word],
            facecolors="white" if row.marks is None else colour[row.command_word],
            linewidths=1.5,
            zorder=3,
        )
        if row.marks is not None:
            axes.annotate(
                str(row.marks),
                (x, y),
                ha="center",
                va="center",
                fontsize=7,
                color="white",
                fontweight="bold",
                zorder=4,
            )
    axes.set_yticks(
        range(len(families)),
        [textwrap.fill(family, 36, break_on_hyphens=False) for family in families],
        fontsize=8,
    )
    axes.set_ylim(len(families) - 0.5, -0.5)  # the first family at the top
    first, last = min(r.year or 0 for r in rows), max(r.year or 0 for r in rows)
    axes.set_xlim(first - 0.7, last + 0.7)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("year asked")
    axes.grid(axis="x", color="0.9", zorder=0)
    keys = [
        Line2D([], [], marker="o", linestyle="", color=colour[word], markersize=8, label=word)
        for word in words
    ]
    axes.legend(
        handles=keys, title="command word", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8
    )
