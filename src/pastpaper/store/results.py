"""What a class did, read in a few queries for its results page: the students, the topics
of its courses, every marked attempt of its students with the mark that stands (a teacher's
moderated mark, the newest row of ``moderations``, else the machine's), and the students'
schedules of the courses' cards.

    records = ClassRecords(store.engine)
    records.students(["ann", "bo"])           # [(id, login, display name)], by login
    records.topics([course_id])               # [(course slug, topic title)], in order
    records.attempts([3, 4], [12, 13])        # marked attempts, oldest first
    records.missed([attempt.id, ...])         # the points each of these attempts missed
    records.card_states([3, 4], [course_id])  # each user's schedules of the cards, by topic

Each method is one query, whatever the number of students or attempts.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select

from pastpaper.store.guard import reported
from pastpaper.store.tables import (
    ATTEMPTS,
    CARD_STATES,
    CARDS,
    COURSES,
    MODERATIONS,
    TOPICS,
    USERS,
    in_utc,
)

__all__ = ["CardSchedule", "ClassRecords", "MarkedAttempt", "MissedPoint", "StudentName"]


@dataclass(frozen=True)
class StudentName:
    id: int
    login: str
    display_name: str


@dataclass(frozen=True)
class MissedPoint:
    """A point of the scheme an attempt did not earn."""

    point_id: str
    point_text: str


@dataclass(frozen=True)
class MarkedAttempt:
    """A marked attempt with the mark that stands (``moderated``: a teacher's)."""

    id: int
    user_id: int
    question_id: int
    submitted_at: datetime
    mark: int
    max_marks: int
    moderated: bool


@dataclass(frozen=True)
class CardSchedule:
    """A user's FSRS schedule of one card of a topic."""

    user_id: int
    course: str
    topic: str
    state: dict[str, Any]


class ClassRecords:
    """Reads across the students of a class, each in one query."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def students(self, logins: Collection[str]) -> list[StudentName]:
        """The users with these logins, by login."""
        if not logins:
            return []
        query = (
            select(USERS.c.id, USERS.c.login, USERS.c.display_name)
            .where(USERS.c.login.in_(list(logins)))
            .order_by(USERS.c.login)
        )
        with self.engine.connect() as conn:
            return [StudentName(r.id, r.login, r.display_name) for r in conn.execute(query)]

    @reported
    def topics(self, course_ids: Collection[int]) -> list[tuple[int, str]]:
        """The topics of these courses as (course id, title), in the order of the notes."""
        if not course_ids:
            return []
        query = (
            select(TOPICS.c.course_id, TOPICS.c.title)
            .where(TOPICS.c.course_id.in_(list(course_ids)))
            .order_by(TOPICS.c.course_id, TOPICS.c.position)
        )
        with self.engine.connect() as conn:
            return [(r.course_id, r.title) for r in conn.execute(query)]

    @reported
    def attempts(
        self, user_ids: Collection[int], question_ids: Collection[int]
    ) -> list[MarkedAttempt]:
        """The marked attempts of these users to these questions, oldest first, each with
        the mark that stands: the newest moderation's, else the machine's."""
        if not user_ids or not question_ids:
            return []
        theirs = ATTEMPTS.c.user_id.in_(list(user_ids)) & ATTEMPTS.c.question_id.in_(
            list(question_ids)
        )
        newest = (
            select(func.max(MODERATIONS.c.id).label("id"))
            .join(ATTEMPTS, ATTEMPTS.c.id == MODERATIONS.c.attempt_id)
            .where(theirs)
            .group_by(MODERATIONS.c.attempt_id)
            .subquery()
        )
        standing = (
            select(MODERATIONS.c.attempt_id, MODERATIONS.c.mark)
            .where(MODERATIONS.c.id.in_(select(newest.c.id)))
            .subquery()
        )
        query = (
            select(
                ATTEMPTS.c.id,
                ATTEMPTS.c.user_id,
                ATTEMPTS.c.question_id,
                ATTEMPTS.c.submitted_at,
                ATTEMPTS.c.mark,
                ATTEMPTS.c.max_marks,
                standing.c.mark.label("moderated"),
            )
            .outerjoin(standing, standing.c.attempt_id == ATTEMPTS.c.id)
            .where(theirs, ATTEMPTS.c.max_marks > 0)
            .where(ATTEMPTS.c.mark.is_not(None) | standing.c.mark.is_not(None))
            .order_by(ATTEMPTS.c.submitted_at, ATTEMPTS.c.id)
        )
        with self.engine.connect() as conn:
            return [_marked(row) for row in conn.execute(query)]

    @reported
    def missed(self, attempt_ids: Collection[int]) -> dict[int, tuple[MissedPoint, ...]]:
        """The points each of these attempts missed, as its marking says (each point once)."""
        if not attempt_ids:
            return {}
        query = select(ATTEMPTS.c.id, ATTEMPTS.c.marking).where(
            ATTEMPTS.c.id.in_(list(attempt_ids))
        )
        with self.engine.connect() as conn:
            return {row.id: _missed(row.marking) for row in conn.execute(query)}

    @reported
    def card_states(
        self, user_ids: Collection[int], course_ids: Collection[int]
    ) -> list[CardSchedule]:
        """These users' schedules of the cards (not retired) of these courses: the cards
        each has reviewed."""
        if not user_ids or not course_ids:
            return []
        query = (
            select(CARD_STATES.c.user_id, COURSES.c.slug, CARDS.c.topic, CARD_STATES.c.state)
            .join(CARDS, CARDS.c.id == CARD_STATES.c.card_id)
            .join(COURSES, COURSES.c.id == CARDS.c.course_id)
            .where(
                CARD_STATES.c.user_id.in_(list(user_ids)),
                CARDS.c.course_id.in_(list(course_ids)),
                CARDS.c.retired_at.is_(None),
            )
        )
        with self.engine.connect() as conn:
            return [
                CardSchedule(r.user_id, r.slug, r.topic, dict(json.loads(r.state)))
                for r in conn.execute(query)
            ]


def _missed(marking: str | None) -> tuple[MissedPoint, ...]:
    found = {} if marking is None else json.loads(marking)
    points = {str(m["point_id"]): str(m["point_text"]) for m in found.get("missed", ())}
    return tuple(MissedPoint(point_id, text) for point_id, text in points.items())


def _marked(row: Any) -> MarkedAttempt:
    return MarkedAttempt(
        id=row.id,
        user_id=row.user_id,
        question_id=row.question_id,
        submitted_at=in_utc(row.submitted_at),
        mark=row.mark if row.moderated is None else row.moderated,
        max_marks=row.max_marks,
        moderated=row.moderated is not None,
    )
