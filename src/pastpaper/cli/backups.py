"""The backup commands: backup (a copy of the SQLite store, taken while it is in use) and
restore (a backup put in the store's place, the database it replaces kept beside it)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from pastpaper.cli.options import friendly, now, open_app
from pastpaper.cli.render import out
from pastpaper.settings import load_settings

__all__ = ["backup", "restore"]


@friendly
def backup(
    ctx: typer.Context,
    output: Annotated[Path, typer.Argument(metavar="OUT", help="The backup to write: a new file.")],
) -> None:
    """Copy the database to a new file while it is in use (SQLite's online backup): the
    copy holds every write committed before it began. PostgreSQL: use pg_dump.

    Example: pastpaper backup bank-2026-12-01.db
    """
    size = open_app(ctx).backup(output)
    out.print(f"Backed up the database to {escape(str(output))} ({size / 1e6:.1f} MB).")


@friendly
def restore(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(metavar="IN", help="A backup made with 'pastpaper backup'.")
    ],
) -> None:
    """Put a backup in the database's place. The database it replaces is kept beside it
    (NAME.before-restore-TIME), so nothing is lost; stop 'pastpaper serve' first.

    Example: pastpaper restore bank-2026-12-01.db
    """
    from pastpaper.app.backups import restore_database

    settings = load_settings(ctx.obj)
    done = restore_database(settings.db, source, now())
    out.print(f"Restored {escape(str(done.database))} from {escape(str(source))}.")
    if done.kept is not None:
        out.print(f"The database it replaced is kept as {escape(str(done.kept))}.")
