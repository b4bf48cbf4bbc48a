"""Teaching, through the store and the application layer: who owns a course and who may
change it, every version of a question's scheme edits, and a rejected phrasing that keeps
an answer from a point it would otherwise earn."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.app.base import installed_marker
from pastpaper.course import SchemeEdit
from pastpaper.errors import Forbidden, NotFound
from pastpaper.ingest import read_notes
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def bank(store: Store, seed_path: Path) -> Pastpaper:
    app = Pastpaper(store, None, Settings(), lambda: NOW)
    people = store.people
    people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    people.add_user("mr.khan", "Mr Khan", "teacher", now=NOW)
    people.add_user("sam", "Sam Okafor", "student", now=NOW)
    app.import_file(seed_path)  # the installation's course: no owner
    return app


def test_a_teacher_sees_the_installations_courses_their_own_and_their_classes(
    bank: Pastpaper, seed_path: Path
) -> None:
    store, people = bank.store, bank.store.people
    reed, khan = people.user("ms.reed"), people.user("mr.khan")
    course = read_notes(seed_path).course
    theirs = store.save_course(course, source="upload:mr.khan", owner_id=khan.id, now=NOW)
    [shared] = [c.slug for c in store.courses() if c.owner_id is None]
    assert store.teaching.owner(theirs.course_id) == khan.id
    assert bank.acting_for(reed).visible_courses() == {shared}
    assert bank.acting_for(khan).visible_courses() == {shared, theirs.slug}
    assert bank.visible_courses() is None  # the local user is an admin
    # A course assigned to a class the teacher teaches is theirs to see too.
    school_class = people.add_class("ms.reed", "11B", now=NOW)
    people.assign_course(school_class.id, theirs.slug)
    assert bank.acting_for(reed).visible_courses() == {shared, theirs.slug}


def test_only_the_owner_or_an_admin_may_change_a_course(bank: Pastpaper, seed_path: Path) -> None:
    store, people = bank.store, bank.store.people
    khan = people.user("mr.khan")
    course = read_notes(seed_path).course
    theirs = store.save_course(course, source="upload:mr.khan", owner_id=khan.id, now=NOW)
    [shared] = [c.slug for c in store.courses() if c.owner_id is None]
    assert bank.acting_for(khan).require_changeable(theirs.slug).id == theirs.course_id
    assert bank.require_changeable(theirs.slug).slug == theirs.slug  # an admin
    with pytest.raises(Forbidden, match="installation's course"):
        bank.acting_for(khan).require_changeable(shared)
    with pytest.raises(NotFound):  # not even seen
        bank.acting_for(people.user("ms.reed")).require_changeable(theirs.slug)
    with pytest.raises(NotFound):
        bank.acting_for(people.user("sam")).require_changeable(shared)
    # Saved again from the same upload, the course keeps its owner.
    again = store.save_course(course, source="upload:mr.khan", now=NOW)
    assert again.course_id == theirs.course_id
    assert store.teaching.owner(theirs.course_id) == khan.id


def test_every_scheme_edit_is_a_version_and_the_first_keeps_what_it_replaced(
    bank: Pastpaper,
) -> None:
    store = bank.store
    question = next(q for q in store.questions() if q.marks)
    more = (question.marks or 0) + 1
    teaching = store.teaching
    assert teaching.scheme_versions(question.id) == []
    first = SchemeEdit(marks=more)
    made = teaching.set_scheme(
        question.id, first, author_id=store.people.local().id, reason="one more mark", now=NOW
    )
    assert (made.version, made.edit, made.author, made.reason) == (
        1,
        first,
        "local",
        "one more mark",
    )
    later = NOW + timedelta(minutes=5)
    assert bank.scheme(question.id).scheme.max_marks == more
    dropped = bank.scheme(question.id).scheme.creditable[0].point.id
    second = SchemeEdit(marks=more, drop=(dropped,))
    teaching.set_scheme(question.id, second, author_id=None, reason="drop a point", now=later)
    teaching.set_scheme(question.id, None, author_id=None, reason="undo", now=later)
    versions = teaching.scheme_versions(question.id)
    assert [(v.version, v.edit, v.reason) for v in versions] == [
        (0, None, "as imported"),
        (1, first, "one more mark"),
        (2, second, "drop a point"),
        (3, None, "undo"),
    ]
    assert bank.scheme(question.id).scheme.max_marks == question.marks
    with pytest.raises(NotFound):
        teaching.set_scheme(999_999, None, author_id=None, reason="none", now=NOW)


def test_a_rejected_phrasing_keeps_an_answer_from_the_point_it_would_earn(
    bank: Pastpaper,
) -> None:
    store = bank.store
    marker = installed_marker()
    question = next(q for q in store.questions() if q.marks)
    scheme = bank.scheme(question.id).scheme
    top = scheme.creditable[0]
    answer = top.point.text
    before = marker.mark(answer, scheme)
    assert top.point.id in {c.point_id for c in before.credited}
    edit = SchemeEdit(reject={top.point.id: (answer,)})
    store.teaching.set_scheme(question.id, edit, author_id=None, reason="too vague", now=NOW)
    rejected = bank.scheme(question.id).scheme
    assert rejected.creditable[0].reject == (answer,)
    after = marker.mark(answer, rejected)
    assert top.point.id not in {c.point_id for c in after.credited}
    # Another point's wording is not refused for that point.
    other = scheme.creditable[1]
    assert other.point.id in {c.point_id for c in marker.mark(other.point.text, rejected).credited}
