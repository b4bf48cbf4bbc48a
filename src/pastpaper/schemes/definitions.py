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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["defined_term", "defining", "says_what_it_means"]

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
