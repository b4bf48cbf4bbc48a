"""Every error pastpaper raises on purpose, under one base class.

    PastpaperError
    ├── Forbidden        a change the acting user may not make (only an admin adds users)
    ├── InputError       a notes file or course file that cannot be read as it stands
    ├── OutputError      a file that cannot be written, or would overwrite one
    ├── NotFound         a course, topic or question that is not in the store
    ├── NothingToMark    a question whose mark scheme has no point an answer could earn
    ├── PeopleError      a user or class change that cannot be made (a login taken, a role)
    ├── SettingsError    a setting (option or environment variable) that cannot be used
    └── StoreError       a database that cannot be opened, migrated or written
        └── AnswerKept   ... so an answer was kept in a file instead, to submit later

The CLI prints ``str(error)`` and exits non-zero; nobody sees a traceback for these.

An error (or a Notice) that the user can get past by asking differently names how in
``remedy``, a word such as ``"force"`` (replace the file) or ``"replace"`` (update the course
from this file): the message says what is wrong, and each interface adds how to ask, the CLI
its option (``pastpaper.cli.render.REMEDIES``), the web its button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

__all__ = [
    "AlreadySubmitted",
    "AnswerKept",
    "Forbidden",
    "InputError",
    "NotFound",
    "NothingToMark",
    "Notice",
    "OutputError",
    "PastpaperError",
    "PeopleError",
    "SettingsError",
    "StoreError",
    "TooManySignIns",
    "clip",
    "quote",
    "where",
]


class PastpaperError(Exception):
    """Base class: a message written for the user, saying what is wrong and what to do;
    ``remedy`` names what the user can ask for instead (see the module's docstring)."""

    def __init__(self, message: str = "", *, remedy: str | None = None):
        self.remedy = remedy
        super().__init__(message)


#: A place in a file: a line number, or a ready label such as ``"page 2, line 5"``.
Line = int | str | None


def where(path: str | Path | None, line: Line = None) -> str:
    """Format a location the way every message names one: ``notes.txt, line 12``."""
    label = f"line {line}" if isinstance(line, int) else line
    parts = [str(part) for part in (path, label) if part]
    return ", ".join(parts)


#: The most characters of a value from the user's file that a message quotes.
QUOTE_LIMIT = 200


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to at most ``limit`` characters, ending in an ellipsis where it was cut.

    >>> clip("Khrushchev denounced Stalin", 14)
    'Khrushchev de…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quote(value: object, limit: int = QUOTE_LIMIT) -> str:
    """A value from the user's file as a message shows it: its repr, at most ``limit`` long.

    A file can hold a value of any size; the message about it stays readable.

    >>> quote("banana")
    "'banana'"
    >>> quote("Stalin died in March 1953.", 12)
    "'Stalin di…'"
    """
    if isinstance(value, date):  # a YAML date, shown as it was written
        value = value.isoformat()
    text = repr(value)
    if len(text) > limit and isinstance(value, str):
        return clip(text[:-1], limit - 1) + text[-1]  # keep the closing quote
    return clip(text, limit)


@dataclass(frozen=True)
class Notice:
    """A warning about input that was imported all the same: what happened, and where."""

    message: str
    path: str | None = None
    line: Line = None
    remedy: str | None = None

    def __str__(self) -> str:
        location = where(self.path, self.line)
        return f"{location}: {self.message}" if location else self.message


class InputError(PastpaperError):
    """A file whose content cannot be imported; names the file and, where it can, the line."""

    def __init__(
        self,
        message: str,
        path: str | Path | None = None,
        line: Line = None,
        *,
        remedy: str | None = None,
    ):
        self.path = None if path is None else str(path)
        self.line = line
        location = where(path, line)
        super().__init__(f"{location}: {message}" if location else message, remedy=remedy)


class NotFound(PastpaperError):
    """Something asked for by id or name that the store does not hold."""


class NothingToMark(PastpaperError):
    """A question whose scheme has no creditable point: marking it would give a silent 0."""


class StoreError(PastpaperError):
    """The database cannot be opened, created or brought up to date."""


class PeopleError(PastpaperError):
    """A change to the people in the store that cannot be made: a login already taken, a
    role that cannot do it (a student cannot teach a class), a password too short."""


class Forbidden(PastpaperError):
    """A change the acting user's role does not allow: a student adding a class, a teacher
    enrolling a student in another teacher's class."""


class AlreadySubmitted(PastpaperError):
    """An answer sent again with the key it was first sent with: it is that attempt."""

    def __init__(self, attempt_id: int):
        super().__init__(f"this answer was already submitted, as attempt {attempt_id}")
        self.attempt_id = attempt_id


class TooManySignIns(PastpaperError):
    """Sign-in refused for a while after too many failures for an account or an address."""

    def __init__(self, message: str, retry_after: int):
        super().__init__(message)
        self.retry_after = retry_after  # seconds until a sign-in is tried again


class AnswerKept(StoreError):
    """The database would not take a student's answer, so it waits in a file of its own.

    ``path`` is that file; None if no file could be written either, and then the message
    holds the answer itself, so it can still be copied from the screen.
    """

    def __init__(self, cause: str, path: Path | None, answer: str):
        self.cause = cause
        self.path = path
        if path is not None:
            told = (
                f"{cause}. Your answer is not lost: it is kept in {path}, and the next "
                "practice session offers to submit it."
            )
        else:
            told = f"{cause}, and no file could keep the answer either. Here it is:\n{answer}"
        super().__init__(told)


class OutputError(PastpaperError):
    """A file pastpaper was asked to write that it cannot, or must not, write."""


class SettingsError(PastpaperError):
    """A setting given on the command line or in the environment that cannot be used."""
