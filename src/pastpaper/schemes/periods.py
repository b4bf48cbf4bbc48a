"""When a question's period ends, and which points tell of a time after it.

A question that names its years ("before 1914", "in the years 1898-1914", "up to 49 BC",
"in March 1917", "by 1588") asks about that time: a point the notes date after it ("Italy
... joined the Allies in May 1915" for "the alliance system before 1914") is what came next,
not an answer. A year that names a thing ("the settlement of 1559", "the crisis of 1923")
bounds nothing. A question that asks only from a year on ("after 1923") has no end. What a
historian or a treaty later said about the period ("From 1961 Fritz Fischer argued ...",
"Article 231 ... (1919) made Germany accept responsibility") is a view of it, not an event
after it, and keeps its place.

    >>> asked_until("Describe the alliance system in Europe before 1914.")
    (1914, None)
    >>> asked_until("Why did Caesar cross the Rubicon in January 49 BC?")
    (-49, 1)
    >>> asked_until("Why was Stresemann able to restore stability to Germany after 1923?")
"""

from __future__ import annotations

import re
from functools import lru_cache

from pastpaper.language import MONTH
from pastpaper.study.dates import Mention, clear_mentions, mentions

__all__ = [
    "When",
    "asked_from",
    "asked_until",
    "asked_window",
    "at_a_time",
    "clear_dates",
    "is_after",
    "named_until",
    "notes_date",
    "point_date",
    "within",
]

#: A year and, where the text gives it, its month: (1914, 8) for "August 1914"; BC negative.
When = tuple[int, int | None]

# Words that, before "of" and a year, make it the time asked about, not a thing's name:
# "the summer of 1789", "the events of 1848", "the winter of 1946-47".
_TIME_OF = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|year|years|months?|weeks?|days|events|period)"
    r"\s+of\s*$",
    re.IGNORECASE,
)


def _names_thing(question: str, mention: Mention) -> bool:
    """Is a year of the question the name of a thing ("the crisis of 1923"), not a time?"""
    if mention.word not in _NAMING:
        return False
    return not _TIME_OF.search(question, max(0, mention.date_start - 30), mention.date_start)


# Words that open no period's end: "after 1923", "since 1945", "from 1933" (with no "to").
_FROM = frozenset({"after", "since", "from"})
# A year that names a thing rather than the time asked about: "the religious settlement of
# 1559" (its Thirty-Nine Articles came in 1563), "the crisis of 1923", "the 1839 Treaty".
_NAMING = frozenset({"of", "the"})

# A view of the period rather than an event in it: a historian's argument, a verdict, blame.
# (The lookahead in front, of the words' first letters, turns most places down at once.)
_VIEW = re.compile(
    r"(?=[abcdghijrvw])\b(?:historians?|argu(?:ed|es|ing)|wrote|claimed|concluded|called|judged|verdict|"
    r"interpret\w*|debate[ds]?|view|blame[ds]?|responsib\w*|guilt)\b",
    re.IGNORECASE,
)


_ORDINALS = {
    word: number
    for number, word in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
        thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
        twenty-first""".split(),
        start=1,
    )
}
# A century a question names: "in the early 19th century", "the fifteenth century", "the
# late eighteenth century", "in the 5th century BC". (The lookahead in front, of what its
# words start with, turns most places down at once.)
_CENTURY = re.compile(
    r"(?=[\deflmnst])\b(?:(?P<part>early|late|mid|middle)[\s-]+)?"
    rf"(?:(?P<digits>\d{{1,2}})(?:st|nd|rd|th)|(?P<words>{'|'.join(_ORDINALS)}))"
    r"[\s-]+century(?P<bc>\s+(?:BC|BCE))?\b",
    re.IGNORECASE,
)


_NOT_ONE_CENTURY = re.compile(r"\b(?:and|or|to|turn of)\s+(?:the\s+)?$", re.IGNORECASE)


def _century(question: str) -> tuple[int, int] | None:
    """The first and last year of the century (or its part) a question names, if any. Its
    early and late parts are its halves, generously: "the late 18th century" is 1750-1799,
    so that the flying shuttle of 1733 is before it and the power loom of 1785 in it."""
    found = _CENTURY.search(question)
    before = question[max(0, found.start() - 12) : found.start()] if found else ""
    if found is None or _NOT_ONE_CENTURY.search(before):
        return None  # "the 18th and early 19th century", "the turn of the twentieth century"
    number = int(found["digits"]) if found["digits"] else _ORDINALS[found["words"].lower()]
    if number < 1:
        return None
    # Counted from its start: years 1-100 of the 19th century are 1800-1899, and of the
    # 5th century BC 500-401 BC, counted backwards.
    start, bc = 100 * (number - 1), bool(found["bc"])
    part = (found["part"] or "").lower()
    into = {"early": (0, 49), "late": (50, 99), "mid": (25, 74), "middle": (25, 74)}.get(
        part, (0, 99)
    )
    if bc:  # the early 5th century BC is 500-451 BC
        return -(start + 100) + into[0], -(start + 100) + into[1]
    return start + into[0], start + into[1]


@lru_cache(maxsize=4096)
def asked_until(question: str) -> When | None:
    """The last year (and month) a question asks about, or None when it names no end.

    >>> asked_until("Describe working conditions in the early 19th century."), asked_until(
    ...     "Why did Portugal lead the voyages of exploration in the fifteenth century?")
    ((1849, None), (1499, None))
    """
    century = _century(question)
    ends: list[When] = [(century[1], None)] if century else []
    for mention in mentions(question):
        if _names_thing(question, mention):
            continue
        if mention.word in _FROM and mention.end_year is None:
            return None
        if mention.decade:  # "the early 1920s" asks about the decade, as a century's half
            ends.append((mention.year - mention.year % 10 + 9, None))
        elif mention.end_year is not None:
            ends.append((mention.end_year, None))
        else:  # (the last month of "Jul-Nov 1956")
            ends.append((mention.year, mention.end_month or mention.month))
    return max(ends, key=lambda when: when[0]) if ends else None


def at_a_time(question: str) -> bool:
    """Does the question date what it asks about to one time ("the fall of Saigon in 1975",
    "in April 1975"), not a period ("in the years 1947-52", "before 1914", "the 1920s")?"""
    found = list(mentions(question))
    return bool(found) and all(
        not m.bounds and m.end_year is None and not m.decade and m.word not in _FROM for m in found
    )


def named_until(question: str) -> When | None:
    """The year of the thing a question names by its year ("the Civil Rights Act of 1964",
    "the crisis of 1923"), the last if it names several, or None. It bounds no period; but
    what brought that thing about came before it, so for a question asking why it happened
    it is the end of the time the causes may come from.

    >>> named_until("Why was the Civil Rights Act of 1964 passed?")
    (1964, None)
    >>> named_until("Why did Nicholas II abdicate in March 1917?")
    """
    years = [
        (m.end_year or m.year, m.end_month or m.month)
        for m in mentions(question)
        if _names_thing(question, m) and not m.decade
    ]
    return max(years, key=lambda when: when[0]) if years else None


@lru_cache(maxsize=4096)
def asked_from(question: str) -> int | None:
    """The first year a question asks about, where it names when the thing happened ("on 15
    March 44 BC", "in 1492-93", "in the years 1914-17"), or None where it names only an end
    ("before 1914", "up to 49 BC") or a year that names a thing ("the crisis of 1923").

    >>> asked_from("Describe Columbus's first voyage across the Atlantic in 1492-93.")
    1492
    >>> asked_from("Describe Julius Caesar's rise to power up to 49 BC.")
    >>> asked_from("Describe the changes in the textile industry in the late 18th century.")
    1750
    """
    for mention in mentions(question):
        if mention.bounds or _names_thing(question, mention) or mention.word in _FROM:
            continue
        return mention.year - mention.year % 10 if mention.decade else mention.year
    century = _century(question)
    return century[0] if century else None


def notes_date(names: list[str], notes: tuple[str, ...]) -> tuple[int, When | None] | None:
    """When the notes date a thing a question names (``names``, its names) where they name
    it: its first year, and its last year (and month) where they give a span. "the Hundred
    Days (March to June 1933)" runs from 1933 to June 1933; "The Second New Deal of 1935"
    and "the League (1934)" begin then, and what came of them may come later. Only a thing
    the notes name with "the" is dated so, as an event, a law, a body or a time is: not a
    person's life ("Martin Luther King (1929-68)"), nor a shorter name inside a longer one
    ("the Second New Deal of 1935" dates no "New Deal"). None where the notes date none of
    them so.

    >>> notes_date(["Hundred Days"], ("the agencies of the Hundred Days (March to June 1933)",))
    (1933, (1933, 6))
    >>> notes_date(["Second New Deal"], ("The Second New Deal of 1935 went further.",))
    (1935, None)
    """
    for name in names:
        if not any(name in note for note in notes):
            continue  # (most names: no pattern made for them)
        named = re.compile(
            rf"\b(?i:the)\s+{re.escape(name)}\s+(?:\((?P<span>[^()]*)\)|of\s+(?P<of>[^\s);:]+))"
        )
        for note in notes:
            found = named.search(note)
            if found is None:
                continue
            said = found["span"] if found["span"] is not None else found["of"]
            dates = list(mentions(said))
            if not dates or _NOT_DATE.sub("", said).strip():
                continue  # not a date alone: "(the CCC)", "of Versailles"
            first, last = dates[0], dates[-1]
            if first.bounds and (first.word != "to" or said.lstrip()[:2].lower() == "to"):
                continue  # "(until 1940)", "(to 1933)": an end, not a time ("March to June")
            if len(dates) == 1 and not (first.end_year or first.end_month or first.bounds):
                return first.year, None  # one date: when it began ("March to June" ends one)
            month = last.end_month or (None if last.end_year else last.month)
            return first.year, (last.end_year or last.year, month)
    return None


# What a date in brackets holds besides its dates: "(March to June 1933)", "(1924-29)".
_NOT_DATE = re.compile(rf"\b(?:\d[\d,]*|BC|AD|c|to|and|from|until|{MONTH})\b|[-–—/.,\s]")


#: A stretch of time, by its first and last month: (1492, 1) to (1493, 12) for "1492-93".
Window = tuple[tuple[int, int], tuple[int, int]]


@lru_cache(maxsize=4096)
def asked_window(question: str) -> Window | None:
    """The stretch of time a question asks about, from its first month to its last, where
    it names when the thing happened ("on 15 March 44 BC": that month; "in 1492-93"; "in the
    fifteenth century"); None where it names none, or only one end ("before 1914", "after
    1923"), or a year that names a thing ("the crisis of 1923").

    >>> asked_window("Describe the assassination of Julius Caesar on 15 March 44 BC.")
    ((-44, 3), (-44, 3))
    >>> asked_window("Why did relations break down in the years 1945–46?")
    ((1945, 1), (1946, 12))
    >>> asked_window("Describe the alliance system in Europe before 1914.")
    """
    century = _century(question)
    spans = [((century[0], 1), (century[1], 12))] if century else []
    for mention in mentions(question):
        if _names_thing(question, mention):
            continue
        if mention.bounds or mention.word in _FROM:
            return None
        if mention.decade:
            first = mention.year - mention.year % 10
            spans.append(((first, 1), (first + 9, 12)))
            continue
        end_year = mention.end_year if mention.end_year is not None else mention.year
        end_month = mention.end_month or (mention.month if mention.end_year is None else None)
        spans.append(((mention.year, mention.month or 1), (end_year, end_month or 12)))
    if not spans:
        return None
    return min(start for start, _ in spans), max(end for _, end in spans)


def within(date: When, window: Window) -> bool:
    """Does a date (a month, or a whole year) fall inside a stretch of time?"""
    year, month = date
    return window[0] <= (year, month or 1) and (year, month or 12) <= window[1]


# A family's points are dated once for its paragraphs and again for each of its questions.
@lru_cache(maxsize=65536)
def point_date(text: str, century_from: int | None = None) -> When | None:
    """The date a point's own words give it: the first date it names that is not only the
    bound of a period ("due to be finished by 1917" dates nothing). None for a view of the
    period, which is dated by when it was said. A year in two figures ("Oct 62") takes its
    century from ``century_from``, the year the notes named before the point, if any
    (``dates.full_year``).

    >>> point_date("Italy stayed neutral in August 1914 and joined the Allies in May 1915")
    (1914, 8)
    >>> point_date("From 1961 Fritz Fischer argued that Germany wanted war")
    """
    if _VIEW.search(text):
        return None
    found = list(mentions(text, century_from=century_from))
    first = next((m for m in found if not m.bounds), None)
    if first is not None and first.word == "from" and _moved_back(first, found):
        return None  # "brought the date forward from June 1948 to 15 August 1947"
    return None if first is None else (first.year, first.month)


def _moved_back(first: Mention, found: list[Mention]) -> bool:
    """Does a "to" date after ``first`` come before it: a date moved, not a span of time?
    Neither is when the moving happened."""
    after = found[found.index(first) + 1 :]
    later = next((m for m in after if m.word == "to"), None)
    if later is None:
        return False
    return (later.year, later.month or 0, later.day or 0) < (
        first.year,
        first.month or 0,
        first.day or 0,
    )


def clear_dates() -> None:
    """Forget the points dated before (for benchmarks that time the work itself)."""
    point_date.cache_clear()
    clear_mentions()


def is_after(date: When, until: When) -> bool:
    """Is ``date`` later than the end of a period? A month counts only where both name one.

    >>> is_after((1915, 5), (1914, None)), is_after((1914, 8), (1914, None))
    (True, False)
    >>> is_after((-48, None), (-49, 1)), is_after((1917, 10), (1917, 3))
    (True, True)
    """
    year, month = date
    if year != until[0]:
        return year > until[0]
    return month is not None and until[1] is not None and month > until[1]
