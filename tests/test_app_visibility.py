"""Who sees which courses, through the application layer: a student only their classes'
courses and those courses' questions; a teacher or an admin every course."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import NotFound
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def bank(tmp_path: Path, seed_path: Path) -> Pastpaper:
    store = Store.open(tmp_path / "bank.db")
    app = Pastpaper(store, None, Settings(db=str(tmp_path / "bank.db")), lambda: NOW)
    app.import_file(seed_path)
    app.import_examples()
    return app


def test_a_student_sees_only_the_courses_of_their_classes(bank: Pastpaper) -> None:
    people = bank.store.people
    everything = [c.slug for c in bank.courses()]
    assert len(everything) == 2  # the local user is an admin: every course
    seed, example = everything
    people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    sam = people.add_user("sam", "Sam Okafor", "student", now=NOW)
    history = people.add_class("ms.reed", "11B", now=NOW)
    people.enrol("sam", history.id, now=NOW)
    student = bank.acting_for(sam)
    assert student.courses() == []
    assert student.questions() == []
    people.assign_course(history.id, seed)
    assert [c.slug for c in student.courses()] == [seed]
    asked = student.questions()
    assert asked and {q.course for q in asked} == {seed}
    assert student.question(asked[0].id).question.course == seed

    hidden = bank.questions(course=example)[0].id
    with pytest.raises(NotFound):
        student.question(hidden)
    with pytest.raises(NotFound):
        student.questions(course=example)
    with pytest.raises(NotFound):
        student.course_summary(example)
    teacher = bank.acting_for(people.user("ms.reed"))
    assert [c.slug for c in teacher.courses()] == everything
