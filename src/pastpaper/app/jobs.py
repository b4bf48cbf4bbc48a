"""Bulk marking in the background: a class's CSV of answers (the columns ``pastpaper mark
--csv`` reads), or a class's attempts at a question, marked by a job that a teacher can leave
and come back to, ending in the same mark book the command line writes.

Every row is stored before marking starts (``store.jobs``), a faulty one with its reason;
the worker marks the rest a batch at a time and stores each batch as it is marked, so the
job's page shows how far it has got and a server that stops loses nothing: on starting
again it takes up the jobs left queued or running (``start_jobs``) and marks the rows not
yet marked.

One worker thread a server marks the jobs one at a time, in the order they came. A large
job is marked by worker processes of lower priority (one a core, each with the model loaded
once), so the server's own process keeps answering pages while it runs; a small one is
marked in the worker thread, as starting processes would cost more than it saves.

A job is its owner's: only they and an admin see it; a student starts none.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from pastpaper.app.bank import scheme_of
from pastpaper.app.people import Accounts
from pastpaper.errors import Forbidden, InputError, NotFound, NothingToMark
from pastpaper.marking.bulk import WORKERS_FROM, Item, Outcome, mark_chunk
from pastpaper.marking.markbook import (
    AnswerSheet,
    Row,
    mark_book_text,
    outcome_of,
    read_mark_book,
    scheme_or_reason,
)
from pastpaper.marking.markbook import Outcome as BookOutcome
from pastpaper.marking.result import Marking
from pastpaper.model import Frozen
from pastpaper.store.jobs import Job, NewRow, Result, StoredRow

if TYPE_CHECKING:
    from pastpaper.marking import Marker
    from pastpaper.marking.calibration import Calibration
    from pastpaper.schemes.scheme import MarkScheme

__all__ = ["SORTS", "BulkMarking", "JobQueue", "JobView", "MarkBook", "MarkBookRow"]

#: Rows marked and stored together: the progress bar moves, and a stop loses, this many; in
#: worker processes more, as answers encoded together are encoded faster.
BATCH = 25
BATCH_IN_PROCESSES = 100
#: The columns a mark book may be sorted by.
SORTS = ("line", "student", "question", "mark", "reason")
#: The columns of a job made of a class's attempts (its mark book has these, as a CSV's).
ATTEMPT_HEADER = ("student", "question", "answer")


class JobView(Frozen):
    """A bulk-marking job as its owner sees it."""

    id: int
    kind: Literal["csv", "attempts"]
    name: str
    owner: str
    status: Literal["queued", "running", "done", "failed"]
    total: int
    done: int
    error: str | None
    question_id: int | None
    class_id: int | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def percent(self) -> int:
        """How much of the job is done, in whole percent (an empty job is all done)."""
        return 100 if self.total == 0 else self.done * 100 // self.total

    @property
    def over(self) -> bool:
        """Whether the job will do no more: done, or failed."""
        return self.status in ("done", "failed")


class MarkBookRow(Frozen):
    """One row of a mark book: the row as given and what marking it gave."""

    line: int
    values: tuple[str, ...]
    student: str
    question: str
    answer: str
    attempt_id: int | None
    mark: int | None
    max_marks: int | None
    credited: str
    feedback: str
    reason: str


class MarkBook(Frozen):
    """A job's mark book: its columns as given, and its rows in the order asked for."""

    job: JobView
    header: tuple[str, ...]
    sort: str
    descending: bool
    rows: tuple[MarkBookRow, ...]

    @property
    def marked(self) -> int:
        return sum(1 for row in self.rows if row.mark is not None)


class JobQueue:
    """One worker thread that runs the jobs it is given one at a time, in order."""

    def __init__(self, run: Callable[[int], None]):
        self._run = run
        self._waiting: queue.Queue[int | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="pastpaper-jobs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def put(self, job_id: int) -> None:
        self._waiting.put(job_id)

    def stop(self, wait: float = 5.0) -> None:
        """Stop after the job being marked (a job cut short is taken up at the next start)."""
        self._waiting.put(None)
        self._thread.join(timeout=wait)

    def _work(self) -> None:
        while (job_id := self._waiting.get()) is not None:
            try:
                self._run(job_id)  # a fault in marking is stored as the job's failure
            except Exception:  # the database itself failed: the job stays unfinished,
                continue  # to be taken up at the next start; the next job is tried


class BulkMarking(Accounts):
    """Start bulk-marking jobs, follow them, read their mark books; the worker that runs them."""

    _job_queue: JobQueue | None = None

    # -- starting -----------------------------------------------------------------------

    def start_csv_job(self, data: bytes, name: str, delimiter: str | None = None) -> JobView:
        """Queue a job marking a class's answers read from the bytes of a CSV file; every
        row is stored at once, a faulty one with its reason. InputError (nothing stored)
        when the file cannot be read as answers at all."""
        self._require_teacher()
        sheet, _ = read_mark_book(data, name, delimiter)
        if not sheet.rows:
            raise InputError("the file has a header but no answers under it", name)
        rows = [
            NewRow(
                row=row.line,
                fields=row.values,
                student=row.student,
                answer=row.answer,
                error=row.problem or None,
            )
            for row in sheet.rows
        ]
        layout = {
            "header": list(sheet.header),
            "delimiter": sheet.delimiter,
            "byte_order_mark": sheet.byte_order_mark,
        }
        job = self.store.jobs.create(self.user.id, "csv", name, rows, sheet=layout, now=self.now())
        return self._queued(job)

    def start_attempts_job(
        self, class_ref: int | str, question_id: int, *, every: bool = False
    ) -> JobView:
        """Queue a job marking the class's students' attempts at the question: those not
        yet marked, or ``every`` one. The class must be the user's (or the user an admin)."""
        school_class = self.taught_class(class_ref, "mark the answers of")
        self.visible_question(question_id)
        students = [user.id for user in self.class_detail(school_class.id).students]
        attempts = [
            a
            for a in self.store.answers.for_question(question_id, user_ids=students)
            if every or a.mark is None
        ]
        which = "attempts" if every else "unmarked attempts"
        if not attempts:
            raise InputError(
                f"{school_class.name} has no {which} at question {question_id} to mark"
            )
        rows = [
            NewRow(
                row=n,
                fields=(a.login, str(question_id), a.answer),
                student=a.login,
                answer=a.answer,
                question_id=question_id,
                attempt_id=a.attempt_id,
                error=None if a.answer.strip() else "empty answer",
            )
            for n, a in enumerate(attempts, start=1)
        ]
        layout = {"header": list(ATTEMPT_HEADER), "delimiter": ",", "byte_order_mark": False}
        job = self.store.jobs.create(
            self.user.id,
            "attempts",
            f"{school_class.name}: {which} at question {question_id}",
            rows,
            sheet=layout,
            now=self.now(),
            question_id=question_id,
            class_id=school_class.id,
        )
        return self._queued(job)

    # -- reading ------------------------------------------------------------------------

    def jobs(self) -> list[JobView]:
        """The user's jobs (an admin: everybody's), newest first."""
        self._require_teacher()
        owner = None if self.user.role == "admin" else self.user.id
        return [_view(job) for job in self.store.jobs.listed(owner)]

    def job(self, job_id: int) -> JobView:
        """One of the user's jobs (an admin: anybody's); another's is NotFound."""
        return _view(self._own_job(job_id))

    def mark_book(self, job_id: int, sort: str = "line", descending: bool = False) -> MarkBook:
        """The job's mark book, sorted by one of ``SORTS`` (rows not yet marked are blank)."""
        if sort not in SORTS:
            raise InputError(f"a mark book sorts by {', '.join(SORTS)}; not by {sort!r}")
        job = self._own_job(job_id)
        rows = [_book_row(row, job) for row in self.store.jobs.rows(job_id)]
        rows.sort(key=lambda r: _sort_key(r, "line"))
        rows.sort(key=lambda r: _sort_key(r, sort), reverse=descending)
        if sort == "mark":  # rows without a mark stay at the bottom either way
            rows.sort(key=lambda r: r.mark is None)
        return MarkBook(
            job=_view(job), header=_header(job), sort=sort, descending=descending, rows=tuple(rows)
        )

    def mark_book_csv(self, job_id: int) -> str:
        """The job's mark book as ``pastpaper mark --csv`` writes it for the same file."""
        job = self._own_job(job_id)
        stored = self.store.jobs.rows(job_id)
        rows = tuple(
            Row(
                r.row,
                r.fields,
                r.student,
                r.fields[_column(job, "question")],
                r.answer,
                r.error or "",
            )
            for r in stored
        )
        sheet = AnswerSheet(
            job.name,
            _header(job),
            str(job.sheet.get("delimiter", ",")),
            rows,
            bool(job.sheet.get("byte_order_mark", False)),
        )
        return mark_book_text(sheet, [_book_outcome(r) for r in stored])

    # -- the worker ---------------------------------------------------------------------

    def start_jobs(self) -> int:
        """Start the worker thread, and queue again the jobs a stopped server left queued or
        running; how many were taken up. The layers made by ``acting_for`` from this one
        afterwards (a server's, one a request) send it the jobs they start."""
        if self._job_queue is None:
            self._job_queue = JobQueue(self.run_job)
            self._job_queue.start()
        left = self.store.jobs.unfinished()
        for job_id in left:
            self._job_queue.put(job_id)
        return len(left)

    def stop_jobs(self) -> None:
        """Stop the worker thread after the job it is marking."""
        if self._job_queue is not None:
            self._job_queue.stop()
            self._job_queue = None

    def run_job(self, job_id: int) -> None:
        """Mark the job's rows not yet marked, storing each batch as it is marked, and end
        it done; a fault ends it failed with why, its rows kept as far as they got. For the
        worker: no user is asked about (the job's owner was, when it was started)."""
        jobs = self.store.jobs
        job = jobs.get(job_id)
        if job.status in ("done", "failed"):
            return
        jobs.start(job_id, self.now())
        try:
            owner = self.acting_for(self.store.people.user_by_id(job.owner_id))
            pending = jobs.pending(job_id)
            items, unmarkable = owner._markable(job, pending)
            if unmarkable:
                jobs.record(job_id, unmarkable)
            for results in self._marked(items):
                jobs.record(job_id, results)
        except Exception as error:  # any fault ends the job, its rows kept
            jobs.finish(job_id, "failed", now=self.now(), error=_said(error))
            return
        jobs.finish(job_id, "done", now=self.now())

    # -- helpers ------------------------------------------------------------------------

    def _require_teacher(self) -> None:
        if self.user.role not in ("teacher", "admin"):
            raise Forbidden("bulk marking is for teachers")

    def _own_job(self, job_id: int) -> Job:
        self._require_teacher()
        try:
            job = self.store.jobs.get(job_id)
        except NotFound:
            job = None
        if job is None or (self.user.role != "admin" and job.owner_id != self.user.id):
            raise NotFound(f"no job {job_id} among yours")
        return job

    def _queued(self, job: Job) -> JobView:
        if self._job_queue is not None:
            self._job_queue.put(job.id)
        return _view(job)

    def _markable(
        self, job: Job, pending: Sequence[StoredRow]
    ) -> tuple[list[tuple[int, Item]], list[Result]]:
        """The pending rows that can be marked, with their schemes (a question the owner
        may see), and the reason for each that cannot, as the command line gives it."""
        schemes: dict[int, MarkScheme | str] = {}
        question = _column(job, "question")
        items: list[tuple[int, Item]] = []
        unmarkable: list[Result] = []
        for stored in pending:
            row = Row(stored.row, stored.fields, stored.student, stored.fields[question], "")
            found = scheme_or_reason(row, schemes, self._visible_scheme)
            if isinstance(found, str):
                unmarkable.append(Result(row=stored.row, error=found))
            else:
                items.append((stored.row, (stored.answer, found)))
        return items, unmarkable

    def _visible_scheme(self, question_id: int) -> MarkScheme:
        """The question's scheme; NotFound, as the command line says it, for a question not
        in the bank, and for one of a course the user may not see."""
        scheme = scheme_of(self.store, question_id)
        self.visible_question(question_id)
        return scheme

    def _marked(self, items: Sequence[tuple[int, Item]]) -> Iterator[list[Result]]:
        """Each batch of the items marked, as the rows' results, in order."""
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        apart = len(items) >= WORKERS_FROM and cores > 1
        size = BATCH_IN_PROCESSES if apart else BATCH
        batches = [list(items[at : at + size]) for at in range(0, len(items), size)]
        if apart:
            marked = _in_processes([[i for _, i in b] for b in batches], self.marker, cores)
        else:
            marked = (self.marker.mark_many([i for _, i in b]) for b in batches)
        for batch, outcomes in zip(batches, marked, strict=True):
            yield [_result(n, o) for (n, _), o in zip(batch, outcomes, strict=True)]


def _in_processes(
    batches: list[list[Item]], marker: Marker, workers: int
) -> Iterator[list[Outcome]]:
    """Each batch's outcomes, in order, marked by ``workers`` processes started afresh
    ('spawn': forking a process that runs the model's threads is not safe)."""
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("spawn"),
        initializer=_start_process,
        initargs=(marker.calibration,),
    )
    with pool:
        yield from pool.map(_mark_in_process, batches)


_PROCESS_MARKER: Marker | None = None


def _start_process(calibration: Calibration) -> None:
    """Load a worker process's model once, with one thread, at a lower priority than the
    server's, so that pages are answered first."""
    from pastpaper.marking import Marker
    from pastpaper.marking.embed import Embedder

    global _PROCESS_MARKER
    os.nice(10)
    _PROCESS_MARKER = Marker(Embedder(threads=1), calibration)


def _mark_in_process(batch: list[Item]) -> list[Outcome]:
    if _PROCESS_MARKER is None:
        raise RuntimeError("a bulk marking process was not started")
    return mark_chunk(batch, _PROCESS_MARKER)


def _result(row: int, outcome: Outcome) -> Result:
    if isinstance(outcome, NothingToMark):
        return Result(row=row, error=str(outcome))
    return Result(
        row=row, mark=outcome.mark, max_marks=outcome.max_marks, marking=outcome.model_dump_json()
    )


def _said(error: Exception) -> str:
    return str(error) or type(error).__name__


def _view(job: Job) -> JobView:
    return JobView(
        id=job.id,
        kind=job.kind,  # type: ignore[arg-type]
        name=job.name,
        owner=job.owner,
        status=job.status,  # type: ignore[arg-type]
        total=job.total,
        done=job.done,
        error=job.error,
        question_id=job.question_id,
        class_id=job.class_id,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


def _header(job: Job) -> tuple[str, ...]:
    return tuple(job.sheet.get("header") or ATTEMPT_HEADER)


def _column(job: Job, name: str) -> int:
    """Where the column ``name`` (student, question, answer) is in the job's rows."""
    return [h.strip().lower() for h in _header(job)].index(name)


def _book_outcome(row: StoredRow) -> BookOutcome:
    """What the mark book says of a stored row: as the command line says it."""
    if row.marking is not None:
        return outcome_of(Marking.model_validate(row.marking))
    return BookOutcome(reason=row.error or "")


def _book_row(row: StoredRow, job: Job) -> MarkBookRow:
    outcome = _book_outcome(row)
    return MarkBookRow(
        line=row.row,
        values=row.fields,
        student=row.student,
        question=row.fields[_column(job, "question")],
        answer=row.answer,
        attempt_id=row.attempt_id,
        mark=row.mark,
        max_marks=row.max_marks,
        credited=outcome.credited,
        feedback=outcome.feedback,
        reason=outcome.reason,
    )


def _sort_key(row: MarkBookRow, sort: str) -> tuple[int, str | int]:
    if sort == "line":
        return (0, row.line)
    if sort == "mark":
        return (0, -1 if row.mark is None else row.mark)
    if sort == "question":
        text = row.question.strip()
        return (0, int(text)) if text.isascii() and text.isdigit() else (1, text.casefold())
    return (0, getattr(row, sort).casefold())
