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

A point is first read as a statement (``statements``), then asked about (``questions``)
and hidden in a cloze (here).

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
from functools import lru_cache
from itertools import islice
from typing import Literal

from pastpaper.course import Course, QuestionFamily, Topic
from pastpaper.language import (
    CURRENCY,
    SHORT_SCALE,
    STOP_WORDS,
    as_number,
    is_verb,
    word_rarity,
    zipf,
)
from pastpaper.model import Frozen
from pastpaper.schemes.clauses import DATE, Casing, widened
from pastpaper.schemes.points import Point, family_points, shown
from pastpaper.schemes.sentences import ABBREVIATIONS, SHORTENED_BEFORE_MORE
from pastpaper.schemes.terms import RARE
from pastpaper.study.dates import mentions
from pastpaper.study.questions import gives_away, question_cards
from pastpaper.study.statements import Statement, statements
from pastpaper.text import find_whole, has_phrase, match_key, slugify

__all__ = [
    "COMMON_NAME_POINTS",
    "Card",
    "CardKind",
    "Place",
    "Share",
    "card_id",
    "cards_of",
    "clear_cards",
    "common_from",
    "common_names",
    "gives_away",
    "places_of",
    "read_share",
    "topic_tag",
    "without_duplicates",
    "worth_hiding",
]

CardKind = Literal["basic", "cloze"]


class Card(Frozen):
    """One card. A cloze card's ``front`` is its text in Anki's cloze syntax
    (``In {{c1::1957}} Khrushchev ...``) and its ``back`` is what that hides."""

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


def topic_tag(slug: str, topic: Topic) -> str:
    """An Anki tag (no spaces) for a course's topic: ``<course>::topic-4``, or
    ``<course>::topic-<title>`` without a number. Anki's tags are shared by every deck, so
    the course's name keeps two courses' "topic-4" apart, and "::" nests them under it."""
    name = f"topic-{topic.number}" if topic.number is not None else f"topic-{slugify(topic.title)}"
    return f"{slug}::{name}"


def cards_of(course: Course, *, processes: int | None = None) -> list[Card]:
    """Every card the course's points make, in the order of the notes, duplicates left out.

    A large course is read in several processes at once, one share of its families each
    (``processes`` of them; by default one for each megabyte of notes, up to one for each
    core): the cards are the same as one process makes.
    """
    from pastpaper.study.sharing import cards_in_shares, share_count

    return cards_in_shares(course, share_count(course, processes))


#: A family of a course with its topic and its place in the topic (counting from 1).
Place = tuple[Topic, int, QuestionFamily]


def places_of(course: Course) -> list[Place]:
    """Every family of the course with its topic and place, in the order of the notes."""
    return [
        (topic, place, family)
        for topic in course.topics
        for place, family in enumerate(topic.families, 1)
    ]


@dataclass
class Share:
    """Some of a course's families, read for their cards: each family's statements, and
    what the cards of every share need from each (names, casing, people)."""

    read: list[tuple[Topic, int, tuple[str, str], list[Statement]]]
    names: set[str]  # the names its points give (case-folded)
    texts: list[str]  # its points' texts (case-folded)
    people: set[str]  # the names a "he" or "she" of its notes stood for
    casing: Casing  # how its notes and questions write their words

    def counts(self, names: Iterable[str]) -> dict[str, int]:
        """How many of its points mention each name, counted up to ``COMMON_NAME_POINTS``
        (the names it never mentions left out)."""
        everything = "\n".join(self.texts)
        found = {}
        for name in names:
            count = _mentions(self.texts, everything, name, COMMON_NAME_POINTS)
            if count:
                found[name] = count
        return found

    def cards(self, slug: str, common: set[str], casing: Casing, people: set[str]) -> list[Card]:
        """Its cards, given the course's common names, casing and people (all shares')."""
        asked: dict[tuple[object, ...], list[tuple[CardKind, str, str]]] = {}
        return [
            card
            for topic, place, family_tags, read in self.read
            for statement in read
            for card in _cards(
                slug,
                topic,
                place,
                family_tags,
                statement.point,
                _asked(statement, common, casing, people, asked),
            )
        ]


def read_share(slug: str, mine: list[Place]) -> Share:
    """Some families of the course ``slug`` names, read for their cards."""
    # Each family's points once: the common names need them all before any card is made.
    # (A list the notes give after a colon is asked about whole: its items, the points a
    # scheme credits, are phrases that a card could not ask about alone.)
    found = [
        (topic, place, family, family_points(family, lists=False)) for topic, place, family in mine
    ]
    # The questions write names too ("Why did Russia mobilise?"), where the notes may only
    # open sentences with them.
    casing = Casing.of(
        text
        for _, _, family in mine
        for text in (*family.notes, *(q.text for q in family.questions))
    )
    people: set[str] = set()
    # A topic's tag is slugified once for the topic, not again for each of its points.
    tags = {id(topic): topic_tag(slug, topic) for topic, _, _ in mine}
    read = [
        (
            topic,
            place,
            (tags[id(topic)], f"{tags[id(topic)]}::family-{place}"),
            list(statements(points, family.notes, people)),
        )
        for topic, place, family, points in found
    ]
    every = [p for *_, points in found for p in points]
    return Share(
        read=read,
        names={match_key(f.value) for p in every for f in p.facts if f.kind == "name"},
        texts=[match_key(p.text) for p in every],
        people=people,
        casing=casing,
    )


def _asked(
    statement: Statement,
    common: set[str],
    casing: Casing,
    people: set[str],
    asked: dict[tuple[object, ...], list[tuple[CardKind, str, str]]],
) -> list[tuple[CardKind, str, str]]:
    """What a statement's cards ask and hide: (kind, front, back) of each.

    They follow from its text (its clause is read from that), where its own words start,
    whether it asks, and its point's facts and key terms, given the course's common names,
    casing and people: a statement a course says again (a bank repeats its lines from topic
    to topic) is asked about once, in ``asked``.
    """
    point = statement.point
    facts = tuple([(fact.kind, fact.value) for fact in point.facts])
    key = (statement.text, statement.own_from, statement.asks, facts, point.key_terms)
    if (found := asked.get(key)) is None:
        spans = _hideable(statement, common, casing)
        found = [
            *question_cards(statement, spans, people, casing),
            *_cloze_cards(statement, spans),
        ]
        asked[key] = found
    return found


def _cards(
    slug: str,
    topic: Topic,
    place: int,
    tags: tuple[str, str],
    point: Point,
    asked: list[tuple[CardKind, str, str]],
) -> Iterator[Card]:
    """The cards of one point, from what they ask and hide: (kind, front, back) of each;
    ``tags`` are its topic's and family's."""
    if not asked:
        return
    # What the point's cards share, worked out once for them all.
    source = shown(point.source.sentence)
    for kind, front, back in asked:
        # Built without validation: every field is made here, of its type.
        yield Card.model_construct(
            _CARD_FIELDS,
            id=card_id(slug, kind, point.id, front if kind == "basic" else back),
            kind=kind,
            front=front,
            back=back,
            point_id=point.id,
            topic_number=topic.number,
            topic=topic.title,
            family=place,
            source=source,
            tags=tags,
        )


# Every field of a card is set: the cards share one set that says so, as points do.
_CARD_FIELDS = set(Card.model_fields)


def without_duplicates(cards: Iterable[Card]) -> Iterator[Card]:
    """The cards in order, less any that shares an id, a front, or what it hides in its
    sentence with one before it."""
    # (A set for each kind of key: no set of keys is made for each card to compare.)
    ids: set[str] = set()
    fronts: set[str] = set()
    hidden: set[tuple[str, str, str]] = set()
    for card in cards:
        front = match_key(card.front)
        hides = (card.kind, match_key(card.source), match_key(card.back))
        if card.id not in ids and front not in fronts and hides not in hidden:
            ids.add(card.id)
            fronts.add(front)
            hidden.add(hides)
            yield card


# -- what is worth hiding or asking -----------------------------------------------------------

#: A name in this many points or more is what the course is about, not a fact to learn.
COMMON_NAME_POINTS = 5

_EVERYDAY = 4.3  # zipf frequency from which a single capitalised word is an everyday word
# ... and from which one that opens the text, and is capitalised nowhere else, is a word
# ("Domino", "Guerrilla") rather than a name ("Malenkov", "Sharpeville").
_COMMON_OPENER = 3.0
_SHORTENINGS = frozenset(ABBREVIATIONS | SHORTENED_BEFORE_MORE)
_LETTERS = re.compile(r"[^\W\d_]+")
_CIRCA = re.compile(r"(?:c|ca)\.\s?|circa\s")
# "100,000", "1.5m", "£3.60", "2%", "c. 1,000", "25-50%", "1 in 100"
_FIGURES = re.compile(
    rf"(?:{_CIRCA.pattern})?{CURRENCY}?\d[\d.,]*(?:/\d+|(?:[-–]|\s(?:to|and)\s)\d[\d.,]*|\sin\s10+)?"
    rf"(?:{SHORT_SCALE}|%)?"
)
_CLOZE_MARKS = re.compile(r"[{}]|::")
_ENDS_SENTENCE = re.compile(r"[.?!][’'\"”)]*$")


def common_names(course: Course) -> set[str]:
    """The course's common names (case-folded): in its titles, or in many of its points."""
    share = read_share(course.slug, places_of(course))
    return common_from(course, share.names, [share.counts(share.names)])


def common_from(course: Course, names: set[str], counts: Iterable[dict[str, int]]) -> set[str]:
    """Which of ``names`` (those the course's points give) are its common names, from how
    many points of each share mention them (``Share.counts``)."""
    titles = match_key(" ".join([course.title, *(t.title for t in course.topics)]))
    mentioned: dict[str, int] = {}
    for share in counts:
        for name, count in share.items():
            mentioned[name] = mentioned.get(name, 0) + count
    common = {
        name
        for name in names
        if has_phrase(titles, name) or mentioned.get(name, 0) >= COMMON_NAME_POINTS
    }
    # "Nikita Khrushchev" and "Soviet Union" are as common as "Khrushchev" and "Soviet".
    return common | {name for name in names if any(has_phrase(name, c) for c in common)}


def _mentions(texts: list[str], everything: str, name: str, many: int) -> int:
    """How many of the texts mention the name, counted up to ``many``. ``everything`` (the
    texts joined) is searched first: a name written fewer times than that is in no more
    texts."""
    # As ``str.count`` counts (without overlaps), but only up to ``many``: a common name
    # is found that often near the start, not counted through all of a large course.
    at = written = 0
    while written < many:
        at = everything.find(name, at)
        if at < 0:
            break
        at += len(name) or 1
        written += 1
    if not written:
        return 0
    found = 0
    for text in texts:
        found += has_phrase(text, name)
        if found >= written:
            break
    return found


def worth_hiding(term: str, visible: str, common: set[str]) -> bool:
    """Would a teacher keep a cloze card that hides ``term`` and shows ``visible``?

    >>> worth_hiding("gulags", "Inmates of the  were released", set())
    True
    >>> worth_hiding("the", "Inmates of  gulags were released", set())
    False
    """
    if DATE.fullmatch(term) or _FIGURES.fullmatch(term):
        return True  # most terms hidden are dates and figures: their words are not read
    key = match_key(term)
    words = _LETTERS.findall(key)
    if sum(map(len, words)) < 3 or all(w in STOP_WORDS for w in words):
        return False
    if key in common or key.endswith(("ist", "ists", "ism")):
        return False
    if key.rstrip(".") in _SHORTENINGS:
        return False  # "Govt", "approx.": shorthand for an everyday word
    if term.isupper() and _spelt_before(term, visible):
        return False  # "the Chinese Communist Party ({{CCP}})": its initials are shown
    # (An everyday word in quotes too: no "{{lost}}" Vietnam. A number is a fact.)
    number = _DIGIT.search(term) or _in_words_a_number(key)
    if len(words) == 1 and (term[0].isupper() or not number) and word_rarity(key) >= _EVERYDAY:
        return False
    return not _given_away(words, visible)


def _spelt_before(initials: str, visible: str) -> bool:
    """Do the initials of capitalised words the card shows spell ``initials`` ("Chinese
    Communist Party" for "CCP")?"""
    capitals = "".join(word[0] for word in _CAPITALISED.findall(visible))
    return len(initials) >= 2 and initials in capitals


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")


def _given_away(hidden: list[str], visible: str) -> bool:
    """Does a visible word share its stem with a hidden one ("cultivation", "uncultivated")?"""
    shown = [(other, _stem(other)) for other in _LETTERS.findall(match_key(visible))]
    for word in hidden:
        stem = _stem(word)
        long_stem = len(stem) >= 5
        for other, other_stem in shown:
            if (long_stem and stem in other) or (len(other_stem) >= 5 and other_stem in word):
                return True
            # A people and its land: "Germans" beside "Germany", "Russians" beside "Russia".
            if word[:5] == other[:5] and len(other) >= 5 and _kin(word, other):
                return True
    return False


def _kin(word: str, other: str) -> bool:
    """Do two words differ only in their last letter or two ("germans", "germany")?"""
    short = min(len(word), len(other))
    shared = next((i for i in range(short) if word[i] != other[i]), short)
    return shared >= 5 and shared >= short - 1


def _stem(word: str) -> str:
    return word[:-3] if len(word) > 7 else word


# -- cloze cards ------------------------------------------------------------------------------


def _cloze_cards(
    statement: Statement, spans: list[tuple[int, int]]
) -> Iterator[tuple[CardKind, str, str]]:
    text = statement.text
    if not _CIRCA.match(text):  # "c. 1,000 villages deserted" is no "C. 1,000"
        text = text[:1].upper() + text[1:]  # "three weeks later": "Three"
    for start, end in spans:
        if _CLOZE_MARKS.search(text[start:end]):
            continue  # it would break Anki's cloze syntax
        if _possessive_only(text[start:end]):
            continue  # "most of the {{c1::colony's}} self-government": its answer asks it
        cloze = f"{text[:start]}{{{{c1::{text[start:end]}}}}}{text[end:]}"
        if _two_words(text[:start] + text[end:]):
            opening = cloze[:1] if _CIRCA.match(text) else cloze[:1].upper()
            yield "cloze", _full_stop(opening + cloze[1:]), text[start:end]


def _possessive_only(term: str) -> bool:
    """Is the term a word in lower case that is rare only for its possessive ("colony's",
    rarer as written than "colony")? A question may still ask for what holds it."""
    key = match_key(term)
    own = key.removesuffix("'s").rstrip("'")
    return own != key and term.islower() and word_rarity(own) >= RARE


def _two_words(text: str) -> bool:
    # Two runs of letters are enough to know: the rest of a long text is not read.
    return next(islice(_LETTERS.finditer(text), 1, None), None) is not None


def _full_stop(text: str) -> str:
    return text if _ENDS_SENTENCE.search(text) else text + "."


_DIGIT = re.compile(r"\d")
_CURRENCY = frozenset("£$€")
_OPEN_LEAD = re.compile(r"\b(?i:in|at|on|under|by|for|from|with|during|after|before|the|a|an)$")


def _hideable(statement: Statement, common: set[str], casing: Casing) -> list[tuple[int, int]]:
    """Where the point's dates, numbers, names and key terms worth hiding stand in its text."""
    point, text = statement.point, statement.text
    terms = [f.value for f in point.facts if f.kind != "year"] + list(point.key_terms)
    spans: list[tuple[int, int]] = []
    # Every date (as ``DATE`` and as ``dates`` read it: "4 Aug 1914", "March 5, 1953", "from
    # 1956 to 1960") holds a digit: most points have none, and need neither pattern.
    if _DIGIT.search(text, statement.own_from):
        spans += [m.span() for m in DATE.finditer(text, statement.own_from)]
        spans += [
            (m.date_start, m.end)
            for m in mentions(text)
            if m.date_start >= statement.own_from and _DIGIT.search(m.written)
        ]
    dates = list(spans)
    for term in terms:
        at = _term_at(text, term, statement.own_from)
        # "page 62" in "In '62 ... page 62": the figures of a date are not the number
        while at >= 0 and dates and any(start <= at < end for start, end in dates):
            at = _term_at(text, term, at + 1)
        if at >= 0:
            spans.append((at, at + len(term)))
    subject = statement.clause.subject_at[0]
    # A lead that ends waiting for its object ("In the", "Under") runs into the subject:
    # a name from the subject's start may be that object, fused with the subject.
    open_lead = bool(_OPEN_LEAD.search(statement.clause.lead))
    # the same span is often found twice (as a date and as a fact): widened once
    spans = [widened(text, *span, casing) for span in dict.fromkeys(spans)]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda span: (span[0] - span[1], span[0])):
        # (A currency sign before a subject's number is the number's: "$500 million handed")
        begins = start + 1 if text[start : start + 1] in _CURRENCY else start
        fused = begins < subject or (open_lead and begins == subject)
        if fused and subject < end and _verb_follows(text, end):
            continue  # "In {{c1::the Hundred Days Congress}} passed": two things, not one
        if any(a < end and start < b for a, b in kept):
            continue  # inside a longer one: "Ivan Denisovich" in the book's title
        if _opens_only(text, start, end, casing):
            continue  # "{{c1::Domino}} theory: ...": capitalised for opening the line
        if _counts_nothing(text, start, end):
            continue  # "Italy joined the {{c1::two}}", "a few {{c1::hundred}}"
        if not text[:start].strip() and _ONLY_MATTERED.fullmatch(text[end:]):
            continue  # "{{c1::Generalship}} mattered as well.": it tells nothing to recall
        if worth_hiding(text[start:end], text[:start] + text[end:], common):
            kept.append((start, end))
    return sorted(kept)


# The rest of a sentence that only says its subject mattered: "mattered as well", "was also
# important", "played a part too".
_ONLY_MATTERED = re.compile(
    r"\s+(?:also\s+)?(?:mattered|counted|helped|(?:was|were)\s+(?:also\s+)?(?:important|"
    r"significant|vital|crucial|a (?:key |major )?factor)|played (?:a|its|their) part)"
    r"(?:\s+(?:as well|too))?[.!]?\s*",
    re.IGNORECASE,
)


def _opens_only(text: str, start: int, end: int, casing: Casing) -> bool:
    """Is ``text[start:end]`` one common word capitalised only for opening the text
    ("Domino theory", "Militarily a defeat"), not a name the notes write mid-sentence?"""
    word = text[start:end]
    # (A word of two common ones opens a line as a label does: "Long-term: autocracy ...")
    parts = word.split("-")
    if text[:start].strip() or not all(p.isalpha() for p in parts) or word.isupper():
        return False
    if not all(part.islower() for part in parts[1:]):
        return False  # a capital after the hyphen: a name, "Austria-Hungary"
    if casing.is_proper(word):
        return False
    if len(parts) > 1 and as_number(match_key(word))[:1].isdigit():
        return False  # a number of two words is a fact: "Thirty-nine men were left"
    return all(zipf(part.lower()) >= _COMMON_OPENER for part in parts)


def _counts_nothing(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a number in words that stands for what was named before it
    ("Italy joined the two", "The three agreed") or a rough amount ("a few hundred", "several
    thousand"), which a reader cannot be asked for?"""
    hidden = text[start:end]
    if _DIGIT.search(hidden) or not _in_words_a_number(match_key(hidden)):
        return False
    if _ROUGH_BEFORE.search(text, 0, start):
        return True
    if not _THE_BEFORE.search(text, 0, start):
        return False  # "split into two armed camps", "nearly three million served"
    after = _WORD_AFTER.match(text, end)
    # (and "the two countries", "the three men": the few named before, counted; "the
    # thirteen colonies", "the fifteen states that signed" count something to learn)
    few = hidden in {"two", "three"} and after is not None and after[1].islower()
    return after is None or is_verb(after[1].lower()) or few


def clear_cards() -> None:
    """Forget the terms read before (for benchmarks that time the work itself)."""
    _in_words_a_number.cache_clear()


# The same terms are hidden in sentence after sentence: each is read as a number once.
@lru_cache(maxsize=8192)
def _in_words_a_number(key: str) -> bool:
    """Is a term's key (without figures) a number in words: "two", "three hundred"?"""
    return as_number(key)[:1].isdigit()


_ROUGH_BEFORE = re.compile(r"\b(?i:few|several|many)\s+$")
_THE_BEFORE = re.compile(r"\b(?i:the)\s+$")
_WORD_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _term_at(text: str, term: str, start: int) -> int:
    r"""Where ``term`` first stands whole in ``text`` from ``start`` (-1 if it does not): as
    the pattern ``(?<![\w-])term(?![\w-])`` finds it, without compiling one for every term
    of a course (``\w`` is what ``str.isalnum`` says, or "_")."""
    return find_whole(text, term, start)


def _verb_follows(text: str, end: int) -> bool:
    after = text[end:].split(maxsplit=1)
    return bool(after) and is_verb(after[0])
