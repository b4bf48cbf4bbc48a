"""Creditable points: a family's notes cut into one fact, feature or reason each.

    >>> [p.text for p in note_points("Inmates of the gulags were released and cities had "
    ...     "their names changed.", 0)]
    ['Inmates of the gulags were released', 'cities had their names changed']

A point keeps where it came from (the note paragraph, its sentence, and character offsets
into the paragraph as written), its key terms (names, places, titles, coined and rare
words) and its facts (years, numbers, names), found by ``terms``, and, where the wording
tells, its kind (``kinds``). Everything here is pure: text in, points out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import islice
from typing import NamedTuple, get_args

from pastpaper.bulk import collection_paused
from pastpaper.course import Kind, QuestionFamily, TeacherPoint
from pastpaper.language import (
    AUXILIARIES,
    NUMBER_WORDS,
    PARTICIPLES,
    PREPOSITIONS,
    STOP_WORDS,
    SUBJECT_STARTS,
    WORD,
    has_verb,
    is_past,
    is_verb,
    word_rarity,
)
from pastpaper.model import Frozen
from pastpaper.schemes.clauses import clear_clauses, enclosed_spans
from pastpaper.schemes.kinds import clear_judgements, is_judgement, is_state, kind_of
from pastpaper.schemes.sentences import clear_caches as clear_sentences
from pastpaper.schemes.sentences import row_label, sentence_spans, trimmed
from pastpaper.schemes.terms import (
    YEAR,
    Fact,
    clear_names,
    facts,
    key_terms,
    make_fact,
    name_spans,
    names_in,
)
from pastpaper.study.dates import clear_mentions, two_figure_years, year_before
from pastpaper.text import LIST_ITEM, match_key, plain

__all__ = [
    "KINDS",
    "REASON_COMMANDS",
    "Fact",
    "Point",
    "PointSource",
    "after_label",
    "asks_reasons",
    "centred_facts",
    "clause_spans",
    "clear_caches",
    "explains_how",
    "facts",
    "family_points",
    "heads_sublist",
    "is_judgement",
    "is_state",
    "is_structure",
    "key_terms",
    "kind_of",
    "lacks_subject",
    "names_in",
    "note_points",
    "point_id",
    "points_of_notes",
    "sentence_spans",
    "shown",
    "teacher_point_id",
    "word_rarity",
    "worded_kinds",
]

KINDS: tuple[str, ...] = get_args(Kind)


class PointSource(Frozen):
    """Where a point stands: note paragraph ``note`` (0-based), characters start:end of it."""

    note: int
    sentence: str
    sentence_start: int
    start: int
    end: int


class Point(Frozen):
    id: str
    text: str
    source: PointSource
    key_terms: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    kind: Kind | None = None


def point_id(text: str) -> str:
    """A short id that depends only on what the point says, so it survives re-imports."""
    return "p" + hashlib.sha1(match_key(text).encode()).hexdigest()[:6]


def _as_reason(point: Point, kind: Kind = "feature") -> Point:
    return point.model_copy(update={"kind": "reason"}) if point.kind == kind else point


def _read_as_reason(point: Point, whole: bool) -> Point:
    """A point of notes under a "why" question: a reason if its paragraph explains
    (``whole``) or it states a condition, which it is even where it names examples."""
    # (A point already read as a reason, or a feature of a paragraph that explains, needs
    # no look at its wording: most points of most notes.)
    if (point.kind == "evidence" or not whole) and is_state(point.text):
        return _as_reason(_as_reason(point), "evidence")
    return _as_reason(point) if whole else point


def _explains(points: list[Point]) -> bool:
    """Does a paragraph explain: does any of its points give a reason, a result or a
    condition? (Any one, rather than a share of them: chosen with each development set
    left out in turn, against a quarter and a half.)"""
    return any(p.kind in ("reason", "consequence") or is_state(p.text) for p in points)


def teacher_point_id(point: TeacherPoint) -> str:
    """A teacher's own point's id: the one they gave it, else one made from its text."""
    return point.id or "t" + point_id(point.text)[1:]


def family_points(family: QuestionFamily, *, lists: bool = True) -> list[Point]:
    """Every point of a family's notes, in the order of the notes; ids unique in the family.
    Without ``lists``, a list after a colon is one point, not one for each item (cards).

    In notes that answer "why" questions, a paragraph that gives reasons, results or
    conditions goes on explaining: its plain statements are reasons too ("Sooner or later
    the truth about Stalin would come out"), and a condition is a reason wherever it
    stands ("Banks were failing"). A paragraph that only tells what happened stays a
    description ("In February 1956 Khrushchev attacked Stalin in the Secret Speech"),
    unless no paragraph of the notes explains at all: then each is read as explaining.
    """
    explains = any(asks_reasons(q.text, q.command_word) for q in family.questions)
    return points_of_notes(family.notes, explains, lists=lists)


def points_of_notes(notes: tuple[str, ...], explains: bool, *, lists: bool = True) -> list[Point]:
    """The points of a family's notes; ``explains`` when a question of it asks why."""
    # (Notes that give no list have the same points either way: read once, and whether
    # they give one is kept with their points, not read from each paragraph again.)
    read = _notes_points(notes, explains)
    if not lists and read[2]:
        read = _notes_points(notes, explains, lists=False)
    return list(read[0])


def worded_kinds(notes: tuple[str, ...], explains: bool) -> list[Kind]:
    """The kind each of those points has by its own words, before a paragraph that
    explains lends its plain statements the kind "reason"."""
    return list(_notes_points(notes, explains)[1])


#: Command words whose questions ask for reasons.
REASON_COMMANDS = frozenset({"why", "account for", "explain"})
# "Explain how waves erode the coastline", "Explain the processes of coastal erosion":
# "explain" asking how something works or was done, which what happened answers.
_EXPLAINS_HOW = re.compile(
    r"(?:^|[.?!]\s+)[\s\"'(*-]*explain\s+(?:how\b|the\s+(?:process(?:es)?|ways?|methods?|"
    r"stages?|steps?|features?)\b)",
    re.IGNORECASE,
)


def explains_how(question: str) -> bool:
    """Does the question ask to explain how something works or was done ("Explain how Hitler
    consolidated his power", "Explain the processes of coastal erosion"), not why?"""
    return _EXPLAINS_HOW.search(question) is not None


def asks_reasons(question: str, command: str) -> bool:
    """Does the question (with its command word) ask for reasons: "Why ...?", "Account for
    ...", "Explain why ...", "Explain your answer", but not "Explain how ..."?"""
    return command in REASON_COMMANDS and not (command == "explain" and explains_how(question))


def clear_caches() -> None:
    """Forget the points of notes seen before (for benchmarks that time the work itself)."""
    _notes_points.cache_clear()
    _read_note.cache_clear()
    _read_sentence.cache_clear()
    _clause_said.cache_clear()
    clear_sentences()
    _verb.cache_clear()
    clear_names()
    clear_clauses()
    clear_judgements()
    clear_mentions()


# Big enough for every family of the generated 5 MB notes (2,724), so that the schemes and
# then the cards of a course, or an import's points and then its cards, cut each family
# once: cutting them again took as long as everything else together.
@lru_cache(maxsize=4096)
def _notes_points(
    notes: tuple[str, ...], explains: bool, lists: bool = True
) -> tuple[tuple[Point, ...], tuple[Kind, ...], bool]:
    """The points, their worded kinds, and whether the notes give a list that ``lists``
    cuts into its items."""
    # Kept for every later scheme and card: made with the cyclic collector paused, they go
    # straight to its oldest generation instead of setting off full collections that walk
    # every point kept before them (``pastpaper.bulk``).
    with collection_paused():
        return _cut_notes(notes, explains, lists)


def _cut_notes(
    notes: tuple[str, ...], explains: bool, lists: bool
) -> tuple[tuple[Point, ...], tuple[Kind, ...], bool]:
    # Every scheme of a family needs its points: cut each family's notes once.
    found = []
    worded: list[Kind] = []
    read = [note_points(note, index, lists=lists) for index, note in enumerate(notes)]
    # Notes written under a question that asks why, and not one paragraph of them worded as
    # explaining ("The Hitler Youth offered camping, sport and adventure."): what they tell
    # is what the writer gives as the reasons, and each paragraph is read as explaining.
    # (Otherwise the question's scheme would credit nothing and no answer could be marked.)
    telling = explains and not any(_explains(points) for points in read)
    for points in read:
        worded += [p.kind or "feature" for p in points]
        if explains:
            whole = telling or _explains(points)
            # (A condition is a reason though it names examples: "Britain's staple industries
            # such as coal and cotton depended on exports".)
            points = [_read_as_reason(p, whole) for p in points]
            # A paragraph that explains gives its examples as causes too ("He raised money
            # through unpopular methods such as Ship Money. As a result, ..."), and so do
            # notes that explain in no words ("Public works such as the autobahns ...").
            if whole:
                points = [_as_reason(p, "evidence") for p in points]
        found += points
    found = [_centred(point, notes) for point in found]
    seen: dict[str, int] = {}
    unique = []
    for point in found:
        seen[point.id] = seen.get(point.id, 0) + 1
        if seen[point.id] > 1:
            point = point.model_copy(update={"id": f"{point.id}-{seen[point.id]}"})
        unique.append(point)
    listed = any(items for note in notes for *_, items in _read_note(note))
    return tuple(unique), tuple(worded), listed


def _centred(point: Point, notes: tuple[str, ...]) -> Point:
    """The point with each year it writes in two figures in the century of the notes around
    it: "'48" is the year 1848 in notes on 1848 (``dates.year_before``). A paragraph is read
    alone, once, and takes the 20th century for such a year (``dates.full_year``)."""
    if not two_figure_years(point.text) or not 0 <= point.source.note < len(notes):
        return point  # nearly every point: no year in two figures
    century_from = year_before(notes, point.source.note, point.source.start)
    facts = centred_facts(point.text, point.facts, century_from)
    return point if facts == point.facts else point.model_copy(update={"facts": facts})


def centred_facts(text: str, found: Sequence[Fact], century_from: int | None) -> tuple[Fact, ...]:
    """``text``'s facts (``found``) with each year it writes in two figures put in the
    century from ``century_from`` on ("'48" as 1848 after 1846), where read alone it would
    be in the 20th century."""
    alone = two_figure_years(text)
    if not alone or century_from is None:
        return tuple(found)
    placed = two_figure_years(text, century_from)
    moved = {
        str(before.year): str(after.year)
        for before, after in zip(alone, placed, strict=True)
        if before.year != after.year and not before.numeric and not before.decade
    }
    return tuple(
        make_fact("year", moved[f.value]) if f.kind == "year" and f.value in moved else f
        for f in found
    )


# Every field of a point is set: the points share one set that says so (pydantic keeps a
# set for each model it makes, and theirs were half the memory of 50,000 points; a copy
# with a change gets a set of its own).
_POINT_FIELDS = set(Point.model_fields)
_SOURCE_FIELDS = set(PointSource.model_fields)

# "In that year Khrushchev gave his secret speech": the year is the one the notes just told.
_THAT_YEAR = re.compile(r"(?=t)\b(?:that|the same|that same) year\b", re.IGNORECASE)


def note_points(note: str, index: int, *, lists: bool = True) -> list[Point]:
    """The points of one note paragraph (``index`` is its place among the family's notes).

    With ``lists`` a list the notes give after a colon is cut into its items (``_listed``),
    as schemes credit them; without, it stays one point, as cards ask about it.
    """
    # Built without validation: every field is made here, of the right type, and
    # validating tens of thousands of points took a tenth of the time.
    return [
        Point.model_construct(
            _POINT_FIELDS,
            id=said.id,
            text=said.text,
            source=PointSource.model_construct(
                _SOURCE_FIELDS,
                note=index,
                sentence=sentence,
                sentence_start=s_start,
                start=start,
                end=end,
            ),
            key_terms=said.key_terms,
            facts=found,
            kind=said.kind,
        )
        for sentence, s_start, whole, items in _read_note(note)
        for start, end, said, found in (items if lists and items else (whole,))
    ]


# A bank's notes repeat paragraphs from topic to topic: each distinct one is read once.
@lru_cache(maxsize=4096)
def _read_note(note: str) -> tuple[tuple[str, int, _Read, tuple[_Read, ...]], ...]:
    """Each point of a paragraph as (its sentence, where that starts, the point, and the
    points of its list's items if it gives a list), each point as (where it starts and ends,
    what it says, its facts)."""
    read = []
    names = names_in(note)
    for s_start, s_end in sentence_spans(note):
        if is_structure(note, s_start, s_end):
            continue  # a heading or label: it stays in the notes, but credits nothing
        s_start = after_label(note, s_start, s_end)
        sentence = note[s_start:s_end]
        lead = None  # the clause before, where it ends on a colon: what this one may list
        pieces = _sentence_points(note, s_start, s_end, names)
        label = row_label(note, s_start) if "|" in note else None
        if label is not None:
            # A table's cell of its own is about its row's first cell: "Kashmir: He joined
            # India on 26 October 1947".
            named = f"{plain(label)}: "
            pieces = [(a, b, said._replace(text=named + said.text)) for a, b, said in pieces]
            sentence = named + sentence  # (as cards show the sentence a point is from)
        for at, (start, end, said) in enumerate(pieces):
            parts = _listed(note, start, end, lead)
            if not parts and at + 1 < len(pieces):
                parts = _series(note, start, end, pieces[at + 1][0])
            items = tuple(_read_item(note, a, b, names) for a, b in parts) if parts else ()
            read.append((sentence, s_start, (start, end, said, _facts(note, start, said)), items))
            lead = (start, end) if note.startswith(": ", end) else None
    return tuple(read)


def _read_item(note: str, start: int, end: int, names: list[str]) -> _Read:
    said = _said(note[start:end], names)
    return start, end, said, _facts(note, start, said)


def _facts(note: str, start: int, said: _Said) -> tuple[Fact, ...]:
    """A point's facts: its own, and the year a "that year" in it stands for ("In that year
    Khrushchev gave his secret speech": the year the notes just told)."""
    if said.that_year:
        earlier = YEAR.findall(note, 0, start)
        if earlier:
            return (*said.facts, make_fact("year", earlier[-1]))
    return said.facts


class _Said(NamedTuple):
    """What a clause says, read from its words alone (and the paragraph's names in it)."""

    id: str
    text: str
    key_terms: tuple[str, ...]
    facts: tuple[Fact, ...]
    kind: Kind
    that_year: bool  # it says "that year" and names none: the year is the one just told


# A point as read: where it starts and ends in its paragraph, what it says, its facts.
_Read = tuple[int, int, _Said, tuple[Fact, ...]]


def _said(text: str, names: list[str]) -> _Said:
    return _clause_said(text, tuple(name for name in names if name in text))


# A sentence with a name that changes from topic to topic ("Khrushchev (12)") may still have
# clauses that say the same as another's: each distinct clause is read once too.
@lru_cache(maxsize=32768)
def _clause_said(text: str, here: tuple[str, ...]) -> _Said:
    names = list(here)
    spans = name_spans(text, names)
    found = tuple(facts(text, names, spans))
    return _Said(
        id=point_id(text),
        text=shown(text),
        key_terms=tuple(key_terms(text, names, spans)),
        facts=found,
        kind=kind_of(text),
        that_year=bool(_THAT_YEAR.search(text))
        and not any(f.kind in ("year", "date") for f in found),
    )


# How far past its end ``_clauses`` may read a sentence's notes (``_aside`` looks 40
# characters past a join, and a join ends inside the sentence).
_READS_PAST = 45


def _sentence_points(
    note: str, start: int, end: int, names: list[str]
) -> list[tuple[int, int, _Said]]:
    """The clauses of the sentence ``note[start:end]`` as (start, end, what it says).

    A bank's notes say the same sentence again and again (a topic's families share their
    lines, and a course repeats a fact in several topics): each is read once, by its own
    words, the few characters after it that the cutting reads, and the paragraph's names
    it holds. A sentence glued to the word before it ("Volgogradthe powers") is read in
    place, as the cutting looks back into that word.
    """
    if start and not note[start - 1].isspace():
        return [(a, b, _said(note[a:b], names)) for a, b in _clauses(note, start, end)]
    sentence = note[start:end]
    here = tuple(name for name in names if name in sentence)
    read = _read_sentence(note[start : end + _READS_PAST], end - start, here)
    return [(start + a, start + b, said) for a, b, said in read]


@lru_cache(maxsize=32768)
def _read_sentence(
    text: str, end: int, names: tuple[str, ...]
) -> tuple[tuple[int, int, _Said], ...]:
    listed = list(names)
    return tuple((a, b, _said(text[a:b], listed)) for a, b in _clauses(text, 0, end))


def shown(span: str) -> str:
    """A point's text as students and teachers see it: its span of the notes without
    Markdown's marks (the notes keep them), or the span itself where nothing else is left;
    a sentence the notes wrap onto the next line is one line ("so that\nthe marriage")."""
    text = plain(span).strip() or span
    return _WRAPPED.sub(" ", text) if "\n" in text else text


# A line break inside a sentence, with the indent of the line it wraps onto.
_WRAPPED = re.compile(r"[ \t]*\n[ \t]*")


# -- structure: headings, labels and list markers ------------------------------------------

_LABEL_NUMBER = r"(?:\d{1,2}|[a-h]|one|two|three|four|five|six|seven|eight)\b"
# Words that label a part of the notes rather than say anything: "Detail", "Notes:",
# "Key points". Alone on a line (or before a colon that opens the line) they are structure.
_LABEL = re.compile(
    r"(?:(?:key|main|more|further|extra|other)\s+)?(?:details?|notes?|points?|facts?|"
    r"summary|overview|background|context|examples?|evidence|causes?|reasons?|factors?|"
    r"consequences?|results?|effects?|impact|outcomes?|analysis|introduction|conclusion|"
    r"key\s+(?:terms?|words?|dates?|people|figures?|events?|ideas?)|keywords?|timeline|"
    r"chronology|revision|remember|definitions?|vocabulary|glossary|sources?|"
    r"for|against(?:\s+this)?|arguments?(?:\s+(?:for|against))?|(?:the\s+)?other\s+side|"
    r"limits?|counter[- ]?arguments?|"
    r"strengths?|weaknesses?|successes|failures?|limitations?|judg(?:e)?ments?)"
    # numbered: "Factor 1", "Reason two", "Source A"
    rf"(?:\s+{_LABEL_NUMBER})?",
    re.IGNORECASE,
)
# A sentence that only points on to other reasons, and gives none: "However, the war was
# not the only reason.", "There were other factors too." (Not one that goes on to give
# them: "Taxes were not the only burden: peasants also owed dues to their lords".)
# What a signpost's reasons are for, a few words that name no example: "for the revolt", not
# "for the revolt such as high taxes", which gives a reason.
# (Each word is taken whole, "++": a long run of letters is not tried cut every way.)
_FOR_WHAT = (
    r"(?:(?!such\b|including\b|like\b|notably\b|especially\b|namely\b|for\s+example\b|"
    r"for\s+instance\b|e\.g\.)[\w’'.-]++\s*){1,10}"
)
_SIGNPOST = re.compile(
    r"(?:(?:however|but|yet|still|nevertheless|of course|even so),?\s+)?"
    r"(?:(?:[\w’'-]+\s+){1,6}(?:was|were|is|are|had\s+been)\s+not\s+the\s+only|"
    r"there\s+(?:were|are|was|had\s+been)\s+(?:also\s+)?(?:other|several\s+other|many\s+other))"
    r"\s+(?:\w+\s+)?(?:reasons?|causes?|factors?|explanations?|grievances?|problems?|"
    r"threats?|motives?|complaints?)"
    rf"(?:\s+(?:too|as\s+well|also))?(?:\s+(?:for|why|behind)\s+{_FOR_WHAT})?"
    # "However, other factors were also important", "Other causes mattered too"
    r"|(?:(?:however|but|yet|still|of course),?\s+)?(?:several\s+|many\s+)?other\s+"
    r"(?:\w+\s+)?(?:reasons?|causes?|factors?|explanations?)\s+(?:(?:were|are|was)\s+)?"
    r"(?:also\s+)?(?:(?:just\s+as|equally|very|more)\s+)?(?:important|significant|mattered|"
    rf"played\s+a\s+part|contributed|(?:led|contributed)\s+to\s+{_FOR_WHAT})"
    r"(?:\s+(?:too|as\s+well))?",
    re.IGNORECASE,
)


def _is_signpost(text: str) -> bool:
    """Does the text only point on to other reasons (``_SIGNPOST``)? Every signpost says
    "only" or "other": a text with neither (nearly every sentence) is not tried against the
    pattern, whose runs of up to six words are tried at every word."""
    lowered = text.lower()
    return ("only" in lowered or "other" in lowered) and _SIGNPOST.fullmatch(text) is not None


# A numbered label with a title of its own, a heading: "Factor 1: Fear", "Reason 2 - Money".
_NUMBERED_TITLE = re.compile(
    rf"(?P<label>[^\W\d_]+\s+{_LABEL_NUMBER})\s*[:.\-–]\s*(?P<title>.*)", re.IGNORECASE
)
# A self-test pair kept in the notes ("Q: Why did the knights go?" over "A: They were
# promised ..."): the question's line asks, and the answer's label is no part of what it says.
_ASKED = re.compile(r"(?:q|question)(?:\s*\d{1,3})?\s*:", re.IGNORECASE)
_ANSWER = re.compile(r"(?:a|ans|answer)(?:\s*\d{1,3})?", re.IGNORECASE)
_MARKUP = " \t\u00a0*_#>-+•–:.!"  # emphasis, heading and list marks around a label
_QUOTE_OPENS = re.compile(r"[‘“\"]|(?:^|\s)'")


def is_structure(note: str, start: int, end: int) -> bool:
    """Is the sentence ``note[start:end]`` a part of the notes' layout, not a statement?

    A Markdown heading (``### Detail``), a label alone ("Notes:", "Key points"), a line
    that only opens a list ("The July Crisis, step by step:") or a short heading run into
    its paragraph ("Morocco. In March 1905 ...") is structure, and so is a question the
    notes ask ("How serious?", or a self-test's "Q: Name the Pope."): it stays in the notes
    as written but is never a creditable point.

    >>> is_structure("### Detail", 0, 10), is_structure("Notes:", 0, 5)
    (True, True)
    >>> is_structure("Trade rivalry: by 1913 Germany made more steel.", 0, 46)
    False
    """
    text = note[start:end]
    line_start = note.rfind("\n", 0, start) + 1
    line_end = note.find("\n", end)
    line_end = len(note) if line_end < 0 else line_end
    before, after = note[line_start:start], note[end:line_end].strip()
    if text.lstrip().startswith("#") or before.lstrip().startswith("#"):
        return True
    # A numbered section's title alone in its paragraph: "3. The Reformation Parliament,
    # 1529-36" over the paragraphs of that section (a list's items stand together, or say
    # something: "2. Russia backed Serbia").
    if _SECTION_TITLE.fullmatch(before) and _NUMBERED_HEADING.fullmatch(note):
        heading = WORD.findall(text)
        if len(heading) <= 8 and not any(is_verb(word) for word in heading):
            return True
    # A line of references ("Sources: class textbook ch. 4; ...", "Footnotes: [1] ...") or a
    # footnote's own text ("[2] See G. W. Bernard ...") names where the notes came from.
    if _REFERENCES.match(note, line_start):
        return True
    # A Markdown table's header row ("| Year | Event |", or "Year | Event" without the
    # outer bars), over the row of dashes under it.
    header = before.lstrip().startswith("|") or "|" in note[line_start:line_end]
    if header and _TABLE_RULE.match(note, line_end + 1):
        return True
    bare = text.strip(_MARKUP)
    if _LABEL.fullmatch(bare) or _is_signpost(bare):
        return True
    numbered = _NUMBERED_TITLE.fullmatch(bare)
    if numbered and _LABEL.fullmatch(numbered["label"]):
        title = numbered["title"].strip(_MARKUP)
        if len(WORD.findall(title)) <= 3 and not has_verb(title) and not _DIGIT.search(title):
            return True
    if not before.strip(_MARKUP) and _ASKED.match(text.lstrip(_MARKUP)):
        return True
    # A question the notes put to themselves ("How serious? Less than it looked.") asks;
    # the answer after it is the statement. A question somebody is quoted asking is said.
    asks = text.rstrip(_MARKUP).endswith("?") or note[end : end + 1] == "?"
    if asks and not _QUOTE_OPENS.search(text):
        return True
    first_on_line = not before.strip(_MARKUP + "0123456789)")
    if not first_on_line:
        return False
    # A line that only opens the list below it: "Stresemann's achievements:".
    if after.startswith(":") and not after[1:].strip() and _at_most_words(text, 12):
        return line_end < len(note) or note[line_end:].strip() == ""
    # A label of a few words on a line of its own over the list it names: "Population",
    # "Textiles - key dates", with "- 1733: Kay's flying shuttle" on the next line. (Its
    # words are counted last: most sentences have more of the line after them.)
    label = not after and not before.strip() and _at_most_words(text, 5) and not _DIGIT.search(text)
    if label and LIST_ITEM.match(note, line_end + 1):
        return not has_verb(text)  # (a list's own short items stay its points)
    # ... or set in bold as a paragraph of its own, over the paragraphs it names ("**Political
    # reforms**", then a blank line and the list).
    if label and _BOLD_ALONE.fullmatch(note.strip()):
        return not has_verb(text)
    # A list item that heads the items indented under it ("- The Salt March", over "  - Began
    # on 12 March 1930 ..."): a label of the list, as a heading is.
    # (Its date in brackets is no part of its length: "- The Night of the Long Knives (30
    # June 1934)".)
    heads = not after and _heads_sublist(note, line_start, line_end)
    if heads and _at_most_words(_BRACKETED.sub("", text), 8):
        return not has_verb(text)
    # A heading of a word or three run into its paragraph: "Morocco. In March 1905 ...",
    # or a name and the year it heads ("The Treaty of Paris, 1763. Britain gained ..."), or
    # in bold into a list item ("- **The media.** In Birmingham ..."). Bold marks a label
    # of a few more words: "**De Klerk and the transition.** F. W. de Klerk became ...".
    bold = text.startswith(("**", "__"))
    run_in = after.startswith(".") and bool(after[1:].strip()) and (start == line_start or bold)
    if not run_in:
        return False
    named = _HEADING_YEAR.sub("", text) if _DIGIT.search(text) else text  # (a year has figures)
    return (
        _at_most_words(named, _BOLD_LABEL_WORDS if bold else 3)
        and not has_verb(named)
        and not _DIGIT.search(named)
    )


def _at_most_words(text: str, most: int) -> bool:
    """Has the text ``most`` words (``WORD``) or fewer? (Counted only as far as one more: a
    sentence is read to its end for a heading's three words no longer.)"""
    return next(islice(WORD.finditer(text), most, None), None) is None


def heads_sublist(note: str, start: int) -> bool:
    """Is the sentence at ``start`` on a list item with items indented under it ("- The
    Salt March", over "  - Began on 12 March 1930 ...")? Structure for a scheme, but a
    timeline's event where it is dated ("- Non-cooperation campaign, 1920-22")."""
    line_start = note.rfind("\n", 0, start) + 1
    line_end = note.find("\n", start)
    return _heads_sublist(note, line_start, len(note) if line_end < 0 else line_end)


def _heads_sublist(note: str, line_start: int, line_end: int) -> bool:
    """Is the line a list item with an item indented further under it, on the next line?"""
    item = LIST_ITEM.match(note, line_start)
    below = LIST_ITEM.match(note, line_end + 1) if line_end < len(note) else None
    if item is None or below is None:
        return False
    indent = len(item[0]) - len(item[0].lstrip(" \t\u00a0"))
    below_indent = len(below[0]) - len(below[0].lstrip(" \t\u00a0"))
    return below_indent > indent


_BRACKETED = re.compile(r"\([^()]*\)")
_BOLD_LABEL_WORDS = 6  # the most words of a bold label run into its paragraph
_BOLD_ALONE = re.compile(r"(\*\*|__)[^*_\n]+\1:?")
_SECTION_NUMBER = r"[ \t]*(?:\d{1,2}|[IVX]{1,4})\.[ \t]+"  # "3. ", "IV. "
_NUMBERED_HEADING = re.compile(rf"{_SECTION_NUMBER}[^\n]+\s*")
_SECTION_TITLE = re.compile(_SECTION_NUMBER)
_REFERENCES = re.compile(
    r"[ \t*_#>-]*(?:(?:foot|end)?notes? and references|(?:foot|end)notes|references|sources?|"
    r"bibliography|further reading|reading list|see also|credits?)[*_]*\s*:|[ \t]*\[\d{1,3}\]\s",
    re.IGNORECASE,
)


# The year that may follow a run-in heading's name: "The Dawes Plan, 1924", "Locarno (1925)".
# ... or its span of years: "Drake's raid of 1585–86", "The Armada, 1587-88".
_HEADING_YEAR = re.compile(r"(?=[\s,(\d])(?:,?\s*|\s+of\s+)\(?\d{3,4}(?:\s*[-–]\s*\d{2,4})?\)?\s*$")


_DIGIT = re.compile(r"\d")
# The dashes under a table's header: "|------|-----|", or "--- | ---" without outer bars.
_TABLE_RULE = re.compile(r"[ \t]*(?=[^\n]*\|)[ \t:|-]*-[ \t:|-]*$", re.MULTILINE)


def after_label(note: str, start: int, end: int) -> int:
    """Where a sentence's statement starts, after a label that opens it ("Detail: ...",
    "A: ...")."""
    colon = note.find(":", start, end)
    label = note[start:colon].strip(_MARKUP) if colon > start else ""
    if label and (_LABEL.fullmatch(label) or _ANSWER.fullmatch(label)):
        stripped = colon + 1
        while stripped < end and (note[stripped].isspace() or note[stripped] in "*_"):
            stripped += 1
        return stripped
    return start


# Where a sentence may hold two points: "X happened and Y happened", "X; Y", "X, but Y".
# (Not a colon before a quotation: 'Mandela said at his trial: "It would be wrong ..."' is
# one point, the words and who said them.) Each starts with a space or a stop: the lookahead
# in front turns the other places down at once.
_JOIN = re.compile(
    r"(?=[\s;:,])(?:\s*;\s*|:\s+(?![\"“‘])|,?\s+(?:and|but|while|whereas)\s+(?:also\s+)?)",
    re.IGNORECASE,
)
# A clause that ends on its auxiliary, its verb left out as the clause before's: "while the
# king could not", "but Germany did not", "and so did France".
_ELLIPTICAL = re.compile(
    r"(?=[acdhimsw])(?<!\bto )\b(?:could|would|should|might|must|can|will|did|does|do|had|has|"
    r"have|was|were|is|are)"
    r"(?:\s+not|n[’']t)?(?:\s+(?:either|too|so))?\s*[.!?]?\s*$"
)
# The last of a list of things with what someone did to them, told with no "that": "fuel
# they needed", "the land and food it produced".
_CONTACT_RELATIVE = re.compile(
    r"(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?\s+(?:they|he|she|it|we)\s+[a-z]+ed"
    r"(?:\s+(?:for|from|with|in|on|at|by)\s+[\w\s-]{1,30})?\s*[.;]?\s*$"
)


# A "but" that puts right what the clause before it denies, sharing its subject: "did not
# cause the decline but only revealed it", "was not a cause but merely a trigger".
_CORRECTS = re.compile(r",?\s+but\s+(?:only|merely|simply|rather|instead)\b")
_NEGATED = re.compile(r"\b(?:not|never)\b|n[’']t\b")
_COLON_CLAUSE = re.compile(r"[;:]|,?\s+(?:while|whereas|which|who)\s+")


def lacks_subject(text: str) -> bool:
    """Does ``text`` open with a verb in lower case, the second half of "X did A and did
    B" cut from its subject ("planted some 40,000 trees from 2009")?"""
    first = WORD.match(text)
    return bool(first and first.group().islower() and is_verb(first.group(), splits=True))


def clause_spans(note: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the clauses of the sentence ``note[start:end]`` stand, each with its own verb,
    as points are cut from it."""
    return list(_clauses(note, start, end))


# Quotation marks that open a quotation (before a word, not after one) and that close one.
_OPENING_QUOTE = re.compile(r"[‘“]|(?<![\w’'])['\"](?=[^\W\d])")  # (not "'44", a year)
_CLOSING_QUOTE = re.compile(r"”|’(?!\w)|(?<=[\w.!?,])['\"](?!\w)")


def _in_quotation(note: str, start: int, at: int) -> bool:
    """Is ``at`` inside a quotation opened after ``start`` and not yet closed?"""
    segment = note[start:at]
    if not any(mark in segment for mark in "‘“'\""):  # most sentences quote nothing
        return False
    return len(_OPENING_QUOTE.findall(segment)) > len(_CLOSING_QUOTE.findall(segment))


def _clauses(note: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a sentence where two clauses, each with its own verb, are joined."""
    pieces: list[tuple[int, int]] = []
    left = start
    for join in _JOIN.finditer(note, start, end):
        head, tail = note[left : join.start()], note[join.end() : end]
        # A colon after a whole clause opens another ("X drew closer: from 1912 Y and Z had
        # a naval agreement"); after a label it does not ("Dual Alliance, 1879: ...").
        colon = ":" in join.group()
        clause = _COLON_CLAUSE.split(tail, maxsplit=1)[0] if colon else _next_clause(tail)
        if _aside(note, join, clause) or _shares_passive(head, join, tail):
            continue
        if _passive_goes_on(head, join, clause):
            continue  # "Dyer was removed from his command but never punished"
        if _gapped(head, join, tail):
            continue  # "villages were burned and livestock killed": one statement
        if _ELLIPTICAL.search(clause):
            continue  # "Britain had a navy but Germany did not": the second says nothing alone
        if _CORRECTS.match(note, join.start(), end) and _NEGATED.search(head):
            continue  # "Suez did not cause Britain's decline but only revealed it": one claim
        if join.group().strip() == "and" and _CONTACT_RELATIVE.match(tail):
            continue  # "could supply the rails and fuel they needed": one list, one object
        if _in_quotation(note, start, join.start()):
            continue  # "saying 'Villeins you are and villeins you shall remain.'": one saying
        if _shares_causative(head, join, clause):
            continue  # "then had Aske and about 200 others executed in 1537"
        if _shares_object(head, join, tail):
            continue  # "the SS arrested and shot Röhm": what was arrested is what was shot
        if _second_question_object(head, join, tail):
            continue  # "recorded who held land and what it was worth"
        if join.group().strip() == "and" and _awaits_main_clause(
            note[start : join.start()], note[join.end() : end]
        ):
            continue  # "If a Norman was murdered and the killer was not found, the hundred ..."
        if join.group().strip() == "and" and _shares_copula(head, tail):
            continue  # "Many were young and skilled - doctors, ... - so the brain drain ..."
        if join.group().strip() == "and" and (
            _ends_subject_list(head) or _opens_subject(head) or _main_subject_opens(head)
        ):
            continue  # "if Vietnam fell, Laos, Cambodia and perhaps even India would follow"
        # (Words counted last: most joins are passed over before.)
        enough = not _at_most_words(head, 2) and not _at_most_words(tail, 2)
        if enough and (";" in join.group() or _two_clauses(head, clause)):
            pieces.append((left, join.start()))
            left = join.end()
    pieces.append((left, end))
    for piece_start, piece_end in pieces:
        yield from trimmed(note, piece_start, piece_end)


# A list's items: "a, b and c", "a, b, and c", "a, b or c" (a figure's comma is none).
_ITEM_SEPARATOR = re.compile(r",\s+")
_LAST_ITEM = re.compile(r"\s+(?:and|or)\s+")
_OXFORD = re.compile(r"(?:and|or)\s+")
#: How many items a list needs to be cut into them, and how long each may be (in words).
_FEWEST_ITEMS = 3
_LONGEST_ITEM = 12
#: ... and how long a part of a series with a subject of its own may be: "there was a large
#: protest in Trafalgar Square on 4 November with the slogan 'Law not war'".
_LONGEST_CLAUSE = 20


def _listed(note: str, start: int, end: int, lead: tuple[int, int] | None) -> list[tuple[int, int]]:
    """A clause that announces a list and gives it after a colon, cut into the clause and
    its items, each a point ("The Charter set out six demands: a vote for every man,
    voting by secret ballot, payment of MPs and annual elections"), as an examiner credits
    each demand; nothing if ``note[start:end]`` gives no such list. Where the clause is a
    point of its own already (``lead``, cut at its colon), the list is cut into its items.

    The clause names what the items are (it ends on a plural, "demands", "reforms", or on
    "the following"); one that makes a claim ("In doctrine it was Protestant: no Pope,
    services in English and a Protestant Prayer Book") gives evidence for it, one point
    however long, and a label before the colon ("Relief: food, shelter and work") is no
    clause, so what follows it is read whole, under it. Only a list of phrases is cut: one
    of single words ("unity, order, security") says one thing.
    """
    if lead is not None:
        colon, list_start = lead[1], start
        lead_start = lead[0]
    else:
        colon = note.find(": ", start, end)
        list_start, lead_start = colon + 1, start
        if colon < 0 or _in_quotation(note, start, colon):
            return []
    if note.find(":", list_start, end) >= 0:
        return []  # a second colon: a list inside a list, or a label inside it
    words = WORD.findall(note, lead_start, colon)
    if len(words) < 3 or not any(map(is_verb, words)) or not _names_items(words[-1]):
        return []
    items = _items(note, list_start, end)
    if items is None:
        return []
    if lead is None:
        items = [(start, colon), *items]
    return [span for a, b in items for span in trimmed(note, a, b)]


# The "and" before a series' last clause: "..., controlled the press and set up the Gestapo".
_SERIES_AND = re.compile(r",?\s+and\s+")
#: Words that open a clause the one before it leans on, or describe, rather than a deed of
#: a series: "although prices rose", "which meant", "hoping to win".
_NOT_IN_SERIES = frozenset(
    "which who whom whose that where when while whereas although though if unless because "
    "as since after before until so but then thus therefore hence".split()
)


def _series(note: str, start: int, end: int, next_start: int) -> list[tuple[int, int]]:
    """A series of deeds or statements the clause gives with commas, where the cutting has
    cut its last at "and" already: "On 2 May 1933 the Nazis banned trade unions, abolished
    the other parties, controlled the press [and set up the Gestapo]", or "the NAACP won
    court cases, SNCC organised students[, and CORE ran the Freedom Rides]", cut into each
    (the subject stays with the first), as an examiner credits each; nothing if the clause
    is no such series.

    The first part has a subject and its verb; each other part has a verb too, first with
    its object ("abolished the other parties") or after its own subject ("SNCC organised
    students"). What stands before the first subject stays with it ("In 1933, Hitler
    banned ..."). A part that describes rather than tells a deed is none of a series: a
    participle with its agent or after an adverb ("led by Robert Ley", "badly kept
    secrets"), one that opens a clause leaning on another ("which meant", "although"),
    an -ing word's. Asides and quotations are read whole.
    """
    if not _SERIES_AND.fullmatch(note, end, next_start) or note.find(", ", start, end) < 0:
        return []
    text = note[start:end]
    if any(mark in text for mark in "[];:"):
        return []
    # (A comma inside brackets or a quotation separates nothing: "with the slogan 'Law,
    # not war'" is read whole.)
    enclosed = enclosed_spans(text)
    spans, left = [], 0
    for separator in _ITEM_SEPARATOR.finditer(text):
        if any(a <= separator.start() < b for a, b in enclosed):
            continue
        spans.append((left, separator.start()))
        left = separator.end()
    spans.append((left, len(text)))
    # "In 1933, Hitler banned ...", "Twice humiliated, Germany felt ...": the first part
    # runs on to the piece that gives a subject its verb.
    first = next(
        (at for at, (a, b) in enumerate(spans) if _deed(WORD.findall(text, a, b)) == "said"),
        len(spans),
    )
    if first >= len(spans) - 1:
        return []
    opening = WORD.match(text)
    if opening is not None and opening.group().lower() in _NOT_IN_SERIES:
        return []  # "after he was assassinated in 1963, Johnson used ...": one clause leans
    spans[: first + 1] = [(spans[0][0], spans[first][1])]
    # "John Ball was hanged, drawn and quartered": participles of one passive, one deed.
    shared = _PASSIVE_END.search(text, spans[0][0], spans[0][1]) is not None
    for a, b in spans[1:]:
        words = WORD.findall(text, a, b)
        if shared and words and _participle(words[0].lower()) and words[0].islower():
            return []
        if len(words) < 2 or words[0].lower() in _NOT_IN_SERIES:
            return []
        deed = _deed(words)
        if deed is None:
            return []
        if len(words) > (_LONGEST_CLAUSE if deed == "said" else _LONGEST_ITEM):
            return []
        if words[-1].endswith("ed") and is_verb(words[-1]) and not _has_auxiliary(words):
            return []  # "his army and honour shattered", "Brutus and Cassius included"
    if any(_waits(text[a:b]) for a, b in spans[:-1]):
        return []  # "Maize reached Europe while horses, wheat and sugar cane reached ..."
    return [span for a, b in spans for span in trimmed(note, start + a, start + b)]


def _has_auxiliary(words: list[str]) -> bool:
    return any(word.lower() in AUXILIARIES for word in words)


def _waits(part: str) -> bool:
    """Does a part of a series open a clause it does not finish: "while horses", "which
    the", with no verb after the word that opens it? Its comma is inside that clause."""
    opens = list(_WAITING_OR_WHILE.finditer(part))
    return bool(opens) and not _has_deed_after(part[opens[-1].end() :])


def _has_deed_after(text: str) -> bool:
    return any(map(_deed_word, WORD.findall(text)))


def _deed_word(word: str) -> bool:
    """Is a word of a series' part its verb: one in lower case (not "May", not a name)?"""
    return word.islower() and is_verb(word)


def _deed(words: list[str]) -> str | None:
    """How the words of a part of a series tell a deed: "done" (a verb first, and its
    object: "abolished the other parties"), "said" (a subject, then its verb: "SNCC
    organised students", "the communist deputies were barred"), or None (no verb, or one
    that describes: "led by Robert Ley", "convinced that ...", "badly kept secrets",
    "hoping to win", "Twice humiliated")."""
    at = next((i for i, word in enumerate(words) if _deed_word(word)), None)
    if at is None or words[at].endswith("ing"):
        return None
    after = words[at + 1].lower() if at + 1 < len(words) else ""
    if after in ("by", "that") or (at == 0 and after in PREPOSITIONS and after not in _PARTICLES):
        return None  # "led by", "convinced that", "banned in 1933": what it was, not a deed
    if at == 0:
        return "done"
    before = words[at - 1]
    if before.endswith("ly") or before.lower() in _ADVERBS:
        return None  # "badly kept secrets", "Twice humiliated"
    return "said"


#: Adverbs that may stand before a participle that describes: "twice humiliated".
_ADVERBS = frozenset("twice once again already newly never still soon long well ill".split())


# Words in -s that name no list's items: "It was this: ...", "It always goes: ...".
_NOT_PLURAL = frozenset(
    "was has is does goes this thus its his hers yours ours theirs always perhaps unless "
    "across besides towards afterwards whereas".split()
)


def _names_items(word: str) -> bool:
    """Does a list's lead end on what names its items: a plural ("demands", "reforms",
    "ways") or "the following", "as follows"?"""
    lower = word.lower()
    if lower in ("following", "follows"):
        return True
    return (
        len(lower) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and lower not in _NOT_PLURAL
        and not is_verb(lower)
    )


def _items(note: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The items of the list ``note[start:end]``, or None if it is no list of phrases."""
    text = note[start:end]
    if any(mark in text for mark in "()[];:"):
        return None  # an aside or a second level of list: read whole
    spans, left = [], 0
    for separator in _ITEM_SEPARATOR.finditer(text):
        spans.append((left, separator.start()))
        left = separator.end()
    last = text[left:]
    oxford = _OXFORD.match(last)
    if oxford:  # "..., and annual elections"
        spans.append((left + oxford.end(), len(text)))
    else:
        joins = list(_LAST_ITEM.finditer(last))
        if len(joins) > 1:
            return None  # "the blind and disabled and poor families": which "and" lists?
        if not joins:
            # No "and" before the last: commas between a name and what is said of it ("the
            # mountain of Potosí in Peru, found in 1545, produced more silver"), or a list
            # too terse to tell from that.
            return None
        spans += [(left, left + joins[0].start()), (left + joins[0].end(), len(text))]
    sizes = [len(WORD.findall(text[a:b])) for a, b in spans]
    if len(spans) < _FEWEST_ITEMS or min(sizes) < 2 or max(sizes) < 3:
        return None
    if max(sizes) > _LONGEST_ITEM:
        return None  # prose, not a list
    return [(start + a, start + b) for a, b in spans]


def _aside(note: str, join: re.Match[str], clause: str) -> bool:
    """Is the join inside an aside of its sentence rather than between two statements?

    "Brutus and Cassius included" (an "and" between two names) and "while he was alive" (a
    "while" of a few words, which tells when) belong to the clause around them: cut there,
    the aside would stand as a point of its own ("Cassius included, and he used ...").
    """
    word = join.group().strip(" ,").lower()
    if word == "while":
        return len(WORD.findall(clause.split(",", 1)[0])) <= 3
    return word == "and" and _joins_names(note[: join.end() + 40], join)


_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|that|where|such as|like|including)\b", re.I)
# A question's word or a "because" after the head's verb opens a clause still waiting for
# its own verb: "to investigate why wine and beer went sour", "Cortés won because thousands
# of Tlaxcalans and other enemies of the Aztecs fought alongside him".
_WAITING = re.compile(
    rf"{_RELATIVE.pattern}|\b(?:why|how|what|whether|because|although|unless)\b", re.I
)
# ... and "while", "whereas" or "when": what a part of a series may leave open ("Maize
# reached Europe while horses, wheat and sugar cane reached the Americas").
_WAITING_OR_WHILE = re.compile(rf"{_WAITING.pattern}|\b(?:while|whereas|when)\b", re.I)
#: Words that open a clause the sentence's main clause follows: "If ..., the hundred paid"
#: (not "after", "before", "since" or "until", which open a phrase as often: "After early
#: success the Virgin Lands suffered ...").
_CONDITIONS = frozenset(
    "if when whenever although though unless because once while whilst whereas".split()
)


def _awaits_main_clause(head: str, rest: str = "") -> bool:
    """Does the sentence so far open with "If", "When", "Although" ... and not yet have
    reached the comma after which its main clause stands? An "and" there joins two
    conditions ("If a Norman was murdered and the killer was not found, ..."). A word that
    may also be a preposition ("After", "Before", "As") awaits one only where a comma in the
    ``rest`` of the sentence is still to come: "After the Scots defeated him and occupied
    Newcastle, Charles was forced ...", not "After 1945 Britain lost India and Burma left"."""
    first = WORD.match(head.lstrip(" ‘'\"“("))
    if first is None or "," in head:
        return False
    opener = first.group().lower()
    return opener in _CONDITIONS or (opener in _TIMING and "," in rest)


_TIMING = frozenset({"after", "before", "since", "until", "as"})
# A copula and the one word it joins to its subject: "Many were young", "He was popular".
_COPULA_END = re.compile(r"\b(?:was|were|is|are|became|seemed|remained)\s+(?:\w+ly\s+)?[a-z]+$")
_COMPLEMENT = re.compile(r"\s*(?P<word>[a-z]+)\b(?:[\s,–-]*(?P<next>[a-z]+)\b)?")


def _shares_copula(head: str, tail: str) -> bool:
    """Does the "and" join a second word to what the copula says of its subject ("Many were
    young and skilled"), not a clause of its own ("The war was over and the troops came
    home")? The word after it is an adjective or a participle, with no verb after it."""
    if not _COPULA_END.search(head):
        return False
    found = _COMPLEMENT.match(tail)
    if found is None:
        return False
    word, following = found["word"], found["next"]
    if word in SUBJECT_STARTS or (following is not None and is_verb(following)):
        return False  # "and the troops came home", "and prices rose": a clause
    # What follows up to a clause of its own ("so the brain drain ...") has no verb: not
    # "and educated liberals turned to revolution".
    rest = _OWN_CLAUSE.split(tail[found.end("word") :], maxsplit=1)[0]
    return word.endswith(_ADJECTIVE_ENDS) and not _has_verb(rest)


# Where a clause of its own opens: "so", "because", "which", a semicolon.
_OWN_CLAUSE = re.compile(r"\s(?:so|because|as|which|while|but|and)\s|[;:]")


# The endings of adjectives and participles: "skilled", "hidden", "careful", "famous".
_ADJECTIVE_ENDS = ("ed", "en", "ful", "ous", "ive", "ic", "al", "ent", "ant", "able", "ible")


# A clause opened after its conjunction by a subject alone, whose verb is still to come:
# "..., so food", "because the army" (not "so much", "so quickly": how much, not who).
_OPENED_SUBJECT = re.compile(
    r"(?=[abstuw])\b(?:so|because|since|while|whereas|although|though|that|until|unless)\s+"
    r"(?:(?:the|a|an|his|her|its|their|many|most|some)\s+)?(?P<word>[\w’'-]+)$",
    re.IGNORECASE,
)
_NOT_SUBJECTS = frozenset("much many far long well badly that this it".split())


def _main_subject_opens(head: str) -> bool:
    """Has a sentence that opens on a clause of its own ("When a second Diet at Speyer
    reversed this in 1529,") gone on to the first words of its main clause's subject and no
    verb yet ("six princes"), so that the "and" adds to that subject ("and fourteen cities
    protested")?"""
    first = WORD.match(head.lstrip(" ‘'\"“("))
    if first is None or first.group().lower() not in _CONDITIONS | _TIMING or "," not in head:
        return False
    words = [w.lower() for w in WORD.findall(head.rsplit(",", 1)[1])]
    return (
        1 <= len(words) <= _SUBJECT_ITEM + 1
        and not any(map(is_verb, words))
        and (words[0] not in {"and", "but", "or", "so", "then"})
    )


def _opens_subject(head: str) -> bool:
    """Does the sentence so far end on a conjunction and the first noun of its clause's
    subject, so that the "and" after it adds to that subject ("railways clogged with troop
    trains, so food and fuel could not reach the cities")?"""
    found = _OPENED_SUBJECT.search(head)
    if found is None:
        return False
    word = found["word"].lower()
    return not (word in _NOT_SUBJECTS or word.endswith("ly") or is_verb(word))


#: The longest item (in words) of a list that an "and" closes as its verb's subject.
_SUBJECT_ITEM = 3


def _ends_subject_list(head: str) -> bool:
    """Does the sentence so far end on a list of short items without a verb, each after a
    comma ("Eisenhower feared that if Vietnam fell, Laos, Cambodia"), so that the "and" after
    it adds the list's last item, the subject with the verb that follows ("and perhaps even
    India would follow")? Not where the first item has no comma before it ("He attacked
    Poland, France and Britain declared war")."""
    parts = head.split(",")
    if len(parts) < 3:
        return False
    for part in parts[-2:]:
        words = [w.lower() for w in WORD.findall(part)]
        if not 1 <= len(words) <= _SUBJECT_ITEM or any(map(is_verb, words)):
            return False
        if "and" in words or "or" in words:
            return False  # "built roads, airports, schools and bridges": a list closed
    return True


# "was arrested and shot on 9 November": the second participle shares the first's "was".
# (with a list of participles before the last: "was hanged, drawn and quartered")
_PASSIVE_END = re.compile(
    r"\b(?:was|were|is|are|be|been)\s+(?:\w+ly\s+)?[a-z]+(?:,\s*[a-z]+){0,4}\s*$"
)
_FIRST_WORD = re.compile(r"\s*([a-z]+)\b")


def _shares_passive(head: str, join: re.Match[str], tail: str) -> bool:
    """Is "and" joining two participles of one passive verb ("Robespierre was overthrown
    and guillotined on 28 July 1794"), one statement whose second half has no verb alone?"""
    if join.group().strip(" ,").lower() != "and" or not _PASSIVE_END.search(head):
        return False
    first = _FIRST_WORD.match(tail)
    word = first.group(1) if first else ""
    if not _participle(word):
        return False
    # "and educated liberals turned to revolution": the "-ed" word describes the subject
    # of a clause with its own verb; the shared "was" needs a tail with no verb of its own.
    rest = _next_clause(tail[first.end() :]) if first else ""
    return not _has_verb(rest)


def _passive_goes_on(head: str, join: re.Match[str], clause: str) -> bool:
    """Is the clause after "and" or "but" a participle denied (a phrase may follow it) that
    shares the head's passive "was": "was removed from his command but never punished"?
    (Cut there, it says "never punished" of nobody. A deed of its own is cut as before:
    "was crowned in 1896 and abdicated in March 1917".)"""
    if join.group().strip(" ,").lower() not in ("and", "but"):
        return False
    found = _LONE_PARTICIPLE.fullmatch(clause.strip())
    return (
        found is not None
        and _participle(found["participle"])
        and _PASSIVE_IN.search(head) is not None
    )


_LONE_PARTICIPLE = re.compile(
    r"(?:never|not)\s+"
    r"(?P<participle>[a-z]+)(?:\s+(?:by|in|at|on|for|from|to|with|after|until)\b[^,;:]*)?"
)
_PASSIVE_IN = re.compile(r"\b(?:was|were|is|are|been|be)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn)\b")


# A noun and a participle with nothing after it but a stop or a phrase: "livestock killed,",
# "reputation ruined,".
_NOUN_AND_PARTICIPLE = re.compile(
    r"\s*([a-z][\w’'-]*)\s+([a-z]+)\b(?=\s*(?:[,;.]|$)|\s+(?:by|in|on|at|for|so)\b)"
)


def _gapped(head: str, join: re.Match[str], tail: str) -> bool:
    """Is "and" joining a noun and its participle to what stands before it, with its "was"
    or "were" left out ("Villages were burned and livestock killed", "Eden resigned, his
    health and reputation ruined")? The tail is no clause of its own: cut there, it would
    say "livestock killed" as if the livestock did the killing. The head ends in a passive
    verb whose "were" the tail shares, or in a phrase with no verb that the tail's
    participle ends ("his health and reputation ruined")."""
    if join.group().strip(" ,").lower() != "and":
        return False
    found = _NOUN_AND_PARTICIPLE.match(tail)
    if found is None:
        return False
    noun, participle = found.groups()
    if noun in SUBJECT_STARTS or noun in STOP_WORDS or noun.endswith("ly") or _verb(noun):
        # (not "were loyal and simply stayed at home", one subject's two verbs)
        return False
    if not _participle(participle):
        return False
    piece = head.rsplit(",", 1)[-1]
    return _PASSIVE_END.search(head) is not None or ("," in head and not _has_verb(piece))


def _participle(word: str) -> bool:
    return word in PARTICIPLES or (word.endswith("ed") and len(word) > 4)


# "had Aske ... executed", "got the Pope ... to agree": "have" or "get" with its object and
# no participle yet.
_CAUSATIVES = frozenset("had has have having got get gets getting".split())


def _shares_causative(head: str, join: re.Match[str], clause: str) -> bool:
    """Is "and" joining two objects of one "had ... done" ("Henry had Aske and about 200
    others executed in 1537"): the head ends in "had" and its object, and the rest of the
    clause is another object and the participle they share, with nothing after it but a
    phrase of time or place?"""
    if join.group().strip(" ,").lower() != "and":
        return False
    head_words = WORD.findall(_LAST_CLAUSE.split(head)[-1])
    verbs = [at for at, word in enumerate(head_words) if _verb(word)]
    if not verbs or head_words[verbs[-1]].lower() not in _CAUSATIVES:
        return False
    if not 1 <= len(head_words) - verbs[-1] - 1 <= 4:
        return False  # "had" last, or too far back to still wait for its participle
    words = WORD.findall(clause)
    at = next((i for i, word in enumerate(words) if _verb(word)), None)
    if at is None or at == 0:
        return False
    word = words[at]
    if not (word in PARTICIPLES or (word.endswith("ed") and len(word) > 4)):
        return False
    rest = words[at + 1 :]
    return not rest or rest[0].lower() in PREPOSITIONS


def _shares_object(head: str, join: re.Match[str], tail: str) -> bool:
    """Is "and" joining two verbs of one subject that take one object ("On 30 June 1934 the
    SS arrested and shot Röhm")? The head ends on its verb, waiting for the object, and the
    tail opens with a verb and then its object, not a preposition ("the Kaiser abdicated
    and fled to Holland" is two statements). Cut there, the head would say "the SS
    arrested" of nobody."""
    if join.group().strip().lower() != "and":
        return False
    # (The head's last word first, read from its end: most heads end on no verb.)
    ending = _LAST_WORD.search(head, max(0, len(head) - 40))
    tail_words = WORD.findall(tail, 0, 80)
    if ending is None or len(tail_words) < 2:
        return False
    last, verb, then = ending.group(1), tail_words[0], tail_words[1].lower()
    if not (last.islower() and verb.islower() and is_past(last) and is_past(verb)):
        return False  # (not a name: "Alfred")
    if then in PREPOSITIONS or then.endswith("ly") or then in _PARTICLES:
        return False  # "and fled to Holland", "and died quietly", "and fled abroad"
    if _PASSIVE_END.search(head, max(0, len(head) - 60)):
        return False  # "The Duma was dissolved and ...": a passive waits for nothing
    # "and educated liberals turned to revolution": a clause of its own.
    return not _has_verb(_next_clause(tail[tail.find(verb) + len(verb) :]))


_LAST_WORD = re.compile(rf"({WORD.pattern})\W*$")


#: Words after a verb that belong to it, not its object: "set up", "fled abroad".
_PARTICLES = frozenset("up down out off away back abroad home again too also".split())


# A clause that a question's word opens, as the object of a verb: "recorded who held land".
_ASKED_OBJECT = re.compile(r"\b(?:who|what|how|whether|where|why)\s+\S+", re.IGNORECASE)
_OPENS_ASKED = re.compile(r"\s*(?:who|what|how|whether|where|why)\b")


def _second_question_object(head: str, join: re.Match[str], tail: str) -> bool:
    """Is "and" joining two objects of one verb that are each a question's clause ("The
    Domesday Book recorded who held land and what it was worth")? Cut there, the second
    would stand with no verb to say what was done with it."""
    if join.group().strip(" ,").lower() != "and" or not _OPENS_ASKED.match(tail):
        return False
    head = _LAST_CLAUSE.split(head)[-1]
    asked = _ASKED_OBJECT.search(head)
    return asked is not None and _has_verb(head[: asked.start()])


_SAID_BY = re.compile(r"(?:he|she|they|it|we)\s+([a-z][\w’'-]*)\b")


def _two_clauses(head: str, tail: str) -> bool:
    """Is "head and tail" two statements, not one statement about two things?

    Both need a verb of their own. The tail's verb must come before any relative clause and
    with no comma before it ("the Purges and Collectivisation, had been" is one list); the
    head must not end in a relative clause or list still waiting for its verb ("in which
    Stalin's portraits and statues were taken down").
    """
    subject = _RELATIVE.split(tail, maxsplit=1)[0]
    # "and he sat on a golden chair": a verb after a pronoun that opens the clause is its
    # own, even one too common to split "X did A and used B" on.
    said = _SAID_BY.match(subject)
    subject = _without_reduced_passives(subject)  # "castles made of earth": no verb
    if not (said and is_verb(said.group(1))) and (
        not _has_verb(subject) or "," in _before_verb(subject)
    ):
        return False
    # The head is the clause just before the join: "..., and Britain and France drew
    # closer" and "...: from 1912 Britain and France had" join two names, not two clauses.
    head = _LAST_CLAUSE.split(head)[-1]
    last_verb = _last_verb_end(head)
    return last_verb >= 0 and not _WAITING.search(head, last_verb)


# A participle straight after a noun, with its agent or its stuff after it, describes the
# noun and is no verb of a clause: "castles made of earth", "reforms introduced by Witte".
_REDUCED_PASSIVE = re.compile(
    r"\b([a-z]+) (?:[a-z]+ed|made|built|led|known|run|held|set|kept)\s+(?:by|of|from)\b"
)
# (After one of these the participle is a verb's: "was made of", "had led by example".)
_BEFORE_VERBS = frozenset(
    "was were is are be been being had has have not never then also and or but".split()
)


def _without_reduced_passives(text: str) -> str:
    """``text`` with each participle that describes the noun before it blanked out."""
    return _REDUCED_PASSIVE.sub(
        lambda m: m.group() if m[1] in _BEFORE_VERBS else m[1] + " " * (len(m.group()) - len(m[1])),
        text,
    )


# "while" and "whereas" open a clause with or without a comma: "tobacco reached Europe
# while horses, cattle, wheat and sugar cane reached the Americas" is one clause after it.
_LAST_CLAUSE = re.compile(
    r"(?=[\s,:;])(?:[:;]|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+)",
    re.IGNORECASE,
)


# Asked of every word of every clause the cutting weighs: the same few thousand words.
@lru_cache(maxsize=16384)
def _verb(word: str) -> bool:
    """Is a word of a clause its verb? "May" with a capital is the month ("AAA, the
    Agricultural Adjustment Act (May 1933): farmers were paid ..." has no verb before the
    colon), whatever case the word is in."""
    return word != "May" and is_verb(word.lower(), splits=True)


def _has_verb(text: str) -> bool:
    """Has ``text`` a verb: a word read as one, not straight after "a", "the" or "his" ("a
    united Italy")?"""
    return any(
        _verb(m.group()) and not _DETERMINER_BEFORE.search(text, max(0, m.start() - 10), m.start())
        for m in WORD.finditer(text)
    )


def _before_verb(text: str) -> str:
    for match in WORD.finditer(text):
        if _verb(match.group()):
            return text[: match.start()]
    return text


def _last_verb_end(text: str) -> int:
    """Where the head's last verb ends (-1 if it has none). A word after "his", "the" or
    "a" describes the noun after it ("his mixed army of archers"): no verb; nor is a word
    capitalised after the head's first, a part of a name ("the Prohibition of Mixed
    Marriages Act")."""
    ends = [
        m.end()
        for m in WORD.finditer(text)
        if _verb(m.group())
        and not _DETERMINER_BEFORE.search(text, 0, m.start())
        and not (m.group()[0].isupper() and text[: m.start()].strip())
    ]
    return ends[-1] if ends else -1


_DETERMINER_BEFORE = re.compile(r"\b(?i:the|a|an|his|her|its|their|our|my|your)\s+$")


def _next_clause(tail: str) -> str:
    """The text up to the next joining word: what a verb must be found in. The "and" of a
    number in words ("two hundred and seventy-eight thousand") joins no clauses."""
    for match in _JOIN.finditer(tail):
        if not _inside_number(tail, match) and not _joins_names(tail, match):
            return tail[: match.start()]
    return tail


_NAME_ENDS = re.compile(r"\b[A-Z][\w’'-]*$")
_NAME_STARTS = re.compile(r"(?:the\s+)?[A-Z]")


def _joins_names(text: str, join: re.Match[str]) -> bool:
    """Is ``join`` a bare "and" between two names ("of Brazil and the Caribbean"), which
    ends no clause?"""
    after = text[join.end() :]
    return (
        join.group().strip().lower() == "and"
        and "," not in join.group()
        and bool(_NAME_ENDS.search(text[: join.start()]))
        and bool(_NAME_STARTS.match(after))
    )


def _inside_number(text: str, join: re.Match[str]) -> bool:
    """Is ``join`` the "and" within a number written in words?"""
    before = WORD.findall(text[: join.start()])
    after = WORD.findall(text[join.end() :])
    return (
        join.group().strip().lower() == "and"
        and bool(before and after)
        and before[-1].lower() in NUMBER_WORDS
        and after[0].lower().split("-")[0] in NUMBER_WORDS
    )
