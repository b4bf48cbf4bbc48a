"""Drafts: an answer being written in the web app, saved every few seconds while the student
types, so that closing the browser loses nothing (migration 0005's ``drafts`` table).

One draft a user a question: saving again replaces the text and keeps when it was begun. The
question's course and text are copied in, so a draft is still readable if its question is
deleted. A draft is removed once its answer is submitted (the attempt keeps it then).

    drafts = store.drafts
    drafts.save(user_id, question, "He wanted...", started_at=now, saved_at=now)
    drafts.get(user_id, question.id)        # the StoredDraft, or None
    drafts.delete(user_id, question.id)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, select
from sqlalchemy.dialects import postgresql, sqlite

from pastpaper.store.guard import reported
from pastpaper.store.tables import DRAFTS, in_utc
from pastpaper.store.transactions import writing

__all__ = ["Drafts", "StoredDraft"]


@dataclass(frozen=True)
class StoredDraft:
    """A user's unsent answer to a question, as last saved."""

    question_id: int | None
    course: str
    question: str
    answer: str
    started_at: datetime
    saved_at: datetime


class Drafts:
    """Each user's drafts, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def save(
        self,
        user_id: int,
        *,
        question_id: int,
        course: str,
        question: str,
        answer: str,
        started_at: datetime,
        saved_at: datetime,
    ) -> StoredDraft:
        """Keep ``answer`` as the user's draft of the question, over any before it; the draft
        keeps the time its first save said it was begun. Committed at once."""
        values = {
            "user_id": user_id,
            "question_id": question_id,
            "course": course,
            "question": question,
            "answer": answer,
            "started_at": started_at,
            "saved_at": saved_at,
        }
        changed = {"answer": answer, "saved_at": saved_at, "course": course, "question": question}
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        upsert = dialect.insert(DRAFTS).values(**values)
        upsert = upsert.on_conflict_do_update(
            index_elements=[DRAFTS.c.user_id, DRAFTS.c.question_id], set_=changed
        )
        with writing(self.engine) as conn:
            conn.execute(upsert)
            row = conn.execute(_theirs(user_id, question_id)).one()
        return _draft(row)

    @reported
    def get(self, user_id: int, question_id: int) -> StoredDraft | None:
        """The user's draft of the question, or None."""
        with self.engine.connect() as conn:
            row = conn.execute(_theirs(user_id, question_id)).first()
        return None if row is None else _draft(row)

    @reported
    def all(self, user_id: int) -> list[StoredDraft]:
        """The user's drafts, the most recently saved first."""
        query = (
            select(DRAFTS)
            .where(DRAFTS.c.user_id == user_id)
            .order_by(DRAFTS.c.saved_at.desc(), DRAFTS.c.id.desc())
        )
        with self.engine.connect() as conn:
            return [_draft(row) for row in conn.execute(query)]

    @reported
    def delete(self, user_id: int, question_id: int) -> bool:
        """Remove the user's draft of the question; whether there was one."""
        with writing(self.engine) as conn:
            gone = conn.execute(
                delete(DRAFTS).where(
                    DRAFTS.c.user_id == user_id, DRAFTS.c.question_id == question_id
                )
            )
        return bool(gone.rowcount)


def _theirs(user_id: int, question_id: int) -> Any:
    return select(DRAFTS).where(DRAFTS.c.user_id == user_id, DRAFTS.c.question_id == question_id)


def _draft(row: Any) -> StoredDraft:
    return StoredDraft(
        question_id=row.question_id,
        course=row.course,
        question=row.question,
        answer=row.answer,
        started_at=in_utc(row.started_at),
        saved_at=in_utc(row.saved_at),
    )
