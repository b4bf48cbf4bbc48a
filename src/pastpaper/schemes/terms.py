"""What a point names and states: its names, key terms and facts.

    >>> names_in("In 1956 Khrushchev gave the Secret Speech to the Twentieth Party Congress")
    ['Khrushchev', 'Secret Speech', 'Twentieth Party Congress']
    >>> [(f.kind, f.value) for f in facts("Some 25,000 left in 1956", [])]
    [('number', '25,000'), ('year', '1956')]

Names are runs of capitalised words; key terms are names, quoted and bracketed terms, and
words rare in everyday English; facts are years, numbers (in figures or words), dates in
figures ("4/8/1914", one fact, not three numbers) and names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from pastpaper.language import (
    FACT_YEAR,
    MONTHS,
    NUMBER_WORDS,
    PREPOSITIONS,
    QUANTIFIERS,
    SCALE_WORD,
    SHORT_MONTHS,
    SHORT_SCALE,
    STOP_WORDS,
    SUBORDINATORS,
    TITLES,
    WORD,
    is_verb,
    word_rarity,
    zipf,
)
from pastpaper.model import Frozen
from pastpaper.schemes.sentences import (
    ABBREVIATIONS,
    SHORTENED_BEFORE_MORE,
    clipped_before_name,
)
from pastpaper.study.dates import numeric_dates, two_figure_years
from pastpaper.text import LIST_ITEM, match_key

__all__ = [
    "BODY_NAME_ENDS",
    "JOINED_NAME",
    "QUOTED",
    "QUOTE_MARKS",
    "RARE",
    "YEAR",
    "Fact",
    "clear_names",
    "date_year",
    "facts",
    "key_terms",
    "make_fact",
    "name_spans",
    "names_in",
]


FactKind = Literal["year", "number", "date", "name"]


class Fact(Frozen):
    """A year, number, date or name a point states, as written: a date is one in figures,
    day first ("15/07/1099"); its year is read by ``date_year``."""

    kind: FactKind
    value: str


#: A quoted span: 'Virgin Lands', “the thaw”.
QUOTED = re.compile(
    r"‘([^‘’]{2,120}?)’(?![a-z])|(?<![\w])'([^']{2,120}?)'(?![\w])|“([^“”]{2,120})”|"
    r'(?<![\w])"([^"]{2,120}?)"(?![\w])'
)
#: One of these opens every quotation ``QUOTED`` finds.
QUOTE_MARKS = "‘'“\""
_BRACKETED = re.compile(r"\(([^()\d]{3,40})\)")
# A bracket that remarks on the sentence rather than naming a term: it ends on a word that
# takes what it is about from the sentence ("(Zinoviev & Kamenev against)", "(Luther too)").
_SAID_IN_BRACKETS = re.compile(
    r"(?=[adfot])\b(?:against|for|too|also|only|dissenting|abstaining)\s*$"
)
# A coined name given in so many words: "as Khrushchev called them the metal eaters" (not
# "called off the campaign", "called for reform").
_CALLED = re.compile(
    r"\b(?:called(?: them| it)?(?!\s+(?:off|for|on|up|out|in|back|upon|away|down)\b)|"
    r"known as|nicknamed|termed)\s+(?:the\s+)?"
    r"([a-z][a-z-]+(?:\s[a-z][a-z-]+){0,2})(?=\s*(?:[.,;:!?)]|$))"
)
# Small words inside a name: "Duke of Norfolk", "Bernhard von Bülow", "Vasco da Gama", and
# those of names in other languages, which English puts between no two names of its own:
# "Kraft durch Freude", "Umkhonto we Sizwe", "Dar es Salaam", "Osama bin Laden" (whole
# inside a sentence; at its start, a first word common in English is left out, as ever).
_LINKS = {
    "of", "the", "de", "von", "van", "da", "di", "del", "della", "dos", "das", "du", "la", "le",
    "les", "des", "der", "den", "und", "durch", "zu", "we", "es", "y", "bin", "ibn", "v",
}  # fmt: skip
_AFTER_FIGURE = re.compile(r"(?:\d|\bdegrees?)\s*$")
# Words that open a name only as a determiner: "One Party rule", "Another Crisis came".
_DETERMINERS = frozenset("one another each every any no some such this that".split())
# The word between the parties of a case, with its stop: "Brown v. Board of Education" (not
# "Britain v Germany" or "CCP vs GMD": rivals).
_VERSUS = frozenset({"v"})
#: A year as a fact: "1956", "the 1920s".
YEAR = re.compile(rf"\b({FACT_YEAR})(?:[’']?s)?\b")
# Not the figure of a name such as "U-2", "B-52" or "MiG-21": the plane is no count of 2.
# Nor a footnote's mark: the "1" of "dynasty.[1]". A shorthand scale is the number's:
# "1.5m children", "£3bn".
_NUMBER = re.compile(
    r"(?=\d)(?<![\w.\[])(?<![^\W\d_]-)\d+(?:[.,]\d+)*"
    rf"(?:{SHORT_SCALE}\b|\s+{SCALE_WORD}\b)?(?![\w\]])"
)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
# "twenty-five", "two million", "three hundred and fifty", "two and a half million", "half a
# million"
_NUMBER_PHRASE = re.compile(
    rf"\b(?:half\s+an?\s+{SCALE_WORD}|"
    rf"(?:one\s+(?={SCALE_WORD}\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:-|\s+(?:and\s+)?)(?:{_NUMBER_WORD}|one)\b|(?<!hundred)(?<!thousand)(?<!million)(?<!billion)\s+and\s+an?\s+(?:half|quarter)\b)*)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_EARLY_SPAN = re.compile(r"(?<!\d)(\d{4})[-–]$")
# The last year of a span, written in its last figures: the "33" of "1929-33".
_SHORT_SPAN_END = re.compile(r"[-–](\d\d?)(?![\w’'%]|[.,]\d)")
#: zipf frequency below which a lowercase word is a term of the subject
RARE = 2.3


# A small word of French or German after a rare word, and the word after it.
_FOREIGN_TAIL = re.compile(
    r"[ \t]+(?:en|de|des|du|la|le|et|der|die|und|zu)[ \t]+([a-zà-ÿ][\w’'-]*)"
)
_UNCOMMON = 3.5  # zipf below which the word after it is no everyday English word ("masse")
_TOKEN = re.compile(r"\w(?:[\w’'-]*\w)?")


def names_in(text: str) -> list[str]:
    """The names a text uses (people, places, titles), as points' names are found."""
    return list(_cached_names(text))


def clear_names() -> None:
    """Forget the names of texts read before (for benchmarks that time the work itself)."""
    _cached_names.cache_clear()


# A paragraph's names are read for its points and again by whatever reads its points'
# texts; a bank's notes repeat paragraphs from topic to topic.
@lru_cache(maxsize=8192)
def _cached_names(text: str) -> tuple[str, ...]:
    return tuple(_names_in(text))


def _names_in(note: str) -> list[str]:
    """Runs of capitalised words (with "of", "the" between them), in order.

    A sentence's first word is part of a name only if it is capitalised mid-sentence too
    (Stalin) or is not a common word (Malenkov, Novy): "Thus Stalingrad" names Stalingrad.
    """
    # Only the words that may be part of a name are read (``_NAME_TOKEN``); any other word
    # between two of them leaves more than space between them, which ends a run as the
    # word itself would.
    tokens = [(m.start(1), m.end(1), m.group(1)) for m in _NAME_TOKEN.finditer(note)]
    # (A list item's first word that only opens it is no word written mid-sentence: "- Other
    # great powers ..." does not make "Other factors:" a name.)
    mid = {
        word
        for at, _, word in tokens
        if word[0].isupper()
        and not _starts_sentence(note, at)
        and not (_opens(word) and _starts_item(note, at))
    }
    names: list[str] = []
    run: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not run:
            return  # (at the end of a note, most often: no name being read)
        # "the" between two names joins them only as an epithet ("William the Conqueror");
        # "After Sharpeville the ANC", "In Paris the King" and "Britain the USA" are two.
        cut = _not_epithet(run, note)
        if cut:
            rest = run[cut + 1 :]
            del run[cut:]
            flush()
            run.extend(rest)
        while run and (run[-1][2] in _LINKS or run[-1][2][0].isdigit()):
            run.pop()  # a name ends with a word of its own, not "of" or "16th"
        if len(run) > 1 and _ORDINAL.fullmatch(run[0][2]):
            # An ordinal before a name the notes also give without it is no part of it:
            # "2nd Doncaster meeting" beside "a truce at Doncaster" ("16th Street Baptist
            # Church" and "101st Airborne" are names whole).
            without = note[run[1][0] : run[-1][1]]
            after_ordinals = len(re.findall(rf"\d+(?:st|nd|rd|th)\s+{re.escape(without)}", note))
            if run[1][2][0].isupper() and note.count(without) > after_ordinals:
                del run[0]
        # A list item's article opens no name: "- A Paris crowd", "- The Wagner Act". (Its
        # other first words are read as the notes' mid-sentence words, as before: a list
        # item often opens with a name alone, "- Alexandra left in charge ...".)
        if run and run[0][2] in _ARTICLES and _starts_item(note, run[0][0]):
            del run[0]
        if run and _starts_sentence(note, run[0][0]) and not run[0][2][0].isdigit():
            first = _strip_possessive(run[0][2])
            # "Act of Uniformity", "League of Nations": a first word with "of" after it
            # heads the name, common as it is alone.
            heads = len(run) > 2 and run[1][2] == "of" and first in _NAME_HEADS
            joined = JOINED_NAME.search(first) is not None  # "Austria-Hungary"
            # "Henry VIII", "Elizabeth I", "Malcolm X": a number or letter after the first
            # word is no name alone ("VIII"), so the first word is the name's.
            numbered = (
                len(run) > 1
                # "Henry VIII", "World War I"; "Philip II of France"
                and (_REGNAL.fullmatch(run[-1][2]) or _REGNAL.fullmatch(run[1][2])) is not None
                and first.lower() not in _NOT_NAMED
                and first not in TITLES  # "Kaiser Wilhelm II" opening a sentence: "Wilhelm II"
            )
            # "Catherine the Great" opening a sentence: the epithet is no name alone.
            epithet = (
                (len(run) == 3 or (len(run) >= 5 and run[3][2] == "of"))
                and run[1][2] == "the"
                and first.lower() not in _NOT_NAMED
            )
            # "Civil Rights Act", "Marshall Plan": a name that ends as a law, a plan or a
            # body names itself whole; "Brown v. Board of Education" is a case.
            titled = (
                len(run) > 1
                and (run[-1][2] in BODY_NAME_ENDS or run[1][2] in _VERSUS)
                and first.lower() not in _NOT_NAMED_OR_DETERMINER  # not "The", "One", "Each"
            )
            # "F. W. de Klerk": an initial that opens a name of more words
            initialled = len(run) > 1 and len(first) == 1 and note[run[0][1] : run[0][1] + 1] == "."
            # "Martin Luther King", "Muhammad Ali Jinnah": three capitalised words or more, the
            # first no word that only opens a sentence ("Later", "Under", "Each", "Modernised")
            full = (
                len(run) > 2
                and all(w[:1].isupper() and w.isalpha() for _, _, w in run)
                and first.lower() not in _NO_FULL_NAME_FIRST
                and first not in TITLES  # ("Sir Cyril Radcliffe" opening a sentence: as before)
                and not _opens(first)
            )
            common = zipf(first.lower()) >= 3.0 and not (
                heads or joined or numbered or epithet or titled or initialled or full
            )
            # A past tense alone that opens a line of notes is no name: "Modernised the army".
            if len(run) == 1 and is_verb(first.lower()):
                common = True
            if first not in mid and common:
                del run[0]
                while run and run[0][2] in _LINKS:
                    del run[0]  # "Most of Europe": the name is "Europe"
        # A list item's first word that only opens it: "- Instead they got ...", "- On 1
        # December ...", "- Officially 379 were killed", "- Began on 12 March ...".
        if (
            run
            and (_opens(run[0][2]) or (len(run) == 1 and _written_lower(run[0][2], note)))
            and _starts_item(note, run[0][0])
            and not _named_within(note, tokens, run[0])
        ):
            del run[0]
            while run and run[0][2] in _LINKS:
                del run[0]
        # A small word in capitals for stress is no name: "success BUT agriculture ...".
        stressed = len(run) == 1 and len(run[0][2]) > 2 and run[0][2].isupper()
        if stressed and run[0][2].lower() in _NOT_NAMED:
            run.clear()
        # A pronoun capitalised for reverence is no name: "the hem of His coat".
        if len(run) == 1 and run[0][2].lower() in _PRONOUNS:
            run.clear()
        # A letter alone after a figure is its unit, no name: "45 degrees C".
        at = run[0][0] if len(run) == 1 and len(run[0][2]) == 1 else 0
        if at and _AFTER_FIGURE.search(note, max(0, at - len(" degrees ")), at):
            run.clear()
        if run and not (len(run) == 1 and run[0][2] == "I"):  # "Then I realised": a pronoun
            end = run[-1][1]
            # "Order No. 1", "Locomotion No. 1": the number is the name's
            number = _NUMBER_OF_NAME.match(note, end) if note.startswith(" No", end) else None
            if number is not None or (run[-1][2] == "No" and len(run) > 1):
                number = number or _NUMBER_AFTER_NO.match(note, end)
                end = number.end() if number is not None else run[-2][1]
            names.append(_strip_possessive(note[run[0][0] : end]))
        run.clear()

    # A nickname in quotes inside a name: "Eugene 'Bull' Connor".
    nicknamed = [m.span() for m in _NICKNAME.finditer(note)] if _QUOTE.search(note) else []
    previous_end = 0
    for index, token in enumerate(tokens):
        at, end, word = token
        stripped = note[previous_end:at].strip()  # what stands between it and the word before
        # "Lyndon B. Johnson": an initial's full stop is inside the name; "Charles I. The",
        # "the U.S.A. In 1948" and "Plan B. Then" end a sentence there.
        initial = (
            stripped == "."
            and bool(run)
            and (
                (
                    len(run) > 1
                    and len(run[-1][2]) == 1
                    # (after a word of the name, or after initials that follow one: "Dr D. F.")
                    and (
                        len(run[-2][2]) > 1
                        or (len(run) > 2 and len(run[-3][2]) > 1 and len(run[-2][2]) == 1)
                    )
                    and run[-1][2] not in "IVX"
                    # (or a second initial: "Dr D. F. Malan")
                    and (
                        zipf(word.lower()) < 5.0 or (len(word) == 1 and note[end : end + 1] == ".")
                    )
                )
                or (
                    # "F. W. de Klerk", "P. W. Botha": initials before the name
                    all(len(w) == 1 and w.isupper() for _, _, w in run)
                    and (len(word) == 1 or word in _LINKS or zipf(word.lower()) < 5.0)
                )
            )
        )
        joined = bool(run) and (
            not stripped
            or initial
            # "the Peasants' Revolt", "the Workers' Party": a plural's possessive in the name
            or (
                stripped in _QUOTES
                and run[-1][2].endswith("s")
                and _institution_ahead(tokens, index, note)
            )
            or (bool(nicknamed) and any(a < at < b for a, b in nicknamed))
            or (stripped == "." and run[-1][2] in _VERSUS)  # "Brown v. Board of Education"
            # "the Nat. Union of Women's Suffrage Societies": a word cut short in the name
            or (stripped == "." and clipped_before_name(run[-1][2], note, at))
            # "the Cat and Mouse Act": an "and" inside the name of a law or a treaty
            or (stripped == "and" and _named_end_ahead(tokens, index, note))
            # "the Decree for the Protection of People and State": an "and" in what a
            # decree or a body is for, the last word of the name
            or (stripped == "and" and _for_name(run, note) and _last_word(tokens, index, note))
            # "the Decree for the Protection of the People", "the Campaign for Nuclear
            # Disarmament": a "for" after the word that heads a law's or a body's name
            or (stripped == "for" and run[-1][2] in _FOR_HEADS)
            # "the Act in Restraint of Appeals": an "in" after "Act" in an Act's name
            or (stripped == "in" and [w for _, _, w in run] in (["Act"], ["The", "Act"]))
        )
        if word[0].isdigit():  # an ordinal: "the 16th Street Baptist Church", "101st Airborne"
            if run and not joined:
                flush()
            run.append(token)
        elif (
            word[0].isupper()
            and (word not in MONTHS or _month_in_name(note, at, end, joined))
            and not _shortened(note, end, word)
        ):
            if run and not joined:
                flush()
            run.append(token)
            if word.endswith(("’s", "'s")) and not _owns_institution(run, tokens, index, note):
                flush()  # a possessive ends the name: "Stalin’s portraits"
        elif joined and word in _LINKS and (word not in _VERSUS or note[end : end + 1] == "."):
            run.append(token)  # ("Brown v. Board of Education", not "Britain v Germany")
        elif run:
            flush()
        previous_end = end
    flush()
    return names


_QUOTES = frozenset({"'", "’"})
# Words that head a name going on with "for": "Decree for ...", "Ministry for ...".
_FOR_HEADS = frozenset(
    """Act Decree Law Bill Campaign Committee Ministry Minister Secretary Office Commission
    Society League Association Movement Fund Council Department Union""".split()
)
_QUOTE = re.compile(r"['‘\"“]")
_NICKNAME = re.compile(r"\b[A-Z][\w-]+ ['‘\"“][A-Z][\w -]{0,20}['’\"”] [A-Z]")
# The nouns that end a name that opens a sentence, common as its first word is: "Civil
# Rights Act", "Marshall Plan", "Great Programme" (and the bodies of ``_INSTITUTIONS``).
_NAMED_ENDS = frozenset(
    """Act Acts Treaty Plan Pact Agreement Conference Programme Program Declaration Bill
    Law Laws Accords Doctrine Campaign Crisis Offensive Covenant""".split()
)
# The nouns that end the name of a body, a building or an event that a possessive may open:
# "the Women's Political Council", "St Peter's Basilica", "the People's Republic".
_INSTITUTIONS = frozenset(
    """Council Party Republic Basilica Cathedral Church Abbey Chapel College University
    School Army League Union Movement Association Congress Commissariat Assembly Front
    Crusade Revolt Rebellion Rising Uprising War Charter Bank Parliament Court Hall Palace
    Hospital Society Societies Committee Brigade Petition Liberation Guard Militia Day
    Battalion Regiment Legion Corps""".split()
)
#: The last words of a law's, an event's or a body's name: "Act", "Crisis", "Party", "Army".
BODY_NAME_ENDS = _NAMED_ENDS | _INSTITUTIONS
# The owners that a body's name may open with: "Women's", "People's"; a saint's name
# after "St" ("St Paul's Cathedral") too.
_OWNERS = frozenset(
    {"Women's", "Women’s", "People's", "People’s", "Men's", "Men’s", "Children's", "Children’s"}
)
_SAINTS = frozenset({"St", "Saint"})


def _for_name(run: list[tuple[int, int, str]], note: str) -> bool:
    """Is the name read so far one of what a decree or a body is for, with an "of" that an
    "and" may go on ("Decree for the Protection of People")? Not one without ("Campaign for
    Nuclear Disarmament and Labour" are two), nor one with an "and" already."""
    named = note[run[0][0] : run[-1][1]] if run else ""
    heads = (
        word in _FOR_HEADS and note[end : following[0]].strip() == "for"
        for (_, end, word), following in pairwise(run)
    )
    return " of " in named and " and " not in named and any(heads)


def _last_word(tokens: list[tuple[int, int, str]], index: int, note: str) -> bool:
    """Is the word at ``index`` capitalised and the last of its run ("State" of "... People
    and State in February")?"""
    _, end, word = tokens[index]
    if not word[0].isupper() or index + 1 == len(tokens):
        return word[0].isupper()
    following = tokens[index + 1]
    return bool(note[end : following[0]].strip()) or not following[2][0].isupper()


def _institution_ahead(tokens: list[tuple[int, int, str]], index: int, note: str) -> bool:
    """Do the next capitalised words, run together from ``index``, end a body's name within
    three words ("Political Council")?"""
    return _name_ends_ahead(tokens, index, note, _INSTITUTIONS, 3)


def _named_end_ahead(tokens: list[tuple[int, int, str]], index: int, note: str) -> bool:
    """Do the next capitalised words, run together from ``index``, end the name of a law, a
    treaty or a plan within two words ("Mouse Act" of "the Cat and Mouse Act"), or of a line
    that joins two places ("Darlington Railway" of "the Stockton and Darlington Railway")?"""
    return _name_ends_ahead(tokens, index, note, _NAMED_ENDS | _JOINING_ENDS, 2)


# The number after a name's "No.": "Order No. 1" (and from the "No" itself: ". 1").
_NUMBER_OF_NAME = re.compile(r"\s+No\.\s?\d{1,4}\b(?![.,]\d)")
_NUMBER_AFTER_NO = re.compile(r"\.\s?\d{1,4}\b(?![.,]\d)")


# The last words of the name of what joins two places, each named: "the Stockton and
# Darlington Railway", "the Leeds and Liverpool Canal".
_JOINING_ENDS = frozenset("Railway Railroad Canal Line Navigation Turnpike".split())


def _name_ends_ahead(
    tokens: list[tuple[int, int, str]], index: int, note: str, ends: frozenset[str], reach: int
) -> bool:
    """Do the next capitalised words, run together from ``index``, reach one of ``ends``
    within ``reach`` words?"""
    previous_end = tokens[index][0]
    for at, end, word in tokens[index : index + reach]:
        if note[previous_end:at].strip() or not word[0].isupper():
            return False
        if word in ends:
            return True
        previous_end = end
    return False


# A month that opens a name, after "the" or an owner: "the October Revolution", "Lenin's
# April Theses", "the Bolsheviks' October Revolution" (not "in April Lenin returned", "on 4
# March 1917").
_BEFORE_NAMED_MONTH = re.compile(r"(?:\b[Tt]he|\w[’']s|\ws[’'])[ \t]+$")
_NAME_AFTER_MONTH = re.compile(r"[ \t]+[A-Z][a-z]")
# The months that are also nouns, which may end a name: "the Mud March", "the Jarrow
# March", "Theresa May" (not "Petrograd, March 1917").
_MONTH_NOUNS = frozenset({"March", "May"})


def _month_in_name(note: str, at: int, end: int, joined: bool) -> bool:
    """Is the month word at ``at`` part of a name, not a date: one that a name goes on from
    after "the" or an owner ("Lenin's April Theses"), or a noun that ends the capitalised
    words just before it ("the Mud March")?"""
    if _NAME_AFTER_MONTH.match(note, end) and _BEFORE_NAMED_MONTH.search(note, max(0, at - 12), at):
        return True
    return joined and note[at:end] in _MONTH_NOUNS and not _DATE_AFTER.match(note, end)


def _owns_institution(
    run: list[tuple[int, int, str]], tokens: list[tuple[int, int, str]], index: int, note: str
) -> bool:
    """Does the possessive ending ``run`` open a body's name: "Women's Political Council",
    "St Peter's Basilica", "Pride's Purge" (not "Stalin's portraits", "Britain's Royal
    Navy")?"""
    owner = run[-1][2] in _OWNERS or (len(run) == 2 and run[0][2] in _SAINTS)
    if index + 1 >= len(tokens):
        return False
    if owner:
        return _institution_ahead(tokens, index + 1, note)
    return _names_event(tokens, index + 1, note)


# An event or a place named for someone, by one word after the possessive: "Pride's Purge",
# "Kett's Rebellion", "Pontiac's War", "Sutter's Mill", "Rorke's Drift", "Hadrian's Wall"
# (alone, "Purge" or "Mill" names nothing).
_EVENTS = frozenset(
    """Purge Rebellion Revolt Rising Uprising Plot Raid Conspiracy War Mill Drift Wall Dyke
    Ferry Creek Island Bay Hill Fort""".split()
)


def _names_event(tokens: list[tuple[int, int, str]], index: int, note: str) -> bool:
    at, end, word = tokens[index]
    if word not in _EVENTS or note[tokens[index - 1][1] : at] != " ":
        return False
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    return (
        after is None
        or bool(note[end : after[0]].strip())
        or not after[2][0].isupper()
        or after[2] in _MONTHS  # "Sutter's Mill January 1848"
        or _shortened(note, after[1], after[2])  # "Sutter's Mill Jan 1848"
    )


#: Words that open a sentence without naming anything: "Instead", "However", "Meanwhile".
_OPENERS_ONLY = frozenset(
    "instead however meanwhile moreover furthermore nevertheless later eventually finally "
    "also still soon afterwards overall "
    # words that open a list's label: "- Other great powers did not step in:", "- Weak
    # opponents:", "- Many workers ..."
    "other another many several few weak strong "
    # and a count's roughly: "- About 40,000 black passengers ..."
    "about around roughly nearly almost approximately".split()
)


def _named_within(
    note: str, tokens: list[tuple[int, int, str]], first: tuple[int, int, str]
) -> bool:
    """Do the notes capitalise ``first``'s word somewhere that neither a sentence nor a list
    item starts ("the Instead party")?"""
    return any(
        word == first[2]
        and at != first[0]
        and not _starts_sentence(note, at)
        and not _starts_item(note, at)
        for at, _, word in tokens
    )


def _written_lower(word: str, note: str) -> bool:
    """Does ``note`` also write the word in lower case ("- Black taxi drivers ..." beside
    "black passengers"), as no name is written?"""
    lower = word.lower()
    if lower == word or lower not in note:  # (most words: no look for the word alone)
        return False
    return re.search(rf"(?<![\w’'-]){re.escape(lower)}(?![\w’'-])", note) is not None


@lru_cache(maxsize=4096)
def _opens(word: str) -> bool:
    """Is a list item's first word one that opens a sentence and names nothing: a small or
    linking word, a preposition, an adverb, a common verb ("Began", "Led")?"""
    lower = word.lower()
    if lower in _NOT_NAMED or lower in PREPOSITIONS or lower in _OPENERS_ONLY:
        return True
    if lower in _SHORTENINGS:
        return True  # "- Approx 200,000 died"
    common = zipf(lower) >= 3.0
    return common and (lower.endswith("ly") or is_verb(lower))


# (The words that open a clause: "when", "although", "if" ...)
_CLAUSE_OPENERS = SUBORDINATORS | {"if", "as"}


def _not_epithet(run: list[tuple[int, int, str]], note: str) -> int:
    """Where a "the" joins two names that are not one, in a run of words read as a name
    (0 if none does): "the" makes one name only of a single word and one epithet after it
    ("Alfred the Great", "William the Conqueror"), not of a name and an acronym, a title,
    a plural or a name of several words ("Sharpeville the ANC", "Paris the King", "Moscow
    the Bolsheviks", "Stalingrad the Red Army")."""
    for at in range(1, len(run) - 1):
        if run[at][2] != "the" or run[at - 1][2] in _LINKS:
            continue  # ("the Treaty of the Pyrenees": "the" after "of" is the name's own)
        if note[run[at - 1][1] : run[at][0]].strip() == "for":
            continue  # ("The Act for the Restraint of Appeals": joined by its "for")
        after = run[at + 1][2]
        # (A word that opens a clause before the name is none of it: "When Edward the
        # Confessor died"; after a preposition it is two names: "On Hispaniola the Taíno".)
        opener = int(at == 2 and run[0][2].lower() in _CLAUSE_OPENERS)
        epithet = (
            at == 1 + opener
            and (len(run) == 3 + opener or (len(run) >= 5 + opener and run[3 + opener][2] == "of"))
            and run[opener][2].lower() not in _NOT_NAMED  # "Yet the Republic", "For the West"
            and not (len(after) > 1 and after.isupper())
            and after not in TITLES
            and not (after.endswith("s") and not after.endswith(("ss", "us")))
        )
        return 0 if epithet else at
    return 0


# The words of ``_TOKEN`` (each the first to the last letter of a run of letters, digits,
# apostrophes and hyphens) that may be part of a name: those that start with neither a
# lowercase ASCII letter nor a digit (capitalised ones, and some others), and the small
# words of ``_LINKS``.
_NAME_TOKEN = re.compile(
    r"(?<![\w’'-])[’'-]*+("
    r"[^\W\da-z_](?:[\w’'-]*\w)?|"
    r"\d{1,3}(?:st|nd|rd|th)(?![\w’'-])|"
    # (The first letters of the small words looked at first: at most words' starts none of
    # them is tried.)
    rf"(?=[{''.join(sorted({word[0] for word in _LINKS}))}])"
    rf"(?:{'|'.join(sorted(_LINKS, key=len, reverse=True))})(?![’'-]*\w)"
    r")"
)


# A king's or pope's number, or a letter that ends a name: "VIII", "I", "XVI", "X" ("World
# War I"); not after a word that only opens a sentence ("Then I realised").
_REGNAL = re.compile(r"[IVXLC]+|[A-Z]")
_NOT_NAMED = STOP_WORDS | frozenset(
    "then when if so but and yet thus now once after before since while because as".split()
)
_NOT_NAMED_OR_DETERMINER = _NOT_NAMED | _DETERMINERS
# The first words of a sentence that open no full name: "Most English Catholics", "Under
# Joseph Stalin", "Each Soviet Republic".
_NO_FULL_NAME_FIRST = _NOT_NAMED_OR_DETERMINER | PREPOSITIONS | QUANTIFIERS
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_PRONOUNS = frozenset("he him his she her hers it its they them their theirs".split())
_SHORT_MONTHS = frozenset(SHORT_MONTHS)
_MONTHS = frozenset(MONTHS)
_MONTH_WORDS = _SHORT_MONTHS | _MONTHS
# Shortened words that are no names where they open a sentence: "Approx. 40,000 joined".
_SHORTENINGS = frozenset(ABBREVIATIONS | SHORTENED_BEFORE_MORE)


def _shortened(note: str, end: int, word: str) -> bool:
    """Is ``word`` (ending at ``end``) a shortened word, not a name: "Approx.", a month
    before its day or year ("Aug. 1965", "Feb 1956", "Oct-Nov 1647")? ("Jan Smuts" is a
    name.)"""
    if "-" in word and word.split("-")[0] in _MONTH_WORDS:
        return _DATE_AFTER.match(note, end) is not None  # "Oct-Nov 1647", "April-May 1640"
    if len(word) == 1 or (note[end : end + 1] != "." and word not in _SHORT_MONTHS):
        return False  # (an initial is part of its name: "Lyndon B. Johnson")
    if note[end : end + 1] == "." and word.lower() in _SHORTENINGS:
        return True
    return word in _SHORT_MONTHS and _DATE_AFTER.match(note, end) is not None


_DATE_AFTER = re.compile(r"\.?\s+[’']?\d")  # "Feb 1956", "Dec '49"


def _strip_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("’s", "'s")) else name


# (">" opens a quotation in Markdown; "*" and "_" close a bold label: "**The media.** In ...")
_OPENERS = frozenset(" \t\n\u00a0‘'\"“(>*_")


def _starts_sentence(text: str, index: int) -> bool:
    # Step back over spaces and opening quotes without copying the text before (a copy
    # for every word made long notes slow in the square of their length).
    while index > 0 and text[index - 1] in _OPENERS:
        index -= 1
    if index == 0:
        return True
    # "Brown v. Board of Education", "incl. Gandhi": a shortened word's stop ends nothing.
    # A table's cell opens as a sentence does: "| 1919 | The Amritsar massacre ...".
    return text[index - 1] in ".!?:|" and not _after_shortening(text, index - 1)


def _after_shortening(text: str, stop: int) -> bool:
    """Is the full stop at ``stop`` the end of a word that a stop always shortens ("v.")?"""
    start = stop
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    return text[start:stop].lower() in ABBREVIATIONS


def _starts_item(text: str, index: int) -> bool:
    """Is ``index`` the first word of a list item ("- A Paris crowd ...", "2. The boycott")?"""
    line = text.rfind("\n", 0, index) + 1
    return index - line <= 12 and LIST_ITEM.fullmatch(text, line, index) is not None


#: A capital after a hyphen makes a name wherever it stands: "Austria-Hungary" (not a prefix's:
#: "Anti-Semitism", "Pro-German", "Post-War").
JOINED_NAME = re.compile(
    r"^(?!(?:Anti|Pro|Post|Pre|Non|Neo|Ex|Mid|Semi|Sub|Super|Counter|Inter|Trans|Ultra|Pan)-)"
    r"[^\W\d_][\w’']*-[A-Z]"
)
_ARTICLES = frozenset({"A", "An", "The"})
# Common words that open a sentence and head a name with "of" after them: "Act of
# Uniformity", "League of Nations" ("Thousands of Germans", "Fear of Russia" name nothing).
_NAME_HEADS = frozenset(
    """Act Acts Bank Battle Bill Church Congress Council Declaration Diet Duke Earl Edict
    House Kingdom King Queen League Pact Peace Petition Republic Siege Statute Treaty Union
    Prince Princess Archbishop Bishop Emperor Empress Sack Defence Bay Cape Isle Isles
    Statutes Articles""".split()
)


def key_terms(text: str, names: list[str], spans: list[tuple[int, int]] | None = None) -> list[str]:
    """Names, quoted and bracketed terms, and rare words of the subject in ``text``
    (``spans``: where the names stand in it, if already found)."""
    spans = name_spans(text, names) if spans is None else spans
    found = [(start, end, text[start:end]) for start, end in spans]
    quoted = QUOTED.finditer(text) if any(mark in text for mark in QUOTE_MARKS) else ()
    for match in quoted:
        group = next(i for i, g in enumerate(match.groups(), 1) if g)
        if len(match.group(group).split()) <= 8:
            found.append((match.start(group), match.end(group), match.group(group).strip()))
    for pattern in (_BRACKETED, _CALLED):
        for match in pattern.finditer(text):
            if pattern is _BRACKETED and _SAID_IN_BRACKETS.search(match.group(1)):
                continue  # "(Zinoviev & Kamenev against)": a remark, not a term
            found.append((match.start(1), match.end(1), match.group(1).strip()))
    for match in WORD.finditer(text):
        word = match.group()
        if len(word) < 5 and "-" not in word:
            continue  # neither rare (five letters or more) nor coined (hyphened)
        rare = word.islower() and len(word) >= 5 and word_rarity(word) < RARE
        coined = word[0].islower() and "-" in word and not word.islower()  # de-Stalinisation
        if rare or coined:
            end = match.end()
            # A phrase of another language is one term: "levée en masse", "cahiers de
            # doléances" (not "levée of 1793": a small word of English's own ends it).
            phrase = _FOREIGN_TAIL.match(text, end) if rare else None
            if phrase is not None and word_rarity(phrase.group(1)) < _UNCOMMON:
                end = phrase.end()
            found.append((match.start(), end, text[match.start() : end]))
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


def name_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where the names stand in ``text``, longest first, none inside another."""
    spans: list[tuple[int, int]] = []
    for name in sorted(set(names), key=len, reverse=True):
        if name not in text:
            continue
        for at in _name_starts(text, name):
            if not any(a <= at < b for a, b in spans):
                spans.append((at, at + len(name)))
    return sorted(spans)


def _name_starts(text: str, name: str) -> Iterator[int]:
    r"""Where ``name`` stands whole in ``text``, left to right and not overlapping: as the
    pattern ``(?<![\w-])name(?![\w])`` finds it, without compiling one for every name of
    the notes (``\w`` is what ``str.isalnum`` says, or "_")."""
    at = text.find(name)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(name) : at + len(name) + 1] or " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after == "_"):
            yield at
            at = text.find(name, at + len(name))
        else:
            at = text.find(name, at + 1)


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)


def date_year(date: str) -> str:
    """The year of a date fact, as the notes would write it alone: "1914" of "4/8/1914",
    "44" of "15/3/44 BC".

    >>> date_year("15/07/1099"), date_year("15/3/44 BC")
    ('1099', '44')
    """
    return str(abs(numeric_dates(date)[0].year))


@lru_cache(maxsize=16384)
def make_fact(kind: FactKind, value: str) -> Fact:
    """The fact, made once: the same name or year stands in many points, and a Fact is
    frozen, so they share it (quicker than validating it again, and a fifth of the memory
    of 50,000 points)."""
    return Fact(kind=kind, value=value)


def facts(text: str, names: list[str], spans: list[tuple[int, int]] | None = None) -> list[Fact]:
    """Years, numbers, dates and names stated in ``text``, in order (``spans`` as for
    key_terms). A date in figures is one fact: "15/07/1099" is no 15, 07 and 1099."""
    found: list[tuple[int, Fact]] = []
    years = set()
    # Most clauses have no figure and no number word: a cheap look for either first.
    figures = _DIGIT.search(text) is not None
    dated = [(m.date_start, m.end) for m in numeric_dates(text)] if figures else []
    for start, end in dated:
        found.append((start, make_fact("date", text[start:end])))
    for match in YEAR.finditer(text) if figures else ():
        if not _inside(match.start(), dated):
            years.add(match.start())
            found.append((match.start(), make_fact("year", match.group(1))))
            # "1929-33", "1967-8": the span's last year, written short, is a year too.
            close = _SHORT_SPAN_END.match(text, match.end())
            if close is not None:
                year, last = int(match.group(1)), close.group(1)
                scale = 10 ** len(last)
                end = year - year % scale + int(last)
                if end > year:
                    years.add(close.start(1))
                    found.append((close.start(1), make_fact("year", str(end))))
    # "Oct 62" and "'62" state the year 1962, as "Oct 1962" does: its figures are no number
    # (nor are those of "the '60s", which states no year, as "the 1960s" does not).
    for mention in two_figure_years(text) if figures else ():
        if not mention.numeric and not mention.decade:
            years.add(mention.end - 2)
            found.append((mention.end - 2, make_fact("year", str(mention.year))))
    in_figures = list(_NUMBER.finditer(text)) if figures else []
    for match in in_figures:
        if match.start() not in years and not _inside(match.start(), dated):
            value = match.group()
            # "1348-50": the end of a span of early years, written short, is 1350 (as a
            # year's is, above)
            before = _EARLY_SPAN.search(text, max(0, match.start() - 5), match.start())
            if before is not None and len(value) == 2:
                value = before[1][:2] + value
            found.append((match.start(), make_fact("number", value)))
    spans = name_spans(text, names) if spans is None else spans
    taken = [*spans, *dated, *((m.start(), m.end()) for m in in_figures)]
    folded = text.casefold()  # as the phrase's pattern folds case
    in_words = any(word in folded for word in NUMBER_WORDS)
    for match in _NUMBER_PHRASE.finditer(text) if in_words else ():
        if not any(a <= match.start() < b for a, b in taken):
            found.append((match.start(), make_fact("number", match.group().lower())))
    for at, end in spans:
        name = text[at:end]
        # "Stalinist" and "Stalinism" describe; they do not name. The "BC" of "15/3/44 BC"
        # is its date's.
        if not name.endswith(("ist", "ists", "ism")) and not _inside(at, dated):
            found.append((at, make_fact("name", name)))
    unique: list[Fact] = []
    seen: set[tuple[str, str]] = set()  # (kind, value): quicker to compare than Facts
    for _, fact in sorted(found, key=lambda item: item[0]):
        if (fact.kind, fact.value) not in seen:
            seen.add((fact.kind, fact.value))
            unique.append(fact)
    return unique
