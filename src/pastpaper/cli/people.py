"""The people commands: users (add, list, passwd) and classes (add, list, enrol, assign,
exam-date). Each parses, calls one method of ``Pastpaper`` as the acting user (``--user``;
the local user, an admin, by default), renders."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Column, Table

from pastpaper.cli.options import JsonTable, JsonText, PasswordStdin, friendly, open_app
from pastpaper.cli.render import n, out, print_json
from pastpaper.errors import InputError, PastpaperError

__all__ = [
    "classes_add",
    "classes_app",
    "classes_assign",
    "classes_enrol",
    "classes_exam_date",
    "classes_list",
    "users_add",
    "users_app",
    "users_list",
    "users_passwd",
]

users_app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="The users: add one, list them, set a password.",
)
classes_app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="The classes: add one, list them, enrol students, assign courses, set the exam date.",
)

Login = Annotated[str, typer.Argument(metavar="LOGIN", help="The user's login.")]
ClassRef = Annotated[
    str, typer.Argument(metavar="CLASS", help="The class's id or join code, from 'classes list'.")
]


# -- users -----------------------------------------------------------------------------------


@users_app.command("add")
@friendly
def users_add(
    ctx: typer.Context,
    login: Login,
    name: Annotated[
        str, typer.Option("--name", metavar="NAME", help="Their name as shown, such as 'Ann Lee'.")
    ],
    role: Annotated[str, typer.Option("--role", metavar="ROLE", help="admin, teacher or student.")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a user (an admin only); without a password they cannot sign in until 'users passwd'.

    Example: pastpaper users add ann --name "Ann Lee" --role teacher
    """
    app = open_app(ctx)
    password = _password_from_stdin() if password_stdin else None
    user = app.add_user(login, name, role, password)
    out.print(f"Added {user.login} ({escape(user.display_name)}), a {user.role}.")
    if not user.has_password:
        out.print(
            f"{user.login} cannot sign in until a password is set: "
            f"pastpaper users passwd {user.login}"
        )


@users_app.command("list")
@friendly
def users_list(ctx: typer.Context, as_json: JsonTable = False) -> None:
    """List the users: login, name, role, whether they can sign in.

    Example: pastpaper users list --json
    """
    found = open_app(ctx).users()
    if as_json:
        print_json(found)
        return
    table = Table("login", Column("name", ratio=1, overflow="fold"), "role", "password")
    for user in found:
        table.add_row(
            user.login, escape(user.display_name), user.role, "set" if user.has_password else "-"
        )
    out.print(table)


@users_app.command("passwd")
@friendly
def users_passwd(ctx: typer.Context, login: Login, password_stdin: PasswordStdin = False) -> None:
    """Set a user's password: asked for twice, hidden, or read from stdin.

    Example: pastpaper users passwd ann
    """
    app = open_app(ctx)
    app.password_target(login)  # who may, and whether the user is there, before asking
    if password_stdin:
        password = _password_from_stdin()
    else:
        password = typer.prompt(
            f"New password for {login}", hide_input=True, confirmation_prompt="Again", err=True
        )
    app.set_password(login, password)
    out.print(f"Set the password of {login}.")


def _password_from_stdin() -> str:
    """The first line of stdin, without its line ending."""
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise PastpaperError("no password on stdin: give it as the first line")
    return line


# -- classes ---------------------------------------------------------------------------------


@classes_app.command("add")
@friendly
def classes_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The class's name.")],
    teacher: Annotated[
        str | None,
        typer.Option("--teacher", metavar="LOGIN", help="Its teacher (default: you)."),
    ] = None,
    as_json: JsonText = False,
) -> None:
    """Add a class, taught by you or (an admin asking) by --teacher; prints its join code.

    Example: pastpaper classes add "Year 12 history" --teacher ann
    """
    app = open_app(ctx)
    made = app.add_class(teacher or app.user.login, name)
    if as_json:
        print_json(made)
        return
    out.print(
        f"Added class {made.id}, {escape(made.name)}, taught by {made.teacher}. "
        f"Students join it with the code {made.join_code}."
    )


@classes_app.command("list")
@friendly
def classes_list(ctx: typer.Context, as_json: JsonTable = False) -> None:
    """List the classes you may see: their teacher, join code, students, courses, exam date.

    Example: pastpaper classes list --json
    """
    found = open_app(ctx).classes()
    if as_json:
        print_json(found)
        return
    if not found:
        out.print('No classes yet. Add one with: pastpaper classes add "Year 12 history"')
        return
    table = Table(
        "id",
        Column("class", ratio=1, overflow="fold"),
        "teacher",
        Column("join code", no_wrap=True),
        Column("students", justify="right"),
        Column("exam", no_wrap=True),
        caption="Under each class, the courses it studies.",
    )
    for c in found:
        courses = "".join(f"\n[dim]{slug}[/dim]" for slug in c.courses)
        table.add_row(
            str(c.id),
            escape(c.name) + courses,
            c.teacher,
            c.join_code,
            str(len(c.students)),
            c.exam_date.isoformat() if c.exam_date else "-",
        )
    out.print(table)


@classes_app.command("enrol")
@friendly
def classes_enrol(
    ctx: typer.Context,
    class_ref: ClassRef,
    student: Annotated[str, typer.Argument(metavar="STUDENT", help="The student's login.")],
) -> None:
    """Put a student in a class (its teacher or an admin).

    Example: pastpaper classes enrol 1 bo
    """
    found = open_app(ctx).enrol(student, class_ref)
    out.print(f"Enrolled {student} in {escape(found.name)} ({n(len(found.students), 'student')}).")


@classes_app.command("assign")
@friendly
def classes_assign(
    ctx: typer.Context,
    class_ref: ClassRef,
    course: Annotated[str, typer.Argument(metavar="COURSE", help="The course's slug or id.")],
) -> None:
    """Give a class a course to study (its teacher or an admin).

    Example: pastpaper classes assign 1 khrushchevs-attempts-at-modernisation
    """
    found = open_app(ctx).assign_course(class_ref, course)
    out.print(f"{escape(found.name)} studies: {', '.join(found.courses)}.")


@classes_app.command("exam-date")
@friendly
def classes_exam_date(
    ctx: typer.Context,
    class_ref: ClassRef,
    when: Annotated[
        str, typer.Argument(metavar="DATE", help="The exam's date, YYYY-MM-DD, or none.")
    ],
) -> None:
    """Set a class's exam date, or 'none' to clear it (its teacher or an admin).

    Example: pastpaper classes exam-date 1 2027-05-20
    """
    found = open_app(ctx).set_class_exam_date(class_ref, _exam_date(when))
    if found.exam_date is None:
        out.print(f"{escape(found.name)} has no exam date now.")
    else:
        out.print(f"{escape(found.name)} has its exam on {found.exam_date.isoformat()}.")


def _exam_date(text: str) -> date | None:
    """A date written YYYY-MM-DD, or None for 'none'."""
    if text.strip().lower() == "none":
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"the exam date {text!r} is not a date written YYYY-MM-DD, such as 2027-05-20, or none"
        ) from None
