"""An answer cut into pieces for the feedback page: plain text, and the spans that earned a
point or got a fact wrong, each labelled with its point.

The marker gives each credited point and each inaccuracy as a span of the answer (start and
end offsets). Spans may overlap (one sentence can earn one point and misstate another's
year): the earlier span wins and the later one is shown from where the earlier ends, so
every character of the answer is shown exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pastpaper.marking import Marking

__all__ = ["Piece", "pieces"]


@dataclass(frozen=True)
class Piece:
    """A run of the answer: ``kind`` None for text that earned nothing."""

    text: str
    kind: Literal["credited", "inaccurate"] | None = None
    label: str = ""  # the point's number in the feedback, "1", "2", ...
    point: str = ""  # what the point says
    note: str = ""  # what the notes say (for an inaccuracy, the correction)


def pieces(answer: str, marking: Marking, numbers: dict[str, int]) -> list[Piece]:
    """``answer`` as pieces in order; ``numbers`` gives each point id its label.

    >>> from pastpaper.marking import Credit, Span
    >>> span = Span(start=0, end=10, text="Virgin Lan")
    >>> credit = Credit(point_id="p1", point_text="Virgin Lands", span=span, similarity=0.9)
    >>> done = Marking(mark=1, max_marks=4, credited=(credit,), marker_version="x")
    >>> [(p.text, p.kind) for p in pieces("Virgin Lands scheme", done, {"p1": 1})]
    [('Virgin Lan', 'credited'), ('ds scheme', None)]
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
    marked.sort(key=lambda item: (item[0], -item[1]))
    shown: list[Piece] = []
    at = 0
    for start, end, piece in marked:
        start, end = max(start, at), min(end, len(answer))
        if start >= end:
            continue  # wholly inside a span already shown
        if start > at:
            shown.append(Piece(answer[at:start]))
        shown.append(Piece(answer[start:end], piece.kind, piece.label, piece.point, piece.note))
        at = end
    if at < len(answer):
        shown.append(Piece(answer[at:]))
    return shown
