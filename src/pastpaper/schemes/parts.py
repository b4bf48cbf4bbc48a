"""Which sibling question each part of a family's notes answers.

Several past-paper questions often sit above one block of notes, and the notes answer them
part by part: a paragraph on the naval race for "In what ways did rivalry between Britain and
Germany grow", sections headed "Morocco." and "The Balkans." for "Explain why the crises in
Morocco and the Balkans made a general war more likely". ``claimants(questions, notes)``
tells, for each paragraph, which of the questions it answers.

A part is a paragraph with the bullet list that follows it, a lead-in ("Reason / Detail:",
"Notes:") with the rows under it, or a Markdown heading with all it heads. A part leaves a
question when its opening (its heading or first sentence) names what a sibling asks and this
question does not ("Morocco." beside "rivalry between Britain and Germany"), and its body
uses next to none of this question's own words. Words are weighed by how few parts of the
notes use them and how rare they are in English ("Morocco" over "Germany" and "war"). A part
that answers several questions, or that no sibling's words open, is every question's; so is
every part for a question alone in its family, and for one that asks how far something was
the main cause, which weighs every other cause the notes give.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, pairwise

from pastpaper.course import command_word
from pastpaper.language import (
    MONTHS,
    NOT_CONTENT,
    PARTICIPLES,
    STOP_WORDS,
    may_be_base_verb,
    spelt_out,
    stem,
    word_rarity,
)
from pastpaper.schemes.points import asks_reasons
from pastpaper.schemes.terms import names_in
from pastpaper.text import LIST_MARK, match_key

__all__ = [
    "claimants",
    "clear_caches",
    "content_words",
    "frame_verbs",
    "headed_as",
    "label_asks",
    "leads_up",
    "named_apart",
    "of_other_kind",
    "opening_of",
    "parts_of",
    "weighs_all",
]

#: The share of a question's words (by weight) that a part must use to answer it.
CLAIM = 0.3
#: A question that uses this share of its words in a part is never sent away from it.
LOW = 0.15
#: How much the words that name a sibling's subject in a part's opening must weigh: an
#: everyday word such as "war" (weighed at half) names nothing unless it stands in one part
#: of five or fewer (log 5 / 2); "Morocco" in one part of four (log 4) does.
NAMED = 0.8
#: How far ahead of a question one sibling must be on a part to take it from that question.
AHEAD = 3.0
#: How much a word only one question asks must weigh to be its subject: a word of one part
#: in four or five, or rarer in English where more parts use it ("Puritans", "Morocco").
SUBJECT = 1.0

_LIST_ITEM = re.compile(rf"^\s*{LIST_MARK}\s+")
_HEADING = re.compile(r"^#{1,6}\s")
# A row of a table or list under a lead-in: a short label, a colon, then what it says.
_ROW = re.compile(r"^[^.:\n]{1,60}:\s")
# A question that asks how far one thing was the main cause weighs it against every other
# cause the notes give: each part is evidence for it.
_WEIGHS_ALL = re.compile(
    r"(?=[bcgkmp])\b(?:main|most important|chief|principal|key|greatest|biggest)\s+"
    r"(?:reason|cause|factor|explanation)s?\b",
    re.IGNORECASE,
)
# ... and so does one that asks how far one thing explains, caused or is to blame for
# another: "To what extent did foreign help explain the Nationalist victory?".
_WEIGHS_ONE = re.compile(
    r"\b(?:explain(?:s|ed)?|account(?:s|ed)? for|responsible for|to blame for|caused?)\b",
    re.IGNORECASE,
)


def weighs_all(question: str) -> bool:
    """Does the question weigh one cause against every other the notes give?"""
    if _WEIGHS_ALL.search(question):
        return True
    return command_word(question) in ("how far", "to what extent") and bool(
        _WEIGHS_ONE.search(question)
    )


# What a heading says its part gives: the reasons for something, its results, a verdict on it.
# A heading or label that gives reasons: "Why trust broke down", "Causes", "Reason / Detail".
_REASONS_HEADING = re.compile(r"(?:why|reasons?|causes?|motives?)\b", re.IGNORECASE)
_HEADED = (
    ("reasons", _REASONS_HEADING),
    (
        "results",
        re.compile(r"(?:results?|effects?|consequences?|impact|outcomes?)\b", re.IGNORECASE),
    ),
    (
        "judgement",
        re.compile(
            r"(?:how far|to what extent|how successful|assessment|verdict|judgement|"
            r"evaluation|success or failure)\b",
            re.IGNORECASE,
        ),
    ),
)
# A short first sentence that says what its paragraph gives: "The effects were huge.", "The
# main reasons were economic." (what it gives, in ``what``).
_ANNOUNCES = re.compile(
    r"(?:the\s+)?(?P<what>(?:(?:main|chief|other|long-term|short-term|immediate)\s+)?"
    r"(?:results?|effects?|consequences?|impact|reasons?|causes?))\s+"
    r"(?:(?:were|was|are|is)\s+[a-z]+(?:[ -][a-z]+)?[.!](?:\s|$)|"
    # ... or what it gives for what: "The main reason for the nationalisation was money"
    r"(?:for|behind|of)\s+[^.;:\n]{1,60}?\s(?:were|was|are|is)\b)",
    re.IGNORECASE,
)
_QUALIFIED = re.compile(
    r"^(?:other|more|main|key|further|long-term|short-term|immediate)\s+", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.?!:](?:\s|$)|\n")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


# A paragraph that opens on a bold label of its own, a run-in heading: "**Cromwell's role.**
# Thomas Cromwell ...", "**Other factors**: ..." (not "**Luther** nailed ...": a name).
_RUN_IN = re.compile(
    r"(?:\*\*|__)(?P<label>[^*_\n]{1,60}?)(?:[.:](?:\*\*|__)|(?:\*\*|__)[.:])(?=\s|$)"
)


# A family's paragraphs are read for their labels by each scheme's parts, sides and headings.
@lru_cache(maxsize=8192)
def part_label(note: str) -> str | None:
    """What a paragraph that opens a part says its part is about: a heading's words ("###
    Cromwell's role"), or a run-in heading's ("**Other people.** But Henry ..."); else None."""
    text = note.strip()
    if _HEADING.match(text):
        return text.lstrip("#").strip()
    found = _RUN_IN.match(text) or _LABEL_OVER_LIST.match(text)
    return found["label"] if found else None


# A label on a line of its own over a list: "Other factors:\n- Trotsky ran the MRC ...".
_LABEL_OVER_LIST = re.compile(rf"(?P<label>[^\n:]{{1,60}}):[ \t]*\n(?={LIST_MARK}\s)")


@lru_cache(maxsize=8192)
def _label(text: str) -> str | None:
    """A paragraph's label, if it opens a part with one: its heading's or run-in heading's
    words (``part_label``), or a lead-in line's ("Reason / Detail:" without its colon)."""
    line = text.partition("\n")[0]
    return part_label(text) or (line.rstrip(":") if _lead_in(line) else None)


def parts_of(notes: Sequence[str]) -> list[int]:
    """For each paragraph, the index of the part it belongs to. A bullet list joins the
    paragraph it follows; the rows of a table or list under a lead-in ("Reason / Detail:",
    "Notes:") join the lead-in; a heading ("### Why trust broke down") opens a part that runs
    to the next heading, and so does a run-in heading ("**Cromwell's role.** He ...")."""
    return list(_parts_of(tuple(notes)))


# Each scheme of a family reads its parts for its claimants, headings, labels and kinds.
@lru_cache(maxsize=256)
def _parts_of(notes: tuple[str, ...]) -> tuple[int, ...]:
    part: list[int] = []
    section = False  # inside a heading's section
    lead = False  # after a lead-in, whose rows follow
    for note in notes:
        text = note.strip()
        if _HEADING.match(text) or _RUN_IN.match(text):
            part.append(part[-1] + 1 if part else 0)
            section, lead = True, False
            continue
        joins = bool(part) and (
            section or _LIST_ITEM.match(text) is not None or (lead and _ROW.match(text) is not None)
        )
        part.append(part[-1] if joins else (part[-1] + 1 if part else 0))
        if _lead_in(text):
            lead = True
        elif not joins:
            lead = False
    return tuple(part)


def _lead_in(text: str) -> bool:
    """A short line that introduces what follows it: "Notes:", "When / What Caesar did:"."""
    return "\n" not in text and text.endswith(":") and len(text.split()) <= 8


def claimants(questions: Sequence[str], notes: Sequence[str]) -> list[frozenset[int]]:
    """For each paragraph of ``notes``, the indices of the ``questions`` it answers (every
    question's, where it is shared or unclaimed)."""
    return list(_claimants(tuple(questions), tuple(notes)))


def clear_caches() -> None:
    """Forget the families seen before (for benchmarks that time the work itself)."""
    _claimants.cache_clear()
    _parts_of.cache_clear()
    _label.cache_clear()
    part_label.cache_clear()
    _heading_names.cache_clear()
    content_words.cache_clear()
    _frame_verbs.cache_clear()


@lru_cache(maxsize=256)
def _claimants(questions: tuple[str, ...], notes: tuple[str, ...]) -> tuple[frozenset[int], ...]:
    everyone = frozenset(range(len(questions)))
    part_of = parts_of(notes)
    count = part_of[-1] + 1 if part_of else 0
    if len(questions) < 2 or count < 2:
        return tuple(everyone for _ in notes)
    words: list[set[str]] = [set() for _ in range(count)]
    openings: list[set[str] | None] = [None] * count
    spelt: dict[str, str] = {}
    first_notes: dict[int, str] = {}
    for note, part in zip(notes, part_of, strict=True):
        found = _words(note)
        words[part] |= set(found)
        spelt.update(found)
        if openings[part] is None:
            openings[part] = _keys(opening_of(note))
            first_notes[part] = note
    used = Counter(chain.from_iterable(words))
    # A word tells a part's subject the fewer parts use it, and the rarer it is in English
    # ("Morocco" over "war"). Only the words the questions ask are ever weighed.
    words_asked = [_asked(q) for q in questions]
    wanted = set().union(*words_asked) & used.keys()
    weight = {key: math.log(count / used[key]) * _rare(spelt[key]) for key in wanted}
    asked = [{key for key in keys if weight.get(key, 0.0) > 0} for keys in words_asked]
    share = [[_share(a, part, weight) for part in words] for a in asked]
    weighs = [weighs_all(q) for q in questions]
    # A part whose opening names what a sibling weighs as the main cause ("### Financial
    # crisis" beside "To what extent was the financial crisis the main cause of the
    # Revolution?") gives a cause, and a question asking why is asking for causes.
    asks_why = [asks_reasons(q, command_word(q)) for q in questions]
    causes = [
        any(weighs[s] and _names(asked[s], opening or set(), set(), weight) for s in everyone)
        for opening in openings
    ]
    owners: list[set[int]] = [set(everyone) for _ in range(count)]
    for part, opening in enumerate(openings):
        for q, theirs in enumerate(asked):
            if weighs[q] or share[q][part] >= LOW or (asks_why[q] and causes[part]):
                continue
            for sibling, claim in enumerate(asked):
                if sibling == q:
                    continue
                # What the part's opening (its heading, its topic sentence) names of what
                # the sibling asks and this question does not.
                said = _names(claim, opening or set(), theirs, weight)
                if said and share[q][part] * AHEAD < said:
                    owners[part].discard(q)
                    break
    # A part about what only a sibling asks ("the Catholic threat") that never names what only
    # this question asks ("the Puritans"), and uses few of its words, answers the sibling,
    # however its opening reads.
    subjects = _subjects(asked, weight)
    for q, mine in enumerate(subjects):
        if weighs[q] or not mine:
            continue
        theirs = set().union(*(s for sibling, s in enumerate(subjects) if sibling != q))
        for part, used_here in enumerate(words):
            if asks_why[q] and causes[part]:
                continue
            if share[q][part] < CLAIM and not mine & used_here and theirs & used_here:
                owners[part].discard(q)
    # A part whose opening begins with what a sibling asks about, in words that set it
    # against what this question asks ("Soft engineering works with the river instead."
    # beside "In what ways can hard engineering reduce the risk of flooding?"), is the
    # sibling's, however common the words.
    pairs = [_pairs(q) for q in questions]
    for part, note in first_notes.items():
        leading = _leading_pair(opening_of(note))
        if leading is None:
            continue
        for q, asked_pairs in enumerate(pairs):
            if (
                weighs[q]
                or leading in asked_pairs
                or not any(head == leading[1] for _, head in asked_pairs)
            ):
                continue
            if any(leading in other for s, other in enumerate(pairs) if s != q):
                owners[part].discard(q)
    # A part that opens on a plain sentence naming nothing any question asks goes on from
    # the part before it ("Missionary priests kept the faith alive." after the part on the
    # Catholic threat): a question the part before does not answer, and whose own subject
    # this part never names, is not answered by it either. (A heading or a label opens a
    # part of its own: "Reason / Detail:" after "When / What Caesar did:"; and an opening
    # that speaks of both or all, "Both were met with force.", goes on from every part.)
    every = set().union(*asked)
    own_words = [
        theirs - set().union(*(a for s, a in enumerate(asked) if s != q))
        for q, theirs in enumerate(asked)
    ]
    labelled = [False] * count
    for part, note in first_notes.items():
        text = note.strip()
        labelled[part] = _label(text) is not None or _SPANS.match(text) is not None
    for part in range(1, count):
        if owners[part] != set(everyone) or labelled[part] or (openings[part] or set()) & every:
            continue
        for q in everyone - owners[part - 1]:
            if not weighs[q] and not own_words[q] & words[part] and share[q][part] < CLAIM:
                owners[part].discard(q)
    return tuple(frozenset(owners[part]) for part in part_of)


def _ordered(text: str) -> list[str]:
    """A text's content words in order, each cut to its root as ``_words`` cuts them."""
    read = match_key(spelt_out(text))
    return [
        stem(w)[:6]
        for w in _TOKEN.findall(read)
        if w not in NOT_CONTENT and len(w) > 2 and w not in STOP_WORDS
    ]


@lru_cache(maxsize=4096)
def _pairs(question: str) -> frozenset[tuple[str, str]]:
    """The pairs of content words a question asks side by side: ("hard", "engine") of "hard
    engineering", ("second", "new") and ("new", "deal") of "the Second New Deal"."""
    asked = _asked(question)
    keys = [key for key in _ordered(question) if key in asked]
    return frozenset(pairwise(keys))


def _leading_pair(opening: str) -> tuple[str, str] | None:
    """The first two content words of an opening, where it begins with them: ("soft",
    "engine") of "Soft engineering works with the river instead"."""
    words = opening.split()
    keys = _ordered(" ".join(words[:2]))
    return (keys[0], keys[1]) if len(keys) == 2 else None


# An opening that speaks of what went before together: "Both were met with force.", "All
# three ...", "Neither side ...", "In each case ...".
_SPANS = re.compile(
    r"^(?:in\s+)?(?:both|all|each|neither|either|together|the\s+(?:two|three|four))\b", re.I
)


def _names(claim: set[str], opening: set[str], theirs: set[str], weight: dict[str, float]) -> float:
    """How much of what a sibling asks (``claim``) a part's opening names, of what this
    question (``theirs``) does not ask: its share by weight, 0 where it names too little."""
    named = claim & opening - theirs
    said = _share(claim, named, weight)
    strong = sum(weight[key] for key in named) >= NAMED
    return said if strong and said >= CLAIM else 0.0


def _subjects(asked: list[set[str]], weight: dict[str, float]) -> list[set[str]]:
    """Each question's own subject: the words it asks about and no sibling does, less the
    nouns of its frame ("the steps", "the main features"), and only words that tell a part
    (few parts use them, rare in English): "Puritans" beside "the Catholic threat"."""
    found = []
    for q, keys in enumerate(asked):
        others = set().union(*(k for sibling, k in enumerate(asked) if sibling != q))
        found.append({k for k in keys - others - _frame() if weight[k] > SUBJECT})
    return found


def headed_as(notes: Sequence[str]) -> list[str | None]:
    """For each paragraph, what its part's heading or lead-in says the part gives: "reasons"
    ("Reason / Detail:", "### Why trust broke down", "Causes:"), "results" ("### Results",
    "Effects:"), a "judgement" ("### How far a victory", "Assessment:"), or None."""
    part_of = parts_of(notes)
    headed: dict[int, str | None] = {}
    for note, part in zip(notes, part_of, strict=True):
        if part not in headed:
            text = note.strip()
            heading = _HEADING.match(text) is not None or _lead_in(text)
            title = text.lstrip("#").strip()
            # A label on the line above its list: "Other reasons" over "- coal + iron ...".
            first, _, rest = text.partition("\n")
            if not heading and _LIST_ITEM.match(rest) and _lead_in(first.rstrip(":") + ":"):
                heading, title = True, first
            title = _QUALIFIED.sub("", title)  # "Other reasons", "Main results"
            headed[part] = next(
                (kind for kind, pattern in _HEADED if heading and pattern.match(title)), None
            )
    return [_announced(note) or headed[part] for note, part in zip(notes, part_of, strict=True)]


def label_asks(question: str, siblings: Sequence[str], notes: Sequence[str]) -> list[int | None]:
    """For each paragraph, the sibling (by its place in ``siblings``) that its part's label
    names and ``question`` does not: "Lenin and the Bolsheviks:" over a list, beside "Why
    were the Bolsheviks able to seize power?", for "Describe the weaknesses of the
    Provisional Government"; else None. A label that names any word the question asks
    ("Provisional Government:") or none a sibling asks ("Other factors:") gives nothing."""
    mine = _asked(question)
    # (what a sibling asks about, not when: "March" of "abdicate in March 1917" names no
    # part labelled "February/March 1917")
    theirs = [_asked(sibling) - mine - _months() for sibling in siblings]
    found: dict[int, int | None] = {}
    part_of = parts_of(notes)
    for note, part in zip(notes, part_of, strict=True):
        if part in found:
            continue
        label = _label(note.strip())
        keys = _keys(label) if label else set()
        found[part] = (
            None
            if not keys or keys & mine
            else next((at for at, asked in enumerate(theirs) if keys & asked), None)
        )
    return [found[part] for part in part_of]


def named_apart(question: str, notes: Sequence[str]) -> list[str | None]:
    """For each paragraph, the name its part's heading gives where the notes head one part
    by a name ``question`` asks about and this one by others: "### The Truman Doctrine"
    beside "### The Marshall Plan", for "How successful was the Marshall Plan?"; "### The
    First Punic War" beside "### The Second Punic War"; else None. A heading that names
    nothing ("### Results", "### Detail") is every question's, and where no heading names
    what the question asks, none is set apart."""
    part_of, named = _heading_names(tuple(notes))
    if not any(keys for _, keys in named):  # (most notes: no heading names anything)
        return [None] * len(notes)
    asked = [_keys(name) for name in names_in(question)]
    asked = [keys for keys in asked if keys]
    if not asked:
        return [None] * len(notes)

    def own(keys: frozenset[str]) -> bool:  # names the whole of a name the question asks
        return any(name <= keys for name in asked)

    if not any(own(keys) for _, keys in named):
        return [None] * len(notes)
    return [None if not said or own(keys) else said for said, keys in (named[p] for p in part_of)]


# Each question of a family asks, of the same notes.
@lru_cache(maxsize=256)
def _heading_names(
    notes: tuple[str, ...],
) -> tuple[tuple[int, ...], tuple[tuple[str, frozenset[str]], ...]]:
    """The part of each paragraph, and for each part the names its heading gives (joined,
    and as keys): "" and none where it has no heading or its heading names nothing."""
    part_of = parts_of(notes)
    named: list[tuple[str, frozenset[str]]] = []
    for note, part in zip(notes, part_of, strict=True):
        if part == len(named):
            label = part_label(note.strip())
            names = names_in(label) if label else []
            named.append((" and ".join(names), frozenset(_keys(" ".join(names)))))
    return tuple(part_of), tuple(named)


def leads_up(question: str, reasons: bool, notes: Sequence[str]) -> list[bool]:
    """For each paragraph, does it come before the part whose label says it gives what the
    question asks for: "His first steps, 1923-24:" for "Describe the steps Stresemann
    took", "Cause / How it angered the nobles:" for a question asking why (``reasons``)?
    What comes before such a part leads up to it ("Stresemann became Chancellor on 13 August
    1923, at the very worst point of the hyperinflation"). All False where no label says so."""
    wanted = _keys(question) & _frame()
    if not wanted and not reasons:
        return [False] * len(notes)  # (no label could say it gives what the question asks)
    first = None
    for at, note in enumerate(notes):
        label = _label(note.strip())
        if label is None:
            continue
        if _keys(label) & wanted or (reasons and _REASONS_HEADING.match(_QUALIFIED.sub("", label))):
            first = at
            break
    return [first is not None and at < first for at in range(len(notes))]


def _announced(note: str) -> str | None:
    """What a paragraph says it gives in its first words, if it does: "The effects were
    huge." (results), "The main reason for the nationalisation was money ..." (reasons)."""
    announced = _ANNOUNCES.match(note.strip())
    if announced is None:
        return None
    what = _QUALIFIED.sub("", announced["what"])
    return next((kind for kind, pattern in _HEADED if pattern.match(what)), None)


# Kinds of cause and effect that exclude each other, as a question's word before "causes",
# "factors" or "effects" names one: physical or human, long-term or short-term.
_KINDS_APART = (
    (frozenset({"physical", "natural"}), frozenset({"human", "man-made", "manmade"})),
    (
        frozenset({"long-term", "underlying"}),
        frozenset({"short-term", "immediate", "trigger"}),
    ),
)
_KIND_ASKED = re.compile(
    r"\b(?P<kind>[a-z]+(?:-[a-z]+)?)\s+(?:causes?|reasons?|factors?|effects?|consequences?|"
    r"impacts?|results?)\b",
    re.IGNORECASE,
)
# A part speaks of a kind where it names it as one: "human decisions", "the immediate
# effect", "the trigger", "the causes are natural" (not "a natural harbour", "an immediate
# threat").
_KIND_SAID = re.compile(
    r"\b(?P<kind>physical|natural|human|man-?made|long-term|underlying|short-term|immediate)\s+"
    r"(?:causes?|reasons?|factors?|effects?|consequences?|results?|impacts?|actions?|"
    r"activit(?:y|ies)|decisions?|influences?|processes)\b|\b(?P<trigger>trigger)\b|"
    # ... or says what kind they were: "Most of the causes are natural."
    r"\b(?:causes|reasons|factors)\s+(?:are|were)\s+(?:\w+\s+)?"
    r"(?P<said>physical|natural|human|man-?made|long-term|underlying|short-term|immediate)\b",
    re.IGNORECASE,
)


def of_other_kind(question: str, notes: Sequence[str]) -> list[str | None]:
    """For each paragraph, the kind of cause or effect its part speaks of where the question
    asks for the other kind only: the part on dredging and drained fields, which says
    "human decisions made the floods longer", for "Describe the physical causes of the
    floods"; else None. A part that also names the kind asked ("human and physical
    factors together") is the question's."""
    asked = {m["kind"].lower() for m in _KIND_ASKED.finditer(question)}
    apart = [
        (mine, theirs)
        for one, other in _KINDS_APART
        for mine, theirs in ((one, other), (other, one))
        if asked & mine and not asked & theirs
    ]
    if not apart:
        return [None] * len(notes)
    part_of = parts_of(notes)
    said: dict[int, set[str]] = {}
    for note, part in zip(notes, part_of, strict=True):
        said.setdefault(part, set()).update(
            (m["kind"] or m["trigger"] or m["said"]).lower() for m in _KIND_SAID.finditer(note)
        )
    found: dict[int, str | None] = {}
    for part, words in said.items():
        other = next(
            (theirs & words for mine, theirs in apart if theirs & words and not mine & words), None
        )
        found[part] = min(other) if other else None
    return [found[part] for part in part_of]


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return frozenset(_words(" ".join(MONTHS)))


@lru_cache(maxsize=1)
def _frame() -> frozenset[str]:
    """The nouns of a question's frame, which say what kind of answer it wants and not what
    it is about: "Describe the steps Stresemann took", "the main features of"."""
    return frozenset(
        _words("steps events measures methods reasons causes work effects results importance")
    )


def opening_of(note: str) -> str:
    """A part's first sentence, or its heading: what it says it is about."""
    text = note.strip().lstrip("#").strip()
    match = _SENTENCE_END.search(text)
    return text[: match.start()] if match else text


def _share(asked: set[str], part: set[str], weight: dict[str, float]) -> float:
    total = sum(map(weight.__getitem__, asked))
    return sum(map(weight.__getitem__, asked & part)) / total if total else 0.0


@lru_cache(maxsize=4096)
def _rare(word: str) -> float:
    """How much a word says of a subject by its rarity in English: "war" half as much as
    "Morocco", an unknown name up to twice."""
    return min(2.0, max(0.5, (7.0 - word_rarity(word)) / 3.0))


def _asked(question: str) -> set[str]:
    """What a question asks about: its words less the verbs of its frame ("did Khrushchev
    try to improve ...")."""
    verbs = frame_verbs(question)
    return {key for key, word in _words(question).items() if word not in verbs}


_VERB_AFTER = re.compile(
    r"\b(?P<aux>to|did|does|do|was|were|is|are|has|had)\s+"
    r"(?:(?:[A-Z][\w’'-]*|he|she|they|it)\s+)?"
    r"(?:not\s+)?(?P<verb>[a-z][\w’'-]*)(?!\s+(?:in|of|at|on|for|with|from|by|between|before|after|"
    r"under|during|among|against|over|and|or)\b)(?=\s+\w)"
)


def frame_verbs(question: str) -> frozenset[str]:
    """The verbs of a question's frame, in lower case: "introduce" of "did Khrushchev
    introduce", "improve" of "try to improve"; a word followed by a preposition, or ending
    the question, is a noun ("did rivalry between", "led ... to war in August"). After
    "was", "were", "is", "are", "has" or "had" only a participle is a verb: "were religious
    disputes" asks about disputes, and "religious" is what they were about.

    >>> sorted(frame_verbs("How far were religious disputes the main cause of the war?"))
    []
    >>> sorted(frame_verbs("Why was Stresemann able to restore stability to Germany?"))
    ['restore']
    """
    return _frame_verbs(question)


# A question's frame is read for its family's parts and for its themes, and by its siblings.
@lru_cache(maxsize=4096)
def _frame_verbs(question: str) -> frozenset[str]:
    return frozenset(
        m["verb"].lower()
        for m in _VERB_AFTER.finditer(question)
        if (
            _participle(m["verb"].lower())
            if m["aux"].lower() in _COPULAS
            # "did foreign help explain": a word with no past is no verb
            else may_be_base_verb(m["verb"].lower())
        )
    )


_COPULAS = frozenset({"was", "were", "is", "are", "has", "had"})


def _participle(word: str) -> bool:
    return word in PARTICIPLES or word.endswith("ed")  # not "women", "children"


def _keys(text: str) -> set[str]:
    """The words a text is about, cut to a common root ("Moroccan", "Morocco": "morocc")."""
    return set(_words(text))


def _words(text: str) -> dict[str, str]:
    """The words a text is about, each under its root, as the text spells it (where it
    spells a root in several ways, as it spells it last)."""
    return {stem(word)[:6]: word for word in content_words(text) if word not in STOP_WORDS}


# A family's schemes read each paragraph's words twice, for its stems (``scheme``) and for
# the part it belongs to (here): the paragraphs of the last few families are read once.
@lru_cache(maxsize=1024)
def content_words(text: str) -> tuple[str, ...]:
    """The content words of a text (not "the", "was", "policy"; three letters or more),
    each once, case-folded, in the order each is last used.

    >>> content_words("The treaty was signed, and the Treaty stood.")
    ('signed', 'treaty', 'stood')

    Shorthands count as the words they stand for ("govt" is "government").
    """
    read = match_key(spelt_out(text))
    found = [w for w in _TOKEN.findall(read) if w not in NOT_CONTENT and len(w) > 2]
    return tuple(reversed(dict.fromkeys(reversed(found))))
