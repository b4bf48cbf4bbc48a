"""Marking: a student's answer against a mark scheme, point by point, as an examiner would.

``mark(answer, scheme, model, calibration)`` is pure and deterministic: the embedding
model and the calibration are passed in. The answer is cut into claims (clauses, the
way notes are cut into points); each claim is compared with each creditable point by
meaning (cosine of sentence embeddings, against the point and its accepted phrasings),
by key terms (forgiving misspellings) and by facts. A claim that means a point but gets
its year or number wrong is an inaccuracy: no credit, and the feedback says what the
notes say. Each point is credited once; a developed point (explained or supported) may
earn a second mark; the total is capped at the marks available.

A question with a reference instead of notes is marked by the reference's shape
(``pastpaper.schemes.references``): a one-mark question with short acceptable answers, or a scoring
guide with examples, is judged on the whole answer (``pastpaper.marking.judges``), and the claim
closest to the reference is the span that earns the mark; a question of several marks with
one model answer is judged whole and mapped onto its own scale, its claims matched with the
model answer's clauses to say what was credited and missed; a list of points is marked point
by point, as notes are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel, ConfigDict

from pastpaper.course import Question, QuestionFamily
from pastpaper.errors import NothingToMark
from pastpaper.marking.calibration import Calibration
from pastpaper.marking.inaccuracies import NEGATIONS, Wrong, contradiction, plain_stems, wrong_facts
from pastpaper.schemes.points import Point, sentence_spans
from pastpaper.schemes.references import read_reference
from pastpaper.schemes.scheme import MarkScheme, SchemePoint, build_scheme, content_stems
from pastpaper.text import shorten, words

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from pastpaper.marking.embed import Pieces

__all__ = [
    "ENGLISH_SHARE",
    "FEATURES",
    "MAX_ANSWER_CHARS",
    "Credit",
    "Inaccuracy",
    "Marking",
    "Missed",
    "Model",
    "Span",
    "check_markable",
    "claim_spans",
    "claim_texts",
    "mark",
    "match_features",
    "match_scores",
    "negated",
    "read_as_marked",
    "reference_scheme",
]

Encode = Callable[[list[str]], "npt.NDArray[np.float32]"]


class Model(Protocol):
    """What the marker needs of the embedding model (pastpaper.marking.embed.Embedder)."""

    def encode(self, texts: list[str]) -> npt.NDArray[np.float32]: ...

    def pieces(self, texts: list[str]) -> list[Pieces]: ...


#: The chance at which a claim earns a point of notes, and the least similarity of meaning
#: it needs besides (a long claim about something else makes no point). Terse answers
#: ("CWA: 4,000,000 jobs") fall under the calibration's threshold, fitted on whole short
#: answers; these two were chosen with each of the four history development sets left out
#: in turn. Model answers and acceptable-answer lists keep the calibration's threshold.
NOTES_THRESHOLD = 0.38
NOTES_SIMILARITY = 0.4

#: The longest answer marked in full; the rest is left unmarked, with a warning.
MAX_ANSWER_CHARS = 20_000

_EXPLAINS = re.compile(
    r"\b(?:because|so that|so\b|which meant|this meant|meaning|as a result|therefore|"
    r"in order to|to (?:protect|secure|show|prove|improve)|for example|for instance|such as|"
    r"e\.g\.|which|who)\b",
    re.IGNORECASE,
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A stretch of the answer as written: characters start:end."""

    start: int
    end: int
    text: str


class Credit(_Frozen):
    point_id: str
    point_text: str
    span: Span
    similarity: float
    developed: bool = False


class Missed(_Frozen):
    point_id: str
    point_text: str
    source: str  # the sentence of the notes it comes from


class Inaccuracy(_Frozen):
    span: Span
    point_id: str
    answer_says: str
    notes_say: str
    message: str


class Marking(_Frozen):
    mark: int
    max_marks: int
    credited: tuple[Credit, ...] = ()
    missed: tuple[Missed, ...] = ()
    inaccuracies: tuple[Inaccuracy, ...] = ()
    warnings: tuple[str, ...] = ()
    marker_version: str


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


def mark(answer: str, scheme: MarkScheme, model: Model, calibration: Calibration) -> Marking:
    """Mark ``answer`` against ``scheme``; see the module's docstring for how.

    A scheme with no creditable point is NothingToMark, not a silent 0.
    """
    check_markable(scheme)
    warnings: list[str] = []
    if not answer.strip():
        return Marking(
            mark=0,
            max_marks=scheme.max_marks,
            missed=tuple(_missed(p) for p in scheme.creditable),
            warnings=("the answer is empty: nothing to credit",),
            marker_version=calibration.marker_version,
        )
    if len(answer) > MAX_ANSWER_CHARS:
        warnings.append(
            f"the answer is {len(answer):,} characters long; only the first "
            f"{MAX_ANSWER_CHARS:,} were marked"
        )
    text = answer[:MAX_ANSWER_CHARS]
    foreign = _not_english(text, scheme)
    if foreign is not None:
        warnings.append(foreign)
    claims = [Span(start=a, end=b, text=text[a:b]) for a, b in claim_spans(text)]
    points = list(scheme.creditable)
    if not claims or not points:
        return Marking(
            mark=0,
            max_marks=scheme.max_marks,
            missed=tuple(_missed(p) for p in points),
            warnings=tuple(warnings),
            marker_version=calibration.marker_version,
        )

    texts = claim_texts(text, scheme)
    # Every point of the scheme, creditable ones first as the scheme ranks them: a claim's
    # facts are checked against the point it is about, even one that earns nothing here.
    every = list(scheme.points)
    features = match_features(texts, every, model.encode, scheme.question.text)
    all_similarity, all_score = features[:, :, 0], match_scores(features, calibration)
    similarity, score = all_similarity[:, : len(points)], all_score[:, : len(points)]
    # An answer judged whole (a short answer, or one against a model answer) earns through
    # the point it is closest to, with the claim closest to that point.
    reference = read_reference(scheme.references, scheme.max_marks) if scheme.reference else None
    judge = calibration.judge_for(reference) if reference is not None else None
    whole_credit: tuple[int, int] | None = None
    whole_mark: int | None = None
    scale = None  # a model answer's judge: the mark comes from it, the credits point by point
    if reference is not None and judge is not None:
        from pastpaper.marking import judges

        if reference.shape == "model":
            scale, judge = judge, None
        else:
            read = read_as_marked(text, scheme)
            earned, closest = judges.earns(read, reference, scheme, model, calibration, judge)
            if earned:
                whole_credit = (int(score[:, closest].argmax()), closest)

    threshold = calibration.threshold if scheme.reference else NOTES_THRESHOLD

    floor = 0.0 if scheme.reference else NOTES_SIMILARITY

    def earns(i: int, j: int) -> bool:
        if judge is not None:
            return (i, j) == whole_credit
        return bool(score[i, j] >= threshold and similarity[i, j] >= floor)

    asked = content_stems(scheme.question.text)
    wrong = wrong_facts(claims, every, all_score, all_similarity, earns, scheme, calibration)
    inaccuracies = _reported(wrong, claims, every)
    credited: list[Credit] = []
    used_points: set[int] = set()
    used_claims: set[int] = set()
    # A claim with a wrong fact earns nothing; a claim around it or inside it earns nothing
    # from the point it got wrong, but may earn another ("In 1960 he closed the ministries
    # and set up 150 councils": the 150 councils still count).
    flagged: dict[int, list[Span]] = {}
    for i, j, _ in wrong:
        flagged.setdefault(j, []).append(claims[i])
    wrong_claims = {i for i, _, _ in wrong}
    if reference is not None and scale is not None:
        from pastpaper.marking import judges

        # A wrong fact earns nothing: the answer is judged without the claims that have one.
        kept = _without(text, [claims[i] for i in wrong_claims])
        whole_mark = (
            judges.scaled(
                read_as_marked(kept, scheme), reference, scheme, model, calibration, scale
            )
            if kept.strip()
            else 0
        )
    # Strongest matches first; ties go to the earlier claim and the earlier point.
    order = sorted(
        ((float(score[i, j]), i, j) for i in range(len(claims)) for j in range(len(points))),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    for _, i, j in order:
        if j in used_points or i in used_claims or i in wrong_claims or not earns(i, j):
            continue
        claim, point = claims[i], points[j].point
        if _repeats(claim, credited) or any(_overlap(s, claim) for s in flagged.get(j, ())):
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
                developed=_developed(claim.text)
                and not any(_overlap(claims[w], claim) for w in wrong_claims),
            )
        )
    credited.sort(key=lambda c: c.span.start)
    base = len(credited)
    bonus = sum(1 for c in credited if c.developed) if scheme.max_marks > 1 else 0
    total = min(scheme.max_marks, base + bonus) if whole_mark is None else whole_mark
    # Full marks need the teacher's required points, each met by a claim that makes it.
    unmet = [p for j, p in enumerate(points) if p.required and j not in used_points]
    if unmet and total >= scheme.max_marks:
        total = scheme.max_marks - 1
        warnings.append(
            "full marks need the required point"
            + ("s " if len(unmet) > 1 else " ")
            + "; ".join(f"“{shorten(p.point.text, 60)}”" for p in unmet)
        )
    missed = tuple(_missed(p) for j, p in enumerate(points) if j not in used_points)
    return Marking(
        mark=total,
        max_marks=scheme.max_marks,
        credited=tuple(credited),
        missed=missed,
        inaccuracies=tuple(inaccuracies),
        warnings=tuple(warnings),
        marker_version=calibration.marker_version,
    )


# Where an answer may make a second claim: "X, because Y", "X and Y", "X; Y".
_CLAIM_BREAK = re.compile(
    r"\s*[;:]\s*|,(?!\d{3}\b)\s*(?:(?:and|but|because|so|as|while|whereas)\s+)?|"
    r"\s+(?:and|but|because|so that|so|whereas)\s+",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W_]+")


def claim_spans(answer: str) -> list[tuple[int, int]]:
    """(start, end) of each claim of an answer, as written.

    Lines and bullet points are claims of their own; sentences are cut again where each
    side has three words, and each whole sentence that was cut stays a claim too, for a
    point that needs all of it. Answers pack points more tightly than notes ("To
    strengthen his position, because the terror had been unacceptable, and to improve
    relations with the West"), and a claim earns at most one point.
    """
    spans = []
    for line in _LINE.finditer(answer):
        offset = line.start("text")
        for start, end in sentence_spans(line.group("text")):
            start, end = start + offset, end + offset
            left = start
            for cut in _CLAIM_BREAK.finditer(answer, start, end):
                head, tail = answer[left : cut.start()], answer[cut.end() : end]
                if len(_WORDS.findall(head)) >= 3 and len(_WORDS.findall(tail)) >= 3:
                    spans.append((left, cut.start()))
                    left = cut.end()
            spans.append((left, end))
            if left != start:
                spans.append((start, end))
    return [(a, b) for a, b in spans if _WORDS.search(answer, a, b)]


# A line of the answer, less any bullet or number in front of it.
_LINE = re.compile(r"^[ \t]*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?(?P<text>.*)$", re.MULTILINE)


#: What the marker weighs for each claim and point, in the calibration's order.
FEATURES = ("similarity", "overlap", "negation", "terms", "echo", "length")
_NEGATION = re.compile(rf"\b(?:{NEGATIONS})\b|n't\b", re.IGNORECASE)


def negated(text: str) -> bool:
    """The text says "not" (or "no", "never", "n't" ...)."""
    return _NEGATION.search(text) is not None


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
    flat = [phrase for group in phrasings for phrase in group]
    vectors = encode([*claims, question or " ", *flat])
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
        features[i, :, 5] = min(len(content_stems(claim)) / 10, 3.0)
    return features


_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def claim_texts(answer: str, scheme: MarkScheme) -> list[str]:
    """The answer's claims as the marker reads them: misspellings of the scheme's own words
    ("Kruschev", "speach", "Volgagrad") read as those words. Spans keep the answer as written.
    """
    vocabulary = _vocabulary(scheme)
    return [_respelled(answer[a:b], vocabulary) for a, b in claim_spans(answer)]


def read_as_marked(answer: str, scheme: MarkScheme) -> str:
    """The whole answer as the marker judges it, up to MAX_ANSWER_CHARS: misspellings of
    the scheme's words mended; a sentence said again, or one that shares no content word
    with the question or the reference, left out (as an examiner passes over repetition
    and what is beside the point: it neither earns nor costs); and without its last full
    stop, as claims are, so that a one-sentence answer is its own claim, encoded once."""
    text = _respelled(answer[:MAX_ANSWER_CHARS], _vocabulary(scheme))
    sentences: list[str] = []
    said: set[tuple[str, ...]] = set()
    for start, end in sentence_spans(text):
        sentence = " ".join(text[start:end].split())
        words = tuple(w.lower() for w in _WORDS.findall(sentence))
        half = len(words) // 2
        if half and words[:half] == words[half:]:
            # The same words twice, with no full stop between: once is enough.
            sentence = sentence[: list(_WORDS.finditer(sentence))[half - 1].end()]
            words = words[:half]
        if words not in said:
            said.add(words)
            sentences.append(sentence)
    if not sentences:
        return text.strip()
    topic = content_stems(" ".join([scheme.question.text, *scheme.references, *_phrasings(scheme)]))
    relevant = [s for s in sentences if content_stems(s) & topic] or sentences
    return ". ".join(relevant)


def _phrasings(scheme: MarkScheme) -> list[str]:
    return [t for p in scheme.creditable for t in (p.point.text, *p.accept)]


#: The share of an answer's words that must be English (or the scheme's own) for it to be
#: marked without a flag: the marker reads English, and a teacher should see the rest.
ENGLISH_SHARE = 0.5
#: Languages an answer not in English is most likely written in (wordfreq's word lists).
_OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "ro", "tr", "ru", "uk", "ar")
#: From this zipf frequency up a word is everyday English, whatever else it may be.
_EVERYDAY = 4.0


def _not_english(text: str, scheme: MarkScheme) -> str | None:
    """A warning when most of the answer's words are not English: neither the scheme's own
    (names and terms such as 'sovnarkhozy') nor more common in English than in another
    language; None otherwise, and for answers of under four words, where a name or two
    would tip the share. Other languages' word lists load only for an answer that looks
    foreign by its English word frequencies alone.

    >>> from pastpaper.marking import reference_scheme
    >>> scheme = reference_scheme("Who led the USSR after Stalin?", ["Khrushchev"], 1)
    >>> _not_english("Khrushchev took over after Stalin died in 1953.", scheme) is None
    True
    >>> _not_english("Chruschtschow übernahm nach Stalins Tod die Führung.", scheme)[:56]
    'the answer is mostly not in English (6 of its 7 words); '
    """
    from pastpaper.schemes.points import word_rarity

    found = [w for w in words(text) if w.isalpha() and len(w) > 1]
    if len(found) < 4:
        return None
    own = set(_vocabulary(scheme))
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
    return max(zipf_frequency(word, language) for language in _OTHER_LANGUAGES) > english + 1.0


def _vocabulary(scheme: MarkScheme) -> dict[str, str]:
    """The scheme's own longer words, by their lower case."""
    words = [scheme.question.text, *(t for p in scheme.points for t in (p.point.text, *p.accept))]
    return {w.lower(): w for t in words for w in _LONG_WORD.findall(t)}


def _respelled(claim: str, vocabulary: dict[str, str]) -> str:
    from rapidfuzz import fuzz, process

    from pastpaper.schemes.points import word_rarity

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        # Only a word English does not know is a misspelling: "released" is not "realised".
        if word.lower() in vocabulary or word_rarity(word.lower()) >= 2.0:
            return word
        found = process.extractOne(word.lower(), list(vocabulary), scorer=fuzz.ratio)
        return vocabulary[found[0]] if found and found[1] >= 85 else word

    return _LONG_WORD.sub(fix, claim)


def match_scores(
    features: npt.NDArray[np.float32], calibration: Calibration
) -> npt.NDArray[np.float32]:
    """The calibrated chance, for each claim and point, that the claim makes the point."""
    import numpy as np

    logits = features @ np.array(calibration.weights, dtype=np.float32) + calibration.intercept
    chance: npt.NDArray[np.float32] = (1.0 / (1.0 + np.exp(-logits))).astype(np.float32)
    return chance


def _reported(
    wrong: list[Wrong], claims: list[Span], points: list[SchemePoint]
) -> list[Inaccuracy]:
    """The inaccuracies to show: the same mistake seen in a sentence and in its part, once."""
    shown: list[Inaccuracy] = []
    for i, j, (said, notes_say) in wrong:
        claim, point = claims[i], points[j].point
        if any(_overlap(w.span, claim) and w.point_id == point.id for w in shown):
            continue
        shown.append(
            Inaccuracy(
                span=claim,
                point_id=point.id,
                answer_says=said,
                notes_say=notes_say,
                message=f"the answer says {said}; the notes say {notes_say}",
            )
        )
    return shown


def _without(text: str, spans: list[Span]) -> str:
    """The text with these spans of it left out."""
    kept, at = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.start >= at:
            kept.append(text[at : span.start])
        at = max(at, span.end)
    return " ".join([*kept, text[at:]])


def _repeats(claim: Span, credited: list[Credit]) -> bool:
    """The same words as a claim already credited: a repetition earns nothing."""
    key = " ".join(_WORDS.findall(claim.text.lower()))
    return any(" ".join(_WORDS.findall(c.span.text.lower())) == key for c in credited)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _missed(item: SchemePoint) -> Missed:
    return Missed(
        point_id=item.point.id, point_text=item.point.text, source=item.point.source.sentence
    )


def _term_share(claim: str, point: Point) -> float:
    """The share of the point's key terms the claim uses, misspellings forgiven."""
    if not point.key_terms:
        return 0.0
    from rapidfuzz import fuzz

    lowered = claim.lower()
    found = sum(1 for term in point.key_terms if fuzz.partial_ratio(term.lower(), lowered) >= 80)
    return found / len(point.key_terms)


def _developed(claim: str) -> bool:
    """A point explained or supported in the same claim: a reason, a result or an example."""
    return len(claim.split()) >= 10 and _EXPLAINS.search(claim) is not None
