"""Deleting a course: its questions, notes and cards go; what the student did stays.

On a real SQLite file and (in CI) a real PostgreSQL server; the confirmation is answered in
a real pseudo-terminal.
"""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating
from typer.testing import CliRunner

from conftest import ROOT
from pastpaper.cli import app
from pastpaper.errors import NotFound
from pastpaper.ingest import read_notes
from pastpaper.store import DeletedCourse, Store
from pastpaper.study.cards import cards_of
from pastpaper.study.schedule import new_card, review

runner = CliRunner()

SLUG = "khrushchevs-attempts-at-modernisation"
NOW = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def cli(db: str | Path, *args: str, stdin: str | None = None, code: int = 0) -> str:
    result = runner.invoke(app, ["--db", str(db), *args], input=stdin)
    assert result.exit_code == code, result.output
    return result.stdout


def practised(store: Store, seed_path: Path) -> tuple[str, int]:
    """The seed course, with one card reviewed and one question answered and marked."""
    course = read_notes(seed_path).course
    store.save_course(course)  # makes the cards
    cards = cards_of(course)
    state, record = review(new_card(NOW), Rating.Good, NOW)
    store.memory.record_review(
        store.people.local().id, cards[0].id, int(Rating.Good), state, record, answer="1953"
    )
    question = store.questions()[0]
    attempt = store.memory.start_attempt(
        store.people.local().id,
        question_id=question.id,
        course=question.course,
        topic=question.topic,
        question=question.text,
        answer="Stalin's statues came down.",
        started_at=NOW,
        submitted_at=NOW,
        seconds_allowed=600,
    )
    state, _ = review(new_card(NOW), Rating.Hard, NOW)
    store.memory.finish_attempt(
        store.people.local().id, attempt, mark=2, max_marks=8, marking={}, state=state
    )
    return cards[0].front, len(cards)


def test_deleting_a_course_keeps_the_students_attempts_and_reviews(
    store: Store, seed_path: Path
) -> None:
    front, made = practised(store, seed_path)
    question = store.questions()[0]

    deleted = store.delete_course(SLUG)

    assert deleted == DeletedCourse(
        slug=SLUG,
        title="Khrushchev's attempts at modernisation.",
        questions=7,
        cards=made,
        attempts_kept=1,
        reviews_kept=1,
    )
    assert (
        store.courses(),
        store.questions(),
        store.memory.cards(store.people.local().id, retired=True),
    ) == ([], [], [])
    assert store.memory.question_states(store.people.local().id) == {}
    [attempt] = store.memory.attempts(store.people.local().id)
    assert (attempt.question_id, attempt.course, attempt.question, attempt.mark) == (
        None,
        SLUG,
        question.text,
        2,
    )
    [kept] = store.memory.reviews(store.people.local().id)
    assert (kept["card_id"], kept["course"], kept["front"], kept["answer"], kept["rating"]) == (
        None,
        SLUG,
        front,
        "1953",
        3,
    )


def test_a_deleted_course_can_be_imported_again(store: Store, seed_path: Path) -> None:
    practised(store, seed_path)
    store.delete_course("1")
    saved = store.save_course(read_notes(seed_path).course)
    assert (saved.slug, saved.created, len(store.questions())) == (SLUG, True, 7)
    assert len(store.memory.reviews(store.people.local().id)) == 1


def test_deleting_a_course_that_is_not_there_names_those_that_are(
    store: Store, seed_path: Path
) -> None:
    store.save_course(read_notes(seed_path).course)
    with pytest.raises(NotFound, match=f"^no course 'history'; the courses are: {SLUG}$"):
        store.delete_course("history")
    assert len(store.courses()) == 1


def test_courses_delete_with_yes_deletes_and_says_what_was_kept(
    db_url: str, seed_path: Path
) -> None:
    with Store.open(db_url) as store:
        _, made = practised(store, seed_path)
    out = cli(db_url, "courses", "delete", SLUG, "--yes")
    assert out == (
        f"Deleted the course {SLUG}: 7 questions, {made} cards; kept 1 attempt and 1 review.\n"
    )
    assert (
        cli(db_url, "courses") == "No courses yet. Import notes with: pastpaper import NOTES.txt\n"
    )
    assert cli(db_url, "courses", "--json") == "[]\n"
    # The marks of the deleted course's questions are still there to look back on.
    [row] = json.loads(cli(db_url, "progress", "--json"))
    assert (row["course"], row["cards"], [m["mark"] for m in row["marks"]]) == (SLUG, 0, [2])


def test_courses_delete_without_a_terminal_or_yes_refuses(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    result = runner.invoke(app, ["--db", str(db), "courses", "delete", SLUG])
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"error: not deleting the course {SLUG}: there is no terminal to ask on; pass --yes "
        "to delete it without asking\n",
    )
    assert [c["slug"] for c in json.loads(cli(db, "courses", "--json"))] == [SLUG]


def test_courses_delete_of_an_unknown_course_says_which_there_are(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    result = runner.invoke(app, ["--db", str(db), "courses", "delete", "history", "--yes"])
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: no course 'history'; the courses are: {SLUG}\n",
    )


def in_a_terminal(db: Path, *args: str, answer: str) -> tuple[int, str]:
    """Run pastpaper in a pseudo-terminal, answer its question, and return what it showed."""
    main, secondary = pty.openpty()
    path = os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path, "COLUMNS": "200", "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "pastpaper", "--db", str(db), *args],
        stdin=secondary,
        stdout=secondary,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    shown = b""
    answered = False
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        assert ready, f"no output for a minute; so far: {shown!r}"
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the process has finished
            break
        if not chunk:
            break
        shown += chunk
        if not answered and b"[y/N]: " in shown:
            os.write(main, answer.encode())
            answered = True
    os.close(main)
    return process.wait(timeout=60), shown.decode().replace("\r\n", "\n")


def test_courses_delete_asks_first_in_a_terminal(tmp_path: Path, seed_path: Path) -> None:
    db = tmp_path / "bank.db"
    cli(db, "import", str(seed_path))
    question = (
        f"Delete the course {SLUG} (Khrushchev's attempts at modernisation.) with its "
        "7 questions? Attempts and reviews are kept. [y/N]: "
    )
    code, shown = in_a_terminal(db, "courses", "delete", SLUG, answer="n\n")
    assert (code, shown) == (1, f"{question}n\nNothing was deleted.\n")
    assert len(json.loads(cli(db, "courses", "--json"))) == 1
    code, shown = in_a_terminal(db, "courses", "delete", "1", answer="y\n")
    assert (code, shown.splitlines()[-1]) == (
        0,
        f"Deleted the course {SLUG}: 7 questions, 51 cards; kept 0 attempts and 0 reviews.",
    )
    assert json.loads(cli(db, "courses", "--json")) == []
