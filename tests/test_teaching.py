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
from pastpaper.errors import Forbidden, InputError, NotFound
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


@pytest.fixture
def class_answers(bank: Pastpaper) -> tuple[Pastpaper, int, dict[str, int]]:
    """Two students of Ms Reed's class have answered one seed question: one answer earns
    the scheme's first point, the other is beside the point."""
    store, people = bank.store, bank.store.people
    people.add_user("ana", "Ana Silva", "student", now=NOW)
    school_class = people.add_class("ms.reed", "11B", now=NOW)
    [shared] = [c.slug for c in store.courses()]
    people.assign_course(school_class.id, shared)
    for login in ("sam", "ana"):
        people.enrol(login, school_class.id, now=NOW)
    # 1962's "Describe ..." (6): its first point's wording earns two of its points.
    question = next(q for q in store.questions() if q.marks and q.command_word == "describe")
    top = bank.scheme(question.id).scheme.creditable[0].point.text
    attempts = {
        login: bank.acting_for(people.user(login)).submit_answer(question.id, text).attempt_id
        for login, text in (("sam", top), ("ana", "The weather in Moscow was cold."))
    }
    return bank, question.id, attempts


def test_a_dry_run_lists_the_answers_an_edit_would_change_and_writes_nothing(
    class_answers: tuple[Pastpaper, int, dict[str, int]],
) -> None:
    bank, question_id, attempts = class_answers
    scheme = bank.scheme(question_id).scheme
    top = scheme.creditable[0]
    before = {a.login: a.mark for a in bank.store.answers.for_question(question_id)}
    assert before["sam"] and before["sam"] > 0
    edit = SchemeEdit(drop=(top.point.id,))
    preview = bank.remark_preview(question_id, edit)
    assert preview.version is None and preview.answers == 2
    [change] = preview.changes
    assert (change.login, change.attempt_id, change.old_mark) == (
        "sam",
        attempts["sam"],
        before["sam"],
    )
    assert change.new_mark < before["sam"]
    assert top.point.text in change.lost
    # Nothing was written: the scheme and the marks are as they were.
    assert bank.store.teaching.scheme_versions(question_id) == []
    assert {a.login: a.mark for a in bank.store.answers.for_question(question_id)} == before
    # Applied, the marks change as the dry run said, and the edit is version 1.
    applied = bank.apply_scheme_edit(question_id, edit, "the point is too general")
    assert applied.version == 1 and applied.changes == preview.changes
    after = {a.login: a.mark for a in bank.store.answers.for_question(question_id)}
    assert after == {"sam": change.new_mark, "ana": before["ana"]}
    assert [v.reason for v in bank.scheme_versions(question_id)] == [
        "as imported",
        "the point is too general",
    ]


def test_only_the_courses_owner_or_an_admin_may_edit_its_schemes(
    class_answers: tuple[Pastpaper, int, dict[str, int]],
) -> None:
    bank, question_id, _ = class_answers
    people = bank.store.people
    with pytest.raises(Forbidden):  # the installation's course: only an admin
        bank.acting_for(people.user("ms.reed")).remark_preview(question_id, None)
    with pytest.raises(Forbidden):  # a student of a class studying it
        bank.acting_for(people.user("sam")).remark_preview(question_id, None)
    with pytest.raises(Forbidden):
        bank.acting_for(people.user("sam")).scheme_versions(question_id)
    course_id = bank.store.courses()[0].id
    bank.store.teaching.set_owner(course_id, people.user("ms.reed").id)
    assert bank.acting_for(people.user("ms.reed")).remark_preview(question_id, None).changes == ()
    with pytest.raises(InputError, match="say why"):
        bank.apply_scheme_edit(question_id, None, "  ")


def test_a_moderated_mark_stands_and_keeps_the_machines(
    class_answers: tuple[Pastpaper, int, dict[str, int]],
) -> None:
    bank, question_id, attempts = class_answers
    answers = bank.store.answers
    reed = bank.store.people.user("ms.reed")
    ana = next(a for a in answers.for_question(question_id) if a.login == "ana")
    answers.moderate([ana.attempt_id], mark=2, reason="a fair point", moderator_id=reed.id, now=NOW)
    later = NOW + timedelta(hours=1)
    answers.moderate(
        [ana.attempt_id], mark=1, reason="on reflection", moderator_id=reed.id, now=later
    )
    ana = next(a for a in answers.for_question(question_id) if a.login == "ana")
    assert ana.final == 1 and ana.moderation is not None
    assert (ana.moderation.machine_mark, ana.moderation.moderator) == (ana.mark, "ms.reed")
    assert [m.reason for m in answers.moderations(ana.attempt_id)] == [
        "a fair point",
        "on reflection",
    ]
    with pytest.raises(NotFound):
        answers.moderate(
            [ana.attempt_id, 999_999], mark=0, reason="x", moderator_id=reed.id, now=NOW
        )
    assert len(answers.moderations(ana.attempt_id)) == 2  # nothing half-written
    assert attempts["ana"] == ana.attempt_id


def test_an_edit_made_against_an_older_version_is_refused_as_it_is_written(
    class_answers: tuple[Pastpaper, int, dict[str, int]],
) -> None:
    """Two teachers' dry runs of one scheme: the first applied, the second (made against
    the version before) is refused when written, and neither its version nor its marks
    are kept."""
    bank, question_id, _ = class_answers
    top = bank.scheme(question_id).scheme.creditable[0].point.id
    bank.apply_scheme_edit(question_id, SchemeEdit(marks=7), "seven marks")
    before = {a.login: a.mark for a in bank.store.answers.for_question(question_id)}
    with pytest.raises(InputError, match="changed since this dry run"):
        bank.apply_scheme_edit(
            question_id, SchemeEdit(drop=(top,)), "drop it", check_newest=True, newest=None
        )
    assert [v.reason for v in bank.scheme_versions(question_id)] == ["as imported", "seven marks"]
    assert {a.login: a.mark for a in bank.store.answers.for_question(question_id)} == before
    applied = bank.apply_scheme_edit(
        question_id, SchemeEdit(drop=(top,)), "drop it", check_newest=True, newest=1
    )
    assert applied.version == 2
