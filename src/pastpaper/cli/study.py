"""The ``pastpaper`` commands for studying: cards, review, practise, progress, trends, timeline
and the Anki and Moodle exports. They join the commands of ``pastpaper.cli``.

Everything a student types is kept the moment it is entered: a review before the next card
is shown, an answer before it is marked.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.markup import escape
from rich.table import Column, Table

from pastpaper.cli import (
    _HELP,
    AnswerFile,
    AnswerText,
    JsonTable,
    _answer_text,
    _decoded,
    _n,
    _print_marking,
    _store,
    app,
    err,
    friendly,
    out,
)
from pastpaper.errors import InputError, NotFound, NothingToMark
from pastpaper.settings import Settings, load_settings

if TYPE_CHECKING:
    from pastpaper.course import Course
    from pastpaper.store import QuestionInfo, Store
    from pastpaper.store.memory import StoredCard
    from pastpaper.study.schedule import Plan

__all__: list[str] = []

CourseOption = Annotated[
    str | None, typer.Option("--course", metavar="COURSE", help="Only this course (slug or id).")
]
# Read as text and checked by the settings, so that a bad value, given here or in the
# environment, is named with what it may be (and only by the commands that use it).
ExamDate = Annotated[
    str | None,
    typer.Option(
        "--exam-date",
        envvar="PASTPAPER_EXAM_DATE",
        metavar="YYYY-MM-DD",
        help=_HELP["exam_date"].description,
    ),
]
Retention = Annotated[
    str | None,
    typer.Option(
        "--retention",
        envvar="PASTPAPER_RETENTION",
        metavar="0.7-0.99",
        help=_HELP["retention"].description,
    ),
]
ChartFile = Annotated[
    Path | None,
    typer.Option("--chart", metavar="FILE.svg|.png", help="Also draw it, to this file."),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")]


def _plan(ctx: typer.Context, exam_date: str | None, retention: str | None) -> Plan:
    from pastpaper.study.schedule import Plan

    settings = load_settings(ctx.obj, exam_date=exam_date, retention=retention)
    ctx.obj = settings
    if settings.exam_date is not None and settings.exam_date < datetime.now(UTC).date():
        err.print(
            f"[yellow]warning:[/yellow] the exam date {settings.exam_date.isoformat()} has "
            "passed; cards are scheduled as if there were none"
        )
    return Plan(desired_retention=settings.retention, exam_date=settings.exam_date)


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


# -- cards -----------------------------------------------------------------------------------


@app.command()
@friendly
def cards(ctx: typer.Context, course: CourseOption = None, as_json: JsonTable = False) -> None:
    """List the flashcards the notes make: question-and-answer cards and cloze cards.

    Example: pastpaper cards --course khrushchevs-attempts-at-modernisation
    """
    from pastpaper.study.practice import sync_cards

    store = _store(ctx)
    _not_empty(store)
    sync_cards(store, course)
    found = store.memory.cards(store.course_id(course) if course else None)
    if as_json:
        rows = [
            {
                "id": c.id,
                "kind": c.kind,
                "front": c.front,
                "back": c.back,
                "point_id": c.point_id,
                "topic": c.topic,
                "source": c.source,
                "tags": list(c.tags),
                "due": c.due.isoformat() if c.due else None,
            }
            for c in found
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(
        Column("id", no_wrap=True),
        Column("kind", no_wrap=True),
        Column("front", ratio=3),
        Column("back", ratio=2),
        Column("due", no_wrap=True),
        title=_n(len(found), "card"),
        title_justify="left",
    )
    for card in found:
        due = card.due.strftime("%Y-%m-%d %H:%M") if card.due else "new"
        table.add_row(card.id, card.kind, escape(_shown(card)), escape(card.back), due)
    out.print(table)


def _shown(card: StoredCard) -> str:
    """A card's front as the student sees it: a cloze's hidden words as [...]."""
    import re

    return re.sub(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", "[...]", card.front)


@app.command()
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
    from pastpaper.study.practice import due_cards, rate_card, sync_cards, typed_rating
    from pastpaper.study.schedule import parse_rating

    plan = _plan(ctx, exam_date, retention)
    store = _store(ctx)
    _not_empty(store)
    sync_cards(store, course)
    waiting = due_cards(store, datetime.now(UTC), plan, course)
    # One card a point a session: a point's cloze and its question give each other away.
    due: list[StoredCard] = []
    for card in waiting:
        if len(due) < limit and all(card.point_id != shown.point_id for shown in due):
            due.append(card)
    if not due:
        out.print(
            "Nothing is due. Come back later, or practise a question: pastpaper practise --due"
        )
        return
    done = 0
    try:
        for number, card in enumerate(due, start=1):
            out.print(f"\n[bold]Card {number} of {len(due)}[/bold] · {escape(card.topic)}")
            out.print(escape(_shown(card)))
            typed = _ask("Your answer (Enter to reveal, q to stop): ")
            out.print(f"[green]{escape(card.back)}[/green]")
            out.print(f"[dim]From the notes: {escape(card.source)}[/dim]")
            suggested = typed_rating(typed, card.back) if typed.strip() else None
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
            back_on = rate_card(store, card, rating, plan, datetime.now(UTC), typed or None)
            done += 1
            out.print(f"Saved; it comes back {_when(back_on)}.")
    except _Ended:
        pass
    out.print(f"\nReviewed {_n(done, 'card')}; {len(due) - done} left for later.")


def _when(moment: datetime) -> str:
    """'in 10 minutes', 'in 3 days (2027-05-01)'."""
    left = moment - datetime.now(UTC)
    if left < timedelta(hours=1):
        return f"in {_n(max(1, round(left.total_seconds() / 60)), 'minute')}"
    if left < timedelta(days=1):
        return f"in {_n(round(left.total_seconds() / 3600), 'hour')}"
    return f"in {_n(left.days, 'day')} ({moment.date().isoformat()})"


# -- past-paper practice ---------------------------------------------------------------------


@app.command()
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
            help=_HELP["minutes_per_mark"].description,
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
    from pastpaper.store.recovery import default_folder
    from pastpaper.study.practice import due_questions, mark_left_over, practise, suggested_seconds

    plan = _plan(ctx, exam_date, retention)
    settings: Settings = load_settings(ctx.obj, minutes_per_mark=minutes_per_mark)
    if answer is not None and not answer.strip():
        raise InputError("the answer is empty: nothing was saved or marked")
    store = _store(ctx)
    _not_empty(store)
    _offer_kept_answers(store, plan)
    for earlier in mark_left_over(store, plan):
        out.print(
            f"Your saved answer (attempt {earlier.attempt_id}) had not been marked; now it is: "
            f"{earlier.marking.mark}/{earlier.marking.max_marks}."
        )
    question = _question_to_practise(store, question_id, due, plan)
    if question is None:
        return
    from pastpaper.app.bank import scheme_of
    from pastpaper.marking import check_markable

    check_markable(scheme_of(store, question.id))  # before the student writes a word
    seconds = suggested_seconds(question.marks, settings.minutes_per_mark)
    marks = f"{question.marks} marks" if question.marks else "marks not printed"
    year = f"{question.year}: " if question.year else ""
    out.print(f"[bold]{year}{escape(question.text)}[/bold] ({marks})")
    out.print(f"Suggested time: {_clock(seconds)}. The clock starts now.")
    started = datetime.now(UTC)
    if answer is None and file is None:
        text, stopped = _typed_answer()
        if stopped:
            _keep_draft(store, question, text, started, seconds)
    else:
        text = _answer_text(answer, file)
    if not text.strip():
        raise InputError("the answer is empty: nothing was saved or marked")
    done = practise(
        store,
        question,
        text,
        started_at=started,
        submitted_at=datetime.now(UTC),
        seconds_allowed=seconds,
        plan=plan,
        rescue=default_folder(),
    )
    out.print()
    _print_marking(text, done.marking, more=f"pastpaper scheme {question.id} lists every point")
    over = " (over time)" if done.seconds_taken > seconds else ""
    out.print(f"Time: {_clock(done.seconds_taken)} of {_clock(seconds)}{over}.")
    out.print(
        f"Attempt {done.attempt_id} saved; question {question.id} comes back {_when(done.due)}."
    )
    if question_id is None and due:
        rest = len(due_questions(store, datetime.now(UTC), plan))
        if rest:
            out.print(f"{_n(rest, 'more question')} due: pastpaper practise --due")


def _offer_kept_answers(store: Store, plan: Plan) -> None:
    """Answers the database could not take last time: offer to submit each (on a terminal;
    piped, they are submitted, as the student meant them to be)."""
    from pastpaper.store.recovery import waiting
    from pastpaper.study.practice import submit_kept

    kept, notices = waiting(store.name)
    for notice in notices:
        err.print(f"[yellow]warning:[/yellow] {escape(str(notice))}")
    for answer in kept:
        when = answer.submitted_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        out.print(
            f"Your answer to question {answer.question_id} of {when} could not be saved then "
            f"and was kept in {escape(str(answer.path))}."
        )
        if sys.stdin.isatty() and not typer.confirm("Submit it now?", default=True):
            out.print("It stays in that file; you will be asked again next time.")
            continue
        try:
            done = submit_kept(store, answer, plan)
        except NotFound:
            err.print(
                f"[yellow]warning:[/yellow] question {answer.question_id} is no longer in the "
                f"bank; the answer stays in {escape(str(answer.path))}"
            )
            continue
        except NothingToMark as error:  # saved, and marked once the question can be
            err.print(f"[yellow]warning:[/yellow] saved, not marked: {escape(str(error))}")
            continue
        out.print(
            f"Submitted as attempt {done.attempt_id}: {done.marking.mark}/{done.marking.max_marks}."
        )


def _question_to_practise(
    store: Store, question_id: int | None, due: bool, plan: Plan
) -> QuestionInfo | None:
    from pastpaper.study.practice import due_questions

    if question_id is not None:
        if due:
            raise InputError("give a QUESTION_ID or --due, not both")
        return store.question(question_id).question
    if not due:
        raise InputError("give a QUESTION_ID (see pastpaper questions) or --due")
    waiting = due_questions(store, datetime.now(UTC), plan)
    if waiting:
        return waiting[0]
    fresh = [q for q in store.questions() if store.memory.question_state(q.id) is None]
    if fresh:
        out.print("No question is due again yet; here is one you have not tried.")
        return fresh[0]
    out.print("Nothing is due: every question has been practised and none is due again yet.")
    return None


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
        return _decoded(b"".join(lines)), True
    return _decoded(b"".join(lines)), False


def _keep_draft(
    store: Store, question: QuestionInfo, text: str, started: datetime, seconds: int
) -> NoReturn:
    """Ctrl-C while answering: keep what was written, to be marked next time."""
    from pastpaper.store.recovery import default_folder
    from pastpaper.study.practice import keep_answer

    if text.strip():
        attempt = keep_answer(
            store, question, text, started, datetime.now(UTC), seconds, rescue=default_folder()
        )
        err.print(
            f"\nStopped. Your answer so far is saved as attempt {attempt}; it will be marked "
            "the next time you practise."
        )
    raise typer.Exit(130)


def _not_empty(store: Store) -> None:
    if not store.courses():
        raise NotFound("the bank is empty: import notes first (pastpaper import NOTES.txt)")


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


@app.command()
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
    from pastpaper.study.practice import progress, sync_cards

    plan = _plan(ctx, exam_date, retention)
    store = _store(ctx)
    sync_cards(store, course)
    rows = progress(store, datetime.now(UTC), plan, course)
    if as_json:
        data = [
            {
                "course": r.course,
                "topic": r.topic,
                "cards": r.cards,
                "new": r.new,
                "due": r.due,
                "retention": None if r.retention is None else round(r.retention, 4),
                "marks": [
                    {"at": at.isoformat(), "mark": mark, "max": top} for at, mark, top in r.marks
                ],
            }
            for r in rows
        ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not rows:
        out.print("Nothing yet: pastpaper review (cards) or pastpaper practise --due (questions).")
        return
    table = Table(
        Column("topic", ratio=2),
        Column("cards", justify="right"),
        Column("new", justify="right"),
        Column("due", justify="right"),
        Column("recall of cards seen", justify="right"),
        Column("marks over time", ratio=2),
        title="Progress" + (f" (exam {plan.exam_date.isoformat()})" if plan.exam_date else ""),
        title_justify="left",
    )
    for r in rows:
        seen = r.cards - r.new
        recall = "-" if r.retention is None else f"{r.retention:.0%} of {seen}"
        trail = " → ".join(f"{mark}/{top}" for _, mark, top in r.marks[-6:]) or "-"
        table.add_row(escape(r.topic), str(r.cards), str(r.new), str(r.due), recall, trail)
    out.print(table)
    if plan.exam_date is not None:
        days = (plan.exam_date - date.today()).days
        out.print(f"{_n(max(days, 0), 'day')} to the exam.")


# -- the notes at a glance -------------------------------------------------------------------


def _courses(store: Store, course: str | None) -> list[Course]:
    """The course asked for, or every course; a bank with none says how to fill it."""
    _not_empty(store)
    slugs = [course] if course is not None else [c.slug for c in store.courses()]
    return [store.course(slug) for slug in slugs]


@app.command()
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
    from pastpaper.study.trends import command_words_by_year, trends, trends_chart

    _chart_writable(chart, force)
    rows = [row for c in _courses(_store(ctx), course) for row in trends(c)]
    if as_json:
        typer.echo(json.dumps([r.model_dump() for r in rows], ensure_ascii=False, indent=2))
    else:
        table = Table(
            Column("year", justify="right", no_wrap=True),
            Column("family", ratio=2),
            Column("command word", no_wrap=True),
            Column("marks", justify="right"),
            Column("question", ratio=3),
            title=f"{_n(len(rows), 'question')} asked",
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
                said = ", ".join(f"{word} ×{n}" if n > 1 else word for word, n in counts.items())
                out.print(f"  {year}: {escape(said)}")
    if chart is not None:
        left_off = trends_chart(rows, chart, force=force)
        note = f" ({_n(len(left_off), 'question')} with no year left off)" if left_off else ""
        err.print(f"Drew the trends to {escape(str(chart))}{note}.")


@app.command()
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
    from pastpaper.study.timeline import timeline_chart, timelines

    _chart_writable(chart, force)
    events = timelines(_courses(_store(ctx), course))
    if as_json:
        rows = [{"label": e.label, **e.model_dump()} for e in events]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        table = Table(
            Column("when", no_wrap=True),
            Column("what", ratio=3),
            Column("topic", ratio=1),
            title=_n(len(events), "dated event"),
            title_justify="left",
        )
        for e in events:
            table.add_row(e.label, escape(e.text), escape(e.topic))
        out.print(table)
    if chart is not None:
        timeline_chart(events, chart, force=force)
        err.print(f"Drew the timeline to {escape(str(chart))}.")


def _chart_writable(chart: Path | None, force: bool) -> None:
    """Refuse a chart file that cannot be written before anything is printed."""
    if chart is not None:
        from pastpaper.files import check_writable
        from pastpaper.study.charts import chart_kind

        check_writable(chart, chart_kind(chart), force=force)


# -- exports ---------------------------------------------------------------------------------

CourseArgument = Annotated[str, typer.Argument(metavar="COURSE", help="The course's slug or id.")]


@app.command("export-anki")
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
    from pastpaper.files import APKG, check_writable
    from pastpaper.study.cards import cards_of
    from pastpaper.study.exports import write_anki

    store = _store(ctx)
    check_writable(output, APKG, force=force, protect=[store.path])
    plain = store.course(course)
    made = cards_of(plain)
    write_anki(plain, made, output, force=force, protect=[store.path])
    out.print(f"Wrote {_n(len(made), 'card')} to {escape(str(output))}; import it into Anki.")


@app.command("export-moodle")
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
    from pastpaper.files import XML, check_writable
    from pastpaper.study.cards import cards_of
    from pastpaper.study.exports import write_moodle

    store = _store(ctx)
    check_writable(output, XML, force=force, protect=[store.path])
    plain = store.course(course)
    write_moodle(plain, cards_of(plain), output, force=force, protect=[store.path])
    out.print(f"Wrote {escape(str(output))}; import it in Moodle's question bank (Moodle XML).")
