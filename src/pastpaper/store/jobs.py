"""Bulk-marking jobs (migration 0006's ``jobs`` and ``job_rows``): a class's answers marked in
the background, every row stored before marking starts, so that none is ever lost.

A job is queued with all its rows in one transaction; the worker marks them a batch at a
time, storing each batch's marks (and the attempts' marks, for a class's attempts) with the
job's count of rows done in one transaction, so a job stopped half way keeps what it did.
A row is done once it has a mark or the reason it has none.

    jobs = store.jobs
    job = jobs.create(owner_id, "csv", "class.csv", rows, sheet=sheet, now=now)
    jobs.pending(job.id)                    # the rows not yet marked, in file order
    jobs.record(job.id, [Result(row=2, mark=3, max_marks=4, marking="{...}")])
    jobs.finish(job.id, "done", now=now)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, insert, select, update

from pastpaper.errors import NotFound
from pastpaper.store.guard import reported
from pastpaper.store.tables import ATTEMPTS, JOB_ROWS, JOBS, USERS, in_utc
from pastpaper.store.transactions import writing

__all__ = ["Job", "Jobs", "NewRow", "Result", "StoredRow"]

#: A job's states: waiting its turn, being marked, every row done, or stopped by a fault.
STATUSES = ("queued", "running", "done", "failed")


@dataclass(frozen=True)
class Job:
    """A bulk-marking job: whose, what it marks, and how far it has got."""

    id: int
    owner_id: int
    owner: str  # the owner's login
    kind: str  # "csv" or "attempts"
    name: str
    question_id: int | None
    class_id: int | None
    status: str
    total: int
    done: int
    error: str | None
    sheet: dict[str, Any]  # header, delimiter, byte_order_mark
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


@dataclass(frozen=True)
class NewRow:
    """A row to store with a new job: its line in the file, its fields as given, and the
    reason it cannot be marked, when that is known before marking (a faulty record)."""

    row: int
    fields: tuple[str, ...]
    student: str
    answer: str
    question_id: int | None = None
    attempt_id: int | None = None
    error: str | None = None


@dataclass(frozen=True)
class StoredRow:
    """A row of a job as stored, marked or not."""

    row: int
    fields: tuple[str, ...]
    student: str
    question_id: int | None
    attempt_id: int | None
    answer: str
    mark: int | None
    max_marks: int | None
    marking: dict[str, Any] | None
    error: str | None

    @property
    def finished(self) -> bool:
        """Marked, or given the reason it was not."""
        return self.mark is not None or self.error is not None


@dataclass(frozen=True)
class Result:
    """What marking a row gave: a mark with its Marking as JSON, or the reason for none."""

    row: int
    mark: int | None = None
    max_marks: int | None = None
    marking: str | None = None
    error: str | None = None


class Jobs:
    """Bulk-marking jobs and their rows, in one database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @reported
    def create(
        self,
        owner_id: int,
        kind: str,
        name: str,
        rows: Sequence[NewRow],
        *,
        sheet: dict[str, Any],
        now: datetime,
        question_id: int | None = None,
        class_id: int | None = None,
    ) -> Job:
        """A queued job holding every row, all stored in one transaction."""
        done = sum(1 for row in rows if row.error is not None)
        with writing(self.engine) as conn:
            job_id = conn.execute(
                insert(JOBS)
                .values(
                    owner_id=owner_id,
                    kind=kind,
                    name=name,
                    question_id=question_id,
                    class_id=class_id,
                    status="queued",
                    total=len(rows),
                    done=done,
                    sheet=json.dumps(sheet),
                    created_at=now,
                )
                .returning(JOBS.c.id)
            ).scalar_one()
            if rows:
                conn.execute(
                    insert(JOB_ROWS),
                    [
                        {
                            "job_id": job_id,
                            "row": row.row,
                            "fields": json.dumps(list(row.fields), ensure_ascii=False),
                            "student": row.student,
                            "question_id": row.question_id,
                            "attempt_id": row.attempt_id,
                            "answer": row.answer,
                            "error": row.error,
                        }
                        for row in rows
                    ],
                )
        return self.get(job_id)

    @reported
    def get(self, job_id: int) -> Job:
        """The job; NotFound if there is none of that id."""
        with self.engine.connect() as conn:
            row = conn.execute(_jobs().where(JOBS.c.id == job_id)).one_or_none()
        if row is None:
            raise NotFound(f"no job {job_id}")
        return _job(row)

    @reported
    def listed(self, owner_id: int | None = None) -> list[Job]:
        """Every job of this owner (of everybody, if None), newest first."""
        query = _jobs().order_by(JOBS.c.id.desc())
        if owner_id is not None:
            query = query.where(JOBS.c.owner_id == owner_id)
        with self.engine.connect() as conn:
            return [_job(row) for row in conn.execute(query)]

    @reported
    def rows(self, job_id: int) -> list[StoredRow]:
        """Every row of the job, in the order of the file."""
        query = select(JOB_ROWS).where(JOB_ROWS.c.job_id == job_id).order_by(JOB_ROWS.c.row)
        with self.engine.connect() as conn:
            return [_stored(row) for row in conn.execute(query)]

    def pending(self, job_id: int) -> list[StoredRow]:
        """The job's rows not yet marked, in the order of the file."""
        return [row for row in self.rows(job_id) if not row.finished]

    @reported
    def unfinished(self) -> list[int]:
        """The jobs queued or left running (by a server that stopped), oldest first."""
        query = (
            select(JOBS.c.id).where(JOBS.c.status.in_(("queued", "running"))).order_by(JOBS.c.id)
        )
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    @reported
    def start(self, job_id: int, now: datetime) -> None:
        """The job is being marked (again, after a restart: its first start is kept)."""
        with writing(self.engine) as conn:
            conn.execute(
                update(JOBS)
                .where(JOBS.c.id == job_id)
                .values(status="running", started_at=func.coalesce(JOBS.c.started_at, now))
            )

    @reported
    def record(self, job_id: int, results: Sequence[Result]) -> None:
        """Store what marking these rows gave, and the job's count of rows done, in one
        transaction; a row that is an attempt's gives the attempt its mark too."""
        with writing(self.engine) as conn:
            attempts = dict(
                conn.execute(
                    select(JOB_ROWS.c.row, JOB_ROWS.c.attempt_id).where(
                        JOB_ROWS.c.job_id == job_id,
                        JOB_ROWS.c.row.in_([r.row for r in results]),
                        JOB_ROWS.c.attempt_id.is_not(None),
                    )
                ).all()
            )
            for result in results:
                values = {
                    "mark": result.mark,
                    "max_marks": result.max_marks,
                    "marking": result.marking,
                    "error": result.error,
                }
                conn.execute(
                    update(JOB_ROWS)
                    .where(JOB_ROWS.c.job_id == job_id, JOB_ROWS.c.row == result.row)
                    .values(**values)
                )
                attempt = attempts.get(result.row)
                if attempt is not None and result.mark is not None:
                    conn.execute(
                        update(ATTEMPTS)
                        .where(ATTEMPTS.c.id == attempt)
                        .values(
                            mark=result.mark, max_marks=result.max_marks, marking=result.marking
                        )
                    )
            finished = (
                select(func.count())
                .select_from(JOB_ROWS)
                .where(
                    JOB_ROWS.c.job_id == job_id,
                    (JOB_ROWS.c.mark.is_not(None)) | (JOB_ROWS.c.error.is_not(None)),
                )
                .scalar_subquery()
            )
            conn.execute(update(JOBS).where(JOBS.c.id == job_id).values(done=finished))

    @reported
    def finish(self, job_id: int, status: str, *, now: datetime, error: str | None = None) -> None:
        """The job is over: "done", or "failed" with why (its rows stay as they are)."""
        if status not in ("done", "failed"):
            raise ValueError(f"a job finishes done or failed, not {status!r}")
        with writing(self.engine) as conn:
            conn.execute(
                update(JOBS)
                .where(JOBS.c.id == job_id)
                .values(status=status, error=error, finished_at=now)
            )


def _jobs() -> Any:
    return select(JOBS, USERS.c.login).join(USERS, USERS.c.id == JOBS.c.owner_id)


def _job(row: Any) -> Job:
    return Job(
        id=row.id,
        owner_id=row.owner_id,
        owner=row.login,
        kind=row.kind,
        name=row.name,
        question_id=row.question_id,
        class_id=row.class_id,
        status=row.status,
        total=row.total,
        done=row.done,
        error=row.error,
        sheet=dict(json.loads(row.sheet)) if row.sheet else {},
        created_at=in_utc(row.created_at),
        started_at=None if row.started_at is None else in_utc(row.started_at),
        finished_at=None if row.finished_at is None else in_utc(row.finished_at),
    )


def _stored(row: Any) -> StoredRow:
    return StoredRow(
        row=row.row,
        fields=tuple(json.loads(row.fields)),
        student=row.student,
        question_id=row.question_id,
        attempt_id=row.attempt_id,
        answer=row.answer,
        mark=row.mark,
        max_marks=row.max_marks,
        marking=None if row.marking is None else dict(json.loads(row.marking)),
        error=row.error,
    )
