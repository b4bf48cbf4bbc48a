"""Question cards: "When did Stalin die?" made from a statement of the notes.

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
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from pastpaper.language import (
    IRREGULAR_PASTS,
    MODALS,
    MONTHS,
    NATIONALITIES,
    PARTICIPLES,
    PREPOSITIONS,
    PRONOUNS,
    ROUGHLY,
    SHORT_MONTHS,
    STOP_WORDS,
    SUBJECT_STARTS,
    SUBORDINATORS,
    TITLES,
    WORD,
    as_number,
    base_form,
    is_past,
    is_verb,
    may_be_base_verb,
    spelt_out,
    zipf,
)
from pastpaper.schemes.clauses import DATE, Casing, Clause, number_range, parse_clause
from pastpaper.schemes.terms import JOINED_NAME
from pastpaper.study.statements import ASIDE_COMMA, NAME, Statement
from pastpaper.text import has_phrase, match_key

__all__ = ["gives_away", "question_cards"]


_MAX_QUESTION_WORDS = 30
_MAX_ANSWER_WORDS = 20
_CUT = re.compile(
    # "... and was scattered", "... and freed Catholics", "... and cut the vote": a second
    # verb starts a second clause
    r"(?:^|\s)(?:and|but|or)\s(?=(?:was|were|had|has|is|are)\s|[a-z]+ed\s|"
    rf"(?:{'|'.join(sorted(IRREGULAR_PASTS, key=len, reverse=True))})"
    r"\s(?:the|a|an|his|her|its|their)\s)|"
    r",(?!\d{3})|;|:|\s(?:while|whereas|which|who|because|although|though|when|but|so that|"
    r"in order to|so as to|as long as|such as|rather than|instead of)\s"
)
_REASON = re.compile(
    r"\b(?:in order to|so as to|because|"
    r"so that(?=(?:\s+[\w’'-]+){0,4}?\s+(?:would|could|might|should|can)\b))\s",
    re.IGNORECASE,
)
# "introduced de-Stalinisation to protect his position": "to" with a verb of purpose.
_PURPOSE = re.compile(
    r"(?=t)\bto (?:protect|secure|improve|establish|prove|strengthen|weaken|boost|increase|reduce|"
    r"win|gain|stop|prevent|avoid|ensure|encourage|raise|restore|rid|get rid|remove|satisfy|"
    r"please|punish|reward|control|crush|end)\b"
)
# Verbs and words whose "to" says what was wanted, not why: "wanted to", "was eager to".
_WANTS = frozenset(
    "want try hope allow force ask tell encourage expect permit persuade order help need "
    "decide plan attempt seek agree promise refuse fail manage begin continue eager able "
    "keen anxious ready determined offer threaten demand prepare intend aim wish choose "
    "arrange propose pledge vow urge invite advise warn beg struggle".split()
)


@dataclass(frozen=True)
class _Asking:
    """What a question maker works from."""

    text: str
    clause: Clause
    numbers: list[str]  # the point's numbers, as its facts give them
    worth: list[str]  # the things in the point worth knowing
    people: set[str]
    # Where a further clause starts in the clause's rest (``_CUT``; None if none): found
    # once here, as both "When" and "What" cut the rest there.
    cut: int | None

    @property
    def trimmed_rest(self) -> str:
        """The clause's rest as ``_trimmed`` cuts it."""
        rest = self.clause.rest
        return (rest if self.cut is None else rest[: self.cut]).strip()


# Revision shorthand's arrow between what happened and what followed ("... -> blamed"), or
# a dash: a subject that holds one ("Nicholas takes command -") ran past its own verb.
_ARROW = re.compile(r"\s(?:-+>?|–|=>|→|⇒|=)(?:\s|$)")  # (and "crop lost = near-total failure")


def question_cards(
    statement: Statement, spans: list[tuple[int, int]], people: set[str], casing: Casing
) -> Iterator[tuple[Literal["basic"], str, str]]:
    """The question cards a statement makes: ("basic", question, answer) for each question
    it plainly answers; ``spans`` are where its things worth knowing stand, ``people`` the
    names known to be people."""
    clause = statement.clause
    if not statement.asks or clause.negative or clause.aux in MODALS:
        return
    if clause.subject.lower() in PRONOUNS:
        return
    if clause.subject.split()[0].lower() in _CLAUSE_OPENERS:
        return  # "When the students marched ..., Metternich resigned": no "When did when"
    if _UNTOLD_SUBJECT.search(clause.subject) or _misread_as(clause, statement.text):
        return  # "the larger ones" (ones of what?): a subject the card cannot ask about
    if _ARROW.search(clause.subject):
        return  # "Nicholas takes command -> blamed ...": the verb found is the arrow's result
    if clause.aux == "did" and not clause.verb:
        return  # "did" is the verb itself ("Khrushchev did this"): nothing to ask about
    if clause.aux == "did" and _AGENT.match(clause.rest):
        return  # "Rubber gloves introduced by Halsted": a passive without its "were"
    clause = _with_its_was(clause, statement.text, people)
    if _DEMONSTRATIVE.search(clause.lead):
        return  # "In that year": the card would not say which year
    if _DIGIT.search(clause.subject) and _BARE_DATE.search(clause.subject):
        # "Pride's Purge 6 Dec 1648 removed ...": a date set beside a name, as a label, is no
        # part of the subject ("Mary I (1553-58)", "the Act of 1927" are).
        return
    numbers = [f.value for f in statement.point.facts if f.kind == "number"]
    names = [f.value for f in statement.point.facts if f.kind == "name"]
    worth = [statement.text[s:e] for s, e in spans]
    asking = _Asking(statement.text, clause, numbers, worth, people, _further_clause(clause.rest))
    for make in (_when, _how_many, _what, _why, _what_was):
        for front, back in make(asking):
            front = _in_sentence_case(_SPACES.sub(" ", front), statement.text, casing, names)
            if make is _when and _AFTER_WHAT.search(front):
                continue  # "When did seaborne troops follow?": followed what, it cannot say
            if make is _when and _YEAR_IN.search(back):
                # A table's present tense asked of a past date: "When was the Armada sighted
                # off the Lizard?" (not "When is ..."), its answer "29 July 1588".
                front = _PRESENT_ASKED.sub(lambda m: f"When {_PAST_OF[m[1]]} ", front)
            if (
                _reads_as_question(front, back)
                and len(front.split()) <= _MAX_QUESTION_WORDS
                and 0 < len(back.split()) <= _MAX_ANSWER_WORDS
                and not gives_away(front, back)
                and not _ARROW.search(f" {front} {back} ")
                and (front.startswith("Why") or not _GIVES_REASON.match(spelt_out(back)))
                and not _HALF_COMPARED.search(front)
                and not _POINTED.search(front)
                and not (front.startswith("Why") and _POINTED_ANSWER.fullmatch(back))
            ):
                yield "basic", front, back


# A verb that tells only that something came after another, with nothing after it: "When
# did the Muslim League follow?" (was founded after Congress).
_AFTER_WHAT = re.compile(r"\b(?:follow|come next|come after|succeed)\?$")
_PRESENT_ASKED = re.compile(r"^When (is|are|does|do) ")
_PAST_OF = {"is": "was", "are": "were", "does": "did", "do": "did"}
_YEAR_IN = re.compile(r"\b\d{3,4}\b")


# A thing pointed back to, which a card alone cannot show: "When did the Supreme Court uphold
# this ruling?"; and a purpose that acts on someone named before: "Why did Eisenhower send
# 1,000 paratroopers?" / "to protect them".
_POINTED = re.compile(r"\b(?:this|these|those)\s+(?!year\b|time\b|period\b)[a-z]+")
_POINTED_ANSWER = re.compile(r"to\s+(?:\w+\s+){1,2}(?:them|him|her|it)\.?")


# A comparison without what it compares with: "Why was the Enabling Act arguably more
# important?" (than what?). Not "more ships", a quantity, nor one that says "than".
_HALF_COMPARED = re.compile(
    r"\b(?:more|less)\s+(?:[a-z]+(?:ant|ent|ful|ive|ous|al|ic|ble|ular|ly)|likely|serious|"
    r"dangerous|popular|powerful|successful|effective)\b(?!.*\bthan\b)"
)


# Verbs that take an object: one written with none, before a place, a date, "to" or "by", or
# with nothing after it, is a passive without its "was" ("Italy defeated at Adwa",
# "Armistice signed at Panmunjom, July 1953", "Mandela sentenced to life imprisonment",
# "Mandela released"). (Not verbs also used without an object: "invaded in 1914", "London
# burned in 1666".)
_TRANSITIVE = frozenset(
    """defeat sign kill execute arrest crown capture elect assassinate murder found abolish
    ban occupy annex overthrow depose exile imprison hang behead destroy introduce ratify
    crush suppress besiege sack massacre seize excommunicate dismiss appoint release adopt
    sentence free deport expel proclaim establish outlaw legalise legalize unban restore
    complete seal storm publish compile declare clear remove evict raze bomb convict
    acquit jail detain""".split()
)
_PLACE = re.compile(r"(?:at|in|on|near|outside|during|to|by|as|with|from|into|onto)\b")
# Verbs that call something what it became, a word in quotes after them, which is no object:
# "townships made "ungovernable"", "the area declared "white"".
_CALLING = frozenset("make declare call label brand name".split())
# (or one of the few words that say what a law or a state was made: "UN arms embargo made
# mandatory in 1977", "the ANC declared illegal")
_CALLED = re.compile(r"[\"“‘']|(?:mandatory|compulsory|illegal|legal|independent|law)\b")


# Verbs that name what someone became, and a title after them with no article: "Mugabe
# elected prime minister", "Napoleon crowned emperor" ("Parliament elected Cromwell" and "the
# people elected a new assembly" have objects).
_NAMING_VERBS = frozenset("elect crown appoint proclaim".split())


def _gives_a_title(clause: Clause) -> bool:
    """Is the rest of the clause the title someone was given, not an object?"""
    first = clause.rest.split(None, 1)[0].lower() if clause.rest else ""
    return (
        clause.verb in _NAMING_VERBS
        and clause.rest[:1].islower()
        and first not in SUBJECT_STARTS | {"his", "her", "its", "their", "our"}
    )


def _with_its_was(clause: Clause, text: str, people: set[str]) -> Clause:
    """The clause of a passive written without its "was" read as the passive it is: "Italy
    defeated at Adwa in 1896" asks "When was Italy defeated at Adwa?", not "When did Italy
    defeat at Adwa?" (which says the opposite). Any other clause as it is."""
    called = clause.verb in _CALLING and _CALLED.match(clause.rest) is not None
    if clause.aux != "did" or (clause.verb not in _TRANSITIVE and not called):
        return clause
    if (
        not called
        and clause.rest
        and not _PLACE.match(clause.rest)
        and not DATE.match(clause.rest)
        and not _gives_a_title(clause)
        and not _OPENS_A_CLAUSE.match(clause.rest)
    ):
        return clause  # "Italy defeated Ethiopia": an object, so no passive
    written = _NEXT_WORD.match(text, clause.subject_at[1])
    if written is None or (not written[1].endswith("ed") and written[1] not in PARTICIPLES):
        return clause
    # (A person is one, whatever the name's last letter: "Charles", "Brutus".)
    one = clause.subject in people
    aux = "were" if not one and _PLURAL.search(_HEAD_OF.sub("", clause.subject)) else "was"
    # Terse notes leave out the article a question needs: "Domesday survey completed" asks
    # "When was the Domesday survey completed?". (A name alone, "Italy", "Emperor Meiji",
    # takes none, nor a plural: "When were rebels defeated?"; nor a common word that only
    # opens a line: "Internal settlement signed".)
    subject = clause.subject
    if (
        aux == "was"
        and _NAMED_THING.fullmatch(subject)
        and zipf(subject.split()[0].lower()) < _EVERYDAY
    ):
        subject = "the " + subject
    return replace(clause, aux=aux, verb=written[1], subject=subject)


_EVERYDAY = 4.0  # zipf from which a word is an everyday one ("internal"), not a name
# A thing named by a name before a common noun: "Domesday survey", "Reichstag fire".
_NAMED_THING = re.compile(r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+[a-z][\w-]*[^s\W]")


# What follows a verb and opens a clause of its own, no object of it: "villages were burned
# and livestock killed, so that perhaps ... died": the livestock were killed.
_OPENS_A_CLAUSE = re.compile(r"(?:so that|so|which|because|while|whereas|when|and|but)\s")
# The name a subject's "of" adds, which does not make it plural: "Treaty of Versailles".
_HEAD_OF = re.compile(r"\s+of\s.*$")


_BARE_DATE = re.compile(rf"(?<![(\w])(?<!\bof )(?<!\bin )(?:{DATE.pattern})")
_PARTICLE_ENDS = frozenset({"back", "out", "off", "up", "down", "away", "over", "aside"})
_AND_WORD = re.compile(r"\band\s+([a-z]+)\b")


def _verb_joined(text: str) -> bool:
    """Does an "and" in ``text`` join a second verb ("... in 1529 and sat")?"""
    return any(is_past(m[1]) for m in _AND_WORD.finditer(text))


# What follows a verb and is no object of it: a participle's phrase ("died, including roughly
# 36,000 Americans"), a part of a date ("sat early 1645", "sat Apr-May 1640").
_NOT_AN_OBJECT = re.compile(
    r"(?:including|leaving|making|causing|killing|bringing|taking)\b|(?:early|late|mid)[ -]"
    rf"|(?:{'|'.join(SHORT_MONTHS)})[a-z]*\.?\s*[-–]",
)
_DEMONSTRATIVE = re.compile(r"\b(?:this|that|these|those)\b", re.IGNORECASE)
# Who did it, after a participle: "introduced by William Halsted" (not "by 1071", "by sea").
_AGENT = re.compile(r"by\s+(?:the\s+)?[A-Z]")
# An answer that gives a reason answers "Why", not "What": "b/c the U2 was shot down".
_GIVES_REASON = re.compile(r"(?:because|since)\b", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
# Patterns used for every statement are compiled once; none is made from a statement's own
# words (a course has thousands: compiling them took a tenth of the time of its cards).
_FIRST_WORD = re.compile(r"([A-Z][\w’'-]*)(\s+[A-Z])?")
_RELATIVE_DATED = re.compile(
    r"((?:[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+)*[A-Z][\w’'-]*)(?:\s+(?:which|that)\s+(was|were)|,)"
    rf"\s+([a-z]+ed)\s+in\s+({DATE.pattern})"
)
# What ``_RELATIVE_DATED`` needs, found at once: "launched in 1959" (a date's first character).
_DATED_IN = re.compile(r"[a-z]ed\s+in\s+[\dcACDFJMNOS]")
_DIGIT = re.compile(r"\d")
_THE = re.compile(r"^The\s")
_PLURAL = re.compile(r"[^su]s$")  # not "Congress", nor "Brutus": no plural ends in "-us"
_WHEN_AFTER = re.compile(rf"\b(?:in|until|by)\s+({DATE.pattern}),?\s+when\s+(.+)$")
# (A date's label may go on with the event's name: "1866: Austro-Prussian War, Prussia won".)
_DATED_LEAD = re.compile(
    rf"(?:(?:in|on)\s+)?({DATE.pattern})(?::(?-i:\s+[A-Z][\w’'-]*(?:\s+(?:of|the|[A-Z][\w’'-]*))*)?)?"
    # (and the name the date is known by: "On 7 March 1965, known as Bloody Sunday")
    r"(?:,\s+(?:known|remembered) as\s+[^,]+)?",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\b")
# "that" right after the date, or after an aside between commas: "in 1861, using
# swan-necked flasks, that ...".
_THAT_AFTER = re.compile(r"\s*(?:,[^,;.]*,\s*)?that\b")
# "... to 15% in 1867-70": figures may hold commas ("to 300,000 in 1939").
_TO_DATE = re.compile(rf"\s*to\b(?:[^,;]|,\d)*?\b(?:in|by)\s+(?:{DATE.pattern})")
# (A whole date after a noun with no "on" dates it too: "entered York 16 Oct. 1536".) (It
# starts with a space or the first letter of "in", "on", "from" or "between": the lookahead in
# front turns the other places down at once.)
_DATED_REST = re.compile(
    r"(?=[\sbfio])"
    rf"\s*(?:\b(?:in|on)\s+|(?<=[\w)])\s(?=\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{3,4}}\b)"
    # a span of days: "from 21 to 25 March 1965", "between 4 and 11 February 1945"
    r"|\b(?:from|between)\s+(?=\d{1,2}[ \t]+(?:to|and|until)[ \t]+\d{1,2}\s+[A-Z]))"
    rf"({DATE.pattern})"
)
#: A subject that starts with one of these opens a clause of its own: no subject.
_CLAUSE_OPENERS = SUBORDINATORS | {"if", "where", "which", "who", "whose", "whom"}
# ... nor one that holds a clause of its own: "Many villages under-reported their numbers, so
# commissioners".
_UNTOLD_SUBJECT = re.compile(
    r"\bones$|\b(?:the|these|those|some|many)\s+others$|\bthe\s+(?:latter|former)$|"
    # "The two countries", "the three men": which, named before, the card cannot show
    r"^(?i:the)\s+(?:two|three|four|five|six|seven|eight|nine|ten|twelve)\s+[a-z]+s$|"
    r",\s*(?:so|because|but|while|whereas)\s|"
    # "X attacked the invasion, there [was a large protest]": a clause of its own ran on
    r",\s*there$"
)
_AS_NAME = re.compile(r"(?<!such )\bas\s+[A-Z][\w’'-]*$")


def _misread_as(clause: Clause, text: str) -> bool:
    """Does the subject run on into "as <name>", whose verb the clause took for its own:
    "holds about seven items, as Miller found in 1956"? (Not an aside the text closes with a
    comma: "Nicholas II, as Commander-in-Chief, took command".)"""
    return bool(_AS_NAME.search(clause.subject)) and not text[clause.subject_at[1] :].startswith(
        ","
    )


_REPORTED = re.compile(r"that\b")
# Verbs done to a person, whose object is someone: "Who did Henry VIII marry?".
# Verbs that make someone something, and offices they make them: "made Archbishop".
_MADE_INTO = frozenset("make appoint name elect crown proclaim declare".split())
_OFFICES = frozenset(
    """Archbishop Bishop Abbot Consul Dictator Chancellor Minister Governor Viceroy Regent
    Protector Earl Sheriff Mayor Speaker Leader Head Chief Commander""".split()
)
# A name, then what it was made in lower case: "George Washington commander of ...",
# "Thomas Cromwell his chief minister", "Berlin the capital".
_NAMED_AS = re.compile(r"^(?:[A-Z][\w’'.-]*\s+)+[a-z]")
# A time named as a thing: "spent the winter of 1777-78 at Valley Forge" (when, not what).
_TIME_OF = re.compile(
    r"(?:the\s+)?(?:(?:early|late|hard|bitter|long|cold)\s+)?"
    r"(?:spring|summer|autumn|winter|year|years|months?|weeks?)\s+of\s+\d",
    re.IGNORECASE,
)
# An object's state after it: "kept the army together", "kept the plan secret".
_KEPT_SO = re.compile(r"\s(?:together|apart|alive|going|intact|secret|afloat|waiting)\b")
# A name and the state it was left in: "Britain almost bankrupt", "Germany weak".
_LEAVING = frozenset({"leave", "render", "make", "keep"})
_LEFT_SO = re.compile(
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:(?:almost|nearly|very|too|so|deeply|badly)\s+)?"
    r"(?:bankrupt|weak|isolated|exposed|divided|vulnerable|helpless|defenceless|defenseless|"
    r"powerless|dependent|unable|open|poor|exhausted|ruined|broke|homeless|[a-z]+less)\b"
)
_QUALITY = re.compile(r"[a-z]+(?:ory|al|ble|ful|ous|ive|ic|ent|ant)|free|law")
_GIVING = frozenset("give grant offer award pay send lend show teach hand promise owe".split())
# A name and then what it was given: "Jenner £30,000" (not "Germany's weakness").
_GIVEN_TO = re.compile(r"(?:[A-Z][\w’'-]*(?<![’']s)\s+)+(?=\S)(?![A-Z])")
_BUILDING = re.compile(r"\b(?:Abbey|Cathedral|Church|Chapel|Minster|Palace|Hall|Castle)\b")
_DONE_TO_PEOPLE = frozenset(
    "marry divorce murder assassinate behead crown depose exile imprison arrest".split()
)
_SAYING = frozenset(
    "say claim argue believe declare announce insist think write report promise tell warn "
    "suggest admit deny state".split()
)
_WITHIN = re.compile(r"\b(?:after|before|when|until|since|once|while)\s+(.+)")
_BRACKET_AFTER = re.compile(r"^\s*\([^)]*\)")
_OBJECT_ENDS = re.compile(
    r"\s(?:in|at|on|to|from|into|with|for|by|during|after|before|under|until)\s"
)
_OPENS_BRACKET = re.compile(r"\s*\(")
_INFINITIVE = re.compile(r"to\s+([a-z]+)\b")
# Verbs whose object is made to do what the infinitive after it says: "persuaded the states to
# join India", "forced the king to flee".
_MADE_TO = frozenset(
    "persuade force order ask tell encourage allow urge invite advise compel oblige require "
    "forbid permit convince".split()
)
_SHORT_ADJUNCT = re.compile(r"(?:in|at|on|to|from|into|with)(?:\s[\w’'-]+){1,3}")
_AS = re.compile(r"\bas\b")
_AS_SPACED = re.compile(r"\sas\s")
_LEADING_THE = re.compile(r"^the\s")
_POSSESSION = re.compile(r"[A-Z][\w-]*[’']s\s+[a-z]+(?:\s[a-z]+)?")
_ANSWER_WORD = re.compile(r"[\w’'-]+")


_SEEING = frozenset("see regard view treat consider".split())
_UNASKED = re.compile(
    r"[:;]|\b(?:he|she|it|they|him|them)\b|^\w+ (?:\w+ )?(?:this|these|those)\b"
    r"|\b(?:the|a|an|of|by|and|or|the time)\?$"
    # a subject whose owner the question does not name ("When did his commissioners ..."),
    # and "her" as what was done to someone ("When did Henry marry her secretly?"; not "When
    # did Mary lose her throne?")
    r"|^\w+(?: \w+)? (?:did|was|were|had|is|are) (?:his|her|its|their)\b"
    r"|\bher(?:\s+(?:\w+ly|in|on|at|to|from|with|by|for|as|into|after|before|and)\b|\?)",
    re.IGNORECASE,
)


def _reads_as_question(front: str, back: str) -> bool:
    """Is the question one a student can answer as it stands: no label ("23 July: ..."), no
    "it" or "they" it does not explain, no open bracket, nothing left hanging ("by the
    time?"), and for "When", no other date that would make two answers?"""
    if _UNASKED.search(front) or front.count("(") != front.count(")"):
        return False
    return not (front.startswith("When") and DATE.search(front))


#: How common in English (Zipf) a name's first word may be and still be kept capitalised
#: at a question's start from the notes' names alone, as names are told from sentence starts.
_COMMON = 3.0


def _in_sentence_case(front: str, text: str, casing: Casing, names: list[str]) -> str:
    """The question with the statement's first word in lower case where the notes
    capitalised it only for starting a sentence: "When did unemployment fall ...?"; not
    where it opens one of the statement's ``names``, though the notes name it only at a
    sentence's start ("When did Novotny resign?")."""
    first = _FIRST_WORD.match(text)
    counted = first is not None and as_number(first[1].lower())[:1].isdigit()
    if first is None or (not counted and (first[2] or casing.is_proper(first[1]))):
        return front  # (a count is no name: "When were sixteen British soldiers killed?")
    if JOINED_NAME.search(first[1]):
        return front
    if (
        zipf(first[1].lower()) < _COMMON
        and _ABSTRACT_NOUN.search(first[1]) is None  # "Conscription was introduced ..."
        and any(name.split()[0] == first[1] for name in names if text.startswith(name))
    ):
        return front  # (a common word opening a list item may be read as a name: "- Loss")
    if _name_like(first[1], casing) and _acts(text[first.end(1) :]):
        return front  # "When did Kennedy propose ...?", "When did Caesar cross ...?"
    owner = _POSSESSIVE_END.sub("", first[1])
    if owner != first[1] and _name_like(owner, casing):
        return front  # "When did Caesar's enemies strike?"
    if _WITH_A_NAME.match(text, first.end(1)) and first[1].lower() not in casing.lower:
        return front  # "Britain and the Dutch Republic joined ...": one name beside another
    if first[1].isupper() and len(first[1]) > 1:
        return front  # "LBJ", "NATO": capitals of their own
    if first[1] in NATIONALITIES:
        return front  # "When did British troops fire on the crowd?"
    if len(first[1]) == 1 and first[1].isupper() and text[first.end(1) : first.end(1) + 1] == ".":
        return front  # an initial: "F. W. de Klerk"
    word = first[1]
    at = _word_at(front, word)
    return front if at < 0 else front[:at] + word.lower() + front[at + len(word) :]


#: How common in English a word the notes never write in lower case may be and still read
#: as a name at a sentence's start: "Kennedy", "Caesar", "Gandhi", and countries, "Italy"
#: (4.7), "Britain" (4.7); not "War" (5.5). A common word below it that a course never
#: writes in lower case keeps its capital too ("Trade", 5.1, in notes of a few lines); a
#: course of any length writes such words in lower case somewhere.
_NAME_LIKE = 5.3
# The endings of words for things, states and groups, which are no one's name: "Inflation",
# "Unemployment", "Rationing", "Peasants", "Censorship".
_COMMON_NOUN_END = re.compile(
    r"(?:ion|ment|ness|ity|ism|ist|ing|ance|ence|ship|ure|cy|ics|dom|hood|[^aiosu]s)$"
)


#: The endings of English abstract nouns, which no name of a person or place has (narrower
#: than ``_COMMON_NOUN_END``: "Pericles", "Hephaestion" are names).
_ABSTRACT_NOUN = re.compile(r"(?:[acp]tion|ition|ssion|ment|ness|ism|ity|ship|hood)$")


def _name_like(word: str, casing: Casing) -> bool:
    """Is a sentence's first word, which the notes never write in lower case, more likely a
    name than a common word: not very common in English, not ending as a common noun or a
    plural does?"""
    lower = word.lower()
    return (
        word.isalpha()
        and lower not in casing.lower
        and zipf(lower) < _NAME_LIKE
        and _COMMON_NOUN_END.search(lower) is None
    )


_NEXT_WORD = re.compile(r"\s*([\w’'-]+)")
_ASIDE_FIRST = re.compile(r"^\s*\([^()\n]*\)")
_POSSESSIVE_END = re.compile(r"[’']s$")
_WITH_A_NAME = re.compile(r"\s+and\s+(?:the\s+)?[A-Z]")
_WHO_ASIDE = re.compile(r",\s*who(?:se)?\s")


def _acts(after: str) -> bool:
    """Does what follows a sentence's first word make it a subject of its own, as a name is:
    a verb or "and" next ("Kennedy proposed", "Gandhi and 78 followers walked"), not a noun
    it describes ("Passive resistance")?"""
    following = _NEXT_WORD.match(_ASIDE_FIRST.sub("", after))  # "Peel (Tory PM) bought"
    if following is None:
        # "Cromwell, who had fought ...": an aside on a person
        return _WHO_ASIDE.match(after) is not None
    return following[1] in {"and", "had", "was"} or is_verb(following[1])


def _word_at(text: str, word: str) -> int:
    r"""Where ``word`` first stands after a space and before no other letter of a word (-1
    if nowhere): as ``(?<=\s)word(?![\w’'-])`` finds it, without compiling a pattern for
    every first word (``\w`` is what ``str.isalnum`` says, or "_")."""
    at = text.find(word, 1)
    while at >= 0:
        after = text[at + len(word) : at + len(word) + 1]
        if text[at - 1].isspace() and not (after and (after.isalnum() or after in "_’'-")):
            return at
        at = text.find(word, at + 1)
    return -1


_LISTED = re.compile(r"\s(?:and|or)\s")
_ASIDE_OPENS = re.compile(r"\s*(?:who|whose|which|[a-z]+ed|[a-z]+en)\s")


def _ask(word: str, clause: Clause, tail: str, lead: str | None = None) -> str:
    """A question from a clause: "When" + "did" + "Khrushchev" + "close down" + tail + lead."""
    subject = clause.subject
    first = subject.split()[0]
    if first.lower() in SUBJECT_STARTS:
        subject = first.lower() + subject[len(first) :]
    if lead is None:
        lead = "" if _REASON.match(clause.lead + " ") else clause.lead
    # Moved to the end, a lead's first word is no sentence's: "... on 20 June 1792 when
    # Louis vetoed the decrees?"
    if lead and lead.split()[0].lower() in PREPOSITIONS | SUBORDINATORS | {"if", "as"}:
        lead = lead[0].lower() + lead[1:]
    # (Without the name the date is known by: "... on 7 March 1965?", not ", known as ...".)
    # (Nor what the subject is known by: "Known as the Iron Chancellor, Bismarck ...".)
    lead = "" if _KNOWN_AS.match(lead) else _KNOWN_AS.sub("", lead)
    commas = list(ASIDE_COMMA.finditer(subject))
    last = subject[commas[-1].end() :] if commas else subject
    # (An aside that opens on a participle or a "who" is no list's last item, "and" or not:
    # "Cornwallis, trapped at Yorktown by French and American troops, surrender".)
    listed = bool(commas) and _LISTED.search(last) is not None and not _ASIDE_OPENS.match(last)
    if len(commas) % 2 and not listed:  # (not a list: "anarchists, communists and the POUM")
        subject += ","  # close the aside: "a new currency, the Rentenmark, come in"
    aux, verb = clause.aux, clause.verb
    if aux in _HAVING and not verb:  # "the GMD had a larger army": "When did the GMD have"
        aux, verb = _HAVING[aux], "have"
    elif (
        word == "When"
        and aux == "had"
        and (verb.endswith("ed") or verb in IRREGULAR_PASTS or verb in _AS_BASE)
        and " " not in verb
    ):
        # "Stephenson's Rocket had won the Rainhill Trials in October 1829": when it won, as
        # a question asks it ("When did ... win"), not "When had ... won".
        aux, verb = "did", verb if verb in _AS_BASE else base_form(verb)
    parts = (word, aux, subject, clause.adverbs, verb, tail.strip(" ,"), lead)
    return " ".join(p for p in parts if p) + "?"


_HAVING = {"had": "did", "has": "does", "have": "do"}
# Participles written as their verb's plain form: "had come to the throne" asks "did ... come".
_AS_BASE = frozenset("come become run cut put set let shut".split())
_KNOWN_AS = re.compile(r"(?:^|,\s+)(?:known|remembered) as\s+[^,]+$", re.IGNORECASE)


def _trimmed(rest: str) -> str:
    """The rest of a clause up to where a further clause or a list of examples begins."""
    cut = _further_clause(rest)
    return (rest if cut is None else rest[:cut]).strip()


def _further_clause(rest: str) -> int | None:
    """Where a further clause or a list of examples begins in a clause's rest (``_CUT``), or
    a clause with a subject and verb of its own after "and": "won the election and street
    violence between Falangists and socialists grew"; None if none does."""
    cut = _CUT.search(rest)
    if cut is not None and any(mark in rest for mark in '"“‘'):
        # A quotation is whole: "allowed "separate but equal" facilities" is no clause
        # cut at "but".
        quoted = [m.span() for m in _QUOTED.finditer(rest)]
        cut = next(
            (c for c in _CUT.finditer(rest) if not any(a < c.start() < b for a, b in quoted)),
            None,
        )
    end = cut.start() if cut else len(rest)
    reported = _THAT.search(rest, 0, end)  # "ruled that separate schools for black and white
    # children were unequal": what was said is one clause of the question
    for join in _AND.finditer(rest, 0, reported.start() if reported else end):
        words = WORD.findall(rest, join.end(), end)[:_CLAUSE_WORDS]
        verb = next((at for at, w in enumerate(words) if at and is_verb(w, splits=True)), None)
        # (not a relative clause inside the second thing: "the Five-Year Plans and the
        # collectivisation that killed millions")
        if words and not is_verb(words[0]) and verb and not _RELATIVES & set(words[:verb]):
            return join.start()
    return cut.start() if cut else None


_AND = re.compile(r"\s+and\s+")
_QUOTED = re.compile(r"\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|(?<!\w)‘[^’\n]{1,80}’(?!\w)")
_RELATIVES = frozenset({"that", "which", "who", "whom", "whose"})
_THAT = re.compile(r"\bthat\b")
_CLAUSE_WORDS = 8  # how far after "and" a verb still makes the words after it a clause


Asked = Iterator[tuple[str, str]]


def _when(a: _Asking) -> Asked:
    # Every question below asks for a date, and every date holds a digit: a text without
    # one needs none of the patterns.
    if not _DIGIT.search(a.text):
        return
    clause = a.clause
    # The whole pattern is slow to fail on a text that has no "<verb>ed in <date>" at all.
    relative = _RELATIVE_DATED.search(a.text) if _DATED_IN.search(a.text) else None
    if relative:  # "The Seventh Five Year Plan which was launched in 1959" (or ", launched")
        subject = _THE.sub("the ", relative[1])
        aux = relative[2] or ("were" if _PLURAL.search(subject) else "was")
        yield f"When {aux} {subject} {relative[3]}?", relative[4]
        return
    # The pattern needs a "when", which most rests have not: a plain test first.
    when = _WHEN_AFTER.search(clause.rest) if "when" in clause.rest else None
    if when:  # "... until 1956 when Nikita Khrushchev appeared as the new Soviet leader"
        inner = parse_clause(when[2])
        if inner is not None and inner.subject and not inner.negative:
            yield _ask("When", inner, _trimmed(inner.rest)), when[1]
        return
    # "In 1957 ...", "On 4 August 1914 ...", or a date as a label: "23 July: Austria-Hungary ..."
    in_lead = _DATED_LEAD.fullmatch(clause.lead)
    if in_lead:
        yield _ask("When", clause, a.trimmed_rest, lead=""), in_lead[1]
        return
    # "Stalin died in March 1953 after ...": what comes before the date makes the question.
    trimmed = a.trimmed_rest
    in_rest = _DATED_REST.search(trimmed) if _DIGIT.search(trimmed) else None
    if clause.verb in _SAYING and _REPORTED.match(clause.rest):
        return  # "said that in 1847 the students had sworn ...": the date is what was said
    if in_rest is None or _dates_a_clause_within(clause.rest[: in_rest.start()]):
        return
    # "fell from around 46% in 1864-66 to 15% in 1867-70": a change from one date to
    # another, which no one of them answers.
    asked = clause.rest[: in_rest.start()]
    if clause.verb in _MAKING_DO and _TO_DO.search(asked):
        # "persuaded France to sign a treaty ... on 6/2/1778": the date is the signing's, and
        # the persuading came before it.
        return
    if _FROM.search(asked) and _TO_DATE.match(clause.rest, in_rest.end()):
        return
    if _AGAIN_DATED.match(clause.rest, in_rest.end()):
        return  # "invaded through Poland in 1914 and again in 1941": two answers, not one
    if clause.verb in _SEEING and _AS.search(clause.rest, in_rest.end()):
        # "William saw Harold's coronation on 6 January 1066 as the act of a perjurer": he
        # judged it, and "When did William see ...?" says he was there
        return
    if _verb_joined(asked):
        # "Philip rebuilt his navy and sent further armadas in 1596 and 1597": the date is
        # the second deed's, and one question cannot ask both
        return
    # "proved in 1861, using swan-necked flasks, that microbes ... caused decay": what he
    # proved comes after the date, and "When did Pasteur prove?" would leave it out.
    if not asked.strip() and _THAT_AFTER.match(clause.rest, in_rest.end()):
        return
    # "was stormed early on 26 October 1917": a word that says how early the date was goes
    # with the date, not the question ("When was the Winter Palace stormed early?").
    # "cleared from 9 February 1955": the word before the date goes with it, in the answer
    # ("When was Sophiatown cleared from?" asks nothing whole).
    bound = _BOUND_BEFORE.search(asked)
    if bound is not None:
        yield _ask("When", clause, asked[: bound.start()]), f"{bound[1]} {in_rest[1]}"
        return
    # ("between 4 and 11 February 1945": the days are no date without their "between")
    between = in_rest[0].lstrip()[:8].lower() == "between "
    yield (
        _ask("When", clause, _BEFORE_A_DATE.sub("", asked)),
        (f"between {in_rest[1]}" if between else in_rest[1]),
    )


# The same thing done again at another date: "... and again in 1941", "and (later) in 1921".
_AGAIN_DATED = re.compile(
    r"\s*,?\s*and\s+(?:(?:again|also|later|once more)\s+(?:[\w’'-]+\s+){0,3}?)?"
    rf"(?:in|on|during)\s+(?:\d|(?:{'|'.join(MONTHS)})\b)"
)


# Verbs that get another to act ("persuade France to sign"), and the act's infinitive.
_MAKING_DO = frozenset(
    "persuade convince force compel urge order encourage allow permit invite ask induce "
    "pressure pressurise tell cause enable oblige".split()
)
_TO_DO = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b)[a-z]+\b")
_BOUND_BEFORE = re.compile(r"(?:^|\s+)(from|since|after|before|until|till|by)\s*$")


# Words that place a time within the date after them: "early on 26 October", "late in 1917".
_BEFORE_A_DATE = re.compile(r"(?:^|\s+)(?:early|late|shortly|soon|just)\s*$")


def _dates_a_clause_within(asked: str) -> bool:
    """Does the date belong to a clause inside the question's words ("rebuilt their party
    after Hitler left Landsberg prison in December 1924"), not to the question's own verb?"""
    within = _WITHIN.search(asked)
    inner = parse_clause(within[1]) if within else None
    return inner is not None and bool(inner.subject)


def _as_range(text: str, number: str) -> str:
    """The number as the text gives it: "five or six" where it says "five or six shots"."""
    at = text.find(number)
    if at < 0:
        return number
    start, end = number_range(text, at, at + len(number))
    return text[start:end]


def _how_many(a: _Asking) -> Asked:
    rest = a.clause.rest
    for given in a.numbers:
        # (A count given as one number or the next is asked whole: "five or six shots". Such
        # a range holds the number as given: one the rest does not hold, as only the subject
        # holds the "300" of "The 300 deputies walked out", is not read for one.)
        number = _as_range(a.text, given) if given in rest else given
        if number not in rest:
            continue  # neither pattern can match: no need to look for them for this number
        lasting = _lasting(rest, number)
        if lasting:  # "for twenty-five years"
            start, end, counted_as = lasting
            tail = rest[:start] + rest[end:]
            if _ING_CLAUSE.search(rest, 0, start) or _THAT_CLAUSE.search(rest, 0, start):
                continue  # "signed ..., promising to make England Presbyterian for three
                # years", "said that peaceful methods had failed for forty years": the years
                # are the promise's or the saying's, not the signing's or the saying itself
            if not _verb_joined(tail):  # ("met for the first time in 1529 and sat for seven
                # years": the years are the second verb's)
                yield _ask(f"How many {counted_as}", a.clause, _trimmed(tail)), number
            continue
        # What is counted, with what it is made of: "167 small leaky dams of logs"; a number
        # given roughly keeps its word ("walked about 240 miles": "about 240").
        # "called for 75,000 volunteers": the verb keeps its "for" ("did Lincoln call for")
        asked_for = _ASKED_FOR.match(rest)
        rough = _ROUGHLY.match(rest, asked_for.end() if asked_for else 0)
        at = rough.end() if rough else (asked_for.end() if asked_for else 0)
        counted = _COUNTED.match(rest, at + len(number)) if rest.startswith(number, at) else None
        if counted and a.clause.aux == "did" and not _NOT_COUNTED.search(counted[1]):
            # "set up 150 regional economic councils" (not "65 percent of its income")
            tail = _BRACKET_AFTER.sub("", rest[counted.end() :])
            if _OFFSET.match(tail):
                continue  # "died four days later": when, not how many days she died
            if asked_for:
                tail = f"for {tail.lstrip()}".rstrip()
            yield (
                _ask(f"How many {counted[1]}", a.clause, _trimmed(tail)),
                rest[asked_for.end() if asked_for else 0 : at + len(number)],
            )


# A count of time that places an event, not a count of things: "four days later".
_OFFSET = re.compile(r"\s*(?:later|earlier|afterwards|before|after|ago)\b", re.IGNORECASE)
# A clause of its own, opened by an "-ing" word after a comma: ", promising to ...".
_ING_CLAUSE = re.compile(r",\s+[a-z]+ing\b")
# A clause the verb's object is: "said that ...", "argued that ...".
_THAT_CLAUSE = re.compile(r"\bthat\b")
# What a number counts, after it: "for N years" (with ``_FOR`` before it), "N small leaky
# dams of logs". The number itself is found with ``str.find``: a pattern made for each
# number of a course took a tenth of the time of its cards to compile.
# A span of time ("for twenty-five years"), not a count of things ("called for 75,000
# volunteers").
_LASTS = re.compile(
    r"\s+((?:year|month|week|day|hour|minute|decade|centurie|generation|season|term)s)\b"
)
_FOR = re.compile(r"\s*\bfor\s+$")
_ASKED_FOR = re.compile(rf"for\s+(?=(?:(?:{'|'.join(ROUGHLY)}|over|c\.)\s+)?\d)")
_NOT_COUNTED = re.compile(r"^per\s?cent\b|^percent\b|\b(?:its|his|this|was|is|has)$")
# (The words before the counted noun describe it: "to" or "of" among them starts what
# follows it, "700 soldiers to seize weapons"; what it is made of goes with it, "342 chests
# of tea", but not whose it is, "100 copies of his book".)
_COUNTED = re.compile(
    r"\s+((?:(?!(?:to|of|in|on|at|by|for|from|with|into|and|or)\s)[a-z][\w-]*\s+){0,3}"
    r"[a-z][\w-]*s(?:\s+of\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|"
    r"those)\b)[a-z][\w-]*)?)\b"
)


def _lasting(rest: str, number: str) -> tuple[int, int, str] | None:
    r"""(start, end, what is counted) of the first "for N years" in ``rest``: as the pattern
    ``\s*\bfor\s+N\s+([a-z]+s)\b`` finds it."""
    at = rest.find(number)
    while at >= 0:
        after = _LASTS.match(rest, at + len(number))
        before = _FOR.search(rest, 0, at) if after else None
        if after and before:
            return before.start(), after.end(), after[1]
        at = rest.find(number, at + 1)
    return None


# Words an object does not start with: "What did Khrushchev set up?" is not answered by "in".
_ROUGHLY = re.compile(rf"(?:{'|'.join(ROUGHLY)}|approx\.|c\.)\s+(?=\d)")
_NO_OBJECT = (
    (STOP_WORDS - {"the", "a", "an"})
    | PREPOSITIONS
    | {"not", "how", "what", "him"}
    # "declared themselves the National Assembly": what they became, not what they declared
    | set("themselves himself herself itself ourselves".split())
    # "rose above the 1928 level": "What did real wages rise?" has no answer
    | set("above below beyond beneath across through into onto towards toward against".split())
    | set("among along past via without than".split())
    # "stood around the Kroll Opera House", "found close together": where, not what
    | set("around round outside inside near behind beside alongside opposite upon".split())
    | set("amid amidst amongst underneath close together apart".split())
)


_TIMES = re.compile(r"(?:\w+\s+)?(?:\d+|[a-z]+)\s+times", re.IGNORECASE)
_GAPPED = re.compile(r"\band\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+(?:the|a|an)\s")


def _what(a: _Asking) -> Asked:
    """What the subject did something to: its object, if that holds something worth knowing."""
    if a.clause.aux != "did" or _REASON.match(a.clause.lead + " "):
        return
    rest = a.clause.rest
    ends = _OBJECT_ENDS.search(rest)
    # (A date holds a digit: a rest without one is not searched for one.)
    dated = _DATED_REST.search(rest) if _DIGIT.search(rest) else None
    stops = [m.start() for m in (ends, _PURPOSE.search(rest), dated) if m]
    stops += [a.cut] if a.cut is not None else []
    thing = rest[: min(stops)] if stops else rest
    if _OPENS_BRACKET.match(rest[len(thing) :]):
        thing = rest[: rest.find(")") + 1]  # "150 councils (sovnarkhozy)"
    thing = thing.strip()
    first = thing.split()[0].lower() if thing else "not"
    if thing and thing.split()[-1].lower() in _PARTICLE_ENDS:
        return  # "drove the North Koreans back": "What did MacArthur drive?" is not asked
    if first in _NO_OBJECT or _ROUGHLY.match(thing) or _NOT_AN_OBJECT.match(thing):
        return  # (a number in figures given roughly is asked "How many": not "What did they
        # walk? About 240 miles")
    if not any(w in thing for w in a.worth) or is_verb(first) or len(thing.split()) > 10:
        return
    if _TIMES.fullmatch(thing) or _GAPPED.search(thing) or thing.startswith("("):
        # "moved three times" is asked "How many times"; "led the North and Syngman Rhee
        # the South" tells of a second subject; "died (c. 12% of pop.)" has no object
        return
    if DATE.match(thing) or _TIME_OF.match(thing):
        # "Hastings fought 14/10/1066", "The Revolution lasted 1789-94", "Caesar killed 15
        # March 44 BC b/c ...": a date is no "what"
        return
    if a.clause.verb == "last":
        return  # "lasted 381 days": "How many days" asks it, not "What did it last?"
    if _WHEN_NOT_WHAT.search(thing) or thing.split()[-1].lower() in ("not", "never"):
        # "died less than three months later": when, not what; "told Catholics not to
        # vote": the object is cut from what they were told
        return
    if a.clause.verb in _NAMING:
        return  # "called Italy 'a geographical expression'": two answers to one "what"
    if _COMPLEMENT_AFTER.match(rest[len(thing) :]):
        return  # "turned moderate Indians against British rule": the deed is both
    if a.clause.verb in _MADE_INTO and (
        thing.split()[0] in TITLES | _OFFICES
        or _BUILDING.search(thing)
        or _QUALITY.fullmatch(thing.split()[0])
    ):
        # Terse notes leave out "was" and "at": "Lanfranc of Bec made Archbishop of
        # Canterbury" and "William crowned Westminster Abbey" tell what was done to the
        # subject, and where; "What did Lanfranc make?" would teach the opposite. So does
        # "vaccination made compulsory 1853".
        return
    if a.clause.verb in _MADE_INTO and _NAMED_AS.search(thing):
        # "made George Washington commander of the Continental Army": who, and what they
        # were made, two answers to one "what" (a name in lower case first is no name)
        return
    if _KEPT_SO.search(thing) or (a.clause.verb in _LEAVING and _LEFT_SO.match(thing)):
        # "kept the army together through defeats", "left Britain almost bankrupt": the deed
        # is the object and its state
        return
    if a.clause.verb in _GIVING and _GIVEN_TO.match(thing):
        # "gave Jenner £30,000", "gave Hitler national publicity": to whom and what, two
        # answers to one "what"
        return
    # What follows the object stays in the question if it is one short phrase: "in 1957".
    adjunct = _trimmed(rest[len(thing) :])
    infinitive = _INFINITIVE.match(adjunct)
    if infinitive is not None and a.clause.verb in _MADE_TO:
        return  # "persuaded most of the princely states to join India": who, and to do what
    if infinitive is not None and may_be_base_verb(infinitive[1]) and len(thing.split()) < 10:
        # "proposed a UN Emergency Force to take over": what the force was to do is part of
        # the thing proposed ("What did Pearson propose to take over?" asks another thing).
        thing, adjunct = f"{thing} {adjunct}", ""
    if adjunct and not _SHORT_ADJUNCT.fullmatch(adjunct):
        return
    if a.clause.verb in _SEEING and _AS.search(rest[len(thing) :]):
        return  # "saw Serbian nationalism as a threat": "What did it see?" has no one answer
    if _AS_SPACED.search(thing):
        return  # "hated Locarno as a voluntary acceptance of ...": two things, not one
    told = _TOLD.match(thing) if a.clause.verb in _TELLING else None
    if told:
        # "told Nicholas he had lost the army's support": the one told stays in the
        # question, what they were told is its answer ("What did the generals tell Nicholas?")
        yield _ask("What", a.clause, told[1] + " " + adjunct), thing[told.end() :]
        return
    person = a.clause.verb in _DONE_TO_PEOPLE and thing[:1].isupper()
    if person or _LEADING_THE.sub("", thing) in a.people:
        yield _ask("Who", a.clause, adjunct), thing  # "Who did Henry VIII marry in 1509?"
    elif a.clause.verb == "become" or not NAME.fullmatch(thing):
        yield _ask("What", a.clause, adjunct), thing  # not "What did he attack?" "Stalin"


_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "it", "them"})
_WHEN_NOT_WHAT = re.compile(r"\b(?:later|earlier|afterwards|ago|beforehand)$", re.IGNORECASE)
# Verbs that name what they are done to: the name is as much the answer as the thing.
_NAMING = frozenset("call name dub label term brand nickname".split())
# What the thing was turned to or against, which the deed needs: "turned X against Y".
_COMPLEMENT_AFTER = re.compile(
    r"\s*(?:,[^,]{1,60},\s*)?(?:against|into|towards|toward)\b", re.IGNORECASE
)
# Verbs that take the one told and then what they were told: "warned the Tsar that ...".
_TELLING = frozenset("tell warn inform remind assure promise teach".split())
# The one told, a name, and the clause they were told: "Nicholas he had lost ...".
_TOLD = re.compile(
    r"((?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)\s+(?=(?:that|he|she|they|it)\s)"
)


def _why(a: _Asking) -> Asked:
    """Why the subject did something, where the notes say: "... in order to establish ..."."""
    clause = a.clause
    if _REASON.match(clause.lead + " "):  # "In order to secure his own position he needed to"
        yield _ask("Why", clause, a.trimmed_rest, lead=""), clause.lead
        return
    reason = _REASON.search(clause.rest)
    found = reason or _purpose(clause.rest)
    # "He offered to remove the missiles": what he offered, not why; "he offered to remove
    # them because he feared war" says why. (So for "have helped to reduce", "was forced
    # to resign".)
    wants = bool(clause.verb) and _wants(clause.verb.split()[0])
    if found is None or (wants and reason is None):
        return
    asked, answer = clause.rest[: found.start()].strip(" ,"), clause.rest[found.start() :]
    if asked.lower() in _DEMONSTRATIVES:
        return  # "Why did peasants resent this?": this what, the card cannot show
    if clause.verb in _REPORTING and _BELIEVED.match(asked):
        # "Stalin believed the Allies had delayed the second front so that the USSR would
        # bear the brunt": the reason is the delaying's, as Stalin saw it, not his belief's.
        return
    if (clause.verb or asked) and _trimmed(asked) == asked and len(answer.split()) >= 3:
        yield _ask("Why", clause, asked), answer


# Verbs that report what someone thought or said, and what they say it of: "believed (that)
# the Allies had delayed ...".
_REPORTING = frozenset(
    "believe think claim argue say suspect fear insist suggest assert hope feel".split()
)
_BELIEVED = re.compile(
    r"(?:that\s+)?(?:the\s+|a\s+|an\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}\s+(?:had|would|was|were|could|might|[a-z]+ed)\b"
)


def _purpose(rest: str) -> re.Match[str] | None:
    """ "to protect ..." as a purpose, not as what someone wanted or tried to do."""
    found = _PURPOSE.search(rest)
    before = rest[: found.start()].split() if found else []
    # (Nor what someone knew or learned to do: "knew how to win votes in Congress", nor what
    # they went on to do: "The Conservatives went on to win the 1959 election".)
    known = bool(before) and before[-1].lower() in {"how", "what", "where", "whether", "when", "on"}
    return None if found is None or (before and _wants(before[-1].lower())) or known else found


def _wants(word: str) -> bool:
    if word.endswith("ing"):
        return bool({word[:-3], word[:-3] + "e"} & _WANTS) or word == "trying"
    return word in _WANTS or (is_past(word) and base_form(word) in _WANTS)


def _what_was(a: _Asking) -> Asked:
    """What a possession was: "Khrushchev’s aim was to achieve ‘peaceful co-existence’"."""
    possession = _POSSESSION.fullmatch(a.clause.subject)
    copula = a.clause.aux in {"was", "were"} and not a.clause.verb
    if copula and possession and any(w in a.clause.rest for w in a.worth):
        yield _ask("What", a.clause, ""), a.clause.rest


def gives_away(front: str, back: str) -> bool:
    """Does a question already hold its answer, in its wording or in all its words?

    >>> gives_away("When did Stalin die in 1953?", "1953")
    True
    """
    answer, question = match_key(back), match_key(front)
    words = [w for w in _ANSWER_WORD.findall(answer) if w not in STOP_WORDS and len(w) > 2]
    return answer in question or (bool(words) and all(has_phrase(question, w) for w in words))
