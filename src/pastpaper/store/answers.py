"""Answers across a class: every student's attempts to one question with who wrote them,
the machine's mark and a teacher's moderated mark; moderating them
(migration 0006's ``moderations``: each moderation is a row, the newest an attempt's mark).

    answers = store.answers
    answers.for_question(question_id, user_ids={3, 4})   # oldest first
    answers.moderate([attempt_id], mark=4, reason="names the sovnarkhozy", moderator_id=1, now=now)
    answers.moderations(attempt_id)                      # its history, oldest first
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select

from pastpaper.errors import NotFound
from pastpaper.store.guard import reported
from pastpaper.store.tables import ATTEMPTS, MODERATIONS, USERS, in_utc
from pastpaper.store.transactions import writing

__all__ = ["Answers", "ClassAnswer", "Moderation"]


@dataclass(frozen=True)
class Moderation:
    """A teacher's mark for an attempt: what the machine had given, the teacher's, and why."""

    attempt_id: int
    mark: int
    machine_mark: int | None
    reason: str
    moderator: str | None  # login; None if the user was deleted
    created_at: datetime


@dataclass(frozen=True)
class ClassAnswer:
    """One student's attempt to a question, with its marks."""

    attempt_id: int
    user_id: int
    login: str
    display_name: str
    question_id: int | None
    answer: str
    submitted_at: datetime
    mark: int | None  # the machine's; None until marked
    max_marks: int | None
    marking: dict[str, Any] | None
    moderation: Moderation | None  # the newest, which stands; None if not moderated

    @property
    def final(self) -> int | None:
        """The mark that stands: the teacher's if moderated, else the machine's."""
        return self.moderation.mark if self.moderation is not None else self.mark


class Answers:
    """Attempts across users and their moderation, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def for_question(
        self, question_id: int, user_ids: Collection[int] | None = None
    ) -> list[ClassAnswer]:
        """Every attempt to the question (of these users only, if given), oldest first."""
        query = (
            select(ATTEMPTS, USERS.c.login, USERS.c.display_name)
            .join(USERS, USERS.c.id == ATTEMPTS.c.user_id)
            .where(ATTEMPTS.c.question_id == question_id)
            .order_by(ATTEMPTS.c.submitted_at, ATTEMPTS.c.id)
        )
        if user_ids is not None:
            query = query.where(ATTEMPTS.c.user_id.in_(list(user_ids)))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        moderated = self.newest_moderations([row.id for row in rows])
        return [
            ClassAnswer(
                attempt_id=row.id,
                user_id=row.user_id,
                login=row.login,
                display_name=row.display_name,
                question_id=row.question_id,
                answer=row.answer,
                submitted_at=in_utc(row.submitted_at),
                mark=row.mark,
                max_marks=row.max_marks,
                marking=None if row.marking is None else dict(json.loads(row.marking)),
                moderation=moderated.get(row.id),
            )
            for row in rows
        ]

    @reported
    def unmarked_users(self) -> list[int]:
        """The ids of the users who have answers saved but never marked."""
        query = (
            select(ATTEMPTS.c.user_id)
            .where(ATTEMPTS.c.mark.is_(None), ATTEMPTS.c.question_id.is_not(None))
            .distinct()
            .order_by(ATTEMPTS.c.user_id)
        )
        with self.engine.connect() as conn:
            return [row.user_id for row in conn.execute(query)]

    @reported
    def moderate(
        self,
        attempt_ids: Collection[int],
        *,
        mark: int,
        reason: str,
        moderator_id: int,
        now: datetime,
    ) -> None:
        """The teacher's mark for these attempts, with why, in one transaction; each keeps
        the machine's mark it replaced. NotFound, and nothing written, if one is not there."""
        wanted = sorted(set(attempt_ids))
        with writing(self.engine) as conn:
            found = dict(
                conn.execute(
                    select(ATTEMPTS.c.id, ATTEMPTS.c.mark).where(ATTEMPTS.c.id.in_(wanted))
                ).all()
            )
            missing = [a for a in wanted if a not in found]
            if missing:
                raise NotFound(f"no attempt {missing[0]}")
            for attempt_id in wanted:
                conn.execute(
                    insert(MODERATIONS).values(
                        attempt_id=attempt_id,
                        mark=mark,
                        machine_mark=found[attempt_id],
                        reason=reason,
                        moderator_id=moderator_id,
                        created_at=now,
                    )
                )

    @reported
    def moderations(self, attempt_id: int) -> list[Moderation]:
        """Every moderation of an attempt, oldest first."""
        query = (
            select(MODERATIONS, USERS.c.login)
            .outerjoin(USERS, USERS.c.id == MODERATIONS.c.moderator_id)
            .where(MODERATIONS.c.attempt_id == attempt_id)
            .order_by(MODERATIONS.c.id)
        )
        with self.engine.connect() as conn:
            return [_moderation(row) for row in conn.execute(query)]

    @reported
    def newest_moderations(self, attempt_ids: Collection[int]) -> dict[int, Moderation]:
        """The moderation that stands for each of these attempts that has one."""
        if not attempt_ids:
            return {}
        newest = (
            select(func.max(MODERATIONS.c.id))
            .where(MODERATIONS.c.attempt_id.in_(list(attempt_ids)))
            .group_by(MODERATIONS.c.attempt_id)
        )
        query = (
            select(MODERATIONS, USERS.c.login)
            .outerjoin(USERS, USERS.c.id == MODERATIONS.c.moderator_id)
            .where(MODERATIONS.c.id.in_(newest))
        )
        with self.engine.connect() as conn:
            return {row.attempt_id: _moderation(row) for row in conn.execute(query)}


def _moderation(row: Any) -> Moderation:
    return Moderation(
        attempt_id=row.attempt_id,
        mark=row.mark,
        machine_mark=row.machine_mark,
        reason=row.reason,
        moderator=row.login,
        created_at=in_utc(row.created_at),
    )
