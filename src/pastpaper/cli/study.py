"""The study commands: cards, review, practise, progress, trends, timeline. Each parses,
calls ``Pastpaper``, renders; review and practise talk with the student in between.

Everything a student types is kept the moment it is entered: a review before the next card
is shown, an answer before it is marked.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.markup import escape
from rich.table import Column, Table

from pastpaper.cli.options import (
    HELP,
    AnswerFile,
    AnswerText,
    ChartFile,
    CourseOption,
    ExamDate,
    Force,
    JsonTable,
    Retention,
    answer_text,
    decoded,
    friendly,
    open_app,
)
from pastpaper.cli.render import clock, err, n, out, print_json, print_marking, warn, when
from pastpaper.errors import InputError, NotFound, NothingToMark

if TYPE_CHECKING:
    from datetime import datetime

    from pastpaper.app import Pastpaper

__all__ = ["cards", "practise", "progress", "review", "timeline", "trends"]


class _Ended(Exception):
    """The student typed q, or the input ran out."""


def _ask(prompt: str) -> str:
    """One line from the student; q (or the end of the input) ends the session."""
    out.print(prompt, end="")
    line = sys.stdin.readline()
    if not line:
        out.print()
        raise _Ended
    if not sys.stdin.isatty():
        out.print(escape(line.rstrip("\n")))  # piped: show what was read, as a terminal would
    text = line.rstrip("\r\n")
    if text.strip().lower() in {"q", "quit"}:
        raise _Ended
    return text


def _warn_plan(app: Pastpaper) -> None:
    for notice in app.plan_notices():
        warn(notice)


# -- cards -----------------------------------------------------------------------------------


@friendly
def cards(ctx: typer.Context, course: CourseOption = None, as_json: JsonTable = False) -> None:
    """List the flashcards the notes make: question-and-answer cards and cloze cards.

    Example: pastpaper cards --course khrushchevs-attempts-at-modernisation
    """
    found = open_app(ctx).cards(course)
    if as_json:
        print_json(found)
        return
    table = Table(
        Column("id", no_wrap=True),
        Column("kind", no_wrap=True),
        Column("front", ratio=3),
        Column("back", ratio=2),
        Column("due", no_wrap=True),
        title=n(len(found), "card"),
        title_justify="left",
    )
    for card in found:
        due = card.due.strftime("%Y-%m-%d %H:%M") if card.due else "new"
        table.add_row(card.id, card.kind, escape(card.shown), escape(card.back), due)
    out.print(table)


@friendly
def review(
    ctx: typer.Context,
    course: CourseOption = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, metavar="N", help="At most N cards this session.")
    ] = 20,
    exam_date: ExamDate = None,
    retention: Retention = None,
) -> None:
    """Review the cards that are due: answer (or press Enter to reveal), then rate yourself.

    Ratings: 1 again (forgotten), 2 hard, 3 good, 4 easy; q stops. Each review is saved at
    once. Answers can be piped: one line for the answer, one for the rating.

    Example: pastpaper review --limit 10 --exam-date 2027-05-20
    """
    from pastpaper.study.schedule import parse_rating

    app = open_app(ctx, exam_date=exam_date, retention=retention)
    _warn_plan(app)
    due = app.review_cards(course, limit)
    if not due:
        out.print(
            "Nothing is due. Come back later, or practise a question: pastpaper practise --due"
        )
        return
    done = 0
    try:
        for number, card in enumerate(due, start=1):
            out.print(f"\n[bold]Card {number} of {len(due)}[/bold] · {escape(card.topic)}")
            out.print(escape(card.shown))
            typed = _ask("Your answer (Enter to reveal, q to stop): ")
            out.print(f"[green]{escape(card.back)}[/green]")
            out.print(f"[dim]From the notes: {escape(card.source)}[/dim]")
            suggested = app.suggested_rating(card, typed)
            while True:
                hint = f" [{int(suggested)}]" if suggested is not None else ""
                given = _ask(f"Rate it: 1 again, 2 hard, 3 good, 4 easy{hint}: ").strip()
                if not given and suggested is not None:
                    rating = suggested
                    break
                try:
                    rating = parse_rating(given)
                    break
                except InputError as error:
                    err.print(f"[yellow]{escape(str(error))}[/yellow]")
            back_on = app.rate(card, rating, typed)
            done += 1
            out.print(f"Saved; it comes back {when(back_on, app.now())}.")
    except _Ended:
        pass
    out.print(f"\nReviewed {n(done, 'card')}; {len(due) - done} left for later.")


# -- past-paper practice ---------------------------------------------------------------------


@friendly
def practise(
    ctx: typer.Context,
    question_id: Annotated[
        int | None,
        typer.Argument(metavar="QUESTION_ID", min=1, max=2**63 - 1, help="The question to answer."),
    ] = None,
    due: Annotated[
        bool, typer.Option("--due", help="The question most overdue for another go.")
    ] = False,
    answer: AnswerText = None,
    file: AnswerFile = None,
    minutes_per_mark: Annotated[
        str | None,
        typer.Option(
            "--minutes-per-mark",
            envvar="PASTPAPER_MINUTES_PER_MARK",
            metavar="MINUTES",
            help=HELP["minutes_per_mark"].description,
        ),
    ] = None,
    exam_date: ExamDate = None,
    retention: Retention = None,
) -> None:
    """Answer a past-paper question against the clock; it is marked, and comes back sooner
    the worse it went.

    Type the answer and end it with a line holding only a full stop (or Ctrl-D). The answer
    is saved before it is marked.

    Example: pastpaper practise 3
    """
    from pastpaper.app.study import require_answer

    if answer is not None:
        require_answer(answer)  # before anything is opened
    app = open_app(ctx, exam_date=exam_date, retention=retention, minutes_per_mark=minutes_per_mark)
    _warn_plan(app)
    app.require_courses()
    _offer_kept_answers(app)
    for earlier in app.mark_left_over():
        out.print(
            f"Your saved answer (attempt {earlier.attempt_id}) had not been marked; now it is: "
            f"{earlier.marking.mark}/{earlier.marking.max_marks}."
        )
    chosen = app.to_practise(question_id, due=due)
    if chosen.why == "new":
        out.print("No question is due again yet; here is one you have not tried.")
    question = chosen.question
    if question is None:
        out.print("Nothing is due: every question has been practised and none is due again yet.")
        return
    app.check_markable(question.id)  # before the student writes a word
    seconds = app.suggested_seconds(question)
    marks = f"{question.marks} marks" if question.marks else "marks not printed"
    year = f"{question.year}: " if question.year else ""
    out.print(f"[bold]{year}{escape(question.text)}[/bold] ({marks})")
    out.print(f"Suggested time: {clock(seconds)}. The clock starts now.")
    started = app.now()
    if answer is None and file is None:
        text, stopped = _typed_answer()
        if stopped:
            _keep_draft(app, question.id, text, started, seconds)
    else:
        text = answer_text(answer, file)
    done = app.practise(question.id, text, started=started, seconds=seconds)
    out.print()
    print_marking(text, done.marking, more=f"pastpaper scheme {question.id} lists every point")
    over = " (over time)" if done.seconds_taken > seconds else ""
    out.print(f"Time: {clock(done.seconds_taken)} of {clock(seconds)}{over}.")
    out.print(
        f"Attempt {done.attempt_id} saved; question {question.id} comes back "
        f"{when(done.due, app.now())}."
    )
    if chosen.why != "asked":
        rest = len(app.due_questions())
        if rest:
            out.print(f"{n(rest, 'more question')} due: pastpaper practise --due")


def _offer_kept_answers(app: Pastpaper) -> None:
    """Answers the database could not take last time: offer to submit each (on a terminal;
    piped, they are submitted, as the student meant them to be)."""
    from datetime import UTC

    kept, notices = app.kept_answers()
    for notice in notices:
        warn(notice)
    for answer in kept:
        at = answer.submitted_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        out.print(
            f"Your answer to question {answer.question_id} of {at} could not be saved then "
            f"and was kept in {escape(str(answer.path))}."
        )
        if sys.stdin.isatty() and not typer.confirm("Submit it now?", default=True):
            out.print("It stays in that file; you will be asked again next time.")
            continue
        try:
            done = app.submit_kept(answer)
        except NotFound:
            warn(
                f"question {answer.question_id} is no longer in the bank; the answer stays in "
                f"{answer.path}"
            )
            continue
        except NothingToMark as error:  # saved, and marked once the question can be
            warn(f"saved, not marked: {error}")
            continue
        out.print(
            f"Submitted as attempt {done.attempt_id}: {done.marking.mark}/{done.marking.max_marks}."
        )


def _typed_answer() -> tuple[str, bool]:
    """The answer, typed or piped, up to a line holding only '.' (or the end of the input), and
    whether the student stopped it with Ctrl-C."""
    if sys.stdin.isatty():
        out.print("[dim]Write your answer; end with a line holding only a full stop.[/dim]")
    lines: list[bytes] = []
    try:
        for line in iter(sys.stdin.buffer.readline, b""):
            # The full stop ends the answer, typed or piped; it and what follows are not saved.
            if line.strip() == b".":
                break
            lines.append(line)
    except KeyboardInterrupt:
        return decoded(b"".join(lines)), True
    return decoded(b"".join(lines)), False


def _keep_draft(
    app: Pastpaper, question_id: int, text: str, started: datetime, seconds: int
) -> NoReturn:
    """Ctrl-C while answering: keep what was written, to be marked next time."""
    attempt = app.keep_draft(question_id, text, started, seconds)
    if attempt is not None:
        err.print(
            f"\nStopped. Your answer so far is saved as attempt {attempt}; it will be marked "
            "the next time you practise."
        )
    raise typer.Exit(130)


@friendly
def progress(
    ctx: typer.Context,
    course: CourseOption = None,
    exam_date: ExamDate = None,
    retention: Retention = None,
    as_json: JsonTable = False,
) -> None:
    """Per topic: cards due, predicted recall and marks over time.

    Example: pastpaper progress
    """
    app = open_app(ctx, exam_date=exam_date, retention=retention)
    _warn_plan(app)
    rows = app.progress(course)
    if as_json:
        print_json(rows)
        return
    if not rows:
        out.print("Nothing yet: pastpaper review (cards) or pastpaper practise --due (questions).")
        return
    exam = app.plan.exam_date
    table = Table(
        Column("topic", ratio=2),
        Column("cards", justify="right"),
        Column("new", justify="right"),
        Column("due", justify="right"),
        Column("recall of cards seen", justify="right"),
        Column("marks over time", ratio=2),
        title="Progress" + (f" (exam {exam.isoformat()})" if exam else ""),
        title_justify="left",
    )
    for r in rows:
        seen = r.cards - r.new
        recall = "-" if r.retention is None else f"{r.retention:.0%} of {seen}"
        trail = " → ".join(f"{m.mark}/{m.max}" for m in r.marks[-6:]) or "-"
        table.add_row(escape(r.topic), str(r.cards), str(r.new), str(r.due), recall, trail)
    out.print(table)
    days = app.days_to_exam()
    if days is not None:
        out.print(f"{n(days, 'day')} to the exam.")


# -- the notes at a glance -------------------------------------------------------------------


@friendly
def trends(
    ctx: typer.Context,
    course: CourseOption = None,
    chart: ChartFile = None,
    force: Force = False,
    as_json: JsonTable = False,
) -> None:
    """Which question families and command words were asked in which years, for how many marks.

    Example: pastpaper trends --chart trends.svg
    """
    from pastpaper.study.trends import command_words_by_year

    app = open_app(ctx)
    app.check_chart(chart, force=force)
    rows = app.trends(course)
    if as_json:
        print_json(rows)
    else:
        table = Table(
            Column("year", justify="right", no_wrap=True),
            Column("family", ratio=2),
            Column("command word", no_wrap=True),
            Column("marks", justify="right"),
            Column("question", ratio=3),
            title=f"{n(len(rows), 'question')} asked",
            title_justify="left",
        )
        for r in sorted(rows, key=lambda r: (r.year is None, r.year or 0)):
            table.add_row(
                str(r.year or "-"),
                escape(r.family),
                r.command_word,
                str(r.marks or "-"),
                escape(r.question),
            )
        out.print(table)
        words = command_words_by_year(rows)
        if words:
            out.print("Command words by year:")
            for year, counts in words.items():
                said = ", ".join(f"{word} ×{k}" if k > 1 else word for word, k in counts.items())
                out.print(f"  {year}: {escape(said)}")
    if chart is not None:
        left_off = app.trends_chart(rows, chart, force=force)
        note = f" ({n(len(left_off), 'question')} with no year left off)" if left_off else ""
        err.print(f"Drew the trends to {escape(str(chart))}{note}.")


@friendly
def timeline(
    ctx: typer.Context,
    course: CourseOption = None,
    chart: ChartFile = None,
    force: Force = False,
    as_json: JsonTable = False,
) -> None:
    """The dated events in the notes, in date order, as a table and (with --chart) a picture.

    Events of several courses are interleaved by date; the chart tells the courses apart
    by colour.

    Example: pastpaper timeline --chart timeline.png
    """
    app = open_app(ctx)
    app.check_chart(chart, force=force)
    events = app.timeline(course)
    if as_json:
        print_json(events)
    else:
        table = Table(
            Column("when", no_wrap=True),
            Column("what", ratio=3),
            Column("topic", ratio=1),
            title=n(len(events), "dated event"),
            title_justify="left",
        )
        for e in events:
            table.add_row(e.label, escape(e.event.text), escape(e.event.topic))
        out.print(table)
    if chart is not None:
        app.timeline_chart(events, chart, force=force)
        err.print(f"Drew the timeline to {escape(str(chart))}.")
