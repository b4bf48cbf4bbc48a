"""Nothing a student types is lost to a database that cannot be written."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pastpaper.cli import app
from pastpaper.store import Store
from pastpaper.store.guard import cause

runner = CliRunner()
ANSWER = "Khrushchev wanted to secure his position against Beria and Malenkov.\nA second line."


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's data folder, here a temporary one (platformdirs reads XDG_DATA_HOME)."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "pastpaper" / "recovered"


@pytest.fixture
def bank(tmp_path: Path, seed_path: Path) -> Path:
    db = tmp_path / "bank.db"
    result = runner.invoke(app, ["--db", str(db), "import", str(seed_path)])
    assert result.exit_code == 0, result.output
    return db


def read_only(db: Path) -> str:
    """The same SQLite file, opened so that every write fails as on a read-only file system."""
    return f"sqlite:///file:{db}?mode=ro&uri=true"


def attempts(db: Path) -> list[tuple[int, str, int | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT question_id, answer, mark FROM attempts ORDER BY id")
        return [(int(q), str(a), m) for q, a, m in rows]


def test_an_answer_the_store_refuses_is_kept_in_a_file_and_submitted_next_time(
    bank: Path, data_home: Path
) -> None:
    refused = runner.invoke(app, ["--db", read_only(bank), "practise", "4", "--answer", ANSWER])
    assert refused.exit_code == 1
    [kept] = list(data_home.iterdir())
    assert refused.stderr.startswith(
        "error: the database could not be used: the database file is read-only (attempt to "
        "write a readonly database). Your answer is not lost: it is kept in "
    )
    assert str(kept) in " ".join(refused.stderr.split())
    saved = json.loads(kept.read_text(encoding="utf-8"))
    assert (saved["question_id"], saved["answer"]) == (4, ANSWER)
    with sqlite3.connect(bank) as conn:
        [(local,)] = conn.execute("SELECT id FROM users WHERE login = 'local'")
    assert saved["user_id"] == local  # whose answer it is
    assert attempts(bank) == []

    # The next session on the same database, now writable, submits it (piped: no question).
    later = runner.invoke(app, ["--db", str(bank), "practise", "2", "--answer", "Stalin died."])
    assert later.exit_code == 0, later.output
    assert f"Your answer to question 4 of {saved['submitted_at'][:10]}" in later.stdout
    assert "Submitted as attempt 1: " in later.stdout
    assert [(q, a) for q, a, _ in attempts(bank)] == [(4, ANSWER), (2, "Stalin died.")]
    assert all(mark is not None for _, _, mark in attempts(bank))
    assert list(data_home.iterdir()) == []


def test_a_kept_answer_waits_for_its_own_database_only(
    bank: Path, tmp_path: Path, seed_path: Path, data_home: Path
) -> None:
    runner.invoke(app, ["--db", read_only(bank), "practise", "4", "--answer", ANSWER])
    other = tmp_path / "other.db"
    runner.invoke(app, ["--db", str(other), "import", str(seed_path)])
    result = runner.invoke(app, ["--db", str(other), "practise", "2", "--answer", "Stalin died."])
    assert result.exit_code == 0, result.output
    assert "Submitted" not in result.stdout
    assert [q for q, _, _ in attempts(other)] == [2]
    assert len(list(data_home.iterdir())) == 1


def test_a_damaged_kept_file_is_named_and_left_alone(bank: Path, data_home: Path) -> None:
    data_home.mkdir(parents=True)
    damaged = data_home / "answer-20270501T093000-question-4-00000000.json"
    damaged.write_text('{"question_id": 4, "answer": "half')
    result = runner.invoke(app, ["--db", str(bank), "practise", "2", "--answer", "Stalin died."])
    assert result.exit_code == 0, result.output
    assert f"warning: {damaged}: left as it is: not a kept answer" in " ".join(
        result.stderr.split()
    )
    assert damaged.read_text() == '{"question_id": 4, "answer": "half'


def test_a_piped_answer_ends_at_the_full_stop_line(bank: Path, data_home: Path) -> None:
    piped = "The Secret Speech attacked Stalin.\n.\nnot part of the answer\n"
    result = runner.invoke(app, ["--db", str(bank), "practise", "2"], input=piped)
    assert result.exit_code == 0, result.output
    assert attempts(bank)[0][1] == "The Secret Speech attacked Stalin.\n"


def test_practise_points_only_to_what_practise_can_do(bank: Path, data_home: Path) -> None:
    result = runner.invoke(app, ["--db", str(bank), "practise", "2", "--answer", "Stalin died."])
    assert result.exit_code == 0, result.output
    assert "--json" not in result.stdout
    assert "more (pastpaper scheme 2 lists every point)" in result.stdout


def test_times_are_said_in_singular_and_plural() -> None:
    from pastpaper.cli.render import when

    now = datetime(2027, 4, 30, 12, tzinfo=UTC)
    assert when(now + timedelta(seconds=65), now) == "in 1 minute"
    assert when(now + timedelta(minutes=10, seconds=5), now) == "in 10 minutes"
    assert when(now + timedelta(hours=1, minutes=1), now) == "in 1 hour"
    assert when(now + timedelta(days=1, hours=1), now) == "in 1 day (2027-05-01)"


@pytest.mark.parametrize(
    ("said", "meaning"),
    [
        ("attempt to write a readonly database", "the database file is read-only"),
        ("database is locked", "another program holds the database locked"),
        ("database or disk is full", "the disk is full"),
        ("unable to open database file", "the database file cannot be opened"),
        ("file is not a database", "the database file is damaged or is not a database"),
    ],
)
def test_a_database_failure_is_told_by_its_real_cause(said: str, meaning: str) -> None:
    assert cause(sqlite3.OperationalError(said)) == f"{meaning} ({said})"


def test_a_server_that_has_gone_is_told_as_such(tmp_path: Path) -> None:
    from sqlalchemy.exc import OperationalError

    error = OperationalError(
        "INSERT",
        {},
        Exception("connection failed: Connection refused"),
        connection_invalidated=True,
    )
    assert cause(error).startswith("the database server cannot be reached (")


def test_a_locked_database_is_reported_as_locked(bank: Path) -> None:
    from sqlalchemy import text

    holder = sqlite3.connect(bank, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store = Store.open(bank)
        with store.engine.connect() as conn:
            conn.execute(text("PRAGMA busy_timeout=50"))
            with pytest.raises(Exception) as raised:
                conn.execute(text("INSERT INTO attempts (answer) VALUES ('x')"))
        assert cause(raised.value).startswith("another program holds the database locked")
        store.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
