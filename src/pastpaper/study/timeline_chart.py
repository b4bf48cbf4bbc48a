"""The timeline as a picture: the events of ``pastpaper.study.timeline`` along an axis of
years, one a row, coloured by topic (or by course, for several), with a key above.

The chart of a course's timeline is what ``pastpaper timeline --chart`` writes and the
progress page shows.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from pastpaper.study.charts import (
    RIGHT_TO_LEFT_NOT_DRAWN,
    chart_format,
    figure_svg,
    has_right_to_left,
    new_figure,
    right_to_left_drawn,
    save_figure,
    shorten,
    wrapped,
)
from pastpaper.study.dates import date_label
from pastpaper.study.timeline import Event

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["timeline_chart", "timeline_figure", "timeline_svg"]


def timeline_chart(events: list[Event], path: Path, *, force: bool = False) -> None:
    """Draw the events to ``path`` (.svg or .png) along a horizontal axis of years.

    One event a row, in the order given, the first at the top. A single date is a dot in
    the middle of the year, month or day it names; a span of years is a bar from the start
    of its first year to the end of its last. Each row's colour is its course's when the
    events come from several courses, else its topic's, with a key above the chart.
    """
    chart_format(path)  # a wrong suffix is an error before any drawing
    save_figure(timeline_figure(events), path, force=force)


def timeline_svg(events: list[Event]) -> str:
    """The timeline chart of ``events`` as SVG text (see ``timeline_chart``), for a page."""
    return figure_svg(timeline_figure(events))


def timeline_figure(events: list[Event]) -> Figure:
    """The timeline chart of ``events``, drawn but not saved (see ``timeline_chart``)."""
    figure = new_figure(10, max(2.5, 0.6 * len(events) + 1.4))
    axes = figure.add_subplot()
    if events:
        _draw_timeline(axes, events)
        if not right_to_left_drawn() and any(has_right_to_left(e.text) for e in events):
            figure.text(0, 0, RIGHT_TO_LEFT_NOT_DRAWN, fontsize=8, va="top")
    else:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No dated events in these notes: nothing to draw.", ha="center")
    return figure


def _position(event: Event) -> tuple[float, float]:
    """Where an event starts and ends on the axis, in years."""
    year, month, day = event.start
    if event.end_year is not None and month is not None and event.end_month is not None:
        return year + (month - 1) / 12, event.end_year + event.end_month / 12
    if event.end_year is not None:
        return float(year), float(event.end_year + 1)
    if month is None:
        return year + 0.5, year + 0.5
    if day is None:  # the middle of the month, or of a span of months
        return (at := year + ((month + (event.end_month or month)) / 2 - 0.5) / 12), at
    return (at := year + (month - 1) / 12 + (day - 0.5) / 365.25), at


def _draw_timeline(axes: Axes, events: list[Event]) -> None:
    from matplotlib import colormaps

    palette = colormaps["tab10"]
    by_course = len({event.course for event in events}) > 1
    groups = [event.course if by_course else event.topic for event in events]
    names = list(dict.fromkeys(groups))
    colour = {name: palette(index % 10) for index, name in enumerate(names)}
    axis = _Axis([_position(event) for event in events])
    for row, (event, group) in enumerate(zip(events, groups, strict=True)):
        first, last = (axis.place(year) for year in _position(event))
        if event.end_year is not None:
            axes.barh(row, last - first, left=first, height=0.45, color=colour[group])
        else:
            axes.plot([first], [row], marker="o", markersize=8, color=colour[group])
        axes.annotate(
            event.label,
            (last, row),
            xytext=(7, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    labels = [wrapped(shorten(event.text, 120), 48) for event in events]
    axes.set_yticks(range(len(events)), labels, fontsize=8)
    axes.set_ylim(len(events) - 0.5, -0.5)  # the first event at the top
    axis.draw(axes)
    if len(names) > 1:
        _draw_key(axes, names, colour, "course" if by_course else "topic")


class _Axis:
    """The axis of years. Where one long stretch holds no event (a Roman comparison beside
    the Industrial Revolution, c. 100 BC and 1709-1878), the stretch is cut out and the
    cut marked, so that the events on either side are not squeezed to an edge."""

    #: A stretch without events is cut out when it is more than this share of all the years.
    EMPTY = 0.5
    #: What is left of a cut stretch, as a share of the years kept.
    CUT = 0.04

    def __init__(self, spans: list[tuple[float, float]]) -> None:
        starts, ends = zip(*spans, strict=True)
        self.starts = sorted(starts)
        self.low, self.high = int(min(starts)) - 1, int(max(ends)) + 2
        self.gap: tuple[float, float] | None = None
        self.cut = 0.0  # what is drawn of the gap
        edges = sorted(spans)
        reach = edges[0][1]
        widest = (0.0, 0.0)
        for start, end in edges[1:]:
            if start - reach > widest[1] - widest[0]:
                widest = (reach, start)
            reach = max(reach, end)
        if widest[1] - widest[0] > self.EMPTY * (self.high - self.low):
            self.gap = (widest[0] + 1, widest[1] - 1)
            kept = (self.high - self.low) - (self.gap[1] - self.gap[0])
            self.cut = self.CUT * kept

    def place(self, year: float) -> float:
        """Where a year stands on the drawn axis."""
        if self.gap is None or year <= self.gap[0]:
            return year
        return year - (self.gap[1] - self.gap[0]) + self.cut

    def draw(self, axes: Axes) -> None:
        """The years, "44 BC" and "AD 43" written so where the years go that far back."""
        from matplotlib.ticker import MaxNLocator

        axes.set_xlim(self.place(self.low), self.place(self.high))
        stretches: list[tuple[float, float]] = [(self.low, self.high)]
        if self.gap is not None:
            stretches = [(self.low, self.gap[0]), (self.gap[1], self.high)]
        ancient = self.low < 1000

        def label(year: int) -> str:
            return (date_label(year) if year else "") if ancient else str(year)

        ticks: list[tuple[float, str]] = []
        drawn = sum(self.place(high) - self.place(low) for low, high in stretches)
        for low, high in stretches:
            bins = round(6 * (self.place(high) - self.place(low)) / drawn)
            if bins < 2:  # a narrow stretch: the year of its first event named
                first = min(start for start in self.starts if low <= start <= high)
                ticks.append((first, label(math.floor(first))))
                continue
            found = MaxNLocator(nbins=bins, integer=True).tick_values(low, high)
            ticks += [(t, label(int(t))) for t in found if low <= t <= high]
        spaced: list[tuple[float, str]] = []
        for tick in ticks:  # labels far enough apart not to run into each other
            if not spaced or self.place(tick[0]) - self.place(spaced[-1][0]) >= 0.08 * drawn:
                spaced.append(tick)
        axes.set_xticks([self.place(at) for at, _ in spaced], [text for _, text in spaced])
        if self.gap is not None:
            # The cut, drawn on the axis line where the missing years would be.
            at = self.gap[0] + self.cut / 2
            axes.text(
                at,
                0,
                "//",
                transform=axes.get_xaxis_transform(),
                ha="center",
                va="center",
                fontsize=10,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0},
            )
        axes.grid(axis="x", color="0.9")
        axes.set_axisbelow(True)
        axes.set_xlabel("year" if self.gap is None else "year (a stretch with no events cut out)")


def _draw_key(
    axes: Axes, names: list[str], colour: dict[str, tuple[float, float, float, float]], title: str
) -> None:
    """The key of colours, above the chart, where it covers no event and no label."""
    from matplotlib.lines import Line2D

    keys = [
        Line2D([], [], marker="o", linestyle="", color=colour[name], label=wrapped(name, 40))
        for name in names
    ]
    axes.legend(
        handles=keys,
        title=title,
        loc="lower left",
        bbox_to_anchor=(0, 1.02),
        ncols=min(3, len(keys)),
        fontsize=8,
        title_fontsize=8,
        alignment="left",
    )
