"""What the commands print, shared: errors and warnings with the CLI's advice, JSON, an
import's report, a list of questions, a marked answer, times to come.

Output goes to ``out`` (stdout) and messages to ``err`` (stderr); rich markup in what the
user wrote is escaped wherever it is printed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Column, Table

from pastpaper.errors import Notice, PastpaperError
from pastpaper.text import runs

if TYPE_CHECKING:
    from pastpaper.app.bank import ImportReport, QuestionRow
    from pastpaper.marking import Marking

__all__ = [
    "REMEDIES",
    "clock",
    "err",
    "n",
    "out",
    "print_json",
    "print_marking",
    "print_questions",
    "print_report",
    "problem",
    "told",
    "warn",
    "when",
]

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

#: How the CLI says to get past an error or notice whose ``remedy`` is named: the library
#: says what is wrong, the CLI adds the option that asks for it (``pastpaper.errors``).
REMEDIES = {
    "force": "{message}; choose another file or pass --force to replace it",
    "kept": "{message} (even with --force); write to another file",
    "replace": "{message}, or pass --replace to start again from these notes",
    "replace other": "{message}; to update the other course from this file instead, "
    "import it with --replace",
    "max_mb": "{message}, or raise the limit with --max-mb or PASTPAPER_MAX_MB",
    "import": "{message} (pastpaper import NOTES.txt)",
    "list questions": "{message}; 'pastpaper questions' lists both",
    "practise": "{message}: try pastpaper review or pastpaper practise --due",
    # Which question to practise: the CLI's words name its argument and option.
    "id and due": "give a QUESTION_ID or --due, not both",
    "id or due": "give a QUESTION_ID (see pastpaper questions) or --due",
    "user": "{message} (asked for by --user or PASTPAPER_USER)",
}


def told(message: str, remedy: str | None) -> str:
    """A message with the CLI's advice for its remedy, if it has one."""
    return REMEDIES[remedy].format(message=message) if remedy in REMEDIES else message


def problem(error: PastpaperError) -> None:
    """Print an error meant for the user as one line on stderr."""
    err.print(f"[red]error:[/red] {escape(told(str(error), error.remedy))}")


def warn(notice: Notice | str) -> None:
    """Print a warning on stderr."""
    text = told(str(notice), notice.remedy) if isinstance(notice, Notice) else notice
    err.print(f"[yellow]warning:[/yellow] {escape(text)}")


def n(count: int, one: str, many: str | None = None) -> str:
    """``3 questions``, ``1 question``."""
    return f"{count} {one if count == 1 else many or one + 's'}"


def print_json(found: Any, *, ensure_ascii: bool = False) -> None:
    """What the layer returned, as the JSON of its ``model_dump`` (a model, or a list of
    them); a dataclass (a ``User``, a ``SchoolClass``) as the JSON of its fields."""
    data: Any = (
        [_jsonable(item) for item in found] if isinstance(found, Sequence) else _jsonable(found)
    )
    typer.echo(json.dumps(data, ensure_ascii=ensure_ascii, indent=2))


def _jsonable(item: Any) -> Any:
    from pydantic import BaseModel
    from pydantic_core import to_jsonable_python

    if isinstance(item, BaseModel):
        return item.model_dump(mode="json")
    return to_jsonable_python(item)


def print_report(report: ImportReport) -> None:
    """An import: its warnings, then what the course now holds."""
    for notice in report.notices:
        warn(notice)
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
        f"{n(counts['topics'], 'topic')}, "
        f"{n(counts['families'], 'question family', 'question families')}, "
        f"{n(counts['questions'], 'question')}{change}, {n(counts['notes'], 'notes paragraph')}"
        + (
            f" ({n(counts['note_lines'], 'line')})"
            if counts["note_lines"] > counts["notes"]
            else ""
        )
    )


def print_questions(found: Sequence[QuestionRow], asked: str = "") -> None:
    """Questions as a table a topic, a rule between families; ``asked`` says which were
    asked for ("in course X"), for the line shown when there are none."""
    if not found and asked:
        out.print(
            f"No questions {escape(asked)}: its notes had no past-paper question lines "
            "(like '1999: Why did ...? (10)'). Add some and import the notes again."
        )
        return
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


def print_marking(
    answer: str, result: Marking, missed_shown: int = 6, more: str | None = "--json lists them"
) -> None:
    """The answer with each credited claim highlighted and numbered, then the feedback;
    ``more`` says where the missed points not shown can be seen (None: nowhere)."""
    from rich.text import Text

    marks = [
        (c.span.start, c.span.end, ("bold green", f"[{i}]"))
        for i, c in enumerate(result.credited, 1)
    ]
    marks += [(w.span.start, w.span.end, ("bold red", "[✗]")) for w in result.inaccuracies]
    shown = Text()
    # A claim inside another (a sentence's half that earned a point of its own) is shown in
    # its own colour, and each claim's number follows its last word.
    for text, inner, ending in runs(answer, marks):
        shown.append(text, style=inner[0] if inner else "")
        for style, label in ending:
            shown.append(label, style=style.removeprefix("bold "))
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
        warn(warning)
    out.print(f"[dim]{escape(result.marker_version)}[/dim]")


def when(moment: datetime, now: datetime) -> str:
    """How long from ``now`` until ``moment``: 'in 10 minutes', 'in 3 days (2027-05-01)'."""
    left = moment - now
    if left < timedelta(hours=1):
        return f"in {n(max(1, round(left.total_seconds() / 60)), 'minute')}"
    if left < timedelta(days=1):
        return f"in {n(round(left.total_seconds() / 3600), 'hour')}"
    return f"in {n(left.days, 'day')} ({moment.date().isoformat()})"


def clock(seconds: int) -> str:
    """``4:05`` for 245 seconds."""
    return f"{seconds // 60}:{seconds % 60:02d}"
