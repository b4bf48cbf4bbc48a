"""What the notes themselves name as a cause: "the Schlieffen Plan made a war with Russia
into a war with France" makes every point telling of the plan a cause too, for a question
asking why, though its own words give no link.
"""

from __future__ import annotations

from pastpaper.schemes.points import Point, word_rarity
from pastpaper.schemes.stems import content_stems
from pastpaper.text import match_key

__all__ = ["cited_causes", "is_cited", "not_asked_about"]

#: Zipf frequency from which a one-word name is too common to tell a cause ("France").
_COMMON = 4.0


def cited_causes(points: list[Point], direct: list[bool]) -> dict[str, set[str]]:
    """Key terms the notes name in a reason or a result ("the Schlieffen Plan made a war
    with Russia into a war with France"), each with the sentences that name it so.

    Only a term of a few sentences counts, and a single word only if it is uncommon in
    English: "Germany" and "French" are in everything and tell nothing.
    """
    said = [(p.source.sentence, match_key(p.text), d) for p, d in zip(points, direct, strict=True)]
    cited: dict[str, set[str]] = {}
    for term in {match_key(t) for p in points for t in p.key_terms}:
        if " " not in term and word_rarity(term) >= _COMMON:
            continue
        # Most sentences hold no term at all: the plain ``in`` rules them out first.
        naming = [
            (sentence, causal)
            for sentence, text, causal in said
            if term in text and _stands_in(text, term)
        ]
        causes = {sentence for sentence, causal in naming if causal}
        if causes and len({sentence for sentence, _ in naming}) <= 3:
            cited[term] = causes
    return cited


def _stands_in(text: str, term: str) -> bool:
    r"""Does ``term`` stand whole in ``text``, as the pattern ``(?<![\w-])term(?![\w-])``
    finds it? Without compiling a pattern for every term of the notes (``\w`` is what
    ``str.isalnum`` says, or "_")."""
    at = text.find(term)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + len(term) : at + len(term) + 1] or " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            return True
        at = text.find(term, at + 1)
    return False


def is_cited(point: Point, cited: dict[str, set[str]]) -> bool:
    """Is the point about something another sentence of the notes names as a cause?"""
    return any(
        cited.get(match_key(term), {point.source.sentence}) - {point.source.sentence}
        for term in point.key_terms
    )


def not_asked_about(cited: dict[str, set[str]], question: str) -> dict[str, set[str]]:
    """The terms that are not the question's own subject, which is no reason for itself."""
    asked = content_stems(question)
    return {term: where for term, where in cited.items() if not content_stems(term) & asked}
