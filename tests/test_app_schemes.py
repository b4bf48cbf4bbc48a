"""The scheme editor's layer: each change a teacher makes gives the expected ``SchemeEdit``
and scheme; an applied edit is the same edit the course file holds (out to a course file
and into a fresh store, and back); going back to an earlier version is a version too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from pastpaper.app import Pastpaper
from pastpaper.app.schemes import SchemeChange, change_from_form, edited, pending_edit
from pastpaper.course import SchemeEdit, TeacherPoint
from pastpaper.errors import Forbidden, InputError, NotFound
from pastpaper.ingest import read_notes
from pastpaper.schemes.points import teacher_point_id
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def change(action: str, **fields: object) -> SchemeChange:
    return SchemeChange.model_validate({"action": action, **fields})


@pytest.fixture
def owned(store: Store, seed_path: Path) -> tuple[Pastpaper, int]:
    """Ms Reed owns a copy of the seed course; Sam, in her class, answered its 1962
    "Describe ..." question with the wording of its first point."""
    app = Pastpaper(store, None, Settings(), lambda: NOW)
    people = store.people
    reed = people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    people.add_user("mr.khan", "Mr Khan", "teacher", now=NOW)
    sam = people.add_user("sam", "Sam Okafor", "student", now=NOW)
    course = read_notes(seed_path).course
    saved = store.save_course(course, source="upload:ms.reed", owner_id=reed.id, now=NOW)
    school_class = people.add_class("ms.reed", "11B", now=NOW)
    people.assign_course(school_class.id, saved.slug)
    people.enrol("sam", school_class.id, now=NOW)
    question = next(q for q in store.questions() if q.marks and q.command_word == "describe")
    as_reed = app.acting_for(reed)
    top = as_reed.scheme(question.id).scheme.creditable[0].point.text
    app.acting_for(sam).submit_answer(question.id, top)
    return as_reed, question.id


def test_each_change_builds_the_next_edit_from_the_current_one() -> None:
    dropped = edited(None, change("drop", point="p1"))
    assert dropped == SchemeEdit(drop=("p1",))
    assert edited(dropped, change("restore", point="p1")) is None  # nothing left edited
    required = edited(dropped, change("require", point="p2"))
    assert required == SchemeEdit(drop=("p1",), required=("p2",))
    # Requiring a dropped point puts it back; dropping a required one unrequires it.
    assert edited(required, change("require", point="p1")) == SchemeEdit(required=("p2", "p1"))
    assert edited(required, change("drop", point="p2")) == SchemeEdit(drop=("p1", "p2"))
    assert edited(required, change("unrequire", point="p2")) == dropped
    accepted = edited(None, change("accept", point="p3", text="  ploughed  the steppe "))
    assert accepted == SchemeEdit(accept={"p3": ("ploughed the steppe",)})
    twice = edited(accepted, change("accept", point="p3", text="ploughed the steppe"))
    assert twice == accepted  # the same phrasing once
    assert edited(accepted, change("reject", point="p3", text="farming")) == SchemeEdit(
        accept={"p3": ("ploughed the steppe",)}, reject={"p3": ("farming",)}
    )
    assert edited(None, change("marks", marks=8)) == SchemeEdit(marks=8)
    assert edited(SchemeEdit(marks=8, drop=("p1",)), change("marks")) == dropped


def test_a_teachers_own_point_keeps_its_phrasings_and_goes_when_dropped() -> None:
    own = edited(None, change("add", text="Maize was planted", kind="reason", accept=("corn",)))
    assert own == SchemeEdit(
        add=(TeacherPoint(text="Maize was planted", kind="reason", accept=("corn",)),)
    )
    point_id = teacher_point_id(own.add[0])
    more = edited(own, change("accept", point=point_id, text="maize campaign"))
    assert more is not None and more.add[0].accept == ("corn", "maize campaign")
    assert more.accept == {}  # kept with the point, as the course file writes it
    required = edited(more, change("require", point=point_id))
    assert edited(required, change("drop", point=point_id)) is None
    with pytest.raises(InputError, match="already has your point"):
        edited(own, change("add", text="Maize  was planted"))


def test_a_change_missing_what_it_needs_says_so() -> None:
    with pytest.raises(InputError, match="write the phrasing to accept"):
        edited(None, change("accept", point="p1", text="   "))
    with pytest.raises(InputError, match=r"say which point the change is for \(drop a point\)"):
        edited(None, change("drop"))
    with pytest.raises(InputError, match="write the point"):
        edited(None, change("add", text=" "))


def test_the_editors_form_is_read_into_a_change_or_told_what_is_wrong() -> None:
    read = change_from_form(
        {"action": "add", "text": "Maize", "kind": "reason", "accept": "corn\n\n maize \n"}
    )
    assert read == change("add", text="Maize", kind="reason", accept=("corn", "maize"))
    assert change_from_form({"action": "marks", "marks": " "}) == change("marks")
    assert change_from_form({"action": "version", "version": "0"}).version == 0
    with pytest.raises(InputError, match="marks: give a whole number from 1 to 100"):
        change_from_form({"action": "marks", "marks": "six"})
    with pytest.raises(InputError, match="the kind must be one of"):
        change_from_form({"action": "add", "text": "x", "kind": "opinion"})
    with pytest.raises(InputError, match="is not a change"):
        change_from_form({"action": "delete everything"})
    assert pending_edit("null") is None
    assert pending_edit('{"drop": ["p1"]}') == SchemeEdit(drop=("p1",))
    with pytest.raises(InputError, match="not one: marks"):
        pending_edit('{"marks": 0}')


def test_a_dry_run_then_apply_gives_the_scheme_the_change_describes(
    owned: tuple[Pastpaper, int],
) -> None:
    app, question_id = owned
    before = app.scheme_page(question_id)
    assert before.changeable and before.edit is None and before.based_on is None
    top = before.scheme.creditable[0]
    dry = app.scheme_dry_run(question_id, change("drop", point=top.point.id))
    assert dry.edit == SchemeEdit(drop=(top.point.id,))
    assert dry.said == f"Drop the point “{top.point.text}”."
    assert top.point.id not in {p.point.id for p in dry.scheme.points}
    [lost] = dry.remarking.changes
    assert lost.login == "sam" and top.point.text in lost.lost
    assert app.scheme_page(question_id).edit is None  # nothing written yet
    applied = app.apply_pending_edit(question_id, dry.edit, "too general", based_on=None)
    assert applied.version == 1
    page = app.scheme_page(question_id)
    assert page.edit == dry.edit and page.based_on == 1
    assert (top.point.id, "dropped by the teacher") in [(x.point.id, x.why) for x in page.left_out]
    assert [(v.version, v.author, v.reason) for v in page.versions] == [
        (0, None, "as imported"),
        (1, "ms.reed", "too general"),
    ]
    # The same dry run applied again is refused: the scheme moved on since.
    with pytest.raises(InputError, match="changed since this dry run"):
        app.apply_pending_edit(question_id, dry.edit, "again", based_on=None)


def test_an_edit_from_a_form_is_checked_again_before_it_is_applied(
    owned: tuple[Pastpaper, int],
) -> None:
    app, question_id = owned
    with pytest.raises(InputError, match="does not have: p000000"):
        app.apply_pending_edit(question_id, SchemeEdit(drop=("p000000",)), "x", based_on=None)
    with pytest.raises(InputError, match="has no point 'p000000'"):
        app.scheme_dry_run(question_id, change("require", point="p000000"))
    assert app.scheme_page(question_id).versions == ()


def test_the_edit_is_the_one_the_course_file_holds_both_ways(
    owned: tuple[Pastpaper, int], tmp_path: Path
) -> None:
    app, question_id = owned
    scheme = app.scheme(question_id).scheme
    first, second = scheme.creditable[0].point.id, scheme.creditable[1].point.id
    edit = None
    for made in (
        change("drop", point=first),
        change("require", point=second),
        change("accept", point=second, text="the steppe was ploughed"),
        change("reject", point=second, text="farming changed"),
        change("add", text="Maize was planted across Ukraine", kind="feature", accept=("corn",)),
        change("marks", marks=7),
    ):
        edit = edited(edit, made)
    slug = app.store.question(question_id).question.course
    app.apply_pending_edit(question_id, edit, "the department's scheme", based_on=None)
    text = app.export_course(slug)
    # Into a fresh store: the same edit and the same scheme.
    with Store.open(str(tmp_path / "fresh.db")) as fresh:
        other = Pastpaper(fresh, None, Settings(), lambda: NOW)
        path = tmp_path / "course.yaml"
        path.write_text(text, encoding="utf-8")
        other.import_file(path)
        [same] = [
            q for q in fresh.questions() if q.text == app.scheme_page(question_id).question.text
        ]
        page = other.scheme_page(same.id)
        assert page.edit == edit
        assert page.scheme == app.scheme(question_id).scheme
    # And the other way: a scheme edit a teacher writes in a course file shows in the editor.
    data = yaml.safe_load(text)
    [written] = [
        question
        for topic in data["topics"]
        for family in topic["families"]
        for question in family["questions"]
        if "scheme" in question
    ]
    written["scheme"] = {"drop": [second], "marks": 5}
    path = tmp_path / "written.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with Store.open(str(tmp_path / "third.db")) as third:
        other = Pastpaper(third, None, Settings(), lambda: NOW)
        other.import_file(path)
        [same] = [q for q in third.questions() if q.text == written["text"]]
        page = other.scheme_page(same.id)
        assert page.edit == SchemeEdit(drop=(second,), marks=5)
        assert page.scheme.max_marks == 5
        assert (second, "dropped by the teacher") in [(x.point.id, x.why) for x in page.left_out]


def test_going_back_to_a_version_is_a_new_version(owned: tuple[Pastpaper, int]) -> None:
    app, question_id = owned
    top = app.scheme(question_id).scheme.creditable[0].point.id
    dry = app.scheme_dry_run(question_id, change("drop", point=top))
    app.apply_pending_edit(question_id, dry.edit, "too general", based_on=None)
    marks = app.scheme_dry_run(question_id, change("marks", marks=9))
    assert marks.edit == SchemeEdit(drop=(top,), marks=9)
    app.apply_pending_edit(question_id, marks.edit, "nine marks", based_on=1)
    back = app.scheme_dry_run(question_id, change("version", version=0))
    assert back.edit is None and back.said == "Go back to version 0."
    [regained] = back.remarking.changes
    assert regained.login == "sam" and regained.gained
    applied = app.apply_pending_edit(question_id, back.edit, "back as imported", based_on=2)
    assert applied.version == 3
    page = app.scheme_page(question_id)
    assert page.edit is None
    assert [(v.version, v.edit, v.reason) for v in page.versions][-1] == (
        3,
        None,
        "back as imported",
    )
    with pytest.raises(InputError, match="no version 7"):
        app.scheme_dry_run(question_id, change("version", version=7))


def test_who_may_read_and_who_may_change_a_scheme(owned: tuple[Pastpaper, int]) -> None:
    app, question_id = owned
    people = app.store.people
    khan, sam = app.acting_for(people.user("mr.khan")), app.acting_for(people.user("sam"))
    with pytest.raises(Forbidden):
        sam.scheme_page(question_id)
    with pytest.raises(NotFound):  # another teacher's course, not given to his classes
        khan.scheme_page(question_id)
    with pytest.raises(NotFound):
        khan.scheme_dry_run(question_id, change("marks", marks=3))
    # Given to a class of his, he reads it but may not change it.
    mine = people.add_class("mr.khan", "12A", now=NOW)
    people.assign_course(mine.id, app.store.question(question_id).question.course)
    assert khan.scheme_page(question_id).changeable is False
    with pytest.raises(Forbidden):
        khan.scheme_dry_run(question_id, change("marks", marks=3))
    with pytest.raises(Forbidden):
        khan.apply_pending_edit(question_id, None, "x", based_on=None)
