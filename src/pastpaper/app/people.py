"""People through the application layer: users, passwords, classes, who may change what.

    app.add_user("ann", "Ann Lee", "teacher", password="a long secret")   # an admin only
    history = app.acting_for(app.store.people.user("ann")).add_class("ann", "Year 12 history")
    app.sign_up(history.join_code, "bo", "Bo Chan", "another secret")      # a new student

The rules of who may do what live here, over ``store.people`` (which checks what a change
must be: a login's letters, a role, the password policy): only an admin adds users; a teacher
adds classes for themself, an admin for anyone; only a class's teacher or an admin enrols,
removes a student, assigns courses, sets the exam date and sees the roster (another's class
is NotFound to a teacher there). ``self.user`` is who acts (the command line's local user is
an admin). A rule broken is ``Forbidden``; the time of each change is ``self.now()``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from pastpaper.app.base import Base
from pastpaper.errors import Forbidden, NotFound, PeopleError, TooManySignIns
from pastpaper.store.people import SchoolClass, User, check_password, verify_nothing

__all__ = [
    "SESSION_LIFETIME",
    "SIGN_IN_WINDOW",
    "TRIES_PER_ACCOUNT",
    "TRIES_PER_ADDRESS",
    "Accounts",
    "ClassDetail",
]

#: Failed sign-ins allowed for one login within SIGN_IN_WINDOW before it must wait (whether
#: or not such an account exists, so the wait tells nothing), and from one address (a
#: school's pupils may share one, so more).
TRIES_PER_ACCOUNT = 5
TRIES_PER_ADDRESS = 30
SIGN_IN_WINDOW = timedelta(minutes=15)
#: How long a web session lasts from signing in.
SESSION_LIFETIME = timedelta(days=14)
#: What a refused sign-up is counted under (no login can be written so: it has a space).
_SIGN_UP = "(sign up)"


@dataclass(frozen=True)
class ClassDetail:
    """A class as its teacher sees it: the class, and its students as users (names too)."""

    school_class: SchoolClass
    students: list[User]


class Accounts(Base):
    """Users and classes, as the acting user may see and change them."""

    # -- users ------------------------------------------------------------------------------

    def add_user(
        self, login: str, display_name: str, role: str, password: str | None = None
    ) -> User:
        """A new user (an admin only); without a password they cannot sign in until one is
        set (``set_password``)."""
        self._require_admin("add users")
        return self.store.people.add_user(
            login, display_name, role, password=password, now=self.now()
        )

    def users(self) -> list[User]:
        """Every user, by login (for an admin or a teacher: a student sees only themself)."""
        if self.user.role == "student":
            return [self.store.people.user(self.user.login)]
        return self.store.people.users()

    def user_by_id(self, user_id: int) -> User:
        """The user with this id (a signed-in session keeps the id); NotFound if none."""
        return self.store.people.user_by_id(user_id)

    def password_target(self, login: str) -> User:
        """The user whose password the acting user may set: themself, or anyone for an
        admin; Forbidden or NotFound otherwise (asked before a password is typed)."""
        if login != self.user.login:
            self._require_admin("set another user's password")
        return self.store.people.user(login)

    def set_password(self, login: str, password: str) -> None:
        """Give a user a new password: an admin for anyone, a user for themself."""
        self.password_target(login)
        self.store.people.set_password(login, password)

    def change_password(self, current: str, new: str, keep_session: str | None = None) -> None:
        """The acting user's new password, given their current one (a PeopleError if it is
        wrong); the new one is checked against the policy first. Every web session of the
        user ends but ``keep_session`` (the browser that changed it)."""
        check_password(new)
        if not self.store.people.verify_password(self.user.login, current):
            raise PeopleError("the current password is not right; the password is unchanged")
        self.store.people.set_password(self.user.login, new)
        self.store.sessions.end_others(self.user.id, keep_session)

    # -- web sessions ---------------------------------------------------------------------

    def begin_session(self, user: User) -> str:
        """A new web session for ``user`` (who has just signed in); its token. Sessions
        that have outlived SESSION_LIFETIME are forgotten meanwhile."""
        now = self.now()
        self.store.sessions.forget_before(now - SESSION_LIFETIME)
        return self.store.sessions.begin(user.id, now)

    def session_user(self, token: str) -> User | None:
        """The user of a web session that has not ended or expired, else None."""
        user_id = self.store.sessions.user_of(token, self.now() - SESSION_LIFETIME)
        if user_id is None:
            return None
        try:
            return self.store.people.user_by_id(user_id)
        except NotFound:
            return None

    def end_session(self, token: str) -> None:
        """End a web session (signing out)."""
        self.store.sessions.end(token)

    # -- signing in -------------------------------------------------------------------------

    def has_accounts(self) -> bool:
        """Whether any user can sign in (has a password); if none can, the first may be made."""
        return any(user.has_password for user in self.store.people.users())

    def first_account(self, login: str, display_name: str, password: str) -> User:
        """The first account that can sign in, an admin; only while ``has_accounts`` is False
        (a PeopleError after), so a new server's first visitor sets it up and no one later;
        the check and the account are one transaction."""
        return self.store.people.add_first_admin(
            login, display_name, password=password, now=self.now()
        )

    def sign_in(self, login: str, password: str, address: str = "local") -> User | None:
        """The user with this login and password; None for an unknown login or a wrong
        password alike, in about the same time, so a sign-in page cannot tell which.
        TooManySignIns, before the password is checked, after TRIES_PER_ACCOUNT failures
        for the login or TRIES_PER_ADDRESS from ``address`` (the client's) within
        SIGN_IN_WINDOW; the wait ends as the oldest of them leaves the window."""
        now = self.now()
        sign_ins = self.store.sign_ins
        self._not_too_many(login, address)
        try:
            user = self.store.people.user(login)
        except NotFound:
            verify_nothing(password)
            user = None
        if user is None or not self.store.people.verify_password(login, password):
            sign_ins.record_failure(login, address, now)
            return None
        sign_ins.clear(login)
        return user

    def sign_up(
        self,
        join_code: str,
        login: str,
        display_name: str,
        password: str,
        address: str = "local",
    ) -> User:
        """A new student in the class with this join code; an unknown code makes no account.
        A sign-up refused (a wrong code, a login taken) counts as a failure from ``address``,
        as a failed sign-in does, so that logins cannot be tried one after another to learn
        which are taken: TooManySignIns after TRIES_PER_ADDRESS within SIGN_IN_WINDOW."""
        self._not_too_many(_SIGN_UP, address)
        try:
            return self.store.people.add_student(
                join_code, login, display_name, password=password, now=self.now()
            )
        except (PeopleError, NotFound):
            self.store.sign_ins.record_failure(_SIGN_UP, address, self.now())
            raise

    def _not_too_many(self, login: str, address: str) -> None:
        """TooManySignIns if the login or the address has failed too often of late."""
        now = self.now()
        recent = self.store.sign_ins.recent(login, address, now - SIGN_IN_WINDOW)
        for count, most, oldest, whose in (
            (recent.by_login, TRIES_PER_ACCOUNT, recent.login_oldest, "this login"),
            (recent.by_address, TRIES_PER_ADDRESS, recent.address_oldest, "your address"),
        ):
            if login == _SIGN_UP and whose == "this login":
                continue  # sign-ups count by address only
            if count >= most and oldest is not None:
                wait = max(1, math.ceil((oldest + SIGN_IN_WINDOW - now).total_seconds()))
                raise TooManySignIns(
                    f"Too many failed sign-ins for {whose}: try again in "
                    f"{math.ceil(wait / 60)} minute{'s' if wait > 60 else ''}.",
                    retry_after=wait,
                )

    # -- classes ----------------------------------------------------------------------------

    def add_class(self, teacher_login: str, name: str) -> SchoolClass:
        """A new class with a new join code: a teacher's own, or anyone's by an admin."""
        if teacher_login != self.user.login:
            self._require_admin("add a class for another teacher")
        return self.store.people.add_class(teacher_login, name, now=self.now())

    def classes(self, teacher: str | None = None) -> list[SchoolClass]:
        """The classes the acting user may see, by name: an admin every class (or one
        teacher's), a teacher their own, a student the classes they are in."""
        role, login = self.user.role, self.user.login
        if role == "admin":
            return self.store.people.classes(teacher)
        if teacher is not None and teacher != login:
            raise Forbidden(f"{login} is a {role}; only an admin sees another teacher's classes")
        if role == "teacher":
            return self.store.people.classes(login)
        return [c for c in self.store.people.classes() if login in c.students]

    def school_class(self, ref: int | str) -> SchoolClass:
        """A class by its id or its join code (digits alone are an id if such a class is)."""
        text = str(ref).strip()
        if not text.isdigit():
            return self.store.people.class_by_code(text)
        try:
            return self.store.people.school_class(int(text))
        except NotFound as by_id:
            if isinstance(ref, int):
                raise
            try:
                return self.store.people.class_by_code(text)
            except NotFound:
                raise by_id from None

    def enrol(self, student_login: str, class_ref: int | str) -> SchoolClass:
        """Put a student in a class (by id or join code): its teacher or an admin."""
        school_class = self.taught_class(class_ref, "enrol students in")
        return self.store.people.enrol(student_login, school_class.id, now=self.now())

    def remove_student(self, class_ref: int | str, student_login: str) -> SchoolClass:
        """Take a student out of a class: its teacher or an admin. What the student did
        (attempts, cards, drafts) stays theirs; NotFound if they are not in the class."""
        school_class = self.taught_class(class_ref, "remove students from")
        if student_login not in school_class.students:
            raise NotFound(f"{student_login} is not in {school_class.name}")
        self.store.people.leave(student_login, school_class.id)
        return self.school_class(school_class.id)

    def class_detail(self, class_ref: int | str) -> ClassDetail:
        """A class the acting user teaches (or any, for an admin), with its students'
        names. Another teacher's class is NotFound, as if it were not there, so a page
        never tells a teacher what classes others have."""
        school_class = self.school_class(class_ref)
        if self.user.role != "admin" and school_class.teacher != self.user.login:
            raise NotFound(f"no class {class_ref} among yours")
        people = self.store.people
        return ClassDetail(school_class, [people.user(login) for login in school_class.students])

    def assign_course(self, class_ref: int | str, course: str) -> SchoolClass:
        """Give a class a course (slug or id) to study: its teacher or an admin."""
        school_class = self.taught_class(class_ref, "assign courses to")
        self.require_visible_ref(course)
        return self.store.people.assign_course(school_class.id, course)

    def set_class_exam_date(self, class_ref: int | str, exam_date: date | None) -> SchoolClass:
        """A class's exam date (None: none): its teacher or an admin."""
        school_class = self.taught_class(class_ref, "set the exam date of")
        return self.store.people.set_class_exam_date(school_class.id, exam_date)

    # -- who may ----------------------------------------------------------------------------

    def _require_admin(self, doing: str) -> None:
        if self.user.role != "admin":
            raise Forbidden(f"{self.user.login} is a {self.user.role}; only an admin can {doing}")

    def taught_class(self, class_ref: int | str, doing: str) -> SchoolClass:
        """The class, if the acting user teaches it or is an admin; else Forbidden."""
        school_class = self.school_class(class_ref)
        if self.user.role != "admin" and school_class.teacher != self.user.login:
            raise Forbidden(
                f"{self.user.login} does not teach {school_class.name}; only its teacher "
                f"({school_class.teacher}) or an admin can {doing} it"
            )
        return school_class
