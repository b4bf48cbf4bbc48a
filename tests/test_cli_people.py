"""The people commands through the CLI, with exact output: users add, list, passwd; classes
add, list, enrol, assign, exam-date; --user (and PASTPAPER_USER) acting as someone else, with
their rights and their own cards. On a real SQLite file and (in CI) PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pastpaper.cli import app
from pastpaper.store import Store

runner = CliRunner()
SLUG = "khrushchevs-attempts-at-modernisation"


def cli(db: str, *args: str, code: int = 0, stdin: str | None = None) -> str:
    result = runner.invoke(app, ["--db", db, *args], input=stdin)
    assert result.exit_code == code, result.output
    return result.stdout if code == 0 else result.stderr


@pytest.fixture
def school(db_url: str) -> str:
    """ann teaches (with a password), bo is a student (without one)."""
    cli(db_url, "users", "add", "ann", "--name", "Ann Lee", "--role", "teacher",
        "--password-stdin", stdin="ann's secret\n")  # fmt: skip
    cli(db_url, "users", "add", "bo", "--name", "Bo Chan", "--role", "student")
    return db_url


def test_users_add_and_list(db_url: str) -> None:
    added = cli(
        db_url, "users", "add", "ann", "--name", "Ann Lee", "--role", "teacher",
        "--password-stdin", stdin="ann's secret\n",
    )  # fmt: skip
    assert added == "Added ann (Ann Lee), a teacher.\n"
    assert cli(db_url, "users", "add", "bo", "--name", "Bo Chan", "--role", "student") == (
        "Added bo (Bo Chan), a student.\n"
        "bo cannot sign in until a password is set: pastpaper users passwd bo\n"
    )
    assert cli(db_url, "users", "list") == (
        "┏━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━┓\n"
        "┃ login ┃ name       ┃ role    ┃ password ┃\n"
        "┡━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━┩\n"
        "│ ann   │ Ann Lee    │ teacher │ set      │\n"
        "│ bo    │ Bo Chan    │ student │ -        │\n"
        "│ local │ Local user │ admin   │ -        │\n"
        "└───────┴────────────┴─────────┴──────────┘\n"
    )
    listed = json.loads(cli(db_url, "users", "list", "--json"))
    assert listed[0] == {
        "id": listed[0]["id"],
        "login": "ann",
        "display_name": "Ann Lee",
        "role": "teacher",
        "exam_date": None,
        "has_password": True,
    }
    assert [(u["login"], u["has_password"]) for u in listed] == [
        ("ann", True),
        ("bo", False),
        ("local", False),
    ]


def test_users_add_refuses_what_cannot_be(school: str) -> None:
    assert cli(school, "users", "add", "ann", "--name", "A", "--role", "student", code=1) == (
        "error: the login ann is taken; choose another\n"
    )
    assert cli(school, "users", "add", "cy", "--name", "Cy", "--role", "pupil", code=1) == (
        "error: there is no role 'pupil'; a user is one of: admin, teacher, student\n"
    )
    short = cli(school, "users", "add", "cy", "--name", "Cy", "--role", "student",
                "--password-stdin", code=1, stdin="short\n")  # fmt: skip
    assert short == "error: a password needs at least 8 characters; this one has 5\n"
    assert "cy" not in cli(school, "users", "list")


def test_users_passwd_asks_twice_hidden_or_reads_stdin(school: str) -> None:
    result = runner.invoke(
        app,
        ["--db", school, "users", "passwd", "bo"],
        input="bo's secret\nnot the same\nbo's secret\nbo's secret\n",
    )
    assert result.exit_code == 0, result.output
    # CliRunner writes a line for each hidden prompt to stdout, where a terminal has none.
    assert result.stdout.strip() == "Set the password of bo."
    assert "bo's secret" not in result.output  # hidden
    assert "do not match" in result.stderr
    with Store.open(school) as store:
        assert store.people.verify_password("bo", "bo's secret")
    out = cli(school, "users", "passwd", "bo", "--password-stdin", stdin="bo's next secret\n")
    assert out == "Set the password of bo.\n"
    with Store.open(school) as store:
        assert store.people.verify_password("bo", "bo's next secret")
    assert cli(school, "users", "passwd", "bo", "--password-stdin", stdin="        \n",
               code=1) == "error: a password cannot be only spaces\n"  # fmt: skip


def test_user_acts_as_that_user_with_their_rights(school: str) -> None:
    assert cli(school, "--user", "bo", "users", "add", "cy", "--name", "Cy", "--role",
               "student", code=1) == (
        "error: bo is a student; only an admin can add users\n"
    )  # fmt: skip
    assert cli(school, "--user", "bo", "users", "passwd", "ann", "--password-stdin",
               stdin="bo's guess!\n", code=1) == (
        "error: bo is a student; only an admin can set another user's password\n"
    )  # fmt: skip
    asked = runner.invoke(app, ["--db", school, "--user", "bo", "users", "passwd", "ann"])
    assert asked.exit_code == 1 and "password" not in asked.stdout  # refused before asking
    assert asked.stderr == "error: bo is a student; only an admin can set another user's password\n"
    assert cli(school, "users", "passwd", "zed", code=1) == (
        "error: no user 'zed'; the users are: ann, bo, local\n"
    )
    assert cli(school, "--user", "zed", "users", "list", code=1) == (
        "error: no user 'zed'; the users are: ann, bo, local (asked for by --user or "
        "PASTPAPER_USER)\n"
    )
    listed = runner.invoke(app, ["--db", school, "users", "list", "--json"],
                           env={"PASTPAPER_USER": "bo"})  # fmt: skip
    assert [u["login"] for u in json.loads(listed.stdout)] == ["bo"]


def test_classes_add_list_enrol_assign_and_date(school: str, seed_path: Path) -> None:
    cli(school, "import", str(seed_path))
    made = json.loads(cli(school, "--user", "ann", "classes", "add", "Year 12 history", "--json"))
    code = made["join_code"]
    assert made == {
        "id": 1,
        "name": "Year 12 history",
        "teacher": "ann",
        "join_code": code,
        "exam_date": None,
        "students": [],
        "courses": [],
    }
    science = cli(school, "classes", "add", "Science", "--teacher", "ann")
    [science_code] = [c["join_code"] for c in json.loads(cli(school, "classes", "list", "--json"))
                      if c["name"] == "Science"]  # fmt: skip
    assert science == (
        f"Added class 2, Science, taught by ann. Students join it with the code {science_code}.\n"
    )
    assert cli(school, "--user", "ann", "classes", "enrol", code.lower(), "bo") == (
        "Enrolled bo in Year 12 history (1 student).\n"
    )
    assert cli(school, "--user", "ann", "classes", "assign", "1", SLUG) == (
        f"Year 12 history studies: {SLUG}.\n"
    )
    assert cli(school, "--user", "ann", "classes", "exam-date", "1", "2027-05-20") == (
        "Year 12 history has its exam on 2027-05-20.\n"
    )
    listed = cli(school, "--user", "bo", "classes", "list")
    assert listed == (  # bo sees the class he is in, not Science
        "┏━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━┓\n"
        "┃ id ┃ class                     ┃ teacher ┃ join code ┃ students ┃ exam       ┃\n"
        "┡━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━┩\n"
        f"│ 1  │ Year 12 history           │ ann     │ {code}  │        1 │ 2027-05-20 │\n"
        "│    │ khrushchevs-attempts-at-m │         │           │          │            │\n"
        "│    │ odernisation              │         │           │          │            │\n"
        "└────┴───────────────────────────┴─────────┴───────────┴──────────┴────────────┘\n"
        "Under each class, the courses it studies.\n"
    )
    assert cli(school, "classes", "exam-date", "1", "none") == (
        "Year 12 history has no exam date now.\n"
    )


def test_classes_refuse_who_may_not_and_what_is_not(school: str) -> None:
    cli(school, "classes", "add", "Year 12 history", "--teacher", "ann")
    assert cli(school, "--user", "bo", "classes", "add", "Mine", code=1) == (
        "error: bo is a student; only a teacher or an admin can have a class\n"
    )
    assert cli(school, "--user", "ann", "classes", "add", "Other", "--teacher", "local",
               code=1) == (
        "error: ann is a teacher; only an admin can add a class for another teacher\n"
    )  # fmt: skip
    assert cli(school, "--user", "bo", "classes", "enrol", "1", "bo", code=1) == (
        "error: bo does not teach Year 12 history; only its teacher (ann) or an admin can "
        "enrol students in it\n"
    )
    assert cli(school, "classes", "exam-date", "1", "20 May", code=1) == (
        "error: the exam date '20 May' is not a date written YYYY-MM-DD, such as 2027-05-20, "
        "or none\n"
    )
    assert cli(school, "classes", "enrol", "7", "bo", code=1) == (
        "error: no class 7; the classes are: 1 (Year 12 history)\n"
    )
    assert cli(school, "classes", "enrol", "1", "ann", code=1) == (
        "error: ann is a teacher, not a student; only students join classes\n"
    )


def test_a_review_as_another_user_moves_their_cards_only(school: str, seed_path: Path) -> None:
    cli(school, "import", str(seed_path))
    # A student studies the courses of their classes: bo's class is given the seed.
    assert cli(school, "--user", "bo", "review").startswith("Nothing is due.")
    cli(school, "classes", "add", "Year 12 history", "--teacher", "ann")
    cli(school, "classes", "enrol", "1", "bo")
    cli(school, "classes", "assign", "1", "khrushchevs-attempts-at-modernisation")
    out = cli(school, "--user", "bo", "review", "--limit", "1", stdin="\n4\n")
    assert "Reviewed 1 card; 0 left for later." in out
    bo_cards = json.loads(cli(school, "--user", "bo", "cards", "--json"))
    local_cards = json.loads(cli(school, "cards", "--json"))
    assert len(bo_cards) == len(local_cards) > 1
    assert sum(card["due"] is not None for card in bo_cards) == 1
    assert all(card["due"] is None for card in local_cards)
    with Store.open(school) as store:
        bo, local = store.people.user("bo"), store.people.local()
        assert [r["rating"] for r in store.memory.reviews(bo.id)] == [4]
        assert store.memory.reviews(local.id) == []
