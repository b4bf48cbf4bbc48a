"""Creditable points: a family's notes cut into one fact, feature or reason each.

    >>> [p.text for p in note_points("Inmates of the gulags were released and cities had "
    ...     "their names changed.", 0)]
    ['Inmates of the gulags were released', 'cities had their names changed']

A point keeps where it came from (the note paragraph, its sentence, and character offsets
into the paragraph as written), its key terms (names, places, titles, coined and rare
words), its facts (years, numbers, names) and, where the wording tells, its kind.
Everything here is pure: text in, points out.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

from pastpaper.course import Kind, QuestionFamily, TeacherPoint
from pastpaper.text import match_key, normalise, plain

__all__ = [
    "KINDS",
    "REASON_COMMANDS",
    "Fact",
    "Point",
    "PointSource",
    "clear_caches",
    "family_points",
    "is_state",
    "is_structure",
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


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class PointSource(_Frozen):
    """Where a point stands: note paragraph ``note`` (0-based), characters start:end of it."""

    note: int
    sentence: str
    sentence_start: int
    start: int
    end: int


class Fact(_Frozen):
    kind: Literal["year", "number", "name"]
    value: str


class Point(_Frozen):
    id: str
    text: str
    source: PointSource
    key_terms: tuple[str, ...] = ()
    facts: tuple[Fact, ...] = ()
    kind: Kind | None = None


def point_id(text: str) -> str:
    """A short id that depends only on what the point says, so it survives re-imports."""
    return "p" + hashlib.sha1(match_key(text).encode()).hexdigest()[:6]


def _as_reason(point: Point) -> Point:
    return point.model_copy(update={"kind": "reason"}) if point.kind == "feature" else point


def _explains(points: list[Point]) -> bool:
    """Does a paragraph explain: does any of its points give a reason, a result or a
    condition? (Any one, rather than a share of them: chosen with each development set
    left out in turn, against a quarter and a half.)"""
    return any(p.kind in ("reason", "consequence") or is_state(p.text) for p in points)


def teacher_point_id(point: TeacherPoint) -> str:
    """A teacher's own point's id: the one they gave it, else one made from its text."""
    return point.id or "t" + point_id(point.text)[1:]


def family_points(family: QuestionFamily) -> list[Point]:
    """Every point of a family's notes, in the order of the notes; ids unique in the family.

    In notes that answer "why" questions, a paragraph that gives reasons, results or
    conditions goes on explaining: its plain statements are reasons too ("Sooner or later
    the truth about Stalin would come out"), and a condition is a reason wherever it
    stands ("Banks were failing"). A paragraph that only tells what happened stays a
    description ("In February 1956 Khrushchev attacked Stalin in the Secret Speech").
    """
    explains = any(q.command_word in REASON_COMMANDS for q in family.questions)
    return points_of_notes(family.notes, explains)


def points_of_notes(notes: tuple[str, ...], explains: bool) -> list[Point]:
    """The points of a family's notes; ``explains`` when a question of it asks why."""
    return list(_notes_points(notes, explains)[0])


def worded_kinds(notes: tuple[str, ...], explains: bool) -> list[Kind]:
    """The kind each of those points has by its own words, before a paragraph that
    explains lends its plain statements the kind "reason"."""
    return list(_notes_points(notes, explains)[1])


#: Command words whose questions ask for reasons.
REASON_COMMANDS = frozenset({"why", "account for", "explain"})


def clear_caches() -> None:
    """Forget the points of notes seen before (for benchmarks that time the work itself)."""
    _notes_points.cache_clear()


@lru_cache(maxsize=512)
def _notes_points(
    notes: tuple[str, ...], explains: bool
) -> tuple[tuple[Point, ...], tuple[Kind, ...]]:
    # Every scheme of a family needs its points: cut each family's notes once.
    found = []
    worded: list[Kind] = []
    for index, note in enumerate(notes):
        points = note_points(note, index)
        worded += [p.kind or "feature" for p in points]
        if explains:
            whole = _explains(points)
            points = [_as_reason(p) if whole or is_state(p.text) else p for p in points]
        found += points
    seen: dict[str, int] = {}
    unique = []
    for point in found:
        seen[point.id] = seen.get(point.id, 0) + 1
        if seen[point.id] > 1:
            point = point.model_copy(update={"id": f"{point.id}-{seen[point.id]}"})
        unique.append(point)
    return tuple(unique), tuple(worded)


def note_points(note: str, index: int) -> list[Point]:
    """The points of one note paragraph (``index`` is its place among the family's notes)."""
    points: list[Point] = []
    names = _names_in(note)
    for s_start, s_end in _sentences(note):
        if is_structure(note, s_start, s_end):
            continue  # a heading or label: it stays in the notes, but credits nothing
        s_start = _after_label(note, s_start, s_end)
        sentence = note[s_start:s_end]
        for start, end in _clauses(note, s_start, s_end):
            text = note[start:end]
            spans = _name_spans(text, names)
            found = facts(text, names, spans)
            # "In that year Khrushchev gave his secret speech": the year is the one just told.
            if _THAT_YEAR.search(text) and not any(f.kind == "year" for f in found):
                earlier = _YEAR.findall(note, 0, start)
                if earlier:
                    found.append(Fact(kind="year", value=earlier[-1]))
            # Built without validation: every field is made here, of the right type, and
            # validating tens of thousands of points took a tenth of the time.
            points.append(
                Point.model_construct(
                    id=point_id(text),
                    text=shown(text),
                    source=PointSource.model_construct(
                        note=index, sentence=sentence, sentence_start=s_start, start=start, end=end
                    ),
                    key_terms=tuple(key_terms(text, names, spans)),
                    facts=tuple(found),
                    kind=kind_of(text),
                )
            )
    return points


def shown(span: str) -> str:
    """A point's text as students and teachers see it: its span of the notes without
    Markdown's marks (the notes keep them), or the span itself where nothing else is left."""
    return plain(span).strip() or span


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text, without its full stop."""
    return list(_sentences(text))


# -- sentences and clauses ------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"[.!?]+[’'\"”)]*\s+(?=[‘'\"“(]?[A-Z0-9])")
_ABBREVIATIONS = {"mr", "mrs", "dr", "st", "e.g", "i.e", "etc", "vs", "c", "no", "ca"}
_TRIM = ".,;:…"  # and whitespace
_DANGLING = re.compile(r"(?<=\w)\s+(?:and|or|but)$")
# A list item on a line of its own is a sentence of its own: "- Dual Alliance, 1879: ...";
# its marker is no part of it, at the start of the notes too.
_BULLET = re.compile(r"(?:^|\n)[ \t\u00a0]*(?:[-*+•–]|\d{1,2}[.)])[ \t\u00a0]+")
# An initial is no full stop: "Franklin D. Roosevelt".
_INITIAL = re.compile(r"[A-Z]\.?")


def _sentences(note: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence, end before its full stop."""
    breaks = [(m.start(), m.end()) for m in _SENTENCE_BREAK.finditer(note)]
    breaks += [(m.start(1), m.start(1)) for m in _GLUED.finditer(note) if _glued(m)]
    bullets = [(m.start(), m.end()) for m in _BULLET.finditer(note)]
    start = 0
    for end, next_start in sorted(set(breaks + bullets)):
        if end < start:
            continue  # a full stop that ends a list item, already cut at its line
        before = note[start:end].rsplit(None, 1)
        abbreviated = before and (
            before[-1].lower().rstrip(".") in _ABBREVIATIONS or _INITIAL.fullmatch(before[-1])
        )
        if abbreviated and (end, next_start) not in bullets:
            continue
        yield from _trimmed(note, start, end)
        start = next_start
    yield from _trimmed(note, start, len(note))


# -- structure: headings, labels and list markers ------------------------------------------

# Words that label a part of the notes rather than say anything: "Detail", "Notes:",
# "Key points". Alone on a line (or before a colon that opens the line) they are structure.
_LABEL = re.compile(
    r"(?:(?:key|main|more|further|extra|other)\s+)?(?:details?|notes?|points?|facts?|"
    r"summary|overview|background|context|examples?|evidence|causes?|reasons?|factors?|"
    r"consequences?|results?|effects?|impact|outcomes?|analysis|introduction|conclusion|"
    r"key\s+(?:terms?|words?|dates?|people|figures?|events?|ideas?)|keywords?|timeline|"
    r"chronology|revision|remember|definitions?|vocabulary|glossary|sources?|"
    r"for|against(?:\s+this)?|arguments?(?:\s+(?:for|against))?|(?:the\s+)?other\s+side|"
    r"strengths?|weaknesses?|successes|failures?|limitations?|judg(?:e)?ments?)",
    re.IGNORECASE,
)
_MARKUP = " \t\u00a0*_#>-+•–:.!"  # emphasis, heading and list marks around a label


def is_structure(note: str, start: int, end: int) -> bool:
    """Is the sentence ``note[start:end]`` a part of the notes' layout, not a statement?

    A Markdown heading (``### Detail``), a label alone ("Notes:", "Key points"), a line
    that only opens a list ("The July Crisis, step by step:") or a short heading run into
    its paragraph ("Morocco. In March 1905 ...") is structure: it stays in the notes as
    written but is never a creditable point.

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
    if _LABEL.fullmatch(text.strip(_MARKUP)):
        return True
    first_on_line = not before.strip(_MARKUP + "0123456789)")
    if not first_on_line:
        return False
    # A line that only opens the list below it: "Stresemann's achievements:".
    if after.startswith(":") and not after[1:].strip() and len(_WORD.findall(text)) <= 12:
        return line_end < len(note) or note[line_end:].strip() == ""
    # A heading of a word or three run into its paragraph: "Morocco. In March 1905 ...".
    words = _WORD.findall(text)
    run_in = after.startswith(".") and bool(after[1:].strip()) and start == line_start
    return run_in and len(words) <= 3 and not _has_verb(text) and not re.search(r"\d", text)


def _after_label(note: str, start: int, end: int) -> int:
    """Where a sentence's statement starts, after a label that opens it ("Detail: ...")."""
    colon = note.find(":", start, end)
    if colon > start and _LABEL.fullmatch(note[start:colon].strip(_MARKUP)):
        stripped = colon + 1
        while stripped < end and (note[stripped].isspace() or note[stripped] in "*_"):
            stripped += 1
        return stripped
    return start


# Two sentences run together where a full stop and a space went missing: "Volgogradthe powers".
_GLUED = re.compile(r"\b[A-Z][a-z]{3,}(the)\s")


def _glued(match: re.Match[str]) -> bool:
    word = match.group().strip()
    return _zipf(word.lower()) == 0 and _zipf(word[:-3].lower()) > 0


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and (text[start].isspace() or text[start] in _TRIM):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM):
        end -= 1
        # A list the notes break off ("... to peasants and ...") ends on its last item.
        dangling = _DANGLING.search(text, start, end)
        if dangling and end > start:
            end = dangling.start()
    if _WORD.search(text, start, end):
        yield start, end


# Where a sentence may hold two points: "X happened and Y happened", "X; Y", "X, but Y".
_JOIN = re.compile(r"\s*;\s*|:\s+|,?\s+(?:and|but|while|whereas)\s+(?:also\s+)?", re.IGNORECASE)
_COLON_CLAUSE = re.compile(r"[;:]|,?\s+(?:while|whereas|which|who)\s+")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did will would shall should can "
    "could may might must".split()
)
_IRREGULAR = frozenset(
    "became become began begun brought built came chose drew drove fell felt fought found "
    "gave got grew held kept knew led left lost made meant met paid put ran rose said saw "
    "sent set shot sold spoke spent stood struck swept took taught thought told threw went "
    "won wrote".split()
)


def _is_verb(word: str) -> bool:
    """Is ``word`` a verb's form? A word ending in "-ed" is taken for a past tense, but not
    "hundred": "two hundred and seventy-eight thousand flights" is one number."""
    if word in _AUXILIARIES or word in _IRREGULAR:
        return True
    if word in _NUMBER_WORDS:
        return False
    return len(word) > 4 and word.endswith("ed") and not word.endswith("eed")


def lacks_subject(text: str) -> bool:
    """Does ``text`` open with a verb in lower case, the second half of "X did A and did
    B" cut from its subject ("planted some 40,000 trees from 2009")?"""
    first = _WORD.match(text)
    return bool(first and first.group().islower() and _is_verb(first.group()))


def _has_verb(text: str) -> bool:
    return any(_is_verb(word) for word in _WORD.findall(text.lower()))


def _clauses(note: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a sentence where two clauses, each with its own verb, are joined."""
    pieces: list[tuple[int, int]] = []
    left = start
    for join in _JOIN.finditer(note, start, end):
        head, tail = note[left : join.start()], note[join.end() : end]
        enough = len(_WORD.findall(head)) >= 3 and len(_WORD.findall(tail)) >= 3
        # A colon after a whole clause opens another ("X drew closer: from 1912 Y and Z had
        # a naval agreement"); after a label it does not ("Dual Alliance, 1879: ...").
        colon = ":" in join.group()
        clause = _COLON_CLAUSE.split(tail, maxsplit=1)[0] if colon else _next_clause(tail)
        if enough and (";" in join.group() or _two_clauses(head, clause)):
            pieces.append((left, join.start()))
            left = join.end()
    pieces.append((left, end))
    for piece_start, piece_end in pieces:
        yield from _trimmed(note, piece_start, piece_end)


_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|that|where|such as|like|including)\b", re.I)


def _two_clauses(head: str, tail: str) -> bool:
    """Is "head and tail" two statements, not one statement about two things?

    Both need a verb of their own. The tail's verb must come before any relative clause and
    with no comma before it ("the Purges and Collectivisation, had been" is one list); the
    head must not end in a relative clause or list still waiting for its verb ("in which
    Stalin's portraits and statues were taken down").
    """
    subject = _RELATIVE.split(tail, maxsplit=1)[0]
    if not _has_verb(subject) or "," in _before_verb(subject):
        return False
    # The head is the clause just before the join: "..., and Britain and France drew
    # closer" and "...: from 1912 Britain and France had" join two names, not two clauses.
    head = _LAST_CLAUSE.split(head)[-1]
    last_verb = _last_verb_end(head)
    return last_verb >= 0 and not _RELATIVE.search(head, last_verb)


# "while" and "whereas" open a clause with or without a comma: "tobacco reached Europe
# while horses, cattle, wheat and sugar cane reached the Americas" is one clause after it.
_LAST_CLAUSE = re.compile(
    r"[:;]|,\s+(?:and|but|while|whereas)\s+|\s+(?:while|whereas)\s+", re.IGNORECASE
)


def _before_verb(text: str) -> str:
    for match in _WORD.finditer(text):
        if _is_verb(match.group().lower()):
            return text[: match.start()]
    return text


def _last_verb_end(text: str) -> int:
    ends = [m.end() for m in _WORD.finditer(text) if _is_verb(m.group().lower())]
    return ends[-1] if ends else -1


def _next_clause(tail: str) -> str:
    """The text up to the next joining word: what a verb must be found in. The "and" of a
    number in words ("two hundred and seventy-eight thousand") joins no clauses."""
    for match in _JOIN.finditer(tail):
        if not _inside_number(tail, match) and not _joins_names(tail, match):
            return tail[: match.start()]
    return tail


def _joins_names(text: str, join: re.Match[str]) -> bool:
    """Is ``join`` a bare "and" between two names ("of Brazil and the Caribbean"), which
    ends no clause?"""
    after = text[join.end() :]
    return (
        join.group().strip().lower() == "and"
        and "," not in join.group()
        and bool(re.search(r"\b[A-Z][\w’'-]*$", text[: join.start()]))
        and bool(re.match(r"(?:the\s+)?[A-Z]", after))
    )


def _inside_number(text: str, join: re.Match[str]) -> bool:
    """Is ``join`` the "and" within a number written in words?"""
    before = _WORD.findall(text[: join.start()])
    after = _WORD.findall(text[join.end() :])
    return (
        join.group().strip().lower() == "and"
        and bool(before and after)
        and before[-1].lower() in _NUMBER_WORDS
        and after[0].lower().split("-")[0] in _NUMBER_WORDS
    )


# -- key terms, facts, kinds ------------------------------------------------------------------

_QUOTED = re.compile(
    r"‘([^‘’]{2,120}?)’(?![a-z])|(?<![\w])'([^']{2,120}?)'(?![\w])|“([^“”]{2,120})”|"
    r'(?<![\w])"([^"]{2,120}?)"(?![\w])'
)
_BRACKETED = re.compile(r"\(([^()\d]{3,40})\)")
# A coined name given in so many words: "as Khrushchev called them the metal eaters".
_CALLED = re.compile(
    r"\b(?:called(?: them| it)?|known as|nicknamed|termed)\s+(?:the\s+)?"
    r"([a-z][a-z-]+(?:\s[a-z][a-z-]+){0,2})(?=\s*(?:[.,;:!?)]|$))"
)
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*")
_LINKS = {"of", "the", "de", "von", "van"}
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)(?:[’']?s)?\b")
_NUMBER = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s+(?:hundred|thousand|million|billion)\b)?(?![\w])"
)
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred thousand million billion".split()
)
_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
# "twenty-five", "two million", "three hundred and fifty"
_NUMBER_PHRASE = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:-|\s+(?:and\s+)?)(?:{_NUMBER_WORD}|one)\b)*\b", re.IGNORECASE
)
_THAT_YEAR = re.compile(r"\b(?:that|the same|that same) year\b", re.IGNORECASE)
_RARE = 2.3  # zipf frequency below which a lowercase word is a term of the subject


_TOKEN = re.compile(r"\w(?:[\w’'-]*\w)?")
_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)


def names_in(text: str) -> list[str]:
    """The names a text uses (people, places, titles), as points' names are found."""
    return _names_in(text)


def _names_in(note: str) -> list[str]:
    """Runs of capitalised words (with "of", "the" between them), in order.

    A sentence's first word is part of a name only if it is capitalised mid-sentence too
    (Stalin) or is not a common word (Malenkov, Novy): "Thus Stalingrad" names Stalingrad.
    """
    tokens = list(_TOKEN.finditer(note))
    mid = {
        t.group()
        for t in tokens
        if t.group()[0].isupper() and not _starts_sentence(note, t.start())
    }
    names: list[str] = []
    run: list[re.Match[str]] = []

    def flush() -> None:
        while run and run[-1].group() in _LINKS:
            run.pop()
        if run and _starts_sentence(note, run[0].start()):
            first = _strip_possessive(run[0].group())
            if first not in mid and _zipf(first.lower()) >= 3.0:
                del run[0]
        if run:
            names.append(_strip_possessive(note[run[0].start() : run[-1].end()]))
        run.clear()

    previous_end = 0
    for token in tokens:
        word = token.group()
        joined = bool(run) and not note[previous_end : token.start()].strip()
        if word[0].isupper() and word not in _MONTHS:
            if run and not joined:
                flush()
            run.append(token)
            if word.endswith(("’s", "'s")):
                flush()  # a possessive ends the name: "Stalin’s portraits"
        elif joined and word in _LINKS:
            run.append(token)
        elif run:
            flush()
        previous_end = token.end()
    flush()
    return names


def _strip_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("’s", "'s")) else name


_OPENERS = frozenset(" \t\n\u00a0‘'\"“(")


def _starts_sentence(text: str, index: int) -> bool:
    # Step back over spaces and opening quotes without copying the text before (a copy
    # for every word made long notes slow in the square of their length).
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    return index == 0 or text[index - 1] in ".!?:"


def key_terms(text: str, names: list[str], spans: list[tuple[int, int]] | None = None) -> list[str]:
    """Names, quoted and bracketed terms, and rare words of the subject in ``text``
    (``spans``: where the names stand in it, if already found)."""
    spans = _name_spans(text, names) if spans is None else spans
    found = [(start, end, text[start:end]) for start, end in spans]
    for match in _QUOTED.finditer(text):
        group = next(i for i, g in enumerate(match.groups(), 1) if g)
        if len(match.group(group).split()) <= 8:
            found.append((match.start(group), match.end(group), match.group(group).strip()))
    for pattern in (_BRACKETED, _CALLED):
        for match in pattern.finditer(text):
            found.append((match.start(1), match.end(1), match.group(1).strip()))
    for match in _WORD.finditer(text):
        word = match.group()
        rare = word.islower() and len(word) >= 5 and _rarity(word) < _RARE
        coined = word[0].islower() and "-" in word and not word.islower()  # de-Stalinisation
        if rare or coined:
            found.append((match.start(), match.end(), word))
    # Keep each term once, and not a term standing inside a longer one ("Soviet" in
    # "Soviet Union"); the same word elsewhere in the point still counts.
    terms: list[str] = []
    keys: set[str] = set()
    covered: list[tuple[int, int]] = []
    for start, end, term in sorted(found, key=lambda span: (span[0], -span[1])):
        if any(a <= start and end <= b for a, b in covered):
            continue
        covered.append((start, end))
        key = match_key(term)
        if key not in keys:
            keys.add(key)
            terms.append(term)
    return terms


def _name_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where the names stand in ``text``, longest first, none inside another."""
    spans: list[tuple[int, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        if name not in text:
            continue
        for match in _name_pattern(name).finditer(text):
            if not any(a <= match.start() < b for a, b in spans):
                spans.append((match.start(), match.end()))
    return sorted(spans)


@lru_cache(maxsize=8192)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w])")


def facts(text: str, names: list[str], spans: list[tuple[int, int]] | None = None) -> list[Fact]:
    """Years, numbers and names stated in ``text``, in order (``spans`` as for key_terms)."""
    found: list[tuple[int, Fact]] = []
    years = set()
    for match in _YEAR.finditer(text):
        years.add(match.start())
        found.append((match.start(), Fact(kind="year", value=match.group(1))))
    for match in _NUMBER.finditer(text):
        if match.start() not in years:
            found.append((match.start(), Fact(kind="number", value=match.group())))
    spans = _name_spans(text, names) if spans is None else spans
    numbers = [(m.start(), m.end()) for m in _NUMBER.finditer(text)]
    for match in _NUMBER_PHRASE.finditer(text):
        if not any(a <= match.start() < b for a, b in [*spans, *numbers]):
            found.append((match.start(), Fact(kind="number", value=match.group().lower())))
    for at, end in spans:
        name = text[at:end]
        # "Stalinist" and "Stalinism" describe; they do not name.
        if not name.endswith(("ist", "ists", "ism")):
            found.append((at, Fact(kind="name", value=name)))
    unique: list[Fact] = []
    seen: set[tuple[str, str]] = set()  # (kind, value): quicker to compare than Facts
    for _, fact in sorted(found, key=lambda item: item[0]):
        if (fact.kind, fact.value) not in seen:
            seen.add((fact.kind, fact.value))
            unique.append(fact)
    return unique


_SAYS = re.compile(r"\bput it\b|\bin (?:his|her|their) words\b|\b(?:said|wrote),", re.IGNORECASE)
_OPEN_QUOTE = re.compile(r"[‘“](?P<rest>[^’”]*)$")
# Verbs of purpose after "to": "to end the crisis", "to match Germany's strength".
_PURPOSE = (
    r"(?:end|match|meet|create|raise|cut|pay|revive|save|help|support|provide|encourage|"
    r"defend|control|contain|expand|extend|spread|deter|fund|finance|solve|tackle|deal with|"
    r"replace|balance|check|limit|block|isolate|destroy|crush|punish|persuade|recover|"
    r"relieve|regain|calm|halt|boost|build up|catch up|challenge|counter|overtake|rival|"
    r"dominate|increase|modernise|reform|feed|employ|create|restart|rebuild|free|recover)"
)
# A clause: a few words and then a verb ("as Russia had been invaded", "since prices fell").
_CLAUSE = rf"(?:[\w’'-]+ ){{1,4}}?(?:{'|'.join(sorted(_AUXILIARIES | _IRREGULAR))}|\w+ed)\b"
_KIND_CUES: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        "reason",
        # Motives, aims, beliefs and fears, in whatever words: "wanted", "feared", "in the
        # belief that", "to restore confidence", not only "because".
        re.compile(
            r"\b(?:because|in order to\b|so as to\b|so that|want(?:s|ed|ing)?\b(?! of)|"
            r"wish(?:ed|ing)? to\b|hop(?:e|es|ed|ing)\b|aim(?:s|ed)?\b|intend(?:ed)?|"
            r"believ(?:e|ed|ing)|belief|fear(?:s|ed|ing)?\b|afraid|worried|anxious|alarmed|"
            r"was (?:well )?aware|conscious of|eager to\b|determined to\b|resolved|"
            r"needed|needs? to\b|had to\b|did not want|expected|meant to\b|tried to\b|"
            r"felt|suspicion|distrust|threat(?:s|ened)?\b|risk(?:s|ed)?\b|excuse|"
            r"to (?:protect|secure|improve|establish|prove|rid|reduce|get rid|restore|avoid|"
            r"prevent|stop|ensure|keep|win|gain|show|please|satisfy|unite|strengthen|weaken|"
            rf"{_PURPOSE})\b|"
            r"motive|reasons?\b|purpose|"
            # Wants and fears named as things: "fear of encirclement", "desire for revenge".
            r"(?:desire|ambition|hope|need|demand|wish|longing|hunger|thirst)s? (?:for|of|to)\b|"
            r"resent(?:ed|ment)|jealous|envy|envious|rivalry|insecur|mistrust|hostil|"
            r"anger|angry|hatred|pride|ambitions?\b|greed|determination|memor(?:y|ies) of|"
            r"the (?:aim|goal|idea|plan|hope|intention|object) (?:was|being)|"
            # A cause given with "as" or "since" and its own clause, not "as well" or "since 1888".
            rf"(?:^|[,;] )as (?!well\b|a result\b|if\b|though\b|long\b|soon\b|far\b|"
            rf"much\b|many\b|part\b|an? \w+ of\b){_CLAUSE}|"
            rf"\bsince (?!then\b|\d|the (?:end|start|beginning)\b){_CLAUSE}|"
            r"for fear|so that)",
            re.IGNORECASE,
        ),
    ),
    (
        "consequence",
        # What a thing led to: "led to", "meant that", "turned X into", "drew them closer",
        # "no longer", a result stated with "would", "so" or "hence".
        re.compile(
            r"\b(?:led to|leading to|as a result|result(?:s|ed)?\b|therefore|consequently|"
            r"(?:this|which|it) meant|meant that|meaning|would (?!have\b)\w+|increas(?:e|ed|ing)|"
            r"caus(?:e|ed|es|ing)|triggered|provoked|sparked|encourag(?:e|ed|ing)|"
            r"(?<!was )(?<!were )(?:allow(?:ed|ing)|enabl(?:e|ed|ing))|help(?:ed|ing)|"
            r"made (?:it|them|him|her)|"
            r"turn(?:ed|ing)? \w+(?: \w+){0,4} into|drew \w+(?: \w+){0,2} closer|"
            r"bred|no longer|undermin(?:e|ed|ing)|boost(?:ed|ing)?|bolder|humiliat(?:ed|ion)|"
            # A push or a result in other words: "forced", "drove", "made a war into".
            r"forc(?:ed|ing) \w+|compell(?:ed|ing)|oblig(?:ed|ing)|dr(?:ove|iving) \w+|"
            r"push(?:ed|ing)? \w+ (?:to|into)|convinc(?:ed|ing)|persuad(?:ed|ing)|prompt(?:ed|ing)|"
            r"brought about|gave rise|contribut(?:ed|ing) to|paved the way|opened the way|"
            r"set off|fuel(?:l?ed|l?ing)|deepen(?:ed|ing)|worsen(?:ed|ing)|inflam(?:ed|ing)|"
            r"made (?:\w+ ){1,5}into|made (?:a|the|war|peace|it|them) \w+|in turn|"
            r"the (?:result|effect|outcome|consequence) (?:was|of)|"
            r"left (?:\w+ ){1,3}(?:unable|without|isolated|exposed|open)|"
            r"ensur(?:ed|ing) that|guarantee(?:d|ing) that|escalat(?:ed|ing))\b|"
            r"(?:^|[,;:] )(?:so|hence)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "evidence",
        re.compile(
            r"\b(?:for example|for instance|such as|e\.g\.)|^thus\b|\bone\b.*\banother\b",
            re.IGNORECASE,
        ),
    ),
)

# A state of affairs rather than an event: "Banks were failing", "The north was still
# largely Catholic", "her position was weak", "London had many Protestants". In notes that
# answer "why", such conditions are the reasons; an event ("Stalin's statues were taken
# down", "Italy joined the two") is what happened.
_STATE = re.compile(
    r"\b(?:was|were|is|are)\s+(?:(?:still|already|now|very|so|too|largely|mostly|deeply|"
    r"firmly|increasingly|not|no|also|far)\s+)*(?P<next>[\w’'-]+)|"
    r"\b(?:had|has|have)\s+(?:(?:still|already|also)\s+)*(?P<owned>no|many|much|few|little|"
    r"a|an|the|its|their|his|her|some|more|less|nothing|every|two|three|\d[\d,]*)\b",
    re.IGNORECASE,
)


def is_state(text: str) -> bool:
    """Does the clause state a condition (copula and complement, or what someone had)
    rather than an event (a deed, or something done to someone)?

    >>> is_state("Banks were failing in their thousands"), is_state("Her position was weak")
    (True, True)
    >>> is_state("Inmates of the gulags were released"), is_state("Italy joined the two")
    (False, False)
    """
    for match in _STATE.finditer(normalise(text)):
        if match.group("owned"):
            return True
        word = match.group("next").lower()
        participle = (word.endswith("ed") and len(word) > 4) or word in _PARTICIPLES
        if not participle:
            return True
    return False


_PARTICIPLES = frozenset(
    """been become begun brought built chosen done drawn driven fallen fought found given got
    grown held kept known led left lost made meant met paid put run risen said seen sent set
    shot sold spoken spent struck swept taken taught thought told thrown gone won written
    cut let overthrown undertaken withdrawn shut""".split()
)


def kind_of(text: str) -> Kind:
    """What a point does, told from its wording; a plain statement is a feature."""
    if _is_quotation(text):
        return "quotation"
    plain = normalise(text)
    for kind, cue in _KIND_CUES:
        if cue.search(plain):
            return kind
    return "feature"


def _is_quotation(text: str) -> bool:
    """Somebody's words: a quotation of five words or more, or "as he put it"."""
    if _SAYS.search(text):
        return True
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(text)]
    unclosed = _OPEN_QUOTE.search(text)
    if unclosed:
        quoted.append(unclosed["rest"])
    # A quoted title ('One Day in the Life of Ivan Denisovich') has no verb; a saying has.
    return any(len(_WORD.findall(q)) >= 5 and _has_verb(q) for q in quoted)


def word_rarity(word: str) -> float:
    """How common a word is in English (zipf: 0 unknown, 3 uncommon, 6 everyday)."""
    return _rarity(word)


@cache
def _rarity(word: str) -> float:
    """How common a word is, crediting British spellings with their American twin's use."""
    american = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)
    american = re.sub(r"our$", "or", american)
    return max(_zipf(word), _zipf(american))


@cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loads its word list on first use

    return float(zipf_frequency(word, "en"))
