"""What every part of the application layer holds: the store, the marker, the settings, the
clock; and the checks they share.

The clock is passed in (a callable returning an aware datetime, as py-fsrs takes the time):
nothing under ``pastpaper.app`` reads the time itself, so a test or a server says what "now" is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

from pastpaper.errors import NotFound, StoreError
from pastpaper.settings import Settings

if TYPE_CHECKING:
    from pastpaper.course import Course
    from pastpaper.marking import Marking
    from pastpaper.schemes.scheme import MarkScheme
    from pastpaper.store import Store

__all__ = ["AnswerMarker", "Base", "Clock"]

#: The time now, with its time zone: ``lambda: datetime.now(UTC)`` at the edge, fixed in tests.
Clock = Callable[[], datetime]


class AnswerMarker(Protocol):
    """What marks an answer against a scheme (``pastpaper.marking``'s marker)."""

    def mark(self, answer: str, scheme: MarkScheme) -> Marking: ...


class _LoadedMarker:
    """The marker with the embedding model and calibration this installation ships.

    The model loads on the first answer marked, once (``pastpaper.marking.embed.embedder``).
    """

    def mark(self, answer: str, scheme: MarkScheme) -> Marking:
        from pastpaper.marking import mark
        from pastpaper.marking.calibration import calibration
        from pastpaper.marking.embed import embedder

        return mark(answer, scheme, embedder(), calibration())


class Base:
    """The parts of a ``Pastpaper``; the methods live in the modules of ``pastpaper.app``."""

    def __init__(
        self, store: Store | None, marker: AnswerMarker | None, settings: Settings, clock: Clock
    ):
        """``store`` None: only what needs no database works (``evaluate``). ``marker`` None:
        the installed model, loaded when the first answer is marked (so a command that marks
        nothing never loads it). The store stays the caller's to close."""
        self._store = store
        self._marker = marker
        self.settings = settings
        self.clock = clock

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreError("no database is open here; this needs the question bank")
        return self._store

    @property
    def marker(self) -> AnswerMarker:
        """The marker that ``mark`` and the demo go through, built on first use. (Practice
        marks through ``pastpaper.app.bank.mark_answer`` for now, and a CSV and ``eval``
        share the model between worker processes: the same model and calibration.)"""
        if self._marker is None:
            self._marker = _LoadedMarker()
        return self._marker

    def now(self) -> datetime:
        """The time now, from the clock passed in; it must carry a time zone."""
        moment = self.clock()
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"the clock must give a time with a time zone, not {moment!r}")
        return moment

    def today(self) -> date:
        """The date now, by the clock."""
        return self.now().date()

    def require_courses(self) -> None:
        """NotFound when the bank holds no course: there is nothing to study yet."""
        if not self.store.courses():
            raise NotFound("the bank is empty: import notes first", remedy="import")

    def courses_asked(self, course: str | None) -> list[Course]:
        """The course asked for (slug or id), or every course; an empty bank is NotFound."""
        self.require_courses()
        slugs = [course] if course is not None else [c.slug for c in self.store.courses()]
        return [self.store.course(slug) for slug in slugs]
