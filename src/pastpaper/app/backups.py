"""Backups of the store: ``backup`` copies a SQLite store while it is in use; ``restore``
puts a backup in its place, keeping the database it replaces. A server's PostgreSQL
database is backed up with PostgreSQL's own tools (pg_dump), as the README says."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from pastpaper.app.base import Base
from pastpaper.errors import Forbidden, StoreError
from pastpaper.store import database_path
from pastpaper.store.backup import Restored, backup, restore

__all__ = ["Backups", "restore_database"]

_SERVER = (
    "is a PostgreSQL database: back it up with pg_dump and restore it with pg_restore "
    "(see Backups in the README)"
)


class Backups(Base):
    """Back up the store."""

    def backup(self, target: Path) -> int:
        """Copy the store to the new file ``target`` (an admin's job); its size in bytes."""
        if self.user.role != "admin":
            raise Forbidden(f"{self.user.login} is a {self.user.role}; only an admin backs up")
        path = self.store.path
        if path is None:
            raise StoreError(f"{self.store.name} {_SERVER}")
        return backup(path, target)


def restore_database(db: str, source: Path, now: datetime) -> Restored:
    """Make the backup ``source`` the SQLite database ``db``, keeping the one it replaces."""
    path = database_path(db)
    if path is None:
        raise StoreError(f"{db} {_SERVER}")
    return restore(source, path, now)
