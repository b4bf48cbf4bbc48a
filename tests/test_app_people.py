"""People through the application layer: who may add users and classes, enrol, assign and
date; signing in, signing up with a join code, the first account, changing a password. On a
real SQLite file and (in CI) a real PostgreSQL server, with the clock passed in.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from pastpaper.app import Pastpaper
from pastpaper.errors import Forbidden, NotFound, PeopleError
from pastpaper.settings import Settings
from pastpaper.store import Store
from pastpaper.store.tables import ENROLMENTS, USERS

NOW = datetime(2027, 1, 4, 9, tzinfo=UTC)
SLUG = "khrushchevs-attempts-at-modernisation"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def app(store: Store) -> Pastpaper:
    """The application acting as the local user, an admin."""
    return Pastpaper(store, None, Settings(), lambda: NOW)


def as_user(app: Pastpaper, login: str) -> Pastpaper:
    return app.acting_for(app.store.people.user(login))


@pytest.fixture
def school(app: Pastpaper) -> Pastpaper:
    """ann and dee teach, bo and cy are students; ann has a class, Year 12 history."""
    app.add_user("ann", "Ann Lee", "teacher", password="ann's secret")
    app.add_user("dee", "Dee Fox", "teacher", password="dee's secret")
    app.add_user("bo", "Bo Chan", "student", password="bo's secret")
    app.add_user("cy", "Cy Day", "student")
    as_user(app, "ann").add_class("ann", "Year 12 history")
    return app


def history(app: Pastpaper) -> int:
    [found] = [c for c in app.store.people.classes() if c.name == "Year 12 history"]
    return found.id


def test_an_admin_adds_users_at_the_time_the_clock_gives(app: Pastpaper) -> None:
    ann = app.add_user("ann", "Ann Lee", "teacher", password="ann's secret")
    bo = app.add_user("bo", "Bo Chan", "student")
    assert (ann.role, ann.has_password, bo.has_password) == ("teacher", True, False)
    assert [u.login for u in app.users()] == ["ann", "bo", "local"]
    with app.store.engine.connect() as conn:
        made = conn.scalar(select(USERS.c.created_at).where(USERS.c.login == "ann"))
    assert made is not None and made.replace(tzinfo=UTC) == NOW


def test_only_an_admin_adds_users_or_sets_another_users_password(school: Pastpaper) -> None:
    for login in ("ann", "bo"):
        with pytest.raises(Forbidden, match=f"{login} is a .*only an admin can add users"):
            as_user(school, login).add_user("eve", "Eve", "student")
        with pytest.raises(Forbidden, match="only an admin can set another user's password"):
            as_user(school, login).set_password("cy", "cy's new secret")
    assert "eve" not in [u.login for u in school.users()]
    as_user(school, "bo").set_password("bo", "bo's new secret")  # one's own: allowed
    assert school.sign_in("bo", "bo's new secret") is not None
    school.set_password("cy", "cy's first secret")  # the admin: anyone's
    assert school.sign_in("cy", "cy's first secret") is not None


def test_a_student_sees_only_themself_among_the_users(school: Pastpaper) -> None:
    assert [u.login for u in as_user(school, "bo").users()] == ["bo"]
    assert [u.login for u in as_user(school, "ann").users()] == [
        "ann",
        "bo",
        "cy",
        "dee",
        "local",
    ]


def test_the_password_policy_is_one_rule_everywhere(school: Pastpaper) -> None:
    for password, rule in (("short", "at least 8 characters"), (" " * 9, "only spaces")):
        with pytest.raises(PeopleError, match=rule):
            school.add_user("eve", "Eve", "student", password=password)
        with pytest.raises(PeopleError, match=rule):
            school.set_password("cy", password)
        with pytest.raises(PeopleError, match=rule):
            as_user(school, "bo").change_password("bo's secret", password)
    assert "eve" not in [u.login for u in school.users()]
    assert school.sign_in("bo", "bo's secret") is not None


def test_sign_in_is_none_for_an_unknown_login_and_a_wrong_password(school: Pastpaper) -> None:
    bo = school.sign_in("bo", "bo's secret")
    assert bo is not None and bo.login == "bo"
    assert school.sign_in("bo", "not bo's secret") is None
    assert school.sign_in("nobody", "bo's secret") is None
    assert school.sign_in("cy", "anything at all") is None  # no password yet
    assert school.sign_in("local", "") is None
    assert school.user_by_id(bo.id) == bo
    with pytest.raises(NotFound):
        school.user_by_id(10_000)


def test_sign_in_takes_as_long_for_an_unknown_login_as_a_wrong_password(
    school: Pastpaper,
) -> None:
    def slowest_of_three(login: str) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            assert school.sign_in(login, "a wrong password") is None
            times.append(time.perf_counter() - start)
        return sorted(times)[1]

    wrong = slowest_of_three("bo")
    # An argon2 check is tens of milliseconds; a lookup alone, about one.
    assert slowest_of_three("nobody") > 0.4 * wrong
    assert slowest_of_three("cy") > 0.4 * wrong  # a user without a password too


def test_change_password_needs_the_current_one(school: Pastpaper) -> None:
    bo = as_user(school, "bo")
    with pytest.raises(PeopleError, match="current password is not right"):
        bo.change_password("a wrong guess", "bo's new secret")
    assert school.sign_in("bo", "bo's secret") is not None
    bo.change_password("bo's secret", "bo's new secret")
    assert school.sign_in("bo", "bo's secret") is None
    assert school.sign_in("bo", "bo's new secret") is not None


def test_the_first_account_is_an_admin_and_only_the_first(app: Pastpaper) -> None:
    assert not app.has_accounts()  # the local user has no password
    first = app.first_account("ann", "Ann Lee", "ann's secret")
    assert (first.role, first.has_password) == ("admin", True)
    assert app.has_accounts()
    with pytest.raises(PeopleError, match="first account is already made"):
        app.first_account("eve", "Eve", "eve's secret")
    assert [u.login for u in app.users()] == ["ann", "local"]


def test_sign_up_with_a_join_code_makes_an_enrolled_student(school: Pastpaper) -> None:
    code = school.store.people.school_class(history(school)).join_code
    eve = school.sign_up(f" {code.lower()} ", "eve", "Eve Ng", "eve's secret")
    assert (eve.role, eve.has_password) == ("student", True)
    assert school.store.people.school_class(history(school)).students == ("eve",)
    assert school.sign_in("eve", "eve's secret") == eve
    with school.store.engine.connect() as conn:
        enrolled = conn.scalar(select(ENROLMENTS.c.enrolled_at))
    assert enrolled is not None and enrolled.replace(tzinfo=UTC) == NOW


def test_sign_up_with_an_unknown_code_leaves_no_account(school: Pastpaper) -> None:
    with pytest.raises(PeopleError, match="no class has the join code ZZZZ2222"):
        school.sign_up("ZZZZ2222", "eve", "Eve Ng", "eve's secret")
    with pytest.raises(PeopleError, match="login bo is taken"):
        school.sign_up(school.store.people.classes()[0].join_code, "bo", "Bo", "a secret!")
    assert "eve" not in [u.login for u in school.users()]
    assert school.store.people.school_class(history(school)).students == ()


def test_a_teacher_adds_classes_for_themself_and_an_admin_for_anyone(
    school: Pastpaper,
) -> None:
    with pytest.raises(Forbidden, match="only an admin can add a class for another teacher"):
        as_user(school, "ann").add_class("dee", "Dee's class")
    with pytest.raises(Forbidden):
        as_user(school, "bo").add_class("ann", "Bo's class for ann")
    with pytest.raises(PeopleError, match="bo is a student"):
        as_user(school, "bo").add_class("bo", "Bo's own class")
    science = school.add_class("dee", "Science")
    assert science.teacher == "dee" and len(science.join_code) == 8
    assert [c.name for c in school.classes()] == ["Science", "Year 12 history"]
    assert [c.name for c in school.classes("dee")] == ["Science"]


def test_each_sees_the_classes_they_teach_or_are_in(school: Pastpaper) -> None:
    school.add_class("dee", "Science")
    as_user(school, "ann").enrol("bo", history(school))
    assert [c.name for c in as_user(school, "ann").classes()] == ["Year 12 history"]
    assert [c.name for c in as_user(school, "dee").classes("dee")] == ["Science"]
    assert [c.name for c in as_user(school, "bo").classes()] == ["Year 12 history"]
    assert as_user(school, "cy").classes() == []
    with pytest.raises(Forbidden, match="only an admin sees another teacher's classes"):
        as_user(school, "dee").classes("ann")


def test_only_the_classs_teacher_or_an_admin_changes_it(school: Pastpaper, seed_path: Path) -> None:
    school.import_file(seed_path)
    class_id = history(school)
    dee, bo = as_user(school, "dee"), as_user(school, "bo")
    for who in (dee, bo):
        with pytest.raises(Forbidden, match="only its teacher \\(ann\\) or an admin can enrol"):
            who.enrol("cy", class_id)
        with pytest.raises(Forbidden, match="can assign courses to it"):
            who.assign_course(class_id, SLUG)
        with pytest.raises(Forbidden, match="can set the exam date of it"):
            who.set_class_exam_date(class_id, date(2027, 5, 20))
    unchanged = school.store.people.school_class(class_id)
    assert (unchanged.students, unchanged.courses, unchanged.exam_date) == ((), (), None)

    ann = as_user(school, "ann")
    ann.enrol("bo", class_id)
    ann.assign_course(str(class_id), SLUG)
    ann.set_class_exam_date(class_id, date(2027, 5, 20))
    school.enrol("cy", unchanged.join_code.lower())  # the admin, by join code
    done = school.store.people.school_class(class_id)
    assert (done.students, done.courses, done.exam_date) == (
        ("bo", "cy"),
        (SLUG,),
        date(2027, 5, 20),
    )
    assert school.set_class_exam_date(class_id, None).exam_date is None


def test_a_class_is_found_by_id_or_join_code_and_an_unknown_one_is_named(
    school: Pastpaper,
) -> None:
    class_id = history(school)
    code = school.store.people.school_class(class_id).join_code
    assert school.school_class(class_id).id == class_id
    assert school.school_class(str(class_id)).id == class_id
    assert school.school_class(code.lower()).id == class_id
    with pytest.raises(NotFound, match=r"no class 999; the classes are: .*Year 12 history"):
        school.enrol("bo", "999")
    with pytest.raises(NotFound, match="no class has the join code QQQQ"):
        school.enrol("bo", "QQQQ")


def test_two_first_accounts_at_once_make_one_admin(db_url: str) -> None:
    with Store.open(db_url):  # made and migrated once, before the two race
        pass
    start = threading.Barrier(2)
    made: list[str] = []
    refused: list[str] = []

    def first(login: str) -> None:
        with Store.open(db_url) as own:
            app = Pastpaper(own, None, Settings(), lambda: NOW)
            start.wait()
            try:
                made.append(app.first_account(login, login.title(), f"{login}'s secret").login)
            except PeopleError as error:
                refused.append(str(error))

    threads = [threading.Thread(target=first, args=(login,)) for login in ("ann", "dee")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1
    assert refused == ["the first account is already made; ask an admin for an account"]


def test_a_classs_teacher_or_an_admin_removes_a_student_whose_work_stays_theirs(
    school: Pastpaper,
) -> None:
    slug = school.import_examples()[0].saved.slug
    school.assign_course(history(school), slug)
    for login in ("bo", "cy"):
        school.enrol(login, history(school))
    as_bo = as_user(school, "bo")
    question = as_bo.questions(course=slug)[0].id
    as_bo.save_draft(question, "Bo's half answer about the Virgin Lands")
    for login in ("dee", "bo"):
        with pytest.raises(Forbidden, match="only its teacher \\(ann\\) or an admin can remove"):
            as_user(school, login).remove_student(history(school), "bo")
    assert school.store.people.school_class(history(school)).students == ("bo", "cy")

    left = as_user(school, "ann").remove_student(history(school), "bo")
    assert left.students == ("cy",)
    assert [c.slug for c in as_bo.courses()] == []  # no longer the class's courses
    kept = school.store.drafts.get(as_bo.user.id, question)
    assert kept is not None and kept.answer == "Bo's half answer about the Virgin Lands"
    with pytest.raises(NotFound, match="bo is not in Year 12 history"):
        school.remove_student(history(school), "bo")
    assert school.remove_student(history(school), "cy").students == ()  # an admin


def test_a_class_in_detail_is_its_teachers_or_an_admins_alone(school: Pastpaper) -> None:
    school.enrol("bo", history(school))
    detail = as_user(school, "ann").class_detail(history(school))
    assert detail.school_class.name == "Year 12 history"
    assert [(u.login, u.display_name) for u in detail.students] == [("bo", "Bo Chan")]
    assert school.class_detail(history(school)).students == detail.students
    for login in ("dee", "bo"):
        with pytest.raises(NotFound, match=f"no class {history(school)} among yours"):
            as_user(school, login).class_detail(history(school))
