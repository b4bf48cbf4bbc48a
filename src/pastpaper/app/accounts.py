"""Accounts through the application layer: the first account of a fresh store, signing in,
signing up with a class's join code, and changing one's password.

Signing in says only whether the login and password match an account: an unknown login and
a wrong password give the same answer, after the same work, so a sign-in page cannot be used
to find out who has an account.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from pastpaper.app.base import Base
from pastpaper.errors import NotFound, PeopleError

if TYPE_CHECKING:
    from pastpaper.store.people import User

__all__ = ["Accounts"]


@cache
def _stand_in_hash() -> str:
    """A hash to check a password against when the login is unknown, so that it takes as
    long as checking a real one."""
    from pwdlib import PasswordHash

    return PasswordHash.recommended().hash("no account has this password")


class Accounts(Base):
    """Who may use the store, and how they prove it."""

    def has_accounts(self) -> bool:
        """Whether anybody can sign in yet (the local user has no password)."""
        return any(user.has_password for user in self.store.people.users())

    def first_account(self, login: str, display_name: str, password: str) -> User:
        """The first account of a fresh store: an admin, who may also teach. Refused once
        any account can sign in."""
        if self.has_accounts():
            raise PeopleError("this pastpaper already has accounts; sign in instead")
        return self.store.people.add_user(
            login, display_name, "admin", password=password, now=self.now()
        )

    def sign_in(self, login: str, password: str) -> User | None:
        """The user whose login and password these are, or None."""
        people = self.store.people
        try:
            user = people.user(login.strip())
        except NotFound:
            from pwdlib import PasswordHash

            PasswordHash.recommended().verify(password, _stand_in_hash())
            return None
        return user if people.verify_password(user.login, password) else None

    def sign_up(self, join_code: str, login: str, display_name: str, password: str) -> User:
        """A new student in the class whose join code this is. An unknown code makes no
        account."""
        people = self.store.people
        school_class = people.class_by_code(join_code)
        user = people.add_user(
            login.strip(), display_name, "student", password=password, now=self.now()
        )
        people.enrol(user.login, school_class.id, now=self.now())
        return user

    def change_password(self, current: str, new: str) -> None:
        """Give the acting user a new password, if ``current`` is theirs now."""
        people = self.store.people
        if not people.verify_password(self.user.login, current):
            raise PeopleError("that is not your password now; the password is not changed")
        people.set_password(self.user.login, new)

    def user_by_id(self, user_id: int) -> User:
        """The user with this id (NotFound if there is none any more)."""
        return self.store.people.user_by_id(user_id)
