"""Timeline: the dated events the notes tell, earliest first, as a table and as a picture.

A date is a year the notes give ("in 1957"), with its month and day where they give them
("In March 1953", "5 March 1953", "March 5, 1953"), or a span of years ("(1956 - 1960)",
"1956-60", "from 1956 to 1960", "between 1956 and 1960"). "That year" and "the same
year" mean the year last named in the paragraph, "the following year" the one after it.
A decade ("the 1950's") dates nothing, and neither does a year that only bounds a period
("until 1956", "by 1964", "in the years to 1964"), though "that year" may refer back to it.

    >>> from pastpaper.ingest import parse_notes
    >>> notes = '''4: Khrushchev
    ...
    ... 2000: Why did Khrushchev denounce Stalin? (5)
    ...
    ... In March 1953 Stalin died. The Sixth Plan (1956 - 1960) stressed heavy industry.'''
    >>> [(event.label, event.text) for event in timeline(parse_notes(notes).course)]
    [('March 1953', 'Stalin died'), ('1956–1960', 'The Sixth Plan stressed heavy industry')]
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from pastpaper.charts import chart_format, new_figure, save_figure, shorten
from pastpaper.course import Course, QuestionFamily
from pastpaper.points import family_points, sentence_spans
from pastpaper.scheme import content_stems

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["EVENT_LENGTH", "MONTHS", "Event", "timeline", "timeline_chart"]

#: The longest an event's text may be, in characters.
EVENT_LENGTH = 140

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class Event(BaseModel):
    """One dated event: when, what, and where the notes tell it.

    ``date`` is the date as the notes write it ("March 1953", "1956 - 1960"; a date given
    as "that year" is written out). ``start`` is (year, month, day), None where the notes
    give no month or day; ``end_year`` closes a span of years. ``family`` and ``note`` are
    0-based: the family within its topic and the notes paragraph within its family.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: str
    start: tuple[int, int | None, int | None]
    end_year: int | None = None
    text: str
    topic: str
    family: int
    note: int

    @property
    def label(self) -> str:
        """The date written out the same way for every event: "5 March 1953", "1956–1960"."""
        year, month, day = self.start
        if self.end_year is not None:
            return f"{year}–{self.end_year}"
        return _label(year, month, day)


def timeline(course: Course) -> list[Event]:
    """The dated events of a course's notes, earliest first.

    Events are ordered by date. A span of years stands at its middle, where a reader
    looking for "what happened around 1958" would look: "1956–1960 the Sixth Five Year
    Plan" comes after "1957 the sovnarkhozy" and before "1959 the Seventh". At the same
    point in time a single date comes before a span (shorter spans first), a date with no
    month before the months of its year, and otherwise the order of the notes holds.

    An event told twice (the same date, allowing for one telling to leave out the month or
    day, and two or more content words in common) is listed once, by the telling that
    dates it most precisely, else by the first.
    """
    events: list[tuple[Event, int]] = []
    for topic in course.topics:
        for family_index, family in enumerate(topic.families):
            for note_index, note in enumerate(family.notes):
                for event in _note_events(note, family, topic.title, family_index, note_index):
                    _add(events, event)
    ordered = sorted(events, key=lambda kept: _order(kept[0]))
    return [event for event, _ in ordered]


def _order(event: Event) -> tuple[int, int, int, int]:
    """Half-years from year 0 to the event's middle, then its length, month and day."""
    year, month, day = event.start
    end = event.end_year if event.end_year is not None else year
    return (year + end, end - year, month or 0, day or 0)


def _add(events: list[tuple[Event, int]], event: Event) -> None:
    """Add ``event`` unless it is already there; keep the more precise of two tellings."""
    precision = sum(part is not None for part in event.start[1:])
    for index, (kept, kept_precision) in enumerate(events):
        if _same_event(kept, event):
            if precision > kept_precision:
                events[index] = (event, precision)
            return
    events.append((event, precision))


@cache
def _month_stems() -> frozenset[str]:
    return frozenset(content_stems(" ".join(MONTHS)))


def _same_event(a: Event, b: Event) -> bool:
    if a.start[0] != b.start[0] or a.end_year != b.end_year:
        return False
    for mine, theirs in zip(a.start[1:], b.start[1:], strict=True):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    shared = (content_stems(a.text) & content_stems(b.text)) - _month_stems()
    return len(shared) >= 2


# -- finding dates ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    """A date in a paragraph: ``start`` takes in a leading preposition, ``date_start`` not."""

    start: int
    date_start: int
    end: int
    year: int
    month: int | None
    day: int | None
    end_year: int | None
    bounds: bool  # "until 1956": the edge of a period, not a date of its own
    written: str


_YEAR = r"1\d{3}|20\d{2}"
_MONTH = "|".join(MONTHS)
_YEAR_OR_REFERENCE = re.compile(
    rf"(?<![\w.,£$€])(?P<year>{_YEAR})(?![\w’'%]|[.,]\d)"
    r"|\b(?P<same>(?i:that|the same|that same) year)\b"
    r"|\b(?P<next>(?i:the following|the next) year)\b"
)
_DAY_MONTH_BEFORE = re.compile(
    rf"(?:\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+)?\b(?P<month>{_MONTH})\s+(?:of\s+)?$"
)
_MONTH_DAY_BEFORE = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+$")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?P<word>(?i:in|on|during|from|between|of|until|till|up to|by|to|before|after|since))"
    r"\s+$"
)
_BOUNDS = frozenset({"until", "till", "up to", "by", "to", "before", "after", "since"})
_SPAN_DASH = re.compile(rf"\s*[-–—]\s*(?P<end>{_YEAR}|\d\d)(?![\w’'])")
_SPAN_WORDS = re.compile(rf"\s+(?P<join>to|until|till|and)\s+(?P<end>{_YEAR})(?![\w’'])")


def _mentions(note: str) -> Iterator[_Mention]:
    """The dates of a paragraph, in order, bounds of periods included."""
    last_year: int | None = None
    covered = 0  # the end of the last span: its closing year is not a date of its own
    for match in _YEAR_OR_REFERENCE.finditer(note):
        if match.start() < covered:
            continue
        if match["year"]:
            year = int(match["year"])
        elif last_year is None:
            continue  # "that year" with no year before it to refer to
        else:
            year = last_year + (1 if match["next"] else 0)
        date_start, end = match.start(), match.end()
        month = day = None
        found = _MONTH_DAY_BEFORE.search(note, 0, date_start) or _DAY_MONTH_BEFORE.search(
            note, 0, date_start
        )
        if found and (not found["day"] or 1 <= int(found["day"]) <= 31):
            month = MONTHS.index(found["month"]) + 1
            day = int(found["day"]) if found["day"] else None
            date_start = found.start()
        before = _PREPOSITION_BEFORE.search(note, 0, date_start)
        word = before["word"].lower() if before else ""
        end_year = None
        if match["year"] and month is None:
            end_year, span_end = _span_end(note, end, year, word)
            if end_year is not None:
                end = covered = span_end
        last_year = year
        written = " ".join(note[date_start:end].split())
        if not match["year"]:
            written = _label(year, month, day)
        yield _Mention(
            start=before.start() if before else date_start,
            date_start=date_start,
            end=end,
            year=year,
            month=month,
            day=day,
            end_year=end_year,
            bounds=word in _BOUNDS and end_year is None,
            written=written,
        )


def _span_end(note: str, at: int, year: int, word: str) -> tuple[int | None, int]:
    """The closing year of a span of years that starts with ``year``, and where it ends."""
    found = _SPAN_DASH.match(note, at)
    if found is None:
        found = _SPAN_WORDS.match(note, at)
        joins = {"from": {"to", "until", "till"}, "between": {"and"}}.get(word, set())
        if found is None or found["join"] not in joins:
            return None, at
    end = int(found["end"])
    if end < 100:  # "1956-60"
        end += year - year % 100
        if end <= year:
            end += 100
    return (end, found.end()) if end > year else (None, at)


def _label(year: int, month: int | None, day: int | None) -> str:
    parts = [str(day)] if day else []
    parts += [MONTHS[month - 1]] if month else []
    return " ".join([*parts, str(year)])


# -- what happened ----------------------------------------------------------------------------


def _note_events(
    note: str, family: QuestionFamily, topic: str, family_index: int, note_index: int
) -> Iterator[Event]:
    mentions = [m for m in _mentions(note) if not m.bounds]
    sentences = sentence_spans(note)
    for mention in mentions:
        start, end = next(
            ((s, e) for s, e in sentences if s <= mention.date_start < e), (0, len(note))
        )
        text = _told(note, start, end, mention)
        crowded = sum(start <= m.date_start < end for m in mentions) > 1
        if crowded or len(text) > EVENT_LENGTH:
            # The clause that holds the date says what happened then.
            clause = next(
                (
                    (p.source.start, p.source.end)
                    for p in family_points(family)
                    if p.source.note == note_index
                    and p.source.start <= mention.date_start < p.source.end
                ),
                None,
            )
            if clause is not None:
                text = _told(note, *clause, mention)
        yield Event(
            date=mention.written,
            start=(mention.year, mention.month, mention.day),
            end_year=mention.end_year,
            text=shorten(text, EVENT_LENGTH),
            topic=topic,
            family=family_index,
            note=note_index,
        )


def _told(note: str, start: int, end: int, mention: _Mention) -> str:
    """What ``note[start:end]`` says happened, without the date that opens or interrupts it."""
    told = note[start:end]
    if mention.start == start:
        rest = note[mention.end : end].lstrip(" ,\u00a0")
        if len(rest.split()) >= 2:
            told = rest
    else:
        date = re.escape(note[mention.date_start : mention.end])
        told = re.sub(rf"\s*\(\s*{date}\s*\)", "", told)
    told = " ".join(told.split())
    return told[:1].upper() + told[1:]


# -- the picture ------------------------------------------------------------------------------


def timeline_chart(events: list[Event], path: Path, *, force: bool = False) -> None:
    """Draw the events to ``path`` (.svg or .png) along a horizontal axis of years.

    One event a row, in the order given, the first at the top. A single date is a dot in
    the middle of the year, month or day it names; a span of years is a bar from the start
    of its first year to the end of its last. Each row's colour is its topic's.
    """
    chart_format(path)  # a wrong suffix is an error before any drawing
    figure = new_figure(10, max(2.5, 0.6 * len(events) + 1.4))
    axes = figure.add_subplot()
    if events:
        _draw_timeline(axes, events)
    else:
        axes.set_axis_off()
        axes.text(0.5, 0.5, "No dated events in these notes: nothing to draw.", ha="center")
    save_figure(figure, path, force=force)


def _position(event: Event) -> tuple[float, float]:
    """Where an event starts and ends on the axis, in years."""
    year, month, day = event.start
    if event.end_year is not None:
        return float(year), float(event.end_year + 1)
    if month is None:
        return year + 0.5, year + 0.5
    if day is None:
        return (at := year + (month - 0.5) / 12), at
    return (at := year + (month - 1) / 12 + (day - 0.5) / 365.25), at


def _draw_timeline(axes: Axes, events: list[Event]) -> None:
    from matplotlib import colormaps
    from matplotlib.lines import Line2D
    from matplotlib.ticker import MaxNLocator

    palette = colormaps["tab10"]
    topics = list(dict.fromkeys(event.topic for event in events))
    colour = {topic: palette(index % 10) for index, topic in enumerate(topics)}
    for row, event in enumerate(events):
        first, last = _position(event)
        if event.end_year is not None:
            axes.barh(row, last - first, left=first, height=0.45, color=colour[event.topic])
        else:
            axes.plot([first], [row], marker="o", markersize=8, color=colour[event.topic])
        axes.annotate(
            event.label,
            (last, row),
            xytext=(7, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    labels = [textwrap.fill(shorten(e.text, 120), 48, break_on_hyphens=False) for e in events]
    axes.set_yticks(range(len(events)), labels, fontsize=8)
    axes.set_ylim(len(events) - 0.5, -0.5)  # the first event at the top
    starts, ends = zip(*(_position(event) for event in events), strict=True)
    axes.set_xlim(int(min(starts)) - 1, int(max(ends)) + 2)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="x", color="0.9")
    axes.set_axisbelow(True)
    axes.set_xlabel("year")
    if len(topics) > 1:
        keys = [
            Line2D([], [], marker="o", linestyle="", color=colour[topic], label=topic)
            for topic in topics
        ]
        axes.legend(
            handles=keys, title="topic", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8
        )
