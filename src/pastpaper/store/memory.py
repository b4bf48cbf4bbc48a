"""What a student does: cards and their schedules, reviews, timed attempts at questions.

    memory = store.memory
    memory.sync_cards(course_id, cards_of(course))     # new cards in, text updated, old retired
    for card in memory.due_cards(now, limit=20): ...
    memory.record_review(card.id, state, record)      # one transaction, committed at once

Everything is written and committed the moment it happens, before anything else is done
with it: an answer is saved before it is marked, a review before the next card is shown,
so a process killed half way loses nothing the student did. Cards the notes no longer make
are retired, never deleted, so their reviews are kept; a review also copies its card's
course, topic and front, so it is kept, readable, even when the card's course is deleted.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, delete, insert, or_, select, update

from pastpaper.errors import NotFound
from pastpaper.store.guard import reported
from pastpaper.store.tables import ATTEMPTS, CARDS, COURSES, QUESTION_SCHEDULES, REVIEWS
from pastpaper.store.transactions import writing
from pastpaper.study.cards import Card

__all__ = ["Attempt", "CardSync", "Memory", "StoredCard"]


@dataclass(frozen=True)
class StoredCard:
    id: str
    course_id: int
    kind: str
    front: str
    back: str
    point_id: str
    topic: str
    source: str
    tags: tuple[str, ...]
    state: dict[str, Any] | None  # the schedule's CardState; None until first reviewed
    due: datetime | None
    retired: bool


@dataclass(frozen=True)
class CardSync:
    added: int
    kept: int
    retired: int


@dataclass(frozen=True)
class Attempt:
    id: int
    question_id: int | None
    course: str
    topic: str
    question: str
    answer: str
    started_at: datetime
    submitted_at: datetime
    seconds_allowed: int
    mark: int | None
    max_marks: int | None
    marking: dict[str, Any] | None


class Memory:
    """A student's practice, in the same database as the question bank."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- cards ----------------------------------------------------------------------------

    @reported
    def sync_cards(self, course_id: int, cards: Sequence[Card], now: datetime) -> CardSync:
        """Bring the course's cards in line with ``cards``: a card already there keeps its
        schedule (its wording is refreshed), a new one is added unscheduled, and one the
        notes no longer make is retired with its reviews kept."""
        with writing(self.engine) as conn:
            # On PostgreSQL, the course's row lock makes two syncs of one course take turns.
            conn.execute(select(COURSES.c.id).where(COURSES.c.id == course_id).with_for_update())
            stored = {
                row.id: row
                for row in conn.execute(
                    select(CARDS.c.id, CARDS.c.retired_at).where(CARDS.c.course_id == course_id)
                )
            }
            wanted = {card.id for card in cards}
            fresh = [(n, c) for n, c in enumerate(cards) if c.id not in stored]
            if fresh:
                conn.execute(insert(CARDS), [_card_values(c, course_id, n) for n, c in fresh])
            for position, card in enumerate(cards):
                if card.id in stored:
                    conn.execute(
                        update(CARDS)
                        .where(CARDS.c.id == card.id)
                        .values(
                            **_card_values(card, course_id, position, text_only=True),
                            retired_at=None,
                        )
                    )
            gone = [i for i, row in stored.items() if i not in wanted and row.retired_at is None]
            if gone:
                conn.execute(update(CARDS).where(CARDS.c.id.in_(gone)).values(retired_at=now))
            conn.execute(update(COURSES).where(COURSES.c.id == course_id).values(cards_made_at=now))
        return CardSync(added=len(fresh), kept=len(wanted) - len(fresh), retired=len(gone))

    @reported
    def cards(self, course_id: int | None = None, *, retired: bool = False) -> list[StoredCard]:
        """The cards, in the order of the notes; retired ones only if asked for."""
        query = select(CARDS).order_by(CARDS.c.course_id, CARDS.c.position)
        if course_id is not None:
            query = query.where(CARDS.c.course_id == course_id)
        if not retired:
            query = query.where(CARDS.c.retired_at.is_(None))
        with self.engine.connect() as conn:
            return [_stored_card(row) for row in conn.execute(query)]

    @reported
    def card(self, card_id: str) -> StoredCard:
        with self.engine.connect() as conn:
            row = conn.execute(select(CARDS).where(CARDS.c.id == card_id)).first()
        if row is None:
            raise NotFound(f"no card {card_id}; 'pastpaper cards' lists them")
        return _stored_card(row)

    @reported
    def due_cards(
        self, now: datetime, course_id: int | None = None, limit: int | None = None
    ) -> list[StoredCard]:
        """Cards to review now: those due (longest overdue first), then new ones in the
        order of the notes."""
        live: ColumnElement[bool] = CARDS.c.retired_at.is_(None)
        if course_id is not None:
            live = and_(live, CARDS.c.course_id == course_id)
        query = (
            select(CARDS)
            .where(live, or_(CARDS.c.due.is_(None), CARDS.c.due <= now))
            .order_by(CARDS.c.due.is_(None), CARDS.c.due, CARDS.c.course_id, CARDS.c.position)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [_stored_card(row) for row in conn.execute(query)]

    @reported
    def record_review(
        self,
        card_id: str,
        rating: int,
        state: Mapping[str, Any],
        record: Mapping[str, Any],
        answer: str | None = None,
    ) -> None:
        """A review (with the answer typed, if any) and the card's new schedule, committed
        together."""
        reviewed_at = datetime.fromisoformat(str(record["reviewed_at"]))
        due = datetime.fromisoformat(str(state["due"]))
        with writing(self.engine) as conn:
            card = conn.execute(
                select(COURSES.c.slug, CARDS.c.topic, CARDS.c.front)
                .join(COURSES, COURSES.c.id == CARDS.c.course_id)
                .where(CARDS.c.id == card_id)
            ).first()
            if card is None:
                raise NotFound(f"no card {card_id}; 'pastpaper cards' lists them")
            conn.execute(
                insert(REVIEWS).values(
                    card_id=card_id,
                    course=card.slug,
                    topic=card.topic,
                    front=card.front,
                    rating=rating,
                    answer=answer,
                    reviewed_at=reviewed_at,
                    record=json.dumps(dict(record)),
                )
            )
            conn.execute(
                update(CARDS)
                .where(CARDS.c.id == card_id)
                .values(state=json.dumps(dict(state)), due=due)
            )

    @reported
    def reviews(self, card_id: str | None = None) -> list[dict[str, Any]]:
        """Every review kept: the schedule's ReviewRecord, with its card's id (None once
        the card is deleted), course, topic and front, and the answer typed."""
        query = select(REVIEWS).order_by(REVIEWS.c.id)
        if card_id is not None:
            query = query.where(REVIEWS.c.card_id == card_id)
        with self.engine.connect() as conn:
            return [
                {
                    "card_id": row.card_id,  # None once the card's course was deleted
                    "course": row.course,
                    "topic": row.topic,
                    "front": row.front,
                    "answer": row.answer,
                    **json.loads(row.record),
                }
                for row in conn.execute(query)
            ]

    # -- past-paper questions -----------------------------------------------------------

    @reported
    def start_attempt(
        self,
        *,
        question_id: int,
        course: str,
        topic: str,
        question: str,
        answer: str,
        started_at: datetime,
        submitted_at: datetime,
        seconds_allowed: int,
    ) -> int:
        """Keep an answer, as written, before it is marked; its id."""
        with writing(self.engine) as conn:
            attempt_id = conn.scalar(
                insert(ATTEMPTS)
                .values(
                    question_id=question_id,
                    course=course,
                    topic=topic,
                    question=question,
                    answer=answer,
                    started_at=started_at,
                    submitted_at=submitted_at,
                    seconds_allowed=seconds_allowed,
                )
                .returning(ATTEMPTS.c.id)
            )
        assert attempt_id is not None
        return int(attempt_id)

    @reported
    def finish_attempt(
        self,
        attempt_id: int,
        *,
        mark: int,
        max_marks: int,
        marking: Mapping[str, Any],
        state: Mapping[str, Any],
    ) -> None:
        """An attempt's mark and feedback, and its question's new schedule, together."""
        due = datetime.fromisoformat(str(state["due"]))
        with writing(self.engine) as conn:
            question_id = conn.scalar(
                select(ATTEMPTS.c.question_id).where(ATTEMPTS.c.id == attempt_id)
            )
            conn.execute(
                update(ATTEMPTS)
                .where(ATTEMPTS.c.id == attempt_id)
                .values(mark=mark, max_marks=max_marks, marking=json.dumps(dict(marking)))
            )
            if question_id is not None:
                conn.execute(
                    delete(QUESTION_SCHEDULES).where(
                        QUESTION_SCHEDULES.c.question_id == question_id
                    )
                )
                conn.execute(
                    insert(QUESTION_SCHEDULES).values(
                        question_id=question_id, state=json.dumps(dict(state)), due=due
                    )
                )

    @reported
    def question_states(self) -> dict[int, dict[str, Any]]:
        """Every attempted question's schedule, by question id."""
        query = select(QUESTION_SCHEDULES.c.question_id, QUESTION_SCHEDULES.c.state)
        with self.engine.connect() as conn:
            return {row.question_id: dict(json.loads(row.state)) for row in conn.execute(query)}

    @reported
    def question_state(self, question_id: int) -> dict[str, Any] | None:
        """A question's schedule, or None if it was never attempted."""
        with self.engine.connect() as conn:
            state = conn.scalar(
                select(QUESTION_SCHEDULES.c.state).where(
                    QUESTION_SCHEDULES.c.question_id == question_id
                )
            )
        return None if state is None else dict(json.loads(state))

    @reported
    def attempts(
        self,
        course: str | None = None,
        *,
        attempt_id: int | None = None,
        unmarked: bool = False,
    ) -> list[Attempt]:
        """The attempts kept, oldest first: a course's, one by id, or those not yet marked."""
        query = select(ATTEMPTS).order_by(ATTEMPTS.c.submitted_at, ATTEMPTS.c.id)
        if course is not None:
            query = query.where(ATTEMPTS.c.course == course)
        if attempt_id is not None:
            query = query.where(ATTEMPTS.c.id == attempt_id)
        if unmarked:
            query = query.where(ATTEMPTS.c.mark.is_(None))
        with self.engine.connect() as conn:
            return [_attempt(row) for row in conn.execute(query)]

    @reported
    def cards_current(self, course_id: int) -> bool:
        """Whether the course's cards were made since its notes were last imported."""
        made = COURSES.c.cards_made_at >= COURSES.c.updated_at
        with self.engine.connect() as conn:
            return bool(conn.scalar(select(made).where(COURSES.c.id == course_id)))


def _card_values(
    card: Card, course_id: int, position: int, *, text_only: bool = False
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "position": position,
        "kind": card.kind,
        "front": card.front,
        "back": card.back,
        "point_id": card.point_id,
        "topic": card.topic,
        "source": card.source,
        "tags": json.dumps(list(card.tags)),
    }
    if not text_only:
        values |= {"id": card.id, "course_id": course_id}
    return values


def _utc(moment: datetime) -> datetime:
    """Times in UTC: SQLite hands them back without their zone (they were written in UTC),
    PostgreSQL in the server's zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _stored_card(row: Any) -> StoredCard:
    return StoredCard(
        id=row.id,
        course_id=row.course_id,
        kind=row.kind,
        front=row.front,
        back=row.back,
        point_id=row.point_id,
        topic=row.topic,
        source=row.source,
        tags=tuple(json.loads(row.tags)),
        state=None if row.state is None else dict(json.loads(row.state)),
        due=None if row.due is None else _utc(row.due),
        retired=row.retired_at is not None,
    )


def _attempt(row: Any) -> Attempt:
    return Attempt(
        id=row.id,
        question_id=row.question_id,
        course=row.course,
        topic=row.topic,
        question=row.question,
        answer=row.answer,
        started_at=_utc(row.started_at),
        submitted_at=_utc(row.submitted_at),
        seconds_allowed=row.seconds_allowed,
        mark=row.mark,
        max_marks=row.max_marks,
        marking=None if row.marking is None else dict(json.loads(row.marking)),
    )
