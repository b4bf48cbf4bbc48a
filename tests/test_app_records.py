"""A student's own records through the application layer (what the JSON API serves): their
profile, an answer submitted and marked, their attempts, the next card and its rating, their
progress; each only theirs, and only their classes' courses, with NotFound otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import InputError, NotFound
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

#: Sam, Ana, and the slugs of the seed course (Sam's class's) and the example course.
Students = tuple[Pastpaper, Pastpaper, str, str]

GOOD = (
    "Khrushchev wanted to secure his own position against rivals such as Beria and Malenkov. "
    "Stalin's terror had been unacceptable, so the cult of personality was attacked in the "
    "Secret Speech of 1956. He also wanted to improve relations with the West."
)


@pytest.fixture
def bank(tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Pastpaper]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = Store.open(tmp_path / "bank.db")
    app = Pastpaper(store, None, Settings(db=str(tmp_path / "bank.db")), lambda: NOW)
    app.import_file(seed_path)
    app.import_examples()
    yield app
    store.close()


@pytest.fixture
def students(bank: Pastpaper) -> Students:
    """Sam, in a class with the seed course only, and Ana in no class; the two slugs."""
    people = bank.store.people
    seed, example = (c.slug for c in bank.courses())
    people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    history = people.add_class("ms.reed", "11B", now=NOW)
    people.assign_course(history.id, seed)
    people.set_class_exam_date(history.id, date(2027, 5, 20))
    sam = bank.acting_for(people.add_user("sam", "Sam Okafor", "student", now=NOW))
    people.enrol("sam", history.id, now=NOW)
    ana = bank.acting_for(people.add_user("ana", "Ana", "student", now=NOW))
    return sam, ana, seed, example


def test_the_profile_has_the_exam_date_of_the_class(students: Students) -> None:
    sam, ana, *_ = students
    me = sam.profile()
    assert (me.login, me.role, me.exam_date, me.days_to_exam) == (
        "sam",
        "student",
        date(2027, 5, 20),
        171,
    )
    assert ana.profile().exam_date is None


def test_an_answer_is_kept_marked_and_only_its_writer_sees_it(students: Students) -> None:
    sam, ana, seed, example = students
    question = next(q for q in sam.questions(course=seed) if q.marks)
    done = sam.submit_attempt(question.id, GOOD)
    assert done.marking.max_marks == question.marks
    assert done.seconds_allowed == question.marks * 60  # a minute a mark, by default
    assert done.seconds_taken == 0 and done.due > NOW
    [kept] = sam.attempts()
    assert (kept.id, kept.answer, kept.mark) == (done.attempt_id, GOOD, done.marking.mark)
    assert sam.attempt(done.attempt_id).marking is not None
    assert sam.attempts(seed) == [kept] and sam.attempts(example) == []
    assert ana.attempts() == []
    with pytest.raises(NotFound):
        ana.attempt(done.attempt_id)
    with pytest.raises(NotFound):
        sam.attempt(done.attempt_id + 1)


def test_a_question_of_a_course_not_theirs_cannot_be_answered(students: Students) -> None:
    sam, ana, _, example = students
    hidden = sam.acting_for(sam.store.people.user("ms.reed")).questions(course=example)[0]
    for student in (sam, ana):
        with pytest.raises(NotFound):
            student.submit_attempt(hidden.id, GOOD)
        with pytest.raises(NotFound):
            student.practise(hidden.id, GOOD, started=NOW, seconds=60)
    assert sam.attempts() == [] and ana.attempts() == []


def test_an_answer_must_say_something_and_start_in_the_past(students: Students) -> None:
    sam, _, seed, _ = students
    question = sam.questions(course=seed)[0]
    with pytest.raises(InputError):
        sam.submit_attempt(question.id, "   ")
    with pytest.raises(InputError):
        sam.submit_attempt(question.id, GOOD, started=NOW + timedelta(minutes=5))
    with pytest.raises(InputError):
        sam.submit_attempt(question.id, GOOD, seconds=0)
    assert sam.attempts() == []


def test_an_unknown_course_is_not_found_without_naming_the_others(students: Students) -> None:
    sam, _, _, example = students
    for ref in ("no-such-course", example):
        with pytest.raises(NotFound) as refused:
            sam.questions(course=ref)
        assert example not in str(refused.value) or ref == example
        assert "the courses are" not in str(refused.value)


def test_review_gives_only_cards_of_their_courses_and_keeps_the_rating(students: Students) -> None:
    sam, ana, seed, example = students
    teacher = sam.acting_for(sam.store.people.user("ms.reed"))
    seed_id = sam.store.course_id(seed)
    card = sam.next_card()
    assert card is not None and card.stored.course_id == seed_id
    rated = sam.rate_card(card.id, 3)
    assert rated.due > NOW and sam.card(card.id).due == rated.due
    assert sam.next_card() is not None and sam.next_card().id != card.id  # type: ignore[union-attr]
    assert ana.next_card() is None  # in no class: nothing to review
    hidden = teacher.cards(example)[0]
    for student in (sam, ana):
        with pytest.raises(NotFound):
            student.card(hidden.id)
        with pytest.raises(NotFound):
            student.rate_card(hidden.id, 3)
        with pytest.raises(NotFound):
            student.next_card(example)
    with pytest.raises(InputError):
        sam.rate_card(card.id, 5)
    assert sam.store.memory.reviews(ana.user.id) == []
    assert len(sam.store.memory.reviews(sam.user.id)) == 1


def test_progress_shows_only_their_courses(students: Students) -> None:
    sam, ana, seed, example = students
    assert {row.course for row in sam.progress()} == {seed}
    assert ana.progress() == []
    with pytest.raises(NotFound):
        sam.progress(example)


def test_a_students_cards_and_review_sessions_hold_only_their_courses(students: Students) -> None:
    sam, ana, seed, example = students
    seed_id = sam.store.course_id(seed)
    assert sam.cards() and {c.stored.course_id for c in sam.cards()} == {seed_id}
    session = sam.review_cards(limit=1000)
    assert session and {c.stored.course_id for c in session} == {seed_id}
    assert ana.cards() == [] and ana.review_cards() == []
    with pytest.raises(NotFound):
        sam.cards(example)
    with pytest.raises(NotFound):
        sam.review_cards(example)
    teacher = sam.acting_for(sam.store.people.user("ms.reed"))
    assert {c.stored.course_id for c in teacher.review_cards(limit=1000)} > {seed_id}
