"""Cards: question-and-answer and cloze cards made from a course's points.

    >>> from pastpaper.ingest import parse_notes
    >>> notes = ("4: Khrushchev\\n\\n1999: Describe his reforms. (4)\\n\\n"
    ...          "In 1957 Khrushchev set up 150 regional economic councils.")
    >>> for card in cards_of(parse_notes(notes).course):
    ...     print(f"{card.front} | {card.back}")
    When did Khrushchev set up 150 regional economic councils? | 1957
    How many regional economic councils did Khrushchev set up in 1957? | 150
    What did Khrushchev set up in 1957? | 150 regional economic councils
    In {{c1::1957}} Khrushchev set up 150 regional economic councils. | 1957
    In 1957 Khrushchev set up {{c1::150}} regional economic councils. | 150

A point is first read as a statement: Markdown's marks go (``**bold**``, ``*italic*``,
```code```, a link's address; the notes keep them), an opener such as "Thus" or "However"
goes, a clause that shares its sentence's subject ("... and set up 150 councils") borrows it
(or the subject of a clause between them: in "... when the Senate ordered Caesar to give up
his army and declared a state of emergency" the Senate declared it), and "he" or "she"
becomes the person the paragraph last named as a subject. A point of under four words, with
a quotation or bracket left open, or with a "he" nobody was named for, makes no card; one
whose "subject" is the end of another clause ("close to mutiny before land was sighted on
12 October 1492") makes cloze cards only.

Question cards follow the statement's structure, and only where it is plain:

- a date: "When did Stalin die?" (the clause's date, or its lead "In March 1953");
- a number: "How many years had Stalin ruled the Soviet Union?" ("for N years", or N things
  as the object);
- an object holding a name, term or number: "What did Khrushchev set up in 1957?"; "Who"
  when the answer is someone the notes call "he" or "she", or give a title, and no card
  when the answer is a bare name the notes do not say is a person or a thing;
- a purpose or cause the notes state: "Why did Khrushchev remove old Stalinists?" (in order
  to, so as to, because, so that ... would, or "to protect", "to secure" after the object);
- what a possession was: "What was Khrushchev’s aim?".

A question about "he", "this" or "that year" is not asked, and a question card is kept only
if its answer is not already in its question and it reads as a question a student can
answer: no label ("23 July: Austria-Hungary sent ..." is asked as "When did Austria-Hungary
send ...?"), no "it" or "they" it does not explain, no aside left open ("a new currency, the
Rentenmark, come in"), no second date in a "When" question, no date that belongs to a clause
inside it ("after Hitler left Landsberg prison in December 1924"), nothing left hanging
("by the time?"), and no "What did Austria-Hungary see?" for "saw ... as a threat". A word
the notes capitalise only for starting a sentence is in lower case in the question ("When
did unemployment fall ...?").

A number, date or name is asked or hidden whole: "100,000", "23 July", "1904-05", "May 1498",
"January 49 BC", "c. 1500", "15/3/44 BC", "Sept 1915", "Alexander Solzhenitsyn" (see
``clauses.DATE``, ``clauses.widened`` and ``dates.mentions``), and a cloze never hides a
lead's object together with the next verb's subject ("In {{c1::the Hundred Days Congress}}
passed").

A cloze card hides one date, number, name or key term of the point; never a word of under
three letters or a stop word, an everyday word ("West", "Ambassador"), a describing word
("Stalinist"), one of the course's common names (in its titles, or in five points or more:
"Khrushchev", "Soviet Union"), or a word the visible text gives away ("previously
{{c1::uncultivated}} parts" after "the cultivation of lands"). Its text starts with a
capital, without the list's bullet; a bold label stays as its lead ("Yalta, {{c1::February
1945}}: Churchill, Roosevelt and Stalin agreed ...").
No two cards share a front, and no two cards of a kind hide the same thing in one sentence.

A card's id depends only on the course slug, the point's id and what the card asks or hides,
so it survives re-imports and edits to other notes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from pastpaper.course import Course, Topic
from pastpaper.schemes.clauses import (
    DATE,
    MODALS,
    PREPOSITIONS,
    PRONOUNS,
    STOP_WORDS,
    SUBJECT_STARTS,
    WORD,
    Casing,
    Clause,
    base_form,
    is_past,
    is_verb,
    parse_clause,
    plain,
    widened,
)
from pastpaper.schemes.points import Point, family_points, word_rarity
from pastpaper.study.dates import mentions
from pastpaper.text import match_key, slugify

__all__ = [
    "COMMON_NAME_POINTS",
    "Card",
    "CardKind",
    "card_id",
    "cards_of",
    "common_names",
    "gives_away",
    "topic_tag",
    "worth_hiding",
]

CardKind = Literal["basic", "cloze"]


class Card(BaseModel):
    """One card. A cloze card's ``front`` is its text in Anki's cloze syntax
    (``In {{c1::1957}} Khrushchev ...``) and its ``back`` is what that hides."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: CardKind
    front: str
    back: str
    point_id: str
    topic_number: int | None
    topic: str
    family: int  # the family's place in its topic, counting from 1
    source: str  # the note sentence the card comes from
    tags: tuple[str, ...]


def card_id(slug: str, kind: CardKind, point: str, asked: str) -> str:
    """A short id from the course, the point and what the card asks (or hides)."""
    key = "\x1f".join((slug, kind, point, match_key(asked)))
    return "c" + hashlib.sha1(key.encode()).hexdigest()[:10]


def topic_tag(topic: Topic) -> str:
    """An Anki tag (no spaces) for a topic: ``topic-4``, or ``topic-<title>`` without a number."""
    return f"topic-{topic.number}" if topic.number is not None else f"topic-{slugify(topic.title)}"


def cards_of(course: Course) -> list[Card]:
    """Every card the course's points make, in the order of the notes, duplicates left out."""
    # Each family's points once: the common names need them all before any card is made.
    found = [
        (topic, place, family, family_points(family))
        for topic in course.topics
        for place, family in enumerate(topic.families, 1)
    ]
    common = _common_names(course, [p for *_, points in found for p in points])
    casing = Casing.of(
        note for topic in course.topics for family in topic.families for note in family.notes
    )
    people: set[str] = set()
    read = [
        (topic, place, list(_statements(points, family.notes, people)))
        for topic, place, family, points in found
    ]
    cards = [
        _card(course.slug, topic, place, statement.point, kind, front, back)
        for topic, place, statements in read
        for statement in statements
        for spans in [_hideable(statement, common, casing)]
        for kind, front, back in (
            *_question_cards(statement, spans, people, casing),
            *_cloze_cards(statement, spans),
        )
    ]
    return list(_without_duplicates(cards))


def _card(
    slug: str, topic: Topic, place: int, point: Point, kind: CardKind, front: str, back: str
) -> Card:
    tag = topic_tag(topic)
    return Card(
        id=card_id(slug, kind, point.id, front if kind == "basic" else back),
        kind=kind,
        front=front,
        back=back,
        point_id=point.id,
        topic_number=topic.number,
        topic=topic.title,
        family=place,
        source=plain(point.source.sentence),
        tags=(tag, f"{tag}::family-{place}"),
    )


def _without_duplicates(cards: Iterable[Card]) -> Iterator[Card]:
    seen: set[tuple[str, ...]] = set()
    for card in cards:
        keys = {
            ("id", card.id),
            ("front", match_key(card.front)),
            (card.kind, match_key(card.source), match_key(card.back)),
        }
        if not keys & seen:
            seen |= keys
            yield card


# -- what is worth hiding or asking -----------------------------------------------------------

#: A name in this many points or more is what the course is about, not a fact to learn.
COMMON_NAME_POINTS = 5

_EVERYDAY = 4.3  # zipf frequency from which a single capitalised word is an everyday word
_LETTERS = re.compile(r"[^\W\d_]+")


def common_names(course: Course) -> set[str]:
    """The course's common names (case-folded): in its titles, or in many of its points."""
    return _common_names(
        course, [p for t in course.topics for f in t.families for p in family_points(f)]
    )


def _common_names(course: Course, points: list[Point]) -> set[str]:
    names = {match_key(f.value) for p in points for f in p.facts if f.kind == "name"}
    titles = match_key(" ".join([course.title, *(t.title for t in course.topics)]))
    texts = [match_key(p.text) for p in points]
    everything = "\n".join(texts)
    common = {
        name
        for name in names
        if _mentions(titles, name) or _in_many(texts, everything, name, COMMON_NAME_POINTS)
    }
    # "Nikita Khrushchev" and "Soviet Union" are as common as "Khrushchev" and "Soviet".
    return common | {name for name in names if any(_mentions(name, c) for c in common)}


def _in_many(texts: list[str], everything: str, name: str, many: int) -> bool:
    """Do ``many`` of the texts mention the name? ``everything`` (the texts joined) is
    counted first: a name written fewer times than that cannot be in enough texts."""
    if everything.count(name) < many:
        return False
    found = 0
    for text in texts:
        found += _mentions(text, name)
        if found >= many:
            return True
    return False


def _mentions(text: str, name: str) -> bool:
    if name not in text:  # the plain test first: most texts do not hold most names
        return False
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text) is not None


def worth_hiding(term: str, visible: str, common: set[str]) -> bool:
    """Would a teacher keep a cloze card that hides ``term`` and shows ``visible``?

    >>> worth_hiding("gulags", "Inmates of the  were released", set())
    True
    >>> worth_hiding("the", "Inmates of  gulags were released", set())
    False
    """
    key = match_key(term)
    words = _LETTERS.findall(key)
    if DATE.fullmatch(term) or re.fullmatch(r"\d[\d.,]*", term):
        return True
    if sum(map(len, words)) < 3 or all(w in STOP_WORDS for w in words):
        return False
    if key in common or key.endswith(("ist", "ists", "ism")):
        return False
    if len(words) == 1 and term[0].isupper() and word_rarity(key) >= _EVERYDAY:
        return False
    return not _given_away(words, visible)


def _given_away(hidden: list[str], visible: str) -> bool:
    """Does a visible word share its stem with a hidden one ("cultivation", "uncultivated")?"""
    shown = _LETTERS.findall(match_key(visible))
    for word in hidden:
        for other in shown:
            if any(len(s) >= 5 and s in w for s, w in ((_stem(word), other), (_stem(other), word))):
                return True
    return False


def _stem(word: str) -> str:
    return word[:-3] if len(word) > 7 else word


def gives_away(front: str, back: str) -> bool:
    """Does a question already hold its answer, in its wording or in all its words?

    >>> gives_away("When did Stalin die in 1953?", "1953")
    True
    """
    answer, question = match_key(back), match_key(front)
    words = [w for w in re.findall(r"[\w’'-]+", answer) if w not in STOP_WORDS and len(w) > 2]
    return answer in question or (bool(words) and all(_mentions(question, w) for w in words))


# -- statements: a point with its subject made plain ------------------------------------------


@dataclass(frozen=True)
class _Statement:
    point: Point
    text: str
    own_from: int  # where the point's own words start in the text
    clause: Clause
    asks: bool = True  # False where the "subject" is the end of another clause: cloze only


_OPENER = re.compile(
    r"^(?:however|but|thus|so|also|then|therefore|in short|early on|at first|meanwhile|"
    r"moreover|furthermore|finally|instead|indeed|later|eventually)\b,?\s+",
    re.IGNORECASE,
)
_PERSONAL = frozenset({"he", "she"})
_MARKER = re.compile(r"^[-*•–]\s+")  # a list's bullet left on a point: "- Dual Alliance, 1879"
_ITEM_START = re.compile(r"(?:^|\n)[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]*$")
_NAME = re.compile(r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*")
_TITLED = re.compile(
    r"(?:President|King|Queen|Tsar|Emperor|General|Marshal|Chancellor|Pope|Kaiser|Premier|"
    r"Chairman|Lord|Lady|Sir)\s[A-Z].*"
)


def _statements(
    points: list[Point], notes: tuple[str, ...], people: set[str]
) -> Iterator[_Statement]:
    """The points as statements; ``people`` gains the names a "he" or "she" stood for."""
    person: str | None = None  # the last person the paragraph named as a subject
    note = -1
    opening: dict[int, Clause] = {}  # each sentence's first clause, by where it starts
    for point in points:
        if point.source.note != note:
            note, person, opening = point.source.note, None, {}
        if _ITEM_START.search(notes[point.source.note], 0, point.source.sentence_start):
            person = None  # a new item of a list: its "she" is not the last item's "Norfolk"
        text = _OPENER.sub("", _MARKER.sub("", plain(point.text), count=1), count=1)
        own_from = 0
        clause = parse_clause(text)
        shared = opening.get(point.source.sentence_start)
        if clause is not None and not clause.subject and shared is not None:
            source = point.source
            shared = (
                _inner_clause(notes[source.note][source.sentence_start : source.start]) or shared
            )
            prefix = " ".join(p for p in (shared.lead, shared.subject) if p)
            text, own_from = f"{prefix} {text}", len(prefix) + 1
            clause = parse_clause(text)
        if clause is None or not clause.subject or not _balanced(point.text):
            continue
        if clause.subject.lower() in _PERSONAL:
            if person is None:
                continue
            people.add(person)
            start, end = clause.subject_at
            text = text[:start] + person + text[end:]
            own_from += len(person) - (end - start) if own_from > start else 0
            clause = parse_clause(text)
            if clause is None:
                continue
        bare = re.sub(r"\s+(?:himself|herself)$", "", clause.subject)
        if bare != clause.subject or _TITLED.fullmatch(bare):
            people.add(bare)
        if _NAME.fullmatch(bare):
            person = bare
        opening.setdefault(point.source.sentence_start, clause)
        if len(WORD.findall(point.text)) >= 4:
            yield _Statement(point, text, own_from, clause, asks=not _clause_end(clause))


_SUBORDINATE = re.compile(
    r"\s(?:when|while|whilst|after|before|until|because|since|once|whereas|although|though|"
    r"unless)\s+(?=\S)"
)
_JOINED = re.compile(r"(?:[\s,]+(?:and|but))?[\s,]*$")  # "... his army and"
_DETERMINERS = SUBJECT_STARTS | frozenset("his her its their our my your".split())


def _inner_clause(before: str) -> Clause | None:
    """The clause a subjectless point continues when a subordinate clause comes between it
    and the sentence's own subject: in "The crisis came to a head when the Senate ordered
    Caesar to give up his army and declared a state of emergency", the Senate declared it,
    not the crisis."""
    before = plain(before)
    starts = [found.end() for found in _SUBORDINATE.finditer(before)]
    # the nearest clause before the point, without the "and" that joins the point to it
    inner = parse_clause(_JOINED.sub("", before[starts[-1] :], count=1)) if starts else None
    if inner is None or not inner.subject or inner.lead:
        return None
    return inner


def _clause_end(clause: Clause) -> bool:
    """Is the clause's "subject" the end of another clause, not a subject: "close to mutiny
    before land" (of "The crews grew afraid and close to mutiny before land was sighted")?
    It starts with a bare word, not "the", "his" or a name, and holds a word that opens a
    clause of its own, whose subject the verb belongs to."""
    first = clause.subject.split()[0]
    bare = first[:1].islower() and first not in _DETERMINERS
    return bare and _SUBORDINATE.search(f" {clause.subject} ") is not None


def _balanced(text: str) -> bool:
    closing = len(re.findall(r"’(?![^\W\d_])", text))  # not an apostrophe: Stalin’s, it’s
    return (
        text.count("‘") == closing
        and text.count("“") == text.count("”")
        and text.count('"') % 2 == 0
        and text.count("(") == text.count(")")
    )


# -- question cards ---------------------------------------------------------------------------

_MAX_QUESTION_WORDS = 30
_MAX_ANSWER_WORDS = 20
_CUT = re.compile(
    # "... and was scattered", "... and freed Catholics": a second verb starts a second clause
    r"(?:^|\s)(?:and|but|or)\s(?=(?:was|were|had|has|is|are)\s|[a-z]+ed\s)|"
    r",(?!\d{3})|;|:|\s(?:while|whereas|which|who|because|although|though|when|but|so that|"
    r"in order to|so as to|as long as|such as)\s"
)
_REASON = re.compile(
    r"\b(?:in order to|so as to|because|"
    r"so that(?=(?:\s+[\w’'-]+){0,4}?\s+(?:would|could|might|should|can)\b))\s",
    re.IGNORECASE,
)
# "introduced de-Stalinisation to protect his position": "to" with a verb of purpose.
_PURPOSE = re.compile(
    r"\bto (?:protect|secure|improve|establish|prove|strengthen|weaken|boost|increase|reduce|"
    r"win|gain|stop|prevent|avoid|ensure|encourage|raise|restore|rid|get rid|remove|satisfy|"
    r"please|punish|reward|control|crush|end)\b"
)
# Verbs and words whose "to" says what was wanted, not why: "wanted to", "was eager to".
_WANTS = frozenset(
    "want try hope allow force ask tell encourage expect permit persuade order help need "
    "decide plan attempt seek agree promise refuse fail manage begin continue eager able "
    "keen anxious ready determined".split()
)


@dataclass(frozen=True)
class _Asking:
    """What a question maker works from."""

    text: str
    clause: Clause
    numbers: list[str]
    worth: list[str]  # the things in the point worth knowing
    people: set[str]


def _question_cards(
    statement: _Statement, spans: list[tuple[int, int]], people: set[str], casing: Casing
) -> Iterator[tuple[CardKind, str, str]]:
    clause = statement.clause
    if not statement.asks or clause.negative or clause.aux in MODALS:
        return
    if clause.subject.lower() in PRONOUNS:
        return
    if clause.aux == "did" and not clause.verb:
        return  # "did" is the verb itself ("Khrushchev did this"): nothing to ask about
    if re.search(r"\b(?:this|that|these|those)\b", clause.lead, re.IGNORECASE):
        return  # "In that year": the card would not say which year
    numbers = [f.value for f in statement.point.facts if f.kind == "number"]
    worth = [statement.text[s:e] for s, e in spans]
    asking = _Asking(statement.text, clause, numbers, worth, people)
    for make in (_when, _how_many, _what, _why, _what_was):
        for front, back in make(asking):
            front = _in_sentence_case(re.sub(r"\s+", " ", front), statement.text, casing)
            if (
                _reads_as_question(front, back)
                and len(front.split()) <= _MAX_QUESTION_WORDS
                and 0 < len(back.split()) <= _MAX_ANSWER_WORDS
                and not gives_away(front, back)
            ):
                yield "basic", front, back


_SEEING = frozenset("see regard view treat consider".split())
_UNASKED = re.compile(
    r"[:;]|\b(?:he|she|it|they|him|them)\b|\b(?:the|a|an|of|by|and|or|the time)\?$", re.IGNORECASE
)


def _reads_as_question(front: str, back: str) -> bool:
    """Is the question one a student can answer as it stands: no label ("23 July: ..."), no
    "it" or "they" it does not explain, no open bracket, nothing left hanging ("by the
    time?"), and for "When", no other date that would make two answers?"""
    if _UNASKED.search(front) or front.count("(") != front.count(")"):
        return False
    return not (front.startswith("When") and DATE.search(front))


def _in_sentence_case(front: str, text: str, casing: Casing) -> str:
    """The question with the statement's first word in lower case where the notes
    capitalised it only for starting a sentence: "When did unemployment fall ...?"."""
    first = re.match(r"([A-Z][\w’'-]*)(\s+[A-Z])?", text)
    if first is None or first[2] or casing.is_proper(first[1]):
        return front
    word = first[1]
    at = re.search(r"(?<=\s)" + re.escape(word) + r"(?![\w’'-])", front)
    return front if at is None else front[: at.start()] + word.lower() + front[at.end() :]


def _ask(word: str, clause: Clause, tail: str, lead: str | None = None) -> str:
    """A question from a clause: "When" + "did" + "Khrushchev" + "close down" + tail + lead."""
    subject = clause.subject
    first = subject.split()[0]
    if first.lower() in SUBJECT_STARTS:
        subject = first.lower() + subject[len(first) :]
    if lead is None:
        lead = "" if _REASON.match(clause.lead + " ") else clause.lead
    if lead and lead.split()[0].lower() in PREPOSITIONS:
        lead = lead[0].lower() + lead[1:]
    if subject.count(",") % 2:
        subject += ","  # close the aside: "a new currency, the Rentenmark, come in"
    parts = (word, clause.aux, subject, clause.adverbs, clause.verb, tail.strip(" ,"), lead)
    return " ".join(p for p in parts if p) + "?"


def _trimmed(rest: str) -> str:
    """The rest of a clause up to where a further clause or a list of examples begins."""
    cut = _CUT.search(rest)
    return (rest[: cut.start()] if cut else rest).strip()


Asked = Iterator[tuple[str, str]]


def _when(a: _Asking) -> Asked:
    clause = a.clause
    relative = re.search(
        r"((?:[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)(?:\s+(?:which|that)\s+(was|were)|,)"
        rf"\s+([a-z]+ed)\s+in\s+({DATE.pattern})",
        a.text,
    )
    if relative:  # "The Seventh Five Year Plan which was launched in 1959" (or ", launched")
        subject = re.sub(r"^The\s", "the ", relative[1])
        aux = relative[2] or ("were" if re.search(r"[^s]s$", subject) else "was")
        yield f"When {aux} {subject} {relative[3]}?", relative[4]
        return
    when = re.search(rf"\b(?:in|until|by)\s+({DATE.pattern}),?\s+when\s+(.+)$", clause.rest)
    if when:  # "... until 1956 when Nikita Khrushchev appeared as the new Soviet leader"
        inner = parse_clause(when[2])
        if inner is not None and inner.subject and not inner.negative:
            yield _ask("When", inner, _trimmed(inner.rest)), when[1]
        return
    # "In 1957 ...", "On 4 August 1914 ...", or a date as a label: "23 July: Austria-Hungary ..."
    in_lead = re.fullmatch(rf"(?:(?:in|on)\s+)?({DATE.pattern}):?", clause.lead, re.IGNORECASE)
    if in_lead:
        yield _ask("When", clause, _trimmed(clause.rest), lead=""), in_lead[1]
        return
    # "Stalin died in March 1953 after ...": what comes before the date makes the question.
    in_rest = re.search(rf"\s*\b(?:in|on)\s+({DATE.pattern})", _trimmed(clause.rest))
    if in_rest and not _dates_a_clause_within(clause.rest[: in_rest.start()]):
        yield _ask("When", clause, clause.rest[: in_rest.start()]), in_rest[1]


def _dates_a_clause_within(asked: str) -> bool:
    """Does the date belong to a clause inside the question's words ("rebuilt their party
    after Hitler left Landsberg prison in December 1924"), not to the question's own verb?"""
    within = re.search(r"\b(?:after|before|when|until|since|once|while)\s+(.+)", asked)
    inner = parse_clause(within[1]) if within else None
    return inner is not None and bool(inner.subject)


def _how_many(a: _Asking) -> Asked:
    rest = a.clause.rest
    for number in a.numbers:
        lasting = re.search(rf"\s*\bfor\s+{re.escape(number)}\s+([a-z]+s)\b", rest)
        if lasting:  # "for twenty-five years"
            tail = rest[: lasting.start()] + rest[lasting.end() :]
            yield _ask(f"How many {lasting[1]}", a.clause, _trimmed(tail)), number
            continue
        counted = re.match(
            rf"{re.escape(number)}\s+((?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*s)\b", rest
        )
        if counted and a.clause.aux == "did":  # "set up 150 regional economic councils"
            tail = re.sub(r"^\s*\([^)]*\)", "", rest[counted.end() :])
            yield _ask(f"How many {counted[1]}", a.clause, _trimmed(tail)), number


def _what(a: _Asking) -> Asked:
    """What the subject did something to: its object, if that holds something worth knowing."""
    if a.clause.aux != "did" or _REASON.match(a.clause.lead + " "):
        return
    rest = a.clause.rest
    ends = re.search(r"\s(?:in|at|on|to|from|into|with|for|by|during|after|before|under)\s", rest)
    stops = [m.start() for m in (ends, _CUT.search(rest), _PURPOSE.search(rest)) if m]
    thing = rest[: min(stops)] if stops else rest
    if re.match(r"\s*\(", rest[len(thing) :]):
        thing = rest[: rest.find(")") + 1]  # "150 councils (sovnarkhozy)"
    thing = thing.strip()
    first = thing.split()[0].lower() if thing else "not"
    if first in (STOP_WORDS - {"the", "a", "an"}) | PREPOSITIONS | {"not", "how", "what", "him"}:
        return
    if not any(w in thing for w in a.worth) or is_verb(first) or len(thing.split()) > 10:
        return
    # What follows the object stays in the question if it is one short phrase: "in 1957".
    adjunct = _trimmed(rest[len(thing) :])
    if adjunct and not re.fullmatch(r"(?:in|at|on|to|from|into|with)(?:\s[\w’'-]+){1,3}", adjunct):
        return
    if a.clause.verb in _SEEING and re.search(r"\bas\b", rest[len(thing) :]):
        return  # "saw Serbian nationalism as a threat": "What did it see?" has no one answer
    if re.search(r"\sas\s", thing):
        return  # "hated Locarno as a voluntary acceptance of ...": two things, not one
    if re.sub(r"^the\s", "", thing) in a.people:
        yield _ask("Who", a.clause, adjunct), thing
    elif a.clause.verb == "become" or not _NAME.fullmatch(thing):
        yield _ask("What", a.clause, adjunct), thing  # not "What did he attack?" "Stalin"


def _why(a: _Asking) -> Asked:
    """Why the subject did something, where the notes say: "... in order to establish ..."."""
    clause = a.clause
    if _REASON.match(clause.lead + " "):  # "In order to secure his own position he needed to"
        yield _ask("Why", clause, _trimmed(clause.rest), lead=""), clause.lead
        return
    found = _REASON.search(clause.rest) or _purpose(clause.rest)
    wants = clause.aux == "did" and bool(clause.verb) and _wants(clause.verb.split()[0])
    if found is None or wants:
        return
    asked, answer = clause.rest[: found.start()].strip(" ,"), clause.rest[found.start() :]
    if (clause.verb or asked) and _trimmed(asked) == asked and len(answer.split()) >= 3:
        yield _ask("Why", clause, asked), answer


def _purpose(rest: str) -> re.Match[str] | None:
    """ "to protect ..." as a purpose, not as what someone wanted or tried to do."""
    found = _PURPOSE.search(rest)
    before = rest[: found.start()].split() if found else []
    return None if found is None or (before and _wants(before[-1].lower())) else found


def _wants(word: str) -> bool:
    if word.endswith("ing"):
        return bool({word[:-3], word[:-3] + "e"} & _WANTS) or word == "trying"
    return word in _WANTS or (is_past(word) and base_form(word) in _WANTS)


def _what_was(a: _Asking) -> Asked:
    """What a possession was: "Khrushchev’s aim was to achieve ‘peaceful co-existence’"."""
    possession = re.fullmatch(r"[A-Z][\w-]*[’']s\s+[a-z]+(?:\s[a-z]+)?", a.clause.subject)
    copula = a.clause.aux in {"was", "were"} and not a.clause.verb
    if copula and possession and any(w in a.clause.rest for w in a.worth):
        yield _ask("What", a.clause, ""), a.clause.rest


# -- cloze cards ------------------------------------------------------------------------------


def _cloze_cards(
    statement: _Statement, spans: list[tuple[int, int]]
) -> Iterator[tuple[CardKind, str, str]]:
    text = statement.text[:1].upper() + statement.text[1:]  # "three weeks later": "Three"
    for start, end in spans:
        if re.search(r"[{}]|::", text[start:end]):
            continue  # it would break Anki's cloze syntax
        cloze = f"{text[:start]}{{{{c1::{text[start:end]}}}}}{text[end:]}"
        if len(_LETTERS.findall(text[:start] + text[end:])) >= 2:
            yield "cloze", _full_stop(cloze[:1].upper() + cloze[1:]), text[start:end]


def _full_stop(text: str) -> str:
    return text if re.search(r"[.?!][’'\"”)]*$", text) else text + "."


_DIGIT = re.compile(r"\d")


def _hideable(statement: _Statement, common: set[str], casing: Casing) -> list[tuple[int, int]]:
    """Where the point's dates, numbers, names and key terms worth hiding stand in its text."""
    point, text = statement.point, statement.text
    terms = [f.value for f in point.facts if f.kind != "year"] + list(point.key_terms)
    spans = [m.span() for m in DATE.finditer(text, statement.own_from)]
    # and every date as ``dates`` reads it: "4 Aug 1914", "March 5, 1953", "from 1956 to 1960"
    if _DIGIT.search(text, statement.own_from):  # none without a digit: most points
        spans += [
            (m.date_start, m.end)
            for m in mentions(text)
            if m.date_start >= statement.own_from and _DIGIT.search(m.written)
        ]
    for term in terms:
        if term not in text:  # the plain test first; the pattern only where it may match
            continue
        if match := _term_pattern(term).search(text, statement.own_from):
            spans.append(match.span())
    subject = statement.clause.subject_at[0]
    spans = [widened(text, *span, casing) for span in spans]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
        if start < subject < end and _verb_follows(text, end):
            continue  # "In {{c1::the Hundred Days Congress}} passed": two things, not one
        if any(a < end and start < b for a, b in kept):
            continue  # inside a longer one: "Ivan Denisovich" in the book's title
        if worth_hiding(text[start:end], text[:start] + text[end:], common):
            kept.append((start, end))
    return sorted(kept)


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])")


def _verb_follows(text: str, end: int) -> bool:
    after = text[end:].split(maxsplit=1)
    return bool(after) and is_verb(after[0])
