"""Bulk-marking jobs, through the store and the application layer: every row of a class's
CSV is stored before marking, a faulty one with its reason; the mark book is the command
line's for the same file; a job a stopped server left half done is finished where it
stopped; a class's attempts get their marks; a job is its owner's (and an admin's)."""

from __future__ import annotations

import csv
import io
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.app.bank import mark_csv, scheme_of
from pastpaper.errors import Forbidden, InputError, NotFound
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.store.jobs import Result

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def bank(store: Store, seed_path: Path) -> Pastpaper:
    app = Pastpaper(store, None, Settings(), lambda: NOW)
    people = store.people
    people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    people.add_user("mr.khan", "Mr Khan", "teacher", now=NOW)
    people.add_user("sam", "Sam Okafor", "student", now=NOW)
    app.import_file(seed_path)
    return app


def as_user(bank: Pastpaper, login: str) -> Pastpaper:
    return bank.acting_for(bank.store.people.user(login))


def class_csv(bank: Pastpaper) -> bytes:
    """Answers to two of the seed's questions, and rows of every kind that cannot be marked."""
    first, second = (q.id for q in bank.questions()[:2])
    lines = [
        "student;question;answer;set",
        f"A1;{first};Khrushchev wanted the Virgin Lands to grow grain and feed the towns.;11B",
        f'A2;{second};"He said so; and it was ""bold"" in 1957, naming the sovnarkhozy.";11B',
        f"A3;{first};;11B",  # an empty answer
        "A4;99999;Something about maize.;11B",  # no such question
        "A5;two;Something about maize.;11B",  # not a question number
        f'A6;{first};"Left open and never closed;11B',  # a quote left open
        f"A7;{first};Too;many;fields here;11B",
        f"A8;{second};Regional economic councils replaced the ministries in 1957.;11B",
    ]
    return ("\n".join(lines) + "\n").encode()


def test_every_row_is_stored_before_marking_and_a_faulty_one_keeps_its_reason(
    bank: Pastpaper,
) -> None:
    reed = as_user(bank, "ms.reed")
    job = reed.start_csv_job(class_csv(bank), "11B.csv")
    assert (job.status, job.total, job.kind, job.owner) == ("queued", 8, "csv", "ms.reed")
    rows = bank.store.jobs.rows(job.id)
    assert [r.student for r in rows] == [f"A{n}" for n in range(1, 9)]
    assert rows[1].fields[2] == 'He said so; and it was "bold" in 1957, naming the sovnarkhozy.'
    assert rows[6].fields[2:] == ("Too", "many;fields here;11B")  # the extra fields kept
    # Found on reading, before any marking: the reasons are stored at once.
    assert rows[2].error == "empty answer"
    assert rows[5].error is not None and rows[5].error.startswith("unclosed quote")
    assert rows[6].error is not None and rows[6].error.startswith("too many fields")
    assert [r.row for r in bank.store.jobs.pending(job.id)] == [2, 3, 5, 6, 9]

    reed.run_job(job.id)
    done = reed.job(job.id)
    assert (done.status, done.done, done.total) == ("done", 8, 8)
    book = reed.mark_book(job.id)
    assert len(book.rows) == 8 and book.marked == 3
    by_student = {row.student: row for row in book.rows}
    assert by_student["A4"].reason.startswith("no question 99999")
    assert by_student["A5"].reason == "'two' is not a question id (see pastpaper questions)"
    assert all(by_student[s].mark is not None for s in ("A1", "A2", "A8"))
    assert all(row.mark is not None or row.reason for row in book.rows)


def test_the_mark_book_is_the_command_lines_for_the_same_file(
    bank: Pastpaper, tmp_path: Path
) -> None:
    data = class_csv(bank)
    source, target = tmp_path / "11B.csv", tmp_path / "book.csv"
    source.write_bytes(data)
    mark_csv(bank.store, bank.marker, source, target)
    reed = as_user(bank, "ms.reed")
    job = reed.start_csv_job(data, "11B.csv")
    reed.run_job(job.id)
    assert reed.mark_book_csv(job.id).encode("utf-8") == target.read_bytes()


def test_a_mark_book_sorts_by_a_column_either_way(bank: Pastpaper) -> None:
    reed = as_user(bank, "ms.reed")
    job = reed.start_csv_job(class_csv(bank), "11B.csv")
    reed.run_job(job.id)
    by_mark = reed.mark_book(job.id, "mark", descending=True).rows
    marks = [row.mark for row in by_mark if row.mark is not None]
    assert marks == sorted(marks, reverse=True) and len(marks) == 3
    assert all(row.mark is None for row in by_mark[3:])  # unmarked at the bottom
    assert reed.mark_book(job.id, "student", True).rows[0].student == "A8"
    assert [r.line for r in reed.mark_book(job.id).rows] == sorted(r.line for r in by_mark)
    with pytest.raises(InputError, match="sorts by line, student"):
        reed.mark_book(job.id, "answer")


def test_a_job_left_half_done_by_a_stopped_server_is_finished_where_it_stopped(
    bank: Pastpaper, tmp_path: Path
) -> None:
    reed = as_user(bank, "ms.reed")
    data = class_csv(bank)
    job = reed.start_csv_job(data, "11B.csv")
    jobs = bank.store.jobs
    # The server marked the first row, then stopped mid-job.
    jobs.start(job.id, NOW)
    first = jobs.pending(job.id)[0]
    marking = bank.marker.mark(first.answer, scheme_of(bank.store, int(first.fields[1])))
    jobs.record(
        job.id,
        [Result(first.row, marking.mark, marking.max_marks, marking.model_dump_json())],
    )
    assert (reed.job(job.id).status, reed.job(job.id).done) == ("running", 4)
    # The next server's start takes it up; here, the worker's function runs it.
    assert jobs.unfinished() == [job.id]
    bank.run_job(job.id)
    assert jobs.unfinished() == []
    finished = reed.job(job.id)
    assert (finished.status, finished.done, finished.started_at) == ("done", 8, NOW)
    source, target = tmp_path / "11B.csv", tmp_path / "book.csv"
    source.write_bytes(data)
    mark_csv(bank.store, bank.marker, source, target)
    assert reed.mark_book_csv(job.id).encode("utf-8") == target.read_bytes()


def test_starting_the_worker_takes_up_the_jobs_a_stopped_server_left(bank: Pastpaper) -> None:
    reed = as_user(bank, "ms.reed")
    queued = reed.start_csv_job(class_csv(bank), "queued.csv")
    running = reed.start_csv_job(class_csv(bank), "running.csv")
    bank.store.jobs.start(running.id, NOW)  # the server stopped while marking it
    assert bank.start_jobs() == 2
    try:
        deadline = time.monotonic() + 300
        while {reed.job(j).status for j in (queued.id, running.id)} != {"done"}:
            assert time.monotonic() < deadline, [reed.job(j) for j in (queued.id, running.id)]
            time.sleep(0.1)
        # A job started now (by a request after the start) goes to the running worker.
        later = as_user(bank, "ms.reed").start_csv_job(class_csv(bank), "later.csv")
        while reed.job(later.id).status != "done":
            assert time.monotonic() < deadline, reed.job(later.id)
            time.sleep(0.1)
    finally:
        bank.stop_jobs()
    assert reed.mark_book_csv(queued.id) == reed.mark_book_csv(later.id)
    assert reed.job(running.id).done == 8


def test_a_job_whose_marking_fails_is_marked_failed_with_its_rows_kept(
    bank: Pastpaper,
) -> None:
    reed = as_user(bank, "ms.reed")
    job = reed.start_csv_job(class_csv(bank), "11B.csv")
    # A marker that breaks: the worker stores the fault, not a traceback, and every row stays.
    broken = Pastpaper(bank.store, object(), Settings(), lambda: NOW)  # type: ignore[arg-type]
    broken.run_job(job.id)
    failed = reed.job(job.id)
    assert failed.status == "failed" and failed.error
    assert failed.finished_at == NOW
    rows = bank.store.jobs.rows(job.id)
    assert len(rows) == 8 and rows[2].error == "empty answer"
    assert bank.store.jobs.unfinished() == []


def unmarked_attempt(bank: Pastpaper, login: str, question_id: int, answer: str) -> int:
    """An attempt kept as submitted, not yet marked (as a server that stopped leaves one)."""
    user = bank.store.people.user(login)
    return bank.store.memory.start_attempt(
        user.id,
        question_id=question_id,
        course="c",
        topic="t",
        question="q",
        answer=answer,
        started_at=NOW,
        submitted_at=NOW,
        seconds_allowed=600,
    )


def test_a_classs_unmarked_attempts_are_marked_and_keep_their_marks(bank: Pastpaper) -> None:
    people = bank.store.people
    school_class = people.add_class("ms.reed", "11B", now=NOW)
    people.enrol("sam", school_class.id, now=NOW)
    people.add_user("ann", "Ann Lee", "student", now=NOW)  # in no class of Ms Reed's
    question = bank.questions()[0].id
    answer = "Khrushchev wanted the Virgin Lands to grow grain and feed the towns."
    sams = unmarked_attempt(bank, "sam", question, answer)
    blank = unmarked_attempt(bank, "sam", question, "   ")
    anns = unmarked_attempt(bank, "ann", question, answer)
    reed = as_user(bank, "ms.reed")
    job = reed.start_attempts_job(school_class.id, question)
    assert (job.kind, job.total, job.class_id) == ("attempts", 2, school_class.id)
    reed.run_job(job.id)
    book = reed.mark_book(job.id)
    assert [(r.attempt_id, r.student) for r in book.rows] == [(sams, "sam"), (blank, "sam")]
    assert book.rows[1].reason == "empty answer"
    answers = {a.attempt_id: a for a in bank.store.answers.for_question(question)}
    assert answers[sams].mark == book.rows[0].mark is not None
    marking = answers[sams].marking
    assert marking is not None and marking["mark"] == answers[sams].mark
    assert answers[anns].mark is None  # not Ms Reed's student
    # Nothing is left unmarked now but the blank answer, which the marker never marks.
    again = reed.start_attempts_job(school_class.id, question)
    assert again.total == 1
    reed.run_job(again.id)
    assert reed.job(again.id).status == "done"
    every = reed.start_attempts_job(school_class.id, question, every=True)
    assert every.total == 2


def test_only_a_classs_teacher_marks_its_attempts_and_none_when_there_are_none(
    bank: Pastpaper,
) -> None:
    people = bank.store.people
    school_class = people.add_class("ms.reed", "11B", now=NOW)
    question = bank.questions()[0].id
    with pytest.raises(Forbidden, match="does not teach 11B"):
        as_user(bank, "mr.khan").start_attempts_job(school_class.id, question)
    with pytest.raises(InputError, match="11B has no unmarked attempts at question"):
        as_user(bank, "ms.reed").start_attempts_job(school_class.id, question)


def test_a_job_is_its_owners_and_an_admins_and_never_a_students(bank: Pastpaper) -> None:
    reed, khan, sam = (as_user(bank, login) for login in ("ms.reed", "mr.khan", "sam"))
    job = reed.start_csv_job(class_csv(bank), "11B.csv")
    reed.run_job(job.id)
    assert [j.id for j in reed.jobs()] == [job.id]
    assert khan.jobs() == []
    for look in (khan.job, khan.mark_book, khan.mark_book_csv):
        with pytest.raises(NotFound, match=f"no job {job.id} among yours"):
            look(job.id)
    assert bank.job(job.id).owner == "ms.reed"  # the local user is an admin
    assert [j.id for j in bank.jobs()] == [job.id]
    for asked in (sam.jobs, lambda: sam.job(job.id), lambda: sam.start_csv_job(b"x", "x")):
        with pytest.raises(Forbidden, match="bulk marking is for teachers"):
            asked()
    assert len(bank.store.jobs.listed()) == 1  # the student started nothing


def test_a_file_that_is_not_answers_is_refused_and_nothing_is_stored(bank: Pastpaper) -> None:
    reed = as_user(bank, "ms.reed")
    with pytest.raises(InputError, match="student, question and answer"):
        reed.start_csv_job(b"name,mark\nA1,3\n", "marks.csv")
    with pytest.raises(InputError, match="no answers under it"):
        reed.start_csv_job(b"student,question,answer\n", "empty.csv")
    assert bank.store.jobs.listed() == []


def test_the_job_rows_are_the_rows_as_written(bank: Pastpaper) -> None:
    reed = as_user(bank, "ms.reed")
    job = reed.start_csv_job(class_csv(bank), "11B.csv")
    expected = list(csv.reader(io.StringIO(class_csv(bank).decode()), delimiter=";"))[1:3]
    stored = [list(r.fields) for r in bank.store.jobs.rows(job.id)[:2]]
    assert stored == expected
    assert json.loads(json.dumps(stored)) == expected
