"""One word or number in another form: what the judges forgive when they look for a
reference's words in an answer.

An answer says a reference's word when it uses the same stem or root ("socialism",
"socialist"), the same number however written ("sixty" and "60", "'45" and 1945,
"nineteen forty-five"), or a misspelling of it that is no English word ("eroshun" for
"erosion"). A reference's examples ("such as libraries and parks") are acceptable answers
too, each looked for alone. ``pastpaper.marking.judges`` weighs what is found here.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache

from pastpaper.language import DIGIT_WORDS as _DIGITS
from pastpaper.language import TEEN_WORDS as _TEENS
from pastpaper.language import TEN_WORDS as _TENS
from pastpaper.language import as_number, spelt_out
from pastpaper.marking.respell import UNKNOWN
from pastpaper.schemes.points import facts
from pastpaper.schemes.scheme import content_stems
from pastpaper.study.dates import numeric_dates
from pastpaper.text import words

__all__ = [
    "LONG_SLIP",
    "LONG_SLIP_LIKENESS",
    "RARER_SLIP",
    "SLIP_LIKENESS",
    "Forms",
    "clear_caches",
    "examples",
    "forms_found",
    "numbers_differ",
    "numbers_in",
    "wanted_forms",
]

#: A stem cut to fewer letters than this by its ending is left whole: "ism" is no root.
_ROOT_LETTERS = 4
#: Words shorter than this are never taken for misspellings of a reference's word.
_SHORTEST_SLIP = 4
#: How alike (rapidfuzz ratio, 0-100) a word English does not know must be to a reference's
#: word to be it misspelt ("eroshun" for "erosion"): less alike for a long word, where one
#: slip weighs less, from LONG_SLIP letters.
SLIP_LIKENESS = 75
LONG_SLIP_LIKENESS = 70
LONG_SLIP = 7
#: How much rarer (zipf) than a reference's word an English word one letter from it must be
#: to be read as it misspelt: "hart" (4.0) for "heart" (5.3), but not "quiet" for "quite".
RARER_SLIP = 1.0


def numbers_in(text: str) -> set[str]:
    """The years and numbers a text states, written one way: "sixty" and "60" are one, and
    so are "nineteen forty-five" and "1945"."""
    return set(_numbers_in(text))


#: How many texts' numbers and content words are kept: every answer to a question is
#: weighed against the same references, and an answer is read for more than one feature.
_TEXTS_KEPT = 2048


@lru_cache(maxsize=_TEXTS_KEPT)
def _numbers_in(text: str) -> frozenset[str]:
    found = {
        as_number(f.value.replace(",", "").lower())
        for f in facts(text, [])
        if f.kind in ("year", "number")
    }
    # A date in figures gives its year and day, as "4 August 1914" does: "4/8/1914".
    found |= {str(n) for m in numeric_dates(text) for n in (abs(m.year), m.day) if n}
    for spoken in _SPOKEN_YEAR.finditer(text):
        century, rest = as_number(spoken["century"].lower()), spoken["rest"].lower()
        years = as_number(rest.replace("oh", "").strip(" -") or "zero")
        if century.isdigit() and years.isdigit():
            found.add(str(int(century) * 100 + int(years)))
    return frozenset(found)


#: A year said as words: "nineteen forty-five", "eighteen oh six".
_SPOKEN_YEAR = re.compile(
    rf"\b(?P<century>{_TEENS}|twenty)[\s-]+(?P<rest>(?:oh[\s-]+)?(?:{_DIGITS})\b|ten\b|"
    rf"(?:{_TEENS})\b|(?:{_TENS})(?:[\s-]+(?:{_DIGITS}))?\b)",
    re.IGNORECASE,
)


def _same_number(given: str, wanted: str) -> bool:
    """One number, or a year shortened to its last two figures ("'45" for 1945)."""
    short, long = sorted((given, wanted), key=len)
    return short == long or (len(short) == 2 and len(long) == 4 and long.endswith(short))


def numbers_differ(answer: str, wanted: Sequence[Collection[str]]) -> bool:
    """Every reference states a number (``wanted``: each one's ``numbers_in``), the answer
    states some, and none of its numbers is one a reference states: "6" where the reference
    says "60"."""
    given = _numbers_in(answer)
    return (
        bool(given)
        and all(wanted)
        and not any(_same_number(g, w) for found in wanted for w in found for g in given)
    )


#: Endings that make another word of the same root: "socialism", "socialist", "social".
_DERIVED = re.compile(r"(?:ation|ition|ism|ist|ian|ical|ic|al|ity|iti|ive|ment|ness|ous|cy|ci)$")


def _root(stem: str) -> str:
    """A stem less one derivational ending, "democracy" and "democratic" alike ("democrat")."""
    cut = _DERIVED.sub("", stem)
    if stem.endswith(("cy", "ci")):
        cut += "t"
    return cut if len(cut) >= _ROOT_LETTERS else stem


#: A root's last letters as they change from verb to noun: "erode" "erosion", "decide"
#: "decision", "permit" "permission" (stems "erod" and "eros", "permit" and "permiss").
_ALTERNATING = (("ss", "t"), ("s", "d"), ("s", "t"))


@lru_cache(maxsize=_TEXTS_KEPT)
def _roots(stem: str) -> frozenset[str]:
    """A stem, its root, and each with its last letters as they alternate."""
    found = {stem, _root(stem)}
    for root in list(found):
        for noun, verb in _ALTERNATING:
            if root.endswith(noun) and len(root) - len(noun) + len(verb) >= _ROOT_LETTERS:
                found.add(root[: -len(noun)] + verb)
    return frozenset(found)


#: How many pairs of words are kept told apart (``_same_word``): an answer's words are set
#: beside each of its references' words, and answers to a question share many words.
_PAIRS_KEPT = 16384


@lru_cache(maxsize=_PAIRS_KEPT)
def _same_word(answer: tuple[str, str], wanted: tuple[str, str]) -> bool:
    """Two words, each (as written, lower case; its stem), are one: the same stem or root
    ("socialism" and "socialist"), the same number ("'45" for 1945), or the answer's is no
    English word and a misspelling of the reference's ("eroshun" for "erosion")."""
    (word, stem), (other, other_stem) = answer, wanted
    if stem.isdigit() or other_stem.isdigit():
        return stem.isdigit() and other_stem.isdigit() and _same_number(stem, other_stem)
    if _roots(stem) & _roots(other_stem):
        return True
    if min(len(word), len(other)) < _SHORTEST_SLIP:
        return False
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    from pastpaper.schemes.points import word_rarity

    close = LONG_SLIP_LIKENESS if min(len(word), len(other)) >= LONG_SLIP else SLIP_LIKENESS
    if word_rarity(word) < UNKNOWN:
        return fuzz.ratio(word, other) >= close
    # A slip that makes another, much rarer, English word: "hart" for "heart".
    return (
        word[0] == other[0]
        and Levenshtein.distance(word, other) == 1
        and word_rarity(other) - word_rarity(word) >= RARER_SLIP
    )


@lru_cache(maxsize=_TEXTS_KEPT)
def _content(text: str) -> tuple[tuple[str, str], ...]:
    """A text's content words (as written, lower case; stem) and its numbers (each twice)."""
    found = []
    for word in words(spelt_out(text)):
        stems = content_stems(word)
        if stems:
            found.append((word, next(iter(stems))))
    return (*found, *((n, n) for n in sorted(_numbers_in(text))))


#: A reference's content words and numbers, each (as written, lower case; stem).
Forms = Sequence[tuple[str, str]]


def wanted_forms(references: Sequence[str], asked: Collection[str]) -> list[Forms]:
    """What ``forms_found`` looks for in an answer: each reference's content words and
    numbers, the question's own words aside unless they are all the reference has. A
    reference's examples ("such as bin collection, libraries and parks") are acceptable
    answers too, each looked for alone."""
    found: list[Forms] = []
    for reference in [*references, *(e for r in references for e in examples(r))]:
        words = _content(reference)
        wanted = [w for w in words if w[1] not in asked] or words
        if wanted:
            found.append(wanted)
    return found


def forms_found(answer: str, wanted: Sequence[Forms]) -> tuple[float, float]:
    """The best share of a reference's content words and numbers (``wanted_forms``) found
    in the answer in any form, and 1.0 where some reference is found whole."""
    said = _content(answer)
    best = 0.0
    for forms in wanted:
        found = sum(1 for w in forms if any(_same_word(s, w) for s in said)) / len(forms)
        best = max(best, found)
    return best, float(best == 1.0)


#: Where a text gives examples of what it names: "services such as libraries and parks",
#: "things like schools, hospitals and roads", "e.g. canals".
_EXAMPLES = re.compile(
    r"\b(?:such as|for example|for instance|e\.g\.|including|like)\s+(?P<items>.+)$", re.IGNORECASE
)
_ITEMS = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|\band\b|\bor\b)\s*", re.IGNORECASE)


def examples(reference: str) -> list[str]:
    """The examples a reference gives of what it names, each an acceptable answer of its
    own; none where "like" is not followed by a list.

    >>> examples("to run local services such as bin collection, libraries and parks")
    ['bin collection', 'libraries', 'parks']
    >>> examples("it looks like rain"), examples("new inventions such as the steam engine")
    ([], ['the steam engine'])
    """
    found = _EXAMPLES.search(reference)
    if not found:
        return []
    items = [i.strip(" .;()") for i in _ITEMS.split(found["items"]) if i.strip(" .;()")]
    if found.group(0).lower().startswith("like") and len(items) < 2:
        return []
    return [i for i in items if content_stems(i)]


def clear_caches() -> None:
    """Forget the texts and words read before (for benchmarks that time the work itself)."""
    _numbers_in.cache_clear()
    _content.cache_clear()
    _roots.cache_clear()
    _same_word.cache_clear()
