"""What the marker weighs for each claim of an answer and each point of a scheme
(``match_features``), the calibrated chance that the claim makes the point
(``match_scores``), and whether a credited claim develops its point (``developed``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from pastpaper.language import NEGATIONS, spelt_out
from pastpaper.marking.calibration import Calibration
from pastpaper.schemes.points import Point
from pastpaper.schemes.scheme import MarkScheme, SchemePoint, content_stems
from pastpaper.text import match_key

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pastpaper.marking.marker import Model

__all__ = [
    "DEVELOPED_WORDS",
    "FEATURES",
    "LENGTH_MOST",
    "LENGTH_UNIT",
    "REJECT_LIKENESS",
    "TERM_LIKENESS",
    "Encode",
    "developed",
    "encode_claims",
    "length",
    "match_features",
    "match_scores",
    "negated",
    "rejected",
    "scheme_texts",
]

#: What encodes texts as unit vectors, one row each (``Model.encode``).
Encode = Callable[[list[str]], "npt.NDArray[np.float32]"]

#: What the marker weighs for each claim and point, in the calibration's order.
FEATURES = ("similarity", "overlap", "negation", "terms", "echo", "length")
#: A text's length is counted in tens of content words, up to LENGTH_MOST tens: past 30
#: words length tells nothing more. The calibration's weights were fitted on these units.
LENGTH_UNIT = 10
LENGTH_MOST = 3.0
#: How alike (rapidfuzz partial ratio, 0-100) a stretch of the claim must be to a key term
#: for the claim to use it, misspelt ("sovnarkozy") or inflected; the weights were fitted
#: with this cut-off.
TERM_LIKENESS = 80
#: The fewest words of a claim that develops its point (explains or supports it, and may
#: earn a second mark): "because it was cheap" alone makes no developed point.
DEVELOPED_WORDS = 10
#: How alike in meaning (cosine) a claim must be to a phrasing a teacher rejected for a point
#: to be refused that point, when it is also closer to the rejected phrasing than to any
#: accepted one. A claim that contains the rejected phrasing word for word is refused at any
#: likeness. Set, not fitted: a teacher's rejection names what students actually wrote, so
#: it should catch close rewordings of it and leave other answers alone.
REJECT_LIKENESS = 0.8

_NEGATION = re.compile(rf"\b(?:{NEGATIONS})\b|n't\b", re.IGNORECASE)
_EXPLAINS = re.compile(
    r"\b(?:because|so that|so\b|which meant|this meant|meaning|as a result|therefore|"
    r"in order to|to (?:protect|secure|show|prove|improve)|for example|for instance|such as|"
    r"e\.g\.|which|who)\b",
    re.IGNORECASE,
)


def encode_claims(model: Model, parts: Mapping[str, tuple[str, int, int]]) -> Encode:
    """``model.encode``, but a claim that is part of a longer claim of its answer
    (``claims.claim_parts``) is read within that claim (``Model.within``): one run of the
    model for a sentence and its parts."""
    import numpy as np

    def encode(texts: list[str]) -> npt.NDArray[np.float32]:
        if not any(t in parts for t in texts):
            return model.encode(texts)
        # Within first: its run of a sentence gives the sentence's own vector too.
        within = list(dict.fromkeys(t for t in texts if t in parts))
        found = dict(zip(within, model.within([parts[t] for t in within]), strict=True))
        plain = [t for t in texts if t not in parts]
        found.update(zip(plain, model.encode(plain), strict=True) if plain else ())
        return np.stack([found[t] for t in texts]).astype(np.float32)

    return encode


def negated(text: str) -> bool:
    """The text says "not" (or "no", "never", "n't", "w/o" ...)."""
    return _NEGATION.search(spelt_out(text)) is not None


def length(text: str) -> float:
    """A text's content words, in LENGTH_UNITs, at most LENGTH_MOST."""
    return min(len(content_stems(text)) / LENGTH_UNIT, LENGTH_MOST)


def match_features(
    claims: list[str], points: list[SchemePoint], encode: Encode, question: str = ""
) -> npt.NDArray[np.float32]:
    """For each claim and point (an array claims × points × FEATURES):

    - similarity: cosine of their meanings, the best over the point's accepted phrasings;
    - overlap: how many content words (stemmed) they share, as an F1 of the two sets,
      leaving out the question's own words, which answers echo without knowing anything;
    - negation: 1 where one of them is negated and the other is not;
    - terms: the share of the point's key terms the claim uses, misspellings forgiven;
    - echo: how closely the claim repeats the question (an answer that only restates the
      question knows nothing);
    - length: the claim's content words, in tens (at most 3).
    """
    import numpy as np

    phrasings = [[p.point.text, *p.accept] for p in points]
    vectors = encode([*claims, *_point_texts(points, question)])
    claim_vectors, phrase_vectors = vectors[: len(claims)], vectors[len(claims) + 1 :]
    echoes = claim_vectors @ vectors[len(claims)] if question else np.zeros(len(claims))
    features = np.zeros((len(claims), len(points), len(FEATURES)), dtype=np.float32)
    at = 0
    for j, group in enumerate(phrasings):
        block = claim_vectors @ phrase_vectors[at : at + len(group)].T
        features[:, j, 0] = block.max(axis=1)
        at += len(group)
    echo = content_stems(question)
    claim_words = [content_stems(c) - echo for c in claims]
    point_words = [content_stems(" ".join(g)) - echo for g in phrasings]
    claim_negated = [bool(_NEGATION.search(c)) for c in claims]
    point_negated = [bool(_NEGATION.search(p.point.text)) for p in points]
    for i, claim in enumerate(claims):
        for j, point in enumerate(points):
            shared = len(claim_words[i] & point_words[j])
            total = len(claim_words[i]) + len(point_words[j])
            features[i, j, 1] = 2 * shared / total if total else 0.0
            features[i, j, 2] = float(claim_negated[i] != point_negated[j])
            features[i, j, 3] = _term_share(claim, point.point)
        features[i, :, 4] = echoes[i]
        features[i, :, 5] = length(claim)
    return features


def _point_texts(points: Sequence[SchemePoint], question: str) -> list[str]:
    """The question (a space if none) and every phrasing of the points, as match_features
    encodes them after the claims."""
    return [question or " ", *(t for p in points for t in (p.point.text, *p.accept))]


def scheme_texts(scheme: MarkScheme) -> list[str]:
    """Every text of a scheme that marking any answer against it encodes with the claims:
    the question, the points' phrasings (``match_features``) and the phrasings a teacher
    rejected (``rejected``). The same for every answer: bulk marking encodes them once."""
    points = list(scheme.points)
    return [*_point_texts(points, scheme.question.text), *(r for p in points for r in p.reject)]


def rejected(
    claims: list[str],
    points: list[SchemePoint],
    similarity: npt.NDArray[np.float32],
    encode: Encode,
) -> npt.NDArray[np.bool_]:
    """For each claim and point (claims × points), whether a teacher said that what the claim
    says does not earn the point: it contains a rejected phrasing, or is at least
    REJECT_LIKENESS alike to one and closer to it than to the point's accepted phrasings
    (``similarity``, the first feature of ``match_features``)."""
    import numpy as np

    refused = np.zeros((len(claims), len(points)), dtype=np.bool_)
    keys = [match_key(c) for c in claims]
    for j, point in enumerate(points):
        if not point.reject:
            continue
        vectors = encode([*claims, *point.reject])
        likeness = (vectors[: len(claims)] @ vectors[len(claims) :].T).max(axis=1)
        phrases = [match_key(r) for r in point.reject]
        for i, key in enumerate(keys):
            said = any(phrase in key for phrase in phrases)
            close = likeness[i] >= REJECT_LIKENESS and likeness[i] > similarity[i, j]
            refused[i, j] = said or bool(close)
    return refused


def match_scores(
    features: npt.NDArray[np.float32], calibration: Calibration
) -> npt.NDArray[np.float32]:
    """The calibrated chance, for each claim and point, that the claim makes the point."""
    import numpy as np

    logits = features @ np.array(calibration.weights, dtype=np.float32) + calibration.intercept
    chance: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
    return chance


def developed(claim: str) -> bool:
    """A point explained or supported in the same claim: a reason, a result or an example."""
    return len(claim.split()) >= DEVELOPED_WORDS and _EXPLAINS.search(claim) is not None


def _term_share(claim: str, point: Point) -> float:
    """The share of the point's key terms the claim uses, misspellings forgiven."""
    if not point.key_terms:
        return 0.0
    from rapidfuzz import fuzz

    lowered = claim.lower()
    found = sum(
        1 for term in point.key_terms if fuzz.partial_ratio(term.lower(), lowered) >= TERM_LIKENESS
    )
    return found / len(point.key_terms)
