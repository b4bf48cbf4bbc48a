"""What a question's reference is, told apart by its shape.

A marking set, a Moodle question or a teacher gives a question one of these, and each is
marked its own way (``pastpaper.marking.judges``), always on the question's own scale:

- ``notes``: no reference; the scheme comes from the revision notes that answer it, marked
  point by point.
- ``accepted``: a one-mark question whose reference is one or more short acceptable answers
  (each one line of at most SHORT_REFERENCE_WORDS words). An answer that gives any one of
  them, in any words, earns the mark.
- ``criteria``: lines that begin with a label, as a scoring guide is written:
  ``Criterion: ...`` (what a correct answer does, in words), ``Correct: ...`` (an example of
  a correct answer), ``Incorrect: ...`` (an example of a wrong one). Several spellings of
  each label are read (CRITERION_LABELS, CORRECT_LABELS, INCORRECT_LABELS); a label alone on
  its line heads the lines below it. The correct examples are acceptable answers, the
  incorrect ones are evidence against, and the criterion describes the mark. A scoring
  guide for several marks is read as ``points``: its criteria and correct examples are
  creditable points.
- ``model``: a question of several marks whose reference is one model answer written as
  prose (one line): judged whole and mapped onto 0..max, so that an answer saying all the
  model answer says earns full marks.
- ``points``: anything else (a list of creditable points, several lines, a long text):
  each line or clause a creditable point, marked point by point as notes are.

>>> read_reference(["Paris", "the city of Paris"], 1).shape
'accepted'
>>> found = read_reference(["Criterion: gives the total", "Correct: 60", "Incorrect: 6"], 1)
>>> found.shape, found.accepted, found.rejected, found.criteria
('criteria', ('60',), ('6',), ('gives the total',))
>>> read_reference(["A compiler translates a whole program before it runs."], 5).shape
'model'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from pastpaper.text import LIST_MARK

__all__ = [
    "CORRECT_LABELS",
    "CRITERION_LABELS",
    "INCORRECT_LABELS",
    "SHORT_REFERENCE_WORDS",
    "Reference",
    "Shape",
    "read_reference",
]

Shape = Literal["notes", "accepted", "criteria", "model", "points"]

#: The longest acceptable answer, in words, still read as a short answer, not a mark scheme.
SHORT_REFERENCE_WORDS = 60

#: Labels that open a line of a scoring guide, lower case, each spelt as teachers write it.
CRITERION_LABELS = (
    "criterion",
    "criteria",
    "scoring criterion",
    "scoring criteria",
    "marking criterion",
    "marking criteria",
    "rubric",
    "mark scheme",
    "marking guidance",
    "award the mark if",
    "award 1 mark if",
)
CORRECT_LABELS = (
    "correct",
    "correct answer",
    "correct answers",
    "correct example",
    "correct examples",
    "examples of correct answers",
    "example of a correct answer",
    "example",
    "examples",
    "accept",
    "acceptable",
    "acceptable answer",
    "acceptable answers",
)
INCORRECT_LABELS = (
    "incorrect",
    "incorrect answer",
    "incorrect answers",
    "incorrect example",
    "incorrect examples",
    "examples of incorrect answers",
    "example of an incorrect answer",
    "wrong",
    "reject",
    "do not accept",
    "don't accept",
    "not acceptable",
    "no credit",
)


def _label_pattern(labels: Sequence[str]) -> str:
    ordered = sorted(labels, key=len, reverse=True)  # "correct answers" before "correct"
    return "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in ordered)


_LABELLED = re.compile(
    rf"^\s*(?:[-*•]\s*)?(?:(?P<criterion>{_label_pattern(CRITERION_LABELS)})"
    rf"|(?P<incorrect>{_label_pattern(INCORRECT_LABELS)})"
    rf"|(?P<correct>{_label_pattern(CORRECT_LABELS)}))\s*(?:\(\w+\))?"
    r"(?:\s*[:=]|\s+[-–—](?=\s|$))\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_BULLET = re.compile(rf"^\s*{LIST_MARK}\s+")
_WORDS = re.compile(r"[^\W_]")


class Reference(BaseModel):
    """A reference read by its shape: what it accepts, rejects and asks for."""

    model_config = ConfigDict(frozen=True)

    shape: Shape
    accepted: tuple[str, ...] = ()  # acceptable answers, correct examples or the model answer
    rejected: tuple[str, ...] = ()  # examples of incorrect answers
    criteria: tuple[str, ...] = ()  # what a correct answer does, in words

    @property
    def creditable(self) -> tuple[str, ...]:
        """What earns: a scoring guide's criteria and correct examples, or the reference."""
        return (*self.criteria, *self.accepted)


def read_reference(references: Sequence[str], max_marks: int) -> Reference:
    """The shape of a question's reference (see the module's docstring) and its parts."""
    return _read_reference(tuple(references), max_marks)


# Marking reads a question's reference again for each of its answers.
@lru_cache(maxsize=1024)
def _read_reference(references: tuple[str, ...], max_marks: int) -> Reference:
    given = [r.strip() for r in references if r.strip()]
    if not given:
        return Reference(shape="notes")
    guide = _scoring_guide(given)
    if guide is not None:
        # One mark is judged whole; several are earned point by point, as a list is.
        return guide if max_marks == 1 else guide.model_copy(update={"shape": "points"})
    one_line = all("\n" not in r for r in given)
    if max_marks == 1 and one_line and all(len(r.split()) <= SHORT_REFERENCE_WORDS for r in given):
        return Reference(shape="accepted", accepted=tuple(given))
    if max_marks > 1 and len(given) == 1 and one_line:
        return Reference(shape="model", accepted=tuple(given))
    return Reference(shape="points", accepted=tuple(given))


def _scoring_guide(given: list[str]) -> Reference | None:
    """The reference as a scoring guide, or None when no line of it carries a label."""
    parts: dict[str, list[str]] = {"criterion": [], "correct": [], "incorrect": []}
    heading: str | None = None
    unlabelled: list[str] = []
    labelled = False
    for line in (line for text in given for line in text.splitlines()):
        if not line.strip():
            continue
        found = _LABELLED.match(line)
        if found is not None:
            labelled = True
            heading = next(k for k in parts if found.group(k))
            text = _unquoted(found.group("text").strip())
        else:
            text = _unquoted(_BULLET.sub("", line).strip())
        if not _WORDS.search(text):
            continue  # a label alone, a bullet alone, an empty quote
        (parts[heading] if heading is not None else unlabelled).append(text)
    if not labelled:
        return None
    # Text before the first label says what the mark is for.
    criteria = [*unlabelled, *parts["criterion"]]
    return Reference(
        shape="criteria",
        accepted=tuple(parts["correct"]),
        rejected=tuple(parts["incorrect"]),
        criteria=tuple(criteria),
    )


def _unquoted(text: str) -> str:
    pairs = {'"': '"', "'": "'", "“": "”", "‘": "’"}
    if len(text) > 1 and text[0] in pairs and text[-1] == pairs[text[0]]:
        return text[1:-1].strip()
    return text
