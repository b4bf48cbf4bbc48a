"""Statements: a point read as a statement a card can ask about or hide a piece of.

A point is first read as a statement: Markdown's marks go (``**bold**``, ``*italic*``,
```code```, a link's address; the notes keep them), an opener such as "Thus" or "However"
goes, a clause that shares its sentence's subject ("... and set up 150 councils") borrows it
(or the subject of a clause between them: in "... when the Senate ordered Caesar to give up
his army and declared a state of emergency" the Senate declared it), and "he" or "she"
becomes the person the paragraph last named as a subject. A point of under four words, with
a quotation or bracket left open, with a "he" nobody was named for, or with "they" for its
subject, makes no card; one
whose "subject" is the end of another clause ("close to mutiny before land was sighted on
12 October 1492") makes cloze cards only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Literal

from pastpaper.language import (
    MONTHS,
    PRONOUNS,
    SUBJECT_STARTS,
    SUBORDINATORS,
    TITLES,
    is_past,
    is_verb,
    past_of_present,
    zipf,
)
from pastpaper.schemes.clauses import WORD, Clause, parse_clause, plain
from pastpaper.schemes.points import Point
from pastpaper.schemes.terms import names_in
from pastpaper.text import BULLETS, LIST_MARK, find_whole

__all__ = ["ASIDE_COMMA", "NAME", "Statement", "clear_statements", "opener_end", "statements"]


@dataclass(frozen=True)
class Statement:
    """A point read as a statement: its text with its subject made plain, and its clause."""

    point: Point
    text: str
    own_from: int  # where the point's own words start in the text
    clause: Clause
    asks: bool = True  # False where the "subject" is the end of another clause: cloze only


_OPENER = re.compile(
    r"^(?:however|but|thus|so|also|then|therefore|in short|early on|at first|meanwhile|"
    r"moreover|furthermore|finally|instead|indeed|later|eventually|on the other hand|"
    r"in addition|additionally|in contrast|by contrast|nevertheless|nonetheless|similarly|"
    r"likewise|besides|even so|above all|after all|consequently|accordingly|subsequently|hence|"
    r"(?:as a (?:result|consequence)|in consequence)(?!\s+of\b)|because of this|for this reason|"
    r"in response|in the end|in turn|abroad|at home|elsewhere|overseas|"
    r"yet(?!\s+(?:another|more|again|further|other|still)\b))\b,?\s+",
    re.IGNORECASE,
)
_PERSONAL = frozenset({"he", "she"})
# A possessive that opens a subject, by the pronoun it is of: "His Gettysburg Address".
_OWNING = {"his": "he", "her": "she"}
#: A subject that stands for people named before it, whom a card alone cannot show. ("This"
#: stands for what the sentence before said, and a card hiding a fact after it can still be
#: answered: "This led to the cultivation of lands in ... {{Siberia}}"; "It" may stand for
#: nothing: "It was no accident that ...".)
# ("Others blamed miasma", "Some said ...": who, the card cannot show.)
_UNNAMED = frozenset({"they", "others", "some", "many", "most", "few"})
# "It" or "Its" that stands for a thing named before ("It left the Commonwealth in 1961",
# "Its motto was ..."), which a card cannot show; not an "it" that stands for what follows
# ("It was no accident that ...", "It took ten years to ...").
_ITS = frozenset({"it", "its"})
_ANTICIPATING = re.compile(
    r"^It\s+(?:is|was|has been|had been|seems|seemed|became|took|takes|would be|will be)\b"
    r"[^.;]*?\b(?:that|to|for|whether|how|when)\b"
)
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
# Verbs in the past that nobody does to anyone: "was tried ... and died in prison".
_DONE_BY_ITSELF = frozenset(
    """died arrived returned fled escaped landed sailed marched travelled traveled lived
    stayed remained resigned retired emigrated surrendered appeared happened occurred
    rebelled rallied collapsed recovered succeeded failed belonged existed waited""".split()
)
# A clause without a subject that goes on with the passive of the clause before: a past
# participle and then a preposition or the end ("guillotined on 21 January 1793").
_PASSIVE_AUX = frozenset({"was", "were"})
_PASSIVE_GOES_ON = re.compile(
    r"([a-z]+ed|[a-z]+en|made|sent|held|sold|built|kept|left|lost|put|set|shot|hung|hanged)"
    r"(?:\s+(by|on|in|at|to|for|from|with|after|during|as|into|under|outside|inside|near|"
    r"before|behind|beside|without|within|across|through|over)\b|\s*$)"
)
# Verbs in the past whose bare form after a passive is done to the subject too: "was tried
# ... and guillotined on 21 January 1793". Any other verb goes on as a deed unless "by"
# names who did it ("was tried ... and steered by the compass"): "was crowned in 1894 and
# abdicated in March 1917", "was elected in 1932 and worked with Congress".
_DONE_TO = frozenset(
    """arrested imprisoned jailed exiled executed guillotined beheaded hanged hung shot killed
    murdered assassinated poisoned stabbed tried sentenced condemned convicted acquitted
    pardoned released freed crowned elected re-elected appointed deposed overthrown removed
    dismissed sacked expelled banished deported captured wounded injured defeated beaten
    crushed besieged invaded occupied annexed partitioned banned abolished dissolved
    suppressed censored founded established built signed passed ratified repealed renamed
    replaced restored forced made given taken sent held sold kept put set chosen named called
    nicknamed known buried born baptised baptized canonised excommunicated burned burnt
    martyred tortured persecuted blamed criticised criticized bombed sunk destroyed damaged
    evacuated rescued paid employed funded financed taxed fined promoted demoted knighted
    granted awarded ordered sworn driven written stolen broken hidden frozen forgotten
    imposed introduced adopted approved rejected enforced confirmed declared proclaimed
    recognised recognized""".split()
)
# A person's pronoun in the words before a clause's subject ("After he was assassinated, ...").
_LEAD_PRONOUN = re.compile(r"\b(?:he|she|they|him|them)\b", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|The)\s+")
# The pronouns of the other sex than a "he" or "she": a sentence with both tells of two people.
_OTHER_PRONOUN = {
    "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}


def _unexplained_it(subject: str, text: str) -> bool:
    if subject.lstrip()[:1] not in ("I", "i"):
        return False  # most subjects: their first letter says they are no "it" or "its"
    first = subject.split(None, 1)[0].lower()
    if first not in _ITS:
        return False
    return first == "its" or not _ANTICIPATING.match(text)


# A list's bullet left on a point: "- Dual Alliance, 1879".
_MARKER = re.compile(rf"^[{BULLETS}]\s+")
_ITEM_START = re.compile(rf"(?:^|\n)[ \t]*{LIST_MARK}[ \t]*$")
NAME = re.compile(r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*")
_REFLEXIVE = re.compile(r"\s+(?:himself|herself)$")
# A name that ends as a body's, which a "he" or "she" cannot stand for.
_BODY = re.compile(
    r"\b(?:Congress|Parliament|Senate|Assembly|Council|Committee|Party|Army|Navy|Government|"
    r"Church|Court|League|Union|Convention|Republic|Empire|Commission|Duma|Reichstag|Diet|"
    r"Cabinet|Treasury|Board|Bank|Company|Nations|States)$"
)
_TITLED = re.compile(rf"(?:{'|'.join(sorted(TITLES))})\s[A-Z].*")


def statements(
    points: list[Point], notes: tuple[str, ...], people: set[str]
) -> Iterator[Statement]:
    """The points as statements; ``people`` gains the names a "he" or "she" stood for."""
    person: str | None = None  # the last person the paragraph named as a subject
    # The last subject the paragraph named, not a pronoun: the people ("the deputies of the
    # Third Estate") or the thing ("the Assembly") a "they" or an "it" stands for
    # (``_stood_for`` reads which, for the few clauses that open with one).
    named: str | None = None
    note = -1
    # Each sentence's latest clause with a subject, by where the sentence starts: a clause
    # with none continues it ("...; Mary I restored Catholicism and burned almost three
    # hundred Protestants": Mary burned them, not the sentence's first subject).
    opening: dict[int, tuple[Clause, str]] = {}  # the clause and the text it was read from
    unread: set[int] = set()  # sentences whose latest subject no card could show
    called: dict[str, str] = {}  # "he" or "she", by the person it stood for ("Tsarina")
    for point in points:
        if point.source.note != note:
            note, person, opening, unread = point.source.note, None, {}, set()
            named = None
        # (Asked once: whether the point opens an item matters twice below.)
        item = _opens_item(notes[point.source.note], point.source.sentence_start)
        if item:
            person = None  # a new item of a list: its "she" is not the last item's "Norfolk"
            named = None
        text, balanced, enough = _read(point.text)
        apposed = _APPOSED_NAME.match(text)
        if apposed is not None and NAME.fullmatch(apposed[1]):
            person = apposed[1]  # "The new Viceroy, Lord Mountbatten, arrived ... He brought"
        own_from = 0
        if item and point.source.start == point.source.sentence_start:
            # "Lenin's role:" over "- Returned from Switzerland in a sealed train": Lenin did
            doer = _doer_over(notes[point.source.note], text)
            if doer is not None:
                own_from = len(doer) + 1
                text = f"{doer} {text[:1].lower()}{text[1:]}"
        clause = parse_clause(text) or _told_in_present(text)
        shared = opening.get(point.source.sentence_start)
        if clause is not None and clause.subject:
            # Until it is read, this clause's subject is the sentence's latest: a clause
            # after it with none ("; he burned it ... and was excommunicated") is its.
            opening.pop(point.source.sentence_start, None)
            unread.add(point.source.sentence_start)
        elif clause is not None and point.source.sentence_start in unread:
            continue  # the subject it goes on from was no one the card could show
        if clause is not None and not clause.subject and shared is not None:
            source = point.source
            if _RELATIVE.search(notes[source.note], source.sentence_start, source.start):
                continue  # "..., which weakened him and helped lead to his removal": no card
            inner = _inner_clause(notes[source.note][source.sentence_start : source.start])
            if inner is False:
                continue  # a clause comes between whose subject cannot be told: no card
            shared = inner or shared
            # The lead and subject as written, commas and all: "At Pickering in North
            # Yorkshire, the Slowing the Flow project" (without its comma the lead runs on).
            owner, written = shared
            prefix = written[: owner.subject_at[1]].strip(" ,")
            if len(ASIDE_COMMA.findall(prefix[owner.subject_at[0] :])) % 2:
                prefix += ","  # "The Long Parliament, led by John Pym, had the Earl ..."
            goes_on = _PASSIVE_GOES_ON.match(text)
            if (
                owner.aux in _PASSIVE_AUX
                and owner.verb  # a passive ("was tried"), not "was ill"
                and goes_on is not None
                and goes_on[1] not in _DONE_BY_ITSELF
                and (goes_on[2] == "by" or goes_on[1] in _DONE_TO)
            ):
                # "Louis was tried ..., found guilty ... and guillotined on 21 January
                # 1793": the "was" goes on too ("Louis was guillotined", not "Louis
                # guillotined"); "crossed the Rubicon" after "was made dictator" is a deed.
                prefix = f"{prefix} {owner.aux}"
            text, own_from = f"{prefix} {text}", len(prefix) + 1
            clause = parse_clause(text)
        if clause is None or not clause.subject or not balanced:
            continue
        if _unexplained_it(clause.subject, text) and clause.subject_at[0] == 0:
            # "- **The Enabling Act** (23 March 1933)" over "  - It let Hitler make laws
            # ...": the item's "It" is the thing its label names.
            label = _label_over(notes[point.source.note], point.source.sentence_start)
            if label is not None and text.startswith("It "):
                if own_from:
                    own_from += len(label) - len("It")
                text = label + text[len("It") :]
                clause = parse_clause(text)
                if clause is None or not clause.subject:
                    continue
        standing = _stood_for(clause, text, named)
        if standing is not None:
            # "On 17 June they declared themselves the National Assembly", after "the
            # deputies of the Third Estate demanded voting by head": the card says who.
            start, end = clause.subject_at
            if start > 0:
                standing = _ARTICLE.sub("the ", standing)
            text = text[:start] + standing + text[end:]
            own_from += len(standing) - (end - start) if own_from > start else 0
            clause = parse_clause(text)
            if clause is None or not clause.subject:
                continue
        elif clause.subject.lower() in _UNNAMED or _unexplained_it(clause.subject, text):
            continue  # "In 1588 they did not rise for Spain": who, the card cannot show
        possessive = clause.subject.split(" ", 1)
        if len(possessive) == 2 and possessive[0].lower() in _OWNING and person is not None:
            # "His Gettysburg Address of 19 November 1863 ...", after Lincoln: "Lincoln's"
            pronoun = _OWNING[possessive[0].lower()]
            others = _OTHER_PRONOUN[pronoun].search(point.source.sentence)
            # (only for one the notes have already called "he" or "she": "His" after
            # "Catherine" is another's)
            if others is None and called.get(_ARTICLE.sub("", person)) == pronoun:
                start, end = clause.subject_at
                named = f"{person}’s" if "’" in text else f"{person}'s"
                text = text[:start] + named + text[start + len(possessive[0]) :]
                own_from += len(named) - len(possessive[0]) if own_from > start else 0
                clause = parse_clause(text)
                if clause is None:
                    continue
        if clause.subject.lower() in _PERSONAL:
            pronoun = clause.subject.lower()
            if person is None or _OTHER_PRONOUN[pronoun].search(point.source.sentence):
                continue  # "she ... had given him": the one named may be "him", not "she"
            if called.setdefault(_ARTICLE.sub("", person), pronoun) != pronoun:
                continue  # a "she" for the man the notes called "he" stands for someone else
            people.add(person)
            start, end = clause.subject_at
            text = text[:start] + person + text[end:]
            own_from += len(person) - (end - start) if own_from > start else 0
            clause = parse_clause(text)
            if clause is None:
                continue
        lead_end = clause.subject_at[0]
        if lead_end and _LEAD_PRONOUN.search(text, 0, lead_end):
            # "After he was assassinated in Nov 1963, Lyndon Johnson used ...": who "he" is,
            # the card cannot show (it reads as Johnson); the main clause alone tells its
            # fact. (A "he" in the lead often stands for the subject after it, too: "When
            # he landed, Napoleon marched", so the paragraph's last person is no answer.)
            text, own_from = text[lead_end:], max(0, own_from - lead_end)
            clause = parse_clause(text)
            if clause is None or not clause.subject:
                continue
        # (Most subjects hold no "-self": the pattern is not tried on them.)
        bare = _REFLEXIVE.sub("", clause.subject) if "self" in clause.subject else clause.subject
        if bare != clause.subject or _TITLED.fullmatch(bare):
            people.add(bare)
        # "... and Jerusalem surrendered to him": the "he" after it is still the one "him"
        # was, not Jerusalem.
        # (Not "It", nor a body: "Congress nevertheless passed ... He used it" is no
        # "Congress used it".)
        if (
            NAME.fullmatch(bare)
            and not _OBJECT_PRONOUN.search(text)
            and bare.lower() not in PRONOUNS
            and not _BODY.search(bare)
            # (nor a name the verb says is many: "Catholics were fairly quiet. ... She was
            # held captive" is no "Catholics was held")
            and clause.aux not in _PLURAL_AUX
        ):
            # (A word capitalised only for opening the sentence, which the notes write in
            # lower case too, is no one: after "Unification was also the work of
            # Garibaldi", a "he" is not Unification.)
            # (Nor where the clause names another straight after its verb, who may be the
            # "he" after it: "Gallipoli ruined Churchill. He resigned ...", "Kitchener sent
            # Churchill to France. He resigned ...".)
            another = (
                clause.verb.split(" ", 1)[0] in _DONE_TO_SOMEONE  # (not "left London")
                and _ANOTHER_NAMED.match(clause.rest) is not None
            )
            person = None if another or _written_lower(bare, notes) else bare
        if bare.lower() not in PRONOUNS:  # the last subject named: "it" or "they" is it
            named = bare
        opening[point.source.sentence_start] = (clause, text)
        unread.discard(point.source.sentence_start)
        if enough:
            yield Statement(point, text, own_from, clause, asks=not _clause_end(clause))


#: A comma that opens or closes an aside, not the comma of "20,000".
ASIDE_COMMA = re.compile(r",(?!\d{3}\b)")
# A name straight after a clause's verb, with no article, preposition or month before it:
# someone the verb was done to ("ruined Churchill", "sent Churchill to France").
_ANOTHER_NAMED = re.compile(rf"(?!(?:{'|'.join(MONTHS)})\b)[A-Z][a-z]")
# Verbs that leave their object the one the next sentence goes on about ("Gallipoli ruined
# Churchill. He resigned"), as "attacked Stalin. He denounced ..." does not.
_DONE_TO_SOMEONE = frozenset(
    """ruin discredit weaken humiliate damage destroy send dismiss sack replace defeat beat
    overthrow depose exile imprison arrest execute kill murder pardon release betray blame
    accuse criticise criticize""".split()
)
_APPOSITION = re.compile(r",\s+(?:a|an)\s.*$", re.DOTALL)
_ASIDE = re.compile(r",(?!\d{3}\b)[^,]*,?\s*$")
_COUNTED = re.compile(
    r"^(?:(?:about|around|some|over|nearly|almost|roughly)\s+)?\d[\d,.]*\s+", re.I
)
_DATED_PARTICIPLE = re.compile(r"\s+[a-z]+ed\s+(?:on|in)\s+[^,]*\d[^,]*$")


def _plural(subject: str) -> bool:
    """Does a subject name people or things in the plural: "the deputies of the Third
    Estate", "the Jacobins", "Britain and France"; not "the Assembly", "Congress", "Paris"?"""
    if " and " in subject:
        return True
    words = subject.split(" of ", 1)[0].split()
    head = words[-1] if words else ""
    if head.lower() in _PLURAL_NOUNS:
        return True
    named = head[:1].isupper()
    return (
        len(head) > 3
        and head.endswith("s")
        and not head.endswith(("ss", "us", "is", "'s", "’s"))
        and (not named or (len(words) > 1 and words[0].lower() == "the"))
    )


_PLURAL_NOUNS = frozenset({"people", "police", "men", "women", "children"})
_PLURAL_AUX = frozenset({"were", "are"})


def _written_lower(word: str, notes: tuple[str, ...]) -> bool:
    """Is ``word`` one word that ``notes`` also write in lower case, or that ends as a
    thing's name does ("Unification")?"""
    if " " in word or not word[:1].isupper():
        return False
    if _ABSTRACT_END.search(word):
        return True  # "Unification", "Nationalism": a thing's name, no person's
    lowered = word.lower()
    return any(_written_alone(note, lowered) for note in notes)


def _written_alone(note: str, word: str) -> bool:
    r"""Does ``note`` write ``word`` with no word character (nor apostrophe or hyphen) either
    side: as the pattern ``(?<![\w’'-])word(?![\w’'-])`` finds it ("st." too), without
    compiling one for every subject or reading every word of the notes (a name is seldom
    written in lower case: ``str.find`` looks for it at C's speed)."""
    return find_whole(note, word, joiners="_’'-") >= 0


_ABSTRACT_END = re.compile(r"(?:tion|sion|ism|ment|ness|ity)$")
# A person named after what they were, as a subject: "The new Viceroy, Lord Mountbatten".
_APPOSED_NAME = re.compile(r"^(?:The|the)\s+[^,]+,\s+((?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)(?:,|$)")


_PASSIVE_OF_BE = frozenset({"was", "were", "is", "are"})


def _stood_for(clause: Clause, text: str, named: str | None) -> str | None:
    """Who or what a "they" or "it" that opens a clause stands for, as the paragraph named
    them last as a subject (``named``); None for any other subject, for a passive ("They
    were sent to camps" may be the ones done to), and for an "it" that stands for what
    follows."""
    pronoun = clause.subject.lower()
    if pronoun not in ("they", "it"):
        return None  # (most subjects: what the last one named was is not read for them)
    passive = (clause.aux in _PASSIVE_OF_BE and bool(clause.verb)) or clause.verb.startswith(
        ("been ", "be ")
    )  # "They had been defended by Swiss Guards", "It will be restored"
    if passive or named is None:
        return None
    group, thing = _group_or_thing(named)
    if pronoun == "they":
        return group
    return thing if _unexplained_it(clause.subject, text) else None


def _group_or_thing(named: str) -> tuple[str | None, str | None]:
    """The people a "they" stands for, or the thing an "it" does, in a subject the
    paragraph named (None for what it is not)."""
    # (without what it is said to be: "The blight, a fungus later named ...", nor an aside:
    # "The first Factory Act, in 1802," is "it" as "The first Factory Act")
    bare = _APPOSITION.sub("", named)
    bare = _DATED_PARTICIPLE.sub("", _ASIDE.sub("", bare))  # ("The Act passed on ...")
    # ("They" after "About 22,000 British and French troops went ashore" is the troops)
    group = _COUNTED.sub("", bare) if _plural(bare) else None
    thing = bare if group is None and _ARTICLE.match(bare) else None
    return group, thing


def _told_in_present(text: str) -> Clause | None:
    """The clause of an event told in the present, as timelines and tables tell them ("1882:
    Koch identifies the TB bacterium", "Britain declares war on Germany"), read as the past
    it tells of: its verb is the first word in "-s" after a name. None if there is none.
    (The two texts differ only in the verb: what stands before and after it is the same.)"""
    previous = ""  # the word before, as the text writes it
    for word in WORD.finditer(text):
        after_name = word.group().islower() and previous[:1].isupper()
        previous = word.group()
        if not after_name:
            continue
        past = past_of_present(word.group())
        if past is None:
            return None  # only the first word after a name may be the verb
        clause = parse_clause(text[: word.start()] + past + text[word.end() :])
        return clause if clause is not None and clause.subject else None
    return None


def _opens_item(note: str, at: int) -> bool:
    """Does the text before ``at`` on its line only mark an item of a list ("- ", "2. ")?"""
    # A marker can only follow the line's start: the pattern is tried there alone (the
    # newline before ``at``, or the note's start), not at every place of a long line, for
    # each of its points.
    return _ITEM_START.match(note, max(note.rfind("\n", 0, at), 0), at) is not None


# A list item that only labels the sub-list under it with a name, in bold or not, and a date
# or aside in brackets: "- **The Enabling Act** (23 March 1933)", "- The Night of the Long
# Knives:".
_LABEL = re.compile(
    rf"[ \t]*{LIST_MARK}[ \t]*(?:\*\*|__)?"
    r"(?P<name>[A-Z][\w’'-]*(?:\s(?:of\s|the\s|and\s)*[A-Z][\w’'-]*)*)"
    r"(?:\*\*|__)?(?:\s*\([^()\n]*\))?[ \t:]*"
)


def _doer_over(note: str, item: str) -> str | None:
    """The one person a list's label names as its subject ("Lenin's role:", "Trotsky:"), for
    an item that opens on a past tense with no subject ("Returned from Switzerland ..."); else
    None."""
    first = WORD.match(item)
    if first is None or first.start() or not is_past(first.group().lower()):
        return None
    label = _DOER_LABEL.match(note)
    if label is None:
        return None
    name = label["name"]
    if names_in(f"In 1900 {name} acted.") != [name]:
        return None
    # A person's name, not a heading word ("Causes:", "Results:"): with "'s role", or rare
    # as an English word.
    rare = all(zipf(word.lower()) < _NAME_ZIPF for word in name.split())
    person = label["role"] is not None or rare
    return name if person else None


# A label over a list, naming whose it is: "Lenin's role:", "Trotsky's part:", "Luther:".
_DOER_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+){0,2})(?P<role>['’]s (?:role|part|"
    r"contribution|leadership|actions|achievements))?(?:\*\*|__)?:?(?:\*\*|__)?[ \t]*\n"
)
_NAME_ZIPF = 4.0  # how common in English a label's word may be and still name a person


def _label_over(note: str, at: int) -> str | None:
    """The name that labels the list a sub-item (its line holding ``at``) stands in, if the
    item above it, less indented, is such a label alone; else None."""
    start = note.rfind("\n", 0, at) + 1
    indent = len(note[start:at]) - len(note[start:at].lstrip(" \t"))
    while start > 0:
        end = start - 1
        start = note.rfind("\n", 0, end) + 1
        above = note[start:end]
        if not above.strip():
            continue
        if len(above) - len(above.lstrip(" \t")) < indent:
            label = _LABEL.fullmatch(above)
            if label is None:
                return None
            # A name, not a heading word: "The Enabling Act", not "Effects" or "Significance".
            named = names_in(label["name"])
            return label["name"] if named == [_ARTICLE.sub("", label["name"])] else None
    return None


def opener_end(text: str, start: int = 0) -> int:
    """Where ``text`` goes on from ``start`` past a word that only links it to what came
    before ("However, ", "As a result, "): where a card or an event's label starts."""
    found = _OPENER.match(text[start:])
    return start + found.end() if found else start


def clear_statements() -> None:
    """Forget the points read before (for benchmarks that time the work itself)."""
    _read.cache_clear()


# A bank says the same points in many families: each distinct text is read once.
@lru_cache(maxsize=32768)
def _read(point: str) -> tuple[str, bool, bool]:
    """A point's text as a statement reads it (without marks, bullet and opener), whether
    its quotes and brackets are closed, and whether it has the four words a card needs."""
    text = _OPENER.sub("", _MARKER.sub("", plain(point), count=1), count=1)
    # The fourth word is enough to know: the rest of a long point is not read for words.
    enough = next(islice(WORD.finditer(point), 3, None), None) is not None
    return text, _balanced(point), enough


_SUBORDINATE = re.compile(rf"\s(?:{'|'.join(sorted(SUBORDINATORS))})\s+(?=\S)")


def _unjoined(text: str) -> str:
    """``text`` without the "and" or "but" (and the spaces and commas) that end it, which
    join it to what comes after: "... his army and" (as a pattern anchored at the end would,
    without trying every place of the text)."""
    text = text.rstrip(" \t\n,")
    for word in (" and", " but"):
        if text.endswith(word) or text == word.strip():
            return text[: -len(word.strip())].rstrip(" \t\n,")
    return text


# A clause joined to the one before it with its own subject: ", and in 1552 Maurice ...",
# "; he burned it".
_COORDINATE = re.compile(r",\s*(?:and|but)\s+|;\s+")
# A point that goes on from a relative clause ("Khrushchev backed down, which weakened him
# and helped lead to his removal") has "which" for its subject: borrowing the sentence's
# ("When did Khrushchev help lead to his removal?") would say what the notes do not.
_RELATIVE = re.compile(r",\s*(?:which|who|whom)\b[^,;:]*$")
_DETERMINERS = SUBJECT_STARTS | frozenset("his her its their our my your".split())


def _inner_clause(before: str) -> tuple[Clause, str] | Literal[False] | None:
    """The clause a subjectless point continues when a subordinate clause comes between it
    and the sentence's own subject: in "The crisis came to a head when the Senate ordered
    Caesar to give up his army and declared a state of emergency", the Senate declared it,
    not the crisis."""
    before = plain(before)
    starts = [found.end() for found in _SUBORDINATE.finditer(before)]
    # ... or a clause joined to the sentence's first by ", and" or a semicolon: "The Interim
    # was widely resisted, and in 1552 Maurice of Saxony ... turned against him and nearly
    # captured him" (Maurice captured him, not the Interim)
    joined = [found.end() for found in _COORDINATE.finditer(before)]
    if joined and (not starts or joined[-1] > starts[-1]):
        written = _unjoined(before[joined[-1] :])
        inner = parse_clause(written)
        if inner is not None and inner.subject and inner.lead:
            written = written[inner.subject_at[0] :]  # "in 1552 Maurice": Maurice
            inner = parse_clause(written)
        if inner is not None and inner.subject and not inner.lead:
            return inner, written
        return False if _has_verb_after_subject(written) else None
    # the nearest clause before the point, without the "and" that joins the point to it
    written = _unjoined(before[starts[-1] :]) if starts else ""
    inner = parse_clause(written) if starts else None
    if inner is None or not inner.subject or inner.lead:
        # A clause of its own that cannot be read ("when mixed groups rode ... and were
        # beaten"): the point may continue it, not the sentence (False).
        return False if starts and _has_verb_after_subject(written) else None
    return inner, written


def _has_verb_after_subject(written: str) -> bool:
    """Is there a verb among the second to fifth words, after a subject of its own?"""
    return any(is_verb(word.group()) for word in islice(WORD.finditer(written), 1, 5))


def _clause_end(clause: Clause) -> bool:
    """Is the clause's "subject" the end of another clause, not a subject: "close to mutiny
    before land" (of "The crews grew afraid and close to mutiny before land was sighted")?
    It starts with a bare word, not "the", "his" or a name, and holds a word that opens a
    clause of its own, whose subject the verb belongs to."""
    first = clause.subject.split()[0]
    bare = first[:1].islower() and first not in _DETERMINERS
    return bare and _SUBORDINATE.search(f" {clause.subject} ") is not None


_CLOSING = re.compile(r"’(?![^\W\d_]|\d\d\b)")


def _balanced(text: str) -> bool:
    closing = len(_CLOSING.findall(text))  # not an apostrophe: Stalin’s, it’s, ’58
    return (
        text.count("‘") == closing
        and text.count("“") == text.count("”")
        and text.count('"') % 2 == 0
        and text.count("(") == text.count(")")
    )
