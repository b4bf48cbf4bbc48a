"""An answer cut into claims, and read as the marker reads it.

A claim is a line, a sentence or a part of one that could make a point on its own (``claim_spans``);
the marker reads claims with misspellings of the scheme's own words mended (``claim_texts``),
and an answer judged whole without repetition and what is beside the point
(``read_as_marked``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pastpaper.marking.respell import own_texts, respelled, vocabulary_of
from pastpaper.schemes.points import sentence_spans
from pastpaper.schemes.scheme import MarkScheme, content_stems
from pastpaper.schemes.terms import facts, names_in

__all__ = [
    "CUT_WORDS",
    "MAX_ANSWER_CHARS",
    "claim_parts",
    "claim_spans",
    "claim_texts",
    "clear_caches",
    "plain_words",
    "read_as_marked",
]

#: The longest answer marked in full; the rest is left unmarked, with a warning.
MAX_ANSWER_CHARS = 20_000
#: A sentence is cut into two claims only where each side has at least this many words: a
#: shorter side ("Stalin, and Beria") is a list or a phrase, not a claim of its own.
CUT_WORDS = 3

# Where an answer may make a second claim: "X, because Y", "X and Y", "X; Y" (not inside a
# number: "two and a half million", "three hundred and fifty").
_CLAIM_BREAK = re.compile(
    r"\s*[;:]\s*|,(?!\d{3}\b)\s*(?:(?:and|but|because|so|as|while|whereas)\s+)?|"
    r"(?<!hundred)(?<!thousand)\s+(?:and|but|because|so that|so|whereas)\s+"
    r"(?!an?\s+(?:half|quarter)\b(?!\s+of\b))",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W_]+")


def claim_spans(answer: str) -> list[tuple[int, int]]:
    """(start, end) of each claim of an answer, as written.

    Lines and bullet points are claims of their own; sentences are cut again where each
    side has CUT_WORDS words, and each whole sentence that was cut stays a claim too, for a
    point that needs all of it. Answers pack points more tightly than notes ("To
    strengthen his position, because the terror had been unacceptable, and to improve
    relations with the West"), and a claim earns at most one point.
    """
    return list(_claim_spans(answer))


#: How many answers' claims are kept: bulk marking reads each answer's claims (as written and
#: as read whole) as it encodes a chunk of answers ahead and again as it marks them, and a
#: reference's clauses are read for each answer. More than a chunk's (``bulk.CHUNK``).
_KEPT = 1024


@lru_cache(maxsize=_KEPT)
def _claim_spans(answer: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for line in _LINE.finditer(answer):
        offset = line.start("text")
        for start, end in sentence_spans(line.group("text")):
            start, end = start + offset, end + offset
            left = start
            for cut in _CLAIM_BREAK.finditer(answer, start, end):
                head, tail = answer[left : cut.start()], answer[cut.end() : end]
                if (
                    len(_WORDS.findall(head)) >= CUT_WORDS
                    and len(_WORDS.findall(tail)) >= CUT_WORDS
                ):
                    spans.append((left, cut.start()))
                    left = cut.end()
            spans.append((left, end))
            if left != start:
                spans.append((start, end))
    return tuple((a, b) for a, b in spans if _WORDS.search(answer, a, b))


# A line of the answer, less any bullet or number in front of it.
_LINE = re.compile(r"^[ \t]*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?(?P<text>.*)$", re.MULTILINE)


def plain_words(text: str) -> str:
    """A text's words, lower case, one space apart: two claims that say the same words
    ("Prisoners were released." and "prisoners were released") are the same here."""
    return " ".join(_WORDS.findall(text.lower()))


def claim_texts(answer: str, scheme: MarkScheme) -> list[str]:
    """The answer's claims as the marker reads them: misspellings of the scheme's own words
    ("Kruschev", "speach", "Volgagrad") read as those words. Spans keep the answer as written.
    """
    return list(_claims(answer, own_texts(scheme))[0])


def claim_parts(answer: str, scheme: MarkScheme) -> dict[str, tuple[str, int, int]]:
    """The claims of an answer (as ``claim_texts`` gives them) that are part of a longer one
    (a sentence cut where it says two things), each with the longest claim holding it and
    where in that one's text it stands: its vector can be read from that claim's run of the
    model (``Embedder.within``) rather than a run of its own. A part that states a year, a
    number or a name is left out, to be read alone: its facts are checked against the point
    it means (``inaccuracies.wrong_facts``), and read within the sentence it would mean the
    other half too ("Sam went 7 miles: take off the $3 start" would be about the 7 miles).

    >>> from pastpaper.marking.marker import reference_scheme
    >>> scheme = reference_scheme("Why does the bulb light?", ["it is in a closed path"], 1)
    >>> parts = claim_parts("The bulb lights because the bulb is in a closed path", scheme)
    >>> parts["the bulb is in a closed path"]
    ('The bulb lights because the bulb is in a closed path', 24, 52)
    """
    return dict(_claims(answer, own_texts(scheme))[1])


@lru_cache(maxsize=_KEPT)
def _claims(
    answer: str, own: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, int, int]], ...]]:
    """``claim_texts`` and ``claim_parts`` of an answer against a scheme's ``own_texts``,
    worked out together: every claim respelled once."""
    vocabulary = vocabulary_of(own)
    spans = _claim_spans(answer)
    said = {span: respelled(answer[span[0] : span[1]], vocabulary) for span in spans}
    parts: dict[str, tuple[str, int, int]] = {}
    for a, b in spans:
        holders = [(c, d) for c, d in spans if c <= a and b <= d and (c, d) != (a, b)]
        if not holders:
            continue
        whole, part = said[max(holders, key=lambda span: span[1] - span[0])], said[(a, b)]
        at = whole.find(part)
        if at >= 0 and part != whole and not facts(part, names_in(part)):
            parts.setdefault(part, (whole, at, at + len(part)))
    return tuple(said[span] for span in spans), tuple(parts.items())


def read_as_marked(answer: str, scheme: MarkScheme) -> str:
    """The whole answer as the marker judges it, up to MAX_ANSWER_CHARS: misspellings of
    the scheme's words mended; a sentence said again, or one that shares no content word
    with the question or the reference, left out (as an examiner passes over repetition
    and what is beside the point: it neither earns nor costs); and without its last full
    stop, as claims are, so that a one-sentence answer is its own claim, encoded once."""
    topic = (scheme.question.text, *scheme.references, *_phrasings(scheme))
    return _read_as_marked(answer[:MAX_ANSWER_CHARS], own_texts(scheme), topic)


@lru_cache(maxsize=_KEPT)
def _read_as_marked(answer: str, own: tuple[str, ...], topic_texts: tuple[str, ...]) -> str:
    text = respelled(answer, vocabulary_of(own))
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
    topic = content_stems(" ".join(topic_texts))
    relevant = [s for s in sentences if content_stems(s) & topic] or sentences
    return ". ".join(relevant)


def _phrasings(scheme: MarkScheme) -> list[str]:
    return [t for p in scheme.creditable for t in (p.point.text, *p.accept)]


def clear_caches() -> None:
    """Forget the answers read before (for benchmarks that time the work itself)."""
    _claim_spans.cache_clear()
    _claims.cache_clear()
    _read_as_marked.cache_clear()
