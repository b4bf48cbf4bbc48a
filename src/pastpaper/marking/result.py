"""What marking gives: a Marking, with the points credited (each with the span of the answer
that earned it), the points missed (with their source in the notes) and the inaccuracies."""

from __future__ import annotations

from pastpaper.model import Frozen as _Frozen

__all__ = ["Credit", "Inaccuracy", "Marking", "Missed", "Span"]


class Span(_Frozen):
    """A stretch of the answer as written: characters start:end."""

    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        """The two stretches share a character."""
        return self.start < other.end and other.start < self.end


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
