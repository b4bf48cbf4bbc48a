"""A class's results through the application layer, on a hand-made class whose attempts,
moderations and reviews are known: the exact grid of marks and recall, the points missed
most, the distribution of marks per question, the weekly trend, the CSV (every student, a
name with a comma and a <script> as written), one question across the class, who may see
them, and that the reads do not grow with the class."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from pastpaper.app import Pastpaper
from pastpaper.errors import Forbidden, NotFound
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.study.practice import rate_card
from pastpaper.study.schedule import Plan, Rating, new_card, retention

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
WEEK_1 = datetime(2026, 11, 4, 10, 0, tzinfo=UTC)  # a Wednesday: the week of 2 November
WEEK_2 = datetime(2026, 11, 10, 10, 0, tzinfo=UTC)  # a Tuesday: the week of 9 November
BO = 'Bo, "the <script>alert(1)</script>" Chan'
MODERNISATION = "Khrushchev’s attempts at modernisation"
FALL = "The fall of Khrushchev"


@dataclass
class School:
    app: Pastpaper
    class_id: int
    q: dict[int, int]  # the example course's questions by their place, 1 to 9
    attempts: dict[str, int]


def answered(
    app: Pastpaper,
    login: str,
    question_id: int,
    mark: int,
    when: datetime,
    missed: tuple[str, ...] = (),
) -> int:
    """An attempt by ``login``, marked ``mark`` by the machine, missing the points named."""
    store = app.store
    user = store.people.user(login)
    question = store.question(question_id).question
    attempt_id = store.memory.start_attempt(
        user.id,
        question_id=question_id,
        course=question.course,
        topic=question.topic,
        question=question.text,
        answer=f"{login}'s answer",
        started_at=when - timedelta(minutes=10),
        submitted_at=when,
        seconds_allowed=600,
    )
    marking = {
        "mark": mark,
        "max_marks": question.marks,
        "missed": [{"point_id": p, "point_text": f"point {p}", "source": "notes"} for p in missed],
        "marker_version": "test",
    }
    store.memory.finish_attempt(
        user.id,
        attempt_id,
        mark=mark,
        max_marks=question.marks or 0,
        marking=marking,
        state=new_card(when),
    )
    return attempt_id


@pytest.fixture
def school(store: Store) -> School:
    """Ms Reed's 11B studies the example course (topics: modernisation, 7 questions; the
    fall, 2): Ann and Bo answered, Cy did nothing; Dan, in no class of hers, answered too.
    Ann's second go at question 2 counts, not her first; Bo's question 2 was moderated
    twice (the newer, 6, stands) and Ann's question 8 once (to 6)."""
    app = Pastpaper(store, None, Settings(), lambda: NOW)
    people = store.people
    people.add_user("ms.reed", "Ms Reed", "teacher", now=NOW)
    people.add_user("mr.khan", "Mr Khan", "teacher", now=NOW)
    for login, name in (("ann", "Ann Lee"), ("bo", BO), ("cy", "Cy Dee"), ("dan", "Dan Eke")):
        people.add_user(login, name, "student", now=NOW)
    slug = app.import_examples()[0].saved.slug
    q = {n: info.id for n, info in enumerate(store.questions(course=slug), 1)}
    group = people.add_class("ms.reed", "11B", now=NOW)
    for login in ("ann", "bo", "cy"):
        people.enrol(login, group.id, now=NOW)
    people.assign_course(group.id, slug)
    attempts = {
        "ann q2 first": answered(app, "ann", q[2], 3, WEEK_1, ("P0",)),
        "bo q2": answered(app, "bo", q[2], 5, WEEK_1, ("P1", "P2")),
        "ann q2": answered(app, "ann", q[2], 7, WEEK_2, ("P1",)),
        "ann q4": answered(app, "ann", q[4], 5, WEEK_2),
        "ann q8": answered(app, "ann", q[8], 4, WEEK_2, ("P8",)),
        "bo q8": answered(app, "bo", q[8], 2, WEEK_2, ("P8",)),
        "dan q2": answered(app, "dan", q[2], 0, WEEK_2, ("P1", "P2")),
    }
    reed = people.user("ms.reed").id
    for attempt, mark, reason in (("bo q2", 9, "first look"), ("bo q2", 6, "second look")):
        store.answers.moderate(
            [attempts[attempt]], mark=mark, reason=reason, moderator_id=reed, now=NOW
        )
    store.answers.moderate(
        [attempts["ann q8"]], mark=6, reason="names the plenum", moderator_id=reed, now=NOW
    )
    return School(app.acting_for(people.user("ms.reed")), group.id, q, attempts)


def reviewed(app: Pastpaper, login: str, topic: str, when: datetime) -> dict[str, Any]:
    """``login`` rates the first card of ``topic`` Good at ``when``; its new schedule."""
    store = app.store
    user = store.people.user(login)
    card = next(c for c in store.memory.cards(user.id) if c.topic == topic)
    rate_card(store, user.id, card, Rating.Good, Plan(), when)
    state = store.memory.card(user.id, card.id).state
    assert state is not None
    return state


def cells(school: School) -> dict[tuple[str, str], tuple[Any, ...]]:
    results = school.app.class_results(school.class_id)
    return {
        (student.login, cell.topic): (
            cell.earned,
            cell.possible,
            cell.percent,
            cell.answered,
            cell.questions,
            cell.recall,
            cell.cards_reviewed,
        )
        for student in results.students
        for cell in student.topics
    }


def test_the_grid_counts_each_students_latest_attempts_with_the_moderated_marks(
    school: School,
) -> None:
    ann_seen = reviewed(school.app, "ann", MODERNISATION, NOW)
    bo_seen = reviewed(school.app, "bo", FALL, NOW - timedelta(days=10))
    reviewed(school.app, "dan", FALL, NOW)  # not in the class: counts nowhere
    bo_recall = retention(bo_seen, NOW, Plan())
    assert ann_seen is not None and 0 < bo_recall < 1
    results = school.app.class_results(school.class_id)
    assert [(c.course, c.topic, c.questions) for c in results.columns] == [
        ("khrushchev-and-the-reform-of-the-soviet-union", MODERNISATION, 7),
        ("khrushchev-and-the-reform-of-the-soviet-union", FALL, 2),
    ]
    assert [(s.login, s.name) for s in results.students] == [
        ("ann", "Ann Lee"),
        ("bo", BO),
        ("cy", "Cy Dee"),
    ]
    assert cells(school) == {
        # Ann: 7 of 10 (her second go) and 5 of 5; a card reviewed today is recalled.
        ("ann", MODERNISATION): (12, 15, 80.0, 2, 7, 1.0, 1),
        ("ann", FALL): (6, 10, 60.0, 1, 2, None, 0),  # moderated from 4
        ("bo", MODERNISATION): (6, 10, 60.0, 1, 7, None, 0),  # the newer moderation
        ("bo", FALL): (2, 10, 20.0, 1, 2, bo_recall, 1),
        ("cy", MODERNISATION): (0, 0, None, 0, 7, None, 0),
        ("cy", FALL): (0, 0, None, 0, 2, None, 0),
    }


def test_the_points_missed_most_count_latest_attempts_of_the_class_only(school: School) -> None:
    results = school.app.class_results(school.class_id)
    q = school.q
    assert [(p.question_id, p.point_id, p.missed, p.answered) for p in results.missed] == [
        (q[2], "P1", 2, 2),  # Ann's second go and Bo's; Dan's is not the class's
        (q[8], "P8", 2, 2),
        (q[2], "P2", 1, 2),
    ]
    assert results.missed[2].share == 0.5
    assert results.missed[0].point_text == "point P1"
    assert results.missed[0].question.startswith("In what ways did Khrushchev")


def test_the_marks_of_each_question_answered_are_counted_by_mark(school: School) -> None:
    results = school.app.class_results(school.class_id)
    q = school.q
    found = {m.question_id: (m.max_marks, m.counts, m.answered, m.mean) for m in results.questions}
    assert found == {
        q[2]: (10, (0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0), 2, 6.5),
        q[4]: (5, (0, 0, 0, 0, 0, 1), 1, 5.0),
        q[8]: (10, (0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0), 2, 4.0),
    }
    assert [m.question_id for m in results.questions] == [q[2], q[4], q[8]]


def test_the_weekly_trend_is_the_mean_of_every_marked_attempt_of_the_week(
    school: School,
) -> None:
    results = school.app.class_results(school.class_id)
    assert [(w.week, w.attempts, w.percent) for w in results.weeks] == [
        (date(2026, 11, 2), 2, 45.0),  # Ann 30%, Bo 60% (moderated)
        (date(2026, 11, 9), 4, 62.5),  # Ann 70%, 100%, 60% (moderated); Bo 20%
    ]


def test_the_csv_lists_every_student_with_every_topic(school: School) -> None:
    made = school.app.class_results_csv(school.class_id)
    assert made.name == "11b-results.csv"
    rows = list(csv.reader(io.StringIO(made.text)))
    columns = ["marks %", "marks earned", "marks possible", "questions answered", "questions"]
    assert rows[0] == [
        "login",
        "name",
        *(f"{MODERNISATION} {c}" for c in [*columns, "recall %"]),
        *(f"{FALL} {c}" for c in [*columns, "recall %"]),
    ]
    assert rows[1:] == [
        ["ann", "Ann Lee", "80", "12", "15", "2", "7", "", "60", "6", "10", "1", "2", ""],
        ["bo", BO, "60", "6", "10", "1", "7", "", "20", "2", "10", "1", "2", ""],
        ["cy", "Cy Dee", "", "0", "0", "0", "7", "", "", "0", "0", "0", "2", ""],
    ]
    assert made.text.endswith("\r\n") and made.text.count("\r\n") == 4


def test_one_question_across_the_class(school: School) -> None:
    q = school.q
    found = school.app.question_results(school.class_id, q[2])
    assert [(s.login, s.mark, s.max_marks, s.moderated) for s in found.students] == [
        ("ann", 7, 10, False),
        ("bo", 6, 10, True),
        ("cy", None, None, False),
    ]
    assert found.students[0].attempt_id == school.attempts["ann q2"]
    assert [(p.point_id, p.missed, p.answered) for p in found.missed] == [
        ("P1", 2, 2),
        ("P2", 1, 2),
    ]
    assert found.marks is not None and found.marks.counts[6:8] == (1, 1)
    nobody = school.app.question_results(school.class_id, q[9])
    assert nobody.marks is None and nobody.missed == ()
    with pytest.raises(NotFound, match="no question 99999 in the courses of 11B"):
        school.app.question_results(school.class_id, 99999)


def test_only_the_teacher_or_an_admin_sees_a_class_results(school: School) -> None:
    people = school.app.store.people
    khan = school.app.acting_for(people.user("mr.khan"))
    with pytest.raises(NotFound, match=f"no class {school.class_id} among yours"):
        khan.class_results(school.class_id)
    with pytest.raises(NotFound):
        khan.question_results(school.class_id, school.q[2])
    with pytest.raises(Forbidden, match="only its teacher"):
        school.app.acting_for(people.user("ann")).class_results(school.class_id)
    admin = school.app.acting_for(people.local())
    assert admin.class_results(school.class_id).name == "11B"


def test_a_class_with_no_students_or_courses_has_an_empty_page(school: School) -> None:
    empty = school.app.store.people.add_class("ms.reed", "12A", now=NOW)
    results = school.app.class_results(empty.id)
    assert (results.columns, results.students, results.missed, results.weeks) == ((),) * 4
    assert school.app.class_results_csv(empty.id).text == "login,name\r\n"


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    said: list[str] = []

    def note(*args: Any) -> None:
        if str(args[2]).startswith("SELECT"):
            said.append(str(args[2]))

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        yield said
    finally:
        event.remove(store.engine, "before_cursor_execute", note)


def test_the_reads_do_not_grow_with_the_class(school: School) -> None:
    with counted(school.app.store) as few:
        school.app.class_results(school.class_id)
    people = school.app.store.people
    for n in range(12):
        people.add_user(f"s{n}", f"Student {n}", "student", now=NOW)
        people.enrol(f"s{n}", school.class_id, now=NOW)
        for place in (1, 2, 3, 8):
            answered(school.app, f"s{n}", school.q[place], n % 6, WEEK_2, ("P1",))
        reviewed(school.app, f"s{n}", FALL, NOW)
    with counted(school.app.store) as many:
        results = school.app.class_results(school.class_id)
    assert len(results.students) == 15
    assert len(many) == len(few) <= 11, many


def test_the_charts_say_in_words_what_they_draw(school: School) -> None:
    from pastpaper.web.results_charts import distribution_svg, weekly_svg

    results = school.app.class_results(school.class_id)
    q2 = distribution_svg(results.questions[0])
    assert f'<title id="marks-{school.q[2]}-title">Marks for question {school.q[2]}</title>' in q2
    assert "2 students answered, out of 10: 1 has 6; 1 has 7.</desc>" in q2
    assert q2.count('class="bar"') == 11
    trend = weekly_svg(results.weeks)
    assert (
        "2 weeks with marked answers, from 45% in the week of 2026-11-02 to 62.5% in the "
        "week of 2026-11-09.</desc>"
    ) in trend
    assert trend.count("<circle") == 2
    assert "No marked answers yet" in weekly_svg([])
