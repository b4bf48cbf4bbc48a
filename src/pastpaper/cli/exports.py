"""The export commands for other programs: export-anki and export-moodle. (``export``, the
course file to edit and import again, is with the question bank's commands.)"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from pastpaper.cli.options import CourseArgument, Force, friendly, open_app
from pastpaper.cli.render import n, out

__all__ = ["export_anki", "export_moodle"]


@friendly
def export_anki(
    ctx: typer.Context,
    course: CourseArgument,
    output: Annotated[
        Path, typer.Option("-o", "--output", metavar="DECK.apkg", help="The Anki package to write.")
    ],
    force: Force = False,
) -> None:
    """Write a course's cards as an Anki deck: Basic and Cloze notes, tagged by topic and
    family. Exporting again and importing into Anki updates the same notes.

    Example: pastpaper export-anki khrushchevs-attempts-at-modernisation -o khrushchev.apkg
    """
    made = open_app(ctx).export_anki(course, output, force=force)
    out.print(f"Wrote {n(made, 'card')} to {escape(str(output))}; import it into Anki.")


@friendly
def export_moodle(
    ctx: typer.Context,
    course: CourseArgument,
    output: Annotated[
        Path,
        typer.Option("-o", "--output", metavar="QUESTIONS.xml", help="The Moodle XML to write."),
    ],
    force: Force = False,
) -> None:
    """Write a course as a Moodle question bank (Moodle XML): each past-paper question as an
    essay with its mark scheme for the grader, and short-answer questions from the cards.

    Example: pastpaper export-moodle khrushchevs-attempts-at-modernisation -o questions.xml
    """
    open_app(ctx).export_moodle(course, output, force=force)
    out.print(f"Wrote {escape(str(output))}; import it in Moodle's question bank (Moodle XML).")
