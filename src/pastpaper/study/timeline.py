"""Timeline: the dated events the notes tell, earliest first, as a table and as a picture.

Dates are read as ``pastpaper.study.dates`` reads them: "5 March 1953", "4/8/1914", "1956-60",
"the 1920s", "c. 1500", "44 BC", "that year". A year that only bounds a period ("until
1956", "by 1964") dates nothing, though "that year" may refer back to it.

An event stands at the date it happened, not at a date its sentence only cites. In
"Britain declared war on 4 August 1914 because of the 1839 Treaty of London" the treaty
is the cause, named by its date; the event is the declaration. A date is cited when it
stands in a phrase of cause or reference ("because of", "due to", "under", "despite", a
clause "which had ..."), and, where the clause also gives a later date of its own, when it
only names an earlier thing ("the leaders of 1914", "the pre-war level of 1913",
"continuing the friendship begun at Rapallo in 1922"). Two dates each with its own verb
("Italy stayed neutral in August 1914 and joined the Allies in May 1915") are two events.

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
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache

from pastpaper.course import Course, QuestionFamily
from pastpaper.language import (
    CURRENCY,
    MONTHS,
    PREPOSITIONS,
    SCALE_WORD,
    SHORT_SCALE,
    WORD,
    has_verb,
    is_verb,
)
from pastpaper.model import Frozen
from pastpaper.schemes.clauses import parse_clause
from pastpaper.schemes.points import (
    Point,
    after_label,
    clause_spans,
    family_points,
    heads_sublist,
    is_structure,
    lacks_subject,
    sentence_spans,
)
from pastpaper.schemes.scheme import content_stems
from pastpaper.schemes.sentences import row_label
from pastpaper.schemes.terms import names_in
from pastpaper.study.charts import shorten
from pastpaper.study.dates import (
    Mention,
    date_label,
    mentions,
    two_figure_years,
    year_before,
)
from pastpaper.study.statements import ASIDE_COMMA, opener_end, statements
from pastpaper.text import LIST_ITEM, plain

__all__ = [
    "EVENT_LENGTH",
    "Event",
    "timeline",
    "timelines",
]

#: The longest an event's text may be, in characters.
EVENT_LENGTH = 140


class Event(Frozen):
    """One dated event: when, what, and where the notes tell it.

    ``date`` is the date as the notes write it ("March 1953", "1956 - 1960"; a date given
    as "that year" is written out). ``start`` is (year, month, day), None where the notes
    give no month or day, the year negative before Christ; ``end_year`` closes a span of
    years (a decade is one, with ``decade`` set), ``end_day`` a span of days in one month
    ("3-4 June 1961"), ``end_month`` a span of months ("Apr-May 1640", "Oct 1929 – Jan 1933");
    ``circa`` marks a year given roughly.
    ``family`` and ``note`` are 0-based: the family within its topic and the notes
    paragraph within its family. ``course`` is the title of the course.
    """

    date: str
    start: tuple[int, int | None, int | None]
    end_year: int | None = None
    end_day: int | None = None
    end_month: int | None = None
    circa: bool = False
    decade: bool = False
    month_part: str | None = None  # "early", "mid" or "late" of a month with no day
    # "spring", "summer", "autumn" or "winter" of a year alone, or its "early", "mid" or "late"
    season: str | None = None
    text: str
    topic: str
    family: int
    note: int
    course: str = ""

    @property
    def label(self) -> str:
        """The date written out the same way for every event: "5 March 1953", "3–4 June 1961",
        "April–May 1640", "1956–1960", "1920s", "mid-1920s", "c. 1500", "44 BC"."""
        year, month, day = self.start
        if self.decade:  # as the notes name it: "1920s", "mid-1920s", "early-to-mid 1920s"
            return self.date if self.date.endswith("s") else f"{year - year % 10}s"
        if self.end_year is not None and month is not None and self.end_month is not None:
            return f"{date_label(year, month, day)}–{date_label(self.end_year, self.end_month)}"
        if self.end_year is not None:  # "c. 1500–1549": roughly from, as the notes give it
            circa = "c. " if self.circa else ""
            return f"{circa}{date_label(year)}–{date_label(self.end_year)}"
        if self.end_day is not None and self.end_month is not None and month is not None:
            first = f"{day} {MONTHS[month - 1]}" if day else MONTHS[month - 1]
            return f"{first}–{date_label(year, self.end_month, self.end_day)}"
        if self.end_day is not None:
            return f"{day}–{date_label(year, month, self.end_day)}"
        if self.end_month is not None and month is not None:
            return f"{MONTHS[month - 1]}–{date_label(year, self.end_month)}"
        if self.month_part is not None and month is not None and day is None:
            joined = "-" if self.month_part == "mid" else " "  # "mid-January", "late November"
            return f"{self.month_part}{joined}{date_label(year, month)}"
        if self.season is not None and month is None:
            joined = "-" if self.season == "mid" else " "  # "mid-1951"
            return f"{self.season}{joined}{date_label(year)}"  # "autumn 1776", "early 1965"
        return ("c. " if self.circa else "") + date_label(year, month, day)


def timeline(course: Course) -> list[Event]:
    """The dated events of a course's notes, earliest first.

    Events are ordered by date. A span of years stands at its middle, where a reader
    looking for "what happened around 1958" would look: "1956–1960 the Sixth Five Year
    Plan" comes after "1957 the sovnarkhozy" and before "1959 the Seventh". At the same
    point in time a single date comes before a span (shorter spans first), a date with no
    month before the months of its year, and otherwise the order of the notes holds.

    An event told twice (the same date, allowing for one telling to leave out the month or
    day, and at least two content words in common: half those of the shorter telling, or
    a name of two words or more) is listed once, by the telling that
    dates it most precisely, else by one that tells what happened rather than a bare name,
    else by the first: the same sentence under two question families is one event. A thing
    named with its own date before the clause tells another ("After Sharpeville (21 March
    1960), the ANC was banned ...") is an event of its own, by its name.
    """
    return timelines([course])


def timelines(courses: Iterable[Course]) -> list[Event]:
    """The dated events of several courses as one timeline, earliest first.

    Events of different courses are interleaved by date, not grouped by course; an event
    that two courses tell alike is listed once, under the first course that tells it.
    """
    events: list[tuple[Event, tuple[int, bool]]] = []
    for course in courses:
        for event in _course_events(course):
            _add(events, event)
    ordered = sorted(events, key=lambda kept: _order(kept[0]))
    return [event for event, _ in ordered]


def _course_events(course: Course) -> Iterator[Event]:
    for topic in course.topics:
        for family_index, family in enumerate(topic.families):
            # A day and month the notes give before any year ("- 13 June: the rebels
            # entered London") is in the one year the family's questions ask about
            # ("... the Peasants' Revolt in June 1381"), if they ask about one.
            earlier_year = _asked_year(q.text for q in family.questions)
            # The century of a year in two figures ("July '49") where no year in four figures
            # came before it in the family's notes: that of the family's questions, its
            # topic's or the course's title ("Tudor rebellions, 1536-1570").
            context = _first_year((*(q.text for q in family.questions), topic.title, course.title))
            said: dict[tuple[int, str], str] | None = None  # who a pronoun stands for
            for note_index, note in enumerate(family.notes):
                # (Looked back for only where a year in two figures may need it: the
                # search runs back through the family's paragraphs.)
                century = (
                    (year_before(family.notes, note_index, 0) or context)
                    if two_figure_years(note)
                    else None
                )
                found = [_day_span(note, m) for m in mentions(note, earlier_year, century)]
                if found:
                    earlier_year = found[-1].year
                for event in _note_events(note, found, family, family_index, note_index):
                    if _PRONOUN.search(event.text) or _OWNING.match(event.text):
                        said = _said_by(family) if said is None else said
                        event = _with_its_subject(event, said)
                    yield event.model_copy(update={"topic": topic.title, "course": course.title})


def _asked_year(texts: Iterable[str]) -> int | None:
    """The one year the texts name, each that names any naming it alone and no span."""
    years = set()
    for text in texts:
        found = [m for m in mentions(text) if not m.bounds]
        if any(m.end_year is not None or m.two_figures for m in found):
            return None
        years |= {m.year for m in found}
    return years.pop() if len(years) == 1 else None


def _first_year(texts: Iterable[str]) -> int | None:
    """The first year in four figures the texts name, in order."""
    for text in texts:
        named = [m for m in mentions(text) if not m.two_figures and m.year >= 1000]
        if named:
            return named[0].year
    return None


# The first day of a span of days in one month, as it stands before the last ("3-4 June"),
# and the last day of one written out ("3-4 June 1961").
# The first day of a span of days in one month: "3-4 June", "from 21 to 25 March".
_FIRST_DAY = re.compile(
    r"(?:\b(?P<word>[Oo]n|[Ff]rom|[Bb]etween)\s+)?(?<![\d/.])(?P<day>[0-3]?\d)"
    r"\s*(?:[-–]|(?<=\d\s)(?:to|until|till|and)\s)\s*$"
)
_DAYS_BEFORE_FIGURES = re.compile(r"(?<![\d/.])[0-3]?\d[-–]$")
_LAST_DAY = re.compile(r"[0-3]?\d\s*(?:[-–]|\s(?:to|until|till|and)\s)\s*(?P<day>[0-3]?\d)\b")


def _day_span(note: str, mention: Mention) -> Mention:
    """A date as the event's: a span of days in one month ("3-4 June 1961", which
    ``mentions`` reads as its last day) starts at its first day and is written whole, as a
    span of years is."""
    if mention.day is None:
        return mention
    if mention.numeric and not _DAYS_BEFORE_FIGURES.search(note, 0, mention.date_start):
        return mention  # ("3-4/7/1917": the span of the July Days, in figures)
    # ("from 21 to 25 March 1965" is read as its last day, bounded by the "to")
    joined = mention.word in {"to", "until", "till", "and"}
    if mention.start != mention.date_start and not joined:
        return mention
    found = _FIRST_DAY.search(note[: mention.date_start])
    if found is None or not 1 <= int(found["day"]) < mention.day:
        return mention
    return replace(
        mention,
        start=found.start(),
        date_start=found.start("day"),
        day=int(found["day"]),
        written=note[found.start("day") : mention.end],
        word=(found["word"] or "").lower(),
        bounds=False if joined else mention.bounds,
    )


def _last_day(mention: Mention) -> int | None:
    if mention.day is not None and mention.end_month is not None:
        # "17 July – 2 August 1945", "12 March to 6 April 1930"
        closing = _CLOSING_DAY.search(mention.written)
        return int(closing["day"]) if closing else None
    found = _LAST_DAY.match(mention.written) if mention.day is not None else None
    return int(found["day"]) if found else None


_CLOSING_DAY = re.compile(
    r"(?:[-–—]|\bto|\buntil|\btill)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+[A-Z]"
)


def _order(event: Event) -> tuple[int, int, int, int]:
    """Half-years from year 0 to the event's middle, then its length, month and day (a
    month's early, middle and late days as its 5th, 15th and 25th; a season as a month of
    it, ``_SEASON_MONTH``)."""
    year, month, day = event.start
    end = event.end_year if event.end_year is not None else year
    month = month or _SEASON_MONTH.get(event.season or "", 0)
    return (year + end, end - year, month, day or _PART_DAY.get(event.month_part or "", 0))


_PART_DAY = {"early": 5, "mid": 15, "late": 25}
# Where a season stands among a year's months: spring in April, summer in July, autumn in
# October; winter, which may be the year's first months or its last, at its start.
# A year's early, middle and late part as its February, June and November.
_SEASON_MONTH = {"spring": 4, "summer": 7, "autumn": 10, "early": 2, "mid": 6, "late": 11}


def _add(events: list[tuple[Event, tuple[int, bool]]], event: Event) -> None:
    """Add ``event`` unless it is already there; keep the more precise of two tellings, and
    of two as precise one that tells what happened over a bare name ("Sharpeville", named
    where the notes tell of what came after it)."""
    precision = (sum(part is not None for part in event.start[1:]), has_verb(event.text))
    for index, (kept, kept_precision) in enumerate(events):
        if _same_event(kept, event):
            if precision > kept_precision:
                events[index] = (event, precision)
            return
    events.append((event, precision))


@cache
def _month_stems() -> frozenset[str]:
    return frozenset(content_stems(" ".join(MONTHS)))


#: The most content words a telling has that is a label of its event ("Battle of Hastings").
_LABEL_WORDS = 4


def _same_event(a: Event, b: Event) -> bool:
    if a.text == b.text and (_within_span(a, b) or _within_span(b, a)):
        # One telling at its span and again at a year inside it: "Conciliation Bills 1910-12
        # all failed -> window smashing, arson from 1912" is one row, at 1910-1912.
        return True
    if a.start[0] != b.start[0] or a.end_year != b.end_year:
        return False
    for mine, theirs in zip(a.start[1:], b.start[1:], strict=True):
        if mine is not None and theirs is not None and mine != theirs:
            return False
    words_a = _told_words(a.text)
    words_b = _told_words(b.text)
    # Half the words of the shorter telling: two events of one year may share a word or two
    # ("poor families"), but not the name of the event ("the Secret Speech"). Within one
    # paragraph a shared name is most often a place its events share ("In June 1948 ... a
    # new currency ... in West Berlin"; "On 24 June 1948 ... closed every link to West
    # Berlin"), so there only the words tell.
    shared = len(words_a & words_b)
    # On one day, a short telling that shares a word with another is its label: a table's
    # "14/10/1066 | Battle of Hastings" beside "The battle was fought on 14 October 1066".
    one_day = None not in a.start and a.start == b.start and a.end_day == b.end_day
    if one_day and shared and min(len(words_a), len(words_b)) <= _LABEL_WORDS:
        return True
    one_paragraph = (a.course, a.topic, a.family, a.note) == (b.course, b.topic, b.family, b.note)
    return shared >= 2 and (
        shared >= min(len(words_a), len(words_b)) / 2 or (not one_paragraph and _same_name(a, b))
    )


def _told_words(text: str) -> frozenset[str]:
    """The content words of a telling, less its months, but for a month that ends a name:
    "Long March begins" tells of the Long March."""
    named = {
        found["month"]
        for found in _MONTH_IN_NAME.finditer(text)
        if found["before"].lower() not in PREPOSITIONS | _NOT_NAMING_MONTH
    }
    months = _month_stems() - (content_stems(" ".join(named)) if named else frozenset())
    return frozenset(content_stems(text) - months)


_MONTH_IN_NAME = re.compile(rf"\b(?P<before>[A-Z][\w’'-]*)\s+(?P<month>{'|'.join(MONTHS)})\b")
_NOT_NAMING_MONTH = frozenset({"the", "early", "late", "mid", "this", "that", "each", "every"})


def _within_span(inner: Event, outer: Event) -> bool:
    """Does ``inner`` fall in the years of ``outer``, a span of years?"""
    return outer.end_year is not None and outer.start[0] <= inner.start[0] <= outer.end_year


_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]+)+")


def _same_name(a: Event, b: Event) -> bool:
    """Whether both tellings name the same thing in two or more capitalised words."""
    names = {re.sub(r"^The\s+", "", name).lower() for name in _NAME.findall(a.text)}
    told = " ".join(b.text.lower().split())
    return any(" " in name and name in told for name in names)


# -- which dates are the events' own ----------------------------------------------------------

# A phrase of cause or reference: what it names with a date came before, or is only cited.
# (A phrase of cause that a verb follows before the date governs no date: "Eden's health
# collapsed under the strain and he resigned on 9 January 1957".)
_CAUSE_PHRASE = re.compile(
    r"\b(?i:because of|due to|owing to|thanks to|as a result of|in response to|"
    r"in reaction to|according to|in breach of|in defiance of|despite|in spite of)\b"
    r"|\b(?i:under) (?:the|a|an|its|his|her|their)\b"  # not "from under three million"
)
_CAUSE = re.compile(
    # What a thing led to later: "one of the long-term causes of the war of 1914".
    r"\b(?i:causes?|origins?|roots?|reasons?) (?i:of|for) (?:the|a|an)\b"
    r"|\b(?i:whose|which|that|who|what)\b.*\bhad\b"  # ("less than what they had earned in")
    # What someone said or believed of another time: "believed that appeasement in the
    # 1930s had been a mistake" is dated by the believing.
    r"|\b(?i:believ(?:e|ed|es|ing)|thought|argu(?:e|ed|es|ing)|claim(?:ed|s|ing)?|said|"
    r"says|felt|knew|insist(?:ed|s)?|remember(?:ed|s)?|recall(?:ed|s)?) that\b"
    # What someone remembered is of its own time: "he remembered the failure of appeasement
    # in the 1930s".
    r"|\b(?i:remember(?:ed|s|ing)?|recall(?:ed|s|ing)?)\b"
)
# An earlier thing named by its date: "after", "following", or a phrase of participles.
_ASIDE = re.compile(r"\b(?i:after|following)\b")
# A phrase opened by a participle: "continuing the friendship begun at Rapallo in 1922",
# "founded by Walter Gropius in 1919". A past tense looks the same ("Italy, a member of the
# Triple Alliance, stayed neutral in 1914"), so an "-ed" word counts only with "by", "in",
# "at", "on" or "from" straight after it.
_PARTICIPLE = re.compile(
    r"\s*(?:(?P<word>[A-Za-z]+ing)|(?:[A-Za-z]+(?:ed|en)|begun|made|built|won|held)"
    r"\s+(?:by|in|at|on|from)\b)"
)
_NOT_PARTICIPLES = frozenset({"during", "bring", "king", "thing", "nothing", "something"})
_LIST_OF_DATES = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_CLAUSE_MARK = re.compile(r"[,;:(]")
# The next of a list of names with their dates: ", Malacca in", " and Hormuz in".
_LIST_OF_PLACES = re.compile(
    r"\s*(?:,|,?\s+and)\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:in|on|at|by)\s+"
)


def _own_dates(note: str, found: list[Mention]) -> list[Mention]:
    """The dates of a paragraph that date its events: neither bounds nor only cited.

    The dates are weighed clause by clause, a clause being a part of a sentence with a verb
    of its own, as points are cut, between semicolons.
    """
    own: list[Mention] = []
    for sentence, start, end in _clauses(note, found):
        inside = [m for m in found if start <= m.date_start < end]
        earlier = [m for m in found if sentence <= m.date_start < start]
        roles = _roles(note, start, inside, earlier)
        anchors = [m for m, role in zip(inside, roles, strict=True) if role in {"own", "bound"}]
        # Only a bound ("by the summer of 1794") besides the asides dates no event: an aside
        # a participle or "after" opens is the event the clause tells ("..., winning at
        # Fleurus on 26 June 1794"). (A thing named by its date stays cited: "By 1928
        # production had passed its pre-war level of 1913".)
        bounded = all(role == "bound" for role in roles if role in {"own", "bound"})
        dated = []
        for mention, role in zip(inside, roles, strict=True):
            # (Beside a bound, a thing named by its date as the clause's subject is its
            # event: "The Agrarian Reform Law of September 1932 settled only 12,000 families
            # by 1934".)
            named = mention.word in _NAMING and has_verb(note[start : mention.date_start])
            told = (bounded and not named) or not _cited_by(mention, anchors)
            if role == "own" or (role == "aside" and told):
                dated.append(mention)
        own += _changes(note, start, dated, [m for m in inside if m.bounds])
    return own


_NAMING = frozenset({"of", "the"})
# A change told from one year to another with its figures between: "grew from 100,000 in
# 1933 to 1.4 million in 1939".
_NO_BREAK = r"(?:[^,;:]|(?<=\d),(?=\d))*"  # (a comma inside a number breaks nothing)
_FROM = re.compile(rf"\bfrom\b{_NO_BREAK}$")
_TO = re.compile(rf"{_NO_BREAK}\bto\b{_NO_BREAK}")


_EITHER = re.compile(r"\s+or\s+")


def _changes(
    note: str, clause_start: int, dated: list[Mention], bounds: list[Mention]
) -> list[Mention]:
    """The clause's dates, with a change from one year to a later one told as one span
    ("The army grew from 100,000 in 1933 to 1.4 million in 1939": 1933-1939), not as an
    event at each end; so too a change to a figure "by" a later year ("rose from about a
    dozen in 1750 to over 300 by 1800": 1750-1800), to the last such year."""
    kept: list[Mention] = []
    for mention in dated:
        last = kept[-1] if kept else None
        if last is not None and _EITHER.fullmatch(note, last.end, mention.date_start):
            # "In 1064 or 1065 Harold had been shipwrecked": one event, at about its first
            kept[-1] = replace(last, written=f"{last.written} or {mention.written}", circa=True)
            continue
        if (
            last is not None
            and last.month is None  # (the end may name its month: "to ... in January 1933")
            and last.end_year is None
            and mention.end_year is None
            and last.year < mention.year
            and _FROM.search(note, clause_start, last.date_start)
            and _TO.fullmatch(note, last.end, mention.date_start)
        ):
            kept[-1] = replace(
                last, end_year=mention.year, written=f"{last.written}–{mention.written}"
            )
            continue
        kept.append(mention)
    return [_to_bound(note, clause_start, mention, bounds) for mention in kept]


def _to_bound(note: str, clause_start: int, mention: Mention, bounds: list[Mention]) -> Mention:
    """``mention`` as the start of a span to the last later year "by" which the clause says
    a figure changed ("from about a dozen in 1750 to over 300 by 1800"), or as it is."""
    if mention.month is not None or mention.end_year is not None or not bounds:
        return mention
    if not _FROM.search(note, clause_start, mention.date_start):
        return mention
    ends = [
        bound
        for bound in bounds
        if bound.year > mention.year
        and bound.word == "by"
        and _TO.fullmatch(note, mention.end, bound.start)
    ]
    if not ends:
        return mention
    return replace(mention, end_year=ends[-1].year, written=f"{mention.written}–{ends[-1].written}")


def _clauses(note: str, found: list[Mention]) -> Iterator[tuple[int, int, int]]:
    """Each clause of the paragraph: where its sentence starts, and where it stands."""
    for start, end in sentence_spans(note):
        if is_structure(note, start, end) and not heads_sublist(note, start):
            continue  # a heading ("### Non-cooperation 1920-22") tells of no event; a dated
            # item over a list of its own does ("- Non-cooperation campaign, 1920-22")
        for part in re.finditer(r"[^;]+", note[start:end]):
            first, last = start + part.start(), start + part.end()
            # Two clauses joined, each with its own verb and date: "The levée en masse of
            # 23 August 1793 raised an army, and French armies won at Fleurus on 26 June
            # 1794" tells two events, the first named by its date. (With one date or none,
            # nothing to weigh apart.)
            if sum(first <= m.date_start < last for m in found) < 2:
                yield start, first, last
                continue
            for clause in clause_spans(note, first, last):
                yield start, *clause


def _roles(
    note: str, clause_start: int, inside: list[Mention], earlier: list[Mention]
) -> list[str]:
    """Each date's part in its clause: "own", "bound", "cited" or "aside" (an earlier thing
    named by its date, cited where the clause has a date of its own not before it).
    ``earlier`` are the dates of the sentence before the clause."""
    roles: list[str] = []
    previous_end = clause_start
    for mention in inside:
        before = note[previous_end : mention.date_start]
        if roles and _LIST_OF_DATES.fullmatch(before):
            roles.append(roles[-1])  # "the Navy Laws of 1898 and 1900": as the first
        elif roles and roles[-1] == "aside" and _LIST_OF_PLACES.fullmatch(before):
            roles.append("aside")  # "seizing Goa in 1510, Malacca in 1511": one phrase
        else:
            roles.append(_role(note, previous_end, mention))
        previous_end = mention.end
    # A date moved "from June 1948 to 15 August 1947": both are cited, neither is when the
    # moving happened.
    for at in range(1, len(inside)):
        moved, to = inside[at - 1], inside[at]
        if moved.word == "from" and to.word == "to" and _before(to, moved):
            roles[at - 1] = "cited"
    # What was promised or planned for a later date than the clause's own: "After ... May
    # 1954, the Geneva Accords divided Vietnam and promised elections in 1956" happened in
    # 1954. (Alone, "Chamberlain promised peace in 1938" is dated by its year.)
    for at, mention in enumerate(inside):
        phrase = note[inside[at - 1].end if at else clause_start : mention.date_start]
        # ("... agreed to summon the Estates-General for May 1789": a date "for" a thing.)
        planned = mention.word == "for" or _FUTURE.search(phrase.rsplit(",", 1)[-1])
        if (
            roles[at] == "own"
            and planned
            and any(_before(other, mention) for other in [*earlier, *inside[:at]])
        ):
            roles[at] = "cited"
    return roles


# A verb of what is to come: its date is that of the thing promised, not of the promise.
_FUTURE = re.compile(
    r"\b(?i:promis(?:e|ed|es|ing)|plann(?:ed|ing)|scheduled|due|set for|to be held|"
    r"would be|(?:was|were) to|agree(?:d|s)? to|decided to)\b"
)


# A state before the clause's own time: "The border stayed almost where it had been in 1950".
_PRIOR_STATE = re.compile(r"\bhad\s+been\s+(?:in|at|on|before|since)\s+$")
# The time a clause is compared with, which it does not tell of: "Turnout in 1910 was higher
# than in 1906", "... than they had had in 1900", "Unlike in 1832, the 1867 Act ...",
# "compared with 1929". (Not a figure's "more than 13 million in 1933": words other than
# these stand between.)
_COMPARED = re.compile(
    r"\b(?i:than|unlike|compared\s+(?:with|to))"
    r"(?:\s+(?i:it|they|he|she|we|there|had|have|has|been|was|were|did|in|at|on|during))*\s*$"
)
# The date of a quotation's source, in brackets after it with its speaker: '"..." (Jinnah,
# 1940)' (not a title's date: "the 'Secret Speech' (February 1956)").
_ATTRIBUTION = re.compile(r"[”\"’']\s*\([^()\n,]+,\s*$")


def _role(note: str, since: int, mention: Mention) -> str:
    if mention.bounds:
        return "bound"
    marks = [m.end() for m in _CLAUSE_MARK.finditer(note, since, mention.date_start)]
    phrase = note[marks[-1] if marks else since : mention.date_start]
    if marks and note[marks[-1] - 1] == "(" and _ASIDE.search(note, since, marks[-1]):
        # A date in brackets after a thing named after "after": "judged Kennedy weak after
        # the Bay of Pigs (April 1961)" dates the Bay of Pigs, not the judging.
        before = note[marks[-2] if len(marks) > 1 else since : marks[-1] - 1]
        if _ASIDE.search(before):
            return "aside"
    if _CAUSE.search(phrase) or _PRIOR_STATE.search(phrase) or _COMPARED.search(phrase):
        return "cited"
    caused = [m.end() for m in _CAUSE_PHRASE.finditer(phrase)]  # the last is nearest the date
    if caused and not has_verb(phrase[caused[-1] :]):
        return "cited"
    if _ATTRIBUTION.search(note, since, mention.date_start):
        return "cited"  # '"The Muslims of India are a nation ..." (Jinnah, 1940)': a source
    if mention.word == "the" and phrase.strip(" \t\n\u00a0-").lower() != "the":
        return "cited"  # "joined the words of the 1549 and 1552 books": things, not events
    participle = _PARTICIPLE.match(phrase)
    opens_aside = participle is not None and (participle["word"] or "").lower() not in (
        _NOT_PARTICIPLES
    )
    if mention.word in {"of", "the"} or opens_aside or _ASIDE.search(phrase):
        return "aside"

    return "own"


def _cited_by(aside: Mention, anchors: list[Mention]) -> bool:
    """Whether a clause's own dates show ``aside`` to name an earlier thing: one of them is
    not before it ("Edward VI (1547-53) ... the Prayer Books of 1549"). A day and month that
    take their year from the clause ("in the autumn of 1923: the Munich Putsch of 8-9
    November") are cited only by a later date."""
    if aside.inferred:
        return any(_before(aside, anchor) for anchor in anchors)
    return not all(_before(anchor, aside) for anchor in anchors)


def _before(mention: Mention, other: Mention) -> bool:
    """Whether ``mention`` ends before ``other`` begins."""
    last = mention.end_year if mention.end_year is not None else mention.year
    if last != other.year:
        return last < other.year
    if mention.end_year is not None or mention.month is None or other.month is None:
        return False
    return (mention.month, mention.day or 0) < (other.month, other.day or 0)


# -- what happened ----------------------------------------------------------------------------


def _note_events(
    note: str, found: list[Mention], family: QuestionFamily, family_index: int, note_index: int
) -> Iterator[Event]:
    own = _own_dates(note, found)
    yield from _named_events(note, found, own, family_index, note_index)
    sentences = sentence_spans(note)
    for mention in own:
        start, end = next(
            ((s, e) for s, e in sentences if s <= mention.date_start < e), (0, len(note))
        )
        crowded = sum(start <= m.date_start < end for m in own) > 1
        opening = _after_list_marker(note, start, end)
        if crowded and _spans_a_closer_date(mention, opening, own, start, end):
            continue  # "1905-06: Bloody Sunday (9/1/1905) set off revolution": at 9/1/1905
        start = _after_head(note, opening, own, mention)
        start = opener_end(note, start) if mention.start > start else start  # "However, "
        text = _told(note, start, end, mention)
        aside = _bracketed_clause(note, mention)
        if aside is not None:
            # "Without birth certificates (compulsory registration only began in 1837) it was
            # easy to lie": what happened in 1837 is the bracket's own clause.
            text = aside[:1].upper() + aside[1:]
        earlier = _EARLIER_CLAUSE.search(text)
        if earlier is not None and mention.written in text[: earlier.start()]:
            # "The victory at Fleurus on 26 June 1794 drove the Austrians out of Belgium, and
            # the Vendée revolt had been crushed": what had happened before is not of the date
            text = text[: earlier.start()]
        label = row_label(note, opening) if "|" in note else None
        if label is not None and not any(char.isdigit() for char in label):
            # "Kashmir: He joined India on 26 October 1947" (a row named by its date has it)
            text = f"{plain(label)}: {text}"
        items = _dated_items(note, opening, end, own) if crowded else {}
        if mention.date_start in items:
            # "Kay's flying shuttle (1733), Hargreaves's spinning jenny (c. 1764) ...
            # transformed cotton spinning": each date is its own item's
            text = items[mention.date_start]
        elif crowded or len(text) > EVENT_LENGTH:
            # The clause that holds the date says what happened then.
            found_clause = _clause_of(note, family_points(family), note_index, mention, own)
            if found_clause is not None:
                clause, who = found_clause
                clause = _comma_part(note, clause, own, mention)
                opens = _after_head(note, _after_list_marker(note, *clause), own, mention)
                linked = opener_end(note, opens) if mention.start > opens else opens
                if note[opens:linked].rstrip().endswith(","):
                    opens = linked  # "Finally, there was ..." (not "Later railways")
                told = _told(note, opens, clause[1], mention)
                if who and note[opens : opens + 1].islower():
                    if len(ASIDE_COMMA.findall(who)) % 2:
                        who += ","  # "Italy, a member of the Triple Alliance, joined ..."
                    told = f"{who[:1].upper()}{who[1:]} {told[:1].lower()}{told[1:]}"
                if len(told.split()) >= 3:  # a clause cut too short says less than its sentence
                    text = told
        if crowded:
            # Another date of the sentence in brackets dates its own thing, not this event:
            # "Heavy defeats at Tannenberg (Aug. 1914) and the Masurian Lakes (Sept. 1914)".
            for other in own:
                if other is not mention and start <= other.date_start < end:
                    written = re.escape(note[other.date_start : other.end])
                    text = re.sub(rf"\s*\(\s*{written}\s*\)", "", text)
                    text = _own_conjunct(text, note[mention.date_start : mention.end], written)
            text = _DATE_MARK.sub("", text)  # ("(8 March): women's bread march ...")
            # ... and the year of "2 March (15 March) 1917: Nicholas abdicated", now alone
            text = _DATE_MARK.sub("", text.removeprefix(f"{mention.year}:"))
            text = text[:1].upper() + text[1:]
        if _QUANTITY.fullmatch(text):
            continue  # a table's figure for the year ("| 1933 | 4.8 million |"): no event
        if _did_not(text):
            continue  # "But the ANC did not change any law in the 1950s": nothing happened
        text = _named(text, note, sentences, start)
        # "After Luther died in February 1546" cut from its main clause: "Luther died ..."
        alone = _SUBORDINATE_ALONE.fullmatch(text)
        if alone is not None and text.endswith(mention.written):
            text = alone["told"][:1].upper() + alone["told"][1:]
        yield _event(mention, text, family_index, note_index)


def _event(mention: Mention, text: str, family_index: int, note_index: int) -> Event:
    """The event at a date the notes give, told by ``text`` (shortened to a label's length);
    its course and topic are filled in by the course's reading."""
    return Event(
        date=mention.written,
        start=(mention.year, mention.month, mention.day),
        end_year=mention.end_year,
        end_day=_last_day(mention),
        end_month=mention.end_month,
        circa=mention.circa,
        decade=mention.decade,
        month_part=mention.month_part,
        season=mention.season,
        text=shorten(text, EVENT_LENGTH),
        topic="",
        family=family_index,
        note=note_index,
    )


def _named_events(
    note: str, found: list[Mention], own: list[Mention], family_index: int, note_index: int
) -> Iterator[Event]:
    """The events a clause names with their own dates before telling another: "After
    Sharpeville (21 March 1960), the ANC was banned" tells of Sharpeville on 21 March 1960,
    "Despite the murder of Chris Hani on 10 April 1993, ..." of the murder. The clause's own
    date dates what it tells; the thing named, by its name alone, is an event of its own."""
    for mention in found:
        if mention in own or mention.bounds:
            continue
        named = _NAMED_BEFORE.search(note, max(0, mention.date_start - 80), mention.date_start)
        if named is None:
            continue
        thing = named["thing"].strip()
        if (
            has_verb(thing)
            or any(char.isdigit() for char in thing)
            or (named["open"] and not note.startswith(")", mention.end))
            or _UNOWNED.match(thing)
        ):
            # "After Luther died in ...": a clause, told as one already; "still weak after
            # its defeat by Japan in 1904-05": whose defeat, the label alone cannot say.
            continue
        label = plain(thing)
        yield _event(mention, label[:1].upper() + label[1:], family_index, note_index)


# A thing named after "after", "following" or "despite", a name in it, with its date in
# brackets or after "on" or "in": "After Sharpeville (", "despite the murder of Chris Hani
# on ". (A bracket must close straight after the date.)
_NAMED_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?i:after|following|despite|in spite of)\s+"
    r"(?P<thing>(?:the\s+)?[^,;:()\n]{0,40}?[A-Z][^,;:()\n]{0,40}?)"
    r"\s*(?:(?P<open>\()\s*|\s+(?:on|in)\s+)\Z"
)


# A last clause in the past perfect, joined by "and": what had happened before the event.
_EARLIER_CLAUSE = re.compile(
    r",?\s+and\s+[^,;:]*?\bhad\s+(?:already\s+)?(?:been\s+)?[a-z]+ed\b[^,;:]*$"
)


def _bracketed_clause(note: str, mention: Mention) -> str | None:
    """The clause in brackets that holds the date, where it tells something with a verb of
    its own ("(compulsory registration only began in 1837)"), else None."""
    opened = note.rfind("(", max(0, mention.date_start - 120), mention.date_start)
    if opened < 0 or ")" in note[opened : mention.date_start]:
        return None
    closed = note.find(")", mention.end, mention.end + 120)
    if closed < 0 or "(" in note[mention.end : closed]:
        return None
    inside = plain(note[opened + 1 : closed]).strip()
    words = WORD.findall(inside)
    if len(words) < _ASIDE_CLAUSE_WORDS or not has_verb(inside.lower()):
        return None
    if is_verb(words[0]) or words[0].endswith(("ed", "ing")):
        return None  # "(signed by Johnson on 2 July 1964)": of the thing before it, no subject
    return inside


#: The fewest words a bracketed clause needs to be an event's label: "(registration began in
#: 1837)"; fewer is a date or a name beside the date ("(d. 1547)", "(August 1914)").
_ASIDE_CLAUSE_WORDS = 4


def _dated_items(note: str, start: int, end: int, own: list[Mention]) -> dict[int, str]:
    """The label of each date of a sentence that lists things, each with its date in
    brackets, before what they all did: "Kay's flying shuttle (1733), Hargreaves's spinning
    jenny (c. 1764) and Arkwright's water frame (1769) transformed cotton spinning" gives
    "Kay's flying shuttle transformed cotton spinning" at 1733, and so on; by where each date
    starts. Empty for any other sentence."""
    inside = [m for m in own if start <= m.date_start < end]
    items: list[tuple[int, str]] = []
    previous = start
    for mention in inside:
        opened = note.rfind("(", previous, mention.date_start)
        closed = note.find(")", mention.end, end)
        if opened < 0 or closed < 0 or note[opened + 1 : mention.date_start].strip():
            return {}
        if note[mention.end : closed].strip():
            return {}
        item = _ITEM_JOIN.sub("", note[previous:opened]).strip()
        if not item or "," in item or has_verb(item) or len(item.split()) > _ITEM_WORDS:
            return {}
        items.append((mention.date_start, item))
        previous = closed + 1
    done = plain(note[previous:end]).strip()
    if len(items) < 2 or not done[:1].islower() or not has_verb(done):
        return {}
    return {at: f"{item} {done}" for at, item in items}


# What joins the items of a list: ", ", "and ", ", and ".
_ITEM_JOIN = re.compile(r"^\s*(?:,\s*)?(?:and\s+|or\s+)?")
#: The most words an item of such a list may have.
_ITEM_WORDS = 6


def _spans_a_closer_date(
    mention: Mention, opening: int, own: list[Mention], start: int, end: int
) -> bool:
    """Is ``mention`` a span of years that heads its sentence ("1905-06: ..."), which
    another of the sentence's dates falls within, more closely ("(9/1/1905)")?"""
    if mention.end_year is None or mention.start != opening:
        return False
    return any(
        other is not mention
        and start <= other.date_start < end
        and other.end_year is None
        and mention.year <= other.year <= mention.end_year
        for other in own
    )


# A clause of time or cause alone, without the main clause it opens: "After Luther died in
# February 1546", "When the army mutinied on 27 February 1917".
_SUBORDINATE_ALONE = re.compile(
    r"(?:After|When|Once|As soon as|Before|Until)\s+(?P<told>[^,;:]+\s[a-z]+(?:ed|d|t)\b[^,;:]*)"
)


def _own_conjunct(text: str, own: str, other: str) -> str:
    """``text`` without the other of two phrases of place and date joined by "and", the one
    whose date is ``other`` (a pattern): "defeats at Fredericksburg in December 1862 and at
    Chancellorsville in May 1863" is, for May 1863, "defeats at Chancellorsville in May
    1863"."""
    mine = re.escape(own)
    after = re.search(rf"\b{mine}(?P<cut>\s+and\s+{_PLACED_AT}\s[^,;()]*?\b{other})", text)
    if after is not None:
        return text[: after.start("cut")] + text[after.end("cut") :]
    before = re.search(
        rf"\b(?P<at>{_PLACED_AT})\s[^,;()]*?\b{other}\s+and\s+(?P=at)\s(?=[^,;()]*\b{mine})", text
    )
    if before is not None:
        return text[: before.start()] + text[before.end() - len(before["at"]) - 1 :]
    return text


# The prepositions of a place, which the conjuncts of "at A in 1862 and at B in 1863" share.
_PLACED_AT = r"(?:at|in|on|near|against|from|to|into)"


def _did_not(text: str) -> bool:
    """Does the event's text say only what did not happen ("Italy did not join in 1914")?
    Not where a clause after a "but" or "yet" tells what did ("did not ..., but ...")."""
    if _WOULD_HAVE.search(text):
        return True  # "Without Lenin's pressure the vote would not have happened"
    clause = parse_clause(text)
    return clause is not None and clause.negative and _TURN.search(clause.rest) is None


_TURN = re.compile(r"\b(?:but|yet|instead)\b", re.IGNORECASE)
# What would or might have been, had things gone otherwise: no event.
_WOULD_HAVE = re.compile(
    r"\b(?:would|might|could)\s+(?:(?:\w+\.?\s+){0,2})?(?:not\s+|never\s+)?have\s+(?!been\s+\w+ed\s+by)"
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+")


def _said_by(family: QuestionFamily) -> dict[tuple[int, str], str]:
    """Who a "he", "she", "it" or "they" of a point stands for, as its card says ("It
    crushed the king's main army at Naseby" is the New Model Army's; "On 6 April 1930 he
    made salt" is Gandhi's): by the point's paragraph and the words after the pronoun."""
    said: dict[tuple[int, str], str] = {}
    for statement in statements(family_points(family), family.notes, set()):
        written = plain(statement.point.text)
        subject = statement.clause.subject
        owning = _OWNING.match(written)
        if owning is not None:
            # "His Gettysburg Address ...", which the card has as "Lincoln's Gettysburg ..."
            told = written[owning.end() :]
            owner = statement.text[: -len(told)].strip() if told else ""
            if statement.text.endswith(told) and owner.endswith(("'s", "’s")):
                said[statement.point.source.note, told] = owner
            continue
        pronoun = _PRONOUN.search(written)
        if pronoun is None or _PRONOUN.fullmatch(f"{subject} "):
            continue
        told = written[pronoun.end() :]
        if statement.text.endswith(told) and f"{subject} {told}" in statement.text:
            said[statement.point.source.note, told] = subject
    return said


def _with_its_subject(event: Event, said: dict[tuple[int, str], str]) -> Event:
    """The event with its pronoun put as the one its card names, where a card does."""
    pronoun = _OWNING.match(event.text) or _PRONOUN.search(event.text)
    if pronoun is None:
        return event
    rest = event.text[pronoun.end() :]
    for (note, told), subject in said.items():
        if note == event.note and (rest.startswith(told) or told.startswith(rest)):
            if pronoun.start() == 0:  # ("the airlift" opening the event: "The airlift")
                subject = subject[:1].upper() + subject[1:]
            text = event.text[: pronoun.start()] + subject + " " + rest
            return event.model_copy(update={"text": text})
    return event


_PERSONAL = re.compile(r"(?:He|She)\s")
_OWNING = re.compile(r"(?:His|Her)\s+")  # "His Gettysburg Address ..."
_UNOWNED = re.compile(r"(?i:its|their|our|my|your|this|that|these|those)\s")
_ERAS = frozenset({"BC", "AD", "BCE", "CE"})


def _named(text: str, note: str, sentences: list[tuple[int, int]], start: int) -> str:
    """The event with its opening "He" or "She" put as the one name of the sentence before,
    where that sentence opens on it: "Malcolm X rejected non-violence. He was assassinated
    on 21/2/1965" tells "Malcolm X was assassinated on 21/2/1965"."""
    if not _PERSONAL.match(text):
        return text
    before = [(s, e) for s, e in sentences if e <= start]
    if not before:
        return text
    first, last = before[-1]
    previous = note[first:last]
    names = [name for name in names_in(previous) if name not in _ERAS]  # ("100 BC")
    # Only where the sentence names no one else: "Gallipoli ruined Churchill. He resigned"
    # is Churchill's resignation.
    if len(names) == 1 and previous.startswith(names[0]):
        return names[0] + text[text.index(" ") :]
    # Or where its subject is a name and every other name it gives is a place it went to or
    # acted in: "Washington was driven out of New York ... He crossed the Delaware",
    # "On 10/12/1520 Luther burned the bull at Wittenberg. He was excommunicated".
    clause = parse_clause(previous)
    if clause is None or not (
        # (A name that opens its sentence may be read as none: "Washington was driven ...".)
        clause.subject in names
        or (_OPENING_NAME.fullmatch(clause.subject) and clause.subject not in _NO_ONE)
    ):
        return text
    at = clause.subject_at[1]
    for name in names:
        found = previous.find(name, at)
        if name != clause.subject and (found < 0 or not _PLACED.search(previous, 0, found)):
            return text
    return clause.subject + text[text.index(" ") :]


_OPENING_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*")
_NO_ONE = frozenset({"It", "They", "There", "This", "These", "That", "Those", "We", "I"})
# A name after a word that makes it the place of an act: "out of New York", "at Wittenberg".
_PLACED = re.compile(r"\b(?:in|at|of|to|from|into|near|across|outside|towards?)\s+(?:the\s+)?$")


def _clause_of(
    note: str, points: list[Point], note_index: int, mention: Mention, own: list[Mention]
) -> tuple[tuple[int, int], str] | None:
    """Where the point that holds ``mention`` stands in ``note``, and who acted where it is
    cut from its subject ("He legalised black trade unions in 1979, repealed the mixed
    marriages ban in 1985": "He"), as the point before it in the same sentence names them;
    failing that, the point starts where that one does, so that the event says who acted."""
    ours = [p for p in points if p.source.note == note_index]
    for at, point in enumerate(ours):
        if point.source.start <= mention.date_start < point.source.end:
            start = point.source.start
            before = ours[at - 1] if at else None
            if (
                before is not None
                and before.source.sentence_start == point.source.sentence_start
                and lacks_subject(note[start : point.source.end])
            ):
                # (the nearest before it with a subject: "He legalised ..., repealed ...
                # and abolished the pass laws in 1986" is his too). Where what comes
                # before has no date of its own, the date is its too: "built 167 leaky
                # dams and planted some 40,000 trees from 2009".
                dated_before = any(before.source.start <= m.date_start < start for m in own)
                for earlier in reversed(ours[:at] if dated_before else []):
                    if earlier.source.sentence_start != point.source.sentence_start:
                        break
                    owner = parse_clause(earlier.text)
                    if owner is not None and owner.subject:
                        return (start, point.source.end), owner.subject
                start = before.source.start
            return (start, point.source.end), ""
    return None


def _comma_part(
    note: str, clause: tuple[int, int], own: list[Mention], mention: Mention
) -> tuple[int, int]:
    """The part of a clause that tells of ``mention`` where the clause runs two dated events
    together with a comma ("Mao died 9 Sep 1976, Gang of Four arrested Oct 1976"): a comma
    between two of its dates, before a capital and a verb of the next event's own ("Cape
    Bojador was passed in 1434, Bartolomeu Dias rounded the Cape ... in 1488"). Not an
    aside ("Julia, Caesar's daughter and Pompey's wife, had died") nor a clause going on
    ("..., and from 1580 Jesuits ..."); in terse notes, a comma straight after a date
    ("water frame 1769, first factory at Cromford 1771"). Otherwise the whole clause."""
    start, end = clause
    dated = [m for m in own if start <= m.date_start < end]
    if len(dated) < 2 or mention not in dated:
        return clause
    at = dated.index(mention)
    cuts = [
        comma
        for comma in _COMMA_NEW_EVENT.finditer(note, start, end)
        if any(
            is_verb(word)
            for word in WORD.findall(note, comma.end(), _part_end(note, comma.end(), end))
        )
        # (", and" opens an event of its own where a subject follows it, not a verb, and a
        # clause with a verb ends before it: ", and banks such as Chase Manhattan refused
        # ...", not ", and shelled Belgrade" nor "The Kruger Telegram of 1896, ..., and his
        # Daily Telegraph interview of 1908 angered British opinion")
        and not (comma.group() == ", and " and not _new_clause(note, start, comma))
    ]
    # Terse notes' dated items run on with a comma straight after each date, with no word
    # such as "in" or "of" before it: "water frame 1769, first factory at Cromford 1771",
    # "Stockton & Darlington 1825, Liverpool & Manchester 1830". (Prose dates its events
    # with such a word: "seizing Goa in 1510, Malacca in 1511", "the Kruger Telegram of
    # 1896, congratulating the Boers".)
    cuts += [
        comma
        for date in dated[:-1]
        if (comma := _COMMA_AFTER.match(note, date.end)) is not None
        and _terse_date(note, start, date.date_start)
        and not _GOES_ON.match(note, comma.end())  # "..., with Boulton from 1775": the same item
    ]
    before = [c.end() for c in cuts if at and dated[at - 1].end <= c.start() < mention.date_start]
    after = [
        c.start()
        for c in cuts
        if at + 1 < len(dated) and mention.end <= c.start() < dated[at + 1].date_start
    ]
    return (before[-1] if before else start, after[0] if after else end)


# A comma before a capital, or an arrow: where a second event may start in a clause
# ("Joseph Smith killed 1844 -> Brigham Young led them to Salt Lake 1846-7").
_COMMA_NEW_EVENT = re.compile(r", (?=[A-Z])|, and (?=[a-z])|\s(?:->|=>|→)\s+(?=[A-Z])")


def _new_clause(note: str, start: int, comma: re.Match[str]) -> bool:
    """Does ", and" end a clause with a verb and open one with a subject of its own?"""
    first = WORD.match(note, comma.end())
    if first is None or is_verb(first.group()):
        return False
    before = parse_clause(note[start : comma.start()])
    return before is not None and bool(before.verb)


_COMMA_AFTER = re.compile(r", (?=\S)")
_GOES_ON = re.compile(
    r"(?:and|or|but|with|without|by|in|on|at|from|to|for|of|after|before|until|then)\b",
    re.IGNORECASE,
)
# Words that may stand before a date in prose: "in 1510", "of 1896", "spring of", "c.".
_BEFORE_DATES = PREPOSITIONS | frozenset(
    "of in on at to by the c circa about around and or early late mid spring summer autumn "
    "winter".split()
)


def _terse_date(note: str, start: int, date_start: int) -> bool:
    """Does a date stand as terse notes write one, straight after what it dates ("water
    frame 1769"): two words or more before it in its clause, the last no word of prose's
    dating and not set off by a comma ("Locarno Treaties, October 1925, signed ..."), and
    no bracket open?"""
    words = WORD.findall(note, start, date_start)
    before = note[start:date_start]
    return (
        len(words) >= 2
        and before.rstrip()[-1:].isalnum()
        and words[-1].lower() not in _BEFORE_DATES
        and before.count("(") <= before.count(")")
    )


def _part_end(note: str, start: int, end: int) -> int:
    comma = note.find(",", start, end)
    return end if comma < 0 else comma


def _after_list_marker(note: str, start: int, end: int) -> int:
    """Where a sentence starts once a list marker ("- ", "2. ") and a label ("A: ") before
    it are left out, as a point's statement starts."""
    marker = LIST_ITEM.match(note, start, end)
    return after_label(note, marker.end() if marker else start, end)


def _after_head(note: str, start: int, own: list[Mention], mention: Mention) -> int:
    """Where a sentence starts for ``mention`` once another date heading it is left out:
    "1 August: Germany declared war on Russia, and on 3 August on France"."""
    for other in own:
        if other is not mention and other.start == start:
            head = re.match(r"\s*:\s*", note[other.end :])
            if head:
                return other.end + head.end()
    return start


def _told(note: str, start: int, end: int, mention: Mention) -> str:
    """What ``note[start:end]`` says happened, without the date that opens or interrupts it."""
    told = note[start:end]
    date = re.escape(note[mention.date_start : mention.end])
    if (
        mention.start == start
        and not _date_is_subject(note, mention, end)
        and not _MORE_DATES.match(note, mention.end, end)
        and not _DATE_STRESSED.match(note, mention.end, end)
    ):
        rest = _DATE_MARK.sub("", note[mention.end : end])  # "1769 - Arkwright ..."
        # "On 7 March 1965, known as Bloody Sunday, state troopers ...": the date's name
        # labels the event.
        rest = _KNOWN_AS.sub(r"\1: ", rest, count=1)
        if len(rest.split()) >= 2:
            told = rest
    else:
        # "(1956 - 1960)" and "Dual Alliance, 1879:" leave their dates to the label.
        told = re.sub(rf"\s*\(\s*{date}\s*\)", "", told)
        told = re.sub(rf",\s*{date}\s*(?=[:,])", "", told, count=1)
        told = re.sub(rf":\s*{date}\s*$", "", told, count=1)  # "Wars of the Roses: 1455 to 1487"
    # Without Markdown's marks ("The **National Party** won ... *May 1948*"), a table's row
    # with its cells apart ("1947: Independence, 15 Aug"), as cards show a sentence.
    told = plain(" ".join(told.split()))
    return told[:1].upper() + told[1:]


_KNOWN_AS = re.compile(r"^,?\s*(?:known|remembered) as\s+([^,]+),\s+", re.IGNORECASE)
# A word that stresses the date before it, which the event says nothing without: "In July
# 1961 alone c. 30,000 people left".
_DATE_STRESSED = re.compile(r"\s+(?:alone|only)\b")


# A figure and nothing else: "4.8 million", "£3bn", "c. 26%", "about 200,000".
_QUANTITY = re.compile(
    rf"(?i:about|around|approx\.?|c\.|some|over|nearly)?\s*{CURRENCY}?\d[\d.,]*\s*"
    rf"(?:%|per cent|{SHORT_SCALE}|{SCALE_WORD}(?: \w+)?)?\.?"
)


# What parts a date that opens a sentence from the event: a colon, a dash, a table's bar or an
# arrow ("1 May 1960 -> U2 shot down").
_DATE_MARK = re.compile(r"^(?:->|=>|→|[ ,:|\u00a0–—-])+")


# Another date after the one that opens a sentence ("In the 1070s and 1080s the Normans
# began"): the sentence, dates and all, is the event of each.
_MORE_DATES = re.compile(r"\s*,?\s*(?:and|or|&)\s+(?:the\s+)?\d")


def _date_is_subject(note: str, mention: Mention, end: int) -> bool:
    """Is a date that opens a sentence its subject ("January 2014 was one of the wettest
    months"), so that the sentence says nothing without it? A bare date followed by a
    verb in lower case is; "1915: Great Retreat" and "In 1933 the ..." are not."""
    if mention.start != mention.date_start or mention.word:
        return False
    verb = re.match(r"[ \u00a0]+([a-z]+)\b", note[mention.end : end])
    return bool(verb and verb.group(1) in _SUBJECT_VERBS)


#: Verbs after which a date that opens a sentence is what the sentence is about.
_SUBJECT_VERBS = frozenset(
    "was were is are had has saw brought marked became proved began ended".split()
)
