"""What every part of the application layer holds: the store, the marker, the settings, the
clock, the user it acts for; and the checks they share.

The clock is passed in (a callable returning an aware datetime, as py-fsrs takes the time):
nothing under ``pastpaper.app`` reads the time itself, so a test or a server says what "now" is.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Self

from pastpaper.errors import Forbidden, NotFound, StoreError
from pastpaper.settings import Settings

if TYPE_CHECKING:
    from pastpaper.course import Course
    from pastpaper.marking import Marker
    from pastpaper.store import CourseSummary, QuestionDetail, Store
    from pastpaper.store.people import User

__all__ = ["Base", "Clock", "installed_marker"]

#: The time now, with its time zone: ``lambda: datetime.now(UTC)`` at the edge, fixed in tests.
Clock = Callable[[], datetime]


def installed_marker() -> Marker:
    """The marker with the calibration this installation ships and the process's embedding
    model, which loads when the first answer is marked (once a process: the model never
    changes, so every marker of the process may share it)."""
    from pastpaper.marking import LazyModel, Marker
    from pastpaper.marking.calibration import calibration
    from pastpaper.marking.embed import embedder

    return Marker(LazyModel(embedder), calibration())


class Base:
    """The parts of a ``Pastpaper``; the methods live in the modules of ``pastpaper.app``."""

    def __init__(
        self,
        store: Store | None,
        marker: Marker | None,
        settings: Settings,
        clock: Clock,
        user: User | None = None,
    ):
        """``store`` None: only what needs no database works (``evaluate``). ``marker`` None:
        the installed one (``installed_marker``), its model loaded when the first answer is
        marked, so a command that marks nothing never loads it. ``user``: who studies,
        whose cards, reviews, attempts and drafts these are; None: the store's local user
        (the command line's). The store stays the caller's to close."""
        self._store = store
        self._marker = marker
        self._user = user
        self.settings = settings
        self.clock = clock

    def acting_for(self, user: User) -> Self:
        """The same application, acting for ``user``: the store, marker, settings and clock
        are shared (a web server makes one of these for each request)."""
        other = copy.copy(self)
        other._user = user
        return other

    @property
    def user(self) -> User:
        """Who the application acts for."""
        if self._user is None:
            self._user = self.store.people.local()
        return self._user

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StoreError("no database is open here; this needs the question bank")
        return self._store

    @property
    def marker(self) -> Marker:
        """The marker every answer goes through (one, a CSV's, a marking set's, practice's),
        built on first use."""
        if self._marker is None:
            self._marker = installed_marker()
        return self._marker

    def visible_courses(self) -> set[str] | None:
        """The slugs of the courses the user may see: a student, those of their classes; a
        teacher, the installation's (those with no owner), their own and their classes';
        None for an admin, who sees every course."""
        role, login = self.user.role, self.user.login
        if role == "admin":
            return None
        classes = self.store.people.classes()
        if role == "student":
            return {slug for c in classes if login in c.students for slug in c.courses}
        mine = {slug for c in classes if c.teacher == login for slug in c.courses}
        return mine | {
            c.slug for c in self.store.courses() if c.owner_id is None or c.owner_id == self.user.id
        }

    def may_change(self, course: CourseSummary) -> bool:
        """Whether the user may change the course (its notes, its schemes, delete it): an
        admin any course, a teacher those they own."""
        return self.user.role == "admin" or (
            self.user.role == "teacher" and course.owner_id == self.user.id
        )

    def require_changeable(self, ref: str) -> CourseSummary:
        """The course (slug or id), if the user may change it. One they may not see is
        NotFound (as if it were not there); one they see but do not own is Forbidden."""
        self.require_visible_ref(ref)
        course = self.store.summary(ref)
        if not self.may_change(course):
            whose = "the installation's" if course.owner_id is None else "another teacher's"
            raise Forbidden(
                f"{course.slug} is {whose} course; only its owner or an admin can change it"
            )
        return course

    def visible_course_ids(self) -> set[int] | None:
        """The ids of the courses the user may see; None for every course."""
        visible = self.visible_courses()
        if visible is None:
            return None
        return {c.id for c in self.store.courses() if c.slug in visible}

    def require_visible(self, course: str) -> None:
        """NotFound for a course the user may not see (as if it were not there)."""
        visible = self.visible_courses()
        if visible is not None and course not in visible:
            raise NotFound(f"no course {course} among yours")

    def visible_question(self, question_id: int) -> QuestionDetail:
        """A question of the store (``Store.question``) the user may see. For a student, a
        question not there and one of a course not theirs are the same NotFound, which names
        no other question or course."""
        visible = self.visible_courses()
        try:
            found = self.store.question(question_id)
        except NotFound:
            if visible is None:
                raise
            found = None
        if visible is not None and (found is None or found.question.course not in visible):
            raise NotFound(f"no question {question_id} among yours")
        assert found is not None
        return found

    def require_visible_ref(self, ref: str) -> None:
        """NotFound for a course, by slug or id, the user may not see; for a student, said
        without naming the courses there are (the store's NotFound lists them)."""
        visible = self.visible_courses()
        if visible is None:
            return
        try:
            slug = self.store.summary(ref).slug
        except NotFound:
            raise NotFound(f"no course {ref} among yours") from None
        self.require_visible(slug)

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
