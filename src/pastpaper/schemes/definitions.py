"""Questions that ask what a term means, and the points that say it.

"What is meant by inflation? (2)" asks for a definition: the notes' "Inflation is a
sustained rise in the general price level", not how it is measured, its causes or its
latest figure, though they stand in the same family's notes.

    >>> defined_term("What is meant by the term 'appeasement'? (2)")
    'appeasement'
    >>> defined_term("Describe the Munich Agreement.") is None
    True
    >>> says_what_it_means("Appeasement was a policy of giving way to demands", "appeasement")
    True
    >>> defines("Crop rotation means growing different crops on a field in turn")
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["defined_term", "defines", "defining", "says_what_it_means"]

# "What is meant by X", "Explain what was meant by X", "Define X", "What does X mean",
# "What is the meaning of X"; the term after "the term" or "the word", quoted or not.
_ASKS = re.compile(
    r"\b(?:what (?:is|was) meant by|define|give (?:a|the) definition of|what is the "
    r"meaning of|the meaning of)\s+(?:the (?:term|word|phrase|idea of)\s+)?(?P<term>[^?.(]+)"
    r"|\bwhat (?:does|did) (?:the (?:term|word|phrase)\s+)?(?P<meant>[^?.(]+?) mean\b",
    re.IGNORECASE,
)
_QUOTES = "\"'‘’“” "


def defined_term(question: str) -> str | None:
    """The term a question asks the meaning of, in lower case; None if it asks no meaning."""
    asked = _ASKS.search(question)
    if asked is None:
        return None
    term = (asked["term"] or asked["meant"] or "").strip(_QUOTES).lower()
    return term or None


def says_what_it_means(text: str, term: str) -> bool:
    """Does ``text`` say what ``term`` means: "Inflation is a sustained rise ...", "a
    policy known as appeasement", "Appeasement means giving way ..."?"""
    word = re.escape(term)
    return bool(
        re.search(
            rf"\b{word}\b[^.;:]{{0,40}}?\b(?:is|are|was|were|means?|meant|refers? to|describes?)\b"
            rf"|\b(?:known as|called|termed|defined as)\s+(?:the\s+)?['‘\"“]?{word}\b",
            text,
            re.IGNORECASE,
        )
    )


def defining(texts: Sequence[str], term: str) -> set[int]:
    """Which of the points' ``texts`` a question on ``term``'s meaning credits: those that
    say what it means; failing any, those that use it; failing any, all of them."""
    for test in (says_what_it_means, _uses):
        found = {at for at, text in enumerate(texts) if test(text, term)}
        if found:
            return found
    return set(range(len(texts)))


def _uses(text: str, term: str) -> bool:
    return re.search(rf"\b{re.escape(term)}\b", text, re.IGNORECASE) is not None


# A point that only says what a term means: "Crop rotation means growing ...", "Enclosure
# is defined as ...". Not "The means were there" (a noun), nor "This meant that ..." (a result).
_DEFINES = re.compile(
    r"^(?P<term>[\w’'-]+(?: [\w’'-]+){0,3}) (?:means|is defined as|refers to)\b", re.IGNORECASE
)
_ARTICLES = frozenset({"the", "a", "an"})
_NO_TERM = frozenset({"this", "that", "these", "those", "it", "which", "its", "what"})


def defines(text: str) -> bool:
    """Does the point say what a term means, as a definition, and nothing else?

    >>> defines("Crop rotation means growing different crops on a field in turn")
    True
    >>> defines("The means were there as well as the motives"), defines("This means war")
    (False, False)
    >>> defines("A guild means a sworn company of craftsmen")
    True
    """
    found = _DEFINES.match(text)
    if found is None:
        return False
    words = found["term"].lower().split()
    if words[0] in _ARTICLES:
        words = words[1:]  # "A guild means ..." defines "guild"; "The means were" nothing
    return bool(words) and words[0] not in _NO_TERM
