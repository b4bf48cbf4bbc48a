"""Mark schemes: the points a question credits, how many marks, and the examiner's rules.

``build_scheme(question, family)`` ranks the family's points by how closely they answer
this question's own wording, leaves out points about what a sibling question asks instead
(for "improve industrial output", the agriculture points), applies the command word's rule
(a "why" question credits reasons; descriptions earn nothing), then the teacher's edits
(``SchemeEdit``: drop, require, accept a phrasing, add a point, change the marks).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from pastpaper.course import Question, QuestionFamily, SchemeEdit
from pastpaper.points import (
    REASON_COMMANDS,
    Point,
    PointSource,
    family_points,
    kind_of,
    sentence_spans,
    teacher_point_id,
)
from pastpaper.text import match_key

__all__ = ["DEFAULT_MARKS", "MarkScheme", "SchemePoint", "build_scheme", "content_stems"]

#: Marks assumed for a question printed without any; the scheme says it assumed them.
DEFAULT_MARKS = 6

#: What a point must be to earn marks in answer to a question asking for reasons.
CAUSAL_KINDS = frozenset({"reason", "consequence"})

_STOP = frozenset(
    """a about after against all also an and any are as at be been before between by can
    carry carried did do does during early for from had has have he his how important in into
    is it its key late main made make of on or out over policy policies period so than that
    the their them then there these they this those through to try tried under up was way
    ways were what when where which who why with would year years describe explain far
    extent assess evaluate feature features""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SchemePoint(_Frozen):
    """A point as this scheme treats it."""

    point: Point
    relevance: float
    creditable: bool
    required: bool = False
    accept: tuple[str, ...] = ()
    origin: Literal["notes", "teacher"] = "notes"
    why_not: str | None = None  # why a listed point earns nothing for this question


class MarkScheme(_Frozen):
    question: Question
    max_marks: int
    marks_assumed: bool
    points: tuple[SchemePoint, ...]
    left_out: tuple[tuple[str, str], ...] = ()  # (point id, why it is not eligible)
    rules: tuple[str, ...] = ()
    reference: bool = False  # built from a reference answer, not from a family's notes
    references: tuple[str, ...] = ()  # that reference as given: each acceptable answer

    @property
    def creditable(self) -> list[SchemePoint]:
        return [p for p in self.points if p.creditable]

    def nothing_to_mark(self) -> str | None:
        """Why no answer could earn a mark under this scheme, or None when one could."""
        if self.creditable:
            return None
        if not self.points:
            return "no notes answer it, so its mark scheme has no points"
        return "its mark scheme leaves out every point of its notes"

    def instructions(self) -> str:
        """The scheme as an examiner's marking instructions."""
        year = f"{self.question.year}: " if self.question.year else ""
        assumed = ", assumed: none printed" if self.marks_assumed else ""
        lines = [f"{year}{self.question.text} [{self.max_marks} marks{assumed}]", ""]
        lines += self.rules
        lines += ["", "Candidates may refer to:"]
        if not self.creditable:
            lines.append(
                "  (no points: the notes for this question give none; add the teacher's own in "
                "the course file)"
            )
        for item in self.creditable:
            flag = " (required)" if item.required else ""
            lines.append(f"  • {item.point.text}{flag}  [{item.point.id}]")
            lines += [f"      also accept: {phrase}" for phrase in item.accept]
        others = [p for p in self.points if not p.creditable]
        if others:
            lines += ["", "Earns nothing on its own for this question:"]
            lines += [f"  • {p.point.text} ({p.why_not})  [{p.point.id}]" for p in others]
        return "\n".join(lines)


def build_scheme(
    question: Question, family: QuestionFamily, *, reference: bool = False
) -> MarkScheme:
    """The mark scheme for ``question``, one of ``family``'s questions.

    With ``reference`` the notes are a reference answer: every point of it is creditable.
    """
    points = family_points(family)
    stems = [_stems(p.text) for p in points]
    # What a point's paragraph is about: its opening sentence says it ("In agriculture ...").
    theme = [_stems(_topic_sentence(family, p)) for p in points]
    paragraph = [_stems(family.notes[p.source.note]) for p in points]
    # Words in most points (Khrushchev, Stalin) tell nothing about relevance.
    spread = Counter(stem for s in stems for stem in s)
    generic = {stem for stem, n in spread.items() if n > max(2, len(points) * 0.3)}
    wanted = _stems(question.text) - generic
    own = _themes(question.text)
    words_of: dict[str, str] = {}
    for sibling in family.questions:
        theirs = _themes(sibling.text)
        # Only a sibling that asks about this question's theme and more tells what this
        # one leaves out ("agriculture and industry" beside "industrial output"); one in
        # other words ("achievements in foreign policy" beside "position in Europe") asks
        # the same thing, as the notes that answer both show.
        if sibling != question and set(theirs) & set(own):
            words_of.update(theirs)
    # What only a sibling question asks about ("agriculture" for "industrial output").
    elsewhere = set(words_of) - set(own) - generic

    edit = question.scheme or SchemeEdit()
    reasons_only = question.command_word in REASON_COMMANDS and not reference
    ranked: list[SchemePoint] = []
    left_out: list[tuple[str, str]] = []
    for point, words, about, around in zip(points, stems, theme, paragraph, strict=True):
        if point.id in edit.drop:
            left_out.append((point.id, "dropped by the teacher"))
            continue
        off_topic = sorted(words_of[stem] for stem in about & elsewhere)
        if off_topic and not reference and not words & set(own) and point.id not in edit.required:
            left_out.append((point.id, f"about {', '.join(off_topic)}, not this question"))
            continue
        relevance = _relevance(words, around, wanted, spread)
        required = point.id in edit.required
        why_not = None
        if reasons_only and point.kind not in CAUSAL_KINDS and not required:
            why_not = f"{point.kind}, not a reason"
        ranked.append(
            SchemePoint(
                point=point,
                relevance=round(relevance, 3),
                creditable=why_not is None,
                required=required,
                accept=tuple(edit.accept.get(point.id, ())),
                why_not=why_not,
            )
        )
    added_ids: set[str] = set()
    for added in edit.add:
        if teacher_point_id(added) in added_ids:
            continue  # the same point added twice counts once
        added_ids.add(teacher_point_id(added))
        text = added.text.strip()
        teacher = Point(
            id=teacher_point_id(added),
            text=text,
            source=PointSource(note=-1, sentence=text, sentence_start=0, start=0, end=len(text)),
            kind=added.kind or kind_of(text),
        )
        ranked.append(
            SchemePoint(
                point=teacher,
                relevance=1.0,
                creditable=True,
                required=teacher.id in edit.required,
                accept=tuple(added.accept),
                origin="teacher",
            )
        )
    # Creditable first, most relevant first; ties keep the order of the notes.
    ranked.sort(key=lambda p: (not p.creditable, not p.required, -p.relevance))
    max_marks = edit.marks or question.marks or DEFAULT_MARKS
    return MarkScheme(
        question=question,
        max_marks=max_marks,
        marks_assumed=edit.marks is None and question.marks is None,
        points=tuple(ranked),
        left_out=tuple(left_out),
        rules=_rules(max_marks, reasons_only, any(p.required for p in ranked)),
        reference=reference,
        references=family.notes if reference else (),
    )


def _relevance(words: set[str], around: set[str], own: set[str], spread: Counter[str]) -> float:
    """How much of the question's own wording a point (or its paragraph's theme) shares;
    rarer words count for more. 0 when it shares none: still a point of the family."""
    if not own:
        return 0.0
    weight = {stem: 1.0 / (1 + spread.get(stem, 0)) for stem in own}
    total = sum(weight.values())
    direct = sum(weight[s] for s in own & words)
    nearby = sum(weight[s] for s in own & (around - words))
    return (direct + 0.5 * nearby) / total


def _rules(max_marks: int, reasons_only: bool, required: bool) -> tuple[str, ...]:
    rules = [
        f"Award 1 mark for each relevant, accurate point, up to a maximum of {max_marks} marks.",
        "A developed point (a point supported by evidence or explained) may earn a second mark.",
        "Credit each point once: repeating it earns nothing more.",
    ]
    if reasons_only:
        rules.append(
            "Credit reasons: describing what happened earns nothing unless it explains why."
        )
    if required:
        rules.append("Full marks need the points marked (required).")
    return tuple(rules)


_VERB_AFTER = re.compile(
    r"\b(?:to|did|does|do|was|were|is|are|has|had)\s+(?:(?:[A-Z][\w’'-]*|he|she|they|it)\s+)?"
    r"(?:not\s+)?([a-z][\w’'-]*)(?!\s+(?:in|of|at|on|for|with|from|by|between|before|after|"
    r"under|during|among|against|over|and|or)\b)(?=\s+\w)"
)


def _themes(question: str) -> dict[str, str]:
    """What a question is about, stem to word: its content words, less names (Khrushchev,
    Soviet Union) and the verbs of its frame ("did Khrushchev introduce", "try to improve");
    a word followed by a preposition, or ending the question, is a noun ("did rivalry
    between", "led ... to war in August")."""
    verbs = {m.group(1).lower() for m in _VERB_AFTER.finditer(question)}
    return {
        _stem(word): word
        for word in _WORD.findall(question)
        if word.islower() and word not in _STOP and word not in verbs and len(word) > 2
    }


def _topic_sentence(family: QuestionFamily, point: Point) -> str:
    """The first sentence of the point's paragraph, which usually says what it is about."""
    if point.source.note < 0:
        return ""
    note = family.notes[point.source.note]
    spans = sentence_spans(note)
    return note[spans[0][0] : spans[0][1]] if spans else ""


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words (not "the", "was", "policy")."""
    return _stems(text)


def _stems(text: str) -> set[str]:
    return {
        _stem(word)
        for word in _WORD.findall(match_key(text))
        if word not in _STOP and len(word) > 2
    }


@cache
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word.replace("’", "'")))


@cache
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")
