"""Database failures, reported as errors a user can act on: what went wrong, in plain words."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DisconnectionError, OperationalError, SQLAlchemyError

from pastpaper.errors import StoreError

__all__ = ["cause", "reported"]

P = ParamSpec("P")
R = TypeVar("R")

# What the database drivers say, and what it means to a user. SQLite's messages are fixed
# strings; PostgreSQL's (through psycopg) name a lost or refused connection.
_CAUSES = (
    (("readonly database", "read-only", "readonly"), "the database file is read-only"),
    (
        ("database is locked", "database table is locked"),
        "another program holds the database locked",
    ),
    (("disk is full", "no space left"), "the disk is full"),
    (("disk i/o error",), "the disk could not be read or written (a disk I/O error)"),
    (("unable to open database", "cannot open"), "the database file cannot be opened"),
    (
        (
            "connection refused",
            "server closed the connection",
            "terminating connection",
            "connection is closed",
            "could not connect",
            "connection failed",
            "the database system is shutting down",
            "the database system is starting up",
            "consuming input failed",
        ),
        "the database server cannot be reached",
    ),
    (("malformed", "not a database"), "the database file is damaged or is not a database"),
)


def cause(error: BaseException) -> str:
    """The reason a database operation failed, in a user's words, with the driver's own.

    >>> import sqlite3
    >>> cause(sqlite3.OperationalError("attempt to write a readonly database"))
    'the database file is read-only (attempt to write a readonly database)'
    """
    reason = getattr(error, "orig", None) or error
    said = " ".join(str(reason).split())
    lowered = said.lower()
    for needles, meaning in _CAUSES:
        if any(needle in lowered for needle in needles):
            return f"{meaning} ({said[:200]})"
    if isinstance(error, DisconnectionError) or (
        isinstance(error, OperationalError) and error.connection_invalidated
    ):
        return f"the database server cannot be reached ({said[:200]})"
    return f"the database failed: {said[:300]}"


def reported(method: Callable[P, R]) -> Callable[P, R]:
    """A database that fails while being read or written is a StoreError, not a traceback."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as error:
            raise StoreError(f"the database could not be used: {cause(error)}") from None

    return wrapper
