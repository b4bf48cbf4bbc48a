"""Backups: `pastpaper backup OUT` copies the SQLite store (attempts and reviews too) while it
is in use, and `pastpaper restore IN` puts a backup back, keeping the database it replaces."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pastpaper.app import Pastpaper
from pastpaper.cli import app as cli_app
from pastpaper.settings import Settings
from pastpaper.store import Store

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
runner = CliRunner()


def cli(db: Path | str, *args: str, code: int = 0) -> str:
    result = runner.invoke(cli_app, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.output


def work(store: Store) -> tuple[int, int]:
    """How many attempts and reviews the local user has."""
    local = store.people.local().id
    return len(store.memory.attempts(local)), len(store.memory.reviews(local))


def practise(db: Path, seed_path: Path, answer: str) -> None:
    """Import the seed (once), answer a question and review a card, as the local user."""
    with Store.open(db) as store:
        bank = Pastpaper(store, None, Settings(db=str(db)), lambda: NOW)
        if not store.courses():
            bank.import_file(seed_path)
        question = next(q for q in store.questions() if q.marks)
        bank.submit_attempt(question.id, answer)
        reviewed = work(store)[1]
        card = store.memory.cards(store.people.local().id)[reviewed]
        bank.rate_card(card.id, 3)


def test_a_backup_restored_brings_back_the_attempts_and_reviews_and_keeps_the_newer_database(
    tmp_path: Path, seed_path: Path
) -> None:
    db, copy = tmp_path / "bank.db", tmp_path / "backup.db"
    practise(db, seed_path, "Khrushchev wanted to secure his position.")
    assert "Backed up the database" in cli(db, "backup", str(copy))
    practise(db, seed_path, "The Virgin Lands scheme grew more grain.")
    with Store.open(db) as store:
        assert work(store) == (2, 2)
    said = cli(db, "restore", str(copy))
    assert "kept as" in said
    with Store.open(db) as store:
        assert work(store) == (1, 1)
        assert store.memory.attempts(store.people.local().id)[0].answer.startswith("Khrushchev")
    [kept] = tmp_path.glob("bank.db.before-restore-*")
    with Store.open(kept) as store:
        assert work(store) == (2, 2)  # what the restore replaced is all there


def test_a_backup_never_writes_over_a_file(tmp_path: Path, seed_path: Path) -> None:
    db, copy = tmp_path / "bank.db", tmp_path / "backup.db"
    practise(db, seed_path, "He denounced Stalin in the Secret Speech.")
    copy.write_text("my notes\n")
    assert "exists" in cli(db, "backup", str(copy), code=1)
    assert copy.read_text() == "my notes\n"
    assert "does not exist" in cli(db, "backup", str(tmp_path / "nowhere" / "b.db"), code=1)


def test_restore_refuses_what_is_not_a_pastpaper_backup_and_changes_nothing(
    tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "bank.db"
    practise(db, seed_path, "He denounced Stalin in the Secret Speech.")
    before = db.read_bytes()
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE marks (student TEXT)")
    for bad, says in (
        (seed_path, "not a SQLite database"),
        (other, "not one pastpaper wrote"),
        (tmp_path / "missing.db", "no such file"),
        (db, "the database in use"),
    ):
        assert says in cli(db, "restore", str(bad), code=1)
    assert db.read_bytes() == before
    assert list(tmp_path.glob("*.before-restore-*")) == []


def test_a_servers_database_is_sent_to_pg_dump(tmp_path: Path) -> None:
    said = cli("postgresql://nobody@127.0.0.1:1/none", "restore", str(tmp_path / "b.db"), code=1)
    assert "pg_dump" in said


@pytest.mark.parametrize("role", ["teacher", "student"])
def test_only_an_admin_backs_up(tmp_path: Path, role: str) -> None:
    from pastpaper.errors import Forbidden

    db = tmp_path / "bank.db"
    with Store.open(db) as store:
        user = store.people.add_user("someone", "Someone", role, now=NOW)
        bank = Pastpaper(store, None, Settings(db=str(db)), lambda: NOW, user)
        with pytest.raises(Forbidden):
            bank.backup(tmp_path / "copy.db")
    assert not (tmp_path / "copy.db").exists()
