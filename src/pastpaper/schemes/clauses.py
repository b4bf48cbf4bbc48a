"""Clauses: a simple English clause of the notes read into its lead, subject, auxiliary, verb,
adverbs and rest, so that cards can turn it into a question; and the dates, numbers and names
of a sentence taken whole ("4 August 1914", "100,000", "Alexander Solzhenitsyn"), so that a
card never asks or hides a piece of one.

    >>> clause = parse_clause("In 1957 Khrushchev set up 150 regional economic councils")
    >>> clause.lead, clause.subject, clause.aux, clause.verb, clause.rest
    ('In 1957', 'Khrushchev', 'did', 'set up', '150 regional economic councils')
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from pastpaper.language import (
    APOSTROPHE_YEAR,
    CURRENCY,
    FINITE_AUXILIARIES,
    IRREGULAR_PASTS,
    MODALS,
    MONTH,
    MONTHS,
    NUMBER_WORDS,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    QUANTIFIERS,
    ROUGHLY,
    SHORT_MONTHS,
    SHORT_SCALE,
    STOP_WORDS,
    SUBJECT_STARTS,
    SUBORDINATORS,
    TENS,
    TITLES,
    TWO_FIGURE_YEAR,
    TWO_FIGURE_YEAR_NOT_DAY,
    UNITS,
    YEAR,
    as_number,
    base_form,
    is_past,
    is_verb,
    may_be_base_verb,
)
from pastpaper.text import LIST_MARK, plain

__all__ = [
    "DATE",
    "WORD",
    "Casing",
    "Clause",
    "clear_clauses",
    "parse_clause",
    "plain",
    "widened",
]


@dataclass(frozen=True)
class Clause:
    """A clause in its parts: lead "In 1957", subject "Khrushchev", aux "did", verb "set up"."""

    lead: str  # what comes before the subject: "In 1957"
    subject: str
    subject_at: tuple[int, int]
    aux: str  # "did" for a simple past
    verb: str  # as it follows the aux: "set up", "been reduced"; "" after "was" alone
    adverbs: str  # "greatly", "roundly"
    rest: str
    negative: bool


WORD = re.compile(r"[\w’'-]+")
_ADVERBS = frozenset(
    "also therefore thus then too still even again once however already soon later first "
    "initially eventually finally now further well very together jointly only".split()
)
_NEGATIVE = frozenset({"not", "never", "no"})
_PARTICLES = frozenset("down up out off away back over".split())


def _counts_after(words: list[re.Match[str]], at: int) -> bool:
    """Is ``words[at]`` "over" before a figure, "more than" ("over 100 towns")? ("set up 150
    councils" sets up.)"""
    return (
        words[at].group() == "over" and at + 1 < len(words) and words[at + 1].group()[:1].isdigit()
    )


_RELATIVES = frozenset({"which", "who", "that"})
#: Before these an "-ed" word describes a noun: "the armed forces", "more limited".
_DESCRIBED = frozenset("the a an his her its their this these those very more most".split())


def parse_clause(text: str) -> Clause | None:
    """Lead, subject, verb group and rest of a clause; None where they cannot be told apart."""
    return _parse_clause(text)


def clear_clauses() -> None:
    """Forget the clauses read before (for benchmarks that time the work itself)."""
    _parse_clause.cache_clear()
    _is_number.cache_clear()


# A clause is read for its card and read again as the subject a later clause borrows; and a
# bank's notes repeat their sentences. A Clause is frozen, so the same one can be shared.
@lru_cache(maxsize=16384)
def _parse_clause(text: str) -> Clause | None:
    # A clause of its own before the subject ("When Russia mobilised on 30 July 1914,
    # Germany ...", "As soon as the ultimatum expired, Austria-Hungary ...") is the lead: the
    # subject and verb are the main clause's, after its comma.
    # (Its comma may be one of an aside's: "When the Estates-General met on 5 May 1789, the
    # first time since 1614, the deputies ...": the main clause is after the next.)
    for lead in _subordinate_leads(text):
        main = _parse_clause(text[lead:])
        # (Not where the comma was a list's: "Once he had beaten Malenkov, Kaganovich and
        # the rest in the struggle for power, there were ...".)
        if main is not None and main.subject and not main.lead and "," not in main.subject:
            start, end = main.subject_at
            return replace(
                main, lead=text[:lead].strip(" ,"), subject_at=(start + lead, end + lead)
            )
    words = list(WORD.finditer(text))
    verb_at = _verb_at(words)
    if verb_at is None:
        return None
    lead_end = max(_lead_end(words[:verb_at]), _label_end(words[:verb_at]))
    if 0 < lead_end < verb_at and lead_end == _label_end(words[:verb_at]):
        # A lead after a label: "22-24 October 1956: at Sèvres, near Paris, Britain ...".
        lead_end += _lead_end(words[lead_end:verb_at])
    if lead_end == 0 or lead_end == _label_end(words[:verb_at]):
        # An event's name that heads a terse note: "1866: Austro-Prussian War, Prussia won
        # in seven weeks", "Convention of Gastein, Prussia ran Schleswig".
        lead_end += _event_label(words[lead_end:verb_at])
    last = verb_at  # "he roundly condemned", "he thus needed": adverbs are not the subject
    while last > lead_end and _is_adverb(words[last - 1].group()):
        last -= 1
    start = words[lead_end].start() if lead_end < last else words[verb_at].start()
    end = words[last - 1].end() if last > lead_end else start
    # A bracket the subject opens closes in it: "Mary I (1553-58)", not "Mary I (1553-58".
    if text.count("(", start, end) > text.count(")", start, end) and text[end : end + 1] == ")":
        end += 1
    subject = text[start:end].strip(" ,") if last > lead_end else ""
    if subject and not _plausible_subject(subject):
        return None
    # ("first" too: "When did the Reformation Parliament first meet?", not "meet"; not
    # "only", which limits what follows: "When did Nicholas II give way?")
    manner = [
        w.group()
        for w in words[last:verb_at]
        if (w.group().endswith("ly") and w.group() != "only") or w.group() == "first"
    ]
    aux, verb, adverbs, negative, after = _verb_group(words, verb_at)
    return Clause(
        lead=text[:start].strip(" ,"),
        subject=subject,
        subject_at=(start, start + len(subject)),
        aux=aux,
        verb=verb,
        adverbs=" ".join([*manner, adverbs]).strip(),
        rest=text[after:].strip(" ,"),
        negative=negative,
    )


#: Words that open a clause of its own before a sentence's subject ("As Russia had been
#: invaded, ...").
_LEAD_OPENERS = SUBORDINATORS | {"if", "as"}


def _subordinate_leads(text: str) -> Iterator[int]:
    """Where the main clause may start after a subordinate clause that opens ``text``: after
    its first comma ("After Germany invaded Belgium, ", "After Stalin died in 1953, "), or
    the two after it. A lead without a verb of its own ("After the war,", "As a result,")
    is a phrase, read as before."""
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    if first not in _LEAD_OPENERS:
        return
    comma = text.find(",")
    if comma < 0 or not any(is_verb(w) for w in WORD.findall(text, 0, comma)):
        return
    for _ in range(_LEAD_COMMAS):
        if comma < 0:
            return
        yield comma + 1
        comma = text.find(",", comma + 1)


_LEAD_COMMAS = 3  # the commas a subordinate clause and its asides may hold


def _verb_at(words: list[re.Match[str]]) -> int | None:
    """The clause's own first verb: not "which was launched", "named after", ", launched in",
    nor a word of a quotation or a bracket ("His 'I have a dream' speech", "(elected July
    1945)")."""
    i, aside = 0, False  # aside: a ", launched in 1959," has been passed over
    # apposition: inside ", a fungus later named ...," after the subject, not yet closed
    apposition = False
    enclosed = enclosed_spans(words[0].string) if words else []
    while i < len(words):
        word = words[i].group()
        regular = word not in FINITE_AUXILIARIES and word not in IRREGULAR_PASTS
        before = words[i - 1].group().lower() if i else ""
        comma = i > 0 and "," in _gap(words, i)
        # (A comma that closes ", a Protestant prince," opens nothing: "Maurice of Saxony,
        # a Protestant prince, turned against him".)
        opens_aside = comma and not aside and not apposition
        # (Not after a lead that opens the clause: "On 14 July 1789, a crowd stormed"; but
        # after a name that follows one: "In 1552 Maurice of Saxony, a Protestant prince,")
        apposition = (apposition and not comma) or (
            comma
            and word in {"a", "an"}
            and (words[0].group().lower() not in _LEAD_PREPOSITIONS or _named_before(words, i))
        )
        describes = (
            (word.startswith("un") and not _un_verb(words, i))
            or opens_aside
            or (before in _DESCRIBED and not _pronoun_acts(words, i))
        )
        if any(a < words[i].start() < b for a, b in enclosed):
            i += 1
        elif not regular and not comma and word in PARTICIPLES and _done_by(words, i):
            i += 1  # "about 30,000 northerners led by Robert Aske marched ..."
        elif not is_verb(word) or (regular and (describes or _reduced_relative(words, i))):
            aside |= opens_aside and is_verb(word)
            i += 1
        elif ((opens_aside and word in PARTICIPLES) or (apposition and is_past(word))) and (
            _closes_aside(words, i)
        ):
            # ("The blight, a fungus later named Phytophthora infestans, reached ...": the
            # "-ed" word is the aside's, which a comma closes before the clause's verb.)
            # "The government's target, set for the Bank of England in 2003, is ...": an
            # irregular participle's aside, closed by a comma before the clause's verb
            aside = True
            i += 1
        elif before in _RELATIVES:
            i += 2 if word in FINITE_AUXILIARIES else 1
        else:
            return i
    return None


_COUNTING = QUANTIFIERS | {"other", "such"}
# What an "un-" verb acts on: "unbanned the ANC", "united Germany", "unveiled his plan".
_ACTED_ON = _DESCRIBED - {"very", "more", "most"} | {"our", "them", "him", "it"}


def _named_before(words: list[re.Match[str]], at: int) -> bool:
    """Is the word before ``at`` a name (a capital, no date), after the lead's first word:
    "In 1552 Maurice of Saxony," (not "On 14 July 1789,", "In March,")?"""
    before = words[at - 1].group()
    return at > 2 and before[:1].isupper() and before not in _IN_DATES


def _un_verb(words: list[re.Match[str]], at: int) -> bool:
    """Is the "un-" word at ``at`` the clause's verb rather than a word describing a noun?

    "De Klerk unbanned the ANC", "Bismarck united Germany": after a word that is no
    determiner, with what it acts on straight after. "The unarmed protesters", "Unemployed
    workers marched", "the newly unified Germany" and "men unpaid for months" describe.
    """
    if at == 0 or at + 1 >= len(words):
        return False
    before, after = words[at - 1].group(), words[at + 1].group()
    if before.endswith("ly") or before[0].isdigit() or "," in _gap(words, at):
        return False
    if before.lower() in _DESCRIBED | _COUNTING | NUMBER_WORDS | PREPOSITIONS | STOP_WORDS - (
        PRONOUNS
    ):
        return False  # "the unarmed", "Many unarmed Jews", "two unpaid", "of unemployed"
    return after in _ACTED_ON or after[0].isupper() or after[0].isdigit()


# A quotation or a bracket, whose words are no verb of the clause around them.
_ENCLOSED = re.compile(
    r"(?=[(‘“'\"])(?:\([^()]*\)|(?<![\w’'])['‘\"“][^'’\"”\n]{1,80}['’\"”](?![\w’']))"
)


def enclosed_spans(text: str) -> list[tuple[int, int]]:
    """Where the text's brackets and short quotations stand: what they hold is read whole."""
    if "(" not in text and not any(mark in text for mark in "'‘\"“"):
        return []  # most clauses have neither
    return [m.span() for m in _ENCLOSED.finditer(text)]


_DEMONSTRATIVES = frozenset({"this", "these", "those"})
_DETERMINERS = frozenset("the a an his her its their our my your".split())


def _pronoun_acts(words: list[re.Match[str]], at: int) -> bool:
    """Is the "-ed" word after "This" that opens the clause its verb, with "This" its subject
    ("This overturned the principle")? Before a determiner it is; "These armed groups" is
    not."""
    return (
        at == 1
        and words[0].group().lower() in _DEMONSTRATIVES
        and at + 1 < len(words)
        and words[at + 1].group().lower() in _DETERMINERS
    )


def _closes_aside(words: list[re.Match[str]], at: int) -> bool:
    """Does a comma after ``at`` close the aside it opens, with a verb straight after?"""
    for i in range(at + 1, min(at + 12, len(words))):
        if "," in _gap(words, i):
            return words[i].group() in FINITE_AUXILIARIES or is_past(words[i].group())
    return False


def _gap(words: list[re.Match[str]], i: int) -> str:
    return words[i].string[words[i - 1].end() : words[i].start()]


def _done_by(words: list[re.Match[str]], at: int) -> bool:
    """Is the participle at ``at`` the start of what its subject had done to it by someone,
    the clause's verb still to come ("northerners led by Robert Aske marched", "the army
    led by Cromwell won")? Not after a pronoun ("He led by example"), nor where the verb
    after it is a second one ("led by example and won")."""
    if at == 0 or at + 2 >= len(words) or words[at + 1].group() != "by":
        return False
    if words[at - 1].group().lower() in PRONOUNS:
        return False
    for i in range(at + 2, min(at + 7, len(words))):
        word = words[i].group()
        if word in {"and", "but", "or", "which", "who", "that"}:
            return False
        if i > at + 2 and (is_past(word) or word in FINITE_AUXILIARIES):
            return True
    return False


def _reduced_relative(words: list[re.Match[str]], at: int) -> bool:
    """Is the "-ed" word part of the subject, as in "Places named after Stalin were ..."?"""
    for i in range(at + 1, min(at + 6, len(words))):
        word = words[i].group()
        if word in {"was", "were", "is", "are"}:
            return words[i - 1].group().lower() not in _RELATIVES | {"and", "but", "or"}
        # (A "that" opens what was said: "Nasser announced that Egypt was ...".)
        if is_verb(word) or word in {"and", "but", "or", "that"}:
            return False
    return False


#: Capitalised words that are part of a date: "In January 49 BC the Senate ..." has its
#: subject after "BC".
_IN_DATES = frozenset(MONTHS) | {"BC", "BCE", "AD", "CE"}


#: Prepositions that may open a clause's lead: "Along the route the Red Army ...".
_LEAD_PREPOSITIONS = PREPOSITIONS | frozenset(
    "along across around among despite beyond towards toward without inside outside near "
    "behind beside through against".split()
)


#: Prepositions of several words that may open a lead or a phrase of it: "As a result of
#: the war, prices rose", "On 7 March 1965, known as Bloody Sunday, troopers attacked".
_COMPOUND_PREPOSITIONS = tuple(
    tuple(phrase.split())
    for phrase in (
        "as a result of",
        "as a consequence of",
        "as part of",
        "because of",
        "thanks to",
        "due to",
        "owing to",
        "in response to",
        "in spite of",
        "instead of",
        "according to",
        "apart from",
        "known as",
    )
)


_COMPOUND_FIRST = frozenset(phrase[0] for phrase in _COMPOUND_PREPOSITIONS)


def _compound_at(words: list[re.Match[str]], at: int) -> int:
    """How many words a preposition of several words ("as a result of", "known as") that
    starts at ``at`` has (0 if none does)."""
    first = words[at].group().lower()
    if first not in _COMPOUND_FIRST:
        return 0
    return next(
        (
            len(phrase)
            for phrase in _COMPOUND_PREPOSITIONS
            if phrase[0] == first
            and tuple(w.group().lower() for w in words[at : at + len(phrase)]) == phrase
        ),
        0,
    )


#: Prepositions inside a lead, whose object is no subject: "At the end of the war".
_GOVERNS = _LEAD_PREPOSITIONS | {"of", "to", "into", "onto", "upon"}


# Prepositions that say "more than" or "fewer than" before a count: "Over 275,000 flights".
_MORE_OR_LESS = frozenset({"over", "under"})


def _a_count(before: list[re.Match[str]]) -> bool:
    """Does a count, not a year, follow the first word: "Over 275,000", "Under 500" (not
    "Over 1914-18", "Under the Tsar")?"""
    if len(before) < 2 or not before[1].group().isdigit():
        return False
    # ("275,000": a thousands comma, the count going on)
    grouped = len(before) > 2 and _gap(before, 2) == "," and before[2].group().isdigit()
    return grouped or len(before[1].group()) != 4


def _place_of_place(before: list[re.Match[str]], at: int) -> bool:
    """Is the word at ``at``, after a comma that follows a name, the name of the larger place
    it is in, closed by a comma of its own ("on Heimaey, Iceland, seawater ...")?"""
    if not (before[at].group()[:1].isupper() and before[at - 1].group()[:1].isupper()):
        return False
    # (Not a list of names: "near Paris, Britain, France and Israel met")
    return (
        at >= 2
        and at + 1 < len(before)
        and "," in _gap(before, at + 1)
        and before[at + 1].group()[:1].islower()
    )


def _lead_end(before: list[re.Match[str]]) -> int:
    """Where the subject starts, after a lead such as "In 1957", "In agriculture", "In order
    to secure his position"."""
    if not before or (
        before[0].group().lower() not in _LEAD_PREPOSITIONS and not _compound_at(before, 0)
    ):
        return 0
    if before[0].group().lower() in _MORE_OR_LESS and _a_count(before):
        return 0  # "Over 275,000 flights carried ...": more than, the subject's count
    governed_names: set[str] = set()
    # Where a preposition of several words ends ("as" of "known as"): it governs what follows.
    ends = {at + length - 1 for at in range(len(before)) if (length := _compound_at(before, at))}

    def commas_after(i: int) -> bool:
        return any("," in _gap(before, k) for k in range(i + 1, len(before)))

    for i in range(1, len(before)):
        token = before[i].group()
        if "," in _gap(before, i):
            if (token in _LEAD_PREPOSITIONS or _compound_at(before, i)) and i + 1 < len(before):
                # A second phrase of the lead: "At Sèvres, near Paris, Britain ...", "On 7
                # March 1965, known as Bloody Sunday, state troopers ...".
                continue
            if _place_of_place(before, i):
                continue  # "In 1973 on Heimaey, Iceland, seawater was pumped ..."
            return i
        previous = before[i - 1].group()
        governs = previous.lower() in _GOVERNS or i - 1 in ends
        if governs and token.lower() in SUBJECT_STARTS:
            # The object of a preposition in the lead: "Near the end of the war the Tsar
            # ...", whose subject is "the Tsar", not "the war the Tsar".
            continue
        starts = token.lower() in SUBJECT_STARTS or (token[0].isupper() and token not in _IN_DATES)
        # A number opens the subject after the date: "On 14 July 1789 about 900 Parisians",
        # "In 1789 900 Parisians".
        starts = starts or _counts(before, i)
        # A name right after a preposition is its object, still the lead ("In 1953 in
        # Moscow Stalin died"), and so is the rest of the name where a comma ends the lead
        # after it: "At Pickering in North Yorkshire, the project built ...".
        # (After the preposition's article too: "On the Holderness coast, two groynes ...".)
        after_article = (
            previous.lower() in _ARTICLES
            and i >= 2
            and (before[i - 2].group().lower() in _GOVERNS or i - 2 in ends)
        )
        governed = token[0].isupper() and (
            previous.lower() in _LEAD_PREPOSITIONS
            or i - 1 in ends
            or after_article
            or (previous in governed_names and commas_after(i))
        )
        if governed:
            governed_names.add(token)
        if i >= 2 and starts and not governed:
            return i
    return _bare_subject(before)


#: Words that give a number roughly: "about 900", "over 8,000", "nearly twenty".
_ROUGHLY = frozenset(ROUGHLY) | {"over", "only"}
_YEAR_TOKEN = re.compile(r"\d{3,4}")


def _counts(before: list[re.Match[str]], i: int) -> bool:
    """Does the word at ``i`` open a count after a date: a figure straight after a year, or
    "about", "over", "nearly" before a figure or a number in words?"""
    token = before[i].group()
    if token[0].isdigit():
        return _YEAR_TOKEN.fullmatch(before[i - 1].group()) is not None
    if token.lower() not in _ROUGHLY or i + 1 >= len(before):
        return False
    after = before[i + 1].group()
    return after[0].isdigit() or after.lower() in NUMBER_WORDS


def _bare_subject(before: list[re.Match[str]]) -> int:
    """Where a subject with no word to mark it starts after a lead with no comma: the words
    in lower case just before the verb ("In 1957 sovnarkhozy were set up", "in Mississippi
    black voter registration rose", "In the late 1930s farmers suffered"), the lead keeping
    at least its preposition's first word ("In agriculture output rose") and a possessive's
    noun ("Under Stalin's rule peasants starved"). The whole is the lead where nothing is
    left for a subject."""
    start = at = len(before)
    while at > 2:
        if _bare_word(before[at - 1].group()):
            at -= 1
            start = at
            continue
        # A place the subject's noun is of: "By 1865 prices in the Confederacy were ...",
        # "In the 1920s farmers in America suffered".
        named = at
        while named > 3 and (
            before[named - 1].group()[:1].isupper() or before[named - 1].group() == "the"
        ):
            named -= 1
        placed = named < at and before[named - 1].group() in _PLACING
        if not placed or named - 1 <= 2 or not _bare_word(before[named - 2].group()):
            break
        at = named - 1
    if start < len(before) and before[start - 1].group().endswith(("'s", "’s")):
        start += 1
    return start


_PLACING = frozenset({"in", "of", "from", "across"})


def _bare_word(word: str) -> bool:
    return word.isalpha() and word.islower() and word not in PREPOSITIONS | _JOINING


_JOINING = frozenset({"and", "or", "to", "of", "the", "a", "an"})


def _label_end(before: list[re.Match[str]]) -> int:
    """Where the subject starts after a label such as "23 July:" or "Triple Alliance, 1882:"
    (0 if there is none): the label is the clause's lead, not part of its subject."""
    for i in range(len(before) - 1, 0, -1):
        if ":" in _gap(before, i):
            return i
    return 0


#: The words that end an event's name ("Danish War", "Munich Putsch"), and those that open
#: one before "of" ("Battle of Sedan", "Convention of Gastein").
_EVENT_ENDS = frozenset(
    """War Wars Battle Crisis Conference Convention Revolution Rising Revolt Rebellion Putsch
    Affair Incident Blockade Invasion Campaign Raid Siege Treaty Pact Agreement Accords Act
    Plan Election Elections Strike Massacre Uprising Armistice Landings Offensive""".split()
)
_EVENT_HEADS = frozenset(
    "Battle Siege Treaty Convention Peace Congress Conference Edict Pact Sack Fall".split()
)
_IN_NAMES = frozenset({"of", "the", "at", "and", "de", "von", "van"})


def _event_label(before: list[re.Match[str]]) -> int:
    """Where the subject starts after an event's name and a comma that head the clause
    (0 if none): "Austro-Prussian War, Prussia won ..." (not "The Battle of Britain, the
    Blitz and the V2s killed ...", a list of events with its article)."""
    for i in range(1, min(len(before), 7)):
        if "," not in _gap(before, i):
            continue
        name = [word.group() for word in before[:i]]
        if not all(w[0].isupper() or w in _IN_NAMES for w in name) or name[0] in _IN_NAMES:
            return 0
        rest = [word.group() for word in before[i:]]
        if ("and" in rest or "or" in rest) and (
            rest[0].lower() == "the" or _EVENT_ENDS.intersection(rest)
        ):
            return 0  # the first of a list of events: "The Crimean War, the Indian Mutiny and"
        heads = len(name) > 2 and name[0] in _EVENT_HEADS and name[1] == "of"
        follows = before[i].group()
        if (heads or name[-1] in _EVENT_ENDS) and (
            follows[0].isupper() or follows.lower() in SUBJECT_STARTS
        ):
            return i
        return 0
    return 0


def _plausible_subject(subject: str) -> bool:
    words = subject.lower().split()
    if len(words) == 1 and words[0] in PRONOUNS:
        return True
    # "Lister read about germ theory and in 1865": a clause and a date, no thing that acts.
    dated = _JOINED_DATE.search(subject) is not None
    return len(words) <= 12 and words[-1] not in _NO_SUBJECT_ENDS and not dated


_JOINED_DATE = re.compile(r"\band\s+(?:in|on|at|by|from|after|before|during)\s+\d")
_ARTICLES = frozenset({"the", "a", "an"})


#: Words a subject does not end with: "the", "of", "most", "whose".
_NO_SUBJECT_ENDS = STOP_WORDS | SUBJECT_STARTS | {"whom", "whose", "so"}


def _is_adverb(word: str) -> bool:
    lower = word[:1].islower()  # "Italy" is no adverb
    return (
        word in _ADVERBS or word in _NEGATIVE or (lower and word.endswith("ly") and len(word) > 4)
    )


def _bare_verb(word: str) -> bool:
    """Is the word a verb as "help" takes it, with no "to": "provoke", "bring" (not
    "provoked", "causing", "the")?"""
    ending = word.endswith(("ed", "s")) or (word.endswith("ing") and len(word) > 5)
    return word.islower() and not ending and word not in STOP_WORDS and may_be_base_verb(word)


def _verb_group(words: list[re.Match[str]], at: int) -> tuple[str, str, str, bool, int]:
    """(aux, verb, adverbs, negative, where the rest starts) from the first verb on."""
    first = words[at].group()
    taken: list[str] = []
    i = at + 1
    if first not in FINITE_AUXILIARIES:
        taken, aux = [base_form(first)], "did"
        if taken == ["help"] and i < len(words) and _bare_verb(words[i].group()):
            taken.append(words[i].group())  # "helped provoke the Pilgrimage of Grace"
            i += 1
    else:
        aux = first
        while i < len(words) and _is_adverb(words[i].group()):
            i += 1
        if i < len(words) and (first in MODALS or words[i].group() == "been"):
            taken.append(words[i].group())
            i += 1
        if i < len(words) and (words[i].group() in PARTICIPLES or is_past(words[i].group())):
            taken.append(words[i].group())
            i += 1
    # "broke down", "called off"; not "attacked over 100 towns", where "over" is "more than"
    if taken and i < len(words) and words[i].group() in _PARTICLES and not _counts_after(words, i):
        taken.append(words[i].group())
        i += 1
    between = [w.group() for w in words[at + 1 : i] if w.group() not in taken]
    adverbs = " ".join(w for w in between if w.endswith("ly") and w != "only")
    negative = any(w in _NEGATIVE for w in between)
    return aux, " ".join(taken), adverbs, negative, words[i - 1].end()


# -- dates, numbers and names as wholes ------------------------------------------------------

_DAYS = r"\d{1,2}(?:\s*[-–]\s*\d{1,2}|[ \t]+(?:to|and|until)[ \t]+\d{1,2})?"  # "8-9", "21 to 25"
# A year with its era, as ``dates.mentions`` reads it: "49 BC", "AD 43", "1066 AD".
_ERA = r"(?:\d{1,4}\s?(?:BCE|BC|CE|AD)|(?:AD|CE)\s?\d{1,4})(?![\w’'])"
# A date whole: "4 August 1914", "May 1498", "January 49 BC", "c. 1500", "15/3/44 BC",
# "17 July – 2 August 1945", "1904-05", "1956 - 1960", "23 July". Each starts with a digit,
# the "c." or "circa", a month's capital or the "A" or "C" of an era: the lookahead in front
# turns most places of a text down at once, as ``re`` cannot tell so itself. (It looks past a
# "c", which starts many other words.)
_MONTH = rf"(?:{MONTH}|(?:{'|'.join(SHORT_MONTHS)})\.?)"  # "Jan 1968", "Sept. 1915"
DATE = re.compile(
    r"(?=[\dACDFJMNOS’']|c(?:\.|irca))(?:"
    rf"(?:\bc\.\s?|\bcirca\s|\b\d{{1,2}}\s+{_MONTH}\s*[-–]\s*(?=\d))?"
    rf"\b(?:\d{{1,2}}/\d{{1,2}}/|(?:{_DAYS}\s+)?{_MONTH}\s+)?"
    rf"(?:{_ERA}|{YEAR}(?:[^\S\n]*[-–][^\S\n]*(?:{YEAR}|\d\d)(?!\d)|[-–]\d(?![\w’'%]|[.,]\d))?\b)"
    # A year in two figures, where ``dates.mentions`` reads one: "14 Oct 62", "Oct 62",
    # "in '62", "13.08.61".
    rf"|\b\d{{1,2}}(?:/\d{{1,2}}/|\.\d{{1,2}}\.)\d\d(?![\w/]|[.,]\d)"
    rf"|\b{_DAYS}\s+{_MONTH}\s+(?:{TWO_FIGURE_YEAR}|{APOSTROPHE_YEAR})"
    rf"|(?:\b{_MONTH}\s+)?{APOSTROPHE_YEAR}|\b{_MONTH}\s+{TWO_FIGURE_YEAR_NOT_DAY}"
    rf"|\b{_DAYS}\s+{_MONTH}\b"
    r")"
)
# A number or date as one unit, so that no card shows or hides a piece of one: "100,000",
# "12.8", "1920s", "mid-1951", "£3.60", "2%", "2/3", "1.5m", "c. 1,000", "25-50%", "1 in 100".
# ("31/3/68", a date with its year's last two figures, is one too.) Each starts with a digit,
# a currency's sign, what a date starts with (``DATE``), the "c.", "ca." or "circa" before a
# figure, or the "early-", "mid-" or "late-" before a date: the lookahead in front turns most
# places of a text down at once, as in ``DATE`` (looking past the "c", "e", "m" and "l" that
# start so many other words).
_UNIT = re.compile(
    r"(?=[\d£$€’'ACDFJMNOS]|c(?:a?\.|irca)|(?:early|mid|late)-)(?:"
    # a measure in feet and inches: "4 ft 8½ in", "6 ft"
    r"\b\d+[ \t]?(?:ft|feet)\b(?:[ \t]\d+[½¼¾]?[ \t]?(?:in\b|inches\b))?"
    rf"|(?:\b(?:early|mid|late)-)?(?:{DATE.pattern})|\d{{1,2}}/\d{{1,2}}/\d\d(?!\d)"
    r"|(?:\b(?:c|ca)\.[ \t]?|\bcirca[ \t])?"  # "c. 1,000", "circa 25,000": the figure's
    rf"{CURRENCY}?\d+(?:[.,]\d+)*"  # then "2/3", "25-50%", "18 to 30"
    r"(?:/\d+(?![/\d])|(?:[-–]|[ \t]to[ \t])\d+(?:[.,]\d+)*(?![.,]?\d)|[ \t]in[ \t]10+\b)?"
    rf"(?:s\b|%|{SHORT_SCALE}\b)?"
    r")"
)


# (Its first space is matched before the look back at the character before it: ``re`` then
# passes over every other character at once, where a lookbehind in front was tried at each.)
_PROPER = re.compile(r"\s(?<=[\w,;)’'”]\s)\s*([A-Z][\w’'-]*)(?!\s+[A-Z])")
# A name's first word, known by what stands beside it anywhere in a sentence: a title before
# it ("the Emperor Charles V") or a regnal number after it ("Charles V", "Henry VIII"; not
# "I", which may be the pronoun). (Each starts with a capital: the lookahead in front turns
# the other places of a text down at once.)
_NAMED_BESIDE = re.compile(
    rf"(?=[A-Z])(?:\b(?:{'|'.join(sorted(TITLES))})\s+([A-Z][a-z][\w’'-]*)"
    r"|\b([A-Z][a-z][\w’'-]*)\s+(?:II|III|[IVX]*[VX][IVX]*)(?![\w’'-]))"
)
_LOWER = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")
_ITEM_MARK = re.compile(rf"(?m)^[ \t\u00a0]*{LIST_MARK}[ \t\u00a0]+")


@dataclass(frozen=True)
class Casing:
    """How the notes write their words: which they capitalise in mid-sentence on their own
    (names, not sentence starts), and which they also write in lower case."""

    proper: frozenset[str]
    lower: frozenset[str]

    @classmethod
    def of(cls, notes: Iterable[str]) -> Casing:
        """How ``notes`` (the paragraphs of a course) write their words."""
        proper: set[str] = set()
        lower: set[str] = set()
        for note in dict.fromkeys(notes):  # a paragraph said twice says nothing new
            # A list item's first word opens it as a sentence's does, whatever its mark
            # ("2) Russia ...", "- Russia ..."): the mark is read as a full stop.
            unmarked = _ITEM_MARK.sub(". ", note)
            proper.update(_bare(word) for word in _PROPER.findall(unmarked))
            proper.update(_bare(a or b) for a, b in _NAMED_BESIDE.findall(note))
            lower.update(_LOWER.findall(note))
        return cls(frozenset(proper), frozenset(lower))

    @classmethod
    def joined(cls, casings: Iterable[Casing]) -> Casing:
        """How the notes of all ``casings`` together write their words."""
        found = list(casings)
        proper = frozenset().union(*(c.proper for c in found))
        return cls(proper, frozenset().union(*(c.lower for c in found)))

    def is_proper(self, word: str) -> bool:
        """Do the notes capitalise the word (or its possessive) in mid-sentence on its own?"""
        return _bare(word) in self.proper

    def is_name(self, first: str) -> bool:
        """Is a sentence's first word a name ("Alexander"), not a capitalised "If" or "Once"?"""
        if self.is_proper(first):
            return True
        lower = first.lower()
        hyphened = _HYPHENED.search(first)  # "Short-term": a word, not a name
        return lower not in self.lower and lower not in _OPENING_WORDS and not hyphened


#: Words that open a sentence without being part of a name after them ("If Khrushchev ...").
_OPENING_WORDS = frozenset(
    """if once whatever whoever whenever wherever when while whilst although though because
    since unless until whether after before as so yet nor both either neither each every all
    some many most few several no any only even also then thus hence still""".split()
)


_HYPHENED = re.compile(r"-[a-z]")
_POSSESSIVE_END = re.compile(r"[’']s?$")
_POSSESSIVE = re.compile(r"[’']s$")


def _bare(word: str) -> str:
    return _POSSESSIVE_END.sub("", word)


_NAME_BEFORE = re.compile(r"([A-Z][\w’'-]*)\s+$")
# A small word that is part of the name after it: "da Gama", "von Bülow", "de Gaulle".
_PARTICLE_BEFORE = re.compile(r"(?<![\w’'-])(?:da|de|di|del|della|dos|das|du|von|van)\s+$")
_NAME_AFTER = re.compile(r"\s+([A-Z][\w’'-]*)")


_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Has the text a character ``str.isdigit`` calls a digit? ``\\d`` finds the decimal ones
    at the speed of ``re``; only a non-ASCII text may hold another ("²")."""
    if _DIGIT.search(text):
        return True
    return not text.isascii() and any(map(str.isdigit, text))


def widened(text: str, start: int, end: int, casing: Casing) -> tuple[int, int]:
    """The span grown to the whole number, date or name it is part of: "23" of "23 July",
    "1904" of "1904-05", "Solzhenitsyn" of "Alexander Solzhenitsyn" (not a title, "Pope")."""
    near = max(0, start - 20), end + 20
    if _has_digit(text[near[0] : near[1]]):  # no unit without a digit
        for unit in _UNIT.finditer(text, *near):
            units = [unit.span()]
            if " to " in unit.group() and text.endswith("from ", 0, unit.start()):
                # "rose from 5 to 10%": a change, two figures ("5", "10%"); "lasts 18 to 30
                # seconds": one range
                cut = unit.start() + unit.group().index(" to ")
                second = _UNIT.match(text, cut + len(" to "))
                units = [(unit.start(), cut), *([second.span()] if second else [])]
            for a, b in units:
                if a < end and start < b:
                    start, end = min(start, a), max(end, b)
    start, end = number_range(text, start, end)
    if (
        text[start:end].isdigit()
        and "No." in text[max(0, start - 4) : start]
        and (named := _NUMBERED_NAME.search(text, max(0, start - 80), start))
    ):
        start = named.start()  # "Order No. 1": the number is the name's
    if text[start:end].split(" ", 1)[0] in MONTHS:
        # "August and September 1956": two months of one year, asked together
        months = _MONTH_AND_BEFORE.search(text, max(0, start - 16), start)
        start = months.start() if months is not None else start
    if not text[start:end][-1:].isalpha() or not text[start].isupper():
        return start, end
    if _is_number(text[start:end].lower()):
        return start, end  # "Sixteen British and ten French soldiers": a count, no name
    while (
        text[start - 1 : start].isspace()
        and (before := _NAME_BEFORE.search(text, max(0, start - 60), start))
        and _joins(before[1])
        and not _is_number(before[1].lower())  # "Sixteen British and ten French soldiers"
    ):
        verb = before[1].lower() in IRREGULAR_PASTS
        # (a label's colon opens a statement as a sentence's start does: "William, Duke of
        # Normandy: Said Edward promised ...")
        opens = before.start() == 0 or text[: before.start()].rstrip().endswith(":")
        if opens and (not casing.is_name(before[1]) or verb):
            # "If Khrushchev", "Once Mary": a sentence's first word is no name by itself, nor
            # an irregular past tense ("Met Victor Emmanuel at Teano"; but "United Nations",
            # "Wounded Knee")
            break
        start = before.start()
    if particle := _PARTICLE_BEFORE.search(text, max(0, start - 8), start):
        start = particle.start()  # "that da Gama brought": the name is "da Gama"
        before = _NAME_BEFORE.search(text, max(0, start - 60), start)
        if before and _joins(before[1]) and (before.start() > 0 or casing.is_name(before[1])):
            start = before.start()  # "Vasco da Gama"
    while (after := _NAME_AFTER.match(text, end)) and _joins(after[1]):
        month = after[1].split("-")[0].rstrip(".")
        if (month in SHORT_MONTHS or month in MONTHS) and _DATE_NEXT.match(text, after.end()):
            break  # "Taiwan Dec '49": a date after the name ("Jan Smuts" is a name)
        end = after.end()
    return start, end


# A name numbered with "No.", up to its number: "Soviet Order No. ", "Locomotion No. ".
_NUMBERED_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*[ \t]+No\.[ \t]?\Z")


# A month before another, of the same year: "August and ", "June or ", "May to ".
_MONTH_AND_BEFORE = re.compile(rf"\b(?:{'|'.join(MONTHS)})[ \t]+(?:and|or|to)[ \t]+$")


# Two numbers that give one rough count: "five or six shots", "two or three days".
_OR_NUMBER_AFTER = re.compile(r"[ \t]+or[ \t]+([\w,.]+)")
_OR_NUMBER_BEFORE = re.compile(r"(?<![\w,.])([\w,.]+)[ \t]+or[ \t]+$")


def number_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown to a count given as one number or the next: "five" of "five or six
    shots", "6" of "5 or 6". Anything else comes back as it was."""
    if "etween" in text[max(0, start - 40) : start]:
        start, end = _between(text, start, end)
    if not _is_number(text[start:end]):
        return start, end
    fraction = _FRACTION_AFTER.match(text, end)
    if fraction is not None:  # "two thirds", "three quarters": one amount
        return start, fraction.end()
    after = _OR_NUMBER_AFTER.match(text, end)
    if after is not None and _is_number(after[1].rstrip(",.")):
        end = after.start(1) + len(after[1].rstrip(",."))
    before = _OR_NUMBER_BEFORE.search(text, max(0, start - 24), start)
    if before is not None and _is_number(before[1]):
        start = before.start(1)
    return start, end


# A range given by its two ends: "between 1 and 2 million", "between 10,000 and 20,000".
_BETWEEN_BEFORE = re.compile(r"\b[Bb]etween[ \t]+$")
_AND_NUMBER_AFTER = re.compile(
    r"[ \t]+and[ \t]+([\d,.]*\d|[a-z-]+)(?:[ \t]+(?:hundred|thousand|million|billion)\b)?%?"
)
_BETWEEN_AND_BEFORE = re.compile(r"\b[Bb]etween[ \t]+([\d,.]*\d|[a-z-]+)[ \t]+and[ \t]+$")


def _between(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of a number that is one end of a range given with "between", grown to the
    whole range: "1" and "2 million" of "between 1 and 2 million"."""
    if _BETWEEN_BEFORE.search(text, max(0, start - 10), start):
        after = _AND_NUMBER_AFTER.match(text, end)
        if after is not None and _is_number(after[1]) and _is_number(text[start:end]):
            return start, after.end()
    elif (before := _BETWEEN_AND_BEFORE.search(text, max(0, start - 30), start)) and _is_number(
        before[1]
    ):
        return before.start(1), end
    return start, end


_FRACTION_AFTER = re.compile(
    r"[ \t-]+(?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b"
)


# Each span a card may hide is read as a count where it is widened, and its neighbours too.
@lru_cache(maxsize=8192)
def _is_number(word: str) -> bool:
    """Is the word a count, in figures or in words ("six", "1,000", "twenty-five")?"""
    if _COUNT_IN_FIGURES.fullmatch(word):
        return True
    parts = word.lower().split("-")
    return all(part in UNITS or part in TENS for part in parts) and as_number(word) != word


_COUNT_IN_FIGURES = re.compile(r"\d{1,3}(?:,\d{3})*|\d+(?:\.\d+)?")


_DATE_NEXT = re.compile(r"\.?\s+[’']?\d")  # "Dec '49", "Oct-Nov 1647" (the month's dash is read)


def _joins(word: str) -> bool:
    """Can a capitalised neighbour be part of the same name: not "The", "In", a title or a
    possessive ("Stalin’s Fifth Five Year Plan")?"""
    return (
        word.lower() not in STOP_WORDS | PREPOSITIONS | SUBJECT_STARTS
        and word not in TITLES
        and word not in MONTHS
        and not _POSSESSIVE.search(word)
    )
