"""Files pastpaper writes: whole or not at all, never over the store, never over another kind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pastpaper.cli import app
from pastpaper.errors import OutputError
from pastpaper.files import APKG, CSV, PNG, XML, YAML, check_writable, write_file

runner = CliRunner()
COURSE = "khrushchevs-attempts-at-modernisation"


@pytest.fixture
def seeded(tmp_path: Path, seed_path: Path) -> Path:
    db = tmp_path / "bank.db"
    result = runner.invoke(app, ["--db", str(db), "import", str(seed_path)])
    assert result.exit_code == 0, result.output
    return db


def questions_listed(db: Path) -> int:
    result = runner.invoke(app, ["--db", str(db), "questions", "--json"])
    assert result.exit_code == 0, result.output
    return result.stdout.count('"id"')


@pytest.mark.parametrize(
    ("command", "suffix"),
    [
        (["export-anki", COURSE, "-o"], ".apkg"),
        (["export-moodle", COURSE, "-o"], ".xml"),
        (["export", COURSE, "-o"], ".yaml"),
        (["timeline", "--chart"], ".png"),
    ],
)
def test_no_export_replaces_the_database_in_use_even_with_force(
    seeded: Path, command: list[str], suffix: str
) -> None:
    # The database is even named as the export would be: it is still never written over.
    target = seeded.with_suffix(suffix)
    os.replace(seeded, target)
    before = target.read_bytes()
    result = runner.invoke(app, ["--db", str(target), *command, str(target), "--force"])
    assert result.exit_code == 1
    assert "left as it is" in result.stderr or "the database in use" in result.stderr
    assert target.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
    assert questions_listed(target) == 7


def test_the_store_itself_is_named_as_the_database_in_use(seeded: Path) -> None:
    result = runner.invoke(
        app, ["--db", str(seeded), "export-anki", COURSE, "-o", str(seeded), "--force"]
    )
    assert result.exit_code == 1
    assert result.stderr == f"error: {seeded} is the database in use; write to another file\n"


@pytest.mark.parametrize(
    ("command", "target", "content"),
    [
        (["export-moodle", COURSE], "quiz.xml", b"\x89PNG\r\n\x1a\n picture"),
        (["export-anki", COURSE], "deck.apkg", b"student,mark\nA1,3\n"),
        (["export", COURSE], "course.yaml", b"PK\x03\x04\x14\x00\x00\x00 a zip"),
    ],
)
def test_force_never_replaces_a_file_of_another_kind(
    seeded: Path, tmp_path: Path, command: list[str], target: str, content: bytes
) -> None:
    path = tmp_path / target
    path.write_bytes(content)
    result = runner.invoke(app, ["--db", str(seeded), *command, "-o", str(path), "--force"])
    assert result.exit_code == 1
    assert "so it is left as it is (even with --force)" in result.stderr
    assert path.read_bytes() == content


@pytest.mark.parametrize(
    ("command", "target"),
    [
        (["export", COURSE], "notes.txt"),
        (["export", COURSE], "readme.md"),
        (["export-moodle", COURSE], "notes.txt"),
        (["mark", "--csv", "{answers}"], "notes.txt"),
        (["mark", "--csv", "{answers}"], "course.yaml"),
        (["timeline", "--chart"], "notes.svg.txt"),
    ],
)
def test_force_never_replaces_a_text_file_of_another_kind(
    seeded: Path, tmp_path: Path, seed_path: Path, command: list[str], target: str
) -> None:
    """Notes are text, as a CSV or a course file is: the name tells them apart."""
    answers = tmp_path / "class.csv"
    answers.write_text("student,question,answer\nann,2,Stalin died.\n", encoding="utf-8")
    path = tmp_path / target
    notes = seed_path.read_bytes()
    path.write_bytes(notes)
    args = [part.format(answers=answers) for part in command]
    option = [str(path)] if command[0] == "timeline" else ["-o", str(path)]
    result = runner.invoke(app, ["--db", str(seeded), *args, *option, "--force"])
    assert result.exit_code == 1
    assert path.read_bytes() == notes


def test_a_course_file_is_written_under_a_name_import_knows(seeded: Path, tmp_path: Path) -> None:
    target = tmp_path / "course.txt"
    result = runner.invoke(app, ["--db", str(seeded), "export", COURSE, "-o", str(target)])
    assert (result.exit_code, result.stderr) == (
        1,
        f"error: {target}: a course file's name ends in .yaml (or .yml), which is how import "
        "knows it; give a name such as course.yaml\n",
    )
    assert not target.exists()


def test_force_replaces_a_file_of_the_same_kind(seeded: Path, tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    for _ in range(2):
        result = runner.invoke(
            app, ["--db", str(seeded), "export-anki", COURSE, "-o", str(deck), "--force"]
        )
        assert result.exit_code == 0, result.output
    assert deck.read_bytes().startswith(b"PK\x03\x04")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.db", "deck.apkg"]


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    book = tmp_path / "marks.csv"
    book.write_text("student,mark\nA1,3\n")

    def crash(path: Path) -> None:
        path.write_text("student,mark\nA1,")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left on device"):
        write_file(book, crash, kind=CSV, force=True)
    assert book.read_text() == "student,mark\nA1,3\n"
    assert [p.name for p in tmp_path.iterdir()] == ["marks.csv"]


def test_a_process_killed_while_writing_leaves_the_old_file_whole(tmp_path: Path) -> None:
    book = tmp_path / "marks.csv"
    book.write_text("old\n")
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from pastpaper.files import CSV, write_file\n"
        "def half(path):\n"
        "    path.write_text('new, half written')\n"
        "    os._exit(9)\n"  # dies with the new file half written, as a power cut would
        f"write_file(Path({str(book)!r}), half, kind=CSV, force=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False)
    assert done.returncode == 9
    assert book.read_text() == "old\n"


def test_a_file_that_appears_while_writing_is_not_replaced(tmp_path: Path) -> None:
    book = tmp_path / "marks.csv"

    def meanwhile(path: Path) -> None:
        path.write_text("ours\n")
        book.write_text("someone else's\n")

    with pytest.raises(OutputError, match="exists"):
        write_file(book, meanwhile, kind=CSV)
    assert book.read_text() == "someone else's\n"


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_file(tmp_path / "course.yaml", "title: x\n", kind=YAML)
    finally:
        os.umask(umask)
    assert (tmp_path / "course.yaml").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("kind", "head", "ok"),
    [
        (CSV, b"student,question,answer\n", True),
        (CSV, b"SQLite format 3\x00", False),
        (CSV, b"\x89PNG\r\n\x1a\n", False),
        (XML, b'<?xml version="1.0"?><quiz/>', True),
        (XML, b"student,mark", False),
        (APKG, b"PK\x03\x04", True),
        (APKG, b"<quiz/>", False),
        (PNG, b"\x89PNG\r\n\x1a\n", True),
        (PNG, b"<svg/>", False),
    ],
)
def test_kinds_are_told_by_their_first_bytes(
    tmp_path: Path, kind: object, head: bytes, ok: bool
) -> None:
    from pastpaper.files import FileKind

    assert isinstance(kind, FileKind)
    path = tmp_path / f"file{kind.suffixes[0]}"
    path.write_bytes(head)
    if ok:
        check_writable(path, kind, force=True)
    else:
        with pytest.raises(OutputError):
            check_writable(path, kind, force=True)
