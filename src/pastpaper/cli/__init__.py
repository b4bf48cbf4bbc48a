"""The ``pastpaper`` command: a package of thin commands over ``pastpaper.app.Pastpaper``.

Each command parses, calls one method of the application layer, renders what comes back.
The commands live by what they are for: ``bank`` (import, courses, questions, show, points,
scheme, export, demo), ``marking`` (mark, eval), ``study`` (cards, review, practise,
progress, trends, timeline), ``exports`` (export-anki, export-moodle), ``people`` (users,
classes) and ``backups`` (backup, restore); ``options`` holds
what they share besides printing, ``render`` the printing. None imports another command
module; this one gathers them, in the order ``--help`` lists them.

Errors meant for the user (``PastpaperError``) are printed as one line and exit with 1.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pastpaper.cli import backups, bank, exports, marking, people, study, web
from pastpaper.cli.options import HELP, friendly
from pastpaper.settings import load_settings

__all__ = ["app", "main"]

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
@friendly
def options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="PASTPAPER_DB", metavar="PATH_OR_URL", help=HELP["db"].description
        ),
    ] = None,
    user: Annotated[
        str | None,
        typer.Option(
            "--user", envvar="PASTPAPER_USER", metavar="LOGIN", help=HELP["user"].description
        ),
    ] = None,
) -> None:
    """pastpaper turns revision notes into an examiner: a question bank, mark schemes, marking.

    Example: pastpaper --db school.db import notes.txt
    """
    ctx.obj = load_settings(db=db, user=user)


app.command("import")(bank.import_)
app.add_typer(bank.courses_app, name="courses")
app.command()(bank.questions)
app.command()(bank.show)
app.command()(bank.points)
app.command()(bank.scheme)
app.command("mark")(marking.mark_)
app.command("eval")(marking.eval_)
app.command()(bank.export)
app.command()(bank.demo)
app.command()(study.cards)
app.command()(study.review)
app.command()(study.practise)
app.command()(study.progress)
app.command()(study.trends)
app.command()(study.timeline)
app.command("export-anki")(exports.export_anki)
app.command("export-moodle")(exports.export_moodle)
app.command()(web.serve)
app.add_typer(people.users_app, name="users")
app.add_typer(people.classes_app, name="classes")
app.command()(backups.backup)
app.command()(backups.restore)


def main() -> Any:
    """Entry point of the ``pastpaper`` script."""
    return app()
