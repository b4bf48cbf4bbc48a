"""People: users and their roles, classes and their students, the courses and exam dates.

    people = store.people
    ann = people.add_user("ann", "Ann Lee", "teacher", password="a long secret", now=now)
    history = people.add_class("ann", "Year 12 history", now=now)  # with a new join code
    people.add_user("bo", "Bo Chan", "student", password="another secret", now=now)
    people.join("bo", history.join_code, now=now)
    people.assign_course(history.id, "khrushchevs-attempts-at-modernisation")
    people.set_class_exam_date(history.id, date(2027, 5, 20))
    people.exam_date(people.user("bo").id, today)              # 2027-05-20

The local user (login "local", an admin without a password; migration 0004 makes it) is who
the command line acts as on one's own machine, and owns everything done before there were
people. Passwords are hashed with argon2 (pwdlib); a user without one cannot log in. The
time a change is made is passed in (``now``, with its time zone): nothing here reads the clock.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from pastpaper.errors import NotFound, PeopleError
from pastpaper.store.guard import reported
from pastpaper.store.tables import CLASS_COURSES, CLASSES, COURSES, ENROLMENTS, ROLES, USERS
from pastpaper.store.transactions import writing

if TYPE_CHECKING:
    from pwdlib import PasswordHash

__all__ = [
    "LOCAL_LOGIN",
    "MIN_PASSWORD",
    "People",
    "SchoolClass",
    "User",
    "check_password",
    "verify_nothing",
]

#: The user the command line acts as (migration 0004 makes it).
LOCAL_LOGIN = "local"

#: The fewest characters a password may have.
MIN_PASSWORD = 8

#: A login: letters, digits, dots, dashes and underscores, starting with a letter or digit.
_LOGIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")

#: Join codes use letters and digits nobody misreads (no 0/O, 1/I/L).
_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_CODE_LENGTH = 8

#: Who may have a class.
_TEACHING = ("teacher", "admin")


@dataclass(frozen=True)
class User:
    id: int
    login: str
    display_name: str
    role: str  # admin, teacher or student
    exam_date: date | None  # the user's own; see People.exam_date for the one that counts
    has_password: bool  # False: the user cannot log in (the local user, or not yet set)


@dataclass(frozen=True)
class SchoolClass:
    id: int
    name: str
    teacher: str  # the teacher's login
    join_code: str
    exam_date: date | None
    students: tuple[str, ...]  # logins, in alphabetical order
    courses: tuple[str, ...]  # course slugs, in the order they were made


@cache
def _hasher() -> PasswordHash:
    """The password hasher (argon2, pwdlib's recommended settings), made once."""
    from pwdlib import PasswordHash

    return PasswordHash.recommended()


class People:
    """The users and classes in a database."""

    def __init__(self, engine: Engine):
        self.engine = engine

    # -- users ------------------------------------------------------------------------------

    @reported
    def add_user(
        self,
        login: str,
        display_name: str,
        role: str,
        *,
        password: str | None = None,
        now: datetime,
    ) -> User:
        """Add a user; a user without a password cannot log in until one is set."""
        values = _new_user(login, display_name, role, password, now)
        try:
            with writing(self.engine) as conn:
                _insert_user(conn, values)
        except IntegrityError:
            raise _taken(login) from None  # added by another process at the same moment
        return self.user(login)

    @reported
    def add_first_admin(
        self, login: str, display_name: str, *, password: str, now: datetime
    ) -> User:
        """The first user who can sign in, an admin; a PeopleError once any user has a
        password. The check and the insert are one transaction, with the local user's row
        locked first, so two at once cannot both be first."""
        values = _new_user(login, display_name, "admin", password, now)
        try:
            with writing(self.engine) as conn:
                conn.execute(
                    select(USERS.c.id).where(USERS.c.login == LOCAL_LOGIN).with_for_update()
                )
                signed = select(USERS.c.id).where(USERS.c.password_hash.is_not(None)).limit(1)
                if conn.scalar(signed) is not None:
                    raise PeopleError(
                        "the first account is already made; ask an admin for an account"
                    )
                _insert_user(conn, values)
        except IntegrityError:
            raise _taken(login) from None
        return self.user(login)

    @reported
    def add_student(
        self, join_code: str, login: str, display_name: str, *, password: str, now: datetime
    ) -> User:
        """A new student in the class with this join code, made and enrolled in one
        transaction: an unknown code (a PeopleError saying so) leaves no account behind."""
        values = _new_user(login, display_name, "student", password, now)
        try:
            with writing(self.engine) as conn:
                class_id = _class_id_of_code(conn, join_code)
                if class_id is None:
                    raise PeopleError(
                        f"no class has the join code {join_code}; ask the teacher for it"
                    )
                _insert_user(conn, values)
                _enrol(conn, login, class_id, now)
        except IntegrityError:
            raise _taken(login) from None
        return self.user(login)

    @reported
    def user(self, login: str) -> User:
        """The user with this login; NotFound names the logins there are."""
        with self.engine.connect() as conn:
            return _user(conn, login)

    @reported
    def user_by_id(self, user_id: int) -> User:
        with self.engine.connect() as conn:
            row = conn.execute(select(USERS).where(USERS.c.id == user_id)).first()
        if row is None:
            raise NotFound(f"no user with id {user_id}")
        return _user_of(row)

    def local(self) -> User:
        """The local user, who the command line acts as."""
        return self.user(LOCAL_LOGIN)

    @reported
    def users(self) -> list[User]:
        """Every user, by login."""
        with self.engine.connect() as conn:
            return [_user_of(row) for row in conn.execute(select(USERS).order_by(USERS.c.login))]

    @reported
    def set_password(self, login: str, password: str) -> None:
        """Give a user a new password (hashed with argon2)."""
        hashed = _hash(password)
        with writing(self.engine) as conn:
            _user(conn, login)
            conn.execute(update(USERS).where(USERS.c.login == login).values(password_hash=hashed))

    @reported
    def verify_password(self, login: str, password: str) -> bool:
        """Whether ``password`` is the user's; False for a user without one (after as long
        as a check takes, see ``verify_nothing``). A hash made with older settings is made
        again with today's."""
        with self.engine.connect() as conn:
            _user(conn, login)
            hashed = conn.scalar(select(USERS.c.password_hash).where(USERS.c.login == login))
        if hashed is None:
            verify_nothing(password)
            return False
        right, fresh = _hasher().verify_and_update(password, hashed)
        if right and fresh is not None:
            with writing(self.engine) as conn:
                conn.execute(
                    update(USERS).where(USERS.c.login == login).values(password_hash=fresh)
                )
        return bool(right)

    @reported
    def set_user_exam_date(self, login: str, exam_date: date | None) -> None:
        """A student's own exam date (None: their classes' dates count again)."""
        with writing(self.engine) as conn:
            _user(conn, login)
            conn.execute(update(USERS).where(USERS.c.login == login).values(exam_date=exam_date))

    @reported
    def exam_date(self, user_id: int, today: date) -> date | None:
        """The exam date that counts for a user: their own if set, else the soonest of their
        classes' exam dates from ``today`` on; None if there is neither."""
        with self.engine.connect() as conn:
            own: date | None = conn.scalar(select(USERS.c.exam_date).where(USERS.c.id == user_id))
            if own is not None:
                return own
            soonest: date | None = conn.scalar(
                select(func.min(CLASSES.c.exam_date))
                .join(ENROLMENTS, ENROLMENTS.c.class_id == CLASSES.c.id)
                .where(ENROLMENTS.c.student_id == user_id, CLASSES.c.exam_date >= today)
            )
        return soonest

    # -- classes ----------------------------------------------------------------------------

    @reported
    def add_class(self, teacher: str, name: str, *, now: datetime) -> SchoolClass:
        """A new class taught by ``teacher`` (a teacher or an admin), with a new join code."""
        if not name.strip():
            raise PeopleError("a class needs a name, such as 'Year 12 history'")
        for _ in range(_CODE_TRIES):
            try:
                with writing(self.engine) as conn:
                    teacher_id = _teacher_id(conn, teacher)
                    class_id = conn.scalar(
                        insert(CLASSES)
                        .values(
                            teacher_id=teacher_id,
                            name=name.strip(),
                            join_code=_new_code(),
                            created_at=now,
                        )
                        .returning(CLASSES.c.id)
                    )
                assert class_id is not None
                return self.school_class(int(class_id))
            except IntegrityError:
                continue  # the code was taken (one in about 10^12): make another
        raise PeopleError(f"no free join code was found for the class {name}; try again")

    @reported
    def school_class(self, class_id: int) -> SchoolClass:
        with self.engine.connect() as conn:
            [found] = _classes(conn, _class_row(conn, class_id).id)
        return found

    @reported
    def class_by_code(self, join_code: str) -> SchoolClass:
        """The class with this join code (any case, spaces ignored); NotFound if none."""
        with self.engine.connect() as conn:
            class_id = _class_id_of_code(conn, join_code)
        if class_id is None:
            raise NotFound(f"no class has the join code {join_code}; ask the teacher for it")
        return self.school_class(class_id)

    @reported
    def classes(self, teacher: str | None = None) -> list[SchoolClass]:
        """Every class, or a teacher's, by name."""
        with self.engine.connect() as conn:
            teacher_id = None if teacher is None else _user(conn, teacher).id
            return _classes(conn, teacher_id=teacher_id)

    @reported
    def enrol(self, student: str, class_id: int, *, now: datetime) -> SchoolClass:
        """Put a student in a class (again is no change)."""
        with writing(self.engine) as conn:
            _enrol(conn, student, _class_row(conn, class_id).id, now)
        return self.school_class(class_id)

    @reported
    def join(self, student: str, join_code: str, *, now: datetime) -> SchoolClass:
        """Put a student in the class with this join code (any case, spaces ignored)."""
        with writing(self.engine) as conn:
            class_id = _class_id_of_code(conn, join_code)
            if class_id is None:
                raise NotFound(f"no class has the join code {join_code}; ask the teacher for it")
            _enrol(conn, student, class_id, now)
        return self.school_class(class_id)

    @reported
    def leave(self, student: str, class_id: int) -> None:
        """Take a student out of a class; what they did stays theirs."""
        with writing(self.engine) as conn:
            user = _user(conn, student)
            conn.execute(
                delete(ENROLMENTS).where(
                    ENROLMENTS.c.class_id == _class_row(conn, class_id).id,
                    ENROLMENTS.c.student_id == user.id,
                )
            )

    @reported
    def assign_course(self, class_id: int, course: str) -> SchoolClass:
        """Give a class a course to study (by slug or id; again is no change)."""
        with writing(self.engine) as conn:
            _class_row(conn, class_id)
            course_id = _course_id(conn, course)
            held = select(CLASS_COURSES).where(
                CLASS_COURSES.c.class_id == class_id, CLASS_COURSES.c.course_id == course_id
            )
            if conn.execute(held).first() is None:
                conn.execute(insert(CLASS_COURSES).values(class_id=class_id, course_id=course_id))
        return self.school_class(class_id)

    @reported
    def set_class_exam_date(self, class_id: int, exam_date: date | None) -> SchoolClass:
        """The class's exam date (None: no date)."""
        with writing(self.engine) as conn:
            _class_row(conn, class_id)
            conn.execute(
                update(CLASSES).where(CLASSES.c.id == class_id).values(exam_date=exam_date)
            )
        return self.school_class(class_id)


#: How many join codes are tried before giving up (a clash is one in about 10^12).
_CODE_TRIES = 5


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_LETTERS) for _ in range(_CODE_LENGTH))


def check_password(password: str) -> None:
    """The password policy, in one place: at least ``MIN_PASSWORD`` characters, not all
    spaces. A PeopleError saying the rule otherwise."""
    if len(password) < MIN_PASSWORD:
        raise PeopleError(
            f"a password needs at least {MIN_PASSWORD} characters; this one has {len(password)}"
        )
    if not password.strip():
        raise PeopleError("a password cannot be only spaces")


def _hash(password: str) -> str:
    check_password(password)
    return _hasher().hash(password)


@cache
def _dummy_hash() -> str:
    return _hasher().hash("no one's password")


def verify_nothing(password: str) -> None:
    """Check ``password`` against a hash nobody has, taking as long as a real check: a
    sign-in for an unknown login (or one without a password) then takes as long as a wrong
    password, so the time does not tell which logins exist."""
    _hasher().verify(password, _dummy_hash())


def _new_user(
    login: str, display_name: str, role: str, password: str | None, now: datetime
) -> dict[str, Any]:
    """A new user's row, checked (login, role, name, password) and its password hashed."""
    _check_login(login)
    _check_role(role)
    if not display_name.strip():
        raise PeopleError(f"the user {login} needs a display name (their name as shown)")
    return {
        "login": login,
        "display_name": display_name.strip(),
        "password_hash": None if password is None else _hash(password),
        "role": role,
        "created_at": now,
    }


def _insert_user(conn: Connection, values: dict[str, Any]) -> None:
    if conn.scalar(select(USERS.c.id).where(USERS.c.login == values["login"])) is not None:
        raise _taken(values["login"])
    conn.execute(insert(USERS).values(**values))


def _class_id_of_code(conn: Connection, join_code: str) -> int | None:
    code = "".join(join_code.split()).upper()
    found = conn.scalar(select(CLASSES.c.id).where(CLASSES.c.join_code == code))
    return None if found is None else int(found)


def _check_login(login: str) -> None:
    if not _LOGIN.fullmatch(login):
        raise PeopleError(
            f"the login {login!r} cannot be used: a login is 1 to 80 letters, digits, dots, "
            "dashes or underscores, starting with a letter or digit"
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise PeopleError(f"there is no role {role!r}; a user is one of: {', '.join(ROLES)}")


def _taken(login: str) -> PeopleError:
    return PeopleError(f"the login {login} is taken; choose another")


def _user(conn: Connection, login: str) -> User:
    row = conn.execute(select(USERS).where(USERS.c.login == login)).first()
    if row is None:
        known = ", ".join(conn.scalars(select(USERS.c.login).order_by(USERS.c.login)))
        raise NotFound(f"no user '{login}'; the users are: {known}")
    return _user_of(row)


def _user_of(row: Any) -> User:
    return User(
        id=row.id,
        login=row.login,
        display_name=row.display_name,
        role=row.role,
        exam_date=row.exam_date,
        has_password=row.password_hash is not None,
    )


def _teacher_id(conn: Connection, login: str) -> int:
    user = _user(conn, login)
    if user.role not in _TEACHING:
        raise PeopleError(f"{login} is a {user.role}; only a teacher or an admin can have a class")
    return user.id


def _enrol(conn: Connection, student: str, class_id: int, now: datetime) -> None:
    user = _user(conn, student)
    if user.role != "student":
        raise PeopleError(f"{student} is a {user.role}, not a student; only students join classes")
    held = select(ENROLMENTS).where(
        ENROLMENTS.c.class_id == class_id, ENROLMENTS.c.student_id == user.id
    )
    if conn.execute(held).first() is None:
        conn.execute(
            insert(ENROLMENTS).values(class_id=class_id, student_id=user.id, enrolled_at=now)
        )


def _class_row(conn: Connection, class_id: int) -> Any:
    row = conn.execute(select(CLASSES).where(CLASSES.c.id == class_id)).first()
    if row is None:
        known = ", ".join(
            f"{r.id} ({r.name})" for r in conn.execute(select(CLASSES).order_by(CLASSES.c.id))
        )
        raise NotFound(f"no class {class_id}; the classes are: {known or 'none yet'}")
    return row


def _course_id(conn: Connection, ref: str) -> int:
    for row in conn.execute(select(COURSES.c.id, COURSES.c.slug)):
        if ref in (row.slug, str(row.id)):
            return int(row.id)
    raise NotFound(f"no course '{ref}'; 'pastpaper courses' lists them")


def _classes(
    conn: Connection, class_id: int | None = None, teacher_id: int | None = None
) -> list[SchoolClass]:
    query = (
        select(CLASSES, USERS.c.login.label("teacher"))
        .join(USERS, USERS.c.id == CLASSES.c.teacher_id)
        .order_by(CLASSES.c.name, CLASSES.c.id)
    )
    if class_id is not None:
        query = query.where(CLASSES.c.id == class_id)
    if teacher_id is not None:
        query = query.where(CLASSES.c.teacher_id == teacher_id)
    rows = conn.execute(query).all()
    ids = [row.id for row in rows]
    students = _grouped(
        conn.execute(
            select(ENROLMENTS.c.class_id, USERS.c.login)
            .join(USERS, USERS.c.id == ENROLMENTS.c.student_id)
            .where(ENROLMENTS.c.class_id.in_(ids))
            .order_by(USERS.c.login)
        )
    )
    courses = _grouped(
        conn.execute(
            select(CLASS_COURSES.c.class_id, COURSES.c.slug)
            .join(COURSES, COURSES.c.id == CLASS_COURSES.c.course_id)
            .where(CLASS_COURSES.c.class_id.in_(ids))
            .order_by(COURSES.c.id)
        )
    )
    return [
        SchoolClass(
            id=row.id,
            name=row.name,
            teacher=row.teacher,
            join_code=row.join_code,
            exam_date=row.exam_date,
            students=tuple(students.get(row.id, ())),
            courses=tuple(courses.get(row.id, ())),
        )
        for row in rows
    ]


def _grouped(rows: Iterable[Any]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for key, value in rows:
        grouped.setdefault(key, []).append(value)
    return grouped
