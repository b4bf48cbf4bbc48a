"""Backing up and restoring a SQLite store, with SQLite's online backup API: a backup is a
consistent copy of the database taken while it is in use (writes that commit meanwhile are
in it or not, never half), and a restore keeps the database it replaces beside it, so that
nothing anyone wrote is lost by restoring the wrong file. PostgreSQL's own tools do this for
a server's database (pg_dump and pg_restore; the README gives the commands).

    backup(Path("bank.db"), Path("bank-2026-12-01.db"))
    restore(Path("bank-2026-12-01.db"), Path("bank.db"), now)   # the old one kept beside it
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pastpaper.errors import InputError, OutputError, StoreError

__all__ = ["Restored", "backup", "restore"]

_SQLITE = b"SQLite format 3\x00"


@dataclass(frozen=True)
class Restored:
    """What a restore did: the database it wrote, and where the one it replaced was kept
    (None when there was none)."""

    database: Path
    kept: Path | None


def backup(database: Path, target: Path) -> int:
    """Copy the SQLite database at ``database`` to the new file ``target`` while it may be
    in use; the copy's size in bytes. An existing ``target`` is never written over."""
    if not database.is_file():
        raise StoreError(f"there is no database at {database} to back up")
    if target.exists() or target.is_symlink():
        raise OutputError(f"{target} exists; back up to a new file")
    if not target.parent.is_dir():
        raise OutputError(f"{target}: cannot write: the folder {target.parent} does not exist")
    written = _copied(database, target.parent, target.name)
    try:
        os.link(written, target)  # only if nothing appeared there meanwhile
    except FileExistsError:
        raise OutputError(f"{target} exists; back up to a new file") from None
    except OSError as error:
        raise OutputError(f"{target}: cannot write ({error.strerror or error})") from None
    finally:
        written.unlink(missing_ok=True)
    return target.stat().st_size


def restore(source: Path, database: Path, now: datetime) -> Restored:
    """Make the backup ``source`` the database at ``database``. The database there before is
    first copied whole to ``NAME.before-restore-TIME`` beside it (kept, never deleted), and
    the backup is checked (a SQLite file, intact, a pastpaper database) before anything is
    touched. The restored database is brought up to this version's schema when next opened.
    No server may have the database open meanwhile: stop ``pastpaper serve`` first."""
    check_backup(source)
    kept = None
    if database.exists():
        if database.resolve() == source.resolve():
            raise InputError("is the database in use itself; restore from a backup of it", source)
        kept = database.with_name(f"{database.name}.before-restore-{now:%Y%m%dT%H%M%S}")
        if kept.exists():
            raise OutputError(f"{kept} exists; wait a second and restore again")
        _settle(database)
        made = _copied(database, database.parent, kept.name)
        os.replace(made, kept)
    elif not database.parent.is_dir():
        raise OutputError(f"{database}: cannot write: the folder {database.parent} does not exist")
    made = _copied(source, database.parent, database.name)
    os.replace(made, database)
    # The old database's write-ahead log, emptied by _settle, must not be read as the new one's.
    for stale in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        stale.unlink(missing_ok=True)
    return Restored(database=database, kept=kept)


def check_backup(source: Path) -> None:
    """InputError unless ``source`` is an intact SQLite database that pastpaper wrote."""
    try:
        with source.open("rb") as file:
            head = file.read(len(_SQLITE))
    except FileNotFoundError:
        raise InputError("no such file", source) from None
    except OSError as error:
        raise InputError(f"cannot be read ({error.strerror})", source) from None
    if head != _SQLITE:
        raise InputError("is not a SQLite database, so not a pastpaper backup", source)
    try:
        with contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as conn:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
    except sqlite3.DatabaseError as error:
        raise InputError(f"cannot be read as a database ({error})", source) from None
    if verdict != "ok":
        raise InputError(f"is damaged (SQLite's check says: {verdict})", source)
    if revision is None or not {"courses", "questions"} <= tables:
        raise InputError("is a SQLite database but not one pastpaper wrote", source)
    from pastpaper.store.migrate import HEAD

    if str(revision[0]) > HEAD:
        raise InputError(
            f"was written by a newer pastpaper (schema {revision[0]}, this one knows up to "
            f"{HEAD}); upgrade pastpaper first",
            source,
        )


def _settle(database: Path) -> None:
    """Write the database's write-ahead log into it, so the file alone holds everything."""
    try:
        with contextlib.closing(sqlite3.connect(database, timeout=10)) as conn:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot read the database {database} ({error})") from None
    if busy:
        raise StoreError(
            f"the database {database} is in use (is pastpaper serve running?); stop it and "
            "restore again"
        )


def _copied(database: Path, folder: Path, name: str) -> Path:
    """A consistent copy of ``database`` in a new temporary file in ``folder``."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".part")
    os.close(handle)
    copy = Path(temporary)
    try:
        with (
            contextlib.closing(sqlite3.connect(database, timeout=10)) as source,
            contextlib.closing(sqlite3.connect(copy)) as target,
        ):
            source.backup(target)
    except sqlite3.DatabaseError as error:
        copy.unlink(missing_ok=True)
        raise StoreError(f"cannot copy the database {database} ({error})") from None
    except BaseException:
        copy.unlink(missing_ok=True)
        raise
    return copy
