"""Teaching: who owns each course, and every version of a question's mark scheme
(migration 0006's ``course_owners`` and ``scheme_versions``).

A teacher's scheme edit is written to the question (where marking reads it, and where the
course file exported from the store finds it) and kept as a new version beside the ones
before it, so a mark can be read against the scheme it was given under and an edit undone.
The first edit of a question keeps what it replaced as version 0.

    teaching = store.teaching
    teaching.set_scheme(question_id, edit, author_id=user.id, reason="accept a phrasing", now=now)
    teaching.scheme_versions(question_id)      # oldest first
    teaching.set_owner(course_id, user.id)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from pastpaper.course import SchemeEdit
from pastpaper.errors import InputError, NotFound
from pastpaper.store.guard import reported
from pastpaper.store.tables import (
    ATTEMPTS,
    COURSE_OWNERS,
    COURSES,
    QUESTIONS,
    SCHEME_VERSIONS,
    USERS,
    in_utc,
)
from pastpaper.store.transactions import writing

__all__ = ["SchemeVersion", "Teaching"]


@dataclass(frozen=True)
class SchemeVersion:
    """One version of a question's scheme edits: None when there were none."""

    version: int
    edit: SchemeEdit | None
    author: str | None  # the login of who made it; None for the notes as imported
    reason: str
    created_at: datetime


class Teaching:
    """Course owners and scheme versions, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def owner(self, course_id: int) -> int | None:
        """The id of the user who owns the course; None for the installation's courses."""
        with self.engine.connect() as conn:
            if conn.scalar(select(COURSES.c.id).where(COURSES.c.id == course_id)) is None:
                raise NotFound(f"no course with id {course_id}")
            owner: int | None = conn.scalar(
                select(COURSE_OWNERS.c.owner_id).where(COURSE_OWNERS.c.course_id == course_id)
            )
        return owner

    @reported
    def owned_by(self, owner_id: int) -> set[int]:
        """The ids of the courses the user owns."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(COURSE_OWNERS.c.course_id).where(COURSE_OWNERS.c.owner_id == owner_id)
            ).all()
        return {row.course_id for row in rows}

    @reported
    def set_owner(self, course_id: int, owner_id: int | None) -> None:
        """Make ``owner_id`` (None: the installation) the course's owner."""
        with writing(self.engine) as conn:
            if conn.scalar(select(COURSES.c.id).where(COURSES.c.id == course_id)) is None:
                raise NotFound(f"no course with id {course_id}")
            conn.execute(delete(COURSE_OWNERS).where(COURSE_OWNERS.c.course_id == course_id))
            if owner_id is not None:
                conn.execute(insert(COURSE_OWNERS).values(course_id=course_id, owner_id=owner_id))

    @reported
    def set_scheme(
        self,
        question_id: int,
        edit: SchemeEdit | None,
        *,
        author_id: int | None,
        reason: str,
        now: datetime,
        check_newest: bool = False,
        newest: int | None = None,
        marks: Sequence[tuple[int, int, int, str]] = (),
    ) -> SchemeVersion:
        """Make ``edit`` the question's scheme edits (None: none, the scheme as the notes
        give it) and keep it as the question's next version; the new version. With
        ``check_newest``, only if ``newest`` is still the question's newest version (None:
        it has none), else InputError and nothing written. ``marks``, the answers re-marked
        under the edit (attempt id, mark, max marks, the Marking as JSON), are written in
        the same transaction, so the scheme and the marks given under it never disagree."""
        with writing(self.engine) as conn:
            current = conn.execute(
                select(QUESTIONS.c.scheme).where(QUESTIONS.c.id == question_id)
            ).one_or_none()
            if current is None:
                raise NotFound(f"no question with id {question_id}")
            latest = _newest(conn, question_id)
            if check_newest and latest != newest:
                raise InputError(
                    f"the scheme changed since this dry run (it is now version {latest}): "
                    "open the editor and make the change again"
                )
            if latest is None:
                conn.execute(
                    insert(SCHEME_VERSIONS).values(
                        question_id=question_id,
                        version=0,
                        scheme=current.scheme,
                        author_id=None,
                        reason="as imported",
                        created_at=now,
                    )
                )
                latest = 0
            text = edit.model_dump_json(exclude_defaults=True) if edit is not None else None
            conn.execute(update(QUESTIONS).where(QUESTIONS.c.id == question_id).values(scheme=text))
            conn.execute(
                insert(SCHEME_VERSIONS).values(
                    question_id=question_id,
                    version=latest + 1,
                    scheme=text,
                    author_id=author_id,
                    reason=reason,
                    created_at=now,
                )
            )
            for attempt_id, mark, max_marks, marking in marks:
                conn.execute(
                    update(ATTEMPTS)
                    .where(ATTEMPTS.c.id == attempt_id)
                    .values(mark=mark, max_marks=max_marks, marking=marking)
                )
        return self.scheme_versions(question_id)[-1]

    @reported
    def scheme_versions(self, question_id: int) -> list[SchemeVersion]:
        """The question's scheme versions, oldest first; none before its first edit here."""
        query = (
            select(SCHEME_VERSIONS, USERS.c.login)
            .outerjoin(USERS, USERS.c.id == SCHEME_VERSIONS.c.author_id)
            .where(SCHEME_VERSIONS.c.question_id == question_id)
            .order_by(SCHEME_VERSIONS.c.version)
        )
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [
            SchemeVersion(
                version=row.version,
                edit=SchemeEdit.model_validate_json(row.scheme) if row.scheme else None,
                author=row.login,
                reason=row.reason,
                created_at=in_utc(row.created_at),
            )
            for row in rows
        ]


def _newest(conn: Connection, question_id: int) -> int | None:
    newest: int | None = conn.scalar(
        select(func.max(SCHEME_VERSIONS.c.version)).where(
            SCHEME_VERSIONS.c.question_id == question_id
        )
    )
    return newest
