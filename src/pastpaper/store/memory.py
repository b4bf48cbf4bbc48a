"""What a student does: cards and their schedules, reviews, timed attempts at questions.

    memory = store.memory
    for card in memory.due_cards(user_id, now, limit=20): ...
    memory.record_review(user_id, card.id, rating, state, record)   # committed at once

Every method takes the user (their id, ``User.id``) whose memory it reads or writes: the
cards are shared content, made when a course is saved (``write_cards``, in the same
transaction), and each user's schedule of a card, reviews, question schedules and attempts
are theirs alone (migration 0004).

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
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    delete,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from pastpaper.errors import AlreadySubmitted, NotFound
from pastpaper.store.guard import reported
from pastpaper.store.tables import (
    ATTEMPTS,
    CARD_STATES,
    CARDS,
    COURSES,
    QUESTION_SCHEDULES,
    REVIEWS,
    SUBMISSION_KEYS,
    in_utc,
)
from pastpaper.store.transactions import writing
from pastpaper.study.cards import Card

__all__ = ["Attempt", "CardSync", "Memory", "StoredCard", "write_cards"]


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
    state: dict[str, Any] | None  # the user's schedule (CardState); None until they review it
    due: datetime | None  # when it is due for the user; None until they review it
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


def write_cards(conn: Connection, course_id: int, cards: Sequence[Card], now: datetime) -> CardSync:
    """Bring the course's cards in line with ``cards``, in the caller's transaction: a card
    already there keeps every user's schedule (its wording is refreshed), a new one is
    added, and one the notes no longer make is retired with its reviews kept."""
    # On PostgreSQL, the course's row lock makes two writes of one course take turns.
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
                .values(**_card_values(card, course_id, position, text_only=True), retired_at=None)
            )
    gone = [i for i, row in stored.items() if i not in wanted and row.retired_at is None]
    if gone:
        conn.execute(update(CARDS).where(CARDS.c.id.in_(gone)).values(retired_at=now))
    conn.execute(update(COURSES).where(COURSES.c.id == course_id).values(cards_made_at=now))
    return CardSync(added=len(fresh), kept=len(wanted) - len(fresh), retired=len(gone))


class Memory:
    """Each user's practice, in the same database as the question bank. Reading writes
    nothing."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- cards ----------------------------------------------------------------------------

    @reported
    def cards(
        self, user_id: int, course_id: int | None = None, *, retired: bool = False
    ) -> list[StoredCard]:
        """The cards with the user's schedule of each, in the order of the notes; retired
        ones only if asked for."""
        query = _cards_of(user_id).order_by(CARDS.c.course_id, CARDS.c.position)
        if course_id is not None:
            query = query.where(CARDS.c.course_id == course_id)
        if not retired:
            query = query.where(CARDS.c.retired_at.is_(None))
        with self.engine.connect() as conn:
            return [_stored_card(row) for row in conn.execute(query)]

    @reported
    def card(self, user_id: int, card_id: str) -> StoredCard:
        """One card, with the user's schedule of it."""
        with self.engine.connect() as conn:
            row = conn.execute(_cards_of(user_id).where(CARDS.c.id == card_id)).first()
        if row is None:
            raise NotFound(f"no card {card_id}; 'pastpaper cards' lists them")
        return _stored_card(row)

    @reported
    def due_cards(
        self,
        user_id: int,
        now: datetime,
        course_id: int | None = None,
        limit: int | None = None,
    ) -> list[StoredCard]:
        """The user's cards to review now: those due (longest overdue first), then the ones
        they have never reviewed, in the order of the notes."""
        live: ColumnElement[bool] = CARDS.c.retired_at.is_(None)
        if course_id is not None:
            live = and_(live, CARDS.c.course_id == course_id)
        due = CARD_STATES.c.due
        query = (
            _cards_of(user_id)
            .where(live, or_(due.is_(None), due <= now))
            .order_by(due.is_(None), due, CARDS.c.course_id, CARDS.c.position)
            .limit(limit)
        )
        with self.engine.connect() as conn:
            return [_stored_card(row) for row in conn.execute(query)]

    @reported
    def record_review(
        self,
        user_id: int,
        card_id: str,
        rating: int,
        state: Mapping[str, Any],
        record: Mapping[str, Any],
        answer: str | None = None,
    ) -> None:
        """A user's review (with the answer typed, if any) and their new schedule of the
        card, committed together."""
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
                    user_id=user_id,
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
            mine = (CARD_STATES.c.user_id == user_id) & (CARD_STATES.c.card_id == card_id)
            conn.execute(delete(CARD_STATES).where(mine))
            conn.execute(
                insert(CARD_STATES).values(
                    user_id=user_id, card_id=card_id, state=json.dumps(dict(state)), due=due
                )
            )

    @reported
    def reviews(self, user_id: int, card_id: str | None = None) -> list[dict[str, Any]]:
        """Every review the user made: the schedule's ReviewRecord, with its card's id (None
        once the card is deleted), course, topic and front, and the answer typed."""
        query = select(REVIEWS).where(REVIEWS.c.user_id == user_id).order_by(REVIEWS.c.id)
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
        user_id: int,
        *,
        question_id: int,
        course: str,
        topic: str,
        question: str,
        answer: str,
        started_at: datetime,
        submitted_at: datetime,
        seconds_allowed: int,
        key: str | None = None,
    ) -> int:
        """Keep the user's answer, as written, before it is marked; its id. With ``key``
        (what the submission was sent with), the same key again from the user writes nothing
        and raises AlreadySubmitted with the first attempt's id, also when the two arrive at
        once."""
        try:
            with writing(self.engine) as conn:
                if key is not None and (earlier := _keyed(conn, user_id, key)) is not None:
                    raise AlreadySubmitted(earlier)
                attempt_id = conn.scalar(
                    insert(ATTEMPTS)
                    .values(
                        user_id=user_id,
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
                if key is not None:
                    conn.execute(
                        insert(SUBMISSION_KEYS).values(
                            user_id=user_id, key=key, attempt_id=attempt_id
                        )
                    )
        except IntegrityError:
            if key is None:
                raise
            # The same key, committed by another request meanwhile: this one rolled back.
            with self.engine.connect() as conn:
                earlier = _keyed(conn, user_id, key)
            if earlier is None:
                raise
            raise AlreadySubmitted(earlier) from None
        assert attempt_id is not None
        return int(attempt_id)

    @reported
    def finish_attempt(
        self,
        user_id: int,
        attempt_id: int,
        *,
        mark: int,
        max_marks: int,
        marking: Mapping[str, Any],
        state: Mapping[str, Any],
    ) -> None:
        """The mark and feedback of the user's attempt, and the user's new schedule of its
        question, together; only for an attempt not yet marked (a server starting may mark
        what another was marking: the first to finish counts, the question is scheduled
        once)."""
        due = datetime.fromisoformat(str(state["due"]))
        theirs = (ATTEMPTS.c.id == attempt_id) & (ATTEMPTS.c.user_id == user_id)
        with writing(self.engine) as conn:
            attempt = conn.execute(select(ATTEMPTS.c.question_id).where(theirs)).first()
            if attempt is None:
                raise NotFound(f"no attempt {attempt_id} of this user")
            marked = conn.execute(
                update(ATTEMPTS)
                .where(theirs, ATTEMPTS.c.mark.is_(None))
                .values(mark=mark, max_marks=max_marks, marking=json.dumps(dict(marking)))
            ).rowcount
            if not marked:
                return
            question_id = attempt.question_id
            if question_id is not None:
                conn.execute(
                    delete(QUESTION_SCHEDULES).where(
                        QUESTION_SCHEDULES.c.user_id == user_id,
                        QUESTION_SCHEDULES.c.question_id == question_id,
                    )
                )
                conn.execute(
                    insert(QUESTION_SCHEDULES).values(
                        user_id=user_id,
                        question_id=question_id,
                        state=json.dumps(dict(state)),
                        due=due,
                    )
                )

    @reported
    def question_states(self, user_id: int) -> dict[int, dict[str, Any]]:
        """The user's schedule of every question they attempted, by question id."""
        query = select(QUESTION_SCHEDULES.c.question_id, QUESTION_SCHEDULES.c.state).where(
            QUESTION_SCHEDULES.c.user_id == user_id
        )
        with self.engine.connect() as conn:
            return {row.question_id: dict(json.loads(row.state)) for row in conn.execute(query)}

    @reported
    def question_state(self, user_id: int, question_id: int) -> dict[str, Any] | None:
        """The user's schedule of a question, or None if they never attempted it."""
        with self.engine.connect() as conn:
            state = conn.scalar(
                select(QUESTION_SCHEDULES.c.state).where(
                    QUESTION_SCHEDULES.c.user_id == user_id,
                    QUESTION_SCHEDULES.c.question_id == question_id,
                )
            )
        return None if state is None else dict(json.loads(state))

    @reported
    def attempts(
        self,
        user_id: int,
        course: str | None = None,
        *,
        attempt_id: int | None = None,
        unmarked: bool = False,
    ) -> list[Attempt]:
        """The user's attempts, oldest first: a course's, one by id, or those not yet marked."""
        query = (
            select(ATTEMPTS)
            .where(ATTEMPTS.c.user_id == user_id)
            .order_by(ATTEMPTS.c.submitted_at, ATTEMPTS.c.id)
        )
        if course is not None:
            query = query.where(ATTEMPTS.c.course == course)
        if attempt_id is not None:
            query = query.where(ATTEMPTS.c.id == attempt_id)
        if unmarked:
            query = query.where(ATTEMPTS.c.mark.is_(None))
        with self.engine.connect() as conn:
            return [_attempt(row) for row in conn.execute(query)]


def _keyed(conn: Connection, user_id: int, key: str) -> int | None:
    """The attempt the user submitted with ``key``, or None."""
    attempt_id: int | None = conn.scalar(
        select(SUBMISSION_KEYS.c.attempt_id).where(
            SUBMISSION_KEYS.c.user_id == user_id, SUBMISSION_KEYS.c.key == key
        )
    )
    return attempt_id


def _cards_of(user_id: int) -> Select[Any]:
    """The cards, each with the user's schedule of it (NULLs where they have none)."""
    return select(CARDS, CARD_STATES.c.state, CARD_STATES.c.due).outerjoin(
        CARD_STATES, (CARD_STATES.c.card_id == CARDS.c.id) & (CARD_STATES.c.user_id == user_id)
    )


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
        due=None if row.due is None else in_utc(row.due),
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
        started_at=in_utc(row.started_at),
        submitted_at=in_utc(row.submitted_at),
        seconds_allowed=row.seconds_allowed,
        mark=row.mark,
        max_marks=row.max_marks,
        marking=None if row.marking is None else dict(json.loads(row.marking)),
    )
