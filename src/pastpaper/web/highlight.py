"""An answer cut into pieces for the feedback page: plain text, and the spans that earned a
point or got a fact wrong, each labelled with its point.

The marker gives each credited point and each inaccuracy as a span of the answer (start and
end offsets). Spans may nest or overlap (a sentence earns one point and its second half
another): the answer is cut at every span's ends (``pastpaper.text.runs``), each run shown
as the innermost span over it, and each span's label after its last run, so every
character of the answer is shown once and every credited point's number is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pastpaper.marking import Marking
from pastpaper.text import runs

__all__ = ["Piece", "pieces"]


@dataclass(frozen=True)
class Piece:
    """A run of the answer: ``kind`` None for text that earned nothing."""

    text: str
    kind: Literal["credited", "inaccurate"] | None = None
    label: str = ""  # the point's number in the feedback, "1", "2", ...
    point: str = ""  # what the point says
    note: str = ""  # what the notes say (for an inaccuracy, the correction)
    ends: tuple[str, ...] = ()  # the labels of the spans that end here ("!": an inaccuracy)


def pieces(answer: str, marking: Marking, numbers: dict[str, int]) -> list[Piece]:
    """``answer`` as pieces in order; ``numbers`` gives each point id its label.

    >>> from pastpaper.marking import Credit, Span
    >>> span = Span(start=0, end=10, text="Virgin Lan")
    >>> credit = Credit(point_id="p1", point_text="Virgin Lands", span=span, similarity=0.9)
    >>> done = Marking(mark=1, max_marks=4, credited=(credit,), marker_version="x")
    >>> [(p.text, p.kind, p.ends) for p in pieces("Virgin Lands scheme", done, {"p1": 1})]
    [('Virgin Lan', 'credited', ('1',)), ('ds scheme', None, ())]

    A span inside another is shown, with its own label, and the outer one's after it:

    >>> half = Credit(point_id="p2", point_text="scheme", span=Span(start=13, end=19,
    ...     text="scheme"), similarity=0.9)
    >>> whole = Credit(point_id="p1", point_text="Virgin Lands", span=Span(start=0, end=19,
    ...     text="Virgin Lands scheme"), similarity=0.9)
    >>> both = Marking(mark=2, max_marks=4, credited=(whole, half), marker_version="x")
    >>> [(p.text, p.label, p.ends) for p in pieces("Virgin Lands scheme", both, {"p1": 1, "p2": 2})]
    [('Virgin Lands ', '1', ()), ('scheme', '2', ('2', '1'))]
    """
    marked: list[tuple[int, int, Piece]] = []
    for credit in marking.credited:
        label = str(numbers.get(credit.point_id, ""))
        piece = Piece("", "credited", label, credit.point_text)
        marked.append((credit.span.start, credit.span.end, piece))
    for wrong in marking.inaccuracies:
        label = str(numbers.get(wrong.point_id, ""))
        piece = Piece("", "inaccurate", label, wrong.message, wrong.notes_say)
        marked.append((wrong.span.start, wrong.span.end, piece))
    shown = []
    for text, inner, ending in runs(answer, marked):
        ends = tuple("!" if p.kind == "inaccurate" else p.label for p in ending)
        if inner is None:
            shown.append(Piece(text, ends=ends))
        else:
            shown.append(Piece(text, inner.kind, inner.label, inner.point, inner.note, ends))
    return shown
