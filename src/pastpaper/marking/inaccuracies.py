"""What an answer gets wrong: a year, number, date or name that disagrees with the point a
claim is about, or a statement the notes deny or turn round.

``wrong_facts`` finds each claim of an answer that gets a fact of its point wrong;
``contradiction`` compares one claim's years and numbers with one point's. Numbers are
compared as figures ("twenty-five" and "25" alike, ``as_number``), years also as decades
and spans ("1896" is in "the late 1890s"). ``reported`` gives the inaccuracies a Marking
shows, each mistake once.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence, Set
from decimal import ROUND_HALF_UP, Decimal
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from pastpaper.language import (
    BOUNDS,
    FACT_DECADE,
    FACT_YEAR,
    JUDGED_BADLY,
    JUDGED_WELL,
    MONTH,
    MONTH_OR_SHORT,
    MONTHS,
    NEGATIONS,
    NUMBER_WORDS,
    OPPOSITE_WORDS,
    PREPOSITIONS,
    RIVAL_SIDE,
    ROUGHLY,
    SAME_COUNTRY,
    SCALE_WORD,
    SHORT_SCALE,
    STOP_WORDS,
    TENS,
    TITLES,
    UNITS,
    WENT_DOWN,
    WENT_UP,
    YEAR,
    as_number,
    has_verb,
    is_verb,
    names_a_place,
    side,
    spelt_out,
    stem,
)
from pastpaper.marking.result import Inaccuracy, Span
from pastpaper.schemes.points import Fact, Point, centred_facts, facts, names_in
from pastpaper.schemes.scheme import MarkScheme, SchemePoint, content_stems
from pastpaper.schemes.terms import BODY_NAME_ENDS, date_year
from pastpaper.study.dates import numeric_dates
from pastpaper.text import match_key

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pastpaper.marking.calibration import Calibration

__all__ = [
    "NAME_LIKENESS",
    "NEGATIONS",
    "Wrong",
    "as_number",
    "clear_caches",
    "contradiction",
    "plain_stems",
    "reported",
    "wrong_facts",
]

_WORDS = re.compile(r"[^\W_]+")

#: Similarity from which a claim is about the point it is closest to, for checking its
#: facts (a wrong fact lowers it); chosen with each development set left out in turn.
_ABOUT = 0.5


#: A name in at most this many points identifies what a claim is about ("the Rentenmark").
_FEW = 3


#: How alike (rapidfuzz ratio or partial ratio, 0-100) a claim's word must be to one of
#: the notes' to be that word misspelt ("Kruschev"), not a name of the answer's own.
NAME_LIKENESS = 80
#: Words shorter than this count as known to the notes: "SPD", "USA" and the like are too
#: short to tell a slip from another word.
_SHORTEST_NAME = 4
#: The fewest content words a claim needs to restate a point's sentence with another fact.
_RESTATED_WORDS = 2


def _known_names(scheme: MarkScheme) -> frozenset[str]:
    """Every word the scheme's question and points use, lower case: what the notes know."""
    return _known_words((scheme.question.text, *(p.point.text for p in scheme.points)))


@lru_cache(maxsize=256)
def _named_words(texts: tuple[str, ...]) -> frozenset[str]:
    """The words of the names the texts give, lower case ("france", "england")."""
    return frozenset(w.lower() for text in texts for name in names_in(text) for w in name.split())


# The same for every answer to a question.
@lru_cache(maxsize=256)
def _known_words(texts: tuple[str, ...]) -> frozenset[str]:
    """The texts' words, lower case, shorthands written out ("w/o" is "without")."""
    return frozenset(word.lower() for text in texts for word in _WORDS.findall(spelt_out(text)))


def _unknown_names(claim: str, known: Set[str], places: Set[str] = frozenset()) -> list[str]:
    """The claim's names with a word the notes never use, misspellings forgiven
    ("Secret Speech" is known from "secret speech"; "Khrushchevgrad" is not), nor a
    people's or place's adjective of a name they give (``places``: "French" of "France")."""
    from rapidfuzz import fuzz, process

    def knows(word: str) -> bool:
        word = word.lower()
        if word in known or len(word) < _SHORTEST_NAME or names_a_place(word, places):
            return True  # ("the French wars" are known from "the wars with France")
        found = process.extractOne(word, known, scorer=fuzz.ratio)
        return found is not None and found[1] >= NAME_LIKENESS

    return [name for name in names_in(claim) if not all(map(knows, _WORDS.findall(name)))]


def _names_left_out(claim: str, point: Point) -> list[str]:
    """The point's names that the claim does not use, misspellings forgiven."""
    from rapidfuzz import fuzz

    lowered = claim.lower()
    return [
        name
        for name in names_in(point.text)
        if fuzz.partial_ratio(name.lower(), lowered) < NAME_LIKENESS
    ]


Wrong = tuple[int, int, tuple[str, str]]  # claim, point, (what the answer says, the notes)


def _doer_replaced(
    claim: str,
    point: Point,
    named_anew: list[str],
    elsewhere: Sequence[str] = (),
    person: Callable[[str], bool] | None = None,
) -> tuple[str, str] | None:
    """(the claim's new name, the point's) where the claim has someone else do what the
    point has one of its names do, by the same verb: "President Nixon proposed the bill" for
    "Kennedy proposed a civil rights bill". (A name beside another verb, or not straight
    before its verb, is left alone: "A neutrality treaty with Russia followed" says the
    notes' "Soviet Union" in other words.) A name that does the same in one of the texts
    ``elsewhere`` is no swap: the claim may tell of that. With ``person``, only a name it
    says is a person's may be the one replaced."""
    from rapidfuzz import fuzz

    mine = {_verb_after(claim, name): name for name in named_anew}
    mine.pop(None, None)
    for verb, name in list(mine.items()):
        if any(_verb_after(text, name) == verb for text in elsewhere):
            del mine[verb]
    if not mine:
        return None
    # The point's names as its paragraph reads them, and the capitalised word it opens with:
    # "Kennedy proposed ..." opens on a name that its text alone cannot tell from a word.
    opening = _WORDS.match(point.text)
    first = [opening.group()] if opening and opening.group().lower() not in STOP_WORDS else []
    lowered = claim.lower()
    for name in dict.fromkeys([*names_in(point.text), *point.key_terms, *first]):
        verb = _verb_after(point.text, name) if name[:1].isupper() else None
        if (
            verb in mine
            and fuzz.partial_ratio(name.lower(), lowered) < NAME_LIKENESS
            and not _forms_of(mine[verb], name)
            and not _misspelt(mine[verb], name)
            and (person is None or person(name))
        ):
            return mine[verb], f"{name}: “{point.text}”"
    return None


def _roles_swapped(claim: str, point: str) -> tuple[str, str] | None:
    """(the claim's doer, the point's) where the claim has the one the point's deed was
    done to do it, by the same verb: "The Scots defeated Cromwell" for "Cromwell defeated
    the Scots"."""
    named = names_in(claim)
    # (A name opening the point may read as a word to ``names_in``: "Cromwell defeated
    # ..."; the claim names it.)
    opening = _WORDS.match(point)
    doers = [opening.group()] if opening and opening.group() in named else []
    doers += names_in(point)
    for name in named:
        verb = _verb_after(claim, name)
        at = point.find(name)
        if verb is None or at < 0 or _verb_after(point, name) == verb:
            continue
        # (Not a name after a preposition, nor one a participle describes: "a campaign in
        # Birmingham led by Martin Luther King".)
        before = _preposition_before(claim, name)
        if before is not None or re.search(rf"{re.escape(name)}\s+\w+\s+by\b", claim):
            continue
        for doer in dict.fromkeys(doers):
            done = point.find(doer)
            if (
                doer != name
                and done < at
                and _verb_after(point, doer) == verb
                and not _forms_of(doer, name)
            ):
                return name, f"{doer}: “{point}”"
    return None


def _object_swapped(
    claim: str, point: Point, elsewhere: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(the claim's new name, the point's) where the claim says most of what the point says
    but puts another name after the same word: "Most of the German states sided with Prussia" for
    "most of the German states sided with Austria", "a secret alliance with Russia" for
    "secret alliance with Italy". (Not a subject, which a leader or an ally may stand for:
    "Hitler invaded Poland"; not an acronym, which may be another name of the point's;
    nor a name the texts ``elsewhere`` put after that word: the claim may tell of that.)"""
    mine = [
        name
        for name in names_in(claim)
        if not name.isupper() and not _words_within(name, point.text, every=True)
    ]
    if not mine:
        return None
    for name in names_in(point.text):
        word = _word_before(point.text, name)
        if word is None:
            continue
        # It says most of what the point says (of a sentence cut into claims, a part may
        # say the rest), so it is no other thing.
        rest = content_stems(point.text) - content_stems(name)
        shared = len(rest & content_stems(claim))
        # (A part of a sentence cut into claims may say part of the point and nothing
        # else: "On 14 November 1569 the rebels entered York Minster".)
        own = {w for w in _said(claim) if not _DIGIT.search(w)} - _DATE_WORDS
        part = len(own) >= 2 and own <= content_stems(point.text)
        if shared < 2 or (shared * 2 < len(rest) and not part):
            continue
        for other in mine:
            if _DESCRIBES.match(claim, claim.find(other) + len(other)):
                continue  # a name that describes the noun after it: "fought Danish forces"
            # (The point's name given besides the claim's own: no other one in its place. A
            # first word the two share is no sign of it: "Thomas Wolsey" for "Thomas
            # Cromwell".)
            if _words_within(name, claim.replace(other, " ")):
                continue
            if (
                _word_before(claim, other) == word
                and not _forms_of(other, name)
                and not any(_word_before(text, other) == word for text in elsewhere)
            ):
                return other, f"{name}: “{point.text}”"
    return None


#: A word in lower case after a name that is no stop word: the noun the name describes
#: ("Danish forces", "Italian leaders").
_DESCRIBES = re.compile(r"\s+(?!(?:" + "|".join(sorted(STOP_WORDS)) + r")\b)[a-z]")
#: Where a name ends: at its last letter, or after its "'s" ("to protect Mao Zedong's").
_NAME_END = r"(?:['’]s)?(?![\w’'-])"


def _misspelt(name: str, other: str) -> bool:
    """Is ``name`` a word of ``other`` misspelt: "Grindle" of "Edmund Grindal"?"""
    from rapidfuzz import fuzz

    return any(
        fuzz.ratio(mine.lower(), theirs.lower()) >= NAME_LIKENESS
        for mine in _WORDS.findall(name)
        for theirs in _WORDS.findall(other)
    )


@lru_cache(maxsize=1024)
def _a_person(name: str, texts: tuple[str, ...]) -> bool:
    """May ``name`` be a person's, as ``texts`` (the notes' sentences in order) use it: not
    in capitals ("USA"), never after a word that places a thing ("in Germany", "at Teano"),
    no people or adjective of it among their words ("German" of "Germany"), and something
    only a person is or does said of it?"""
    if name.isupper() or len(name) < _SHORTEST_NAME:
        return False
    named = re.escape(name)
    placed = re.compile(rf"{_PLACING}\s+(?:the\s+)?{named}{_NAME_END}")
    if any(placed.search(text) for text in texts):
        return False
    own = name.lower()
    if any(
        names_a_place(word, {own})
        for word in _known_words(texts)
        if word[:1] == own[:1] and word != own
    ):
        return False
    # Only what a person is or does says it is one: a title ("General Dyer", "Colonel
    # Pride"), "who" or a life's years after it, a deed no country does ("Cavour died",
    # "Nehru said"), or a "he" or "she" in the sentence after it; or a first and a family
    # name, never after "the" and ending as no body's name does ("Sylvia Pankhurst", not
    # "the Red Army" or "Labour Party").
    words = name.split()
    if words[0] in _RANKS:
        return True
    if (
        len(words) == 2
        and all(word[:1].isupper() and word.isalpha() for word in words)
        and words[-1] not in BODY_NAME_ENDS
        and not any(re.search(rf"\b(?i:the)\s+{named}", text) for text in texts)
    ):
        return True
    person = re.compile(
        rf"\b(?:{_TITLE_WORDS})\s+(?:[A-Z][\w’'-]*\s+)*{named}{_NAME_END}"
        rf"|(?<![\w’'-]){named}(?:,\s+who\b|\s+\(\d|\s+(?:\w+ly\s+)?(?:{_PERSONAL_DEEDS})\b"
        r"|[^.!?]*[.!?]\s+[^.!?]*?\b(?:He|She|he|she)\s)"
    )
    return any(person.search(text) for text in texts)


_PLACING = r"\b(?i:in|at|into|across|near|throughout|inside|within|from)"
#: Titles and ranks that come before a person's name: "General Dyer", "Colonel Pride".
_RANKS = TITLES | frozenset(
    "Colonel Cornet Captain Major Lieutenant Admiral Sergeant Commander Cardinal Mrs Mr Miss "
    "Ms".split()
)
_TITLE_WORDS = "|".join(sorted(_RANKS))
_LOWER_TITLES = frozenset(word.lower() for word in _RANKS)

_PERSONAL_DEEDS = (
    "said|says|spoke|wrote|argued|believed|died|resigned|married|was born|was assassinated"
    "|was murdered|was elected|was executed|was arrested|was imprisoned|was exiled"
)


def _same_word_before(claim: str, name: str, text: str, theirs: str) -> bool:
    before = _word_before(claim, name)
    return before is not None and before == _word_before(text, theirs)


def _in_place_of(claim: str, name: str, text: str, theirs: str) -> bool:
    """May ``name`` stand in the claim where ``theirs`` stands in ``text``: not after another
    preposition than the one before ``theirs`` ("under MacArthur", "at Pusan" for "by
    Chinese troops")?"""
    mine, its = _preposition_before(claim, name), _preposition_before(text, theirs)
    # (A place is "in London" or "at York" alike.)
    mine, its = (_PLACED.get(word, word) if word else word for word in (mine, its))
    return mine is None or its is None or mine == its


_PLACED = dict.fromkeys(("in", "at", "on", "near", "inside", "outside", "within"), "at")


def _preposition_before(text: str, name: str) -> str | None:
    found = re.search(rf"(?<![\w’'-])([a-z]+)\s+(?:the\s+)?{re.escape(name)}{_NAME_END}", text)
    word = found[1] if found else None
    return word if word in PREPOSITIONS or word == "to" else None


#: The stems of month names, which a claim's date gives as the point's figures do.
_DATE_WORDS = frozenset(content_stems(" ".join(MONTHS)))


def _word_before(text: str, name: str) -> str | None:
    """The word in lower case straight before ``name`` ("with" of "sided with Austria"):
    a verb or a preposition, not an article ("the Soviet Union") nor a capital."""
    found = re.search(rf"(?<![\w’'-])([a-z][a-z’'-]*)\s+{re.escape(name)}{_NAME_END}", text)
    if found is None or (found[1] in STOP_WORDS and found[1] not in PREPOSITIONS):
        return None
    return found[1]


#: A name with a king's or pope's number: "Louis XVI", "Henry VIII", "Pius V".
_REIGN = re.compile(r"\b([A-Z][a-z]+)\s+([IVXL]+)\b")


def _reign_swapped(claim: str, point: str) -> tuple[str, str] | None:
    """(the claim's name, the point's) where the claim gives a name of the point with
    another number: "Louis XIV had spent heavily" for "Louis XVI had spent heavily"."""
    if not _REIGN.search(claim):
        return None
    theirs: dict[str, list[str]] = {}
    for m in _REIGN.finditer(point):
        theirs.setdefault(m.group(1), []).append(m.group(0))
    given = {name for names in theirs.values() for name in names}
    for found in _REIGN.finditer(claim):
        mine = found.group(0)
        if mine in given or found.group(1) == "War":
            continue
        for named in theirs.get(found.group(1), []):
            # (with the same verb after both: "Louis XV had left huge debts" beside "Louis
            # XVI inherited them" tells of another king)
            verb = _verb_after(point, named)
            if named not in claim and verb is not None and verb == _verb_after(claim, mine):
                return mine, f"{named}: “{point}”"
    return None


def _forms_of(name: str, other: str) -> bool:
    """May two names be forms of one: does a word of one open a word of the other ("US
    Congress" and "USA", "Britain" and "British Empire")?"""
    mine = [w.lower() for w in _WORDS.findall(name) if len(w) > 1]
    theirs = [w.lower() for w in _WORDS.findall(other) if len(w) > 1]
    # (Two names of two words or more that share only their first word are two: "Thomas
    # Wolsey" and "Thomas Cromwell", "President Nixon" and "President Kennedy"; and so are
    # two with one family name and other first names: "Sylvia Pankhurst" and "Emmeline
    # Pankhurst", but not "Lord Mountbatten" and "Louis Mountbatten".)
    both_long = len(mine) > 1 and len(theirs) > 1
    if (
        both_long
        and mine[-1] == theirs[-1]
        and not (mine[0].startswith(theirs[0]) or theirs[0].startswith(mine[0]))
        and not {mine[0], theirs[0]} & _LOWER_TITLES
    ):
        return False
    if any(
        a.startswith(b) or b.startswith(a)
        for i, a in enumerate(mine)
        for k, b in enumerate(theirs)
        if not (both_long and i == k == 0)
    ):
        return True
    one, two = _THE.sub("", name.lower()).strip(), _THE.sub("", other.lower()).strip()
    return any(one in group and two in group for group in SAME_COUNTRY)


_THE = re.compile(r"^the\s+")


def _named_beside(points: Sequence[SchemePoint], j: int, names: list[set[str]]) -> set[str]:
    """The names of the points that share point ``j``'s sentence of the notes."""
    source = points[j].point.source
    return {
        name
        for k, p in enumerate(points)
        if k != j
        and p.point.source.note == source.note
        and p.point.source.sentence_start == source.sentence_start
        for name in names[k]
    }


def _named_in(key: str, named: Set[str]) -> bool:
    """Do the notes name the one ``key`` names, by all its words or some ("Joseph Lister"
    where the notes' "Infection: Joseph Lister used ..." reads as "Lister")?"""
    if key in named:
        return True
    words = set(key.split())
    return any(set(other.split()) <= words for other in named if other)


def _words_within(name: str, text: str, *, every: bool = False) -> bool:
    """Does ``text`` use any word of ``name`` ("Roosevelt" of "Franklin D. Roosevelt"), or
    with ``every``, each of them?"""
    words = {w.lower() for w in _WORDS.findall(text)}
    within = (w.lower() in words for w in _WORDS.findall(name) if w.lower() not in STOP_WORDS)
    return all(within) if every else any(within)


def _verb_after(text: str, name: str) -> str | None:
    """The stem of the verb straight after ``name`` in ``text`` (or after what it is said
    to be: "John Foster Dulles, the US Secretary of State, withdrew"), if a verb follows
    it."""
    at = text.find(name)
    if at < 0:
        return None
    aside = _ASIDE_AFTER.match(text, at + len(name))
    found = _WORDS.match(text, (aside.end() if aside else at + len(name)) + 1)
    word = found.group() if found else ""
    if found and (word in _TIME_ADVERBS or (word.endswith("ly") and not is_verb(word))):
        found = _WORDS.match(text, found.end() + 1)  # "Stalin finally agreed"
        word = found.group() if found else ""
    return stem(word) if word.islower() and is_verb(word) else None


#: Words between a doer and the verb that say when, not whether: "Stalin finally agreed".
_TIME_ADVERBS = frozenset("also then soon later finally eventually once first".split())


#: What a name is said to be, between commas: ", the US Secretary of State,".
_ASIDE_AFTER = re.compile(r",[ \t]+(?:the|a|an|his|her|its|their)[ \t][^,;:.()\n]{1,60},(?=[ \t])")


def wrong_facts(
    claims: list[Span],
    points: list[SchemePoint],
    score: npt.NDArray[np.float32],
    similarity: npt.NDArray[np.float32],
    earns: Callable[[int, int], bool],
    scheme: MarkScheme,
    calibration: Calibration,
) -> list[Wrong]:
    """Each claim that gets a year, number, date or name of the point it is about wrong, or
    says what the point says with "not" or one word for its opposite (``_denied``,
    ``_opposed``).

    A claim's facts are compared only with the point it matches best (or, in notes, a point
    whose sentence it restates word for word: "Stalin died in 1960"), never with another
    point's: a claim about one plan is not wrong for lacking another plan's years. A year
    the claim gives for another point it also makes, or names ("after the Franco-Russian
    alliance of 1894, Germany drew up the Schlieffen Plan"), is that point's; a number the
    notes state is no invention. A sentence cut into claims is checked in its parts, where
    each fact stands beside what it dates or counts.
    """
    known = _known_names(scheme)
    places = _named_words((scheme.question.text, *(p.point.text for p in scheme.points)))
    names = [{match_key(n) for n in names_in(p.point.text)} for p in points]
    spread = Counter(n for found in names for n in found)
    asked = content_stems(scheme.question.text)
    words = [plain_stems(p.point.text, asked) for p in points]
    stated = set(_plain([v for p in points for v in _point_values(p.point)["number"]]))
    # The years the question itself gives ("between 1518 and 1521"): an answer that says
    # them back frames its answer with them, and gets no point's year wrong by it.
    framed = frozenset(_QUESTION_YEAR.findall(scheme.question.text))
    creditable = len(scheme.creditable)
    # The question and the notes' sentences in order, as one text: who is a person in them.
    told = (
        scheme.question.text,
        ". ".join(
            dict.fromkeys(
                p.source.sentence or p.text
                for p in sorted(
                    (p.point for p in points),
                    key=lambda p: (p.source.note, p.source.sentence_start),
                )
            )
        ),
    )
    rivals = (
        {}
        if scheme.reference
        else _rivals(
            (scheme.question.text, *dict.fromkeys(p.point.source.sentence for p in scheme.points))
        )
    )

    def _would_make(i: int, j: int) -> bool:
        # A point this question credits, earned; or one of the notes it does not credit
        # (the other side of a "why" question) that the claim plainly says.
        if j < creditable:
            return earns(i, j)
        return bool(similarity[i, j] >= calibration.fact_similarity)

    @cache
    def elsewhere(j: int) -> tuple[str, ...]:
        # Every point's text but the j-th's: what a claim near the j-th may tell of instead.
        return tuple(p.point.text for k, p in enumerate(points) if k != j)

    found: list[Wrong] = []
    for i, claim in enumerate(claims):
        # A claim that says a person or people the notes name is the rival of what the
        # notes say ("Mary, Queen of Scots was a Protestant", where she is "a Catholic")
        # gets that point wrong, whichever point it comes closest to.
        swapped = _swapped(claim.text, [p.point for p in points], rivals)
        if swapped is not None:
            found.append((i, *swapped))
            continue
        parts = [c for c in claims if c != claim and claim.start <= c.start and c.end <= claim.end]
        # A whole sentence: its parts say the same facts, each in its place. (But against
        # notes, a part with no verb says no fact of its own: "In 1864 Prussia" of "In 1864
        # Prussia and Austria fought Denmark", "The 1830 revolutions" of "... and the
        # Frankfurt Parliament showed ...". Its figures are checked in the sentence, which
        # says what they are the figures of. A reference answer is shorter than notes, and
        # a part may well be nearer one of its sentences than the whole is.)
        verbless = not scheme.reference and not has_verb(claim.text)
        if verbless and any(
            c != claim and c.start <= claim.start and claim.end <= c.end for c in claims
        ):
            continue
        if parts and not scheme.reference and not any(claims[k] in parts for k, *_ in found):
            # A name the notes never use swapped in a sentence whose parts each say too
            # little to earn the point ("On 14 November 1569 the rebels entered York Minster,
            # tore up the English Bible ..." for "... entered Durham Cathedral, tore up
            # ..."): the whole earns it, and gets it wrong. (A name the notes use may be
            # another part of the sentence's own telling: "its western borders with France
            # ..., but the eastern borders were left open".)
            unknown = set(_unknown_names(claim.text, known, places))
            swap = next(
                (
                    (j, wrong_name)
                    for j in range(creditable)
                    if earns(i, j)
                    for wrong_name in [
                        _object_swapped(
                            claim.text,
                            points[j].point,
                            elsewhere(j),
                        )
                    ]
                    if wrong_name is not None and wrong_name[0] in unknown
                ),
                None,
            )
            if swap is not None:
                found.append((i, *swap))
                continue
        if parts and not scheme.reference and not any(claims[k] in parts for k, *_ in found):
            # A whole sentence turned round by one word, which none of its parts holds with
            # enough to earn the point: "The massacre turned moderate Indians, including
            # Gandhi, in favour of British rule" for "... against British rule".
            turned = next(
                (
                    (j, wrong)
                    for j in range(creditable)
                    if earns(i, j)
                    for wrong in [_opposed(claim.text, points[j].point, asked)]
                    if wrong is not None
                ),
                None,
            )
            if turned is not None:
                found.append((i, *turned))
                continue
        if parts and (
            scheme.reference
            or not any(_DIGIT.search(c.text) and not has_verb(c.text) for c in parts)
        ):
            continue
        # (A whole sentence read for the figure of a part with no verb is read for figures
        # alone: its names belong to its parts, "Prussia and Italy fought Austria" to the
        # second, not to a point the first part earns.)
        figures_only = bool(parts)
        # Notes cover their topic, so a name they never use is the answer's own invention;
        # a reference answer is shorter than that, and answers may name what it does not.
        strangers = [] if scheme.reference else _unknown_names(claim.text, known, places)
        best = int(score[i].argmax())
        makes = {
            j
            for j in range(len(points))
            if (j < creditable and earns(i, j)) or similarity[i, j] >= calibration.fact_similarity
        }
        own_words = plain_stems(claim.text, asked)
        restated = (
            set()
            if scheme.reference
            else {j for j, p in enumerate(points) if _restates(claim.text, p.point, strangers)}
        )
        by_key = {match_key(n): n for n in names_in(claim.text)}
        own = set(by_key)
        own_names = list(by_key)
        named = {j for j, found in enumerate(names) if any(spread[n] <= _FEW for n in found & own)}
        sharing = {j for j, found in enumerate(words) if found & own_words}
        # A claim that is about a point (it makes it, comes close to meaning it, or names
        # what only that point names) with a wrong fact in it is an inaccuracy: a wrong
        # fact takes a claim further from its point's meaning, so the bar is lower than for
        # credit. Notes state the facts, so a claim in a point's own words with another year
        # gets it wrong; a reference answer is only one way to answer, so there the claim
        # must mean the point.
        # (Near in meaning alone, a claim must share a word with the point: "Apartheid
        # ended in 1994" is not about "South Africa was banned from the Olympic Games from
        # 1964", near as the two are.)
        near = similarity[i, best] >= _ABOUT and bool(
            _stems_of(claim.text) & _stems_of(points[best].point.text)
        )
        about = best in makes or near or best in named
        targets = ([best] if about else []) + sorted(restated - {best})
        for j in targets:
            point = points[j].point
            others = [points[k].point for k in (makes | restated | named | sharing) - {j}]
            wrong = contradiction(claim.text, point, others, stated, framed) or _reign_swapped(
                claim.text, point.text
            )
            if figures_only:
                if wrong is not None:
                    found.append((i, j, wrong))
                    break
                continue
            # (An acronym may be another name of what the notes name in full: "the USSR"
            # for "the Soviet Union".)
            named_anew = [name for name in strangers if not name.isupper()]
            if wrong is None and named_anew and j in restated:
                # The point's own words with a name the notes never use in place of one it
                # gives: the answer says something the notes do not ("Stalingrad was renamed
                # Leninsk", "Eden compared Nasser to Mussolini", however near in meaning). A
                # name the notes merely leave out ("the 20th Party Congress", "rivals such as
                # Beria") is no error.
                replaced = _names_left_out(claim.text, point)
                # ("the US Congress passed the Act" for "the USA passed the Act": another
                # form of the name it stands for.)
                # (Nor a fuller form of one of the point's names: "Martin Luther King" for
                # "King".) Each stands where the name it replaces stood: after the same
                # word ("to Mussolini" for "to Hitler") or before the same verb; "troops
                # under MacArthur fought at Pusan" puts no name in place of "by Chinese
                # troops".
                invented = [
                    n
                    for n in named_anew
                    if not any(_forms_of(n, r) for r in [*replaced, *names_in(point.text)])
                    and any(_in_place_of(claim.text, n, point.text, r) for r in replaced)
                ]
                # (It says something besides names: "Sir Robert Peel was Prime Minister"
                # gives him a title, and takes none of the point's words.)
                said = own_words - content_stems(" ".join(strangers)) - _TITLE_STEMS
                if (
                    invented
                    and replaced
                    and said
                    and _restates(claim.text, point, strangers, own=True)
                ):
                    # (The message names the one the new name stands for where the same
                    # word comes before both: "entered York Minster" for "entered Durham
                    # Cathedral".)
                    placed = [
                        r
                        for r in replaced
                        if any(_same_word_before(claim.text, n, point.text, r) for n in invented)
                    ] or [
                        r
                        for r in replaced
                        if any(_in_place_of(claim.text, n, point.text, r) for n in invented)
                    ]
                    # (Or the one that did what the new name does: "Khrushchev agreed" for
                    # "Stalin finally agreed".)
                    wrong = _doer_replaced(claim.text, point, invented) or (
                        ", ".join(invented),
                        f"{', '.join(placed)}: “{point.text}”",
                    )
            if wrong is None and named_anew and j in makes:
                # Who did it, named anew: "President Nixon proposed the bill" for the notes'
                # "Kennedy proposed a civil rights bill". A name the notes never use stands
                # straight before the verb that follows the point's own name, which the
                # claim leaves out.
                wrong = _doer_replaced(claim.text, point, named_anew)
            if wrong is None and j in makes and not scheme.reference:
                # ... or swapped for another the notes name in the same sentence, one actor
                # of several: "the NAACP ran the Freedom Rides" for "CORE ran the Freedom
                # Rides", where "the NAACP won court cases, SNCC organised students, and
                # CORE ran ...". (Unless the notes have that one do the same too. Names of
                # other sentences are left alone: "Hitler invaded Poland" for "Germany
                # invaded Poland" may say it another way, and "France declared war on
                # Germany" may be true where the notes tell only of Britain.)
                beside = _named_beside(points, j, names)
                named_too = [
                    by_key[n]
                    for n in own_names
                    if _named_in(n, beside) and not _words_within(by_key[n], point.text)
                ]
                if named_too:
                    wrong = _doer_replaced(
                        claim.text,
                        point,
                        named_too,
                        elsewhere(j),
                    )
            if wrong is None and j in makes and not scheme.reference:
                # ... or swapped for another person the notes name elsewhere: "Cavour met
                # Victor Emmanuel at Teano" for "Garibaldi met ...", "Nehru then called for
                # Direct Action" for "Jinnah then called ...". Only a person for a person: a
                # name the notes put "in" or "at", or give an adjective of ("German"), is a
                # place or a people, which a leader may stand for ("Hitler invaded Poland").
                # (A name opening the claim may read as a word to ``names_in``: "Nehru
                # then called"; the notes' names say it is one.)
                opening = _WORDS.match(claim.text)
                first = (
                    [opening.group()]
                    if opening
                    and opening.group()[:1].isupper()
                    and opening.group().lower() in _named_words(told)
                    else []
                )
                people = [
                    name
                    for name in dict.fromkeys([*first, *(by_key[n] for n in own_names)])
                    if name not in strangers
                    and not _words_within(name, point.text)
                    and _a_person(name, told)
                ]
                if people:
                    wrong = _doer_replaced(
                        claim.text,
                        point,
                        people,
                        elsewhere(j),
                        person=lambda name: _a_person(name, told),
                    )
            if wrong is None and j in makes and not scheme.reference:
                # ... or the one it was done to doing it: "The Scots defeated Cromwell at
                # Preston" for "Cromwell defeated the Scots at Preston".
                wrong = _roles_swapped(claim.text, point.text)
            if wrong is None and j in makes and not scheme.reference:
                # ... or what it was done to or with, named anew in the point's own words:
                # "sided with Prussia" for "most of the German states sided with Austria".
                wrong = _object_swapped(claim.text, point, elsewhere(j))
            if wrong is None and not scheme.reference and _would_make(i, j):
                wrong = _denied(claim.text, point, asked) or _opposed(claim.text, point, asked)
                if wrong is not None and _denied_alike(claim.text, others, asked):
                    wrong = None  # the notes deny it too, elsewhere: no opposite of them
            if wrong is not None:
                found.append((i, j, wrong))
                break
    return found


_TITLE_STEMS = content_stems(" ".join(TITLES))  # "Sir", "King": part of a name
_DIGIT = re.compile(r"\d")

#: Capitalised words the notes set side by side or against each other: "France and Spain",
#: "East or West", "Catholics, not Protestants".
_PAIRED = re.compile(
    r"\b([A-Z][\w'’-]+)\s*,?\s+(?:and|or|nor|not|against|versus|rather than)\s+"
    r"(?:the\s+)?([A-Z][\w'’-]+)"
)


@lru_cache(maxsize=256)
def _rivals(texts: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """Each capitalised word of a scheme's question and notes sentences (as ``side`` gives
    it) and the words it is set against: by those texts, in one phrase, or in
    ``RIVAL_SIDE``. A student who writes one where the notes say the other has mixed up two
    things the notes tell apart (a religion, a country, a side). Read once a scheme: every
    answer to it is checked against the same."""
    found: dict[str, set[str]] = {a: {b} for a, b in RIVAL_SIDE.items()}
    for text in texts:
        for pair in _PAIRED.finditer(text):
            a, b = (side(w) for w in pair.groups())
            if a != b:
                found.setdefault(a, set()).add(b)
                found.setdefault(b, set()).add(a)
    return {a: frozenset(b) for a, b in found.items()}


#: What a text says a named person, people or country is: "Mary, Queen of Scots, a
#: Catholic", "the Puritans were extreme Protestants", "Spain was a Catholic power".
_IS = re.compile(
    r"((?:[A-Z][\w'’-]+(?:,?\s+(?:of\s+|the\s+)?[A-Z][\w'’-]+)*))"
    r"(?:,|\s+(?:was|were|is|are|became))\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?([A-Z][\w'’-]+)"
)


@lru_cache(maxsize=8192)
def _attributes(text: str) -> dict[str, tuple[str, str]]:
    """What ``text`` says each name is, by the name's key: (the word as written, its side)."""
    return {
        match_key(found.group(1)): (found.group(2), side(found.group(2)))
        for found in _IS.finditer(text)
    }


def _swapped(
    claim: str, points: Sequence[Point], rivals: Mapping[str, frozenset[str]]
) -> tuple[int, tuple[str, str]] | None:
    """(the point, (what the answer says, what the notes say)) where the claim says a name
    is the rival of what a point says it is: "Mary, Queen of Scots was a Protestant" against
    "Her cousin Mary, Queen of Scots, a Catholic"."""
    ours = _attributes(claim) if rivals else {}
    for name, (word, kind) in ours.items():
        for j, point in enumerate(points):
            theirs = _attributes(point.text).get(name)
            if theirs is not None and theirs[1] in rivals.get(kind, frozenset()):
                return j, (word, f"{theirs[0]}: “{point.text}”")
    return None


def reported(wrong: list[Wrong], claims: list[Span], points: list[SchemePoint]) -> list[Inaccuracy]:
    """The inaccuracies to show: the same mistake seen in a sentence and in its part, once."""
    shown: list[Inaccuracy] = []
    for i, j, (said, notes_say) in wrong:
        claim, point = claims[i], points[j].point
        if any(w.span.overlaps(claim) and w.point_id == point.id for w in shown):
            continue
        shown.append(
            Inaccuracy(
                span=claim,
                point_id=point.id,
                answer_says=said,
                notes_say=notes_say,
                message=f"the answer says {said}; the notes say {notes_say}",
            )
        )
    return shown


def _denied(claim: str, point: Point, asked: Set[str]) -> tuple[str, str] | None:
    """(what the answer says, what the notes say) where a claim that would make a point of
    notes says the other way about what the point says with "not" (or "no", "never", "no
    longer" ...): words the one denies, the other states plainly, with no denial or hedge
    ("refused", "almost") of its own. "Its allies had to join in automatically" against
    "the alliances did not drag every member into war automatically" says what the notes
    deny; "the Entente got stronger" against "the Entente came out stronger, not weaker"
    does not, for "not" there denies "weaker"; nor does "the fine for not attending", which
    names an act rather than denying one. Shorthands are read as their words: "sent troops
    w/o declaring war" denies as "without" does.
    """
    notes, said = spelt_out(point.text), spelt_out(claim)
    if _WORD_GIVEN.search(said):
        # What someone said, promised or believed, which is no fact either way: "Norfolk
        # said the king would hold a parliament at York" is true where "no parliament at
        # York ever met"; "they believed the Americans would not defend the south".
        return None
    for denying, stating in ((notes, said), (said, notes)):
        denied = _denied_words(denying) - asked
        if denied and not _HEDGE.search(stating) and denied & plain_stems(stating, asked):
            if _says_not_in_a_prefix(stating, denying):
                continue  # "negotiated dishonestly" for "would not negotiate honestly"
            return f"“{claim.strip()}”", f"the opposite: “{point.text}”"
    # Each denies what the other gives: "spread by bad air, not water" for "spread by dirty
    # water not bad air".
    ours, theirs = _denied_words(said) - asked, _denied_words(notes) - asked
    if (
        ours
        and theirs
        and not ours & theirs
        and ours & (plain_stems(notes, asked) - theirs)
        and theirs & (plain_stems(said, asked) - ours)
    ):
        return f"“{claim.strip()}”", f"the opposite: “{point.text}”"
    return None


#: Verbs that give someone's word or belief, not a fact: what they said would be may never
#: have been.
_WORD_GIVEN = re.compile(
    r"\b(?:said|promised|pledged|claimed|demanded|announced|offered|threatened|hoped|planned|"
    r"intended|vowed|believed|thought|expected|assumed)\s+(?:that|to|there|the|a|an|he|she|"
    r"it|they|we|his|her|their|[A-Z])",
)


def _opposed(claim: str, point: Point, asked: Set[str]) -> tuple[str, str] | None:
    """(what the answer says, what the notes say) where a claim that would make a point of
    notes says what it says with one word for its opposite (``OPPOSITE_WORDS``, as written:
    "succession" is no "success"): "the USSR was ahead in the arms race" for "the USSR was
    far behind". Every other word of the claim must be the point's, so a right answer in
    other words ("Few Catholics supported the invasion" for "Many Catholics opposed it") is
    no opposite; nor is a claim that names someone the point does not ("the Allies won the
    war" may tell of "Germany lost the war" from the other side), compares (``comparisons``
    reads those), or denies or hedges ("far from ahead"). Shorthands are read as their words."""
    text, theirs = (_FAVOUR.sub("for", spelt_out(t)) for t in (claim, point.text))
    if _THAN.search(text) or _THAN.search(theirs) or _QUALIFIED.search(text):
        return None
    # (A hedge the point makes too, or the word turned itself, is none: "refused to abolish
    # serfdom" for "promised to abolish serfdom".)
    # (To end a thing turns it round too: "ended unemployment" for "brought full
    # employment".)
    hedges = {m.group().lower() for m in _TURNING.finditer(text)} - {
        m.group().lower() for m in _TURNING.finditer(theirs)
    }
    # (A point cut from its sentence's subject may be told with it: "Richard II refused to
    # abolish serfdom" for "... met the rebels at Mile End and promised to abolish serfdom".)
    sentence_names = names_in(point.source.sentence) if point.source.sentence else []
    if {match_key(n) for n in names_in(text)} - {
        match_key(n) for n in [*names_in(theirs), *sentence_names]
    }:
        return None
    said, notes = _known_words((text,)), _known_words((theirs,))
    turned = {word: sorted(_opposites(word, notes)) for word in sorted(said - notes)}
    # "a victory for the Vietcong" for "a defeat for the Vietcong" (a victory over the Armada
    # is its defeat)
    for won, lost in (*_OUTCOMES, *((b, a) for a, b in _OUTCOMES)):
        if (
            _FOR_WHOM[won].search(text)
            and _FOR_WHOM[lost].search(theirs)
            and not _FOR_WHOM[won].search(theirs)
        ):
            turned[won] = [lost]
    turned = {word: others for word, others in turned.items() if others}
    if not turned or hedges - set(turned):
        return None
    # The claim with its words turned back (each to its first opposite in the notes, and all
    # of them at once: "honest and efficient" for "corrupt and inefficient") says nothing
    # the point does not.
    back = text
    for word, others in turned.items():
        back = re.sub(rf"\b{word}\b", others[0], back, flags=re.IGNORECASE)
    # (A word that only makes it stronger adds nothing: "a great victory" for "a defeat".)
    told = plain_stems(" ".join([theirs, *sentence_names]), asked)
    if plain_stems(back, asked) - _STRONGER <= told:
        return f"“{claim.strip()}”", f"the opposite: “{point.text}”"
    return None


_THAN = re.compile(r"\bthan\b", re.IGNORECASE)
_FAVOUR = re.compile(r"\bin\s+favou?r\s+of\b", re.IGNORECASE)
#: Outcomes that say the opposite for whom they are ("a victory for the Vietcong", "a defeat
#: for the Vietcong"), though not of what ("the victory over the Armada" is its defeat).
_OUTCOMES = (("victory", "defeat"), ("success", "failure"), ("triumph", "disaster"))
_FOR_WHOM = {
    word: re.compile(rf"\b{word} for\b", re.IGNORECASE) for pair in _OUTCOMES for word in pair
}
#: The stems of words that only make what they go with stronger: "a great victory".
_STRONGER = frozenset(
    content_stems(
        "great huge massive major complete total real very really big vast utter sharply "
        "steeply dramatically rapidly greatly"
    )
)
#: Words that make a claim say less than the point, not its opposite: "few supported".
_QUALIFIED = re.compile(r"\b(?:few|little|far from)\b", re.IGNORECASE)
#: Each word of OPPOSITE_WORDS and its opposites.
_OPPOSITE: dict[str, set[str]] = {}
for _one, _other in OPPOSITE_WORDS:
    _OPPOSITE.setdefault(_one, set()).add(_other)
    _OPPOSITE.setdefault(_other, set()).add(_one)
for _one in WENT_UP:
    _OPPOSITE.setdefault(_one, set()).update(WENT_DOWN)
for _one in WENT_DOWN:
    _OPPOSITE.setdefault(_one, set()).update(WENT_UP)
for _one in JUDGED_WELL:
    _OPPOSITE.setdefault(_one, set()).update(JUDGED_BADLY)
for _one in JUDGED_BADLY:
    _OPPOSITE.setdefault(_one, set()).update(JUDGED_WELL)
#: Prefixes that say "not" of the word after them: "unfair", "illegal", "dishonest".
_NOT_PREFIX = re.compile(r"(?:un|in|im|il|ir|dis)(?=\w{4})")
#: Endings of the words such a prefix other than "un" says "not" of ("inadequate",
#: "impossible", "disloyal"), and not of a verb or a noun ("inform", "impose", "discover").
_QUALITY_END = re.compile(r"(?:able|ible|al|ant|ent|ate|ive|ous|ect|ular|ful)$")
#: Words with such a prefix that do not say "not": "invaluable" is very valuable.
_PREFIXED_ALIKE = frozenset({"invaluable", "inflammable", "unloosen", "disannul"})


def _opposites(word: str, notes: Set[str]) -> set[str]:
    """The words of ``notes`` that say the opposite of ``word``: as ``OPPOSITE_WORDS``,
    ``JUDGED_WELL`` and ``JUDGED_BADLY`` pair them, or the word with "not" in its prefix
    ("fair" and "unfair", "legal" and "illegal")."""
    found = _OPPOSITE.get(word, set()) & notes
    return found | {other for other in notes if _negates(other, word) or _negates(word, other)}


def _negates(prefixed: str, word: str) -> bool:
    """Is ``prefixed`` ``word`` with a prefix that says "not"?"""
    prefix = _NOT_PREFIX.match(prefixed)
    return (
        prefix is not None
        and prefixed[prefix.end() :] == word
        and prefixed not in _PREFIXED_ALIKE
        and (prefix.group() == "un" or _QUALITY_END.search(word) is not None)
    )


#: Words that deny what follows them in their clause; not after a preposition ("for not
#: attending" names an act). ("Avoid" alone tells an aim, not a fact: "a settlement to
#: unite the country and avoid rebellion".)
_DENIAL = re.compile(
    rf"(?<!\bfor )(?<!\bby )(?<!\bof )\b(?:no longer|avoid(?:ed|ing|s)|{NEGATIONS})\b|n't\b",
    re.IGNORECASE,
)
#: A text with any of these is no plain statement to deny: it denies, limits or hedges, or
#: says in one word that something was not done or had ("the clergy were exempt from the
#: taille" says what "the clergy did not pay the taille" says).
_HEDGE = re.compile(
    rf"{_DENIAL.pattern}|\b(?:refus|fail|stop|ceas|almost|nearly|hardly|barely|partly|only"
    # "far from being won", "political rather than military", "a problem until 1901", "feared
    # being blamed": each says "not" in other words
    r"|far from|rather than|instead of|until|till|fear|afraid|worr"
    r"|exempt|excus|spared|immun|escap|evad|avoid|lack|without|unable|forbad|forbid|banned"
    r"|prevent|denied|deny|reject|free from|freed from"
    # "demanded the abolition of the property qualification" says "no property qualification"
    r"|abolish|abolition|repeal|scrap|did away|got rid|get rid|put an end)\w*"
    # "enforced less harshly" says what "did not enforce it as harshly" says
    r"|\b(?:less|fewer)\b",
    re.IGNORECASE,
)
#: A hedge, or a verb that ends what it is said of: either turns a claim round.
_TURNING = re.compile(rf"{_HEDGE.pattern}|\b(?:end|ends|ended|ending)\b", re.IGNORECASE)
#: Where a clause ends, and the reach of a denial with it.
_CLAUSE_END = re.compile(
    r"[,;:.!?()\"“”]|\b(?:and|but|so|because|since|as|while|when|which|who)\b", re.IGNORECASE
)
#: A denial reaches this many words into its clause at most.
_REACH = 6


def _denied_alike(claim: str, others: Sequence[Point], asked: Set[str]) -> bool:
    """Does another point the claim is about deny what the claim denies? "the Pope would not
    annul his marriage" says the opposite of "He wanted an annulment" only in notes that
    never say "Pope Clement VII would not grant the annulment"."""
    denied = _denied_words(spelt_out(claim)) - asked
    return bool(denied) and any(denied & _denied_words(spelt_out(p.text)) for p in others)


def _says_not_in_a_prefix(stating: str, denying: str) -> bool:
    """Does ``stating`` deny in a prefix a word that ``denying`` gives after its "not":
    "dishonestly" of "would not negotiate honestly"?"""
    given = {w.lower() for w in _WORDS.findall(denying)}
    return any(
        (prefix := _NOT_PREFIX.match(word)) is not None and word[prefix.end() :] in given
        for word in (w.lower() for w in _WORDS.findall(stating))
    )


@lru_cache(maxsize=8192)
def _denied_words(text: str) -> frozenset[str]:
    """The content words a text denies: those after "not" (and its like) in its clause."""
    found: set[str] = set()
    for cue in _DENIAL.finditer(text):
        rest = text[cue.end() :]
        end = _CLAUSE_END.search(rest)
        words = _WORDS.findall(rest[: end.start() if end else len(rest)])[:_REACH]
        if _LATER.intersection(word.lower() for word in words):
            continue  # "The serfs were not freed until 1861" says when they were freed
        found |= _said(" ".join(words))
    return frozenset(found)


#: Words after a denial that say when, not whether: "not freed until 1861".
_LATER = frozenset({"until", "till", "before"})


def plain_stems(text: str, asked: Set[str]) -> set[str]:
    """A text's content words less its names and the question's words: what it says."""
    return set(_said(text)) - asked


@lru_cache(maxsize=8192)
def _said(text: str) -> frozenset[str]:
    # Points and answers' claims come back for every answer: read each text once.
    return frozenset(content_stems(text) - content_stems(" ".join(names_in(text))))


@lru_cache(maxsize=8192)
def _stems_of(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


def _restates(
    claim: str, point: Point, strangers: Sequence[str] = (), *, own: bool = False
) -> bool:
    """Every word of the claim (two at least) is a word of the point's sentence (with
    ``own``, of the point's own words), dates, numbers and names the notes never use aside:
    "Stalin died in 1960" restates "In March 1953 Stalin died" with another year. (A name in
    place of the point's is told by the point's own words: "the USSR threatened rockets"
    restates the other half of "The USA condemned the invasion, and the Soviet Union
    threatened to use rockets", not its "USA".)"""
    words = _stems_of(claim) - content_stems(" ".join(strangers))
    told = point.text if own else point.source.sentence
    return len(words) >= _RESTATED_WORDS and words <= _stems_of(told)


def contradiction(
    claim: str,
    point: Point,
    others: Sequence[Point] = (),
    stated: Set[str] = frozenset(),
    framed: Set[str] = frozenset(),
) -> tuple[str, str] | None:
    """(what the answer says, what the notes say) where a year or number of the claim
    disagrees with the point's, leaving out the claim's years that ``others`` (points the
    claim also makes or names) give and the numbers the notes state (``stated``, as plain
    figures: "6 million" is the notes' "six million"), and the years of the question
    (``framed``). A year
    agrees with a decade or a span that holds it ("1896" with "the late 1890s", "1925" with
    "between 1924 and 1930"); a day of the month is part of a date, not a number, and a
    date with its day ("12 October") disagrees with the point's when no day is the same
    ("14 October"; "8-9 November" holds "9 November"). A date in figures ("15/07/1099") is
    one: its year is compared as a year, its day and month as a date's, and the message says
    it as written."""
    claim_facts = _in_the_points_century(claim, facts(claim, names_in(claim)), point)
    said = _fact_values(claim, claim_facts)
    notes = _point_values(point)
    # A year in the point's own day and month ("On Direct Action Day, 16 August 1947" for
    # "16 August 1946") dates that day: not another point's year, unless of that day too.
    same_day = _days(claim) & _days(point.text)
    dated = _years_of_days(claim, same_day) if same_day else set()
    elsewhere = {
        v
        for other in others
        for v in _point_values(other)["year"]
        if v not in dated or same_day & _days(other.text)
    } | (framed - dated)
    # A claim with the point's figure right is about that figure: its year may date
    # something beside it ("12.8 million were out of work by 1933"); not so of that day.
    counted = not same_day and _agree(said["number"], claim, notes["number"], point.text)
    for kind in ("number",) if counted else ("year", "number"):
        theirs = notes[kind]
        if kind == "year":
            ours = [v for v in said[kind] if v not in elsewhere]
        else:  # a figure the notes state, in words or figures ("6 million", "six million")
            ours = [
                v
                for v in said[kind]
                if v not in framed and as_number(v.replace(",", "").lower()) not in stated
            ]
        if not theirs or not ours:
            continue
        if kind == "number":
            found = _numbers_wrong(claim, point, ours, theirs, said[kind])
            if found is None:
                continue
            ours, theirs = found
        elif any(_same_year(a, b) for a in ours for b in theirs) or _within(ours, theirs):
            continue
        return _as_written(ours, claim_facts), f"{_as_written(theirs, point.facts)}: “{point.text}”"
    # The point's month with another year ("Venice surrendered in August 1848" for "August
    # 1849: Venice, a republic since 1848, surrendered"), unless another point it makes or
    # names gives that month and year.
    months = _month_years(claim)
    if months:
        point_months = _month_years(point.text)
        for month, year in sorted(months - point_months):
            if any((month, year) in _month_years(o.text) for o in others):
                continue
            theirs_years = sorted(y for m, y in point_months if m == month)
            if theirs_years:
                name = MONTHS[month - 1]
                return f"{name} {year}", f"{name} {theirs_years[0]}: “{point.text}”"
            # ... or another month of the point's one year: "Edgehill was fought in
            # December 1642" for "in October 1642".
            theirs_months = sorted(m for m, y in point_months if y == year)
            if len(theirs_months) == 1 and not _days(claim):
                said_month, notes_month = MONTHS[month - 1], MONTHS[theirs_months[0] - 1]
                return f"{said_month} {year}", f"{notes_month} {year}: “{point.text}”"
    # Two days put the other way about between the same names in the same order: "Pakistan
    # became independent on 15 August 1947 and India on 14 August" for "... on 14 August
    # 1947 and India on 15 August".
    swapped_days = _days_swapped(claim, point.text)
    if swapped_days is not None:
        return swapped_days[0], f"{swapped_days[1]}: “{point.text}”"
    # A day the claim gives that another point it makes gives is that point's, as a year is.
    days = _days(claim) - {day for other in others for day in _days(other.text)}
    point_days = _days(point.text)
    if days and point_days and not days & point_days:
        notes_days = _days_written(point_days, point.text)
        return _days_written(days, claim), f"{notes_days}: “{point.text}”"
    # Another ordinal of the same thing: "the 17th parallel" where the notes say "the 38th".
    if _ORDINAL_OF.search(claim):
        pairs = set(_ORDINAL_OF.findall(point.text))
        things = {thing for _, thing in pairs}
        for number, thing in _ORDINAL_OF.findall(claim):
            if thing in things and (number, thing) not in pairs:
                mine = _ORDINAL_OF.search(claim, claim.find(number))
                ours_said = mine.group() if mine else number
                theirs_said = next(
                    m.group() for m in _ORDINAL_OF.finditer(point.text) if m[2] == thing
                )
                return ours_said, f"{theirs_said}: “{point.text}”"
    # The point's figure with another unit: "45 cm a year" where the notes say "45 mm".
    measures, point_measures = _measures(claim), _measures(point.text)
    for figure, unit in measures - point_measures:
        theirs_units = {
            u for f, u in point_measures if f == figure and _UNIT_KIND[u] == _UNIT_KIND[unit]
        }
        if theirs_units and unit not in theirs_units:
            return f"{figure} {unit}", f"{figure} {sorted(theirs_units)[0]}: “{point.text}”"
    return None


#: An ordinal in figures and the thing it numbers: "38th parallel", "5th Army".
_ORDINAL_OF = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)\s+([A-Za-z]+)")


#: Units a figure is measured in, each with what it measures: a figure given in one where the
#: notes give it in another of the same kind is a wrong figure ("45 cm" for "45 mm"). (Not
#: "m", which is as often a million as a metre.)
_UNIT_KIND = {
    **dict.fromkeys(("mm", "cm", "km"), "length"),
    **dict.fromkeys(("mg", "g", "kg"), "mass"),
    **dict.fromkeys(("ml", "l"), "volume"),
    **dict.fromkeys(("second", "minute", "hour", "day", "week", "month", "year"), "time"),
}
_MEASURE = re.compile(
    r"(?<![\w.,])(\d+(?:\.\d+)?)\s?("
    + "|".join(sorted(_UNIT_KIND, key=len, reverse=True))
    + r")s?(?!\w)"
)


@lru_cache(maxsize=8192)
def _measures(text: str) -> frozenset[tuple[str, str]]:
    """The figures of a text with the unit each is given in: {("45", "mm"), ("2", "year")}."""
    return frozenset(_MEASURE.findall(text))


def _in_the_points_century(claim: str, found: list[Fact], point: Point) -> list[Fact]:
    """The claim's facts, with a year it writes in two figures in the century of the point
    it is about: "the winter of Black '47" is 1847 against notes on 1846-7, as the notes'
    own "'47" is."""
    years = [int(f.value) for f in point.facts if f.kind == "year"]
    return list(centred_facts(claim, found, min(years) if years else None))


def _as_written(values: Sequence[str], given: Sequence[Fact]) -> str:
    """Years and numbers as the text writes them: the year of a date in figures as that
    date ("15/07/1099", not "1099")."""
    dates = {date_year(f.value): f.value for f in given if f.kind == "date"}
    return " and ".join(dict.fromkeys(dates.get(value, value) for value in values))


def _days_written(days: Set[tuple[int, int]], text: str) -> str:
    """Days of the month as the text writes them: "15 July", or "15/07/1099" in figures."""
    figures = {(m.month, m.day): m.written for m in numeric_dates(text)}
    shown = (
        figures.get(day, written) for day, written in zip(sorted(days), _written(days), strict=True)
    )
    return " and ".join(dict.fromkeys(shown))


#: A day of the month with its month: "14 October", "October 14th", "8-9 November", "9 and
#: 10 November", "between 16 and 28 October", "November 9-10".
_ORDINAL = r"(?:st|nd|rd|th)?"
_AND = r"\s*(?:[-–]|and|to|&)\s*"
_DAY_OF = re.compile(
    rf"\b(?P<first>\d{{1,2}}){_ORDINAL}(?:{_AND}(?P<last>\d{{1,2}}){_ORDINAL})?\s+(?:of\s+)?"
    rf"(?P<month>{MONTH})\b"
    rf"|\b(?P<before>{MONTH})\s+(?P<day>\d{{1,2}}){_ORDINAL}(?:{_AND}(?P<day_last>\d{{1,2}}))?"
    rf"{_ORDINAL}\b(?!\d)"
)


@lru_cache(maxsize=8192)
def _days(text: str) -> frozenset[tuple[int, int]]:
    """The days of the month a text gives, as (month, day): "8-9 November" is two days, and
    so is "9 and 10 November"; a range is every day in it. "15/07/1099" is 15 July."""
    found = {(m.month, m.day) for m in numeric_dates(text) if m.month and m.day}
    for match in _DAY_OF.finditer(text):
        month, first = _day_of(match)
        last = int(match["last"] or match["day_last"] or first)
        found |= {(month, day) for day in range(first, max(first, last) + 1) if 1 <= day <= 31}
    return frozenset(found)


def _days_swapped(claim: str, point: str) -> tuple[str, str] | None:
    """(the claim's days, the point's) where both give the same two days or more, each
    beside the same names in the same order, but in another order."""
    mine, theirs = list(_DAY_OF.finditer(claim)), list(_DAY_OF.finditer(point))
    ours, its = [_day_of(m) for m in mine], [_day_of(m) for m in theirs]
    if len(set(ours)) < 2 or sorted(ours) != sorted(its) or ours == its:
        return None
    if [match_key(n) for n in names_in(claim)] != [match_key(n) for n in names_in(point)]:
        return None
    return " and ".join(m.group() for m in mine), " and ".join(m.group() for m in theirs)


def _day_of(match: re.Match[str]) -> tuple[int, int]:
    """(month, first day) of a ``_DAY_OF`` match: (11, 8) of "8-9 November"."""
    month = MONTHS.index(match["month"] or match["before"]) + 1
    return month, int(match["first"] or match["day"])


def _years_of_days(text: str, days: Set[tuple[int, int]]) -> set[str]:
    """The years ``text`` writes straight after one of ``days``: "1947" of "16 August 1947"."""
    years = set()
    for match in _DAY_OF.finditer(text):
        year = _YEAR_AFTER_DAY.match(text, match.end())
        if year is not None and _day_of(match) in days:
            years.add(year[1])
    return years


_YEAR_AFTER_DAY = re.compile(r",?\s+(\d{4})\b")


@lru_cache(maxsize=8192)
def _month_years(text: str) -> frozenset[tuple[int, str]]:
    """The months a text gives with their years, as (month, year): "August 1849"."""
    return frozenset((MONTHS.index(m[1]) + 1, m[2]) for m in _MONTH_YEAR.finditer(text))


_MONTH_YEAR = re.compile(rf"\b({MONTH})\s+(?:of\s+)?(\d{{4}})\b")


# A share in figures or in words: "97%", "14 per cent", "nearly sixty per cent".
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS | set(UNITS) | set(TENS), key=len, reverse=True))
_SHARE = re.compile(
    rf"(\d[\d.,]*|\b(?:{_NUMBER_WORD})(?:-(?:{_NUMBER_WORD}))?)\s*(?:%|per\s?cent\b|percent\b)",
    re.IGNORECASE,
)


def _share_values(text: str) -> set[str]:
    """The numbers a text gives as shares ("97%", "14 per cent", "sixty per cent")."""
    return {m.group(1).replace(",", "").lower() for m in _SHARE.finditer(text)}


def _numbers_wrong(
    claim: str,
    point: Point,
    ours: Sequence[str],
    theirs: Sequence[str],
    every: Sequence[str] = (),
) -> tuple[list[str], list[str]] | None:
    """The claim's numbers against the point's, shares with shares and counts with counts:
    "the first two estates" counts estates, where the notes' "97%" is a share of the
    people; "60% of the 26 million" gets the share wrong all the same. A claim that gives
    the point's own figure of a kind (one of ``every``, all its numbers, those the notes
    state elsewhere too) counts other things with its others: "left the two countries
    hostile for twenty years" for "hostile for twenty years". (Not the same things: "30,000
    men" and "8,000 men" may be the rebels' and the army's, swapped.)"""
    claim_shares, point_shares = _share_values(claim), _share_values(point.text)
    for as_shares in (True, False):
        mine = _alike(ours, claim_shares, as_shares)
        notes = _alike(theirs, point_shares, as_shares)
        given = _alike(every, claim_shares, as_shares)
        if (
            given
            and notes
            and _agree(given, claim, notes, point.text)
            and all(
                _counted(claim, v)
                and _counted(claim, v) not in {_counted(point.text, t) for t in notes}
                for v in mine
            )
        ):
            continue
        if mine and notes and not _agree(mine, claim, notes, point.text):
            ranges = _ranges(point.text)
            if ranges and all(_in_a_range(value, ranges) for value in _plain(mine)):
                continue  # "2.5m" of "2.5-3m", "40%" of "25-50%"
            return mine, notes
    return None


def _counted(text: str, value: str) -> str:
    """The word after a number, what it counts ("men" of "8,000 men"); "" if none."""
    at = text.find(value)
    found = _COUNTED_WORD.match(text, at + len(value)) if at >= 0 else None
    return found[1] if found else ""


_COUNTED_WORD = re.compile(r"\s+([a-z]+)")


# A range of figures with one scale or sign after it: "2.5-3m", "25-50%", "18 to 30".
_RANGE = re.compile(
    r"(?<![\d.,])(?<!\bfrom )(\d[\d.,]*)\s*(?:[-–]|to)\s*(\d[\d.,]*)"  # (not "from 2 to 6")
    rf"(\s*(?:{SHORT_SCALE}|%)\b|\s+{SCALE_WORD}\b)?",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _ranges(text: str) -> tuple[tuple[float, float], ...]:
    """The ranges of figures a text gives, each as (low, high) plain numbers: "2.5-3m" is
    (2500000, 3000000)."""
    found = []
    for match in _RANGE.finditer(text):
        scale = (match[3] or "").replace("%", "")  # " million", "m", or nothing
        ends = [as_number(figure.replace(",", "") + scale) for figure in match.groups()[:2]]
        if all(_FIGURE.fullmatch(end) for end in ends):
            low, high = (float(end) for end in ends)
            if low < high:  # (not a span of years written short: "1929-33")
                found.append((low, high))
    return tuple(found)


_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _agree(ours: Sequence[str], claim: str, theirs: Sequence[str], notes: str) -> bool:
    """Does any number of the claim's (``ours``, as written) agree with one of the notes':
    the same amount, or one the other gives rounded ("about 13 million" for the notes' 12.8
    million)?"""
    mine, told = _amounts(ours), _amounts(theirs)
    if mine & told:
        return True
    rough = _amounts([value for value in ours if _rough(value, claim)])
    roughly_told = _amounts([value for value in theirs if _rough(value, notes)])
    return any(_rounds_to(a, b) for a in rough for b in told) or any(
        _rounds_to(b, a) for b in roughly_told for a in mine
    )


# Words that give an amount as near, not exact: "about 13 million", "under 8 million".
_NEAR = re.compile(rf"\b(?:{'|'.join(ROUGHLY + BOUNDS)}|approx\.|c\.|circa|~)\s*$", re.IGNORECASE)
_SCALED_VALUE = re.compile(rf"\d\s*(?:{SHORT_SCALE}|{SCALE_WORD})\b", re.IGNORECASE)


def _rough(value: str, text: str) -> bool:
    """Is a number (as ``text`` writes it) given as a round amount, which may be another
    rounded: with a scale ("8 million", "2.5m") or a word that says it is near ("about
    1,400")? A bare figure is exact: "1380" is no rounding of the year 1381."""
    if _SCALED_VALUE.search(value):
        return True
    at = text.find(value)
    return at >= 0 and _NEAR.search(text, max(0, at - 20), at) is not None


#: How far a rounded amount may be from the one it rounds, as a share of that one: "8
#: million" for 7.7 million is a rounding, "10 per cent" for 14 per cent a wrong figure.
_ROUNDING = Decimal("0.1")


def _rounds_to(rough: str, exact: str) -> bool:
    """Is the plain figure ``rough`` the figure ``exact`` rounded, as answers give amounts:
    to the place of its own last figure that is not a nought, and by less than a tenth of
    it ("13000000" for "12800000", "8" for "7.7"; not "12" for "12.8")?"""
    if not (_FIGURE.fullmatch(rough) and _FIGURE.fullmatch(exact)):
        return False
    given, told = Decimal(rough), Decimal(exact)
    if not given or given == told:
        return False  # (the same figure agrees already, and nothing is zero rounded)
    exponent = given.normalize().as_tuple().exponent  # of its last figure not a nought
    assert isinstance(exponent, int)  # (a figure: never infinite, never not a number)
    place = Decimal(1).scaleb(exponent)
    rounded = (told / place).quantize(Decimal(1), rounding=ROUND_HALF_UP) * place
    return rounded == given and abs(given - told) <= _ROUNDING * told


def _in_a_range(value: str, ranges: Sequence[tuple[float, float]]) -> bool:
    return _FIGURE.fullmatch(value) is not None and any(
        low <= float(value) <= high for low, high in ranges
    )


def _alike(values: Sequence[str], shares: set[str], as_shares: bool) -> list[str]:
    """The values that are shares (``as_shares``) or that are not."""
    return [v for v in values if (v.replace(",", "").lower() in shares) == as_shares]


def _written(days: Set[tuple[int, int]]) -> list[str]:
    return [f"{day} {MONTHS[month - 1]}" for month, day in sorted(days)]


def _amounts(values: Sequence[str]) -> set[str]:
    """Numbers as plain figures, each also without its scale word: "12.8" in "12.8 to 7.7
    million" is 12.8 million."""
    found = set(_plain(values))
    for value in values:
        head = re.match(rf"[\d.,]+(?=\s+{SCALE_WORD}\b)", value)
        if head:
            found.add(as_number(head.group().replace(",", "")))
    return found


# "a few hundred", "thousands": no figure to get wrong.
_VAGUE = frozenset({"hundred", "thousand", "million", "billion", "hundreds", "thousands"})


_DECADE = re.compile(rf"\b({FACT_DECADE})[’']?s\b")


_FACT_YEAR = re.compile(FACT_YEAR)
# A year a question gives, early ("1412", a number to the facts) or late.
_QUESTION_YEAR = re.compile(rf"(?<![\d,.])\b{YEAR}\b(?![,.]?\d)")
_YEAR_SPAN = re.compile(rf"\b({FACT_YEAR})\s*[-–]\s*(\d\d)\b(?![-–\d])")


def _point_values(point: Point) -> Mapping[str, Sequence[str]]:
    """``_fact_values`` of a point: read once, for every claim of every answer set beside it."""
    return _given_values(point.text, point.facts)


@lru_cache(maxsize=8192)
def _given_values(text: str, given: tuple[Fact, ...]) -> Mapping[str, Sequence[str]]:
    return MappingProxyType({k: tuple(v) for k, v in _fact_values(text, given).items()})


def _fact_values(text: str, given: Sequence[Fact] | None = None) -> dict[str, list[str]]:
    """A text's years (a decade as "1890s", "1912-13" as 1912 and 1913, a date's own) and
    numbers (not days of the month, nor a span's second year). A date in figures gives its
    year as the year alone would be read: "4/8/1914" a year, "15/07/1099" a number, as
    "1099" is."""
    found = list(given) if given is not None else facts(text, [])
    days = {n for m in _DAY_OF.finditer(text) for n in re.findall(r"\d+", m.group())}
    decades = {m.group(1) for m in _DECADE.finditer(text)}
    spans = {m.group(2): m.group(1)[:2] + m.group(2) for m in _YEAR_SPAN.finditer(text)}
    years = [f.value + "s" if f.value in decades else f.value for f in found if f.kind == "year"]
    years += [full for full in spans.values() if full not in years]
    numbers = [f.value for f in found if f.kind == "number" and f.value not in days | set(spans)]
    # An earlier year where a year is written: "by about 1450", "in 1381" ("1200 men" and "a
    # force of 1200" count).
    early = [n for n in numbers if _EARLY_YEAR.fullmatch(n) and _written_as_year(text, n)]
    years += [n for n in early if n not in years]
    numbers = [n for n in numbers if n not in early]
    for year in (date_year(f.value) for f in found if f.kind == "date"):
        kind = years if _FACT_YEAR.fullmatch(year) or _EARLY_YEAR.fullmatch(year) else numbers
        if year not in kind:
            kind.append(year)
    # Fact values as facts() gives them; a year given twice counts once.
    return {"year": list(dict.fromkeys(years)), "number": numbers}


#: A year before those ``FACT_YEAR`` reads, in four figures.
_EARLY_YEAR = re.compile(r"1[0-4]\d\d")
#: The words that go before a year: "in", "by about", "until c.", a month ("June 1381").
_BEFORE_YEAR = re.compile(
    r"\b(?:(?i:in|by|until|till|since|before|after|from|during|around|c\.|circa)"
    rf"|{MONTH_OR_SHORT})\s+(?:(?i:about|around|c\.|circa)\s+)?$"
)


def _written_as_year(text: str, value: str) -> bool:
    return any(
        _BEFORE_YEAR.search(text, 0, m.start())
        for m in re.finditer(rf"(?<![\d,.]){value}(?![\d,.]\d|\d)", text)
    )


def _same_year(a: str, b: str) -> bool:
    if a.endswith("s") or b.endswith("s"):
        return a.rstrip("s")[:3] == b.rstrip("s")[:3]
    return a == b


def _within(ours: Sequence[str], theirs: Sequence[str]) -> bool:
    """A year inside the span of years the point gives ("between 1924 and 1930")."""
    plain = [int(y.rstrip("s")) for y in theirs]
    return len(plain) > 1 and any(min(plain) <= int(y.rstrip("s")) <= max(plain) for y in ours)


def _plain(values: Sequence[str]) -> list[str]:
    return [as_number(v.replace(",", "").lower()) for v in values]


def clear_caches() -> None:
    """Forget the texts read before (for benchmarks and tests that mark with nothing kept)."""
    for cached in (
        _known_words,
        _named_words,
        _days,
        _month_years,
        _given_values,
        _denied_words,
        _said,
        _stems_of,
        _rivals,
        _ranges,
        _measures,
    ):
        cached.cache_clear()
