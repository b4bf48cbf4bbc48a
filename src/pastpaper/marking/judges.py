"""Whole-answer judgement: an answer read at once against a reference, by its shape.

``pastpaper.schemes.references`` tells the shapes apart; this module weighs an answer against each:

- ``accepted`` (one-mark, short acceptable answers): does the answer say what one of them
  says? Its meaning against theirs (also as read after the question), the acceptable
  answer's content words found in it (other word forms and misspellings forgiven, numbers
  in words or digits alike: ``pastpaper.marking.wordforms``), and their word pieces
  aligned (``pastpaper.marking.align``) are weighed by a fitted judge (``earns``). Only
  what the acceptable answer asks for counts: extra correct detail, a bare phrase or a
  short answer costs nothing.
- ``criteria``: the correct examples are acceptable answers and are judged the same way;
  the incorrect examples are evidence against (an answer the judge finds closer to a wrong
  example than to every right one does not earn the mark), and numbers must agree.
- ``model`` (several marks, one model answer): how much of the model answer the answer
  says, as a share fitted to markers' marks (``scaled``), placed between the question said
  back (no mark) and a share the calibration sets, or the model answer's own if less
  (every mark; ``placed``), so the model answer always earns full marks.

Every judge's features, weights and threshold are chosen and fitted by
``scripts/calibrate.py`` (leave one data set out) and kept in the calibration.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from pastpaper.marking.align import aligned, rarity_weights
from pastpaper.marking.calibration import AnswerModel, Calibration
from pastpaper.marking.claims import claim_parts, claim_spans, claim_texts
from pastpaper.marking.claims import clear_caches as clear_claims
from pastpaper.marking.comparisons import clear_caches as clear_comparisons
from pastpaper.marking.comparisons import reverses, swaps_side
from pastpaper.marking.features import LENGTH_MOST, LENGTH_UNIT, encode_claims, length, negated
from pastpaper.marking.inaccuracies import clear_caches as clear_inaccuracies
from pastpaper.marking.respell import clear_caches as clear_vocabularies
from pastpaper.marking.wordforms import clear_caches as clear_wordforms
from pastpaper.marking.wordforms import (
    forms_found,
    numbers_differ,
    numbers_in,
    wanted_forms,
)
from pastpaper.schemes.references import Reference
from pastpaper.schemes.scheme import MarkScheme, content_stems

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pastpaper.marking.marker import Model

__all__ = [
    "ANSWER_FEATURES",
    "Weighed",
    "accepts",
    "answer_chance",
    "answer_features",
    "answer_texts",
    "clear_caches",
    "earns",
    "gives_one",
    "judged_texts",
    "placed",
    "reference_texts",
    "scaled",
    "turned_round",
]

#: What the marker can weigh when it judges an answer whole; a judge uses some of them,
#: named in its calibration, in this order.
ANSWER_FEATURES = (
    "similarity",  # the closest claim and point, as point by point
    "answer_similarity",  # the whole answer and the closest point
    "reference_similarity",  # the whole answer and the closest acceptable answer
    "in_context",  # the same, each read after the question (meanings mixed by length)
    "recall",  # the reference's content words the answer uses (the question's left out)
    "precision",  # the answer's content words the reference uses
    "overlap",  # F1 of the two
    "echo",  # the answer and the question
    "reference_echo",  # the reference and the question: how much the question gives away
    "length",  # the answer's content words, in tens (at most 3)
    "reference_length",  # the reference's, likewise
    "negation",  # one of them negated and the other not
    "piece_recall",  # the reference's word pieces, each matched by its closest in the answer
    "piece_precision",  # the answer's pieces, each matched by its closest in the reference
    "piece_f1",
    "pieces_close",  # the share of the reference's pieces matched at a cosine of 0.7
    "pieces_near",  # ... and at 0.5
    "form_recall",  # the reference's content words and numbers found, in any word form
    "contains",  # 1 where every content word and number of an acceptable answer is found
    "numbers_differ",  # 1 where the reference gives numbers and the answer's are others
    "coverage",  # the reference's clauses, each matched by the closest claim (mean cosine)
    "reverses",  # 1 where the answer turns round a comparison the references make, or the side
    # they put on a thing ("West Germans" for "East Germans")
    "verbatim",  # 1 where the answer is an acceptable answer word for word
    "unasked_similarity",  # reference_similarity with the question's own words left out
)


class Weighed:
    """An answer's ANSWER_FEATURES against some texts, and the creditable point closest."""

    __slots__ = ("closest", "values")

    def __init__(self, values: npt.NDArray[np.float32], closest: int) -> None:
        self.values = values
        self.closest = closest


class _Texts:
    """What ``answer_features`` reads of an answer against some references, worked out once
    for both it and ``answer_texts``, so that what bulk marking encodes ahead and what the
    features ask the model for cannot drift apart. What depends only on the references and
    the scheme is read once for all the answers to a question (``_Against``)."""

    def __init__(
        self,
        answer: str,
        references: Sequence[str],
        scheme: MarkScheme,
        used: Collection[str] = ANSWER_FEATURES,
    ) -> None:
        phrasings = tuple((p.point.text, *p.accept) for p in scheme.creditable)
        unasked = "unasked_similarity" in used
        against = _against(scheme.question.text, tuple(references), phrasings, unasked)
        self.against = against
        self.answer = answer
        self.question = against.question
        self.references = against.references
        self.phrasings = against.phrasings
        self.flat = against.flat
        self.claims = claim_texts(answer, scheme) or [answer]
        # The claims read within a longer claim (``Embedder.within``), not encoded alone.
        self.parts = claim_parts(answer, scheme)
        self.clauses = against.clauses
        self.asked_words = against.asked_words
        self.unasked = [_unasked(answer, self.asked_words), *against.unasked] if unasked else []

    @property
    def with_pieces(self) -> list[str]:
        """The texts whose word pieces are weighed (their sentence vectors come with them)."""
        return [self.answer, self.question, *self.references]

    @property
    def wholes(self) -> list[str]:
        """The texts likened whole, after the claims."""
        return [self.answer, self.question, *self.flat, *self.references]

    @property
    def sentences(self) -> list[str]:
        """Every text whose sentence vector is taken (claims read within others aside)."""
        claims = [c for c in self.claims if c not in self.parts]
        return [*self.wholes, *claims, *self.clauses, *self.unasked]

    @property
    def given(self) -> tuple[list[str], list[str]]:
        """What of ``with_pieces`` and ``sentences`` is the same whatever the answer."""
        sentences = [self.question, *self.flat, *self.references, *self.clauses]
        return [self.question, *self.references], sentences + self.unasked[1:]


class _Against:
    """What ``answer_features`` reads of the references an answer is weighed against, and
    of the question: the same for every answer to it, and shared by them (never changed)."""

    def __init__(
        self,
        question: str,
        references: tuple[str, ...],
        phrasings: tuple[tuple[str, ...], ...],
        unasked: bool,
    ) -> None:
        self.question = question
        self.references = [r for r in references if r.strip()] or [" "]
        self.phrasings = [list(group) for group in phrasings] or [[" ".join(self.references)]]
        self.flat = [t for group in self.phrasings for t in group]
        # How much of a longer reference the claims cover: each of its clauses by the closest.
        self.clauses = [
            r[a:b]
            for r in self.references
            for a, b in claim_spans(r)
            if len(content_stems(r[a:b])) > 1
        ] or self.references
        self.asked_words = content_stems(question)
        # An answer that names what the question asks about ("Northby has a bigger
        # population" for "its population is larger") is likened to the references on the
        # rest of its words. Only for a judge that weighs it: it is a text more to encode.
        self.unasked = [_unasked(r, self.asked_words) for r in self.references] if unasked else []
        # Each reference's content words but the question's (recall, precision, overlap).
        self.stems = [content_stems(r) - self.asked_words for r in self.references]
        self.negated = any(negated(r) for r in self.references)
        self.length = sum(len(content_stems(r)) for r in self.references) / len(self.references)
        self.forms = wanted_forms(self.references, self.asked_words)
        self.numbers = [numbers_in(r) for r in self.references]
        self.verbatim = {_verbatim(r) for r in self.references}


#: How many sets of references are kept read (``_Against``): one or two a question.
_AGAINST_KEPT = 1024


@lru_cache(maxsize=_AGAINST_KEPT)
def _against(
    question: str,
    references: tuple[str, ...],
    phrasings: tuple[tuple[str, ...], ...],
    unasked: bool,
) -> _Against:
    return _Against(question, references, phrasings, unasked)


def answer_texts(
    answer: str,
    references: Sequence[str],
    scheme: MarkScheme,
    used: Collection[str] = ANSWER_FEATURES,
) -> tuple[list[str], list[str]]:
    """What ``answer_features`` asks the model for: the texts whose word pieces it weighs,
    and every text whose sentence vector it takes, for a judge weighing the features
    ``used`` (the claims it reads within longer ones, ``claims.claim_parts``, aside). Bulk
    marking encodes them ahead, across answers, each text once (``pastpaper.marking.bulk``).

    >>> from pastpaper.marking.marker import reference_scheme
    >>> scheme = reference_scheme("Why does Northby elect councillors?", ["to run services"], 1)
    >>> answer_texts("Northby has councils", scheme.references, scheme)[0]
    ['Northby has councils', 'Why does Northby elect councillors?', 'to run services']
    """
    texts = _Texts(answer, references, scheme, used)
    return texts.with_pieces, texts.sentences


def answer_features(
    answer: str,
    references: Sequence[str],
    scheme: MarkScheme,
    model: Model,
    calibration: Calibration,
    used: Collection[str] = ANSWER_FEATURES,
) -> Weighed:
    """ANSWER_FEATURES of ``answer`` (as the marker reads it: ``read_as_marked``) against
    ``references``, the texts it is weighed against. A word piece weighs by its rarity:
    ``calibration.piece_answers`` of its ``answers_counted`` train answers use it.
    The texts it encodes are ``answer_texts``'. A feature that needs texts of its own
    (``unasked_similarity``) is 0 unless ``used`` (the judge's features) names it.
    """
    import numpy as np

    texts = _Texts(answer, references, scheme, used)
    references, phrasings = texts.references, texts.phrasings
    flat, claims = texts.flat, texts.claims
    answer_pieces, asked_pieces, *reference_pieces = model.pieces(texts.with_pieces)
    vectors = model.encode(texts.wholes)
    whole, asked = vectors[0], vectors[1]
    phrase_vectors = vectors[2 : 2 + len(flat)]
    reference_vectors = vectors[2 + len(flat) :]
    claim_vectors = encode_claims(model, texts.parts)(claims)
    similarity = float((claim_vectors @ phrase_vectors.T).max())
    # A text read after the question: the two meanings mixed in proportion to their length
    # in word pieces, as the model's own average over the pieces of both would mix them.
    asked_length = len(asked_pieces[0])

    def after_question(vector: npt.NDArray[np.float32], pieces: int) -> npt.NDArray[np.float32]:
        mixed = asked_length * asked + max(pieces, 1) * vector
        return mixed / max(float(np.linalg.norm(mixed)), 1e-9)  # type: ignore[no-any-return]

    whole_in_context = after_question(whole, len(answer_pieces[0]))
    context_vectors = np.stack(
        [
            after_question(v, len(p[0]))
            for v, p in zip(reference_vectors, reference_pieces, strict=True)
        ]
    )
    by_phrase = phrase_vectors @ whole
    closest, at = 0, 0
    best = -2.0
    for j, group in enumerate(phrasings):
        value = float(by_phrase[at : at + len(group)].max())
        if value > best:
            best, closest = value, j
        at += len(group)

    against = texts.against
    answer_words = content_stems(answer) - texts.asked_words
    recall = precision = overlap = 0.0
    for stems in against.stems:
        shared = len(answer_words & stems)
        both = len(answer_words) + len(stems)
        f1 = 2 * shared / both if both else 0.0
        if f1 >= overlap:
            recall = shared / len(stems) if stems else 0.0
            precision = shared / len(answer_words) if answer_words else 0.0
            overlap = f1
    said_not = negated(answer) != against.negated

    weight = rarity_weights(calibration, asked_pieces)
    alignment = aligned(answer_pieces, reference_pieces, weight)
    forms, contains = forms_found(answer, against.forms)
    coverage = float((model.encode(texts.clauses) @ claim_vectors.T).max(axis=1).mean())
    unasked_similarity = 0.0
    if texts.unasked:
        unasked = model.encode(texts.unasked)
        unasked_similarity = float((unasked[1:] @ unasked[0]).max())
    values = np.array(
        [
            similarity,
            best,
            float((reference_vectors @ whole).max()),
            float((context_vectors @ whole_in_context).max()),
            recall,
            precision,
            overlap,
            float(whole @ asked),
            float((reference_vectors @ asked).max()),
            length(answer),
            min(against.length / LENGTH_UNIT, LENGTH_MOST),
            float(said_not),
            *alignment,
            forms,
            contains,
            float(numbers_differ(answer, against.numbers)),
            coverage,
            float(reverses(answer, references) or swaps_side(answer, references)),
            float(_verbatim(answer) in against.verbatim),
            unasked_similarity,
        ],
        dtype=np.float32,
    )
    return Weighed(values, closest)


def answer_chance(values: npt.NDArray[np.float32], judge: AnswerModel) -> float:
    """The calibrated chance that an answer with these ANSWER_FEATURES earns the mark."""
    return 1.0 / (1.0 + math.exp(-_weighed(values, judge)))


def _weighed(values: npt.NDArray[np.float32], judge: AnswerModel) -> float:
    """The judge's features of ``values``, weighed and summed with its intercept."""
    import numpy as np

    picked = values[[ANSWER_FEATURES.index(f) for f in judge.features]]
    return float(picked @ np.asarray(judge.weights, dtype=np.float32)) + judge.intercept


def gives_one(values: npt.NDArray[np.float32]) -> bool:
    """The answer gives one of the acceptable answers whole, in any form or spelling, with
    no "not" the reference lacks, no other number and no comparison turned round: the
    mark, however short the answer or little like it in meaning the model finds it
    ("eroshun" for "erosion")."""
    found = dict(zip(ANSWER_FEATURES, values.tolist(), strict=True))
    return (
        found["contains"] == 1.0
        and not found["negation"]
        and not found["numbers_differ"]
        and not found["reverses"]
    )


def _unasked(text: str, asked: set[str]) -> str:
    """A text without the words whose stems the question uses, where some content is left.

    >>> _unasked("Northby has a bigger population", {"northbi", "elect", "councillor"})
    'has a bigger population'
    >>> _unasked("Northby", {"northbi"})
    'Northby'
    """
    kept = " ".join(w for w in text.split() if not content_stems(w) & asked)
    return kept if content_stems(kept) else text


def _verbatim(text: str) -> str:
    """A text with case, spaces and closing stops set aside: "12+2a" is "12 + 2a"."""
    return "".join(text.casefold().split()).rstrip(".!;")


def accepts(
    values: npt.NDArray[np.float32],
    against: npt.NDArray[np.float32] | None,
    judge: AnswerModel,
    chance: float | None = None,
) -> bool:
    """Whether a one-mark answer earns the mark, given its ANSWER_FEATURES against the
    acceptable answers (or correct examples) and, where a scoring guide gives them, against
    its examples of incorrect answers. ``chance`` is the judge's (``answer_chance``) unless
    given: another family of model's, compared held out by ``scripts/model_family.py``.

    Forms decide first: an answer that turns a comparison round never earns; one that is an
    incorrect example word for word earns nothing, one that is a correct example earns; one
    that gives a correct example whole and no incorrect one earns, and the other way round
    not. Otherwise the judge decides, and an answer closer in meaning to an incorrect example
    than to every correct one does not earn."""
    if turned_round(values):
        return False
    wrong = against is not None and bool(against[_VERBATIM])
    if wrong or values[_VERBATIM]:
        return not wrong
    right, wrong = gives_one(values), against is not None and gives_one(against)
    if right != wrong:
        return right
    if chance is None:
        chance = answer_chance(values, judge)
    if chance < judge.threshold and not right:
        return False
    return against is None or against[_CLOSEST] <= values[_CLOSEST]


_VERBATIM = ANSWER_FEATURES.index("verbatim")
_CLOSEST = ANSWER_FEATURES.index("reference_similarity")


def turned_round(values: npt.NDArray[np.float32]) -> bool:
    """The answer says the opposite of a comparison the references make ("sound travels
    faster than light"): never the mark, however alike in words and meaning."""
    return bool(values[ANSWER_FEATURES.index("reverses")])


def earns(
    answer: str,
    reference: Reference,
    scheme: MarkScheme,
    model: Model,
    calibration: Calibration,
    judge: AnswerModel,
) -> tuple[bool, int]:
    """Whether a one-mark answer (as the marker reads it) earns the mark against an
    ``accepted`` or ``criteria`` reference, and the creditable point it is closest to."""
    (text, accepted, _), *against_it = _weighed_against(answer, reference, scheme)
    weighed = answer_features(text, accepted, scheme, model, calibration, judge.features)
    against = (
        answer_features(text, against_it[0][1], scheme, model, calibration, judge.features).values
        if against_it
        else None
    )
    return accepts(weighed.values, against, judge), weighed.closest


def _weighed_against(
    answer: str, reference: Reference, scheme: MarkScheme
) -> list[tuple[str, tuple[str, ...], bool]]:
    """The texts a reference's judge weighs, each with the references it weighs it against
    (``answer_features``' first two arguments) and whether it is the answer: for a model
    answer, the answer, the question said back and the model answer itself (``scaled``);
    for acceptable answers or a scoring guide, the answer against what earns and then
    against its incorrect examples, if any (``earns``)."""
    if reference.shape == "model":
        return [
            (answer, reference.accepted, True),
            (scheme.question.text, reference.accepted, False),
            (" ".join(reference.accepted), reference.accepted, False),
        ]
    pairs = [(answer, reference.accepted or reference.criteria, True)]
    return [*pairs, (answer, reference.rejected, True)] if reference.rejected else pairs


def judged_texts(
    answer: str, reference: Reference, scheme: MarkScheme, used: Collection[str] = ANSWER_FEATURES
) -> tuple[list[str], list[str], list[tuple[str, int, int]]]:
    """What judging ``answer`` (as the marker reads it) whole against ``reference`` asks the
    model for, as ``answer_texts`` gives it, for a judge weighing the features ``used``, and
    the claims it reads within others (``Embedder.within``); nothing for a reference marked
    point by point."""
    return _judged(answer, reference, scheme, given_only=False, used=used)


def reference_texts(
    reference: Reference, scheme: MarkScheme, used: Collection[str] = ANSWER_FEATURES
) -> tuple[list[str], list[str]]:
    """What of ``judged_texts`` is the same for every answer to the question: its texts and
    the reference's, which can be encoded once and kept (``pastpaper.marking.kept``)."""
    with_pieces, sentences, _ = _judged("", reference, scheme, given_only=True, used=used)
    return with_pieces, sentences


def _judged(
    answer: str,
    reference: Reference,
    scheme: MarkScheme,
    given_only: bool,
    used: Collection[str],
) -> tuple[list[str], list[str], list[tuple[str, int, int]]]:
    if reference.shape not in ("model", "accepted", "criteria"):
        return [], [], []
    with_pieces: list[str] = []
    sentences: list[str] = []
    parts: list[tuple[str, int, int]] = []
    for text, against, of_answer in _weighed_against(answer, reference, scheme):
        texts = _Texts(text, against, scheme, used)
        if of_answer and given_only:
            pieces, whole = texts.given
        else:
            pieces, whole = texts.with_pieces, texts.sentences
            parts += texts.parts.values()
        with_pieces += pieces
        sentences += whole
    return with_pieces, sentences, parts


def clear_caches() -> None:
    """Forget what was read of answers and references before, here and in the modules the
    judges read them with (for benchmarks that time the work itself)."""
    _against.cache_clear()
    clear_wordforms()
    _ANCHORS.clear()
    clear_claims()
    clear_comparisons()
    clear_vocabularies()
    clear_inaccuracies()


def scaled(
    answer: str,
    reference: Reference,
    scheme: MarkScheme,
    model: Model,
    calibration: Calibration,
    judge: AnswerModel,
) -> int | None:
    """The mark, 0..max, of an answer against a ``model`` reference (``placed``), or None
    where the judge cannot place answers for this question: the question said back would
    earn as much as the model answer, so the answer is marked point by point instead."""

    def share(text: str, against: tuple[str, ...]) -> float:
        values = answer_features(text, against, scheme, model, calibration, judge.features).values
        return _weighed(values, judge)

    weighed, said_back, itself = (pair[:2] for pair in _weighed_against(answer, reference, scheme))

    # The question said back and the model answer are the same for every answer to it, for
    # one model: kept for each model while it lives, so a new model never reads an old one's.
    key = (
        scheme.question.text,
        reference.accepted,
        judge.features,
        judge.weights,
        judge.intercept,
        calibration.version,
        id(calibration),
    )
    try:
        kept = _ANCHORS.setdefault(model, {})
    except TypeError:  # a model that cannot be referred to weakly: nothing is kept
        kept = {}
    # Read once and kept by value: another thread may empty the dict in between.
    anchors = kept.get(key)
    if anchors is None:
        if len(kept) >= 1024:
            kept.clear()
        anchors = kept[key] = (share(*said_back), share(*itself))
    asked, own = anchors
    fraction = placed(share(*weighed), asked, own, judge.threshold)
    return None if fraction is None else math.floor(fraction * scheme.max_marks + 0.5)


#: A model answer's question said back and the model answer itself, judged once each, for
#: each model (forgotten with it).
_ANCHORS: weakref.WeakKeyDictionary[Model, dict[tuple[object, ...], tuple[float, float]]] = (
    weakref.WeakKeyDictionary()
)


def placed(share: float, asked: float, own: float, full: float) -> float | None:
    """A share of the marks placed on the question's scale: the question said back
    (``asked``) earns nothing, and ``full`` (or the model answer's ``own`` share, if that is
    less) earns every mark, so the model answer always does. None where the model answer's
    share is no more than the question's: there is no scale to place on.

    >>> placed(0.45, 0.2, 0.9, 0.6), placed(0.1, 0.2, 0.9, 0.6), placed(0.5, 0.7, 0.6, 0.6)
    (0.625, 0.0, None)
    """
    floor = max(asked, 0.0)
    if own <= floor:
        return None
    top = min(own, full) if min(own, full) > floor else own
    return min(max((share - floor) / (top - floor), 0.0), 1.0)
