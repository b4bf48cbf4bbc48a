"""Clauses: a simple English clause of the notes read into its lead, subject, auxiliary, verb,
adverbs and rest, so that cards can turn it into a question.

    >>> clause = parse_clause("In 1957 Khrushchev set up 150 regional economic councils")
    >>> clause.lead, clause.subject, clause.aux, clause.verb, clause.rest
    ('In 1957', 'Khrushchev', 'did', 'set up', '150 regional economic councils')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pastpaper.points import word_rarity

__all__ = [
    "MODALS",
    "MONTHS",
    "PREPOSITIONS",
    "PRONOUNS",
    "STOP_WORDS",
    "SUBJECT_STARTS",
    "WORD",
    "Clause",
    "base_form",
    "is_past",
    "is_verb",
    "parse_clause",
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
#: Words too common to hide, to ask about or to end a subject.
STOP_WORDS = frozenset(
    """a an and are as at be but by for from had has have he her his in is it its of on or
    our she that the their them they this to was we were which who will with you""".split()
)
#: The months, in order: "In March 1953 Stalin died" has its subject after "March 1953".
MONTHS = tuple(
    "January February March April May June July August September October November December".split()
)
#: Subjects that mean nothing out of context: no question is asked about them.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "this", "these", "that", "those"})
MODALS = frozenset("would could should might must can will may shall".split())
_AUXES = frozenset("was were had has have is are did does do".split()) | MODALS
_ADVERBS = frozenset(
    "also therefore thus then too still even again once however already soon later first "
    "initially eventually finally now further well very".split()
)
_NEGATIVE = frozenset({"not", "never", "no"})
_PARTICLES = frozenset("down up out off away back over".split())
PREPOSITIONS = frozenset(
    "in on at by after before during until from under with within since following "
    "throughout for between over".split()
)
SUBJECT_STARTS = frozenset("the a an most many some all both each every no".split()) | PRONOUNS
_RELATIVES = frozenset({"which", "who", "that"})
#: Before these an "-ed" word describes a noun: "the armed forces", "more limited".
_DESCRIBED = frozenset("the a an his her its their this these those very more most".split())
_NOT_VERBS = frozenset("hundred sacred naked wicked kindred beloved".split())
_IRREGULAR = dict(
    pair.split(":")
    for pair in """became:become began:begin brought:bring built:build came:come chose:choose
    drew:draw drove:drive fell:fall felt:feel fought:fight found:find gave:give got:get
    grew:grow held:hold kept:keep knew:know led:lead left:leave lost:lose made:make meant:mean
    met:meet paid:pay put:put ran:run rose:rise said:say saw:see sent:send set:set shot:shoot
    sold:sell spoke:speak spent:spend stood:stand struck:strike swept:sweep took:take
    taught:teach thought:think told:tell threw:throw went:go won:win wrote:write used:use
    bought:buy cut:cut let:let overthrew:overthrow undertook:undertake withdrew:withdraw""".split()
)
_PARTICIPLES = frozenset(
    """been become begun brought built chosen done drawn driven fallen felt fought found given
    got gotten grown held kept known led left lost made meant met paid put run risen said seen
    sent set shot sold spoken spent stood struck swept taken taught thought told thrown gone won
    written rewritten bought cut let overthrown undertaken withdrawn""".split()
)


def is_past(word: str) -> bool:
    """Is the word a past tense: "closed", "set"?"""
    return word in _IRREGULAR or (len(word) > 3 and word.endswith("ed") and word[-3] != "e")


def is_verb(word: str) -> bool:
    """Could the word be a clause's verb: an auxiliary or a past tense, in lower case?"""
    return word[:1].islower() and word not in _NOT_VERBS and (word in _AUXES or is_past(word))


def base_form(past: str) -> str:
    """The plain form of a past tense: closed -> close, scrapped -> scrap, tried -> try."""
    if past in _IRREGULAR:
        return _IRREGULAR[past]
    if past.endswith("ied"):
        return past[:-1] if len(past) == 4 else past[:-3] + "y"  # died, tried
    if re.search(r"(?:is|iz|ys|yz)ed$", past):
        return past[:-1]  # emphasised, organized, analysed
    stem = past[:-2]
    candidates = [stem, stem + "e"]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])  # planned, scrapped, cancelled
    return max(candidates, key=word_rarity)


def parse_clause(text: str) -> Clause | None:
    """Lead, subject, verb group and rest of a clause; None where they cannot be told apart."""
    words = list(WORD.finditer(text))
    verb_at = _verb_at(words)
    if verb_at is None:
        return None
    lead_end = _lead_end(words[:verb_at])
    last = verb_at  # "he roundly condemned", "he thus needed": adverbs are not the subject
    while last > lead_end and _is_adverb(words[last - 1].group()):
        last -= 1
    start = words[lead_end].start() if lead_end < last else words[verb_at].start()
    subject = text[start : words[last - 1].end()].strip(" ,") if last > lead_end else ""
    if subject and not _plausible_subject(subject):
        return None
    manner = [w.group() for w in words[last:verb_at] if w.group().endswith("ly")]
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


def _verb_at(words: list[re.Match[str]]) -> int | None:
    """The clause's own first verb: not "which was launched", "named after", ", launched in"."""
    i, aside = 0, False  # aside: a ", launched in 1959," has been passed over
    while i < len(words):
        word = words[i].group()
        regular = word not in _AUXES and word not in _IRREGULAR
        before = words[i - 1].group().lower() if i else ""
        opens_aside = i > 0 and "," in _gap(words, i) and not aside
        describes = word.startswith("un") or before in _DESCRIBED or opens_aside
        if not is_verb(word) or (regular and (describes or _reduced_relative(words, i))):
            aside |= opens_aside and is_verb(word)
            i += 1
        elif before in _RELATIVES:
            i += 2 if word in _AUXES else 1
        else:
            return i
    return None


def _gap(words: list[re.Match[str]], i: int) -> str:
    return words[i].string[words[i - 1].end() : words[i].start()]


def _reduced_relative(words: list[re.Match[str]], at: int) -> bool:
    """Is the "-ed" word part of the subject, as in "Places named after Stalin were ..."?"""
    for i in range(at + 1, min(at + 6, len(words))):
        word = words[i].group()
        if word in {"was", "were", "is", "are"}:
            return words[i - 1].group().lower() not in _RELATIVES | {"and", "but", "or"}
        if is_verb(word) or word in {"and", "but", "or"}:
            return False
    return False


def _lead_end(before: list[re.Match[str]]) -> int:
    """Where the subject starts, after a lead such as "In 1957", "In agriculture", "In order
    to secure his position"."""
    if not before or before[0].group().lower() not in PREPOSITIONS:
        return 0
    for i in range(1, len(before)):
        token = before[i].group()
        if "," in _gap(before, i):
            return i
        starts = token.lower() in SUBJECT_STARTS or (token[0].isupper() and token not in MONTHS)
        if i >= 2 and starts:
            return i
    return len(before)


def _plausible_subject(subject: str) -> bool:
    words = subject.lower().split()
    if len(words) == 1 and words[0] in PRONOUNS:
        return True
    ends = STOP_WORDS | SUBJECT_STARTS | {"whom", "whose", "so"}
    return len(words) <= 12 and words[-1] not in ends


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or word in _NEGATIVE or (word.endswith("ly") and len(word) > 4)


def _verb_group(words: list[re.Match[str]], at: int) -> tuple[str, str, str, bool, int]:
    """(aux, verb, adverbs, negative, where the rest starts) from the first verb on."""
    first = words[at].group()
    taken: list[str] = []
    i = at + 1
    if first not in _AUXES:
        taken, aux = [base_form(first)], "did"
    else:
        aux = first
        while i < len(words) and _is_adverb(words[i].group()):
            i += 1
        if i < len(words) and (first in MODALS or words[i].group() == "been"):
            taken.append(words[i].group())
            i += 1
        if i < len(words) and (words[i].group() in _PARTICIPLES or is_past(words[i].group())):
            taken.append(words[i].group())
            i += 1
    if taken and i < len(words) and words[i].group() in _PARTICLES:
        taken.append(words[i].group())
        i += 1
    between = [w.group() for w in words[at + 1 : i] if w.group() not in taken]
    adverbs = " ".join(w for w in between if w.endswith("ly"))
    negative = any(w in _NEGATIVE for w in between)
    return aux, " ".join(taken), adverbs, negative, words[i - 1].end()
