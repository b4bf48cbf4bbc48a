"""Bring a database's tables up to date with Alembic, from inside the running program.

Alembic is only imported when a database actually needs migrating: every command opens
the store, and most find it up to date. Several processes may open a new database at
once: one migrates, under a lock, and the others wait for it, then find it up to date.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from pastpaper.errors import StoreError
from pastpaper.store.guard import cause
from pastpaper.store.transactions import migrating

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD", "alembic_config", "migrate"]

MIGRATIONS = Path(__file__).with_name("migrations")

#: The newest migration; tests/test_store.py checks it is the head of ``migrations/``.
HEAD = "0007"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, name: str) -> None:
    """Upgrade the database to the newest schema; a no-op when it is already there."""
    try:
        with engine.connect() as conn:
            if _current_revision(conn) == HEAD:
                return
        with migrating(engine) as conn:
            # Checked again under the lock: another process may have migrated meanwhile.
            if _current_revision(conn) == HEAD:
                return
            from alembic import command
            from alembic.util import CommandError

            config = alembic_config()
            config.attributes["connection"] = conn
            try:
                command.upgrade(config, "head")
            except CommandError as error:
                raise StoreError(
                    f"the database {name} was written by a newer pastpaper ({error}); "
                    "upgrade pastpaper"
                ) from None
    except SQLAlchemyError as error:
        raise StoreError(
            f"cannot open the database {name}: {cause(error)}; give another with --db PATH_OR_URL"
        ) from None


def _current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if revision is None else str(revision)
