"""Dates as notes write them: where each one is in a paragraph, and what it says.

A date is a year ("in 1957", "AD 43", "44 BC"), with its month and day where the notes give
them ("In March 1953", "5 March 1953", "March 5, 1953", "4 Aug 1914", "4/8/1914", read day
first as in Britain, "15/3/44 BC" with its era), a span of years ("(1956 - 1960)", "1929–33",
"from 1956 to 1960", "between 1956 and 1960"), a decade ("the 1920s") or a year given
roughly ("c. 1500"). "That year" and "the same year" mean the year last named in the
paragraph, "the following year" the one after it; a day and month with no year ("23 July")
take the year last named, in the paragraph or, failing that, before it. A year that only
bounds a period ("until 1956", "by the summer of 1925") is found but marked as a bound: it
dates nothing itself. Terse notes write a year in two figures after a month ("Oct 62", "14
Oct 62"), an apostrophe ("'62") or a day and month in figures ("13.08.61"); only there is
it a year ("61 men" and "MiG-21" are numbers), in the century ``full_year`` gives it.

    >>> [(m.written, m.year, m.month, m.day) for m in mentions("On 4/8/1914 war came.")]
    [('4/8/1914', 1914, 8, 4)]
    >>> [(m.written, m.year, m.end_year) for m in mentions("Rome grew c. 300 BC; the 1920s.")]
    [('c. 300 BC', -300, None), ('1920s', 1920, 1929)]
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pastpaper.language import (
    APOSTROPHE_YEAR,
    DECADE,
    MONTH_OR_SHORT,
    MONTHS,
    TWO_FIGURE_YEAR,
    TWO_FIGURE_YEAR_NOT_DAY,
    YEAR,
)

__all__ = [
    "Mention",
    "clear_mentions",
    "date_label",
    "full_year",
    "mentions",
    "numeric_dates",
    "only_date",
    "two_figure_years",
    "year_before",
]


@dataclass(frozen=True)
class Mention:
    """A date in a paragraph.

    ``start`` takes in a leading preposition and any words between it and the date ("by
    the summer of"), ``date_start`` not; ``word`` is that preposition in lower case ("" for
    none, "the" for a year used as an adjective: "the 1839 Treaty"). ``year`` is negative
    for a year BC. A decade is a span of ten years with ``decade`` set.
    """

    start: int
    date_start: int
    end: int
    year: int
    month: int | None
    day: int | None
    end_year: int | None
    bounds: bool  # "until 1956": the edge of a period, not a date of its own
    written: str
    word: str = ""
    circa: bool = False
    decade: bool = False
    inferred: bool = False  # a day and month whose year is the one named before them
    numeric: bool = False  # written in figures, day first: "4/8/1914", "15/3/44 BC"
    two_figures: bool = False  # its year in its last two figures: "Oct 62", "'62", "4/8/14"
    # The month that ends a span of months: "Apr-May 1640", "Oct 1929 – Jan 1933".
    end_month: int | None = None
    # The part of its month a date without a day names: "early", "mid" or "late" ("late
    # Nov. 1569", "mid-January 1570").
    month_part: str | None = None
    # The season or part a year without a month is given with: "spring", "summer", "autumn"
    # or "winter" ("in the autumn of 1776", "summer 1940"); "early", "mid" or "late" ("early
    # in 1647", "mid-1951").
    season: str | None = None


def date_label(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date written out: "5 March 1953", "44 BC", "AD 43".

    >>> date_label(-44), date_label(43), date_label(1953, 3, 5)
    ('44 BC', 'AD 43', '5 March 1953')
    """
    parts = [str(day)] if day else []
    parts += [MONTHS[month - 1]] if month else []
    if year < 0:
        written = f"{-year} BC"
    elif year < 1000:
        written = f"AD {year}"
    else:
        written = str(year)
    return " ".join([*parts, written])


_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_ERA_BEFORE = r"AD|A\.D\."
_ERA_AFTER = r"BCE|BC|B\.C\.|CE|AD|A\.D\."
# Not after a stop ("3.1500"), but after the stop of "c." or "ca.": "c.1500", "c.1000 BCE".
_AFTER_CIRCA = r"(?:(?<=\bc\.)|(?<=\bca\.)|(?<!\.))"
# Every date starts with a digit, the "A" of "AD", a quote or the "that " or "the " of "that
# year" or "the following year": the lookahead in front tells most places in a text that none
# starts there without trying each form of date in turn (``re`` cannot tell so itself through
# the lookbehinds), six times quicker. (Looking past the "t" passes over the many other
# words that start with one.)
_DATE = re.compile(
    r"(?=[\dA’']|(?i:th(?:at|e) ))(?:"
    r"(?<![\w.,/])(?P<nday>[0-3]?\d)(?P<sep>[/.])(?P<nmonth>[01]?\d)(?P=sep)"
    rf"(?:(?P<nera_year>\d{{1,4}})\s?(?P<nera>{_ERA_AFTER})|(?P<nyear>{YEAR})|(?P<nshort>\d\d))"
    r"(?![\w/]|[.,]\d)"
    rf"|(?P<apostrophe>{APOSTROPHE_YEAR})"
    rf"|(?<![\w.,£$€])(?P<decade>{DECADE})[’']?s\b"
    r"|(?<![\w’'])[’'](?P<short_decade>\d0)s\b"
    rf"|\b(?:{_ERA_BEFORE})\s?(?P<ad>\d{{1,4}})(?!\w)"
    rf"|{_AFTER_CIRCA}(?<![\w,£$€])(?P<era_year>\d{{1,4}})\s?(?P<era>{_ERA_AFTER})(?!\w)"
    rf"|{_AFTER_CIRCA}(?<![\w,£$€/])(?P<year>{YEAR})(?![\w’'%]|/(?!\d\d?(?![\w/]))|[.,]\d)"
    r"|\b(?P<same>(?i:that|the same|that same) (?P<same_part>year|spring|summer|autumn|winter))\b"
    r"|\b(?P<next>(?i:the following|the next) year)\b"
    rf"|\b(?P<yday>{_DAY})(?:\s?[-–]\s?{_DAY})?\s+(?P<ymonth>{MONTH_OR_SHORT})(?!\.?\s*,?\s*(?:of\s+)?(?:\d|[’']\d\d))"
    # Two figures after a month: read as a year only there (``_after_month``), so last.
    rf"|(?<![\w.,£$€/’'-])(?P<short>{TWO_FIGURE_YEAR})"
    r")"
)
_DAY_MONTH_BEFORE = re.compile(
    r"(?=[\dADFJMNOS])"
    rf"(?:\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+)?\b(?P<month>{MONTH_OR_SHORT})\s+(?:of\s+)?$"
)
_MONTH_DAY_BEFORE = re.compile(
    rf"\b(?P<month>{MONTH_OR_SHORT})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+$"
)
#: Days named by their feast, on the same date every year: "on Christmas Day 1066".
_FEASTS = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "midsummer day": (6, 24),
    "all saints' day": (11, 1),
}
_FEAST_NAMES = "|".join(re.escape(feast).replace("'", "[’']") for feast in _FEASTS)
_FEAST_BEFORE = re.compile(rf"\b(?P<feast>(?i:{_FEAST_NAMES}))\s+(?:of\s+)?$")
# (A dash is a span's on the line it follows: "4 September\n- Sept 1870" is a list's mark.)
_MONTH_SPAN_BEFORE = re.compile(rf"\b(?P<month>{MONTH_OR_SHORT})\.?[^\S\n]*[-–]\s*$")
_CIRCA_BEFORE = re.compile(r"(?:\bc\.|\bca\.|\bcirca)\s*$")
_ADJECTIVE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# A preposition, then perhaps a part of the period: "by the summer of", "from the late".
_PREPOSITION_BEFORE = re.compile(
    r"\b(?P<word>(?i:in|on|during|from|between|of|until|till|up to|by|to|before|after|since))"
    r"\s+(?:the\s+)?(?:(?:early|late|mid|middle|end|start|beginning|spring|summer|autumn|fall"
    r"|winter)(?:\s+of\s+|\s+|-))?$"
)
_BOUNDS = frozenset({"until", "till", "up to", "by", "to", "before", "after", "since"})
_DECADE_DASH = re.compile(r"\b(?:\d{3}0|[’']\d0)[’']?s[^\S\n]*[-–—]\s*$")
_MONTH_DASH = re.compile(
    rf"\b(?:{MONTH_OR_SHORT})\.?\s+\d{{3,4}}(?:[^\S\n]*[-–—]|\s+(?:to|until|till)\s)\s*$"
)
# The month and year that close a span after a dash or "to": " – Jan 1933", "-11 November
# 1918", " to Jan 1871", " until May 1949".
_MONTH_DASH_AFTER = re.compile(
    rf"(?:[^\S\n]*[-–—]|\s+(?:to|until|till)\s)\s*(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
    rf"(?P<month>{MONTH_OR_SHORT})\.?\s+"
    r"(?P<year>\d{3,4})\b"
)
_BETWEEN_DECADES = re.compile(
    r"\bbetween\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{3}0|[’']\d0)[’']?s\s+and\s+"
    r"(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?$",
    re.IGNORECASE,
)
# "1914-18", "1914 – 1918", "1764/5", and a last figure joined by its dash: "1967-8" (not
# "1914 - 5 divisions", nor a year ending a list's line and the next item's: "1491\n- 1911").
_SPAN_DASH = re.compile(
    rf"[^\S\n]*[-–—][^\S\n]*(?P<end>{YEAR}|\d\d)(?![\w’'])|[-–](?P<digit>\d)(?![\w’'%]|[.,]\d)"
    r"|/(?P<other>\d\d?)(?![\w/])"
)
_SPAN_WORDS = re.compile(rf"\s+(?P<join>to|until|till|and)\s+(?P<end>{YEAR})(?![\w’'])")


_NOT_DIGIT = re.compile(r"\D")


def _month_number(name: str) -> int:
    return _MONTH_NUMBERS[name[:3]]


# A month by its first three letters, as every form of its name starts ("Sept", "September").
_MONTH_NUMBERS = {month[:3]: number for number, month in enumerate(MONTHS, 1)}


def mentions(
    note: str, earlier_year: int | None = None, century_from: int | None = None
) -> Iterator[Mention]:
    """The dates of a paragraph, in order, bounds of periods included.

    ``earlier_year`` is the year last named before this paragraph: a day and month with no
    year of their own take it when the paragraph has named none. ``century_from`` is a year
    the notes named before (``year_before``), which only gives a year in two figures its
    century (``full_year``) when neither the paragraph nor ``earlier_year`` has named one.
    """
    if len(note) <= _KEPT_LENGTH:
        return iter(_kept_mentions(note, earlier_year, century_from))
    return _mentions(note, earlier_year, century_from)


#: The longest text whose dates are kept: a point or a question, not a paragraph.
_KEPT_LENGTH = 400


# A point's text is dated for its scheme (``periods.point_date``) and again for its cards
# (what they may hide); a question for each scheme of its family. A Mention is frozen, so
# the same ones can be handed to each.
@lru_cache(maxsize=32768)
def _kept_mentions(
    note: str, earlier_year: int | None, century_from: int | None
) -> tuple[Mention, ...]:
    return tuple(_mentions(note, earlier_year, century_from))


def only_date(text: str) -> Mention | None:
    """The date a text is, where it is one date and nothing else ("14/4/1931", "1538-40",
    "March 1953"); None for any other text ("Stalin, 1928")."""
    found = list(mentions(text))
    if len(found) != 1 or found[0].written.strip() != text.strip():
        return None
    return found[0]


def clear_mentions() -> None:
    """Forget the texts dated before (for benchmarks that time the work itself)."""
    _kept_mentions.cache_clear()


def _mentions(note: str, earlier_year: int | None, century_from: int | None) -> Iterator[Mention]:
    last_year: int | None = None
    covered = 0  # the end of the last span: its closing year is not a date of its own
    for match in _DATE.finditer(note):
        if match.start() < covered:
            continue
        found = _read(note, match, last_year, earlier_year, century_from)
        if found is None:
            continue
        mention = _placed(note, match, *found)
        if (mention.end_year is not None and not mention.decade) or mention.end_month:
            covered = mention.end
        # A year looked back to dates no day after it: "met on 5 May 1789, the first time
        # since 1614. On 17 June ..." is 17 June 1789.
        if not _LOOKED_BACK.search(note, max(0, match.start() - 12), match.start()):
            last_year = mention.year
        yield mention


_LOOKED_BACK = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def numeric_dates(text: str) -> list[Mention]:
    """The dates ``text`` writes in figures, day first, each one date (not three numbers).

    >>> [(m.written, m.year, m.month, m.day) for m in numeric_dates("Taken 15/07/1099; 4.8.1914")]
    [('15/07/1099', 1099, 7, 15), ('4.8.1914', 1914, 8, 4)]
    """
    if not _FIGURED.search(text):
        return []  # most texts have none: no need to read their other dates
    return [m for m in mentions(text) if m.numeric]


# Where a date in figures may be: a figure, a stop or slash, and a figure.
_FIGURED = re.compile(r"\d[/.]\d")


def two_figure_years(text: str, century_from: int | None = None) -> tuple[Mention, ...]:
    """The dates ``text`` gives with a year in two figures, which ``full_year`` reads
    (``century_from`` as for ``mentions``).

    >>> [(m.written, m.year) for m in two_figure_years("U-2 photos, 14 Oct 62; in '63 a pact")]
    [('14 Oct 62', 1962), ("'63", 1963)]
    >>> [(m.written, m.year) for m in two_figure_years("Revolutions of '48", 1846)]
    [("'48", 1848)]
    """
    if not _may_name_two_figure_year(text):
        # Most texts have none: no need to read their other dates, nor to make a list for
        # each of them (the collector would count every one).
        return ()
    return tuple(m for m in mentions(text, century_from=century_from) if m.two_figures)


def year_before(notes: Sequence[str], note: int, at: int) -> int | None:
    """The last year in four figures that ``notes`` name before character ``at`` of
    paragraph ``note``: the year that gives a year in two figures its century there.

    >>> year_before(["The crisis of 1958-61.", "In '62 the wall held"], 1, 3)
    1961
    """
    for text in (notes[note][:at], *reversed(notes[:note])):
        named = [m for m in mentions(text) if not m.two_figures and m.year >= 1000]
        if named:
            return named[-1].end_year or named[-1].year
    return None


# Where a year in two figures may be: two figures alone after a month ("Oct 62"), an
# apostrophe ("'62") or a day and month in figures ("14/10/62"). Asked of every point, so
# cheaper than reading its dates, and nearly always no: pairs of figures are few, and what
# stands before each is read only for them (not "Khrushchev (12)", "12 seats").
_PAIR = re.compile(r"(?=\d)(?<!\d)\d\d(?!\d)")
_YEAR_LEAD = re.compile(rf"(?:{MONTH_OR_SHORT})\s*$|[’']$|\d[/.]\d\d?[/.]$")


# Asked three times of each point (its facts, its point, its scheme's dates), of texts a
# bank repeats from topic to topic.
@lru_cache(maxsize=32768)
def _may_name_two_figure_year(text: str) -> bool:
    pair = _PAIR.search(text)
    while pair is not None:
        if _YEAR_LEAD.search(text, max(0, pair.start() - 12), pair.start()):
            return True
        pair = _PAIR.search(text, pair.end())
    return False


def _read(
    note: str,
    match: re.Match[str],
    last_year: int | None,
    earlier_year: int | None,
    century_from: int | None,
) -> tuple[int, int | None, int | None, int | None] | None:
    """(year, month, day, end year) of a match, None where it names no date after all."""
    named = last_year if last_year is not None else earlier_year
    near = named if named is not None else century_from
    if match["short"] and not _after_month(note, match.start()):
        return None  # "61 men", "in 59 days", "page 62": a number, not a year
    if match["short_decade"]:  # "the '60s": the decade of the century the notes are in
        year = full_year(int(match["short_decade"]), near)
        return year, None, None, year + 9
    if match["short"] or match["apostrophe"]:
        figures = match["short"] or match["apostrophe"][1:]
        return full_year(int(figures), near), None, None, None
    if match["nyear"] or match["nera_year"] or match["nshort"]:
        # "15/3/44 BC": a day and month before a year with its era, as well as "4/8/1914"
        # and "4/8/14".
        if match["nshort"]:
            year = full_year(int(match["nshort"]), near)
        else:
            year = int(match["nyear"] or match["nera_year"])
        month, day = int(match["nmonth"]), int(match["nday"])
        if not year or not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]):
            return None  # "31/2/1914" is no date, and "12/25/1914" is not read month first
        if match["nera"] and match["nera"].startswith("B"):
            year = -year
        return year, month, day, None
    if match["decade"]:
        return int(match["decade"]), None, None, int(match["decade"]) + 9
    if match["ad"]:
        return (int(match["ad"]), None, None, None) if int(match["ad"]) else None
    if match["era_year"]:
        year = int(match["era_year"])
        if year == 0:
            return None
        return (-year if match["era"].startswith("B") else year), None, None, None
    if match["year"]:
        return int(match["year"]), None, None, None
    if match["yday"]:
        day = int(_NOT_DIGIT.sub("", match["yday"]))
        # "12 March to 6 April 1930": the year is the one that closes the span.
        closing = _MONTH_DASH_AFTER.match(note, match.end())
        if closing is not None and not 1 <= day <= 31:
            return None
        if closing is not None:
            return int(closing["year"]), _month_number(match["ymonth"]), day, None
        if named is None or not 1 <= day <= 31:
            return None
        return named, _month_number(match["ymonth"]), day, None
    if last_year is None:
        return None  # "that year" with no year before it to refer to
    return last_year + (1 if match["next"] else 0), None, None, None


def _placed(
    note: str,
    match: re.Match[str],
    year: int,
    month: int | None,
    day: int | None,
    end_year: int | None,
) -> Mention:
    """The mention of a date read from ``match``, with the words around it that belong."""
    date_start, end = match.start(), match.end()
    end_month = None
    month_part = None
    season = None
    if not (
        match["decade"]
        or match["short_decade"]
        or match["nyear"]
        or match["nera_year"]
        or match["nshort"]
        or match["yday"]
    ):  # a year, or "that year"
        found = _MONTH_DAY_BEFORE.search(note, 0, date_start) or _DAY_MONTH_BEFORE.search(
            note, 0, date_start
        )
        if found and not found["day"] and _named_month(note, found.start(), found["month"]):
            found = None  # "the Salt March of 1930": a march, not the month
        if found and (not found["day"] or 1 <= int(found["day"]) <= 31):
            month = _month_number(found["month"])
            day = int(found["day"]) if found["day"] else None
            date_start = found.start()
            part = None if day else _PART_OF_MONTH.search(note, max(0, date_start - 20), date_start)
            if part is not None:
                month_part = _MONTH_PARTS[part["part"].lower()]
                date_start = part.start()
            # "Apr-May 1640": the months' span starts with the first.
            span = None if day else _MONTH_SPAN_BEFORE.search(note, 0, date_start)
            if span is not None:
                end_month = month
                month, date_start = _month_number(span["month"]), span.start()
        elif feast := _FEAST_BEFORE.search(note, 0, date_start):
            month, day = _FEASTS[feast["feast"].lower().replace("’", "'")]
            date_start = feast.start()
        elif (told := _SEASON_BEFORE.search(note, 0, date_start)) and match["year"]:
            # (The date stays the year: a card hides "1776" of "the autumn of 1776".)
            named = told["season"].split()[0].lower()
            season = "autumn" if named == "fall" else named
        elif (told := _PART_OF_YEAR_BEFORE.search(note, 0, date_start)) and match["year"]:
            season = told["part"].lower()  # "in early 1965", "early in 1647", "mid-1951"
        dash = _MONTH_DASH_AFTER.match(note, end) if month is not None else None
        if dash is not None and end_year is None and end_month is None:
            # "Oct 1929 – Jan 1933", "(June 1948 – May 1949)": one span, from the first
            # month to the second, whose date is none of its own (``_MONTH_DASH``).
            last, last_month = int(dash["year"]), _month_number(dash["month"])
            if last > year > 0:
                end_year, end_month, end = last, last_month, dash.end()
            elif last == year and last_month > (month or 0) and not day:
                end_month, end = last_month, dash.end()
    elif match["yday"] and (dash := _MONTH_DASH_AFTER.match(note, end)) is not None:
        # "12 March to 6 April 1930": one span of months, its year the closing one's.
        last_month = _month_number(dash["month"])
        if int(dash["year"]) == year and month is not None and last_month > month:
            end_month, end = last_month, dash.end()
    circa = _CIRCA_BEFORE.search(note, 0, date_start)
    if circa:
        date_start = circa.start()
    before = _PREPOSITION_BEFORE.search(note, 0, date_start)
    word = before["word"].lower() if before else ""
    if match["year"] and month is None:
        closing, span_end = _span_end(note, end, year, word)
        if closing is not None:
            end_year, end = closing, span_end
    decade = bool(match["decade"] or match["short_decade"])
    if not decade and _ADJECTIVE_BEFORE.search(note, 0, date_start):
        word = "the"
    # "between the 1960s and the 1980s": the second decade ends the span the first opens,
    # as "to the 1970s" ends "from the 1950s"; no date of its own.
    # So does a second decade or month after a dash: "1850s-1870s", "(November 1948 –
    # January 1949)".
    window = max(0, date_start - 40)
    closes = (
        decade
        and (
            _BETWEEN_DECADES.search(note, window, date_start)
            or _DECADE_DASH.search(note, window, date_start)
        )
    ) or (month is not None and _MONTH_DASH.search(note, window, date_start))
    written = " ".join(note[date_start:end].split())
    if match["same"] and match["same_part"].lower() != "year" and month is None:
        season = match["same_part"].lower()  # "that autumn": the autumn of the year before
    if match["same"] or match["next"]:
        written = date_label(year, month, day)
    elif match["yday"]:
        # (not the full stop of a sentence that ends on a month: "on 17 June. Locked out")
        if written.endswith(".") and written[:-1].rsplit(" ", 1)[-1] in MONTHS:
            written = written[:-1]
        written = f"{written} {date_label(year)}"
    elif decade:
        written = f"{year}s"
        part = _PART_OF_DECADE.search(note, max(0, date_start - 40), date_start)
        if part:  # "the early 1920s": 1920-23, "the mid-1960s": 1963-66, "the late 1950s"
            first = _DECADE_PARTS[(part["from"] or part["part"]).lower()][0]
            last = _DECADE_PARTS[part["part"].lower()][1]
            year, end_year = year + first, year + last
            written = re.sub(r"\s+", " ", note[part.start() : date_start]) + written
    return Mention(
        start=before.start() if before and word != "the" else date_start,
        date_start=date_start,
        end=end,
        year=year,
        month=month,
        day=day,
        end_year=end_year,
        bounds=bool(closes) or (word in _BOUNDS and (end_year is None or decade)),
        written=written,
        word=word,
        circa=bool(circa),
        decade=decade,
        inferred=bool(match["yday"]),
        numeric=bool(match["nyear"] or match["nera_year"] or match["nshort"]),
        two_figures=bool(
            match["nshort"] or match["short"] or match["apostrophe"] or match["short_decade"]
        ),
        end_month=end_month,
        month_part=month_part,
        season=season if end_year is None else None,
    )


# A month that is also a word a name ends with: "the Salt March", "Theresa May".
_NAMING_MONTHS = frozenset({"March", "May"})
_THE_WORD_BEFORE = re.compile(r"\b[Tt]he\s+([A-Z][\w’'-]*)\s+$")
# Capitalised words after which a month is a month: "In March 1917", "The May 1940 crisis",
# "Early March 1917", "Tuesday 4 March".
_BEFORE_A_MONTH = frozenset(
    """in on by from until till to before after since during of between and or the a an this
    that last next early late mid end start beginning monday tuesday wednesday thursday
    friday saturday sunday""".split()
)


def _named_month(note: str, start: int, month: str) -> bool:
    """Is ``month`` at ``start`` the end of a name: "the Salt March of 1930", "the Long March"
    (a capitalised word that is no preposition or weekday between "the" and it)? Terse notes'
    "Revolution March 1917" and "Dunkirk May 1940" keep their months."""
    if month not in _NAMING_MONTHS:
        return False
    before = _THE_WORD_BEFORE.search(note, max(0, start - 40), start)
    return before is not None and before[1].lower() not in _BEFORE_A_MONTH


# The part of a decade a date names: "the early 1920s", "the mid-1960s", "the late 1950s".
_PART_OF_DECADE = re.compile(
    r"\b(?:(?P<from>(?i:early|mid|middle))[\s-]+to[\s-]+)?"
    r"(?P<part>(?i:early|mid|middle|late))[\s-]+$"
)
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "middle": (3, 6), "late": (7, 9)}
# The part of a month a date names: "early December 1569", "mid-January", "late Nov.".
_PART_OF_MONTH = re.compile(r"\b(?P<part>(?i:early|mid|middle|late))(?:-|\s+)(?:in\s+)?$")
_MONTH_PARTS = {"early": "early", "mid": "mid", "middle": "mid", "late": "late"}
# A season before a year: "the autumn of 1776", "summer 1940", "the fall of 1929" ("fall"
# only with its "of": "after the fall 1989" is no season).
# A part of a year before it: "early 1965", "early in 1647", "mid-1951", "late 1917".
_PART_OF_YEAR_BEFORE = re.compile(r"\b(?P<part>(?i:early|mid|late))(?:\s+in\s+|\s*-\s*|\s+)$")
_SEASON_BEFORE = re.compile(
    r"\b(?P<season>(?i:spring|summer|autumn|winter)(?:\s+of)?|(?i:fall)\s+of)\s+$"
)


def full_year(last_two: int, near: int | None = None) -> int:
    """The year that a year written in two figures ("Oct 62", "'62", "14/10/62") means.

    Of the years ending in those figures, the one nearest ``near``, the year the notes named
    last before it: notes on 1958-62 mean 1962 by "'62", notes on 1848 mean 1848 by "'48".
    With no year named before it, or only one before AD 1000, the year is in the 20th
    century, as notes written today nearly always mean it.

    >>> full_year(62), full_year(62, 1958), full_year(48, 1846), full_year(1, 1999)
    (1962, 1962, 1848, 2001)
    """
    if near is None or near < 1000:
        return 1900 + last_two
    year = near - near % 100 + last_two
    return min((year - 100, year, year + 100), key=lambda candidate: abs(candidate - near))


def _after_month(note: str, at: int) -> bool:
    """Does a month stand just before the two figures at ``at``, as a year's: "14 Oct 62",
    "Oct 62", "June 61"? After a month alone a figure up to 31 may be its day ("March 12",
    as Americans write it), so it is a year only with a day before the month."""
    found = _DAY_MONTH_BEFORE.search(note, max(0, at - 30), at)
    if found is None or _named_month(note, found.start(), found["month"]):
        return False
    return bool(found["day"]) or _NOT_DAY.match(note, at) is not None


_NOT_DAY = re.compile(TWO_FIGURE_YEAR_NOT_DAY)


def _span_end(note: str, at: int, year: int, word: str) -> tuple[int | None, int]:
    """The closing year of a span of years that starts with ``year``, and where it ends."""
    found = _SPAN_DASH.match(note, at)
    if found is not None and (found["other"] or found["digit"]):
        # "1764/5", "1914/18", "1799/00", "1967-8": a span
        digits = found["other"] or found["digit"]
        scale = 10 ** len(digits)
        other = year - year % scale + int(digits)
        if other <= year:
            other += scale
        return (other, found.end()) if other - year < scale else (None, at)
    if found is None:
        found = _SPAN_WORDS.match(note, at)
        # "from 1455 to 1487", "between 1455 and 1487", and a bare "1455 to 1487" as notes
        # give a period ("Wars of the Roses: 1455 to 1487").
        joins = {"from": {"to", "until", "till"}, "between": {"and"}, "": {"to"}}.get(word, set())
        if found is None or found["join"] not in joins:
            return None, at
    end = int(found["end"])
    if end < 100:  # "1956-60"
        end += year - year % 100
        if end <= year:
            end += 100
    return (end, found.end()) if end > year else (None, at)
