"""The ``pastpaper`` command. Each command opens the store, calls one library function, renders.

Errors meant for the user (``PastpaperError``) are printed as one line and exit with 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Column, Table

from pastpaper.errors import InputError, PastpaperError
from pastpaper.settings import Settings, load_settings

if TYPE_CHECKING:
    from pastpaper.app.bank import ImportReport
    from pastpaper.marking import Marking
    from pastpaper.store import QuestionInfo, Store

__all__ = ["app", "main"]

_HELP = Settings.model_fields

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

#: Arguments and options several commands share, declared once.
QuestionId = Annotated[
    int,
    typer.Argument(
        metavar="QUESTION_ID",
        min=1,
        max=2**63 - 1,
        help="The question's id, from 'pastpaper questions'.",
    ),
]
JsonText = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AnswerText = Annotated[
    str | None, typer.Option("--answer", metavar="TEXT", help="The answer, as text.")
]
AnswerFile = Annotated[
    Path | None,
    typer.Option("--file", metavar="FILE", help="A file holding the answer; - for stdin."),
]
JsonTable = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
MaxMb = Annotated[
    str | None,
    typer.Option(
        "--max-mb", envvar="PASTPAPER_MAX_MB", metavar="MB", help=_HELP["max_mb"].description
    ),
]

P = ParamSpec("P")
R = TypeVar("R")


def friendly(command: Callable[P, R]) -> Callable[P, R]:
    """Turn a PastpaperError into one clear line on stderr and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PastpaperError as error:
            err.print(f"[red]error:[/red] {escape(str(error))}")
            raise typer.Exit(1) from None

    return wrapper


@app.callback()
@friendly
def options(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db", envvar="PASTPAPER_DB", metavar="PATH_OR_URL", help=_HELP["db"].description
        ),
    ] = None,
) -> None:
    """pastpaper turns revision notes into an examiner: a question bank, mark schemes, marking.

    Example: pastpaper --db school.db import notes.txt
    """
    ctx.obj = load_settings(db=db)


def _store(ctx: typer.Context) -> Store:
    from pastpaper.store import Store  # the database libraries load only when a command runs

    settings: Settings = ctx.obj
    store = Store.open(settings.db)
    ctx.call_on_close(store.close)
    return store


@app.command("import")
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
    limit = load_settings(ctx.obj, max_mb=max_mb).max_bytes
    from pastpaper.app.bank import import_file

    store = _store(ctx)
    failed = 0
    for path in files:
        try:
            report = import_file(store, path, max_bytes=limit, replace=replace)
        except PastpaperError as error:
            failed += 1
            err.print(f"[red]error:[/red] {escape(str(error))}")
            continue
        _print_report(report)
    if failed:
        if len(files) > 1:
            err.print(f"{failed} of {len(files)} files could not be imported.")
        raise typer.Exit(1)


def _print_report(report: ImportReport) -> None:
    for notice in report.notices:
        err.print(f"[yellow]warning:[/yellow] {escape(str(notice))}")
    counts = report.counts
    saved = report.saved
    verb = "Imported" if saved.created else "Updated"
    change = (
        ""
        if saved.created
        else f" ({saved.questions_added} new, {saved.questions_kept} kept, "
        f"{saved.questions_removed} removed)"
    )
    out.print(
        f"{verb} {escape(report.path)} as course [bold]{saved.slug}[/bold]: "
        f"{_n(counts['topics'], 'topic')}, "
        f"{_n(counts['families'], 'question family', 'question families')}, "
        f"{_n(counts['questions'], 'question')}{change}, {_n(counts['notes'], 'notes paragraph')}"
    )


def _n(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


courses_app = typer.Typer(invoke_without_command=True, pretty_exceptions_enable=False)
app.add_typer(courses_app, name="courses")


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
    found = _store(ctx).courses()
    if as_json:
        typer.echo(
            json.dumps([asdict(c) for c in found], default=str, ensure_ascii=False, indent=2)
        )
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
    course: Annotated[str, typer.Argument(metavar="COURSE", help="The course's slug or id.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Delete without asking (for scripts).")
    ] = False,
) -> None:
    """Delete a course: its questions, notes and cards. Students' attempts and reviews are kept.

    Example: pastpaper courses delete khrushchevs-attempts-at-modernisation --yes
    """
    store = _store(ctx)
    if not yes:
        found = store.summary(course)
        if not sys.stdin.isatty():
            raise PastpaperError(
                f"not deleting the course {found.slug}: there is no terminal to ask on; "
                "pass --yes to delete it without asking"
            )
        asked = (
            f"Delete the course {found.slug} ({found.title}) with its "
            f"{_n(found.questions, 'question')}? Attempts and reviews are kept."
        )
        if not typer.confirm(asked, err=True):
            err.print("Nothing was deleted.")
            raise typer.Exit(1)
    deleted = store.delete_course(course)
    out.print(
        f"Deleted the course {deleted.slug}: {_n(deleted.questions, 'question')}, "
        f"{_n(deleted.cards, 'card')}; kept {_n(deleted.attempts_kept, 'attempt')} and "
        f"{_n(deleted.reviews_kept, 'review')}."
    )


@app.command()
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
    found = _store(ctx).questions(course=course, topic=topic)
    if as_json:
        typer.echo(json.dumps([asdict(q) for q in found], ensure_ascii=False, indent=2))
        return
    _print_questions(found)


def _print_questions(found: list[QuestionInfo]) -> None:
    if not found:
        out.print("No questions yet. Import notes with: pastpaper import NOTES.txt")
        return
    table: Table | None = None
    last_topic: tuple[str, str] | None = None
    last_family: int | None = None
    for q in found:
        topic = (q.course, q.topic)
        if topic != last_topic:
            if table is not None:
                out.print(table)
            heading = f"{q.topic_number}: {q.topic}" if q.topic_number is not None else q.topic
            table = Table(
                "id",
                "family",
                "year",
                "marks",
                Column("command", no_wrap=True),
                "question",
                title=f"{escape(heading)} ({q.course})",
                title_justify="left",
            )
            last_topic, last_family = topic, None
        assert table is not None
        if last_family is not None and q.family != last_family:
            table.add_section()
        table.add_row(
            str(q.id),
            str(q.family),
            str(q.year or ""),
            str(q.marks) if q.marks is not None else "-",
            q.command_word,
            escape(q.text),
        )
        last_family = q.family
    out.print(table)


@app.command()
@friendly
def show(
    ctx: typer.Context,
    question_id: QuestionId,
    as_json: JsonText = False,
) -> None:
    """Show one question: its marks, the same question in other years, and the notes that answer it.

    Example: pastpaper show 2
    """
    detail = _store(ctx).question(question_id)
    if as_json:
        typer.echo(json.dumps(asdict(detail), ensure_ascii=False, indent=2))
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
    out.print(f"\n[bold]Notes[/bold] ({_n(len(detail.notes), 'paragraph')})")
    for paragraph in detail.notes:
        out.print(escape(paragraph.strip()), soft_wrap=True)
        out.print()


@app.command()
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
    from pastpaper.app.bank import points_of

    family, found = points_of(_store(ctx), ref)
    if as_json:
        rows = [{"family": family.id, **p.model_dump(mode="json")} for p in found]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(
        Column("id", no_wrap=True),
        Column("kind", no_wrap=True),
        Column("point", ratio=3),
        Column("key terms and facts", ratio=1),
        title=f"Family f{family.id}: {_n(len(found), 'point')} ({escape(family.topic)})",
        title_justify="left",
    )
    for p in found:
        facts = [f.value for f in p.facts if f.value not in p.key_terms]
        table.add_row(p.id, p.kind or "", escape(p.text), escape(", ".join([*p.key_terms, *facts])))
    out.print(table)


@app.command()
@friendly
def scheme(
    ctx: typer.Context,
    question_id: QuestionId,
    as_json: JsonText = False,
) -> None:
    """Show a question's mark scheme, as an examiner's marking instructions.

    Example: pastpaper scheme 4
    """
    from pastpaper.app.bank import scheme_of

    built = scheme_of(_store(ctx), question_id)
    if as_json:
        data = built.model_dump(mode="json", exclude={"left_out", "points"})
        data["points"] = [
            {**p.point.model_dump(mode="json"), **p.model_dump(mode="json", exclude={"point"})}
            for p in built.points
        ]
        data["left_out"] = [{"id": pid, "why": why} for pid, why in built.left_out]
        typer.echo(json.dumps({"question_id": question_id, **data}, ensure_ascii=False, indent=2))
        return
    out.print(escape(built.instructions()), soft_wrap=True)


@app.command("mark")
@friendly
def mark_(
    ctx: typer.Context,
    question_id: Annotated[
        int | None,
        typer.Argument(metavar="QUESTION_ID", min=1, max=2**63 - 1, help="The question answered."),
    ] = None,
    answer: AnswerText = None,
    file: AnswerFile = None,
    csv_in: Annotated[
        Path | None,
        typer.Option(
            "--csv",
            metavar="ANSWERS.csv",
            help="Mark a class's answers in bulk: columns student, question (an id), answer.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", metavar="MARKS.csv", help="The mark book to write."),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter",
            metavar="SEP",
            help="The CSV's separator: ',', ';' or 'tab' (found from the header if not given).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the mark book if it exists.")
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="ENGINE",
            help="What marks a CSV: 'local' (this machine's cores) or 'ray' (Ray Data, "
            "needs the extra: pip install 'pastpaper\\[scale]').",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            metavar="ADDR",
            help="With --engine ray: the Ray cluster to mark on, e.g. 10.0.0.5:6379 or "
            "ray://head:10001 (a Ray started here if not given).",
        ),
    ] = None,
    as_json: JsonText = False,
) -> None:
    """Mark an answer point by point, or a CSV of a class's answers.

    With --csv, every row of the answers gives a row of the mark book, marked or with the
    reason it was not; the exit status is 1 when any row was not marked.

    Example: pastpaper mark 4 --answer "He wanted to secure his own position."
    """
    from pastpaper.app.bank import mark_answer, mark_csv
    from pastpaper.marking.markbook import parse_delimiter
    from pastpaper.marking.scale import ENGINES

    if csv_in is None and delimiter is not None:
        raise PastpaperError("--delimiter goes with --csv ANSWERS.csv")
    if engine not in ENGINES:
        raise PastpaperError(f"--engine {engine!r} is not an engine; give 'local' or 'ray'")
    if csv_in is None and (engine != "local" or address is not None):
        raise PastpaperError("--engine and --address go with --csv ANSWERS.csv")
    if address is not None and engine != "ray":
        raise PastpaperError("--address goes with --engine ray")
    separator = None if delimiter is None else parse_delimiter(delimiter)
    store = _store(ctx)
    if csv_in is not None:
        if question_id is not None or answer is not None or file is not None:
            raise PastpaperError(
                "--csv marks the questions and answers the CSV names: give a QUESTION_ID "
                "and an answer, or --csv ANSWERS.csv, not both"
            )
        if output is None:
            raise PastpaperError("give the mark book to write with -o MARKS.csv")
        # No bar where stderr is not a terminal: a log keeps only the warnings.
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("marking", total=None)
            report = mark_csv(
                store,
                csv_in,
                output,
                delimiter=separator,
                force=force,
                progress=lambda done, total: bar.update(task, completed=done, total=total),
                engine=engine,
                address=address,
            )
        for notice in report.notices:
            err.print(f"[yellow]warning:[/yellow] {escape(str(notice))}")
        summary = f"Marked {report.marked} of {_n(report.rows, 'row')}; "
        if report.not_marked:
            summary += f"{report.not_marked} not marked (see the column 'not marked because'); "
        out.print(f"{summary}wrote {escape(str(output))}.")
        if report.not_marked:
            raise typer.Exit(1)
        return
    if question_id is None:
        raise PastpaperError("give a QUESTION_ID and an answer, or --csv ANSWERS.csv -o MARKS.csv")
    text = _answer_text(answer, file)
    result = mark_answer(store, question_id, text)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        return
    _print_marking(text, result)


def _answer_text(answer: str | None, file: Path | None) -> str:
    if answer is not None:
        if file is not None:
            raise PastpaperError("give the answer once: --answer TEXT or --file FILE, not both")
        return answer
    try:
        if file is None or str(file) == "-":
            if file is None and sys.stdin.isatty():
                raise PastpaperError(
                    "give the answer with --answer TEXT, --file FILE or on stdin (-)"
                )
            data = sys.stdin.buffer.read()
        else:
            data = file.read_bytes()
    except OSError as error:
        raise PastpaperError(
            f"{file or 'stdin'}: cannot read the answer ({error.strerror})"
        ) from None
    return _decoded(data, file)


def _decoded(data: bytes, file: Path | None = None) -> str:
    """An answer's text, as written (line endings and all, so the spans in --json point into
    it exactly); an InputError naming the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = f"{file}: " if file is not None and str(file) != "-" else ""
        raise InputError(
            f"{where}the answer is not UTF-8 text (byte {error.start + 1} is "
            f"{data[error.start]:#04x}); save it as UTF-8 and give it with --file"
        ) from None


def _print_marking(
    answer: str, result: Marking, missed_shown: int = 6, more: str | None = "--json lists them"
) -> None:
    """The answer with each credited claim highlighted and numbered, then the feedback;
    ``more`` says where the missed points not shown can be seen (None: nowhere)."""
    from rich.text import Text

    marks = [
        (c.span.start, c.span.end, "bold green", f"[{n}]") for n, c in enumerate(result.credited, 1)
    ]
    marks += [(w.span.start, w.span.end, "bold red", "[✗]") for w in result.inaccuracies]
    shown, at = Text(), 0
    for start, end, style, label in sorted(marks):
        if start < at:
            continue
        shown.append(answer[at:start])
        shown.append(answer[start:end], style=style)
        shown.append(label, style=style.removeprefix("bold "))
        at = end
    shown.append(answer[at:])
    out.print(shown)
    out.print(f"\n[bold]Mark: {result.mark} / {result.max_marks}[/bold]")
    for number, credit in enumerate(result.credited, start=1):
        extra = " (developed: +1)" if credit.developed else ""
        out.print(f"  [green][{number}][/green] {escape(credit.point_text)}{extra}")
    for wrong in result.inaccuracies:
        out.print(f"  [red][✗][/red] {escape(wrong.message)}")
    if result.missed:
        out.print("Not in the answer, from the notes:")
        for missed in result.missed[:missed_shown]:
            out.print(f"  · {escape(missed.point_text)}")
        if len(result.missed) > missed_shown:
            where = f" ({more})" if more else ""
            out.print(f"  · and {len(result.missed) - missed_shown} more{where}")
    for warning in result.warnings:
        err.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    out.print(f"[dim]{escape(result.marker_version)}[/dim]")


@app.command("eval")
@friendly
def eval_(
    file: Annotated[
        Path, typer.Argument(metavar="FILE.jsonl", help="A marking set (../shared/data format).")
    ],
    notes: Annotated[
        Path | None,
        typer.Option(
            "--notes",
            metavar="NOTES",
            help="Notes whose schemes mark answers that have no reference.",
        ),
    ] = None,
    split: Annotated[
        str | None, typer.Option("--split", metavar="NAME", help="Only this split.")
    ] = None,
    max_mb: MaxMb = None,
    as_json: JsonTable = False,
) -> None:
    """Measure the marker against human marks on a marking set, per dataset and split.

    Example: pastpaper eval ../shared/data/semeval2013.jsonl --split unseen-questions
    """
    from pastpaper.ingest import read_notes
    from pastpaper.marking.bulk import workers_for
    from pastpaper.marking.calibration import calibration
    from pastpaper.marking.embed import embedder
    from pastpaper.marking.evaluate import evaluate, read_marking_set

    limit = load_settings(max_mb=max_mb).max_bytes
    rows = read_marking_set(file, split)
    course = read_notes(notes, max_bytes=limit).course if notes is not None else None
    # A large set is shared between worker processes, one a core (pastpaper.marking.bulk).
    workers = workers_for(len(rows))
    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("loading the model", total=len(rows))
        model = embedder() if not workers else embedder
        bar.update(task, description="marking")
        results = evaluate(
            rows,
            model,
            calibration(),
            course,
            progress=lambda done: bar.update(task, completed=done),
            workers=workers,
        )
    if as_json:
        typer.echo(json.dumps({"results": [r.model_dump() for r in results]}, indent=2))
        return
    table = Table(
        Column("dataset", overflow="fold", min_width=10),
        Column("split", overflow="fold", min_width=8),
        *("n", "pearson", "rmse", "mae", "qwk", "accuracy", "macro-F1", "per s"),
    )
    for r in results:
        figures = (r.pearson, r.rmse, r.mae, r.qwk, r.accuracy, r.macro_f1)
        table.add_row(
            r.dataset,
            r.split,
            str(r.n),
            *("-" if f is None else f"{f:.3f}" for f in figures),
            f"{r.answers_per_second:.0f}",
        )
    out.print(table)
    for r in results:
        if r.not_marked:
            err.print(
                f"[yellow]warning:[/yellow] {r.dataset} {r.split}: {_n(r.not_marked, 'answer')} "
                "to questions that cannot be marked (their schemes have no points) counted as 0"
            )


@app.command()
@friendly
def export(
    ctx: typer.Context,
    course: Annotated[str, typer.Argument(metavar="COURSE", help="The course's slug or id.")],
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
    from pastpaper.app.bank import export_course, write_course_file

    store = _store(ctx)
    if str(output) == "-":
        typer.echo(export_course(store, course), nl=False)
        return
    write_course_file(store, course, output, force=force)
    out.print(f"Wrote {escape(str(output))}. Edit it, then: pastpaper import {escape(str(output))}")


@app.command()
@friendly
def demo(ctx: typer.Context) -> None:
    """Import the built-in example notes and print the question bank they make.

    Example: pastpaper demo
    """
    from pastpaper.app.bank import import_examples

    store = _store(ctx)
    reports = import_examples(store)
    for report in reports:
        _print_report(report)
    out.print()
    _print_questions([q for r in reports for q in store.questions(course=r.saved.slug)])
    from pastpaper.app.bank import DEMO_ANSWERS, mark_answer

    question = next(
        q for q in store.questions(course=reports[0].saved.slug) if q.text == DEMO_ANSWERS[0]
    )
    for label, answer in DEMO_ANSWERS[1:]:
        out.print(
            f"\n[bold]{label} answer to question {question.id}[/bold]: {escape(question.text)}"
        )
        try:
            result = mark_answer(store, question.id, answer)
        except PastpaperError as error:
            err.print(f"[yellow]The answers cannot be marked:[/yellow] {escape(str(error))}")
            break
        _print_marking(
            answer,
            result,
            missed_shown=3,
            more=f"pastpaper scheme {question.id} lists every point",
        )
    q, slug = question.id, reports[0].saved.slug
    out.print(
        f"\nNext: pastpaper show {q} · pastpaper scheme {q} · pastpaper mark {q} --answer '...' · "
        f"pastpaper practise {q} · pastpaper review · pastpaper timeline · "
        f"pastpaper export-anki {slug} -o deck.apkg"
    )


def main() -> Any:
    """Entry point of the ``pastpaper`` script."""
    return app()


# The study commands (cards, review, practise, progress, ...) join this app.
from pastpaper.cli import study as _study  # noqa: E402, F401
