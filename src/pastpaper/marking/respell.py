"""An answer's words read against the scheme's own: misspellings of the scheme's words read
as those words ("Kruschev", "speach", "Volgagrad"), and an answer mostly not in English
flagged for a teacher, since the marker reads English."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from pastpaper.schemes.scheme import MarkScheme
from pastpaper.text import words

__all__ = [
    "ENGLISH_SHARE",
    "FEWEST_WORDS",
    "FOREIGN_MARGIN",
    "RESPELL_LETTERS",
    "RESPELL_LIKENESS",
    "UNKNOWN",
    "clear_caches",
    "not_english",
    "own_texts",
    "respelled",
    "vocabulary",
    "vocabulary_of",
]

#: The fewest letters of a word the marker respells: shorter words ("war", "tsar") are
#: too alike to tell a slip from another word.
RESPELL_LETTERS = 5
#: How alike (rapidfuzz ratio, 0-100) an unknown word must be to a scheme's word to be read
#: as it: "Kruschev" and "Volgagrad" are 89 to "Khrushchev" and "Volgograd".
RESPELL_LIKENESS = 85
#: A word English uses less than this (its zipf frequency) may be a misspelling; from this
#: up English knows the word, and it is never respelled: "released" is not "realised".
UNKNOWN = 2.0

_LONG_WORD = re.compile(rf"[^\W\d_]{{{RESPELL_LETTERS},}}")

#: The share of an answer's words that must be English (or the scheme's own) for it to be
#: marked without a flag: the marker reads English, and a teacher should see the rest.
ENGLISH_SHARE = 0.5
#: Languages an answer not in English is most likely written in (wordfreq's word lists).
_OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "ro", "tr", "ru", "uk", "ar")
#: From this zipf frequency up a word is everyday English, whatever else it may be.
_EVERYDAY = 4.0
#: Answers of fewer words are never flagged: a name or two would tip the share.
FEWEST_WORDS = 4
#: How much more common (in zipf frequency, a factor of ten) a word must be in another
#: language than in English to count as that language's: names and loan words are shared.
FOREIGN_MARGIN = 1.0


def own_texts(scheme: MarkScheme) -> tuple[str, ...]:
    """The scheme's texts its vocabulary is read from: the question and every phrasing of
    its points."""
    return (scheme.question.text, *(t for p in scheme.points for t in (p.point.text, *p.accept)))


def vocabulary(scheme: MarkScheme) -> Mapping[str, str]:
    """The scheme's own longer words, by their lower case."""
    return vocabulary_of(own_texts(scheme))


# Every answer to a question reads the same scheme's words: they are read once.
@lru_cache(maxsize=256)
def vocabulary_of(texts: tuple[str, ...]) -> Mapping[str, str]:
    """The longer words of a scheme's ``own_texts``, by their lower case."""
    return MappingProxyType({w.lower(): w for t in texts for w in _LONG_WORD.findall(t)})


def clear_caches() -> None:
    """Forget the schemes' vocabularies (for benchmarks that time the work itself)."""
    vocabulary_of.cache_clear()


def respelled(claim: str, vocabulary: Mapping[str, str]) -> str:
    """``claim`` with each longer word English does not know, and that is close to one of
    ``vocabulary``'s, written as that word."""
    from rapidfuzz import fuzz, process

    from pastpaper.schemes.points import word_rarity

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        # Only a word English does not know is a misspelling: "released" is not "realised".
        if word.lower() in vocabulary or word_rarity(word.lower()) >= UNKNOWN:
            return word
        found = process.extractOne(word.lower(), list(vocabulary), scorer=fuzz.ratio)
        return vocabulary[found[0]] if found and found[1] >= RESPELL_LIKENESS else word

    return _LONG_WORD.sub(fix, claim)


def not_english(text: str, scheme: MarkScheme) -> str | None:
    """A warning when most of the answer's words are not English: neither the scheme's own
    (names and terms such as 'sovnarkhozy') nor more common in English than in another
    language; None otherwise, and for answers of under FEWEST_WORDS words. Other languages'
    word lists load only for an answer that looks foreign by its English word frequencies
    alone.

    >>> from pastpaper.marking import reference_scheme
    >>> scheme = reference_scheme("Who led the USSR after Stalin?", ["Khrushchev"], 1)
    >>> not_english("Khrushchev took over after Stalin died in 1953.", scheme) is None
    True
    >>> not_english("Chruschtschow übernahm nach Stalins Tod die Führung.", scheme)[:56]
    'the answer is mostly not in English (6 of its 7 words); '
    """
    from pastpaper.schemes.points import word_rarity

    found = [w for w in words(text) if w.isalpha() and len(w) > 1]
    if len(found) < FEWEST_WORDS:
        return None
    own = set(vocabulary(scheme))
    most = len(found) * (1 - ENGLISH_SHARE)
    doubtful = [w for w in found if w not in own and word_rarity(w) < _EVERYDAY]
    if len(doubtful) <= most:
        return None
    foreign = [w for w in doubtful if _foreign(w, word_rarity(w))]
    if len(foreign) <= most:
        return None
    return (
        f"the answer is mostly not in English ({len(foreign)} of its {len(found)} words); it "
        "was marked all the same, but a teacher should read it"
    )


def _foreign(word: str, english: float) -> bool:
    """Unknown to English, or clearly more common in another language."""
    from wordfreq import zipf_frequency

    if english == 0:
        return True
    return (
        max(zipf_frequency(word, language) for language in _OTHER_LANGUAGES)
        > english + FOREIGN_MARGIN
    )
