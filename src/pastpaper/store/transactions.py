"""Transactions that many processes can run at once on one database.

    with writing(engine) as conn:      # reads, then writes what it read about
        ...
    with migrating(engine) as conn:    # one process at a time brings the tables up to date
        ...

A transaction that reads and then writes must hold the write lock from its first
statement. SQLite's ordinary (deferred) transaction takes it only at its first write, and
if another process wrote in between, that write fails at once with "database is locked";
so ``writing`` begins ``BEGIN IMMEDIATE``, which waits (``busy_timeout``) for the writer
before it and then reads what that one wrote. pysqlite would emit its own, late, BEGIN: it
is told not to, and the engine's "begin" event emits ours (the recipe in SQLAlchemy's
SQLite dialect documentation). On PostgreSQL row locks and unique indexes keep concurrent
writes apart; ``migrating`` also takes an advisory lock there, because two processes
creating the same tables at once collide in the system catalogues.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, event, text

__all__ = ["migrating", "prepare", "writing"]

#: How long a SQLite connection waits for another's lock, in milliseconds.
_BUSY_MS = 10_000

#: The execution option that makes a SQLite transaction begin IMMEDIATE.
_WRITE = "pastpaper_write"

#: The key of the PostgreSQL advisory lock held while migrating (any fixed 64-bit number).
MIGRATION_LOCK = 0x7061_7374_7061_7065  # "pastpape"


def prepare(engine: Engine) -> None:
    """Set up a new engine: on SQLite, the connection pragmas and our own BEGIN."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # pysqlite emits no BEGIN; _sqlite_begin does
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
    _into_wal(cursor)
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _into_wal(cursor: Any) -> None:
    """Put the database in WAL mode. On a new file, two processes switching it at once
    deadlock, and SQLite fails one of them at once ("database is locked") instead of
    waiting: so wait here, as long as the busy timeout, and try again."""
    import sqlite3

    waited = 0.0
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or waited >= _BUSY_MS / 1000:
                raise
            pause = 0.005 + random.random() * 0.02
            time.sleep(pause)
            waited += pause


def _sqlite_begin(conn: Connection) -> None:
    immediate = conn.get_execution_options().get(_WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A transaction, committed at the end, that no other writer can slip into."""
    with engine.connect() as conn:
        conn.execution_options(**{_WRITE: True})
        with conn.begin():
            yield conn


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A writing transaction that also holds, on PostgreSQL, the migration lock."""
    with writing(engine) as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        yield conn
