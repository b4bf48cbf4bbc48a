"""The demo's school, for ``pastpaper demo --web``: a teacher, a class with the example
courses, and a student in it, each with a new password to print, so the web app can be
tried at once. Run again, it reuses them and gives them new passwords.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from pastpaper.app.base import Base
from pastpaper.errors import NotFound, PeopleError

__all__ = ["DemoSchool", "DemoSchooling"]

TEACHER = "teacher"
STUDENT = "student"
CLASS_NAME = "Demo class"


@dataclass(frozen=True)
class DemoSchool:
    """Who the demo made, with the passwords to sign in with (shown once, never kept)."""

    teacher: str
    teacher_password: str
    student: str
    student_password: str
    class_name: str
    join_code: str
    courses: tuple[str, ...]


class DemoSchooling(Base):
    """Make the demo's teacher, class and student."""

    def demo_school(self, courses: list[str]) -> DemoSchool:
        """A teacher ("teacher"), their class ("Demo class") with ``courses`` (slugs) and a
        student ("student") in it; new passwords for both. An account of those logins with
        another role is left alone, and said (PeopleError)."""
        people = self.store.people
        teacher_password = self._demo_user(TEACHER, "Demo Teacher", "teacher")
        student_password = self._demo_user(STUDENT, "Demo Student", "student")
        school_class = next(
            (c for c in people.classes(TEACHER) if c.name == CLASS_NAME), None
        ) or people.add_class(TEACHER, CLASS_NAME, now=self.now())
        for slug in courses:
            if slug not in school_class.courses:
                school_class = people.assign_course(school_class.id, slug)
        if STUDENT not in school_class.students:
            school_class = people.enrol(STUDENT, school_class.id, now=self.now())
        return DemoSchool(
            teacher=TEACHER,
            teacher_password=teacher_password,
            student=STUDENT,
            student_password=student_password,
            class_name=school_class.name,
            join_code=school_class.join_code,
            courses=school_class.courses,
        )

    def _demo_user(self, login: str, name: str, role: str) -> str:
        """The demo user ``login`` (made if missing) with a new password; the password."""
        people = self.store.people
        password = secrets.token_urlsafe(9)
        try:
            user = people.user(login)
        except NotFound:
            people.add_user(login, name, role, password=password, now=self.now())
            return password
        if user.role != role:
            raise PeopleError(
                f"there is already a user '{login}' who is a {user.role}, not a {role}; "
                "the demo leaves them alone (use another database with --db)"
            )
        people.set_password(login, password)
        return password
