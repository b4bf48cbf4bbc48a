"""Practising in the web app, through the application layer: drafts kept while a student
types (one a question, on SQLite and PostgreSQL), an answer submitted and marked with its
draft removed, the feedback on an attempt, and nobody else's attempts or classes seen."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import InputError, NotFound
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
GOOD = (
    "In his Secret Speech of 1956 Khrushchev denounced Stalin's cult of personality and his "
    "purges. Millions of political prisoners were released from the Gulag labour camps. "
    "Stalin's body was removed from Lenin's mausoleum and places named after Stalin were "
    "renamed. There was a cultural thaw with more freedom for writers."
)


@pytest.fixture
def bank(store: Store, seed_path: Path) -> Pastpaper:
    app = Pastpaper(store, None, Settings(db="unused.db"), lambda: NOW)
    app.import_file(seed_path)
    app.import_examples()
    return app


def student_of(bank: Pastpaper, login: str, course: str | None) -> Pastpaper:
    """A student in a class of their own, given ``course`` (or none)."""
    people = bank.store.people
    if login + "-teacher" not in {u.login for u in people.users()}:
        people.add_user(login + "-teacher", "Teacher", "teacher", now=NOW)
    user = people.add_user(login, login.title(), "student", now=NOW)
    group = people.add_class(login + "-teacher", f"class of {login}", now=NOW)
    people.enrol(login, group.id, now=NOW)
    if course is not None:
        people.assign_course(group.id, course)
    return bank.acting_for(user)


def seed_slug(bank: Pastpaper) -> str:
    return next(c.slug for c in bank.courses() if "khrushchev" in c.slug)


def test_a_draft_is_kept_replaced_and_read_back(bank: Pastpaper) -> None:
    sam = student_of(bank, "sam", seed_slug(bank))
    question = sam.questions()[0]
    assert sam.draft(question.id) is None
    begun = NOW - timedelta(minutes=3)
    first = sam.save_draft(question.id, "He wanted", begun)
    assert (first.answer, first.started_at, first.saved_at) == ("He wanted", begun, NOW)
    assert (first.course, first.question) == (question.course, question.text)
    later = sam.save_draft(question.id, "He wanted to secure his position", NOW)
    assert later.started_at == begun  # when it was begun does not move
    assert sam.draft(question.id) == later
    assert len(bank.store.drafts.all(sam.user.id)) == 1  # one a user a question


def test_a_start_in_the_future_is_taken_as_now(bank: Pastpaper) -> None:
    sam = student_of(bank, "sam", seed_slug(bank))
    question = sam.questions()[0]
    saved = sam.save_draft(question.id, "x", NOW + timedelta(days=2))
    assert saved.started_at == NOW


def test_drafts_are_each_users_own(bank: Pastpaper) -> None:
    slug = seed_slug(bank)
    sam, ada = student_of(bank, "sam", slug), student_of(bank, "ada", slug)
    question = sam.questions()[0]
    sam.save_draft(question.id, "Sam's words")
    assert ada.draft(question.id) is None
    ada.save_draft(question.id, "Ada's words")
    assert sam.draft(question.id).answer == "Sam's words"  # type: ignore[union-attr]


def test_no_draft_of_another_class_question(bank: Pastpaper) -> None:
    slug = seed_slug(bank)
    sam = student_of(bank, "sam", slug)
    hidden = next(q for q in bank.questions() if q.course != slug)
    with pytest.raises(NotFound):
        sam.save_draft(hidden.id, "anything")
    with pytest.raises(NotFound):
        sam.draft(hidden.id)
    with pytest.raises(NotFound):
        sam.submit_answer(hidden.id, GOOD)
    with pytest.raises(NotFound):
        sam.attempts_at(hidden.id)
    assert bank.store.drafts.all(sam.user.id) == []


def test_a_draft_too_long_is_refused_and_the_old_one_kept(bank: Pastpaper) -> None:
    sam = student_of(bank, "sam", seed_slug(bank))
    sam.settings = Settings(db="unused.db", max_mb=0.001)
    question = sam.questions()[0]
    sam.save_draft(question.id, "short")
    with pytest.raises(InputError):
        sam.save_draft(question.id, "x" * 5000)
    assert sam.draft(question.id).answer == "short"  # type: ignore[union-attr]


def test_submitting_keeps_marks_and_removes_the_draft(bank: Pastpaper) -> None:
    sam = student_of(bank, "sam", seed_slug(bank))
    question = sam.questions()[0]
    sam.save_draft(question.id, GOOD, NOW - timedelta(minutes=5))
    done = sam.submit_answer(question.id, GOOD, NOW - timedelta(minutes=5))
    assert sam.draft(question.id) is None
    [attempt] = sam.attempts_at(question.id)
    assert attempt.id == done.attempt_id and attempt.answer == GOOD
    assert attempt.seconds_allowed == sam.suggested_seconds(question)
    assert attempt.started_at == NOW - timedelta(minutes=5)
    feedback = sam.feedback(done.attempt_id)
    assert feedback.marking is not None and feedback.marking.credited
    assert feedback.marking.mark == done.marking.mark == attempt.mark
    assert [p.number for p in feedback.points] == list(range(1, len(feedback.points) + 1))
    credited = {c.point_id for c in feedback.marking.credited}
    assert {p.point_id for p in feedback.points if p.credited} == credited
    assert {p.point_id for p in feedback.missed} >= {m.point_id for m in feedback.marking.missed}
    assert all(p.note for p in feedback.points if p.credited)  # the notes behind each


def test_an_empty_answer_is_refused_and_the_draft_kept(bank: Pastpaper) -> None:
    sam = student_of(bank, "sam", seed_slug(bank))
    question = sam.questions()[0]
    sam.save_draft(question.id, "   ")
    with pytest.raises(InputError):
        sam.submit_answer(question.id, "   ")
    assert sam.draft(question.id) is not None
    assert sam.attempts_at(question.id) == []


def test_an_answer_longer_than_the_marker_reads_is_refused_and_its_draft_kept(
    bank: Pastpaper,
) -> None:
    from pastpaper.marking.claims import MAX_ANSWER_CHARS

    sam = student_of(bank, "sam", seed_slug(bank))
    question = sam.questions()[0]
    endless = ("Khrushchev denounced Stalin in the Secret Speech. " * 500)[: MAX_ANSWER_CHARS + 1]
    sam.save_draft(question.id, endless)
    with pytest.raises(InputError, match="more than the 20,000 an answer may have"):
        sam.submit_answer(question.id, endless)
    with pytest.raises(InputError, match="20,001 characters"):
        sam.submit_attempt(question.id, endless)  # the API's way in too
    assert sam.attempts_at(question.id) == []
    draft = sam.draft(question.id)
    assert draft is not None and draft.answer == endless
    assert sam.practise_page(question.id).max_chars == MAX_ANSWER_CHARS
    assert sam.submit_answer(question.id, endless[:MAX_ANSWER_CHARS]).attempt_id


def test_another_users_attempt_is_not_found(bank: Pastpaper) -> None:
    slug = seed_slug(bank)
    sam, ada = student_of(bank, "sam", slug), student_of(bank, "ada", slug)
    question = sam.questions()[0]
    done = sam.submit_answer(question.id, GOOD)
    with pytest.raises(NotFound):
        ada.feedback(done.attempt_id)
    with pytest.raises(NotFound):
        sam.feedback(done.attempt_id + 1000)
    assert ada.attempts_at(question.id) == []
    assert [a.id for a in sam.attempts_at(question.id)] == [done.attempt_id]


def test_a_draft_outlives_its_question_and_is_removed_once(bank: Pastpaper) -> None:
    slug = seed_slug(bank)
    sam = student_of(bank, "sam", slug)
    question = sam.questions()[0]
    sam.save_draft(question.id, "words kept")
    bank.delete_course(slug)
    [kept] = bank.store.drafts.all(sam.user.id)
    assert (kept.question_id, kept.question, kept.answer) == (None, question.text, "words kept")
    other = student_of(bank, "ada", None)
    assert bank.store.drafts.delete(other.user.id, question.id) is False


def test_deleting_a_draft_says_whether_there_was_one(bank: Pastpaper) -> None:
    sam = student_of(bank, "sam", seed_slug(bank))
    question = sam.questions()[0]
    sam.save_draft(question.id, "x")
    assert bank.store.drafts.delete(sam.user.id, question.id) is True
    assert bank.store.drafts.delete(sam.user.id, question.id) is False
    assert sam.draft(question.id) is None
