"""People in the store: users, passwords, classes, enrolments, courses and exam dates; each
user's memory their own; cards made on import, so reading them writes nothing.

On a real SQLite file and (in CI) a real PostgreSQL server.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Rating
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from pastpaper.cli import app
from pastpaper.errors import NotFound, PeopleError, StoreError
from pastpaper.ingest import read_notes
from pastpaper.marking import Marking
from pastpaper.store import Store, database_path, database_url
from pastpaper.study.practice import due_cards, progress, rate_card
from pastpaper.study.schedule import Plan

NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
SLUG = "khrushchevs-attempts-at-modernisation"


def test_a_new_database_has_the_local_user_and_no_other(store: Store) -> None:
    [local] = store.people.users()
    assert (local.login, local.role, local.has_password) == ("local", "admin", False)
    assert store.people.local() == local


def test_a_user_is_added_found_and_listed_with_a_hashed_password(store: Store) -> None:
    ann = store.people.add_user("ann", " Ann Lee ", "teacher", password="correct horse", now=NOW)
    assert (ann.login, ann.display_name, ann.role, ann.has_password) == (
        "ann",
        "Ann Lee",
        "teacher",
        True,
    )
    assert store.people.user("ann") == ann
    assert store.people.user_by_id(ann.id) == ann
    assert [u.login for u in store.people.users()] == ["ann", "local"]
    with store.engine.connect() as conn:
        hashed = conn.scalar(text("SELECT password_hash FROM users WHERE login = 'ann'"))
    assert hashed.startswith("$argon2id$") and "correct horse" not in hashed
    assert store.people.verify_password("ann", "correct horse")
    assert not store.people.verify_password("ann", "correct horsE")
    assert not store.people.verify_password("local", "")  # no password: cannot log in


def test_a_password_can_be_changed(store: Store) -> None:
    store.people.add_user("bo", "Bo Chan", "student", password="first secret", now=NOW)
    store.people.set_password("bo", "second secret")
    assert store.people.verify_password("bo", "second secret")
    assert not store.people.verify_password("bo", "first secret")


@pytest.mark.parametrize(
    ("login", "role", "password", "message"),
    [
        ("local", "student", None, "the login local is taken; choose another"),
        (
            "bo",
            "pupil",
            None,
            "there is no role 'pupil'; a user is one of: admin, teacher, student",
        ),
        ("bo", "student", "short", "a password needs at least 8 characters; this one has 5"),
        ("two words", "student", None, "the login 'two words' cannot be used"),
    ],
)
def test_a_user_that_cannot_be_added_is_refused_in_plain_words(
    store: Store, login: str, role: str, password: str | None, message: str
) -> None:
    with pytest.raises(PeopleError, match=r"^" + message.replace("(", r"\(")):
        store.people.add_user(login, "Someone", role, password=password, now=NOW)
    assert [u.login for u in store.people.users()] == ["local"]


def test_an_unknown_login_names_the_users_there_are(store: Store) -> None:
    with pytest.raises(NotFound, match=r"^no user 'ann'; the users are: local$"):
        store.people.set_password("ann", "a long secret")


def test_a_teacher_has_classes_that_students_join_by_code(store: Store, seed_path: Path) -> None:
    store.save_course(read_notes(seed_path).course)
    store.people.add_user("ann", "Ann Lee", "teacher", now=NOW)
    store.people.add_user("bo", "Bo Chan", "student", now=NOW)
    store.people.add_user("cy", "Cy Day", "student", now=NOW)
    history = store.people.add_class("ann", "Year 12 history", now=NOW)
    assert len(history.join_code) == 8 and history.join_code.isalnum()
    assert store.people.join("bo", history.join_code.lower(), now=NOW) == store.people.school_class(
        history.id
    )
    store.people.enrol("cy", history.id, now=NOW)
    store.people.enrol("cy", history.id, now=NOW)  # again: no change
    store.people.assign_course(history.id, SLUG)
    other = store.people.add_class("local", "Evening class", now=NOW)  # an admin may have one
    assert other.join_code != history.join_code
    [mine] = store.people.classes(teacher="ann")
    assert (mine.name, mine.teacher, mine.students, mine.courses) == (
        "Year 12 history",
        "ann",
        ("bo", "cy"),
        (SLUG,),
    )
    assert [c.name for c in store.people.classes()] == ["Evening class", "Year 12 history"]


def test_roles_are_kept_to(store: Store) -> None:
    store.people.add_user("bo", "Bo Chan", "student", now=NOW)
    store.people.add_user("ann", "Ann Lee", "teacher", now=NOW)
    with pytest.raises(PeopleError, match=r"^bo is a student; only a teacher or an admin"):
        store.people.add_class("bo", "My own class", now=NOW)
    history = store.people.add_class("ann", "Year 12 history", now=NOW)
    with pytest.raises(PeopleError, match=r"^ann is a teacher, not a student"):
        store.people.enrol("ann", history.id, now=NOW)
    with pytest.raises(NotFound, match=r"^no class has the join code XXXX"):
        store.people.join("bo", "XXXX", now=NOW)
    with pytest.raises(NotFound, match=r"^no class 99; the classes are: \d+ \(Year 12 history\)$"):
        store.people.enrol("bo", 99, now=NOW)


def test_the_exam_date_is_the_students_own_else_their_classes_soonest(store: Store) -> None:
    store.people.add_user("ann", "Ann Lee", "teacher", now=NOW)
    bo = store.people.add_user("bo", "Bo Chan", "student", now=NOW)
    today = date(2027, 3, 1)
    assert store.people.exam_date(bo.id, today) is None
    history = store.people.add_class("ann", "History", now=NOW)
    science = store.people.add_class("ann", "Science", now=NOW)
    for school_class, when in ((history, date(2027, 6, 2)), (science, date(2027, 5, 20))):
        store.people.enrol("bo", school_class.id, now=NOW)
        store.people.set_class_exam_date(school_class.id, when)
    assert store.people.exam_date(bo.id, today) == date(2027, 5, 20)
    assert store.people.exam_date(bo.id, date(2027, 5, 21)) == date(2027, 6, 2)  # one is past
    store.people.set_user_exam_date("bo", date(2027, 6, 9))
    assert store.people.exam_date(bo.id, today) == date(2027, 6, 9)


def test_two_users_have_separate_memories(store: Store, seed_path: Path) -> None:
    store.save_course(read_notes(seed_path).course)
    ann = store.people.add_user("ann", "Ann Lee", "student", now=NOW).id
    bo = store.people.add_user("bo", "Bo Chan", "student", now=NOW).id
    first = store.memory.due_cards(ann, NOW)[0]
    rate_card(store, ann, first, Rating.Easy, Plan(), NOW)

    assert store.memory.card(ann, first.id).state is not None
    assert store.memory.card(bo, first.id).state is None
    assert len(store.memory.reviews(ann)) == 1 and store.memory.reviews(bo) == []
    assert first.id not in {c.id for c in store.memory.due_cards(ann, NOW)}
    assert store.memory.due_cards(bo, NOW)[0].id == first.id  # still new to Bo

    rate_card(store, bo, store.memory.card(bo, first.id), Rating.Again, Plan(), NOW)
    assert store.memory.card(ann, first.id).due != store.memory.card(bo, first.id).due
    assert [r["rating"] for r in store.memory.reviews(ann)] == [int(Rating.Easy)]
    later = NOW + timedelta(hours=1)  # Bo's Again is due again, Ann's Easy is not
    [ann_topic] = progress(store, ann, later, Plan())
    [bo_topic] = progress(store, bo, later, Plan())
    assert (ann_topic.due, bo_topic.due) == (0, 1)


def test_an_attempt_is_finished_only_by_its_user(store: Store, seed_path: Path) -> None:
    store.save_course(read_notes(seed_path).course)
    bo = store.people.add_user("bo", "Bo Chan", "student", now=NOW).id
    local = store.people.local().id
    question = store.questions()[0]
    attempt = store.memory.start_attempt(
        bo,
        question_id=question.id,
        course=question.course,
        topic=question.topic,
        question=question.text,
        answer="Stalin's statues came down.",
        started_at=NOW,
        submitted_at=NOW,
        seconds_allowed=600,
    )
    assert store.memory.attempts(local) == []
    state = {"due": NOW.isoformat()}
    with pytest.raises(NotFound, match=f"^no attempt {attempt} of this user$"):
        store.memory.finish_attempt(local, attempt, mark=1, max_marks=8, marking={}, state=state)
    store.memory.finish_attempt(bo, attempt, mark=1, max_marks=8, marking={}, state=state)
    assert store.memory.question_states(bo).keys() == {question.id}
    assert store.memory.question_states(local) == {}


def test_importing_notes_makes_their_cards(store: Store, seed_path: Path) -> None:
    saved = store.save_course(read_notes(seed_path).course)
    local = store.people.local().id
    cards = store.memory.cards(local, saved.course_id)
    assert len(cards) == 51 and all(c.state is None for c in cards)


def read_only(db_url: str) -> str:
    """The same database, opened so that every write fails."""
    path = database_path(db_url)
    if path is not None:
        return f"sqlite:///file:{path}?mode=ro&uri=true"
    engine = create_engine(database_url(db_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        name = conn.scalar(text("SELECT current_database()"))
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
    engine.dispose()
    return db_url


def test_reading_cards_writes_nothing(db_url: str, seed_path: Path) -> None:
    runner = CliRunner()
    imported = runner.invoke(app, ["--db", db_url, "import", str(seed_path)])
    assert imported.exit_code == 0, imported.output
    locked = read_only(db_url)
    for command in (["cards", "--json"], ["progress"]):
        result = runner.invoke(app, ["--db", locked, *command])
        assert result.exit_code == 0, result.output
    with Store.open(locked) as store:
        local = store.people.local().id
        assert len(due_cards(store, local, NOW, Plan())) == 51
        assert len(due_cards(store, local, NOW, Plan(exam_date=date(2025, 6, 1)))) == 51
        with pytest.raises(StoreError, match="read-only"):
            store.people.add_user("ann", "Ann Lee", "teacher", now=NOW)  # the database is read-only


def test_an_answer_kept_in_a_file_is_submitted_only_by_its_user(
    store: Store, seed_path: Path, tmp_path: Path
) -> None:
    from pastpaper.store.recovery import Recovered, keep, waiting
    from pastpaper.study.practice import submit_kept

    store.save_course(read_notes(seed_path).course)
    bo = store.people.add_user("bo", "Bo Chan", "student", now=NOW).id
    answer = Recovered(question_id=store.questions()[0].id, course=SLUG, topic="Khrushchev",
        question="Why?", answer="Cuba.", started_at=NOW, submitted_at=NOW,
        seconds_allowed=600, database=store.name, cause="the disk is full", user_id=bo)  # fmt: skip
    keep(answer, tmp_path)
    [kept], _ = waiting(store.name, tmp_path)
    with pytest.raises(NotFound, match=r"^the answer kept in .* is another user's$"):
        submit_kept(store, store.people.local().id, kept, Plan(), _never_marked)
    assert store.memory.attempts(store.people.local().id) == store.memory.attempts(bo) == []
    assert kept.path is not None and kept.path.is_file()


def _never_marked(question_id: int, answer: str) -> Marking:
    raise AssertionError("another user's answer was marked")
