"""The marker: a student's answer against a mark scheme, point by point, as an examiner would.

``Marker(model, calibration).mark(answer, scheme)`` is pure and deterministic: the
embedding model and the calibration are given to the marker when it is built, once
(``Marker.load()`` for the ones shipped with pastpaper). The answer is cut into claims
(clauses, the way notes are cut into points); each claim is compared with each creditable
point by meaning (cosine of sentence embeddings, against the point and its accepted
phrasings), by key terms (forgiving misspellings) and by facts. A claim that means a point
but gets its year or number wrong is an inaccuracy: no credit, and the feedback says what
the notes say. Each point is credited once; a developed point (explained or supported) may
earn a second mark; the total is capped at the marks available.

A question with a reference instead of notes is marked by the reference's shape
(``pastpaper.schemes.references``): a one-mark question with short acceptable answers, or a
scoring guide with examples, is judged on the whole answer (``pastpaper.marking.judges``),
and the claim closest to the reference is the span that earns the mark; a question of
several marks with one model answer is judged whole and mapped onto its own scale, its
claims matched with the model answer's clauses to say what was credited and missed; a list
of points is marked point by point, as notes are.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from pastpaper.course import Question, QuestionFamily
from pastpaper.errors import NothingToMark
from pastpaper.language import SUBJECT_STARTS, SUBORDINATORS, stem
from pastpaper.marking import judges
from pastpaper.marking.bulk import CHUNK, Item, Outcome
from pastpaper.marking.calibration import AnswerModel, Calibration
from pastpaper.marking.claims import (
    MAX_ANSWER_CHARS,
    claim_parts,
    claim_spans,
    claim_texts,
    plain_words,
    read_as_marked,
)
from pastpaper.marking.features import (
    developed,
    encode_claims,
    match_features,
    match_scores,
    rejected,
)
from pastpaper.marking.inaccuracies import Wrong, contradiction, plain_stems, reported, wrong_facts
from pastpaper.marking.respell import not_english
from pastpaper.marking.result import Credit, Marking, Missed, Span
from pastpaper.schemes.references import Reference, read_reference
from pastpaper.schemes.scheme import MarkScheme, SchemePoint, build_scheme, content_stems
from pastpaper.text import shorten

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pastpaper.marking.embed import Pieces

__all__ = [
    "LazyModel",
    "Marker",
    "Model",
    "check_markable",
    "mark",
    "reference_scheme",
]


class Model(Protocol):
    """What the marker needs of the embedding model (pastpaper.marking.embed.Embedder)."""

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]: ...

    def pieces(self, texts: list[str]) -> list[Pieces]: ...

    def within(self, parts: list[tuple[str, int, int]]) -> npt.NDArray[np.float32]: ...


class LazyModel:
    """A model made by ``make`` when first asked for vectors, and only once, from any
    thread: a marker built at start-up, or a run shared between worker processes, costs
    nothing here until an answer is marked here."""

    def __init__(self, make: Callable[[], Model]) -> None:
        self._make = make
        self._model: Model | None = None
        self._lock = threading.Lock()

    def loaded(self) -> Model:
        """The model, made now if it was not yet."""
        with self._lock:
            if self._model is None:
                self._model = self._make()
            return self._model

    def made(self) -> Model | None:
        """The model if it has been made, without making it."""
        with self._lock:
            return self._model

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]:
        return self.loaded().encode(texts)

    def pieces(self, texts: list[str]) -> list[Pieces]:
        return self.loaded().pieces(texts)

    def within(self, parts: list[tuple[str, int, int]]) -> npt.NDArray[np.float32]:
        return self.loaded().within(parts)


class Marker:
    """Marks answers with one embedding model and one calibration, given once.

    >>> from pastpaper.marking.calibration import calibration
    >>> marker = Marker.load()
    >>> marker.calibration is calibration()
    True
    """

    def __init__(self, model: Model, calibration: Calibration) -> None:
        self.model = model
        self.calibration = calibration

    @classmethod
    def load(cls, threads: int = 0) -> Marker:
        """A marker with the embedding model and the calibration shipped with pastpaper. The
        model loads when the first answer is marked (a second or two), with ``threads``
        threads (0: one a core); every marker loaded has a model of its own."""
        from pastpaper.marking.calibration import calibration
        from pastpaper.marking.embed import Embedder

        return cls(LazyModel(lambda: Embedder(threads=threads)), calibration())

    @property
    def version(self) -> str:
        """What each Marking names as its marker: pastpaper's version and the calibration's."""
        return self.calibration.marker_version

    def mark(self, answer: str, scheme: MarkScheme) -> Marking:
        """Mark ``answer`` against ``scheme``; see the module's docstring for how.

        A scheme with no creditable point is NothingToMark, not a silent 0.
        """
        check_markable(scheme)
        warnings: list[str] = []
        if not answer.strip():
            return self._nothing(
                scheme, scheme.creditable, ["the answer is empty: nothing to credit"]
            )
        if len(answer) > MAX_ANSWER_CHARS:
            warnings.append(
                f"the answer is {len(answer):,} characters long; only the first "
                f"{MAX_ANSWER_CHARS:,} were marked"
            )
        text = answer[:MAX_ANSWER_CHARS]
        foreign = not_english(text, scheme)
        if foreign is not None:
            warnings.append(foreign)
        claims = [Span(start=a, end=b, text=text[a:b]) for a, b in claim_spans(text)]
        if not claims or not scheme.creditable:
            return self._nothing(scheme, scheme.creditable, warnings)
        return self._marked(text, claims, scheme, warnings)

    def mark_many(
        self,
        items: Sequence[Item],
        progress: Callable[[int], None] = lambda done: None,
        workers: int = 0,
        chunk: int = CHUNK,
    ) -> list[Outcome]:
        """Mark every answer against its scheme, in order, each as ``mark`` marks it alone:
        a Marking, or the NothingToMark its question is. Answers are encoded ``chunk`` at a
        time, together (``pastpaper.marking.bulk``); ``workers`` worker processes, if more
        than one, each load the shipped model and mark with this marker's calibration.
        ``progress`` hears how many are done."""
        from pastpaper.marking.bulk import mark_many

        return mark_many(self, items, progress, workers, chunk)

    def _nothing(
        self, scheme: MarkScheme, missed: Sequence[SchemePoint], warnings: list[str]
    ) -> Marking:
        """No mark: nothing in the answer to weigh against the scheme."""
        return Marking(
            mark=0,
            max_marks=scheme.max_marks,
            missed=tuple(_missed(p) for p in missed),
            warnings=tuple(warnings),
            marker_version=self.version,
        )

    def _marked(
        self, text: str, claims: list[Span], scheme: MarkScheme, warnings: list[str]
    ) -> Marking:
        """The Marking of an answer's claims against a scheme with creditable points."""
        calibration = self.calibration
        points = list(scheme.creditable)
        # Every point of the scheme, creditable ones first as the scheme ranks them: a claim's
        # facts are checked against the point it is about, even one that earns nothing here.
        every = list(scheme.points)
        texts = claim_texts(text, scheme)
        # An answer to a reference (judged whole, mostly) reads the parts of a sentence cut in
        # two within the sentence; notes' points were fitted on claims read alone.
        encode = (
            encode_claims(self.model, claim_parts(text, scheme))
            if scheme.reference
            else self.model.encode
        )
        features = match_features(texts, every, encode, scheme.question.text)
        all_similarity, all_score = features[:, :, 0], match_scores(features, calibration)
        # What a teacher said does not earn a point never earns it.
        refused = rejected(texts, every, all_similarity, encode)
        all_score[refused] = 0.0
        similarity, score = all_similarity[:, : len(points)], all_score[:, : len(points)]
        # An answer judged whole (a short answer, or one against a model answer) earns through
        # the point it is closest to, with the claim closest to that point.
        reference = (
            read_reference(scheme.references, scheme.max_marks) if scheme.reference else None
        )
        judge = calibration.judge_for(reference) if reference is not None else None
        scale: AnswerModel | None = None  # a model answer's judge: it gives the mark
        whole_credit: tuple[int, int] | None = None
        if reference is not None and judge is not None:
            if reference.shape == "model":
                scale, judge = judge, None
            else:
                read = read_as_marked(text, scheme)
                earned, closest = judges.earns(
                    read, reference, scheme, self.model, calibration, judge
                )
                if earned:
                    whole_credit = (int(score[:, closest].argmax()), closest)

        threshold = calibration.threshold if scheme.reference else calibration.notes_threshold
        floor = 0.0 if scheme.reference else calibration.notes_similarity

        def earns(i: int, j: int) -> bool:
            if judge is not None:
                return (i, j) == whole_credit and not refused[i, j]
            return bool(score[i, j] >= threshold and similarity[i, j] >= floor)

        wrong = wrong_facts(claims, every, all_score, all_similarity, earns, scheme, calibration)
        whole_mark = (
            self._scaled(text, claims, wrong, scheme, reference, scale)
            if reference is not None and scale is not None
            else None
        )
        credited, used = _credits(
            claims, points, score, similarity, earns, wrong, scheme, calibration
        )
        missing = [p for j, p in enumerate(points) if j not in used]
        total = _total(scheme, credited, missing, whole_mark, warnings)
        return Marking(
            mark=total,
            max_marks=scheme.max_marks,
            credited=tuple(credited),
            missed=tuple(_missed(p) for p in missing),
            inaccuracies=tuple(reported(wrong, claims, every)),
            warnings=tuple(warnings),
            marker_version=self.version,
        )

    def _scaled(
        self,
        text: str,
        claims: list[Span],
        wrong: list[Wrong],
        scheme: MarkScheme,
        reference: Reference,
        scale: AnswerModel,
    ) -> int | None:
        """The mark a model answer's judge gives the answer. A wrong fact earns nothing:
        the answer is judged without the claims that have one."""
        kept = _without(text, [claims[i] for i in {i for i, _, _ in wrong}])
        if not kept.strip():
            return 0
        return judges.scaled(
            read_as_marked(kept, scheme), reference, scheme, self.model, self.calibration, scale
        )


def mark(answer: str, scheme: MarkScheme, model: Model, calibration: Calibration) -> Marking:
    """Mark ``answer`` against ``scheme`` with this model and calibration: ``Marker.mark``,
    for a caller that holds the two rather than a Marker."""
    return Marker(model, calibration).mark(answer, scheme)


def reference_scheme(question: str, references: Sequence[str], max_marks: int) -> MarkScheme:
    """A scheme from a reference (``pastpaper.schemes.references``): a model answer, acceptable
    answers, a scoring guide or mark-scheme-like text. Each point of it is creditable; of a
    scoring guide, the criterion and the correct examples (the incorrect ones are kept in
    ``references``, as evidence against)."""
    found = read_reference(references, max_marks)
    # Blank references are none; a scoring guide earns by its criteria and correct examples.
    guide = found.shape == "criteria" or bool(found.criteria or found.rejected)
    creditable = found.creditable if guide else tuple(r for r in references if r.strip())
    family = QuestionFamily(
        questions=(Question(text=question, marks=max_marks),), notes=tuple(creditable)
    )
    scheme = build_scheme(family.questions[0], family, reference=True)
    return scheme.model_copy(update={"references": tuple(references)})


def check_markable(scheme: MarkScheme) -> None:
    """Raise NothingToMark, saying why, if no answer could earn a mark under ``scheme``."""
    why = scheme.nothing_to_mark()
    if why is not None:
        raise NothingToMark(
            f"the question '{shorten(scheme.question.text, 60)}' cannot be marked: {why}; add "
            "notes that answer it, or points to its scheme in the course file"
        )


def _credits(
    claims: list[Span],
    points: list[SchemePoint],
    score: npt.NDArray[np.float32],
    similarity: npt.NDArray[np.float32],
    earns: Callable[[int, int], bool],
    wrong: list[Wrong],
    scheme: MarkScheme,
    calibration: Calibration,
) -> tuple[list[Credit], set[int]]:
    """Each point credited, once, with the claim that earns it, in the answer's order; and
    the points credited, by their place in ``points``.

    The strongest matches go first; ties go to the earlier claim and the earlier point. A
    claim with a wrong fact earns nothing; against notes no other claim of its sentence
    (around it, inside it, or the sentence's other half: "a hotline was set up in 1968 | so
    the leaders could talk directly") earns the point it got wrong, and against a reference
    no claim around it or inside it; one may earn another ("In 1960 he closed the
    ministries and set up 150 councils": the 150 councils still count).
    """
    # What a claim shares with a point is told by its content, not by the words that link
    # or count ("because", "so", "some"): "The peasants were angry because of taxes" says
    # nothing of "Peasants resented the Statute of Labourers because lords demanded labour
    # services", nor "some of them rebelled" of "higher wages (up 50% in some places)".
    asked = content_stems(scheme.question.text) | _LINKING
    flagged: dict[int, list[Span]] = {}
    for i, j, _ in wrong:
        # In notes, the whole sentence; a reference's judge weighs the answer as a whole.
        wrong_at = claims[i] if scheme.reference else _outermost(claims[i], claims)
        flagged.setdefault(j, []).append(wrong_at)
    wrong_claims = {i for i, _, _ in wrong}
    credited: list[Credit] = []
    used_points: set[int] = set()
    used_claims: set[int] = set()
    order = sorted(
        ((float(score[i, j]), i, j) for i in range(len(claims)) for j in range(len(points))),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    for _, i, j in order:
        if j in used_points or i in used_claims or i in wrong_claims or not earns(i, j):
            continue
        claim, point = claims[i], points[j].point
        if not scheme.reference and any(_holds(claim, claims[k]) for k in used_claims):
            # A claim that holds one already credited earns through its parts: "The AAA
            # paid farmers to grow less and the TVA built dams", once its first half has
            # earned the AAA, does not earn the TVA as well and leave "the TVA built dams"
            # to earn another point of the notes ("built flood defences").
            continue
        if _repeats(claim, credited) or any(s.overlaps(claim) for s in flagged.get(j, ())):
            continue  # the same words again earn nothing more; nor does a wrong fact
        if not scheme.reference and contradiction(claim.text, point) is not None:
            continue  # a claim about another plan, with its own years, makes not this one
        # Below plain sameness of meaning, a claim makes a point of notes by saying some of
        # what it says, not only by naming whom it is about.
        if (
            not scheme.reference
            and similarity[i, j] < calibration.fact_similarity
            and not plain_stems(claim.text, asked) & plain_stems(point.text, asked)
        ):
            continue
        used_points.add(j)
        used_claims.add(i)
        credited.append(
            Credit(
                point_id=point.id,
                point_text=point.text,
                span=claim,
                similarity=round(float(similarity[i, j]), 3),
                # A wrong fact develops nothing.
                developed=developed(claim.text)
                and not any(claims[w].overlaps(claim) for w in wrong_claims),
            )
        )
    credited.sort(key=lambda c: c.span.start)
    return credited, used_points


#: The stems of words that link or count what a sentence says rather than say it.
_LINKING = frozenset(
    stem(word)
    for word in SUBORDINATORS
    | SUBJECT_STARTS
    | {"so", "therefore", "thus", "hence", "however", "yet", "still", "more", "less", "very"}
)


def _total(
    scheme: MarkScheme,
    credited: list[Credit],
    missing: list[SchemePoint],
    whole_mark: int | None,
    warnings: list[str],
) -> int:
    """The mark: a point each, and one more for each developed point where the question is
    worth more than one, up to the marks available (or the mark a judge of the whole answer
    gave); short of full marks, with a warning, where a required point is missing."""
    base = len(credited)
    bonus = sum(1 for c in credited if c.developed) if scheme.max_marks > 1 else 0
    total = min(scheme.max_marks, base + bonus) if whole_mark is None else whole_mark
    # Notes that give too few points for the marks: even an answer that earns all they allow
    # is short of full marks, and whoever reads the mark should know why.
    points = len(scheme.creditable)
    ceiling = points * (2 if scheme.max_marks > 1 else 1)
    if whole_mark is None and ceiling < scheme.max_marks and not scheme.reference:
        warnings.append(
            f"the mark scheme has only {points} creditable point"
            + ("s" if points != 1 else "")
            + f", so no answer can earn more than {ceiling} of the {scheme.max_marks} marks: "
            "add points to it (the web app's scheme editor, or a course file's scheme: add:)"
        )
    # Full marks need the teacher's required points, each met by a claim that makes it.
    unmet = [p for p in missing if p.required]
    if unmet and total >= scheme.max_marks:
        total = scheme.max_marks - 1
        warnings.append(
            "full marks need the required point"
            + ("s " if len(unmet) > 1 else " ")
            + "; ".join(f"“{shorten(p.point.text, 60)}”" for p in unmet)
        )
    return total


def _without(text: str, spans: list[Span]) -> str:
    """The text with these spans of it left out."""
    kept, at = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start >= at:
            kept.append(text[at : span.start])
        at = max(at, span.end)
    return " ".join([*kept, text[at:]])


def _outermost(claim: Span, claims: list[Span]) -> Span:
    """The longest claim that holds ``claim`` (its sentence, where it is a part), or itself."""
    return max((c for c in claims if c == claim or _holds(c, claim)), key=lambda c: c.end - c.start)


def _holds(outer: Span, inner: Span) -> bool:
    """Does ``outer`` hold all of ``inner`` and more?"""
    return outer.start <= inner.start and inner.end <= outer.end and outer != inner


def _repeats(claim: Span, credited: list[Credit]) -> bool:
    """The same words as a claim already credited: a repetition earns nothing."""
    key = plain_words(claim.text)
    return any(plain_words(c.span.text) == key for c in credited)


def _missed(item: SchemePoint) -> Missed:
    return Missed(
        point_id=item.point.id, point_text=item.point.text, source=item.point.source.sentence
    )
