"""Moderation through the application layer: a class's answers to one question grouped by
what they say (the real model), a teacher's overrides kept with who and when, the student
seeing the teacher's mark, teaching the scheme from an answer (a dry run, then the marks),
agreement between the machine's marks and the teacher's, and who may do each."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from pastpaper.app import Pastpaper
from pastpaper.errors import Forbidden, InputError, NotFound
from pastpaper.marking.agreement import Judged, disputed, figures
from pastpaper.marking.grouping import group_answers
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

#: Answers to 2000's "Describe the key features of de-Stalinisation." (6), by student.
ANSWERS = {
    "ana": "Khrushchev made the Secret Speech in 1956 and attacked Stalin's terror and his "
    "cult of personality.",
    "ben": "In 1956 he gave a secret speech which condemned Stalin's terror and the "
    "personality cult around him.",
    "cat": "Statues and portraits of Stalin were removed and the history books were rewritten.",
    "dan": "Pictures and statues of Stalin came down, and history books were written again.",
    "eve": "Stalin won the Second World War and made the Soviet Union a superpower.",
    "fay": "stalin won the second world war and made the soviet union a superpower",
}
WAR = "Stalin won the Second World War"


class School:
    """Ms Reed's class 11B studies the seed; six students have answered one question. Mr
    Khan teaches another class. The course is the installation's until a test gives it an
    owner."""

    def __init__(self, store: Store, seed_path: Path) -> None:
        self.app = Pastpaper(store, None, Settings(), lambda: NOW)
        people = store.people
        self.reed = people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
        self.khan = people.add_user("mr.khan", "Mr Khan", "teacher", now=NOW)
        self.app.import_file(seed_path)
        self.course = store.courses()[0]
        self.school_class = people.add_class("ms.reed", "11B", now=NOW)
        people.add_class("mr.khan", "11C", now=NOW)
        people.assign_course(self.school_class.id, self.course.slug)
        self.question = next(
            q for q in store.questions() if q.year == 2000 and q.text.startswith("Describe")
        )
        self.attempts: dict[str, int] = {}
        for login, text in ANSWERS.items():
            people.add_user(login, login.title(), "student", now=NOW)
            people.enrol(login, self.school_class.id, now=NOW)
            student = self.app.acting_for(people.user(login))
            self.attempts[login] = student.submit_answer(self.question.id, text).attempt_id

    def as_(self, login: str) -> Pastpaper:
        return self.app.acting_for(self.app.store.people.user(login))

    def sheet(self, login: str = "ms.reed") -> object:
        return self.as_(login).moderation_sheet(self.school_class.id, self.question.id)


@pytest.fixture
def school(store: Store, seed_path: Path) -> School:
    return School(store, seed_path)


def logins(group: object) -> set[str]:
    return {a.login for a in group.answers}  # type: ignore[attr-defined]


def test_answers_that_say_the_same_fall_together_and_others_apart(school: School) -> None:
    sheet = school.as_("ms.reed").moderation_sheet(school.school_class.id, school.question.id)
    assert sheet.answers == 6 and sheet.class_name == "11B"
    groups = [logins(g) for g in sheet.groups]
    assert {"ana", "ben"} in groups  # the secret speech, in other words
    assert {"cat", "dan"} in groups  # statues down, history rewritten
    assert {"eve", "fay"} in groups  # the same answer, but for case
    assert [len(g) for g in groups] == sorted((len(g) for g in groups), reverse=True)
    speech = next(g for g in sheet.groups if logins(g) == {"ana", "ben"})
    assert {p.point.text for p in speech.points} >= {
        "In that year Khrushchev gave his secret speech to the twentieth party conference"
    }
    for group in sheet.groups:
        for answer in group.answers:
            assert answer.machine_mark is not None and answer.moderated is None
            assert answer.final == answer.machine_mark


def test_each_students_newest_attempt_is_shown_unless_every_attempt_is_asked_for(
    school: School,
) -> None:
    again = "Inmates of the gulags were released and the powers of the KGB were reduced."
    school.as_("eve").submit_answer(school.question.id, again)
    reed = school.as_("ms.reed")
    newest = reed.moderation_sheet(school.school_class.id, school.question.id)
    shown = [a.answer for g in newest.groups for a in g.answers]
    assert newest.answers == 6 and again in shown and ANSWERS["eve"] not in shown
    every = reed.moderation_sheet(school.school_class.id, school.question.id, every_attempt=True)
    shown = [a.answer for g in every.groups for a in g.answers]
    assert every.answers == 7 and again in shown and ANSWERS["eve"] in shown


def test_identical_answers_are_never_split_whatever_the_threshold() -> None:
    import numpy as np

    texts = ["The KGB lost power.", "the kgb lost power", "Gulags closed."]
    # Meanings far apart even for the first two: the normalised text keeps them together.
    meanings = np.eye(3, dtype=np.float32)
    groups = group_answers(texts, meanings, [{"p1"}, {"p2"}, set()], threshold=0.01)
    assert groups == [[0, 1], [2]]


def test_a_group_is_moderated_at_once_and_every_override_kept_with_who_and_when(
    school: School,
) -> None:
    reed = school.as_("ms.reed")
    class_id, question_id = school.school_class.id, school.question.id
    eve, fay = school.attempts["eve"], school.attempts["fay"]
    with pytest.raises(InputError, match="needs a reason"):
        reed.moderate_answers(class_id, question_id, [eve, fay], mark=0, reason=" ")
    with pytest.raises(InputError, match="from 0 to 6"):
        reed.moderate_answers(class_id, question_id, [eve], mark=7, reason="too many")
    assert reed.moderate_answers(
        class_id, question_id, [eve, fay], mark=0, reason="the war is not de-Stalinisation"
    ) == sorted([eve, fay])
    later = reed.acting_for(school.reed)
    later.clock = lambda: NOW + timedelta(hours=2)
    later.moderate_answers(class_id, question_id, [fay], mark=1, reason="names Stalin at least")
    history = reed.answer_history(class_id, question_id, fay)
    assert [(m.mark, m.reason, m.moderator, m.at) for m in history.moderations] == [
        (0, "the war is not de-Stalinisation", "ms.reed", NOW),
        (1, "names Stalin at least", "ms.reed", NOW + timedelta(hours=2)),
    ]
    machine = history.answer.machine_mark
    assert history.moderations[0].machine_mark == machine and history.answer.final == 1
    # Confirming a mark as it stands needs no reason.
    cat = school.attempts["cat"]
    stands = reed.answer_history(class_id, question_id, cat).answer.final
    assert stands is not None
    reed.moderate_answers(class_id, question_id, [cat], mark=stands, reason="")
    assert reed.answer_history(class_id, question_id, cat).moderations[0].reason == "confirmed"
    sheet = reed.moderation_sheet(class_id, question_id)
    war = next(g for g in sheet.groups if logins(g) == {"eve", "fay"})
    assert war.marks == (0, 1)
    # An attempt that is not the class's answer to this question is not there.
    with pytest.raises(NotFound):
        reed.moderate_answers(class_id, question_id, [eve, 999_999], mark=0, reason="x")


def test_the_student_sees_the_teachers_mark_and_why(school: School) -> None:
    eve = school.attempts["eve"]
    before = school.as_("eve").feedback(eve)
    assert before.moderation is None and before.marking is not None
    school.as_("ms.reed").moderate_answers(
        school.school_class.id, school.question.id, [eve], mark=0, reason="off the question"
    )
    after = school.as_("eve").feedback(eve)
    assert after.moderation is not None
    assert (after.moderation.mark, after.moderation.reason) == (0, "off the question")
    assert after.marking == before.marking  # the machine's marking is kept


def test_teaching_a_rejected_phrase_lists_the_answers_then_changes_their_marks(
    school: School,
) -> None:
    store = school.app.store
    class_id, question_id = school.school_class.id, school.question.id
    store.teaching.set_owner(school.course.id, school.reed.id)
    reed = school.as_("ms.reed")
    eve = school.attempts["eve"]
    history = reed.answer_history(class_id, question_id, eve)
    assert history.may_teach
    [credited] = history.answer.credited  # the machine gave the war a point
    before = {a.login: a.mark for a in store.answers.for_question(question_id)}
    lesson = reed.teach_preview(class_id, question_id, eve, credited.point_id, WAR, earns=False)
    assert lesson.remarking.version is None
    assert lesson.edit.reject == {credited.point_id: (WAR,)}
    changed = {c.login: c for c in lesson.remarking.changes}
    assert set(changed) == {"eve", "fay"}
    assert all(credited.text in c.lost for c in changed.values())
    assert {a.login: a.mark for a in store.answers.for_question(question_id)} == before
    with pytest.raises(InputError, match="say why"):
        reed.teach_apply(class_id, question_id, eve, credited.point_id, WAR, earns=False, reason="")
    applied = reed.teach_apply(
        class_id, question_id, eve, credited.point_id, WAR, earns=False, reason="war is not it"
    )
    assert applied.remarking.version == 1
    after = {a.login: a.mark for a in store.answers.for_question(question_id)}
    assert after == {**before, "eve": changed["eve"].new_mark, "fay": changed["fay"].new_mark}
    assert (after["eve"] or 0) < (before["eve"] or 0)
    # Taught the other way, the phrase earns the point again.
    back = reed.teach_preview(class_id, question_id, eve, credited.point_id, WAR, earns=True)
    assert back.edit.reject == {} and back.edit.accept == {credited.point_id: (WAR,)}
    assert {c.login for c in back.remarking.changes} == {"eve", "fay"}


def test_teaching_needs_words_of_the_answer_and_a_point_of_the_scheme(school: School) -> None:
    class_id, question_id = school.school_class.id, school.question.id
    eve = school.attempts["eve"]
    admin = school.app  # the local user: an admin
    point = admin.answer_history(class_id, question_id, eve).points[0].point_id
    with pytest.raises(InputError, match="not in answer"):
        admin.teach_preview(class_id, question_id, eve, point, "the KGB", earns=True)
    with pytest.raises(InputError, match="no point"):
        admin.teach_preview(class_id, question_id, eve, "p-none", WAR, earns=True)


def test_agreement_counts_exact_within_one_and_the_points_disputed(school: School) -> None:
    reed = school.as_("ms.reed")
    class_id, question_id = school.school_class.id, school.question.id
    empty = reed.agreement(class_id, question_id)
    assert (empty.moderated, empty.exact, empty.pearson, empty.points) == (0, None, None, ())
    marks = {a.login: a for a in school.app.store.answers.for_question(question_id)}
    given = {"ana": marks["ana"].mark, "cat": (marks["cat"].mark or 0) + 1, "eve": 0}
    for login, mark in given.items():
        assert mark is not None
        reed.moderate_answers(
            class_id, question_id, [school.attempts[login]], mark=mark, reason="my mark"
        )
    report = reed.agreement(class_id, question_id)
    machine = {login: marks[login].mark for login in given}
    expected = figures([(machine[k] or 0, given[k] or 0) for k in given])
    assert report.moderated == 3 and report.answers == 6
    assert (report.exact, report.within_one, report.pearson) == (
        expected.exact,
        expected.within_one,
        expected.pearson,
    )
    # Eve's point was credited on an answer marked down; the points Cat missed, marked up.
    eve_points = {c["point_id"] for c in (marks["eve"].marking or {})["credited"]}
    disputed_down = {p.point.point_id for p in report.points if p.credited_marked_down}
    assert eve_points <= disputed_down
    cat_missed = {c["point_id"] for c in (marks["cat"].marking or {})["missed"]}
    assert {p.point.point_id for p in report.points if p.missed_marked_up} == cat_missed


def test_agreement_figures_on_a_hand_example() -> None:
    found = figures([(3, 3), (2, 4), (5, 4), (0, 0)])
    assert (found.count, found.exact, found.within_one) == (4, 0.5, 0.75)
    # Deviations from the means 2.5 and 2.75: sums of products 9.5, of squares 13 and 10.75.
    assert found.pearson == pytest.approx(9.5 / (13 * 10.75) ** 0.5)
    assert figures([(2, 3)]).pearson is None and figures([]).exact is None
    assert figures([(2, 1), (2, 3)]).pearson is None  # the machine gave one mark to all
    points = disputed(
        [
            Judged(frozenset({"p1", "p2"}), frozenset(), machine=4, teacher=2),
            Judged(frozenset({"p1"}), frozenset({"p3"}), machine=2, teacher=1),
            Judged(frozenset(), frozenset({"p3", "p4"}), machine=1, teacher=3),
            Judged(frozenset({"p5"}), frozenset({"p6"}), machine=2, teacher=2),
        ]
    )
    assert [(d.point_id, d.credited_marked_down, d.missed_marked_up) for d in points] == [
        ("p1", 2, 0),
        ("p2", 1, 0),
        ("p3", 0, 1),
        ("p4", 0, 1),
    ]


def test_only_the_classs_teacher_or_an_admin_moderates_and_only_the_owner_teaches(
    school: School,
) -> None:
    class_id, question_id = school.school_class.id, school.question.id
    eve = school.attempts["eve"]
    khan, student = school.as_("mr.khan"), school.as_("eve")
    with pytest.raises(NotFound):
        khan.moderation_sheet(class_id, question_id)
    with pytest.raises(NotFound):
        khan.moderate_answers(class_id, question_id, [eve], mark=0, reason="no")
    with pytest.raises(NotFound):
        khan.agreement(class_id, question_id)
    with pytest.raises(Forbidden):
        student.moderation_sheet(class_id, question_id)
    with pytest.raises(Forbidden):
        student.moderate_answers(class_id, question_id, [eve], mark=6, reason="mine")
    assert school.as_("eve").feedback(eve).moderation is None
    # Ms Reed moderates her class but the course is the installation's: no teaching.
    reed = school.as_("ms.reed")
    sheet = reed.moderation_sheet(class_id, question_id)
    assert not sheet.may_teach and "only its owner or an admin" in (sheet.why_not_teach or "")
    point = sheet.points[0].point_id
    with pytest.raises(Forbidden):
        reed.teach_preview(class_id, question_id, eve, point, WAR, earns=False)
    assert school.app.moderation_sheet(class_id, question_id).may_teach  # an admin
