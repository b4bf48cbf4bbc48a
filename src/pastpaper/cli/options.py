"""What the commands share besides printing: the options several take, declared once; the
wrapper that turns an error into one line; the ``Pastpaper`` a command works through; the
answer a student gives, read from an option, a file or stdin.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer

from pastpaper.cli.render import problem
from pastpaper.errors import InputError, NotFound, PastpaperError
from pastpaper.settings import Settings, load_settings

if TYPE_CHECKING:
    from pastpaper.app import Pastpaper
    from pastpaper.store import Store
    from pastpaper.store.people import User

__all__ = [
    "HELP",
    "AnswerFile",
    "AnswerText",
    "ChartFile",
    "CourseArgument",
    "CourseOption",
    "ExamDate",
    "Force",
    "JsonTable",
    "JsonText",
    "MaxMb",
    "PasswordStdin",
    "QuestionId",
    "Retention",
    "answer_text",
    "decoded",
    "friendly",
    "open_app",
]

HELP = Settings.model_fields

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
JsonTable = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
AnswerText = Annotated[
    str | None, typer.Option("--answer", metavar="TEXT", help="The answer, as text.")
]
AnswerFile = Annotated[
    Path | None,
    typer.Option("--file", metavar="FILE", help="A file holding the answer; - for stdin."),
]
MaxMb = Annotated[
    str | None,
    typer.Option(
        "--max-mb", envvar="PASTPAPER_MAX_MB", metavar="MB", help=HELP["max_mb"].description
    ),
]
CourseOption = Annotated[
    str | None, typer.Option("--course", metavar="COURSE", help="Only this course (slug or id).")
]
CourseArgument = Annotated[str, typer.Argument(metavar="COURSE", help="The course's slug or id.")]
# Read as text and checked by the settings, so that a bad value, given here or in the
# environment, is named with what it may be (and only by the commands that use it).
ExamDate = Annotated[
    str | None,
    typer.Option(
        "--exam-date",
        envvar="PASTPAPER_EXAM_DATE",
        metavar="YYYY-MM-DD",
        help=HELP["exam_date"].description,
    ),
]
Retention = Annotated[
    str | None,
    typer.Option(
        "--retention",
        envvar="PASTPAPER_RETENTION",
        metavar="0.7-0.99",
        help=HELP["retention"].description,
    ),
]
ChartFile = Annotated[
    Path | None,
    typer.Option("--chart", metavar="FILE.svg|.png", help="Also draw it, to this file."),
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the file if it exists.")]
PasswordStdin = Annotated[
    bool,
    typer.Option("--password-stdin", help="Read the password from the first line of stdin."),
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
            problem(error)
            raise typer.Exit(1) from None

    return wrapper


def now() -> datetime:
    """The CLI's clock: the time now, in UTC. The layer below never reads the time itself."""
    return datetime.now(UTC)


def open_app(ctx: typer.Context, *, store: bool = True, **given: Any) -> Pastpaper:
    """The ``Pastpaper`` a command works through: the settings of ``--db`` and the
    environment, with the command's own options (``given``) over them; the store opened
    (closed when the command ends) unless ``store`` is False."""
    from pastpaper.app import Pastpaper  # the database libraries load only when a command runs

    settings = load_settings(ctx.obj, **given)
    ctx.obj = settings
    if not store:
        return Pastpaper(None, None, settings, now)
    from pastpaper.store import Store

    opened = Store.open(settings.db)
    ctx.call_on_close(opened.close)
    return Pastpaper(opened, None, settings, now, _acting_user(opened, settings.user))


def _acting_user(store: Store, login: str | None) -> User | None:
    """The user ``--user`` (or PASTPAPER_USER) names; None: the local user."""
    if login is None:
        return None
    try:
        return store.people.user(login)
    except NotFound as error:
        raise NotFound(str(error), remedy="user") from None


def answer_text(answer: str | None, file: Path | None) -> str:
    """The answer given with --answer, --file FILE or on stdin."""
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
            if file is None and not data.strip():
                # Nothing asked for stdin and nothing came (a script run with no input): no
                # answer was given, which is not an empty answer to mark 0.
                raise PastpaperError(
                    "no answer on stdin: give the answer with --answer TEXT, --file FILE or "
                    "on stdin (-)"
                )
        else:
            data = file.read_bytes()
    except OSError as error:
        raise PastpaperError(
            f"{file or 'stdin'}: cannot read the answer ({error.strerror})"
        ) from None
    return decoded(data, file)


def decoded(data: bytes, file: Path | None = None) -> str:
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
