"""The question bank's commands: import, courses (and courses delete), questions, show,
points, scheme, export, demo. Each parses, calls one method of ``Pastpaper``, renders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Column, Table

from pastpaper.cli.options import (
    CourseArgument,
    JsonTable,
    JsonText,
    MaxMb,
    QuestionId,
    friendly,
    open_app,
)
from pastpaper.cli.render import (
    err,
    n,
    out,
    print_json,
    print_marking,
    print_questions,
    print_report,
    problem,
)
from pastpaper.errors import PastpaperError

if TYPE_CHECKING:
    from pastpaper.app import Pastpaper

__all__ = [
    "courses",
    "courses_app",
    "courses_delete",
    "demo",
    "export",
    "import_",
    "points",
    "questions",
    "scheme",
    "show",
]


@friendly
def import_(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE...", help="Notes (.txt, .md, .docx, .pdf) or course files (.yaml)."
        ),
    ],
    max_mb: MaxMb = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Update the course with the same title even if another file made it.",
        ),
    ] = False,
) -> None:
    """Import notes files into the question bank; importing again updates the course.

    Example: pastpaper import khrushchev.txt revision.md
    """
    app = open_app(ctx, max_mb=max_mb)
    failed = 0
    for path in files:
        try:
            report = app.import_file(path, replace=replace)
        except PastpaperError as error:
            failed += 1
            problem(error)
            continue
        print_report(report)
    if failed:
        if len(files) > 1:
            err.print(f"{failed} of {len(files)} files could not be imported.")
        raise typer.Exit(1)


courses_app = typer.Typer(invoke_without_command=True, pretty_exceptions_enable=False)


@courses_app.callback()
@friendly
def courses(
    ctx: typer.Context,
    as_json: JsonTable = False,
) -> None:
    """List the courses in the question bank; 'courses delete COURSE' removes one.

    Example: pastpaper courses --json
    """
    if ctx.invoked_subcommand is not None:
        return
    found = open_app(ctx).courses()
    if as_json:
        print_json(found)
        return
    if not found:
        out.print("No courses yet. Import notes with: pastpaper import NOTES.txt")
        return
    counts = [
        Column(name, justify="right", no_wrap=True) for name in ("topics", "questions", "notes")
    ]
    table = Table(
        "id",
        Column("course", ratio=1, overflow="fold"),
        *counts,
        caption="Under each title, the course's name for --course and export.",
    )
    for c in found:
        course = f"{escape(c.title)}\n[dim]{c.slug}[/dim]"
        table.add_row(str(c.id), course, str(c.topics), str(c.questions), str(c.notes))
    out.print(table)


@courses_app.command("delete")
@friendly
def courses_delete(
    ctx: typer.Context,
    course: CourseArgument,
    yes: Annotated[
        bool, typer.Option("--yes", help="Delete without asking (for scripts).")
    ] = False,
) -> None:
    """Delete a course: its questions, notes and cards. Students' attempts and reviews are kept.

    Example: pastpaper courses delete khrushchevs-attempts-at-modernisation --yes
    """
    app = open_app(ctx)
    if not yes:
        found = app.course_summary(course)
        if not sys.stdin.isatty():
            raise PastpaperError(
                f"not deleting the course {found.slug}: there is no terminal to ask on; "
                "pass --yes to delete it without asking"
            )
        asked = (
            f"Delete the course {found.slug} ({found.title}) with its "
            f"{n(found.questions, 'question')}? Attempts and reviews are kept."
        )
        if not typer.confirm(asked, err=True):
            err.print("Nothing was deleted.")
            raise typer.Exit(1)
    deleted = app.delete_course(course)
    out.print(
        f"Deleted the course {deleted.slug}: {n(deleted.questions, 'question')}, "
        f"{n(deleted.cards, 'card')}; kept {n(deleted.attempts_kept, 'attempt')} and "
        f"{n(deleted.reviews_kept, 'review')}."
    )


@friendly
def questions(
    ctx: typer.Context,
    course: Annotated[
        str | None, typer.Option("--course", metavar="COURSE", help="A course slug or id.")
    ] = None,
    topic: Annotated[
        str | None,
        typer.Option("--topic", metavar="TOPIC", help="A topic number, or a word of its title."),
    ] = None,
    as_json: JsonTable = False,
) -> None:
    """List the questions in the bank, grouped into families of the same question across years.

    Example: pastpaper questions --topic 4 --json
    """
    found = open_app(ctx).questions(course=course, topic=topic)
    if as_json:
        print_json(found)
        return
    # A topic with no questions is reported by the app; a course may have none at all.
    print_questions(found, f"in course '{course}'" if course and not topic else "")


@friendly
def show(
    ctx: typer.Context,
    question_id: QuestionId,
    as_json: JsonText = False,
) -> None:
    """Show one question: its marks, the same question in other years, and the notes that answer it.

    Example: pastpaper show 2
    """
    detail = open_app(ctx).question(question_id)
    if as_json:
        print_json(detail)
        return
    q = detail.question
    marks = f"{q.marks} marks" if q.marks is not None else "no marks printed"
    topic = f"{q.topic_number}: {q.topic}" if q.topic_number is not None else q.topic
    out.print(f"[bold]{escape(q.text)}[/bold]")
    out.print(
        f"{q.year or 'no year'} · {marks} · command word: {q.command_word} · "
        f"topic {escape(topic)} · course {q.course} · family {q.family}"
    )
    others = [o for o in detail.family_questions if o.id != q.id]
    if others:
        out.print("\n[bold]The same question in other years[/bold]")
        for o in others:
            o_marks = f"({o.marks})" if o.marks is not None else "(no marks printed)"
            out.print(f"  {o.id:>4}  {o.year or '----'}  {escape(o.text)} {o_marks}")
    out.print(f"\n[bold]Notes[/bold] ({n(len(detail.notes), 'paragraph')})")
    for paragraph in detail.notes:
        out.print(escape(paragraph.strip()), soft_wrap=True)
        out.print()


@friendly
def points(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="FAMILY_OR_QUESTION_ID",
            help="A question id (3: the points of its family) or a family id (f3).",
        ),
    ],
    as_json: JsonTable = False,
) -> None:
    """Show the creditable points pastpaper finds in a question family's notes.

    Example: pastpaper points f1
    """
    found = open_app(ctx).points(ref)
    if as_json:
        print_json(found)
        return
    table = Table(
        Column("id", no_wrap=True),
        Column("kind", no_wrap=True),
        Column("point", ratio=3),
        Column("key terms and facts", ratio=1),
        title=f"Family f{found.family}: {n(len(found.points), 'point')} ({escape(found.topic)})",
        title_justify="left",
    )
    for p in found.points:
        facts = [f.value for f in p.facts if f.value not in p.key_terms]
        table.add_row(p.id, p.kind or "", escape(p.text), escape(", ".join([*p.key_terms, *facts])))
    out.print(table)


@friendly
def scheme(
    ctx: typer.Context,
    question_id: QuestionId,
    as_json: JsonText = False,
) -> None:
    """Show a question's mark scheme, as an examiner's marking instructions.

    Example: pastpaper scheme 4
    """
    built = open_app(ctx).scheme(question_id)
    if as_json:
        print_json(built)
        return
    out.print(escape(built.scheme.instructions()), soft_wrap=True)


@friendly
def export(
    ctx: typer.Context,
    course: CourseArgument,
    output: Annotated[
        Path,
        typer.Option(
            "-o", "--output", metavar="FILE", help="The course file to write (.yaml); - for stdout."
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
) -> None:
    """Write a course as a course file (YAML) to correct by hand and import again.

    Example: pastpaper export khrushchevs-attempts-at-modernisation -o khrushchev.yaml
    """
    app = open_app(ctx)
    if str(output) == "-":
        typer.echo(app.export_course(course), nl=False)
        return
    app.write_course_file(course, output, force=force)
    out.print(f"Wrote {escape(str(output))}. Edit it, then: pastpaper import {escape(str(output))}")


@friendly
def demo(
    ctx: typer.Context,
    web: Annotated[
        bool,
        typer.Option(
            "--web",
            help="Then serve the web app, with a demo teacher, class and student to sign in as.",
        ),
    ] = False,
    host: Annotated[
        str, typer.Option("--host", help="With --web: the address to listen on.")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="With --web: the port.")
    ] = 8000,
) -> None:
    """Import the built-in example notes and print the question bank they make; with --web,
    serve the web app too.

    Example: pastpaper demo --web
    """
    app = open_app(ctx)
    made = app.demo()
    for report in made.reports:
        print_report(report)
    out.print()
    print_questions(made.questions)
    question = made.question
    for answer in made.answers:
        out.print(
            f"\n[bold]{answer.label} answer to question {question.id}[/bold]: "
            f"{escape(question.text)}"
        )
        if answer.marking is None:
            err.print(
                f"[yellow]The answers cannot be marked:[/yellow] {escape(answer.problem or '')}"
            )
            break
        print_marking(
            answer.answer,
            answer.marking,
            missed_shown=3,
            more=f"pastpaper scheme {question.id} lists every point",
        )
    q, slug = question.id, made.reports[0].saved.slug
    out.print(
        f"\nNext: pastpaper show {q} · pastpaper scheme {q} · pastpaper mark {q} --answer '...' · "
        f"pastpaper practise {q} · pastpaper review · pastpaper timeline · "
        f"pastpaper export-anki {slug} -o deck.apkg"
    )
    if web:
        _serve_demo(ctx, app, [report.saved.slug for report in made.reports], host, port)


def _serve_demo(
    ctx: typer.Context, app: Pastpaper, courses: list[str], host: str, port: int
) -> None:
    """Make the demo's teacher, class and student, say how to sign in, and serve."""
    from pastpaper.web.keys import secret_key
    from pastpaper.web.serving import serve

    secret_key(app.settings)  # a bad key stops here, before any account is made
    school = app.demo_school(courses)
    out.print(
        f"\n[bold]The web app[/bold], with the example in the class {escape(school.class_name)} "
        f"(join code {school.join_code}). Sign in as:\n"
        f"  student: login [bold]{school.student}[/bold], password "
        f"[bold]{escape(school.student_password)}[/bold]\n"
        f"  teacher: login [bold]{school.teacher}[/bold], password "
        f"[bold]{escape(school.teacher_password)}[/bold]\n"
        "(new passwords each time the demo runs)"
    )
    typer.echo(f"pastpaper serves {app.settings.db} at http://{host}:{port}/ (Ctrl+C stops it)")
    serve(app.settings, host, port)
