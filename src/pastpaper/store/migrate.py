"""Bring a database's tables up to date with Alembic, from inside the running program."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from pastpaper.errors import StoreError

__all__ = ["alembic_config", "migrate"]

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine, name: str) -> None:
    """Upgrade the database to the newest schema; a no-op when it is already there."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    try:
        with engine.begin() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            if current == head:
                return
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except CommandError as error:
        raise StoreError(
            f"the database {name} was written by a newer pastpaper ({error}); upgrade pastpaper"
        ) from None
    except SQLAlchemyError as error:
        reason = getattr(error, "orig", None) or error
        raise StoreError(
            f"cannot open the database {name}: {reason}; give another with --db PATH_OR_URL"
        ) from None
